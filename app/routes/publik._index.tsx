// The public page (no login, aggregates only: docs/decisions/013-public-sees-aggregates-only.md), one level
// of the drill-down at a time: `?wilayah=<code>` opens a region (default: the whole election; a level with
// exactly one child opens that child), with its progress and provisional results per contest and its
// children, each a link one level down; a kelurahan lists its TPS, each a link to its verified result. A
// search box finds a TPS by code and a kelurahan/desa by name (`?cari=`). Live: the page opens its area on
// the public socket (`areas:open`) and gets the public totals of the area and its children pushed (coalesced,
// computed once per area for all viewers); a kelurahan fetches its summary again for its TPS statuses (304
// when nothing changed). The page is the
// same for everyone (no session read) and cacheable (docs/decisions/034-public-reads-cached.md).
import { data, redirect, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useEffect, useState } from "react";
import { io } from "socket.io-client";
import { AuditHead } from "~/components/audit-head";
import {
  Breadcrumb,
  ChildList,
  ContestResults,
  nameOf,
  TpsList,
  type ChoiceLabels,
} from "~/components/public/drill-down";
import { SearchForm, SearchResults, type SearchView } from "~/components/public/search";
import { ballotChoices } from "~/lib/ballot";
import type { ContestType } from "~/lib/contests";
import { formatDateTime, formatEstimate, formatNumber } from "~/lib/format";
import { auditHeadMessages } from "~/lib/messages/audit-head";
import { commonMessages } from "~/lib/messages/common";
import { projectionMessages } from "~/lib/messages/projection";
import { publicMessages } from "~/lib/messages/public";
import { isProblem } from "~/lib/problems";
import { drillDownHref, tpsHref } from "~/lib/public-page";
import { ELECTION_ROOT, type AreaTotals, type RegionSummary } from "~/lib/region-summary";
import { REGION_CODE } from "~/lib/schemas/atoms";
import { useLang, useT } from "~/lib/use-t";
import { OPEN_DATA_MAX_TPS } from "~/models/open-data.server";
import { contestsShown, getPublicRegionSummary } from "~/models/public-region.server";
import { SEARCH_LIMIT, searchPublic } from "~/models/public-search.server";
import { getPublicExtras } from "~/models/public.server";
import { getSetting } from "~/models/settings.server";
import { TopBar } from "~/root";
import { publishedHead } from "~/utils/audit-head.server";
import { pageCacheHeaders, publicPageHeaders } from "~/utils/http.server";
import { requestLang } from "~/utils/lang.server";
import { describeProblem } from "~/utils/problem-answer.server";
import { readSearchQuery } from "~/utils/public-search.server";

export const meta: MetaFunction = () => [{ title: "Pantau — Hasil sementara" }];

/** The `totals` push of an open area (server/live/totals.ts): its public totals and its children's. */
type TotalsPush = { seq: number; areas: AreaTotals[] };

type RawChoice = { number: number; kind: string; name: string; abbrev?: string };

export async function loader({ request, context }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const asked = url.searchParams.get("wilayah") || ELECTION_ROOT;
  if (asked !== ELECTION_ROOT && !REGION_CODE.test(asked)) throw new Response("Not found", { status: 404 });
  const cari = url.searchParams.get("cari");
  const search = cari === null ? null : await runSearch(request, context.sql, cari);
  if (search && "redirect" in search) throw redirect(search.redirect);

  let summary = await getPublicRegionSummary(context.sql, { code: asked });
  if (!summary) throw new Response("Not found", { status: 404 });
  // A level with exactly one child opens that child (the demo election has one province and one city).
  while (summary.children.length === 1 && summary.area.level !== "kelurahan") {
    const child = await getPublicRegionSummary(context.sql, { code: summary.children[0].code });
    if (!child) break;
    summary = child;
  }
  const atTop = asked === ELECTION_ROOT;
  const [shown, options, auditHead] = await Promise.all([
    contestsShown(context.sql, summary),
    getSetting(context.sql, "public"),
    publishedHead(context),
  ]);
  // The projection (of the contests shown, by code) and the incident counts are of the whole election: shown
  // where the page opens, without the whole-election summary (which sums every result).
  const extras = atTop
    ? await getPublicExtras(
        context.sql,
        Object.entries(shown)
          .filter(([key, c]) => key === c.code)
          .map(([, c]) => c),
      )
    : null;
  // Each contest (or group of one type) shown with its choices, for the labels; each contest's type.
  const choices: Record<string, RawChoice[]> = {};
  const types: Record<string, ContestType> = {};
  for (const [key, contest] of Object.entries(shown)) {
    types[key] = contest.type;
    choices[key] = ballotChoices(contest).map((k) => ({
      number: k.number,
      kind: k.kind,
      name: k.name,
      ...(k.abbrev ? { abbrev: k.abbrev } : {}),
    }));
  }
  const body = {
    asked,
    summary,
    choices,
    contestTypes: types,
    search,
    reportsEnabled: options.reportsEnabled,
    auditHead,
    extras,
    openDataMax: OPEN_DATA_MAX_TPS,
  };
  // The version leaves out what changes without the page changing: when it was read, the event sequence.
  const version = JSON.stringify({ ...body, summary: { ...summary, asOf: "", seq: 0 } });
  return data(body, { headers: pageCacheHeaders(request, { version: `publik:${version}` }) });
}

