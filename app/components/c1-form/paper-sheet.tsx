// The printable copy of Model C.Hasil for one TPS and contest, box for box as the official form has them and
// in the order the posko's entry screen asks for them (app/lib/c1-layout.ts): page 1 sections I-III, page 2
// sections IV-V, as the official form's "Hal 1 dari 2" and "Hal 2 dari 2". Each page carries the TPS code as
// text and as a QR code, since pages get separated on the way to the posko.
import type { Contest } from "~/lib/contests";
import { BALLOT_ROWS, voteBlocks, VOTER_ROWS, type BallotRow } from "~/lib/c1-layout";
import { regionLabel } from "~/lib/regions";
import { c1FormMessages } from "~/lib/messages/c1-form";
import { commonMessages } from "~/lib/messages/common";
import { paperMessages } from "~/lib/messages/paper";
import { useT } from "~/lib/use-t";
import type { PaperTps } from "~/models/paper.server";

/** Digits per box row: a TPS has at most a few hundred voters, the official form prints three. */
const DIGITS = 3;

export const Boxes = ({ n = DIGITS }: { n?: number }) => (
  <span className="boxes">
    {Array.from({ length: n }, (_, i) => (
      <i key={i} />
    ))}
  </span>
);

export function SheetHead({ tps, title, page }: { tps: PaperTps; title: string; page?: string }) {
  const t = useT(c1FormMessages, paperMessages, commonMessages);
  return (
    <header className="sheet-head">
      <div>
        <p className="sheet-kind">
          {t("app.name")} — {title}
          {page ? <span className="sheet-page"> · {page}</span> : null}
        </p>
        <p className="sheet-tps" data-testid="paper-tps-code">
          TPS {tps.code}
        </p>
        <dl className="sheet-regions">
          <div>
            <dt>{t("cform.region.province")}</dt>
            <dd>{tps.provinceName}</dd>
          </div>
          <div>
            <dt>{t("cform.region.city")}</dt>
            <dd>{regionLabel(tps.cityKind, tps.cityName)}</dd>
          </div>
          <div>
            <dt>{t("cform.region.kecamatan")}</dt>
            <dd>{tps.kecamatanName}</dd>
          </div>
          <div>
            <dt>{t("cform.region.kelurahan")}</dt>
            <dd data-testid="paper-kelurahan">{regionLabel(tps.kelurahanKind, tps.kelurahanName)}</dd>
          </div>
          <div>
            <dt>{t("cform.region.tps")}</dt>
            <dd>
              {String(tps.number).padStart(3, "0")} · {tps.address}
            </dd>
          </div>
        </dl>
        <p>
          {t("officer.voters")}: {tps.dpt} · DPTb: {tps.dptb} · DPK: {tps.dpk}
        </p>
      </div>
      {/* SVG made on the server by the qrcode package from the validated TPS code */}
      <div
        className="sheet-qr"
        data-testid="paper-qr"
        role="img"
        aria-label={`QR ${tps.code}`}
        dangerouslySetInnerHTML={{ __html: tps.qrSvg }}
      />
    </header>
  );
}

export function Signatures() {
  const t = useT(paperMessages);
  return (
    <footer className="sheet-sign">
      <div>
        <span>{t("paper.officer")}</span>
        <i />
      </div>
      <div>
        <span>{t("paper.time")}</span>
        <i />
      </div>
      <div>
        <span>{t("paper.enteredBy")}</span>
        <i />
      </div>
    </footer>
  );
}

const BALLOT_LABEL: Record<BallotRow, "received" | "usedBallots" | "damaged" | "unused"> = {
  received: "received",
  used: "usedBallots",
  damaged: "damaged",
  unused: "unused",
};

