// The C1 quick-count form with live rule feedback. The same rules module checks it here, on the server
// and on the paper-entry screen. Works as a plain HTML form too (progressive enhancement).
import { Form } from "@remix-run/react";
import { useEffect, useMemo, useRef, useState } from "react";
import { checkC1, MIN_JUSTIFICATION, type C1Context, type Issue } from "~/lib/c1-rules";
import { issueMessage } from "~/lib/i18n";
import { useLang, useT } from "~/lib/use-t";

export interface QuickCountFormProps {
  id: string;
  tpsCode: string;
  contest: { code: string; name: string; candidates: { number: number; name: string }[] };
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
   * With JavaScript, the submission goes to the outbox instead of the form post (issue 3.2); the plain form
   * still works without it. Gets the API body and the C1 photos the officer took.
   */
  onQueue?: (body: QueuedQuickCount, photos: File[]) => Promise<void>;
  /** Numbers to put back in the form: a draft kept across reloads and updates, or a rejected item to fix. */
  restore?: { values: Record<string, string>; justification: string } | null;
  /** localStorage key for the draft; the page clears it once the submission is queued. */
  draftKey?: string;
}

export interface QueuedQuickCount {
  id: string;
  tpsCode: string;
  contest: string;
  votes: Record<string, string>;
  invalid: string;
  valid?: string;
  ballotsUsed?: string;
  justification?: string;
  capturedAt: string;
}

