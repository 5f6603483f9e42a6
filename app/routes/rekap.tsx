// Recap (rekapitulasi): per kelurahan, kecamatan or kabupaten/kota for one contest over its own area,
// printable (A4 landscape), with totals, turnout and status counts, one column per choice of the ballot (the
// blank column of a single pair, party totals of a party list) and, for party lists, the party-only and
// candidate votes as the official recap (D.Hasil) lists them; the same table as CSV. Staff only; supervisors
// see their area and the contests that concern it.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { formatDateTime, formatNumber, formatShare } from "~/lib/format";
import { commonMessages } from "~/lib/messages/common";
import { publicMessages } from "~/lib/messages/public";
import { recapMessages } from "~/lib/messages/recap";
import { tpsStatusMessages } from "~/lib/messages/tps-status";
import { useLang, useT } from "~/lib/use-t";
import { listContests } from "~/models/election.server";
import { RECAP_LEVELS, RESULT_STATUSES, type RecapLevel } from "~/lib/recap";
import { getRecap, listRecapAreas, recapScope } from "~/models/recap.server";
import { ballotChoices, type BallotChoice } from "~/lib/ballot";
import { ballotStructure, contestTouches } from "~/lib/contests";
import { regionLabel } from "~/lib/regions";
import { TopBar } from "~/root";
import { AuditHead } from "~/components/audit-head";
import { PrintPage, SignatureBlock } from "~/components/paper";
import { RegionFilter } from "~/components/region-filter";
import { getSetting } from "~/models/settings.server";
import { publishedHead } from "~/utils/audit-head.server";
import { areaOf, can, requirePageUser } from "~/utils/permissions.server";