export function C1PaperSheet({ tps, contest }: { tps: PaperTps; contest: Contest }) {
  const t = useT(c1FormMessages, paperMessages, commonMessages);
  const title = t("cform.paperTitle", { contest: contest.name }) + (contest.dapil ? ` (${contest.dapil})` : "");
  const sexRow = (label: string, key: string, className = "") => (
    <tr key={key} className={className}>
      <th>{label}</th>
      <td>
        <Boxes />
      </td>
      <td>
        <Boxes />
      </td>
      <td>
        <Boxes />
      </td>
    </tr>
  );
  const sexHead = (
    <thead>
      <tr>
        <th />
        <th>{t("cform.col.m")}</th>
        <th>{t("cform.col.f")}</th>
        <th>{t("cform.col.total")}</th>
      </tr>
    </thead>
  );
  const oneRow = (label: string, key: string, className = "") => (
    <tr key={key} className={className}>
      <th>{label}</th>
      <td>
        <Boxes />
      </td>
    </tr>
  );
  return (
    <div className="sheet-set" data-testid="paper-sheet-c1" data-contest={contest.code}>
      <section className="sheet c1-sheet">
        <SheetHead tps={tps} title={title} page="1/2" />
        <p className="sheet-help">{t("cform.paperHelp")}</p>
        <h3 className="sheet-section">{t("cform.sectionI")}</h3>
        <table className="sheet-table grid">
          {sexHead}
          <tbody>
            <tr className="group">
              <th colSpan={4}>{t("cform.sectionIA")}</th>
            </tr>
            {sexRow(t("cform.row.dpt"), "dpt")}
            <tr className="group">
              <th colSpan={4}>{t("cform.sectionIB")}</th>
            </tr>
            {VOTER_ROWS.slice(1).map((row) => sexRow(t(`cform.row.${row}`), row, row === "used" ? "total" : ""))}
          </tbody>
        </table>
        <h3 className="sheet-section">{t("cform.sectionII")}</h3>
        <table className="sheet-table grid">
          <tbody>{BALLOT_ROWS.map((row) => oneRow(t(`cform.row.${BALLOT_LABEL[row]}`), row))}</tbody>
        </table>
        <h3 className="sheet-section">{t("cform.sectionIII")}</h3>
        <table className="sheet-table grid">
          {sexHead}
          <tbody>{sexRow(t("cform.row.disabled"), "disabled")}</tbody>
        </table>
        <Signatures />
      </section>
      <section className="sheet c1-sheet">
        <SheetHead tps={tps} title={title} page="2/2" />
        <h3 className="sheet-section">{t("cform.sectionIV")}</h3>
        <table className="sheet-table grid">
          <tbody>
            {voteBlocks(contest).map((b) =>
              b.kind === "party" ? (
                <PartyRows key={b.number} block={b} oneRow={oneRow} />
              ) : (
                oneRow(
                  b.kind === "blank"
                    ? t("cform.blank")
                    : `${t(b.kind === "pair" ? "cform.pair" : "cform.candidateNo", { number: b.number })} — ${b.name}`,
                  String(b.number),
                )
              ),
            )}
          </tbody>
        </table>
        <h3 className="sheet-section">{t("cform.sectionV")}</h3>
        <table className="sheet-table grid">
          <tbody>
            {oneRow(t("cform.row.valid"), "valid")}
            {oneRow(t("cform.row.invalid"), "invalid")}
            {oneRow(t("cform.row.total"), "total", "total")}
          </tbody>
        </table>
        <Signatures />
      </section>
    </div>
  );
}

function PartyRows({
  block,
  oneRow,
}: {
  block: Extract<ReturnType<typeof voteBlocks>[number], { kind: "party" }>;
  oneRow: (label: string, key: string, className?: string) => React.ReactNode;
}) {
  const t = useT(c1FormMessages);
  return (
    <>
      <tr className="group">
        <th colSpan={2}>{t("cform.party", { number: block.number, name: block.name })}</th>
      </tr>
      {oneRow(t("cform.partyOnly"), `${block.number}-party`, "indent")}
      {block.candidates.map((c) =>
        oneRow(t("cform.partyCandidate", { number: c.number, name: c.name }), `${block.number}-${c.number}`, "indent"),
      )}
      {oneRow(t("cform.partyTotal"), `${block.number}-total`, "total")}
    </>
  );
}
