// Admin: election settings: election-day times and staleness, public-page options,
// the SMS fallback's number, emergency contacts, the checklists per phase of the day (each phase its own form:
// its time and its items), incident categories. Lists are edited as "a | b | c" lines.
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { SaveFeedback } from "~/components/save-feedback";
import { combineMessages, translate, type Lang } from "~/lib/i18n";
import { fromLines, SETTINGS, toLines, type SettingKey, type SettingValue } from "~/lib/settings";
import { papersMessages } from "~/lib/messages/papers";
import {
  CHECKLIST_PHASES,
  ChecklistConfig,
  checklistPhases,
  DEFAULT_CHECKLISTS,
  itemsFromRows,
  itemsToRows,
} from "~/lib/checklists";
import { checklistMessages } from "~/lib/messages/checklists";
import { adminMessages } from "~/lib/messages/admin";
import { alertMessages } from "~/lib/messages/alerts";
import { inputCheckMessages } from "~/lib/messages/input-checks";
import { CONTROL_CHARACTER_CODE } from "~/lib/schemas/atoms";
import { staffExtrasMessages } from "~/lib/messages/staff-extras";
import { commonMessages } from "~/lib/messages/common";
import { casesMessages } from "~/lib/messages/cases";
import { DAY_BASES } from "~/lib/deadlines";
import { useT } from "~/lib/use-t";
import { getSetting, saveSetting } from "~/models/settings.server";
import { readForm, requireAdminPage } from "~/utils/admin.server";
import { requestLang } from "~/utils/lang.server";

const messages = combineMessages(adminMessages, commonMessages, inputCheckMessages, checklistMessages);

const EDITABLE = [
  "election.times",
  "public",
  "sms",
  "papers",
  "contacts",
  "checklist",
  "incident.categories",
  "incident.alerts",
  "deadlines",
] as const;
type Editable = (typeof EDITABLE)[number];

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireAdminPage(request, context.sql);
  const [times, publicOptions, sms, papers, contacts, checklist, categories, alerts, deadlines] = await Promise.all(
    EDITABLE.map((k) => getSetting(context.sql, k)),
  );
  return {
    times,
    publicOptions,
    sms,
    papers,
    contacts,
    checklist,
    categories,
    alerts,
    deadlines,
    phases: checklistPhases(checklist as SettingValue<"checklist">),
  } as {
    papers: Awaited<ReturnType<typeof getSetting<"papers">>>;
    times: Awaited<ReturnType<typeof getSetting<"election.times">>>;
    publicOptions: Awaited<ReturnType<typeof getSetting<"public">>>;
    sms: Awaited<ReturnType<typeof getSetting<"sms">>>;
    contacts: Awaited<ReturnType<typeof getSetting<"contacts">>>;
    checklist: Awaited<ReturnType<typeof getSetting<"checklist">>>;
    phases: ReturnType<typeof checklistPhases>;
    categories: Awaited<ReturnType<typeof getSetting<"incident.categories">>>;
    alerts: Awaited<ReturnType<typeof getSetting<"incident.alerts">>>;
    deadlines: Awaited<ReturnType<typeof getSetting<"deadlines">>>;
  };
}

function fromForm(key: Editable, form: FormData): unknown {
  const text = (name: string) => String(form.get(name) ?? "").slice(0, 20_000);
  switch (key) {
    case "election.times":
      return { opening: text("opening"), closing: text("closing"), staleAfterMinutes: text("staleAfterMinutes") };
    case "public":
      return {
        title: text("title"),
        ...Object.fromEntries(
          ["showResults", "showProjection", "showIncidents", "reportsEnabled"].map((k) => [k, form.get(k) === "on"]),
        ),
      };
    case "sms":
      return { number: text("number").trim() || null };
    case "papers":
      return {
        letterhead: text("letterhead"),
        place: text("place"),
        poskoPhone: text("poskoPhone").trim() || null,
        signers: fromLines(text("signers")).map(([role = "", name = ""]) => ({ role, name })),
      };
    case "contacts":
      return fromLines(text("lines")).map(([name = "", role = "", phone = ""]) => ({ name, role, phone }));
    case "checklist":
      throw new Error("a phase is saved by savePhase");
    case "incident.categories":
      return fromLines(text("lines")).map(([code = "", id = "", en = "", active = "ya"]) => ({
        code,
        id,
        en,
        active: !/^(tidak|no|0|false)$/i.test(active),
      }));
    case "incident.alerts":
      return { escalateAfterSeconds: text("escalateAfterSeconds") };
    case "deadlines":
      // Holidays one per line (YYYY-MM-DD); counts as typed, checked by the setting's schema.
      return {
        holidays: text("holidays").split(/\s+/).filter(Boolean),
        dueSoonDays: text("dueSoonDays"),
        cases: Object.fromEntries(
          [
            "basis",
            "reportWithinDays",
            "initialReviewDays",
            "handlingDays",
            "handlingExtendedDays",
            "completionDays",
          ].map((k) => [k, text(`cases.${k}`)]),
        ),
        disputes: Object.fromEntries(
          ["basis", "filingDays", "completionDays", "mediationDays", "decisionDays"].map((k) => [
            k,
            text(`disputes.${k}`),
          ]),
        ),
      };
  }
}

