// The C1 quick-count form with live rule feedback. The same rules module checks it here, on the server
// and on the paper-entry screen. Works as a plain HTML form too (progressive enhancement).
import { Form } from "@remix-run/react";
import { useMemo, useState } from "react";
import { checkC1, MIN_JUSTIFICATION, type C1Context } from "~/lib/c1-rules";
import { quickChoiceList, type QuickChoice } from "~/lib/c1-layout";
import type { Contest } from "~/lib/contests";
import { c1FormMessages } from "~/lib/messages/c1-form";
import { issueMessage } from "~/lib/messages/quick-count";
import { commonMessages } from "~/lib/messages/common";
import { quickCountMessages } from "~/lib/messages/quick-count";
import { useLang, useT } from "~/lib/use-t";
import { CountField } from "./quick-count/count-field";
import { WarningsBox } from "./quick-count/warnings-box";
import { JustificationField } from "./quick-count/justification-field";
import { hasControlCharacter } from "~/lib/schemas/atoms";
import { PhotoField } from "./photo-field";
import { ConfirmAsWritten } from "./c1-form/confirm-as-written";
import { useQuickCountValues } from "./quick-count/use-quick-count-values";
import { enterMovesToNextBox } from "./quick-count/next-box";

export interface QuickCountFormProps {
  id: string;
  tpsCode: string;
  contest: Pick<Contest, "code" | "name" | "type" | "candidates" | "parties">;
  context: C1Context;
  initial?: { votes: Record<string, number>; invalid: number } | null;
  /** What the officer typed before a server-side rejection (no-JavaScript round trip). */
  typed?: { votes: Record<string, string>; invalid: string; valid: string; ballotsUsed: string; justification: string };
  serverErrors?: { field: string; code: string; message: string }[];
  busy: boolean;
  /** Extra fields (e.g. source and reason on the posko screens), shown above the submit button. */
  extra?: React.ReactNode;
  submitLabel?: string;
  /**
   * With JavaScript, the submission goes to the outbox instead of the form post (app/lib/outbox.ts); the plain form
   * still works without it. Gets the API body and the C1 photos the officer took.
   */
  onQueue?: (body: QueuedQuickCount, photos: File[]) => Promise<void>;
  /** Numbers to put back in the form: a draft kept across reloads and updates, or a rejected item to fix. */
  restore?: { values: Record<string, string>; justification: string } | null;
  /** localStorage key for the draft; the page clears it once the submission is queued. */
  draftKey?: string;
  /** Put the cursor in the first box on open (the officer's quick entry: open, type, send). */
  autoFocus?: boolean;
}

export interface QueuedQuickCount {
  id: string;
  tpsCode: string;
  contest: string;
  votes: Record<string, string>;
  invalid: string;
  /** The complete C.Hasil (sections I-V) as typed, when the officer completed it. */
  form?: Record<string, unknown> | null;
  valid?: string;
  ballotsUsed?: string;
  justification?: string;
  capturedAt: string;
}

