// One level of the public drill-down: where the open area lies (breadcrumb), its progress and provisional
// results per contest, and its children as a compact list, each a link one level down; a kelurahan lists its
// TPS, each a link to its page. The page holds one level, never the TPS of a whole province.
import { Link } from "@remix-run/react";
import { Breadcrumb as SharedBreadcrumb } from "~/components/breadcrumb";
import type { ContestType } from "~/lib/contests";
import { formatNumber, formatShare } from "~/lib/format";
import { commonMessages } from "~/lib/messages/common";
import { publicMessages } from "~/lib/messages/public";
import { drillDownHref, tpsHref } from "~/lib/public-page";
import { shareReported, type AreaTotals, type ContestProgress, type RegionSummary } from "~/lib/region-summary";
import { regionLabel } from "~/lib/regions";
import { useLang, useT } from "~/lib/use-t";

/** A choice of section IV as the public page prints it: full in the results, short in the lists. */
export interface ChoiceLabel {
  number: number;
  label: string;
  short: string;
}

export type ChoiceLabels = Record<string, ChoiceLabel[]>;

/** A region as printed ("Kec. …", "Kel. …"); the root as it is named. */
export const nameOf = (r: Pick<AreaTotals, "kind" | "name">) => (r.kind === "election" ? r.name : regionLabel(r.kind, r.name));

/** The share of results in over every contest of an area (a TPS with two ballots counts twice). */
const areaShare = (a: AreaTotals) => {
  const tps = a.contests.reduce((s, c) => s + c.tps, 0);
  const reporting = a.contests.reduce((s, c) => s + c.reporting, 0);
  return { tps, reporting, share: tps ? reporting / tps : 0 };
};

/** The leading choice of a contest and its share of the valid votes; null before any vote. */
function leader(c: ContestProgress, labels: ChoiceLabel[] | undefined) {
  if (!c.votes) return null;
  const valid = Object.values(c.votes).reduce((s, n) => s + n, 0);
  if (!valid) return null;
  const [number, votes] = Object.entries(c.votes).sort((a, b) => b[1] - a[1])[0];
  const label = labels?.find((k) => String(k.number) === number);
  return { short: label?.short ?? number, share: votes / valid };
}

/** The shared breadcrumb (app/components/breadcrumb.tsx) with the public page's links and names. */
export function Breadcrumb({ summary, rootName }: { summary: RegionSummary; rootName: string }) {
  const t = useT(publicMessages);
  return (
    <SharedBreadcrumb
      summary={summary}
      href={drillDownHref}
      name={(a) => (a.kind === "election" ? rootName : regionLabel(a.kind, a.name))}
      label={t("public.breadcrumb")}
      testId="public-breadcrumb"
    />
  );
}

export function ContestResults({ contest: c, labels }: { contest: ContestProgress; labels: ChoiceLabel[] | undefined }) {
  const t = useT(publicMessages, commonMessages);
  const lang = useLang();
  const valid = c.votes ? Object.values(c.votes).reduce((s, n) => s + n, 0) : 0;
  return (
    <section className="card" data-testid={`public-contest-${c.key}`}>
      <h2>{c.name}</h2>
      <p data-testid={`public-share-${c.key}`}>
        {t("public.tpsIn", {
          in: formatNumber(c.reporting, lang),
          total: formatNumber(c.tps, lang),
          share: formatShare(shareReported(c), lang),
        })}
      </p>
      <progress className="share" max={c.tps || 1} value={c.reporting} aria-label={formatShare(shareReported(c), lang)} />
      {c.votes ? (
        <table className="results-table">
          <thead>
            <tr>
              <th>{t("public.choice")}</th>
              <th className="num">{t("public.votes")}</th>
              <th className="num">%</th>
            </tr>
          </thead>
          <tbody>
            {(labels ?? Object.keys(c.votes).map((n) => ({ number: Number(n), label: n, short: n }))).map((k) => {
              const votes = c.votes?.[String(k.number)] ?? 0;
              return (
                <tr key={k.number}>
                  <td>{k.label}</td>
                  <td className="num" data-testid={`public-votes-${c.key}-${k.number}`}>
                    {formatNumber(votes, lang)}
                  </td>
                  <td className="num">{valid ? formatShare(votes / valid, lang) : "—"}</td>
                </tr>
              );
            })}
            <tr className="muted">
              <td>{t("posko.invalid")}</td>
              <td className="num">{formatNumber(c.invalid, lang)}</td>
              <td />
            </tr>
          </tbody>
        </table>
      ) : (
        <p className="muted">{t("public.votesPerDapil")}</p>
      )}
    </section>
  );
}

export function ChildList({ summary, labels }: { summary: RegionSummary; labels: ChoiceLabels }) {
  const t = useT(publicMessages);
  const lang = useLang();
  if (!summary.children.length) return null;
  return (
    <section className="card">
      <h2>{t(`public.children.${summary.children[0].level}` as "public.children.kecamatan")}</h2>
      <ul className="area-list" data-testid="public-children">
        {summary.children.map((child) => {
          const s = areaShare(child);
          return (
            <li key={child.code} data-testid={`public-child-${child.code}`}>
              <div className="area-row">
                <Link to={drillDownHref(child.code)} className="area-name">
                  {nameOf(child)}
                </Link>
                <span className="muted small area-count">
                  {t("public.tpsCount", { n: formatNumber(child.tps, lang) })} ·{" "}
                  {t("public.reportedShort", { share: formatShare(s.share, lang) })}
                </span>
              </div>
              <progress
                className="share"
                max={s.tps || 1}
                value={s.reporting}
                aria-label={t("public.reportedShort", { share: formatShare(s.share, lang) })}
              />
              <p className="small area-leaders">
                {child.contests.map((c) => {
                  const lead = leader(c, labels[c.key]);
                  return (
                    <span key={c.key}>
                      {t(`public.short.${c.type}`)} {formatNumber(c.reporting, lang)}/{formatNumber(c.tps, lang)}
                      {lead ? ` · ${t("public.leading", { choice: lead.short, share: formatShare(lead.share, lang) })}` : ""}
                    </span>
                  );
                })}
              </p>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

export function TpsList({
  summary,
  contestTypes,
}: {
  summary: RegionSummary;
  /** Each contest code's type: its short name in the list. */
  contestTypes: Record<string, ContestType>;
}) {
  const t = useT(publicMessages);
  if (!summary.tps.length) return null;
  return (
    <section className="card">
      <h2>{t("public.tpsList", { name: nameOf(summary.area) })}</h2>
      <ul className="area-list tps-list" data-testid="public-tps-list">
        {summary.tps.map((tps) => (
          <li key={tps.code} data-testid={`public-tps-row-${tps.code}`}>
            <div className="area-row">
              <Link to={tpsHref(tps.code)} className="area-name">
                {t("public.tpsNumber", { number: String(tps.number).padStart(3, "0") })}
              </Link>
              <span className="muted small">{tps.code}</span>
            </div>
            <p className="small area-leaders">
              {Object.entries(tps.status).map(([contest, status]) => (
                <span key={contest} className={status === "verified" ? "tps-verified" : undefined}>
                  {contestTypes[contest] ? t(`public.short.${contestTypes[contest]}`) : contest}:{" "}
                  {status === "verified"
                    ? t("public.status.verified")
                    : status === "missing"
                      ? t("public.status.missing")
                      : t("public.status.reported")}
                </span>
              ))}
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}