export async function action({ request, context }: ActionFunctionArgs) {
  const admin = await requireAdminPage(request, context.sql);
  const lang = requestLang(request);
  const form = await readForm(request);
  const key = EDITABLE.find((k) => k === form.get("section"));
  if (!key) return data({ section: null, ok: false, errors: [translate(lang, messages, "api.invalidField")] }, 400);
  if (key === "checklist") {
    // One phase at a time: the others are kept as they are (a list saved before phases becomes the phases).
    const phase = CHECKLIST_PHASES.find((p) => p === form.get("phase"));
    if (!phase) return data({ section: null, ok: false, errors: [translate(lang, messages, "api.invalidField")] }, 400);
    const section = `checklist:${phase}`;
    const current = checklistPhases(await getSetting(context.sql, "checklist"));
    const edited = {
      phase,
      due: String(form.get("due") ?? "").slice(0, 10),
      items: itemsFromRows(fromLines(String(form.get("lines") ?? "").slice(0, 20_000))),
    };
    const known = DEFAULT_CHECKLISTS.phases.map((p) => current.find((c) => c.phase === p.phase) ?? p);
    const parsed = ChecklistConfig.safeParse({ phases: known.map((p) => (p.phase === phase ? edited : p)) });
    if (!parsed.success) {
      // The path is phases.<n>.items.<row>.<field>: name the line and the field.
      const errors = parsed.error.issues.map((i) =>
        problemText(lang, i.path[2] === "items" ? i.path.slice(3) : i.path.slice(2), i.message),
      );
      return data({ section, ok: false, errors }, 422);
    }
    await context.writer.write((ctx) => saveSetting(ctx, { key: "checklist", value: parsed.data, actorId: admin.id }));
    return { section, ok: true, errors: [] as string[] };
  }
  const parsed = SETTINGS[key].safeParse(fromForm(key, form));
  if (!parsed.success) {
    const errors = parsed.error.issues.map((i) => problemText(lang, i.path, i.message));
    return data({ section: key, ok: false, errors }, 422);
  }
  await context.writer.write((ctx) =>
    saveSetting(ctx, { key: key as SettingKey, value: parsed.data as never, actorId: admin.id }),
  );
  return { section: key, ok: true, errors: [] as string[] };
}

/** One problem of a form as the admin reads it: "Line 3 (en): invalid value". */
function problemText(lang: Lang, path: (string | number)[], message: string) {
  const [row, field] = path;
  const where =
    typeof row === "number"
      ? translate(lang, messages, "admin.settings.line", { line: row + 1 }) + (field ? ` (${String(field)})` : "")
      : String(row ?? "");
  const problem =
    message === "duplicate code"
      ? "admin.settings.duplicate"
      : message === CONTROL_CHARACTER_CODE
        ? "input.controlCharacter"
        : "api.invalidField";
  return `${where}: ${translate(lang, messages, problem)}`;
}

