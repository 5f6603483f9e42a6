// The staff archive (arsip, decision 048): submitted supervision reports, C.Hasil photos and every document
// of the documents store (listed by their owner kind's label: signed reports, case evidence, dispute files),
// searched by area (drill-down), date and kind, a page at a time; a kelurahan's or kecamatan's reports as one
// PDF. Operators and admins see everything, supervisors and case officers their area. Every view is audited.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { PoskoNav } from "~/components/posko-nav";
import { formatDateTime, formatNumber, formatSize } from "~/lib/format";
import { areaOf } from "~/lib/access";
import { commonMessages } from "~/lib/messages/common";
import { formaMessages } from "~/lib/messages/forma";
import { regionLabel } from "~/lib/regions";
import { useLang, useT } from "~/lib/use-t";
import { ARCHIVE_KINDS, ARCHIVE_PAGE_SIZE } from "~/lib/supervision-report";
import { areaAndChildren, searchArchive } from "~/models/supervision-reports.server";
import { TopBar } from "~/root";
import { archiveFilters, auditView } from "~/utils/forma.server";
import { requirePageUser } from "~/utils/permissions.server";
import { isProblem } from "~/lib/problems";

export const meta: MetaFunction = () => [{ title: "Pantau — Arsip" }];

/** A kecamatan or a kelurahan: the areas whose reports make one PDF. */
const SMALL_AREA = /^\d{2}\.\d{2}\.\d{2}(\.\d{4})?$/;

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requirePageUser(request, context.sql, "archive:read");
  const url = new URL(request.url);
  let filters;
  try {
    filters = archiveFilters(url, user);
  } catch (error) {
    // Filters a page cannot read are left out, as on the audit page (decision 028).
    if (!isProblem(error)) throw error;
    filters = archiveFilters(new URL(url.pathname, url), user);
  }
  const [{ items, count }, drill] = await Promise.all([
    searchArchive(context.sql, filters),
    areaAndChildren(context.sql, { area: filters.area }),
  ]);
  await auditView(context, user, {
    action: "archive.view",
    entity: `area:${filters.area ?? "*"}`,
    after: { ...filters.asked, page: filters.page, count },
  });
  const own = areaOf(user);
  return {
    role: user.role,
    area: filters.area,
    asked: filters.asked,
    page: filters.page,
    count,
    items,
    region: drill.region,
    children: drill.children,
    // Up one level, never above the user's own area.
    up: drill.region?.parentCode && (own === null || drill.region.code !== own) ? drill.region.parentCode : null,
    atTop: filters.area === own,
  };
}

export default function Archive() {
  const { role, area, asked, page, count, items, region, children, up, atTop } = useLoaderData<typeof loader>();
  const t = useT(formaMessages, commonMessages);
  const lang = useLang();
  const pages = Math.max(1, Math.ceil(count / ARCHIVE_PAGE_SIZE));
  const link = (changes: Record<string, string | null>) => {
    const q = new URLSearchParams();
    const base: Record<string, string | null> = {
      wilayah: area,
      dari: asked.dari || null,
      sampai: asked.sampai || null,
      page: null,
      ...changes,
    };
    for (const [k, v] of Object.entries(base)) if (v) q.set(k, v);
    for (const k of asked.jenis) if (!("jenis" in changes)) q.append("jenis", k);
    const s = q.toString();
    return s ? `/arsip?${s}` : "/arsip";
  };
  const areaName = region ? regionLabel(region.kind, region.name) : t("archive.allAreas");
  const kindLabel = (item: (typeof items)[number]) => {
    if (item.kind === "report") return `${t("archive.kind.report")} (${item.label})`;
    if (item.kind === "photo") return `${t("archive.kind.photo")}${item.label ? ` · ${item.label}` : ""}`;
    const owner =
      item.ownerKind === "supervision_report"
        ? t("archive.owner.supervision_report")
        : t("archive.owner.other", { kind: (item.ownerKind ?? "").replace(/_/g, " ") });
    return `${owner}: ${item.label}`;
  };
  const href = (item: (typeof items)[number]) =>
    item.kind === "report"
      ? `/laporan/${item.id}`
      : item.kind === "photo"
        ? `/api/v1/archive/photos/${item.id}`
        : `/api/v1/archive/documents/${item.id}`;
  return (
    <>
      <TopBar title={t("archive.title")} />
      <PoskoNav role={role} />
      <main className="page archive" data-testid="archive">
        <h1>{t("archive.heading")}</h1>
        <nav className="archive-drill" aria-label={t("archive.area")}>
          <p>
            <strong>{t("archive.area")}:</strong> <span data-testid="archive-area">{areaName}</span>
            {area ? <span className="muted small"> ({area})</span> : null}
            {up && !atTop ? (
              <>
                {" · "}
                <a href={link({ wilayah: up })}>{t("archive.up")}</a>
              </>
            ) : null}
          </p>
          {children.length ? (
            <p className="archive-children">
              {children.map((c) => (
                <a key={c.code} className="button small" href={link({ wilayah: c.code })}>
                  {regionLabel(c.kind, c.name)}
                </a>
              ))}
            </p>
          ) : null}
        </nav>
        <Form method="get" className="row archive-filter">
          {area ? <input type="hidden" name="wilayah" value={area} /> : null}
          <label>
            {t("archive.from")} <input type="date" name="dari" defaultValue={asked.dari} />
          </label>
          <label>
            {t("archive.until")} <input type="date" name="sampai" defaultValue={asked.sampai} />
          </label>
          <label>
            {t("archive.kind")}{" "}
            <select name="jenis" defaultValue={asked.jenis.length === 1 ? asked.jenis[0] : ""}>
              <option value="">{t("archive.allKinds")}</option>
              {ARCHIVE_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`archive.kind.${k}`)}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" className="primary">
            {t("archive.search")}
          </button>
        </Form>
        <p className="archive-pdf">
          {area && SMALL_AREA.test(area) ? (
            <a
              className="button"
              data-testid="archive-pdf"
              href={`/api/v1/archive/reports.pdf?wilayah=${area}`}
              download
            >
              {t("archive.pdf", { area: areaName })}
            </a>
          ) : (
            <span className="muted small">{t("archive.pdfNeedsArea")}</span>
          )}
        </p>
        <p data-testid="archive-count">
          {t("archive.count", { count: formatNumber(count, lang) })} · {t("archive.pageOf", { page: page + 1, pages })}
        </p>
        {items.length ? (
          <table className="results-table archive-table" data-testid="archive-table">
            <thead>
              <tr>
                <th>{t("archive.when")}</th>
                <th>{t("archive.what")}</th>
                <th>{t("archive.where")}</th>
                <th className="num">{t("archive.size")}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {items.map((item) => (
                <tr key={`${item.kind}-${item.id}`} data-testid={`archive-${item.kind}`}>
                  <td className="nowrap">{formatDateTime(item.at, lang)}</td>
                  <td>{kindLabel(item)}</td>
                  <td className="tps-code">{item.tpsCode ?? item.regionCode ?? "—"}</td>
                  <td className="num">{item.sizeBytes ? formatSize(item.sizeBytes, lang) : ""}</td>
                  <td>
                    <a href={href(item)}>{item.kind === "report" ? t("archive.open") : t("archive.download")}</a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p className="muted">{t("archive.empty")}</p>
        )}
        <p className="row">
          {page > 0 ? <a href={link({ page: String(page - 1) })}>{t("archive.prev")}</a> : null}
          {page + 1 < pages ? <a href={link({ page: String(page + 1) })}>{t("archive.next")}</a> : null}
        </p>
      </main>
    </>
  );
}