export function QuickCountForm({
  id,
  tpsCode,
  contest,
  context,
  initial,
  typed,
  serverErrors,
  busy,
  extra,
  submitLabel,
  onQueue,
  restore,
  draftKey,
}: QuickCountFormProps) {
  const t = useT();
  const lang = useLang();
  const [values, setValues] = useState<Record<string, string>>(() => {
    if (typed) {
      const start: Record<string, string> = {
        invalid: typed.invalid,
        valid: typed.valid,
        ballotsUsed: typed.ballotsUsed,
      };
      for (const c of contest.candidates) start[`votes.${c.number}`] = typed.votes[c.number] ?? "";
      return start;
    }
    const start: Record<string, string> = {
      invalid: initial ? String(initial.invalid) : "",
      valid: "",
      ballotsUsed: "",
    };
    for (const c of contest.candidates)
      start[`votes.${c.number}`] = initial ? String(initial.votes[c.number] ?? "") : "";
    return start;
  });
  const [touched, setTouched] = useState<Record<string, boolean>>({});
  const [justification, setJustification] = useState(typed?.justification ?? "");
  const [tried, setTried] = useState(false);
  const [hydrated, setHydrated] = useState(false);
  const [photos, setPhotos] = useState<File[]>([]);
  const [queueing, setQueueing] = useState(false);

  // Numbers typed into the server-rendered form before React took over: hydration resets the inputs to the
  // state, so read them once, during the first client render (before the commit), and put them back after.
  const typedEarly = useRef<Record<string, string> | null>(null);
  if (typedEarly.current === null && typeof document !== "undefined") {
    typedEarly.current = {};
    const form = document.querySelector<HTMLFormElement>("form.qc-form");
    for (const name of Object.keys(values)) {
      const input = form?.elements.namedItem(name);
      if (input instanceof HTMLInputElement && input.value !== values[name])
        typedEarly.current[name] = input.value.trim();
    }
  }

  // After hydration: bring back a draft (or the item being fixed), then keep the draft current.
  useEffect(() => {
    setHydrated(true);
    const early = typedEarly.current ?? {};
    if (Object.keys(early).length) {
      setValues((v) => ({ ...v, ...early }));
      setTouched((t) => ({ ...t, ...Object.fromEntries(Object.keys(early).map((k) => [k, true])) }));
      return;
    }
    if (restore) {
      setValues((v) => ({ ...v, ...restore.values }));
      setJustification(restore.justification);
      return;
    }
    if (!draftKey) return;
    try {
      const saved = JSON.parse(localStorage.getItem(draftKey) ?? "null") as {
        values?: Record<string, string>;
        justification?: string;
      } | null;
      if (saved?.values) {
        setValues((v) => ({ ...v, ...saved.values }));
        setJustification(saved.justification ?? "");
      }
    } catch {
      /* a broken draft is ignored */
    }
  }, [restore, draftKey]);
  useEffect(() => {
    if (!hydrated || !draftKey) return;
    if (Object.values(values).some((v) => v !== "") || justification)
      localStorage.setItem(draftKey, JSON.stringify({ values, justification }));
  }, [hydrated, draftKey, values, justification]);

  const check = useMemo(
    () =>
      checkC1(
        {
          votes: Object.fromEntries(contest.candidates.map((c) => [String(c.number), values[`votes.${c.number}`]])),
          invalid: values.invalid,
          valid: values.valid,
          ballotsUsed: values.ballotsUsed,
        },
        context,
      ),
    [values, context, contest.candidates],
  );

  const show = (field: string) => tried || touched[field];
  const errorFor = (field: string): string | undefined => {
    const local = check.errors.find((e) => e.field === field);
    if (local && show(field)) return issueMessage(lang, local);
    return serverErrors?.find((e) => e.field === field)?.message;
  };
  const warningFor = (field: string) => check.warnings.filter((w) => w.field === field);
  const needsReason = check.warnings.length > 0;
  const reasonShort = needsReason && justification.trim().length < MIN_JUSTIFICATION;
  const blocked = check.errors.length > 0 || reasonShort;

  const field = (name: string, label: string, optional = false) => {
    const error = errorFor(name);
    const warnings = warningFor(name);
    return (
      <label key={name} className={`field ${error ? "has-error" : warnings.length ? "has-warning" : ""}`}>
        <span>
          {label}
          {optional ? <em className="muted small"> ({t("qc.optional")})</em> : null}
        </span>
        <input
          name={name}
          inputMode="numeric"
          pattern="[0-9]*"
          autoComplete="off"
          maxLength={6}
          value={values[name]}
          aria-invalid={error ? true : undefined}
          aria-describedby={error || warnings.length ? `${name}-msg` : undefined}
          onChange={(e) => setValues((v) => ({ ...v, [name]: e.target.value.trim() }))}
          onBlur={() => setTouched((v) => ({ ...v, [name]: true }))}
        />
        {error ? (
          <span id={`${name}-msg`} className="error" role="alert">
            {error}
          </span>
        ) : null}
        {!error &&
          warnings.map((w: Issue) => (
            <span key={w.code} id={`${name}-msg`} className="warning">
              {issueMessage(lang, w)}
            </span>
          ))}
      </label>
    );
  };

  return (
    <Form
      method="post"
      className="stack qc-form"
      noValidate
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
        const optional = (name: string) => (values[name] ? values[name] : undefined);
        setQueueing(true);
        void onQueue(
          {
            // A new id per submission, made here: a page served from the offline cache carries an old one.
            id: crypto.randomUUID(),
            tpsCode,
            contest: contest.code,
            votes: Object.fromEntries(contest.candidates.map((c) => [String(c.number), values[`votes.${c.number}`]])),
            invalid: values.invalid,
            valid: optional("valid"),
            ballotsUsed: optional("ballotsUsed"),
            justification: needsReason ? justification : undefined,
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
      {contest.candidates.map((c) =>
        field(`votes.${c.number}`, `${t("qc.candidate", { number: c.number })} — ${c.name}`),
      )}
      <p className="sum muted" aria-live="polite">
        {t("qc.sum", { sum: check.validTotal ?? "–" })}
      </p>
      {field("valid", t("qc.valid"), true)}
      {field("invalid", t("qc.invalid"))}
      {field("ballotsUsed", t("qc.ballotsUsed"), true)}
      {needsReason ? (
        <div className="warning-box" role="status">
          <p>{t("qc.warningsHead")}</p>
          <ul>
            {check.warnings.map((w, i) => (
              <li key={i}>{issueMessage(lang, w)}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {needsReason || serverErrors?.some((e) => e.field === "justification") ? (
        <label className={`field ${(tried && reasonShort) || errorFor("justification") ? "has-error" : ""}`}>
          <span>{t("qc.justification")}</span>
          <textarea
            name="justification"
            rows={3}
            maxLength={2000}
            value={justification}
            onChange={(e) => setJustification(e.target.value)}
          />
          {tried && reasonShort ? (
            <span className="error" role="alert">
              {issueMessage(lang, {
                field: "justification",
                code: "justification_required",
                params: { min: MIN_JUSTIFICATION },
              })}
            </span>
          ) : errorFor("justification") ? (
            <span className="error" role="alert">
              {errorFor("justification")}
            </span>
          ) : null}
        </label>
      ) : null}
      {hydrated && onQueue ? (
        <label className="field">
          <span>
            {t("qc.photos")} <em className="muted small">({t("qc.optional")})</em>
          </span>
          <input
            type="file"
            accept="image/jpeg,image/png,image/webp,image/*"
            capture="environment"
            multiple
            data-testid="c1-photos"
            onChange={(e) => setPhotos(Array.from(e.target.files ?? []).slice(0, 5))}
          />
          {photos.length ? <span className="muted small">{t("qc.photosChosen", { n: photos.length })}</span> : null}
        </label>
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
