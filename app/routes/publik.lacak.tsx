// Follow a public report by its tracking code (no login): its status and when it changed, nothing else.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { formatDateTime } from "~/lib/format";
import { publicMessages } from "~/lib/messages/public";
import { useLang, useT } from "~/lib/use-t";
import { getReportStatus, TRACKING_CODE } from "~/models/reports.server";
import { getSetting } from "~/models/settings.server";
import { TopBar } from "~/root";

export const meta: MetaFunction = () => [{ title: "Pantau — Lacak laporan" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const code = (new URL(request.url).searchParams.get("kode") ?? "").trim().toUpperCase().slice(0, 20);
  const report = TRACKING_CODE.test(code) ? await getReportStatus(context.sql, { trackingCode: code }) : null;
  const categories = await getSetting(context.sql, "incident.categories");
  const category = report ? categories.find((c) => c.code === report.category) : undefined;
  return { code, report, category: category ? { id: category.id, en: category.en } : null };
}

export default function Track() {
  const { code, report, category } = useLoaderData<typeof loader>();
  const t = useT(publicMessages);
  const lang = useLang();
  const when = (iso: string) => formatDateTime(iso, lang);
  return (
    <>
      <TopBar title={t("report.trackTitle")} />
      <main className="page phone">
        <h1>{t("report.trackTitle")}</h1>
        <Form method="get" className="row">
          <label>
            {t("report.code")}
            <input
              name="kode"
              defaultValue={code}
              placeholder="LP-XXXX-XXXX"
              maxLength={20}
              required
              autoCapitalize="characters"
            />
          </label>
          <button type="submit" className="primary">
            {t("report.find")}
          </button>
        </Form>
        {code && !report ? (
          <p role="alert" className="error">
            {t("report.notFound")}
          </p>
        ) : null}
        {report ? (
          <section className="card" data-testid="report-status">
            <p className="tracking-code">{report.trackingCode}</p>
            <p>
              <strong>{t("report.statusLabel")}:</strong>{" "}
              <span data-testid="report-status-text">{t(`report.status.${report.status}`)}</span>
            </p>
            <p className="muted">
              {category ? category[lang] : report.category}
              {report.tpsCode ? ` · TPS ${report.tpsCode}` : ""}
            </p>
            <h2>{t("report.history")}</h2>
            <ol>
              {report.history.map((h, i) => (
                <li key={i}>
                  {t(`report.status.${h.status}`)} — {when(h.at)}
                </li>
              ))}
            </ol>
          </section>
        ) : null}
        <p>
          <Link to="/publik">{t("report.back")}</Link>
        </p>
      </main>
    </>
  );
}
