// The complete C.Hasil (sections I-V) box for box, in the printed order, with the rules' findings live on each
// row and by tier: "invalid" is red and blocks sending; "inconsistent" (the form's own arithmetic) is shown as
// "tidak cocok" and needs the officer's confirmation that the paper says so; "unusual" needs a reason. The
// confirmation and the reason become the submission's justification, which the server requires for the same
// findings (c1-rules.ts decideC1). Officer (outbox) and posko (plain form post) use the same component.
import { Form } from "@remix-run/react";
import { useMemo, useState, type ReactNode } from "react";
import { checkC1, MIN_JUSTIFICATION, type C1Context, type Issue, type Tier } from "~/lib/c1-rules";
import {
  BALLOT_ROWS,
  formPaths,
  nestForm,
  quickFromForm,
  SEX_COLUMNS,
  voteBlocks,
  VOTER_ROWS,
  type BallotRow,
} from "~/lib/c1-layout";
import type { Contest } from "~/lib/contests";
import { c1FormMessages } from "~/lib/messages/c1-form";
import { commonMessages } from "~/lib/messages/common";
import { issueMessage, quickCountMessages } from "~/lib/messages/quick-count";
import { useLang, useT } from "~/lib/use-t";
import type { QueuedQuickCount } from "../quick-count-form";
import { PhotoField } from "../photo-field";
import { enterMovesToNextBox } from "../quick-count/next-box";
import { ConfirmAsWritten } from "./confirm-as-written";
import { useFormValues, type FormDraft } from "./use-form-values";

export interface CompleteFormProps {
  id: string;
  tpsCode: string;
  contest: Pick<Contest, "code" | "name" | "type" | "candidates" | "parties">;
  context: C1Context;
  /** Boxes to start from: the stored complete form, or what the quick entry already filled. */
  start: Record<string, string>;
  serverErrors?: { field: string; code: string; message: string }[];
  busy: boolean;
  /** Extra fields (the posko's source), shown above the send button. */
  extra?: ReactNode;
  submitLabel?: string;
  /** With JavaScript on the officer's phone: the body and the page photos go to the outbox. */
  onQueue?: (body: QueuedQuickCount, photos: File[]) => Promise<void>;
  restore?: FormDraft | null;
  draftKey?: string;
}

const BALLOT_LABEL: Record<BallotRow, "received" | "usedBallots" | "damaged" | "unused"> = {
  received: "received",
  used: "usedBallots",
  damaged: "damaged",
  unused: "unused",
};