export function QuickCountForm(props: QuickCountFormProps) {
  const { id, tpsCode, contest, context, serverErrors, busy, extra, submitLabel, onQueue } = props;
  const t = useT(quickCountMessages, c1FormMessages, commonMessages);
  const lang = useLang();
  const choices = useMemo(() => quickChoiceList(contest), [contest]);
  const { values, setValues, touched, setTouched, justification, setJustification, hydrated } =
    useQuickCountValues(props);
  const [tried, setTried] = useState(false);
  const [photos, setPhotos] = useState<File[]>([]);
  const [queueing, setQueueing] = useState(false);
  const [confirmed, setConfirmed] = useState(false);

  const check = useMemo(
    () =>
      checkC1(
        {
          votes: votesOf(choices, values),
          invalid: values.invalid,
          valid: values.valid,
          ballotsUsed: values.ballotsUsed,
        },
        context,
      ),
    [values, context, choices],
  );

  // A pair or DPD candidate by ballot number and names, the blank column, or a party (its total only).
  const choiceLabel = (c: QuickChoice) =>
    c.kind === "blank"
      ? t("cform.blank")
      : c.kind === "party"
        ? t("cform.party", { number: c.number, name: c.name })
        : `${t("qc.candidate", { number: c.number })} — ${c.name}`;
  const show = (field: string) => tried || touched[field];
  const errorFor = (field: string): string | undefined => {
    const local = check.errors.find((e) => e.field === field);
    if (local && show(field)) return issueMessage(lang, local);
    return serverErrors?.find((e) => e.field === field)?.message;
  };
  // Tier "inconsistent" (the numbers do not add up) is confirmed as written on the C.Hasil; tier "unusual"
  // needs a reason. Both become the justification the server requires for them.
  const inconsistent = check.warnings.some((w) => w.tier === "inconsistent");
  const needsReason = check.warnings.some((w) => w.tier === "unusual");
  const reasonShort = needsReason && justification.trim().length < MIN_JUSTIFICATION;
  // Refused by the server's schema too: said on the field before the item is queued.
  const reasonControlled = needsReason && hasControlCharacter(justification);
  const blocked = check.errors.length > 0 || (inconsistent && !confirmed) || reasonShort || reasonControlled;
  const sentJustification =
    [inconsistent && confirmed ? t("cform.confirm") : "", needsReason ? justification.trim() : ""]
      .filter(Boolean)
      .join(" — ") || undefined;

  const field = (name: string, label: string, optional = false, autoFocus = false) => (
    <CountField
      key={name}
      name={name}
      label={label}
      optional={optional}
      autoFocus={autoFocus}
      value={values[name]}
      error={errorFor(name)}
      warnings={check.warnings.filter((w) => w.field === name)}
      onChange={(value) => setValues((v) => ({ ...v, [name]: value }))}
      onBlur={() => setTouched((v) => ({ ...v, [name]: true }))}
    />
  );

  return (
    <Form
      method="post"
      className="stack qc-form"
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
        if (!onQueue) return;
        event.preventDefault();
        setQueueing(true);
        void onQueue(
          queuedBody({ tpsCode, contest, choices, values, justification: sentJustification }),
          photos,
        ).finally(() => setQueueing(false));
      }}
    >
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="tpsCode" value={tpsCode} />
      <input type="hidden" name="contest" value={contest.code} />
      <input type="hidden" name="capturedAt" defaultValue={new Date().toISOString()} />
      {choices.map((c, i) => field(`votes.${c.number}`, choiceLabel(c), false, i === 0 && !!props.autoFocus))}
      <p className="sum muted" aria-live="polite">
        {t("qc.sum", { sum: check.validTotal ?? "–" })}
      </p>
      {field("valid", t("qc.valid"), true)}
      {field("invalid", t("qc.invalid"))}
      {field("ballotsUsed", t("qc.ballotsUsed"), true)}
      {check.warnings.length ? <WarningsBox warnings={check.warnings} /> : null}
      {inconsistent ? (
        <ConfirmAsWritten checked={confirmed} onChange={setConfirmed} missing={tried && !confirmed} />
      ) : null}
      {/* A plain post (the posko's) carries the confirmation here when no reason box is shown. */}
      {inconsistent && !needsReason && !serverErrors?.some((e) => e.field === "justification") ? (
        <input type="hidden" name="justification" value={sentJustification ?? ""} />
      ) : null}
      {needsReason || serverErrors?.some((e) => e.field === "justification") ? (
        <JustificationField
          value={justification}
          onChange={setJustification}
          tooShort={tried && reasonShort}
          controlled={tried && reasonControlled}
          serverError={errorFor("justification")}
        />
      ) : null}
      {hydrated && onQueue ? (
        <PhotoField label={t("qc.photos")} testId="c1-photos" photos={photos} onChange={setPhotos} />
      ) : null}
      {extra}
      {tried && blocked ? (
        <p className="error" role="alert">
          {t("qc.fixErrors")}
        </p>
      ) : null}
      <button type="submit" className="primary big" disabled={busy || queueing}>
        {busy || queueing ? t("qc.sending") : (submitLabel ?? t("qc.submit"))}
      </button>
    </Form>
  );
}

const votesOf = (choices: { number: number }[], values: Record<string, string>) =>
  Object.fromEntries(choices.map((c) => [String(c.number), values[`votes.${c.number}`]]));

/** The API body of a submission queued in the outbox. */
function queuedBody({
  tpsCode,
  contest,
  choices,
  values,
  justification,
}: {
  tpsCode: string;
  contest: QuickCountFormProps["contest"];
  choices: QuickChoice[];
  values: Record<string, string>;
  justification: string | undefined;
}): QueuedQuickCount {
  const optional = (name: string) => (values[name] ? values[name] : undefined);
  return {
    // A new id per submission, made here: a page served from the offline cache carries an old one.
    id: crypto.randomUUID(),
    tpsCode,
    contest: contest.code,
    votes: votesOf(choices, values),
    invalid: values.invalid,
    valid: optional("valid"),
    ballotsUsed: optional("ballotsUsed"),
    justification,
    capturedAt: new Date().toISOString(),
  };
}