export const meta: MetaFunction = () => [{ title: "Pantau — Rekapitulasi" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requirePageUser(request, context.sql, "posko:view");
  const url = new URL(request.url);
  // A supervisor's recap offers the contests that concern their area only.
  const contests = (await listContests(context.sql)).filter((c) => contestTouches(c, areaOf(user)));
  const contest = contests.find((c) => c.code === url.searchParams.get("contest")) ?? contests[0];
  const levelParam = url.searchParams.get("level") as RecapLevel;
  const level = RECAP_LEVELS.includes(levelParam) ? levelParam : "kecamatan";
  const scope = recapScope(user, url.searchParams.get("area"));
  const recap = contest
    ? await getRecap(context.sql, {
        level,
        contest: contest.code,
        scope,
        candidates: ballotChoices(contest).map((k) => k.number),
        partyList: ballotStructure(contest.type) === "parties",
      })
    : null;
  const [areas, auditHead, papers] = await Promise.all([
    listRecapAreas(context.sql, { area: areaOf(user) }),
    publishedHead(context),
    getSetting(context.sql, "papers"),
  ]);
  const scopeRegion = scope ? areas.find((a) => a.code === scope) : undefined;
  return {
    contests: contests.map((c) => ({ code: c.code, name: c.name })),
    contest,
    level,
    recap,
    scope,
    scopeLabel: scopeRegion ? regionLabel(scopeRegion.kind, scopeRegion.name) : null,
    generatedAt: new Date().toISOString(),
    mayExportAudit: can(user, "audit:export"),
    areas,
    auditHead,
    papers,
  };
}

export default function Recap() {
  const { contests, contest, level, recap, scope, scopeLabel, generatedAt, mayExportAudit, areas, auditHead, papers } =
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
    ...recap.rows.map((r) => ({ ...r, name: regionLabel(r.kind, r.name), isTotal: false })),
    { ...recap.total, name: t("recap.total"), isTotal: true },
  ];
  // Printed order: each group's rows, then its subtotal; ungrouped, the rows as they come; the grand total last.
  type TableRow = (typeof rows)[number] & { kindOfRow: "row" | "group" | "subtotal" | "total" };
  const byCode = new Map(rows.filter((r) => !r.isTotal).map((r) => [r.code, r]));
  const tableRows: TableRow[] = [
    ...(recap.groups.length
      ? recap.groups.flatMap((g): TableRow[] => {
          const label = regionLabel(g.subtotal.kind, g.subtotal.name);
          return [
            { ...g.subtotal, name: label, isTotal: false, kindOfRow: "group" },
            ...g.rowCodes.map((c) => ({ ...byCode.get(c)!, kindOfRow: "row" as const })),
            {
              ...g.subtotal,
              name: t("recap.subtotal", { area: label }),
              isTotal: false,
              kindOfRow: "subtotal",
            },
          ];
        })
      : rows.filter((r) => !r.isTotal).map((r) => ({ ...r, kindOfRow: "row" as const }))),
    { ...rows[rows.length - 1], kindOfRow: "total" },
  ];
  const filters = `${scope ? `&area=${encodeURIComponent(scope)}` : ""}`;
  const columnCount = 3 + RESULT_STATUSES.length + ballotChoices(contest).length + 4;
  const choices = ballotChoices(contest);
  const hasCities = areas.filter((a) => a.level === "city").length > 1;
  const levelName = (l: RecapLevel) => t(l === "city" && hasCities ? "recap.level.cityKinds" : `recap.level.${l}`);
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
                  {levelName(l)}
                </option>
              ))}
            </select>
          </label>
          <RegionFilter
            name="area"
            label={t("recap.area")}
            allLabel={t("recap.allAreas")}
            regions={areas}
            value={scope}
          />
          <button type="submit" className="primary">
            {t("recap.show")}
          </button>
          <button type="button" onClick={() => window.print()}>
            {t("recap.print")}
          </button>
          <a
            className="button"
            href={`/api/v1/exports/recap.csv?contest=${encodeURIComponent(contest.code)}&level=${level}${filters}`}
          >
            {t("recap.csv")}
          </a>
          <a
            className="button"
            href={`/api/v1/exports/results.csv?contest=${encodeURIComponent(contest.code)}${filters}`}
          >
            {t("recap.resultsCsv")}
          </a>
          <a className="button" href={`/api/v1/exports/incidents.csv?${filters.slice(1)}`}>
            {t("recap.incidentsCsv")}
          </a>
          {mayExportAudit ? (
            <a className="button" href="/api/v1/exports/audit.csv">
              {t("recap.auditCsv")}
            </a>
          ) : null}
        </Form>
        <h1>{t("recap.heading", { contest: contest.name, level: levelName(level) })}</h1>
        {contest.dapil || scopeLabel ? (
          <p className="recap-subheading" data-testid="recap-subheading">
            {[contest.dapil ? t("recap.dapil", { dapil: contest.dapil }) : null, scopeLabel]
              .filter(Boolean)
              .join(" · ")}
          </p>
        ) : null}
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
                {choices.map((k) => (
                  <th
                    key={k.number}
                    className="num"
                    title={k.kind === "blank" ? t("recap.blankColumn") : k.name}
                    data-testid={`choice-${k.number}`}
                  >
                    {k.kind === "blank" ? t("recap.blankShort") : k.kind === "party" ? k.abbrev : k.number}
                  </th>
                ))}
                <th className="num">{t("recap.valid")}</th>
                <th className="num">{t("posko.invalid")}</th>
                <th className="num">{t("recap.registered")}</th>
                <th className="num">{t("recap.turnout")}</th>
              </tr>
            </thead>
            <tbody>
              {tableRows.map((r) =>
                r.kindOfRow === "group" ? (
                  <tr key={`group-${r.code}`} className="group-head" data-testid={`recap-group-${r.code}`}>
                    <th colSpan={columnCount}>{r.name}</th>
                  </tr>
                ) : (
                  <tr
                    key={r.kindOfRow === "row" ? r.code : `${r.kindOfRow}-${r.code}`}
                    className={r.kindOfRow === "row" ? undefined : r.kindOfRow}
                    data-testid={
                      r.kindOfRow === "total"
                        ? "recap-total"
                        : r.kindOfRow === "subtotal"
                          ? `recap-subtotal-${r.code}`
                          : `recap-${r.code}`
                    }
                  >
                    <td>{r.name}</td>
                    <td className="num">{n(r.tps)}</td>
                    <td className="num">{n(r.tpsIn)}</td>
                    {RESULT_STATUSES.map((s) => (
                      <td key={s} className="num">
                        {n(r.status[s])}
                      </td>
                    ))}
                    {choices.map((k) => (
                      <td key={k.number} className="num" data-testid={`votes-${k.number}`}>
                        {n(r.votes[String(k.number)] ?? 0)}
                      </td>
                    ))}
                    <td className="num">{n(r.valid)}</td>
                    <td className="num">{n(r.invalid)}</td>
                    <td className="num">{n(r.registered)}</td>
                    <td className="num">{formatShare(r.turnout, lang)}</td>
                  </tr>
                ),
              )}
            </tbody>
          </table>
        </div>
        <ul className="small muted recap-legend">
          {choices.map((k) => (
            <li key={k.number}>
              {k.kind === "blank"
                ? `${t("recap.blankShort")}: ${t("recap.blankColumn")}`
                : k.kind === "party"
                  ? `${k.abbrev}: ${k.number}. ${k.name}`
                  : `${k.number}. ${k.name}`}
            </li>
          ))}
        </ul>
        {choices.some((k) => k.kind === "party") ? <PartyDetail choices={choices} rows={rows} /> : null}
        <SignatureBlock place={papers.place} at={generatedAt} signers={papers.signers} />
        <AuditHead head={auditHead} />
        <PrintPage
          name="recap"
          size="A4 landscape"
          footer={`${papers.letterhead} · ${t("recap.heading", { contest: contest.name, level: levelName(level) })}${
            scopeLabel ? ` · ${scopeLabel}` : ""
          } · ${formatDateTime(generatedAt, lang)}`}
        />
      </main>
    </>
  );
}