export default function Settings() {
  const s = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useT(adminMessages, staffExtrasMessages, papersMessages, commonMessages);
  const ta = useT(alertMessages);
  const busy = useNavigation().state !== "idle";
  const feedback = (key: Editable) =>
    result?.section === key ? <SaveFeedback result={result} saved={t("admin.settings.saved")} /> : null;
  const save = (
    <button type="submit" className="primary" disabled={busy}>
      {t("admin.settings.save")}
    </button>
  );
  return (
    <>
      <h1>{t("admin.settings.title")}</h1>
      <Form method="post" className="card stack" data-testid="settings-times">
        <h2>{t("admin.settings.times")}</h2>
        <input type="hidden" name="section" value="election.times" />
        <div className="row">
          <label>
            {t("admin.settings.opening")}
            <input name="opening" type="time" defaultValue={s.times.opening} required />
          </label>
          <label>
            {t("admin.settings.closing")}
            <input name="closing" type="time" defaultValue={s.times.closing} required />
          </label>
          <label>
            {t("admin.settings.stale")}
            <input
              name="staleAfterMinutes"
              type="number"
              min={5}
              max={1440}
              defaultValue={s.times.staleAfterMinutes}
              required
            />
          </label>
        </div>
        {feedback("election.times")}
        {save}
      </Form>
      <Form method="post" className="card stack" data-testid="settings-public">
        <h2>{t("admin.settings.public")}</h2>
        <input type="hidden" name="section" value="public" />
        <label>
          {t("admin.settings.publicTitle")}
          <input name="title" defaultValue={s.publicOptions.title} maxLength={120} required />
        </label>
        {(["showResults", "showProjection", "showIncidents", "reportsEnabled"] as const).map((k) => (
          <label key={k} className="check">
            <input type="checkbox" name={k} defaultChecked={s.publicOptions[k]} /> {t(`admin.settings.${k}`)}
          </label>
        ))}
        {feedback("public")}
        {save}
      </Form>
      <Form method="post" className="card stack" data-testid="settings-sms">
        <h2>{t("admin.settings.sms")}</h2>
        <input type="hidden" name="section" value="sms" />
        <label>
          {t("admin.settings.smsHelp")}
          <input name="number" type="tel" defaultValue={s.sms.number ?? ""} maxLength={20} />
        </label>
        {feedback("sms")}
        {save}
      </Form>
      <Form method="post" className="card stack" data-testid="settings-papers">
        <h2>{t("papers.settings")}</h2>
        <input type="hidden" name="section" value="papers" />
        <label>
          {t("papers.settings.letterhead")}
          <input name="letterhead" defaultValue={s.papers.letterhead} maxLength={200} required />
        </label>
        <label>
          {t("papers.settings.place")}
          <input name="place" defaultValue={s.papers.place} maxLength={80} required />
        </label>
        <label>
          {t("papers.settings.poskoPhone")}
          <input name="poskoPhone" type="tel" defaultValue={s.papers.poskoPhone ?? ""} maxLength={20} />
        </label>
        <label>
          {t("papers.settings.signers")}
          <textarea
            name="signers"
            rows={4}
            defaultValue={toLines(s.papers.signers.map((x) => [x.role, x.name]))}
            maxLength={2000}
          />
        </label>
        {feedback("papers")}
        {save}
      </Form>
      {(
        [
          [
            "contacts",
            t("admin.settings.contacts"),
            t("admin.settings.contactsHelp"),
            toLines(s.contacts.map((c) => [c.name, c.role, c.phone])),
          ],
          [
            "incident.categories",
            t("admin.settings.categories"),
            t("admin.settings.categoriesHelp"),
            toLines(s.categories.map((c) => [c.code, c.id, c.en, c.active ? "ya" : "tidak"])),
          ],
        ] as const
      ).map(([key, title, help, lines]) => (
        <Form key={key} method="post" className="card stack" data-testid={`settings-${key}`}>
          <h2>{title}</h2>
          <input type="hidden" name="section" value={key} />
          <label>
            {help}
            <textarea name="lines" rows={8} defaultValue={lines} maxLength={20000} />
          </label>
          {feedback(key)}
          {save}
        </Form>
      ))}
      <Form method="post" className="card stack" data-testid="settings-incident.alerts">
        <h2>{ta("alerts.settingsTitle")}</h2>
        <input type="hidden" name="section" value="incident.alerts" />
        <label>
          {ta("alerts.settingsEscalate")}
          <input
            name="escalateAfterSeconds"
            type="number"
            min={10}
            max={4 * 60 * 60}
            defaultValue={s.alerts.escalateAfterSeconds}
            required
          />
        </label>
        {feedback("incident.alerts")}
        {save}
      </Form>
      <PhaseForms phases={s.phases} result={result} busy={busy} />
      <DeadlinesForm value={s.deadlines} feedback={feedback("deadlines")} save={save} />
    </>
  );
}

