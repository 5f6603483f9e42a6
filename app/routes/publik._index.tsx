// The public page (no login, aggregates only: docs/decisions/013-public-sees-aggregates-only.md): progress by
// area, provisional results per contest with the share of TPS in, the projection with its margin, incident
// counts; live over the `public` Socket.IO room, which carries this aggregate summary only.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useEffect, useState } from "react";
import { io } from "socket.io-client";
import { formatDateTime, formatNumber } from "~/lib/format";
import { commonMessages } from "~/lib/messages/common";
import { projectionMessages } from "~/lib/messages/projection";
import { publicMessages } from "~/lib/messages/public";
import { useLang, useT } from "~/lib/use-t";
import { getCachedPublicSummary, type PublicSummary } from "~/models/public.server";
import { getSetting } from "~/models/settings.server";
import { TopBar } from "~/root";
import { AuditHead } from "~/components/audit-head";
import { auditHeadMessages } from "~/lib/messages/audit-head";
import { publishedHead } from "~/utils/audit-head.server";

export const meta: MetaFunction = () => [{ title: "Pantau — Hasil sementara" }];

export async function loader({ context }: LoaderFunctionArgs) {
  const [summary, options, auditHead] = await Promise.all([
    getCachedPublicSummary(context.sql),
    getSetting(context.sql, "public"),
    publishedHead(context),
  ]);
  return { summary, reportsEnabled: options.reportsEnabled, auditHead };
}

const pct = (x: number, digits = 1) => `${(x * 100).toFixed(digits)}%`;

