// Admin: election settings: election-day times and staleness, public-page options,
// the SMS fallback's number, emergency contacts, the opening checklist, incident categories. Lists are edited as "a | b | c" lines.
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { SaveFeedback } from "~/components/save-feedback";
import { combineMessages, translate } from "~/lib/i18n";
import { fromLines, SETTINGS, toLines, type SettingKey } from "~/lib/settings";
import { papersMessages } from "~/lib/messages/papers";
import { adminMessages } from "~/lib/messages/admin";
import { alertMessages } from "~/lib/messages/alerts";
import { inputCheckMessages } from "~/lib/messages/input-checks";
import { CONTROL_CHARACTER_CODE } from "~/lib/schemas/atoms";
import { staffExtrasMessages } from "~/lib/messages/staff-extras";
import { commonMessages } from "~/lib/messages/common";
import { useT } from "~/lib/use-t";
import { getSetting, saveSetting } from "~/models/settings.server";
import { readForm, requireAdminPage } from "~/utils/admin.server";
import { requestLang } from "~/utils/lang.server";

const messages = combineMessages(adminMessages, commonMessages, inputCheckMessages);

const EDITABLE = [
  "election.times",
  "public",
  "sms",
  "papers",
  "contacts",
  "checklist",
  "incident.categories",
  "incident.alerts",
] as const;
type Editable = (typeof EDITABLE)[number];

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireAdminPage(request, context.sql);
  const [times, publicOptions, sms, papers, contacts, checklist, categories, alerts] = await Promise.all(
    EDITABLE.map((k) => getSetting(context.sql, k)),
  );
  return { times, publicOptions, sms, papers, contacts, checklist, categories, alerts } as {
    papers: Awaited<ReturnType<typeof getSetting<"papers">>>;
    times: Awaited<ReturnType<typeof getSetting<"election.times">>>;
    publicOptions: Awaited<ReturnType<typeof getSetting<"public">>>;
    sms: Awaited<ReturnType<typeof getSetting<"sms">>>;
    contacts: Awaited<ReturnType<typeof getSetting<"contacts">>>;
    checklist: Awaited<ReturnType<typeof getSetting<"checklist">>>;
    categories: Awaited<ReturnType<typeof getSetting<"incident.categories">>>;
    alerts: Awaited<ReturnType<typeof getSetting<"incident.alerts">>>;
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
      return fromLines(text("lines")).map(([id = "", t = ""]) => ({ id, text: t }));
    case "incident.categories":
      return fromLines(text("lines")).map(([code = "", id = "", en = "", active = "ya"]) => ({
        code,
        id,
        en,
        active: !/^(tidak|no|0|false)$/i.test(active),
      }));
    case "incident.alerts":
      return { escalateAfterSeconds: text("escalateAfterSeconds") };
  }
}

export async function action({ request, context }: ActionFunctionArgs) {
  const admin = await requireAdminPage(request, context.sql);
  const lang = requestLang(request);
  const form = await readForm(request);
  const key = EDITABLE.find((k) => k === form.get("section"));
  if (!key) return data({ section: null, ok: false, errors: [translate(lang, messages, "api.invalidField")] }, 400);
  const parsed = SETTINGS[key].safeParse(fromForm(key, form));
  if (!parsed.success) {
    const errors = parsed.error.issues.map((i) => {
      const [row, field] = i.path;
      const where =
        typeof row === "number"
          ? translate(lang, messages, "admin.settings.line", { line: row + 1 }) + (field ? ` (${String(field)})` : "")
          : String(row ?? "");
      const problem =
        i.message === "duplicate code"
          ? "admin.settings.duplicate"
          : i.message === CONTROL_CHARACTER_CODE
            ? "input.controlCharacter"
            : "api.invalidField";
      return `${where}: ${translate(lang, messages, problem)}`;
    });
    return data({ section: key, ok: false, errors }, 422);
  }
  await context.writer.write((ctx) =>
    saveSetting(ctx, { key: key as SettingKey, value: parsed.data as never, actorId: admin.id }),
  );
  return { section: key, ok: true, errors: [] as string[] };
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
            "checklist",
            t("admin.settings.checklist"),
            t("admin.settings.checklistHelp"),
            toLines(s.checklist.map((c) => [c.id, c.text])),
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
    </>
  );
}
