// One TPS for the public (no login): the contests it votes in, each verified result with its C.Hasil photos,
// as GET /api/v1/public/tps/:code gives them. Unverified numbers are never shown. Reached from the drill-down
// (a kelurahan lists its TPS) and the search; its breadcrumb leads back up. Prints on one sheet per TPS.
// Cacheable like every public read (docs/decisions/034-public-reads-cached.md).
import { data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { formatDateTime, formatNumber } from "~/lib/format";
import { commonMessages } from "~/lib/messages/common";
import { publicMessages } from "~/lib/messages/public";
import { drillDownHref } from "~/lib/public-page";
import { ELECTION_ROOT } from "~/lib/region-summary";
import { TPS_CODE } from "~/lib/schemas";
import { useLang, useT } from "~/lib/use-t";
import { getPublicTps } from "~/models/public-tps.server";
import { TopBar } from "~/root";
import { pageCacheHeaders, publicPageHeaders } from "~/utils/http.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Pantau — TPS ${data.tps.code}` : "Pantau — TPS" },
];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const code = params.code ?? "";
  const tps = TPS_CODE.test(code) ? await getPublicTps(context.sql, { code }) : undefined;
  if (!tps) throw new Response("Not found", { status: 404 });
  const headers = pageCacheHeaders(request, {
    version: `tps-page:${JSON.stringify(tps)}`,
    lastModified: tps.lastChange,
  });
  return data({ tps }, { headers });
}

export const headers = publicPageHeaders;

export default function PublicTpsPage() {
  const { tps } = useLoaderData<typeof loader>();
  const t = useT(publicMessages, commonMessages);
  const lang = useLang();
  const trail = [
    { code: ELECTION_ROOT, name: t("public.allAreas") },
    ...[tps.province, tps.city, tps.kecamatan, tps.kelurahan].filter((r) => r !== null),
  ];
  return (
    <>
      <TopBar title={t("public.tpsTitle", { code: tps.code })} />
      <main className="page public-page public-tps">
        <nav aria-label={t("public.breadcrumb")} className="breadcrumb" data-testid="public-tps-breadcrumb">
          <ol>
            {trail.map((r) => (
              <li key={r.code}>
                <Link to={drillDownHref(r.code)}>{r.name}</Link>
              </li>
            ))}
          </ol>
        </nav>
        <h1>
          {t("public.tpsNumber", { number: tps.number })} · {tps.kelurahan.name}
        </h1>
        <p className="muted" data-testid="public-tps-code">
          {t("public.tpsTitle", { code: tps.code })}
        </p>
        <p data-testid="public-tps-place">
          {tps.address ? (
            <>
              {t("public.tpsAddress")}: {tps.address}
              <br />
            </>
          ) : null}
          {[tps.kelurahan.name, tps.kecamatan.name, tps.city?.name].filter(Boolean).join(", ")}
        </p>
        {tps.results.map((r) => (
          <section key={r.contest} className="card public-tps-result" data-testid={`public-tps-${r.contest}`}>
            <h2>{r.name}</h2>
            {r.dapil ? <p className="muted">{t("public.dapil", { dapil: r.dapil })}</p> : null}
            {r.votes ? (
              <>
                <p className="status-line verified">
                  {t("public.tpsVerifiedAt", { time: formatDateTime(r.verifiedAt, lang) })}
                </p>
                <table className="results-table">
                  <tbody>
                    {r.votes.map((k) => (
                      <tr key={k.number}>
                        <td>{k.kind === "blank" ? t("public.blankColumn") : `${k.number}. ${k.name}`}</td>
                        <td className="num" data-testid={`public-tps-votes-${r.contest}-${k.number}`}>
                          {formatNumber(k.votes, lang)}
                        </td>
                      </tr>
                    ))}
                    <tr className="muted">
                      <td>{t("posko.invalid")}</td>
                      <td className="num">{formatNumber(r.invalid ?? 0, lang)}</td>
                    </tr>
                  </tbody>
                </table>
                {r.photos.length ? (
                  <>
                    <h3>{t("public.tpsPhotos")}</h3>
                    <ul className="public-tps-photos">
                      {r.photos.map((url, i) => (
                        <li key={url}>
                          <a
                            href={url}
                            target="_blank"
                            rel="noreferrer"
                            aria-label={t("public.tpsPhotoOpen", { n: i + 1 })}
                          >
                            <img src={url} alt={`${t("public.tpsPhotos")} ${i + 1}`} loading="lazy" />
                          </a>
                        </li>
                      ))}
                    </ul>
                  </>
                ) : null}
              </>
            ) : (
              <p className="status-line not-verified" data-testid={`public-tps-not-verified-${r.contest}`}>
                {t("public.tpsNotVerifiedLong")}
              </p>
            )}
          </section>
        ))}
        <p className="public-links no-print">
          <button type="button" className="button" onClick={() => window.print()}>
            {t("public.tpsPrint")}
          </button>
          <a className="button" href={`/api/v1/public/tps/${tps.code}`}>
            {t("public.tpsJson")}
          </a>
          <Link className="button" to={drillDownHref(tps.kelurahan.code)}>
            {t("public.backTo", { name: tps.kelurahan.name })}
          </Link>
        </p>
      </main>
    </>
  );
}