export function CompleteC1Form(props: CompleteFormProps) {
  const { id, tpsCode, contest, context, serverErrors, busy, extra, submitLabel, onQueue } = props;
  const t = useT(c1FormMessages, quickCountMessages, commonMessages);
  const lang = useLang();
  const state = useFormValues({ start: props.start, restore: props.restore, draftKey: props.draftKey });
  const { values, setValues, touched, setTouched, confirmed, setConfirmed, reason, setReason, hydrated } = state;
  const [tried, setTried] = useState(false);
  const [photos, setPhotos] = useState<File[]>([]);
  const [queueing, setQueueing] = useState(false);
  const paths = useMemo(() => formPaths(contest), [contest]);
  const blocks = useMemo(() => voteBlocks(contest), [contest]);

  const form = useMemo(() => nestForm(Object.fromEntries(paths.map((p) => [p, values[p] ?? ""]))), [paths, values]);
  const check = useMemo(() => checkC1({ form }, context), [form, context]);
  const inconsistent = check.warnings.filter((w) => w.tier === "inconsistent");
  const unusual = check.warnings.filter((w) => w.tier === "unusual");
  const reasonShort = unusual.length > 0 && reason.trim().length < MIN_JUSTIFICATION;
  const blocked = check.errors.length > 0 || (inconsistent.length > 0 && !confirmed) || reasonShort;
  // What the server reads as the justification: the confirmation (in the officer's words) and the reason.
  const justification = [
    inconsistent.length && confirmed ? t("cform.confirm") : "",
    unusual.length ? reason.trim() : "",
  ]
    .filter(Boolean)
    .join(" — ");

  // The sum the officer checks V.A against, once every total of section IV holds a whole number.
  const ivTotals = blocks.map((b) => values[b.kind === "party" ? b.totalPath : b.path] ?? "");
  const sumIv = ivTotals.every((v) => /^\d{1,4}$/.test(v)) ? ivTotals.reduce((a, v) => a + Number(v), 0) : null;

  /** Findings on a row's boxes: errors once the box was left (or sending was tried), then warnings. */
  const issuesOf = (rowPaths: string[]) => {
    const mine = (i: { field: string }) => rowPaths.includes(i.field);
    const errors = check.errors.filter((e) => mine(e) && (tried || touched[e.field]));
    const server = (serverErrors ?? []).filter((e) => mine(e) && !errors.some((x) => x.field === e.field));
    return { errors, server, warnings: check.warnings.filter(mine) };
  };
  const box = (path: string, label: string, autoFocus = false) => {
    const { errors, warnings } = issuesOf([path]);
    const server = serverErrors?.some((e) => e.field === path);
    const level = errors.length || server ? "has-error" : warnings.length ? `has-${warnings[0].tier}` : "";
    return (
      <input
        key={path}
        className={`box ${level}`}
        name={path}
        aria-label={label}
        inputMode="numeric"
        pattern="[0-9]*"
        autoComplete="off"
        enterKeyHint="next"
        maxLength={5}
        autoFocus={autoFocus}
        value={values[path] ?? ""}
        aria-invalid={errors.length || server ? true : undefined}
        onChange={(e) => setValues((v) => ({ ...v, [path]: e.target.value.trim() }))}
        onBlur={() => setTouched((v) => ({ ...v, [path]: true }))}
      />
    );
  };
  const findings = (rowPaths: string[]) => {
    const { errors, server, warnings } = issuesOf(rowPaths);
    if (!errors.length && !server.length && !warnings.length) return null;
    return (
      <ul className="row-issues">
        {errors.map((e, i) => (
          <IssueLine key={`e${i}`} tier="invalid" text={issueMessage(lang, e)} label={t("cform.tier.invalid")} />
        ))}
        {server.map((e, i) => (
          <IssueLine key={`s${i}`} tier="invalid" text={e.message} label={t("cform.tier.invalid")} />
        ))}
        {warnings.map((w, i) => (
          <IssueLine key={`w${i}`} tier={w.tier} text={issueMessage(lang, w)} label={t(`cform.tier.${w.tier}`)} />
        ))}
      </ul>
    );
  };
  const sexRow = (base: string, label: string, testId: string, first = false) => {
    const rowPaths = SEX_COLUMNS.map((c) => `${base}.${c}`);
    return (
      <div className="c1-row sex" data-testid={testId}>
        <span className="c1-label">{label}</span>
        <div className="c1-boxes">
          {SEX_COLUMNS.map((c, i) => (
            <label key={c}>
              <span>{t(`cform.col.${c}.short`)}</span>
              {box(`${base}.${c}`, `${label} — ${t(`cform.col.${c}`)}`, first && i === 0)}
            </label>
          ))}
        </div>
        {findings(rowPaths)}
      </div>
    );
  };
  const oneRow = (path: string, label: string, className = "") => (
    <div key={path} className={`c1-row one ${className}`} data-testid={`row-${path}`}>
      <span className="c1-label">{label}</span>
      {box(path, label)}
      {findings([path])}
    </div>
  );

  return (
    <Form
      method="post"
      className="c1-complete stack"
      // Set once the script runs (Enter moves between boxes from then on); tests and scripts wait for it.
      data-hydrated={hydrated ? "" : undefined}
      noValidate
      onKeyDown={enterMovesToNextBox}
      onSubmit={(event) => {
        setTried(true);
        if (blocked) {
          event.preventDefault();
          return;
        }
        const captured = event.currentTarget.elements.namedItem("capturedAt") as HTMLInputElement | null;
        if (captured) captured.value = new Date().toISOString();
        if (!onQueue || !check.numbers?.form) return;
        event.preventDefault();
        setQueueing(true);
        const quick = quickFromForm(check.numbers.form);
        void onQueue(
          {
            // A new id per submission, made here: a page served from the offline cache carries an old one.
            id: crypto.randomUUID(),
            tpsCode,
            contest: contest.code,
            votes: quick.votes,
            invalid: quick.invalid,
            form: form ?? {},
            justification: justification || undefined,
            capturedAt: new Date().toISOString(),
          },
          photos,
        ).finally(() => setQueueing(false));
      }}
    >
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="tpsCode" value={tpsCode} />
      <input type="hidden" name="contest" value={contest.code} />
      <input type="hidden" name="capturedAt" defaultValue={new Date().toISOString()} />
      <input type="hidden" name="justification" value={justification} />

      <fieldset className="c1-section" data-testid="section-I">
        <legend>{t("cform.sectionI")}</legend>
        <h3>{t("cform.sectionIA")}</h3>
        {sexRow("form.voters.dpt", t("cform.row.dpt"), "row-form.voters.dpt", true)}
        <h3>{t("cform.sectionIB")}</h3>
        {VOTER_ROWS.slice(1).map((row) => (
          <div key={row}>{sexRow(`form.voters.${row}`, t(`cform.row.${row}`), `row-form.voters.${row}`)}</div>
        ))}
      </fieldset>

      <fieldset className="c1-section" data-testid="section-II">
        <legend>{t("cform.sectionII")}</legend>
        {BALLOT_ROWS.map((row) => oneRow(`form.ballots.${row}`, t(`cform.row.${BALLOT_LABEL[row]}`)))}
      </fieldset>

      <fieldset className="c1-section" data-testid="section-III">
        <legend>{t("cform.sectionIII")}</legend>
        {sexRow("form.disabled", t("cform.row.disabled"), "row-form.disabled")}
      </fieldset>

      <fieldset className="c1-section" data-testid="section-IV">
        <legend>{t("cform.sectionIV")}</legend>
        {blocks.map((b) =>
          b.kind === "party" ? (
            <div key={b.number} className="c1-party" data-testid={`party-${b.number}`}>
              <h3>{t("cform.party", { number: b.number, name: b.name })}</h3>
              {oneRow(b.partyPath, t("cform.partyOnly"))}
              {b.candidates.map((c) =>
                oneRow(c.path, t("cform.partyCandidate", { number: c.number, name: c.name }), "candidate"),
              )}
              {oneRow(b.totalPath, t("cform.partyTotal"), "total")}
            </div>
          ) : (
            oneRow(
              b.path,
              b.kind === "blank"
                ? t("cform.blank")
                : `${t(b.kind === "pair" ? "cform.pair" : "cform.candidateNo", { number: b.number })} — ${b.name}`,
            )
          ),
        )}
      </fieldset>

      <fieldset className="c1-section" data-testid="section-V">
        <legend>{t("cform.sectionV")}</legend>
        {oneRow("form.valid", t("cform.row.valid"))}
        {sumIv !== null ? (
          <p className="muted small" aria-live="polite" data-testid="sum-iv">
            {t("cform.sumIv", { sum: sumIv })}
          </p>
        ) : null}
        {oneRow("form.invalid", t("cform.row.invalid"))}
        {oneRow("form.total", t("cform.row.total"))}
      </fieldset>

      <TierSummary errors={check.errors.length} inconsistent={inconsistent} unusual={unusual} tried={tried} />
      {inconsistent.length ? (
        <ConfirmAsWritten checked={confirmed} onChange={setConfirmed} missing={tried && !confirmed} />
      ) : null}
      {unusual.length ? (
        <label className={`field ${tried && reasonShort ? "has-error" : ""}`}>
          <span>{t("cform.reason", { min: MIN_JUSTIFICATION })}</span>
          <textarea
            name="reason"
            rows={3}
            maxLength={1500}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
          />
        </label>
      ) : null}
      {serverErrors?.some((e) => e.field === "justification") ? (
        <p className="error" role="alert">
          {serverErrors.find((e) => e.field === "justification")!.message}
        </p>
      ) : null}
      {hydrated && onQueue ? (
        <PhotoField label={t("cform.photos")} testId="c1-photos" photos={photos} onChange={setPhotos} />
      ) : null}
      {extra}
      {tried && blocked ? (
        <p className="error" role="alert">
          {check.errors.length
            ? t("qc.fixErrors")
            : inconsistent.length && !confirmed
              ? t("cform.confirmNeeded")
              : null}
          {!check.errors.length && !(inconsistent.length && !confirmed) && reasonShort
            ? t("c1.justification_required", { min: MIN_JUSTIFICATION })
            : null}
        </p>
      ) : null}
      <button type="submit" className="primary big" disabled={busy || queueing}>
        {busy || queueing ? t("qc.sending") : (submitLabel ?? t("cform.submit"))}
      </button>
    </Form>
  );
}

