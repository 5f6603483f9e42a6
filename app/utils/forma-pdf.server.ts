// An area's supervision reports as one PDF, made on the server with pdf-lib (decision 048): a cover page
// (the area, how many reports, which TPS have none yet), then each TPS's report with one page per section,
// as the printed paper has it, a running head with the TPS code, page numbers and the signature lines.
// Helvetica is one of the PDF standard fonts (no font file to ship); it writes the Latin-1 letters that
// Indonesian and English need, and anything else is replaced so a name can never break the file.
import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFPage } from "pdf-lib";
import type { Lang } from "~/lib/i18n";
import { pdfWords, reportText } from "~/lib/supervision-report-text";
import type { StoredReport } from "~/models/supervision-reports.server";

/** The most reports one PDF holds: a kecamatan of about 100 TPS fits, a whole city is asked in parts. */
export const MAX_REPORTS_PER_PDF = 150;

const A4: [number, number] = [595.28, 841.89];
const MARGIN = 50;
const SIZE = 10;
const LEADING = 13.5;

/** What Helvetica's WinAnsi encoding can write: printable Latin-1; dashes and arrows spelled in ASCII. */
export function pdfSafe(text: string): string {
  return text
    .replace(/[\u2013\u2014]/g, "-")
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/\u2192/g, "->")
    .replace(/\u2026/g, "...")
    .replace(/[\r\n\t]+/g, " ")
    .replace(/[^\u0020-\u007e\u00a0-\u00ff]/g, "?");
}

/** Lines of at most `width` points: words kept whole unless one alone is wider than a line. Widths are summed
 *  per character (one measurement per distinct character and font), so a long note costs linear time. */
function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const widths = charWidths(font, size);
  const w = (c: string) => {
    let x = widths.get(c);
    if (x === undefined) widths.set(c, (x = font.widthOfTextAtSize(c, size)));
    return x;
  };
  const lines: string[] = [];
  let line = "";
  let lineWidth = 0;
  for (const word of pdfSafe(text).split(" ")) {
    const wordWidth = [...word].reduce((sum, c) => sum + w(c), 0);
    const gap = line ? w(" ") : 0;
    if (line && lineWidth + gap + wordWidth <= width) {
      line += " " + word;
      lineWidth += gap + wordWidth;
      continue;
    }
    if (line) lines.push(line);
    line = "";
    lineWidth = 0;
    // A word wider than the line is cut where it overflows.
    for (const c of word) {
      if (line && lineWidth + w(c) > width) {
        lines.push(line);
        line = "";
        lineWidth = 0;
      }
      line += c;
      lineWidth += w(c);
    }
  }
  if (line) lines.push(line);
  return lines;
}

const widthCaches = new WeakMap<PDFFont, Map<number, Map<string, number>>>();
function charWidths(font: PDFFont, size: number): Map<string, number> {
  let bySize = widthCaches.get(font);
  if (!bySize) widthCaches.set(font, (bySize = new Map()));
  let widths = bySize.get(size);
  if (!widths) bySize.set(size, (widths = new Map()));
  return widths;
}

export async function reportsPdf({
  areaName,
  reports,
  missing,
  lang,
  now = new Date(),
}: {
  areaName: string;
  reports: StoredReport[];
  /** TPS of the area without a report, by code. */
  missing: string[];
  lang: Lang;
  now?: Date;
}): Promise<Uint8Array> {
  const words = pdfWords(lang);
  const doc = await PDFDocument.create();
  doc.setTitle(pdfSafe(words.cover(areaName)));
  doc.setCreator("Pantau");
  doc.setCreationDate(now);
  const regular = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const width = A4[0] - 2 * MARGIN;

  let page: PDFPage = doc.addPage(A4);
  let y = A4[1] - MARGIN;
  const write = (text: string, { font = regular, size = SIZE, indent = 0 } = {}) => {
    for (const line of wrap(text, font, size, width - indent * 14)) {
      if (y < MARGIN + 30) newPage();
      page.drawText(line, { x: MARGIN + indent * 14, y, size, font, color: rgb(0, 0, 0) });
      y -= size + (LEADING - SIZE);
    }
  };
  let head: string | null = null;
  const newPage = () => {
    page = doc.addPage(A4);
    y = A4[1] - MARGIN;
    if (head) {
      page.drawText(pdfSafe(head), { x: MARGIN, y, size: 8, font: regular, color: rgb(0.3, 0.3, 0.3) });
      y -= 10;
      page.drawLine({ start: { x: MARGIN, y }, end: { x: A4[0] - MARGIN, y }, thickness: 0.5 });
      y -= 18;
    }
  };

  // The cover.
  write(words.cover(areaName), { font: bold, size: 16 });
  y -= 6;
  write(reports.length ? words.count(reports.length, now.toISOString()) : words.none);
  if (missing.length) {
    y -= 6;
    write(words.missing(missing.join(", ")));
  }

  for (const report of reports) {
    // Other requests are served between reports: a kecamatan's file takes seconds to lay out.
    await new Promise((resolve) => setImmediate(resolve));
    head = `${words.heading} · ${words.subheading(report.tpsCode)} · ${words.version(
      report.version,
      report.submittedAt,
      report.submittedBy,
    )}`;
    for (const section of reportText(report.content, report.notes, lang)) {
      newPage();
      write(section.title, { font: bold, size: 13 });
      y -= 4;
      for (const line of section.lines) {
        if (line.bold) y -= 4;
        write(line.text, { font: line.bold ? bold : regular, indent: line.indent ?? 0 });
      }
      if (section.section === "results") {
        // The places to sign: the officer, and whoever receives the report.
        if (y < MARGIN + 110) newPage();
        y -= 50;
        const half = width / 2;
        for (const [i, role] of [words.signOfficer, words.signReceiver].entries()) {
          const x = MARGIN + i * half;
          page.drawText(pdfSafe(role), { x, y: y + 40, size: 9, font: regular });
          page.drawLine({ start: { x, y }, end: { x: x + half - 30, y }, thickness: 0.7 });
        }
        y -= 20;
      }
    }
  }

  const pages = doc.getPages();
  pages.forEach((p, i) =>
    p.drawText(pdfSafe(words.page(i + 1, pages.length)), {
      x: A4[0] - MARGIN - 90,
      y: MARGIN - 24,
      size: 8,
      font: regular,
      color: rgb(0.3, 0.3, 0.3),
    }),
  );
  return doc.save();
}
