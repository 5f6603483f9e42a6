// A stored complete C.Hasil read back in the printed order, for the reviewer beside the photos; a box the
// rules find fault with is marked with its tier, so a discrepancy on the official form is seen where it is.
import { checkC1, type C1Context, type C1Form } from "~/lib/c1-rules";
import { BALLOT_ROWS, flattenForm, SEX_COLUMNS, voteBlocks, VOTER_ROWS, type BallotRow } from "~/lib/c1-layout";
import type { Contest } from "~/lib/contests";
import { formatNumber } from "~/lib/format";
import { c1FormMessages } from "~/lib/messages/c1-form";
import { issueMessage } from "~/lib/messages/quick-count";
import { useLang, useT } from "~/lib/use-t";

const BALLOT_LABEL: Record<BallotRow, "received" | "usedBallots" | "damaged" | "unused"> = {
  received: "received",
  used: "usedBallots",
  damaged: "damaged",
  unused: "unused",
};

export function C1FormView({
  contest,
  form,
  context,
}: {
  contest: Pick<Contest, "type" | "candidates" | "parties">;
  form: C1Form;
  context: C1Context;
}) {
  const t = useT(c1FormMessages);
  const lang = useLang();
  const boxes = flattenForm(form);
  const { warnings } = checkC1({ form }, context);
  const cell = (path: string) => {
    const found = warnings.filter((w) => w.field === path);
    return (
      <td
        key={path}
        className={found.length ? `tier-${found[0].tier}` : undefined}
        title={found.map((w) => issueMessage(lang, w)).join(" ")}
      >
        {boxes[path] === undefined ? "—" : formatNumber(Number(boxes[path]), lang)}
      </td>
    );
  };
  const sexRow = (base: string, label: string) => (
    <tr key={base}>
      <th>{label}</th>
      {SEX_COLUMNS.map((c) => cell(`${base}.${c}`))}
    </tr>
  );
  const oneRow = (path: string, label: string, className?: string) => (
    <tr key={path} className={className}>
      <th>{label}</th>
      {cell(path)}
      <td colSpan={2} />
    </tr>
  );
  return (
    <div className="c1-view" data-testid="c1-form-view">
      <table className="data-table">
        <thead>
          <tr>
            <th>{t("cform.sectionI")}</th>
            {SEX_COLUMNS.map((c) => (
              <th key={c}>{t(`cform.col.${c}`)}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {VOTER_ROWS.map((row) => sexRow(`form.voters.${row}`, t(`cform.row.${row}`)))}
          <tr className="group">
            <th colSpan={4}>{t("cform.sectionII")}</th>
          </tr>
          {BALLOT_ROWS.map((row) => oneRow(`form.ballots.${row}`, t(`cform.row.${BALLOT_LABEL[row]}`)))}
          <tr className="group">
            <th colSpan={4}>{t("cform.sectionIII")}</th>
          </tr>
          {sexRow("form.disabled", t("cform.row.disabled"))}
          <tr className="group">
            <th colSpan={4}>{t("cform.sectionIV")}</th>
          </tr>
          {voteBlocks(contest).flatMap((b) =>
            b.kind === "party"
              ? [
                  oneRow(
                    b.partyPath,
                    `${t("cform.party", { number: b.number, name: b.name })} — ${t("cform.partyOnly")}`,
                  ),
                  ...b.candidates.map((c) => oneRow(c.path, t("cform.partyCandidate", c), "indent")),
                  oneRow(b.totalPath, t("cform.partyTotal"), "total"),
                ]
              : [
                  oneRow(
                    b.path,
                    b.kind === "blank"
                      ? t("cform.blank")
                      : `${t(b.kind === "pair" ? "cform.pair" : "cform.candidateNo", { number: b.number })} — ${b.name}`,
                  ),
                ],
          )}
          <tr className="group">
            <th colSpan={4}>{t("cform.sectionV")}</th>
          </tr>
          {oneRow("form.valid", t("cform.row.valid"))}
          {oneRow("form.invalid", t("cform.row.invalid"))}
          {oneRow("form.total", t("cform.row.total"), "total")}
        </tbody>
      </table>
      {warnings.length ? (
        <ul className="row-issues">
          {warnings.map((w, i) => (
            <li key={i} className={`issue tier-${w.tier}`}>
              <b>{t(`cform.tier.${w.tier}`)}:</b> {issueMessage(lang, w)}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
