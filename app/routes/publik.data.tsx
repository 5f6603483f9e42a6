// /publik/data: the public data centre (SPEC section 9; docs/decisions/046-public-data-centre.md), per stage
// of the election, drilling down by area like the public page (`?wilayah=<code>`; a level with exactly one
// child opens that child). Each dataset shows its "as of" time, a chart, a table and its CSV; the same numbers
// as JSON at /api/v1/public/data-centre. Aggregates only. The same page for everyone, cacheable (decision 034).
import { data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Breadcrumb } from "~/components/breadcrumb";
import { DatasetSection, STAGE_TITLE } from "~/components/public/data-centre";
import { dataCentreHref, type Dataset } from "~/lib/data-centre";
import { dataCentreMessages } from "~/lib/messages/data-centre";
import { publicMessages } from "~/lib/messages/public";
import { ELECTION_ROOT } from "~/lib/region-summary";
import { regionLabel } from "~/lib/regions";
import { REGION_CODE } from "~/lib/schemas/atoms";
import { useT } from "~/lib/use-t";
import { getDataCentre } from "~/models/data-centre.server";
import { TopBar } from "~/root";
import { pageCacheHeaders, publicPageHeaders } from "~/utils/http.server";

export const meta: MetaFunction = () => [{ title: "Pantau — Pusat data" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const asked = new URL(request.url).searchParams.get("wilayah") || ELECTION_ROOT;
  if (asked !== ELECTION_ROOT && !REGION_CODE.test(asked)) throw new Response("Not found", { status: 404 });
  const centre = await getDataCentre(context.sql, { code: asked });
  if (!centre) throw new Response("Not found", { status: 404 });
  const { area, parents, children } = centre.summary;
  const body = {
    area: { code: area.code, name: area.name, level: area.level, kind: area.kind },
    parents,
    children: children.map((c) => ({ code: c.code, name: c.name, kind: c.kind })),
    datasets: centre.datasets,
  };
  return data(body, { headers: pageCacheHeaders(request, { version: `publik-data:${centre.version}` }) });
}

export const headers = publicPageHeaders;

export default function DataCentrePage() {
  const loaded = useLoaderData<typeof loader>();
  const t = useT(dataCentreMessages, publicMessages);
  const { area } = loaded;
  const rootName = t("public.allAreas");
  const name = (a: { kind: string; name: string }) => (a.kind === "election" ? rootName : regionLabel(a.kind, a.name));
  const datasets = loaded.datasets as Dataset[];
  return (
    <>
      <TopBar title={t("dc.title")} />
      <main className="page public-page dc-page">
        <Breadcrumb
          summary={loaded}
          href={dataCentreHref}
          name={name}
          label={t("dc.breadcrumb")}
          testId="dc-breadcrumb"
        />
        <h1 data-testid="dc-area-name">{name(area)}</h1>
        <p className="muted">{t("dc.intro")}</p>
        {loaded.children.length ? (
          <nav aria-label={t("dc.children")} className="dc-children">
            <h2 className="small">{t("dc.children")}</h2>
            <ul>
              {loaded.children.map((c) => (
                <li key={c.code}>
                  <Link to={dataCentreHref(c.code)}>{name(c)}</Link>
                </li>
              ))}
            </ul>
          </nav>
        ) : null}
        <nav className="dc-jump" aria-label={t("dc.stages")}>
          <h2 className="small">{t("dc.stages")}</h2>
          {datasets.map((d) => (
            <a key={d.key} href={`#${d.key}`}>
              {t(STAGE_TITLE[d.key])}
            </a>
          ))}
        </nav>
        {datasets.map((d) => (
          <DatasetSection key={d.key} dataset={d} areaCode={area.code} />
        ))}
        <p className="public-links">
          <a className="button" href={`/api/v1/public/data-centre?wilayah=${encodeURIComponent(area.code)}`}>
            {t("dc.json")}
          </a>
        </p>
      </main>
    </>
  );
}