export default function PublicPage() {
  const data = useLoaderData<typeof loader>();
  const t = useT(projectionMessages, publicMessages, commonMessages, auditHeadMessages);
  const lang = useLang();
  const [summary, setSummary] = useState<PublicSummary>(data.summary as PublicSummary);
  const [live, setLive] = useState(false);
  useEffect(() => {
    const socket = io({ auth: { public: true }, transports: ["websocket", "polling"] });
    socket.on("connect", () => setLive(true));
    socket.on("disconnect", () => setLive(false));
    socket.on("summary", (s: PublicSummary) => setSummary(s));
    return () => {
      socket.close();
    };
  }, []);
  const number = (n: number) => formatNumber(n, lang);
  const time = (iso: string | null) => formatDateTime(iso, lang);
  const choiceLabel = (k: Choice) =>
    k.kind === "blank"
      ? t("public.blankColumn")
      : k.kind === "party"
        ? `${k.number}. ${k.abbrev} ${k.name}`
        : `${k.number}. ${k.name}`;
  const choiceShort = (k: Choice) => (k.kind === "blank" ? "KK" : k.kind === "party" ? k.abbrev : String(k.number));

  return (
    <>
      <TopBar title={t("public.title")} />
      <main className="page public-page">
        <h1>{summary.title}</h1>
        <p className="provisional-mark" role="note">
          <strong>{t("public.provisional")}</strong> {t("public.provisionalNote")}
        </p>
        <p className="muted" data-testid="public-last-update">
          {t("public.lastUpdate", { time: time(summary.lastUpdate) })} ·{" "}
          <span className={live ? "live-dot on" : "live-dot"}>{live ? t("posko.live") : t("posko.reconnecting")}</span>
        </p>
        <form method="get" action="/publik/tps" className="public-tps-lookup">
          <label>
            {t("public.tpsLookup")} <input name="kode" placeholder="1673011001-001" required />
          </label>
          <button type="submit">{t("public.tpsShow")}</button>
        </form>
        <nav className="public-links">
          {data.reportsEnabled ? (
            <Link className="button primary" to="/publik/lapor">
              {t("public.reportLink")}
            </Link>
          ) : null}
          <Link className="button" to="/publik/lacak">
            {t("public.trackLink")}
          </Link>
          <a className="button" href="/api/v1/public/summary">
            {t("public.openJson")}
          </a>
          <a className="button" href="/api/v1/public/summary.csv">
            {t("public.openCsv")}
          </a>
          <a className="button" href="/api/v1/public/audit-head">
            {t("auditHead.openData")}
          </a>
        </nav>

        {summary.contests.map((c) => (
          <section key={c.code} className="card" data-testid={`public-${c.code}`}>
            <h2>{c.name}</h2>
            {c.dapil ? <p className="muted">{t("public.dapil", { dapil: c.dapil })}</p> : null}
            <p data-testid={`public-share-${c.code}`}>
              {t("public.tpsIn", { in: number(c.tpsIn), total: number(c.tpsTotal), share: pct(c.share) })}
            </p>
            <table className="results-table">
              <thead>
                <tr>
                  <th>
                    {c.candidates[0]?.kind === "party"
                      ? t("public.party")
                      : c.candidates[0]?.kind === "candidate"
                        ? t("public.dpdCandidate")
                        : t("public.candidate")}
                  </th>
                  <th className="num">{t("public.votes")}</th>
                  <th className="num">%</th>
                  {c.projection ? <th className="num">{t("public.projection")}</th> : null}
                </tr>
              </thead>
              <tbody>
                {c.candidates.map((k) => {
                  const p = c.projection?.candidates.find((x) => x.number === k.number);
                  return (
                    <tr key={k.number}>
                      <td>{choiceLabel(k)}</td>
                      <td className="num" data-testid={`public-votes-${c.code}-${k.number}`}>
                        {number(k.votes)}
                      </td>
                      <td className="num">{pct(k.percent)}</td>
                      {c.projection ? (
                        <td className="num" data-testid={`public-projection-${c.code}-${k.number}`}>
                          {c.projection.reported > 0 && p ? `${pct(p.estimate)} ± ${(p.margin * 100).toFixed(1)}` : "—"}
                        </td>
                      ) : null}
                    </tr>
                  );
                })}
                <tr className="muted">
                  <td>{t("posko.invalid")}</td>
                  <td className="num">{number(c.invalid)}</td>
                  <td />
                </tr>
              </tbody>
            </table>
            {c.projection ? (
              <p className="muted small">
                {t("public.projectionNote", { reported: c.projection.reported, size: c.projection.sampleSize })}
              </p>
            ) : null}
            {c.byCity.length > 1 ? (
              <AreaTable
                title={t("public.byCity")}
                areas={c.byCity}
                choices={c.candidates}
                testId={`public-cities-${c.code}`}
              />
            ) : null}
            {c.byKecamatan.length ? (
              <details>
                <summary>{t("public.byArea")}</summary>
                <table className="results-table">
                  <thead>
                    <tr>
                      <th>{t("public.area")}</th>
                      <th className="num">TPS</th>
                      {c.candidates.map((k) => (
                        <th key={k.number} className="num" title={choiceLabel(k)}>
                          {choiceShort(k)}
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {c.byKecamatan.map((a) => (
                      <tr key={a.code}>
                        <td>{a.name}</td>
                        <td className="num">
                          {a.tpsIn}/{a.tps}
                        </td>
                        {c.candidates.map((k) => (
                          <td key={k.number} className="num">
                            {number(a.votes[String(k.number)] ?? 0)}
                          </td>
                        ))}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </details>
            ) : null}
          </section>
        ))}

        <section className="card">
          <h2>{t("public.progress")}</h2>
          <p data-testid="public-complete">
            {t("public.complete", { complete: number(summary.tps.complete), total: number(summary.tps.total) })}
          </p>
          <table className="results-table">
            <tbody>
              {summary.progress.map((p) => (
                <tr key={p.code}>
                  <td>{p.name}</td>
                  <td className="num">
                    {p.complete}/{p.tps}
                  </td>
                  <td>
                    <progress max={p.tps || 1} value={p.complete} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>

        {summary.incidents ? (
          <section className="card">
            <h2>{t("public.incidents")}</h2>
            {summary.incidents.length === 0 ? (
              <p className="muted">{t("public.noIncidents")}</p>
            ) : (
              <table className="results-table" data-testid="public-incidents">
                <tbody>
                  {summary.incidents.map((i) => (
                    <tr key={i.category}>
                      <td>{i.label[lang]}</td>
                      <td className="num">{i.count}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
        ) : null}
        <AuditHead head={data.auditHead} />
      </main>
    </>
  );
}

type Choice = PublicSummary["contests"][number]["candidates"][number];

/** Votes per area (kabupaten/kota or kecamatan) and choice, with the TPS in. */
function AreaTable({
  title,
  areas,
  choices,
  testId,
}: {
  title: string;
  areas: PublicSummary["contests"][number]["byCity"];
  choices: Choice[];
  testId: string;
}) {
  const t = useT(publicMessages, commonMessages);
  const lang = useLang();
  return (
    <details open>
      <summary>{title}</summary>
      <table className="results-table" data-testid={testId}>
        <thead>
          <tr>
            <th>{t("public.area")}</th>
            <th className="num">TPS</th>
            {choices.map((k) => (
              <th key={k.number} className="num" title={k.name}>
                {k.kind === "blank" ? "KK" : k.kind === "party" ? k.abbrev : k.number}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {areas.map((a) => (
            <tr key={a.code}>
              <td>{a.name}</td>
              <td className="num">
                {a.tpsIn}/{a.tps}
              </td>
              {choices.map((k) => (
                <td key={k.number} className="num">
                  {formatNumber(a.votes[String(k.number)] ?? 0, lang)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
