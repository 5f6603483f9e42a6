// One TPS for the public (no login): the contests it votes in, each verified result with its C.Hasil photos,
// as GET /api/v1/public/tps/:code gives them. Unverified numbers are never shown.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { formatDateTime, formatNumber } from "~/lib/format";
import { commonMessages } from "~/lib/messages/common";
import { publicMessages } from "~/lib/messages/public";
import { TPS_CODE } from "~/lib/schemas";
import { useLang, useT } from "~/lib/use-t";
import { getPublicTps } from "~/models/public-tps.server";
import { TopBar } from "~/root";

export const meta: MetaFunction = () => [{ title: "Pantau — TPS" }];

export async function loader({ params, context }: LoaderFunctionArgs) {
  const code = params.code ?? "";
  const tps = TPS_CODE.test(code) ? await getPublicTps(context.sql, { code }) : undefined;
  if (!tps) throw new Response("Not found", { status: 404 });
  return { tps };
}

export default function PublicTpsPage() {
  const { tps } = useLoaderData<typeof loader>();
  const t = useT(publicMessages, commonMessages);
  const lang = useLang();
  return (
    <>
      <TopBar title={t("public.tpsTitle", { code: tps.code })} />
      <main className="page public-page">
        <h1>{t("public.tpsTitle", { code: tps.code })}</h1>
        <p data-testid="public-tps-place">
          {tps.address}
          <br />
          {[tps.kelurahan.name, tps.kecamatan.name, tps.city?.name].filter(Boolean).join(", ")}
        </p>
        {tps.results.map((r) => (
          <section key={r.contest} className="card" data-testid={`public-tps-${r.contest}`}>
            <h2>{r.name}</h2>
            {r.dapil ? <p className="muted">{t("public.dapil", { dapil: r.dapil })}</p> : null}
            {r.votes ? (
              <>
                <p className="muted small">{t("public.tpsVerifiedAt", { time: formatDateTime(r.verifiedAt, lang) })}</p>
                <table className="results-table">
                  <tbody>
                    {r.votes.map((k) => (
                      <tr key={k.number}>
                        <td>{k.kind === "blank" ? t("public.blankColumn") : `${k.number}. ${k.name}`}</td>
                        <td className="num">{formatNumber(k.votes, lang)}</td>
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
                    <p className="public-tps-photos">
                      {r.photos.map((url) => (
                        <a key={url} href={url}>
                          <img src={url} alt={t("public.tpsPhotos")} width={160} loading="lazy" />
                        </a>
                      ))}
                    </p>
                  </>
                ) : null}
              </>
            ) : (
              <p className="muted">{t("public.tpsNotVerified")}</p>
            )}
          </section>
        ))}
        <p>
          <Link to="/publik">{t("public.back")}</Link>
        </p>
      </main>
    </>
  );
}