function IssueLine({ tier, text, label }: { tier: Tier; text: string; label: string }) {
  return (
    <li className={`issue tier-${tier}`} role={tier === "invalid" ? "alert" : undefined}>
      <b>{label}:</b> {text}
    </li>
  );
}

/** How many findings of each tier, and what each asks of the officer. */
function TierSummary({
  errors,
  inconsistent,
  unusual,
  tried,
}: {
  errors: number;
  inconsistent: Issue[];
  unusual: Issue[];
  tried: boolean;
}) {
  const t = useT(c1FormMessages);
  // The arithmetic is checked once every box holds a number; until then only the boxes' own errors count.
  if (errors) {
    return tried ? (
      <p className="tier-summary tier-invalid" role="status" data-testid="tier-summary">
        {t("cform.summary.invalid", { n: errors })}
      </p>
    ) : null;
  }
  if (!inconsistent.length && !unusual.length) {
    return (
      <p className="tier-summary ok" role="status" data-testid="tier-summary">
        {t("cform.summary.ok")}
      </p>
    );
  }
  return (
    <ul className="tier-summary" role="status" data-testid="tier-summary">
      {inconsistent.length ? (
        <li className="tier-inconsistent">{t("cform.summary.inconsistent", { n: inconsistent.length })}</li>
      ) : null}
      {unusual.length ? <li className="tier-unusual">{t("cform.summary.unusual", { n: unusual.length })}</li> : null}
    </ul>
  );
}
