// Recap (rekapitulasi): per kelurahan, kecamatan or city for one contest, printable (A4 landscape), with
// totals, turnout and status counts; the same table as CSV. Staff only; supervisors see their area.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { formatDateTime, formatNumber } from "~/lib/format";
import { commonMessages } from "~/lib/messages/common";
import { publicMessages } from "~/lib/messages/public";
import { recapMessages } from "~/lib/messages/recap";
import { tpsStatusMessages } from "~/lib/messages/tps-status";
import { useLang, useT } from "~/lib/use-t";
import { listContests } from "~/models/election.server";
import { RECAP_LEVELS, RESULT_STATUSES, type RecapLevel } from "~/lib/recap";
import { getRecap, listRecapKecamatan, recapScope } from "~/models/recap.server";
import { TopBar } from "~/root";
import { areaOf, can, requirePageUser } from "~/utils/permissions.server";

export const meta: MetaFunction = () => [{ title: "Pantau — Rekapitulasi" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requirePageUser(request, context.sql, "posko:view");
  const url = new URL(request.url);
  const contests = await listContests(context.sql);
  const contest = contests.find((c) => c.code === url.searchParams.get("contest")) ?? contests[0];
  const levelParam = url.searchParams.get("level") as RecapLevel;
  const level = RECAP_LEVELS.includes(levelParam) ? levelParam : "kecamatan";
  const scope = recapScope(user, url.searchParams.get("area"));
  const recap = contest
    ? await getRecap(context.sql, {
        level,
        contest: contest.code,
        scope,
        candidates: contest.candidates.map((k) => k.number),
      })
    : null;
  const kecamatan = await listRecapKecamatan(context.sql, { area: areaOf(user) });
  return {
    contests: contests.map((c) => ({ code: c.code, name: c.name })),
    contest,
    level,
    recap,
    scope,
    generatedAt: new Date().toISOString(),
    mayExportAudit: can(user, "audit:export"),
    kecamatan,
  };
}

export default function Recap() {
  const { contests, contest, level, recap, scope, generatedAt, mayExportAudit, kecamatan } =
    useLoaderData<typeof loader>();
  const t = useT(tpsStatusMessages, publicMessages, recapMessages, commonMessages);
  const lang = useLang();
  const n = (x: number) => formatNumber(x, lang);
  if (!contest || !recap)
    return (
      <main className="page">
        <p>{t("recap.noContest")}</p>
      </main>
    );
  const rows = [
    ...recap.rows.map((r) => ({ ...r, isTotal: false })),
    { ...recap.total, name: t("recap.total"), isTotal: true },
  ];
  return (
    <>
      <div className="no-print">
        <TopBar title={t("recap.title")} />
      </div>
      <main className="page recap">
        <Form method="get" className="recap-filter no-print">
          <label>
            {t("recap.contest")}
            <select name="contest" defaultValue={contest.code}>
              {contests.map((c) => (
                <option key={c.code} value={c.code}>
                  {c.name}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t("recap.level")}
            <select name="level" defaultValue={level}>
              {RECAP_LEVELS.map((l) => (
                <option key={l} value={l}>
                  {t(`recap.level.${l}`)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t("recap.area")}
            <select name="area" defaultValue={scope ?? ""}>
              <option value="">{t("recap.allAreas")}</option>
              {kecamatan.map((k) => (
                <option key={k.code} value={k.code}>
                  {k.name}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" className="primary">
            {t("recap.show")}
          </button>
          <button type="button" onClick={() => window.print()}>
            {t("recap.print")}
          </button>
          <a
            className="button"
            href={`/api/v1/exports/recap.csv?contest=${encodeURIComponent(contest.code)}&level=${level}${scope ? `&area=${scope}` : ""}`}
          >
            {t("recap.csv")}
          </a>
          <a className="button" href="/api/v1/exports/results.csv">
            {t("recap.resultsCsv")}
          </a>
          <a className="button" href="/api/v1/exports/incidents.csv">
            {t("recap.incidentsCsv")}
          </a>
          {mayExportAudit ? (
            <a className="button" href="/api/v1/exports/audit.csv">
              {t("recap.auditCsv")}
            </a>
          ) : null}
        </Form>
        <h1>{t("recap.heading", { contest: contest.name, level: t(`recap.level.${level}`) })}</h1>
        <p className="provisional-mark">
          <strong>{t("public.provisional")}</strong> {t("recap.generated", { time: formatDateTime(generatedAt, lang) })}
        </p>
        <div className="table-scroll">
          <table className="recap-table" data-testid="recap-table">
            <thead>
              <tr>
                <th>{t("public.area")}</th>
                <th className="num">TPS</th>
                <th className="num">{t("recap.in")}</th>
                {RESULT_STATUSES.map((s) => (
                  <th key={s} className="num">
                    {t(`status.${s}`)}
                  </th>
                ))}
                {contest.candidates.map((k) => (
                  <th key={k.number} className="num" title={k.name}>
                    {k.number}
                  </th>
                ))}
                <th className="num">{t("recap.valid")}</th>
                <th className="num">{t("posko.invalid")}</th>
                <th className="num">{t("recap.registered")}</th>
                <th className="num">{t("recap.turnout")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr
                  key={r.isTotal ? "total" : r.code}
                  className={r.isTotal ? "total" : undefined}
                  data-testid={r.isTotal ? "recap-total" : `recap-${r.code}`}
                >
                  <td>{r.name}</td>
                  <td className="num">{n(r.tps)}</td>
                  <td className="num">{n(r.tpsIn)}</td>
                  {RESULT_STATUSES.map((s) => (
                    <td key={s} className="num">
                      {n(r.status[s])}
                    </td>
                  ))}
                  {contest.candidates.map((k) => (
                    <td key={k.number} className="num" data-testid={`votes-${k.number}`}>
                      {n(r.votes[String(k.number)] ?? 0)}
                    </td>
                  ))}
                  <td className="num">{n(r.valid)}</td>
                  <td className="num">{n(r.invalid)}</td>
                  <td className="num">{n(r.registered)}</td>
                  <td className="num">{r.turnout === null ? "—" : `${(r.turnout * 100).toFixed(1)}%`}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <ol className="small muted recap-legend">
          {contest.candidates.map((k) => (
            <li key={k.number} value={k.number}>
              {k.name}
            </li>
          ))}
        </ol>
      </main>
    </>
  );
}
