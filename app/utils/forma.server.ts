// The supervision report (Form A) and the archive for the routes (decision 048): who may open which TPS's
// report, what they get (the submitted version, or the day composed now when none was submitted), and the
// audit line every staff view and download leaves (who, what, when).
import type { AppLoadContext } from "@remix-run/node";
import { translate, type Lang } from "~/lib/i18n";
import { formaMessages } from "~/lib/messages/forma";
import { problem } from "~/lib/problems";
import { saveDocument } from "~/models/documents.server";
import { composeReport, type ComposedReport, type ReportNotes } from "~/lib/supervision-report";
import { getTps, type TpsInfo } from "~/models/election.server";
import { getReport, getReportDay, REPORT_DOCUMENT_KIND, type StoredReport } from "~/models/supervision-reports.server";
import type { SessionUser } from "~/models/users.server";
import { ARCHIVE_KINDS, type ArchiveKind } from "~/lib/supervision-report";
import { fromElectionWallClock } from "~/lib/format";
import { areaParam, listParam, wholeNumberParam } from "./params.server";
import { areaWithin, canReadReport, requireAccess } from "./permissions.server";

export interface ReportForReader {
  tps: TpsInfo;
  report: Omit<StoredReport, "content" | "notes"> | null;
  content: ComposedReport;
  notes: ReportNotes;
}

/**
 * A TPS's report for a reader: its officer (their own TPS only) or staff who may read reports inside their
 * area; 404 for an unknown TPS, 403 otherwise. Without a submitted report, the day as it stands.
 */
export async function reportForReader(
  context: Pick<AppLoadContext, "sql">,
  { user, tpsCode }: { user: SessionUser; tpsCode: string },
): Promise<ReportForReader> {
  const tps = await getTps(context.sql, { code: tpsCode });
  if (!tps) throw problem.notFound();
  if (user.role === "officer") {
    if (user.tpsCode !== tps.code) throw problem.otherTps(user.tpsCode);
  } else requireAccess(user, canReadReport(user, tps), user.role === "supervisor" ? "other_area" : "forbidden");
  const stored = await getReport(context.sql, { tpsCode });
  if (stored) {
    const { content, notes, ...report } = stored;
    return { tps, report, content, notes };
  }
  const day = (await getReportDay(context.sql, { tpsCode }))!;
  return { tps, report: null, content: composeReport(day), notes: {} };
}

/** Records that a staff member viewed or downloaded something of the archive (an audit line, no change). */
export async function auditView(
  context: Pick<AppLoadContext, "writer">,
  user: SessionUser,
  { action, entity, after }: { action: string; entity: string; after?: unknown },
) {
  // An officer reading their own report is not an archive view.
  if (user.role === "officer") return;
  await context.writer.write((ctx) => {
    ctx.audit({ actorId: user.id, action, entity, after: after ?? null });
    return Promise.resolve(null);
  });
}

/** The signed paper scanned back: stored in the documents store under the TPS's report (audited there). */
export async function saveScan(
  context: Pick<AppLoadContext, "sql" | "writer">,
  { user, tpsCode, file, lang }: { user: SessionUser; tpsCode: string; file: FormDataEntryValue | null; lang: Lang },
) {
  const { tps } = await reportForReader(context, { user, tpsCode });
  if (!file || typeof file === "string")
    throw problem.invalid([{ field: "file", code: "required", key: "document.required" }], "document.required");
  const bytes = new Uint8Array(await file.arrayBuffer());
  const label = translate(lang, formaMessages, "forma.scanLabel", { tps: tps.code });
  return context.writer.write((ctx) =>
    saveDocument(ctx, {
      ownerKind: REPORT_DOCUMENT_KIND,
      ownerId: tps.code,
      regionCode: tps.kelurahanCode,
      label,
      fileName: file.name || `form-a-${tps.code}.pdf`,
      bytes,
      uploadedBy: user.id,
    }),
  );
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A `YYYY-MM-DD` query parameter as the start of that day on the election's clock; null when absent. */
function dayParam(url: URL, name: string): Date | null {
  const raw = url.searchParams.get(name);
  if (raw === null || raw === "") return null;
  const day = DATE.test(raw) ? fromElectionWallClock(`${raw}T00:00`) : null;
  const [year, month, date] = raw.split("-").map(Number);
  // A day that exists (no 2026-02-31), in a span of years an election has.
  const real =
    DATE.test(raw) &&
    year >= 2000 &&
    year <= 2100 &&
    new Date(Date.UTC(year, month - 1, date)).toISOString().slice(0, 10) === raw;
  if (!day || !real || year < 2000 || year > 2100)
    throw problem.badParameters([{ field: name, code: "invalid", key: "api.invalidField" }]);
  return day;
}

export interface ArchiveFilters {
  area: string | null;
  from: Date | null;
  /** Exclusive: the day after the last day asked. */
  until: Date | null;
  kinds: ArchiveKind[];
  page: number;
  /** As asked, for links and forms: the dates as given. */
  asked: { dari: string; sampai: string; jenis: ArchiveKind[] };
}

/** The archive's filters from the query (`wilayah`, `dari`, `sampai`, `jenis` repeatable, `page`), kept inside
 *  the user's area; 400 for a parameter that cannot be read. */
export function archiveFilters(url: URL, user: SessionUser): ArchiveFilters {
  const area = areaWithin(user, areaParam(url));
  const from = dayParam(url, "dari");
  const last = dayParam(url, "sampai");
  const jenis = listParam(url, "jenis", { max: ARCHIVE_KINDS.length });
  if (jenis.some((k) => !ARCHIVE_KINDS.includes(k as ArchiveKind)))
    throw problem.badParameters([{ field: "jenis", code: "invalid", key: "api.invalidField" }]);
  const page = wholeNumberParam(url, "page", { min: 0, max: 100_000, fallback: 0 })!;
  return {
    area,
    from,
    until: last ? new Date(last.getTime() + 24 * 3600_000) : null,
    kinds: jenis.length ? (jenis as ArchiveKind[]) : [...ARCHIVE_KINDS],
    page,
    asked: {
      dari: url.searchParams.get("dari") ?? "",
      sampai: url.searchParams.get("sampai") ?? "",
      jenis: jenis as ArchiveKind[],
    },
  };
}
