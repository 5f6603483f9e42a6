// Printed papers: the CSS of a named page (its size and the running footer with "Halaman 2 dari 7"), shared by
// the recap, the credential letters and the handover sheet. Chromium prints @page margin boxes with the page
// and pages counters; the words are the reader's language, so the rule is written per page render.

/** A CSS string literal: quotes and backslashes escaped, line breaks dropped, and "<" written as an escape so
 *  a name can never close the <style> element it is printed in. */
const cssString = (text: string) =>
  `"${text
    .replace(/[\\"]/g, "\\$&")
    .replace(/[\r\n]+/g, " ")
    .replace(/</g, "\\3c ")}"`;

export function printPageCss(
  name: string,
  { size, footer, page, of }: { size: string; footer: string; page: string; of: string },
): string {
  return `@media print { @page ${name} { size: ${size}; margin: 12mm 10mm 14mm; @bottom-left { content: ${cssString(
    footer,
  )}; font-size: 8pt; color: #444; } @bottom-right { content: ${cssString(`${page} `)} counter(page) ${cssString(
    ` ${of} `,
  )} counter(pages); font-size: 8pt; white-space: nowrap; } } }`;
}
