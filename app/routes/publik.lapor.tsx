// Public report form (no login): category, TPS or place, description, optional photo and contact. On
// success the reporter gets a tracking code. Works without JavaScript (a plain multipart form).
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { limitsMessages } from "~/lib/messages/limits";
import { publicMessages } from "~/lib/messages/public";
import { useLang, useT } from "~/lib/use-t";
import { MAX_PHOTO_BYTES } from "~/models/reports.server";
import { getSetting } from "~/models/settings.server";
import { TopBar } from "~/root";
import { pageRefusal } from "~/utils/page-action.server";
import type { FieldError } from "~/utils/problem-answer.server";
import { requestLang } from "~/utils/lang.server";
import { filePublicReport } from "~/utils/public-report.server";

export const meta: MetaFunction = () => [{ title: "Pantau — Laporkan pelanggaran" }];

export async function loader({ context }: LoaderFunctionArgs) {
  const [categories, options] = await Promise.all([
    getSetting(context.sql, "incident.categories"),
    getSetting(context.sql, "public"),
  ]);
  return {
    categories: categories.filter((c) => c.active),
    enabled: options.reportsEnabled,
    maxPhotoBytes: MAX_PHOTO_BYTES,
  };
}

type Result = { trackingCode?: string; queued?: boolean; message?: string; errors?: FieldError[] };

export async function action({ request, context }: ActionFunctionArgs) {
  const lang = requestLang(request);
  let trackingCode = "";
  let queued = false;
  const refused = await pageRefusal(lang, {}, async () => {
    ({ trackingCode, queued } = await filePublicReport(request, context));
  });
  return refused ?? ({ trackingCode, queued } satisfies Result);
}

export default function Report() {
  const { categories, enabled, maxPhotoBytes } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as Result | undefined;
  const t = useT(publicMessages, limitsMessages);
  const lang = useLang();
  const busy = useNavigation().state !== "idle";
  const err = (field: string) => result?.errors?.find((e) => e.field === field)?.message;
  const fieldError = (field: string) =>
    err(field) ? (
      <span className="error" id={`${field}-error`}>
        {err(field)}
      </span>
    ) : null;
  return (
    <>
      <TopBar title={t("report.title")} />
      <main className="page phone">
        <h1>{t("report.title")}</h1>
        {result?.trackingCode ? (
          <section className="card" role="status">
            {/* Under a flood the report is kept but read later: the reporter is told so. */}
            {result.queued ? <p data-testid="report-queued">{t("limits.reportQueued")}</p> : null}
            <p>{t("report.sent")}</p>
            <p className="tracking-code" data-testid="tracking-code">
              {result.trackingCode}
            </p>
            <Link className="button primary" to={`/publik/lacak?kode=${result.trackingCode}`}>
              {t("report.trackIt")}
            </Link>
          </section>
        ) : !enabled ? (
          <p role="alert">{t("report.disabled")}</p>
        ) : (
          <Form method="post" encType="multipart/form-data" className="stack card">
            <p className="muted">{t("report.intro")}</p>
            {result?.message ? (
              <p role="alert" className="error">
                {result.message}
              </p>
            ) : null}
            <label>
              {t("report.category")}
              <select name="category" required>
                {categories.map((c) => (
                  <option key={c.code} value={c.code}>
                    {c[lang]}
                  </option>
                ))}
              </select>
              {fieldError("category")}
            </label>
            <label>
              {t("report.tps")}
              <input name="tpsCode" maxLength={14} placeholder="1673041001-001" inputMode="numeric" />
              {fieldError("tpsCode")}
            </label>
            <label>
              {t("report.place")}
              <input name="place" maxLength={200} />
              {fieldError("place")}
            </label>
            <label>
              {t("report.description")}
              <textarea name="description" rows={5} minLength={10} maxLength={2000} required />
              {fieldError("description")}
            </label>
            <label>
              {t("report.photo")}
              <input
                type="file"
                name="photo"
                accept="image/jpeg,image/png,image/webp"
                // Said here, before sending: the server refuses a larger body unread, with a page of its own.
                onChange={(e) => {
                  const file = e.currentTarget.files?.[0];
                  e.currentTarget.setCustomValidity(file && file.size > maxPhotoBytes ? t("report.photoTooLarge") : "");
                  e.currentTarget.reportValidity();
                }}
              />
              {fieldError("photo")}
            </label>
            <label>
              {t("report.contact")}
              <input name="contact" maxLength={200} autoComplete="tel" />
              {fieldError("contact")}
            </label>
            <button type="submit" className="primary big" disabled={busy}>
              {t("report.send")}
            </button>
          </Form>
        )}
        <p>
          <Link to="/publik">{t("report.back")}</Link>
        </p>
      </main>
    </>
  );
}