export const headers = publicPageHeaders;

async function runSearch(
  request: Request,
  sql: Parameters<typeof searchPublic>[0],
  cari: string,
): Promise<SearchView | { redirect: string }> {
  try {
    const q = readSearchQuery(cari);
    const found = await searchPublic(sql, { q });
    // A TPS code finds that one TPS: its page opens at once.
    if (found.tps.length === 1 && found.regions.length === 0) return { redirect: tpsHref(found.tps[0].code) };
    return { ...found, error: null, limit: SEARCH_LIMIT };
  } catch (error) {
    if (!isProblem(error)) throw error;
    const message = describeProblem(error, requestLang(request)).body.message;
    return { q: cari.slice(0, 64), error: message, tps: [], regions: [], limit: SEARCH_LIMIT };
  }
}

export default function PublicPage() {
  const loaded = useLoaderData<typeof loader>();
  const t = useT(projectionMessages, publicMessages, commonMessages, auditHeadMessages);
  const lang = useLang();
  const [summary, setSummary] = useState<RegionSummary>(loaded.summary as RegionSummary);
  const [live, setLive] = useState(false);
  const code = loaded.summary.area.code;
  useEffect(() => setSummary(loaded.summary as RegionSummary), [loaded.summary]);
  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | null = null;
    // Fetched again on every change message: revalidated (304 when unchanged), spread over a second so that
    // thousands of readers do not ask in the same millisecond.
    const refresh = () => {
      if (timer) return;
      timer = setTimeout(async () => {
        timer = null;
        try {
          const res = await fetch(`/api/v1/public/regions/${encodeURIComponent(code)}/summary`, { cache: "no-cache" });
          if (res.ok && !stopped) setSummary((await res.json()) as RegionSummary);
        } catch {
          // Offline for a moment: the next message tries again.
        }
      }, Math.random() * 1000);
    };
    const socket = io({ auth: { public: true }, transports: ["websocket", "polling"] });
    // The page opens its area (again after each reconnection): the server then pushes only the public totals
    // of this area and its children, not the whole public summary.
    socket.on("connect", () => {
      setLive(true);
      socket.emit("areas:open", { areas: [code] }, (answer: { ok: boolean }) => {
        if (!answer?.ok) socket.on("summary", refresh); // an older server: its whole-summary pushes as a signal
      });
    });
    socket.on("disconnect", () => setLive(false));
    socket.on("totals", (push: TotalsPush) => {
      if (stopped) return;
      const byCode = new Map(push.areas.map((a) => [a.code, a]));
      if (!byCode.has(code)) return;
      setSummary((s) => ({
        ...s,
        seq: Math.max(s.seq, push.seq),
        asOf: new Date().toISOString(),
        area: byCode.get(s.area.code) ?? s.area,
        children: s.children.map((c) => byCode.get(c.code) ?? c),
      }));
      // A kelurahan also lists its TPS's statuses, which the totals do not carry: read them again.
      if (loaded.summary.tps.length) refresh();
    });
    return () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      socket.close();
    };
  }, [code, loaded.summary.tps.length]);

  const labels: ChoiceLabels = Object.fromEntries(
    Object.entries(loaded.choices).map(([key, list]) => [
      key,
      list.map((k) => ({
        number: k.number,
        label:
          k.kind === "blank"
            ? t("public.blankColumn")
            : k.kind === "party"
              ? `${k.number}. ${k.abbrev ?? ""} ${k.name}`
              : `${k.number}. ${k.name}`,
        short: k.kind === "blank" ? "KK" : k.kind === "party" ? (k.abbrev ?? String(k.number)) : `No. ${k.number}`,
      })),
    ]),
  );
  const rootName = t("public.allAreas");
  const area = summary.area;
  const openData = area.tps <= loaded.openDataMax;
  const here = area.code === ELECTION_ROOT ? null : area.code;

  return (
    <>
      <TopBar title={t("public.title")} />
      <main className="page public-page">
        <Breadcrumb summary={summary} rootName={rootName} />
        <h1 data-testid="public-area-name">{area.kind === "election" ? rootName : nameOf(area)}</h1>
        <p className="provisional-mark" role="note">
          <strong>{t("public.provisional")}</strong> {t("public.provisionalNote")}
        </p>
        <p className="muted small" data-testid="public-last-update">
          {t("public.tpsCount", { n: formatNumber(area.tps, lang) })} ·{" "}
          {t("public.lastUpdate", { time: formatDateTime(summary.asOf, lang) })} ·{" "}
          <span className={live ? "live-dot on" : "live-dot"} title={t("public.liveHow")}>
            {live ? t("posko.live") : t("posko.reconnecting")}
          </span>
        </p>
        <SearchForm q={loaded.search?.q ?? ""} />
        {loaded.search ? <SearchResults search={loaded.search} closeHref={drillDownHref(loaded.asked)} /> : null}

        {area.contests.map((c) => (
          <ContestResults key={c.key} contest={c} labels={labels[c.key]} />
        ))}
        <ChildList summary={summary} labels={labels} />
        <TpsList summary={summary} contestTypes={loaded.contestTypes} />

        <nav className="public-links" aria-label={t("public.openDataArea")}>
          {openData ? (
            <>
              <a className="button" href={`/api/v1/public/regions/${encodeURIComponent(area.code)}/tps.csv`}>
                {t("public.openDataCsv")}
              </a>
              <a className="button" href={`/api/v1/public/regions/${encodeURIComponent(area.code)}/tps.json`}>
                {t("public.openDataJson")}
              </a>
            </>
          ) : (
            <span className="muted small">
              {t("public.openDataTooLarge", {
                tps: formatNumber(area.tps, lang),
                max: formatNumber(loaded.openDataMax, lang),
              })}
            </span>
          )}
          <a className="button" href="/api/v1/public/summary.csv">
            {t("public.openCsv")}
          </a>
        </nav>

        {loaded.extras?.projection.length ? (
          <section className="card">
            <h2>{t("public.projection")}</h2>
            {loaded.extras.projection.map((c) => (
              <div key={c.code}>
                <h3>{c.name}</h3>
                <table className="results-table">
                  <tbody>
                    {c.candidates.map((k) => {
                      const p = c.projection.candidates.find((x) => x.number === k.number);
                      return (
                        <tr key={k.number}>
                          <td>{k.kind === "blank" ? t("public.blankColumn") : `${k.number}. ${k.name}`}</td>
                          <td className="num" data-testid={`public-projection-${c.code}-${k.number}`}>
                            {c.projection.reported > 0 && p ? formatEstimate(p.estimate, p.margin, lang) : "—"}
                          </td>
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
                <p className="muted small">
                  {t("public.projectionNote", { reported: c.projection.reported, size: c.projection.sampleSize })}
                </p>
              </div>
            ))}
          </section>
        ) : null}

        {loaded.extras?.incidents ? (
          <section className="card">
            <h2>{t("public.incidents")}</h2>
            {loaded.extras.incidents.length === 0 ? (
              <p className="muted">{t("public.noIncidents")}</p>
            ) : (
              <table className="results-table" data-testid="public-incidents">
                <tbody>
                  {loaded.extras.incidents.map((i) => (
                    <tr key={i.category}>
                      <td>{i.label[lang]}</td>
                      <td className="num">{formatNumber(i.count, lang)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
        ) : null}

        <nav className="public-links">
          {loaded.reportsEnabled ? (
            <Link className="button primary" to="/publik/lapor">
              {t("public.reportLink")}
            </Link>
          ) : null}
          <Link className="button" to="/publik/lacak">
            {t("public.trackLink")}
          </Link>
          <a className="button" href={`/api/v1/public/regions/${encodeURIComponent(here ?? ELECTION_ROOT)}/summary`}>
            {t("public.openJson")}
          </a>
          <a className="button" href="/api/v1/public/audit-head">
            {t("auditHead.openData")}
          </a>
        </nav>
        <AuditHead head={loaded.auditHead} />
      </main>
    </>
  );
}
