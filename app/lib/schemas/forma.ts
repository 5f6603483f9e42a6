// The TPS supervision report (Form A, decision 048): the officer's notes per section, bounded, and the body
// the outbox sends.
import { z } from "zod";
import { MAX_NOTE_CHARS, REPORT_SECTIONS, type ReportSection } from "../supervision-report";
import { string, timestamp, tpsCode, uuid } from "./atoms";

export const ReportNotes = z
  .object(
    Object.fromEntries(REPORT_SECTIONS.map((s) => [s, string().trim().max(MAX_NOTE_CHARS).optional()])) as Record<
      ReportSection,
      z.ZodOptional<z.ZodString>
    >,
  )
  .strict();
export type ReportNotes = z.infer<typeof ReportNotes>;

/** The officer's submission: the outbox item's id, the TPS, when it was made and the notes. */
export const SupervisionReportBody = z
  .object({ id: uuid, tpsCode, capturedAt: timestamp, notes: ReportNotes })
  .strict();
export type SupervisionReportBody = z.infer<typeof SupervisionReportBody>;
