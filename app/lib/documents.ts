// Documents (evidence files, petitions, decisions, signed reports): what is accepted, shared by the forms
// that upload them and the server that checks them. The type is read from the first bytes, never from the
// file's name or declared type.
import { sniffImage } from "./photos";

/** Largest document accepted: a scanned page or a phone photo of evidence; a recording does not belong here. */
export const MAX_DOCUMENT_BYTES = 5 * 1024 * 1024;
export const DOCUMENT_MIME_TYPES = ["image/jpeg", "image/png", "image/webp", "application/pdf"] as const;
export type DocumentMime = (typeof DOCUMENT_MIME_TYPES)[number];
/** What a file input offers (the server still checks the bytes). */
export const DOCUMENT_ACCEPT = ".jpg,.jpeg,.png,.webp,.pdf,image/jpeg,image/png,image/webp,application/pdf";

/** The document's type by its first bytes: an image Pantau takes as a photo, or a PDF ("%PDF-"); else null. */
export function sniffDocument(bytes: Uint8Array): DocumentMime | null {
  const image = sniffImage(bytes);
  if (image) return image;
  const pdf = [0x25, 0x50, 0x44, 0x46, 0x2d];
  return bytes.length >= 8 && pdf.every((b, i) => bytes[i] === b) ? "application/pdf" : null;
}

/** A file name safe to keep and to send back in Content-Disposition: no path, no control or quote
 *  characters, at most 200 characters, never empty. */
export function safeFileName(name: string, fallback = "dokumen"): string {
  const base = name.split(/[\\/]/).pop() ?? "";
  const cleaned = base
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f-\u009f"';<>`]/g, "")
    .trim()
    .slice(-200);
  return cleaned || fallback;
}
