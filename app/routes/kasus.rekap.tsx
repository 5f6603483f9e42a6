// /kasus/rekap: violation cases per area and period in the body's categories (laporan and temuan; registered
// or not; outcome), printable on A4 with page numbers and a signature block, and as CSV with the same
// filters (?format=csv).
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useLoaderData, useSearchParams } from "@remix-run/react";
import { PoskoNav } from "~/components/posko-nav";
import { RegionFilter } from "~/components/region-filter";
import { PrintPage, SignatureBlock } from "~/components/paper";
import { CASE_OUTCOMES, RECAP_COLUMNS as COLUMNS } from "~/lib/cases";
import { formatDate, formatDateTime, formatNumber } from "~/lib/format";
import { casesMessages } from "~/lib/messages/cases";
import { commandPostMessages } from "~/lib/messages/command-post";
import { regionLabel } from "~/lib/regions";
import { useLang, useT } from "~/lib/use-t";
import { caseRecap, caseRegions, type RecapRow } from "~/models/cases.server";
import { getSetting } from "~/models/settings.server";
import { TopBar } from "~/root";
import { caseFilters, recapArea } from "~/utils/case-actions.server";
import { requirePageUser } from "~/utils/permissions.server";

export const meta: MetaFunction = () => [{ title: "Pantau — Rekap pelanggaran" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requirePageUser(request, context.sql, "case:handle");
  const url = new URL(request.url);
  const filters = caseFilters(url);
  const area = await recapArea(context.sql, user, filters.area);
  const [rows, papers, [region], kecamatan] = await Promise.all([
    caseRecap(context.sql, { area, from: filters.from ?? null, to: filters.to ?? null }),
    getSetting(context.sql, "papers"),
    context.sql<[{ name: string; kind: string }?]>`select name, kind from regions where code = ${area}`,
    // The kecamatan the recap may narrow to: those of the caller's own area, as on the case list.
    caseRegions(context.sql, { user, level: "kecamatan", limit: 500 }),
  ]);
  return {
    role: user.role,
    area,
    areaLabel: region ? regionLabel(region.kind, region.name) : area,
    rows,
    papers,
    kecamatan,
    from: filters.from ?? null,
    to: filters.to ?? null,
    generatedAt: new Date().toISOString(),
    query: url.search,
  };
}

const total = (rows: RecapRow[], pick: (r: RecapRow) => number) => rows.reduce((s, r) => s + pick(r), 0);

export default function CaseRecap() {
  const { role, areaLabel, rows, papers, kecamatan, from, to, generatedAt, query } = useLoaderData<typeof loader>();
  const t = useT(casesMessages, commandPostMessages);
  const lang = useLang();
  const [params] = useSearchParams();
  const n = (v: number) => formatNumber(v, lang);
  const day = (d: string) => formatDate(`${d}T12:00:00+07:00`, lang);
  const period =
    from || to
      ? t("cases.recap.period", { from: from ? day(from) : "…", to: to ? day(to) : "…" })
      : t("cases.recap.allTime");
  const csvQuery = `/api/v1/cases/recap.csv${query}`;
  return (
    <>
      <TopBar title={t("posko.title")} />
      <div className="no-print">
        <PoskoNav role={role} />
      </div>
      <main className="page recap case-recap">
        <Form method="get" className="recap-filter no-print">
          <RegionFilter
            name="area"
            label={t("cases.filter.area")}
            allLabel={t("cases.filter.all")}
            regions={kecamatan}
            value={params.get("area")}
          />
          <label>
            {t("cases.filter.from")}
            <input type="date" name="from" defaultValue={params.get("from") ?? ""} />
          </label>
          <label>
            {t("cases.filter.to")}
            <input type="date" name="to" defaultValue={params.get("to") ?? ""} />
          </label>
          <button type="submit" className="primary">
            {t("cases.filter.apply")}
          </button>
          <button type="button" onClick={() => window.print()}>
            {t("cases.recap.print")}
          </button>
          <a className="button" href={csvQuery} download>
            {t("cases.csv")}
          </a>
        </Form>
        <p className="recap-subheading">{papers.letterhead}</p>
        <h1>{t("cases.recap.title")}</h1>
        <p>
          {t("cases.recap.area")}: <strong>{areaLabel}</strong> · {period}
        </p>
        <table className="recap-table" data-testid="case-recap">
          <thead>
            <tr>
              <th>{t("cases.recap.region")}</th>
              {COLUMNS.map((c) => (
                <th key={c} className="num">
                  {t(`cases.recap.${c}`)}
                </th>
              ))}
              {CASE_OUTCOMES.map((o) => (
                <th key={o} className="num">
                  {t(`cases.recap.${o}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.regionCode}>
                <td>{r.regionName}</td>
                {COLUMNS.map((c) => (
                  <td key={c} className="num">
                    {n(r[c])}
                  </td>
                ))}
                {CASE_OUTCOMES.map((o) => (
                  <td key={o} className="num">
                    {n(r.outcomes[o])}
                  </td>
                ))}
              </tr>
            ))}
            <tr className="total">
              <td>{t("cases.recap.total")}</td>
              {COLUMNS.map((c) => (
                <td key={c} className="num">
                  {n(total(rows, (r) => r[c]))}
                </td>
              ))}
              {CASE_OUTCOMES.map((o) => (
                <td key={o} className="num">
                  {n(total(rows, (r) => r.outcomes[o]))}
                </td>
              ))}
            </tr>
          </tbody>
        </table>
        <SignatureBlock
          place={papers.place}
          at={generatedAt}
          signers={[{ role: t("cases.recap.signTitle"), name: "" }]}
        />
        <PrintPage
          name="recap"
          size="A4 landscape"
          footer={`${papers.letterhead} · ${t("cases.recap.title")} · ${areaLabel} · ${formatDateTime(generatedAt, lang)}`}
        />
      </main>
    </>
  );
}