/** The checklists per phase: a form per phase with its time and its items as lines. */
function PhaseForms({
  phases,
  result,
  busy,
}: {
  phases: ReturnType<typeof checklistPhases>;
  result: { section: string | null; ok: boolean; errors: string[] } | undefined;
  busy: boolean;
}) {
  const t = useT(adminMessages, checklistMessages);
  const byPhase = new Map(phases.map((p) => [p.phase, p]));
  return (
    <section className="card stack" data-testid="settings-checklist" aria-labelledby="phases-heading">
      <h2 id="phases-heading">{t("admin.phasesTitle")}</h2>
      <p className="muted small">{t("admin.phasesHelp")}</p>
      {DEFAULT_CHECKLISTS.phases.map((fallback) => {
        const p = byPhase.get(fallback.phase) ?? fallback;
        return (
          <Form key={p.phase} method="post" className="stack" data-testid={`settings-phase-${p.phase}`}>
            <h3>{t(`phase.${p.phase}`)}</h3>
            <input type="hidden" name="section" value="checklist" />
            <input type="hidden" name="phase" value={p.phase} />
            <label>
              {t("admin.due")}
              <input name="due" type="time" defaultValue={p.due} required />
            </label>
            <label>
              {t("admin.items")}
              <textarea
                name="lines"
                rows={Math.max(3, p.items.length * 2 + 1)}
                defaultValue={toLines(itemsToRows(p.items))}
                maxLength={20000}
              />
            </label>
            {result?.section === `checklist:${p.phase}` ? (
              <SaveFeedback result={result} saved={t("admin.settings.saved")} />
            ) : null}
            <button type="submit" className="primary" disabled={busy}>
              {t("admin.settings.save")}
            </button>
          </Form>
        );
      })}
    </section>
  );
}

/** The legal deadlines (app/lib/deadlines.ts): holidays, "due soon", and per kind of work its day basis and
 *  counts. Deadlines already running keep the instants stored when they started (decision 042). */
function DeadlinesForm({
  value,
  feedback,
  save,
}: {
  value: SettingValue<"deadlines">;
  feedback: React.ReactNode;
  save: React.ReactNode;
}) {
  const t = useT(casesMessages);
  const basis = (name: string, current: string) => (
    <label>
      {t("cases.settings.basis")}
      <select name={name} defaultValue={current}>
        {DAY_BASES.map((b) => (
          <option key={b} value={b}>
            {t(`cases.settings.basis.${b}`)}
          </option>
        ))}
      </select>
    </label>
  );
  const days = (name: string, label: string, current: number | undefined) => (
    <label>
      {label}
      <input name={name} type="number" min={1} max={90} defaultValue={current} required />
    </label>
  );
  return (
    <Form method="post" className="card stack" data-testid="settings-deadlines">
      <h2>{t("cases.settings.title")}</h2>
      <input type="hidden" name="section" value="deadlines" />
      <label>
        {t("cases.settings.holidays")}
        <textarea name="holidays" rows={4} defaultValue={value.holidays.join("\n")} maxLength={4000} />
      </label>
      <label>
        {t("cases.settings.dueSoon")}
        <input name="dueSoonDays" type="number" min={0} max={7} defaultValue={value.dueSoonDays} required />
      </label>
      <h3>{t("cases.settings.cases")}</h3>
      <div className="row">
        {basis("cases.basis", value.cases.basis)}
        {days("cases.reportWithinDays", t("cases.settings.reportWithin"), value.cases.reportWithinDays)}
        {days("cases.initialReviewDays", t("cases.settings.initialReview"), value.cases.initialReviewDays)}
        {days("cases.handlingDays", t("cases.settings.handling"), value.cases.handlingDays)}
        {days("cases.handlingExtendedDays", t("cases.settings.handlingExtended"), value.cases.handlingExtendedDays)}
        {days("cases.completionDays", t("cases.settings.completion"), value.cases.completionDays)}
      </div>
      <h3>{t("cases.settings.disputes")}</h3>
      <div className="row">
        {basis("disputes.basis", value.disputes.basis)}
        {days("disputes.filingDays", t("cases.settings.filing"), value.disputes.filingDays)}
        {days("disputes.completionDays", t("cases.settings.completion"), value.disputes.completionDays)}
        {days("disputes.mediationDays", t("cases.settings.mediation"), value.disputes.mediationDays)}
        {days("disputes.decisionDays", t("cases.settings.decision"), value.disputes.decisionDays)}
      </div>
      {feedback}
      {save}
    </Form>
  );
}