type DetailRow = {
  code: string;
  name: string;
  isTotal: boolean;
  tpsIn: number;
  completeIn: number;
  votes: Record<string, number>;
  partyOnly: Record<string, number>;
  candidates: Record<string, number>;
};

/**
 * Section IV of a party list as the official recap lays it out: per party its party-only votes, each
 * candidate's votes and the party total, one column per area and the total (the areas run across, as on
 * the D.Hasil forms, since a dapil has far more candidates than areas).
 */
function PartyDetail({ choices, rows }: { choices: BallotChoice[]; rows: DetailRow[] }) {
  const t = useT(recapMessages, commonMessages);
  const lang = useLang();
  const n = (x: number) => formatNumber(x, lang);
  const total = rows[rows.length - 1];
  return (
    <section className="recap-party-detail" data-testid="recap-party-detail">
      <h2>{t("recap.partyDetail")}</h2>
      <p className="small muted">{t("recap.partyDetailNote", { complete: n(total.completeIn), in: n(total.tpsIn) })}</p>
      <div className="table-scroll">
        <table className="recap-table">
          <thead>
            <tr>
              <th />
              {rows.map((r) => (
                <th key={r.isTotal ? "total" : r.code} className="num">
                  {r.name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {choices.map((p) => (
              <PartyRows key={p.number} party={p} rows={rows} n={n} />
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function PartyRows({ party: p, rows, n }: { party: BallotChoice; rows: DetailRow[]; n: (x: number) => string }) {
  const t = useT(recapMessages, commonMessages);
  const cells = (value: (r: DetailRow) => number) =>
    rows.map((r) => (
      <td key={r.isTotal ? "total" : r.code} className="num">
        {n(value(r))}
      </td>
    ));
  return (
    <>
      <tr className="party-head">
        <th colSpan={rows.length + 1}>
          {p.number}. {p.name} ({p.abbrev})
        </th>
      </tr>
      <tr data-testid={`party-${p.number}-only`}>
        <td>{t("recap.partyOnly")}</td>
        {cells((r) => r.partyOnly[String(p.number)] ?? 0)}
      </tr>
      {(p.candidates ?? []).map((k) => (
        <tr key={k.number} data-testid={`party-${p.number}-candidate-${k.number}`}>
          <td>
            {k.number}. {k.name}
          </td>
          {cells((r) => r.candidates[`${p.number}.${k.number}`] ?? 0)}
        </tr>
      ))}
      <tr className="total" data-testid={`party-${p.number}-total`}>
        <td>{t("recap.partyTotal")}</td>
        {cells((r) => r.votes[String(p.number)] ?? 0)}
      </tr>
    </>
  );
}
