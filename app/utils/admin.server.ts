// Helpers for the admin screens and admin API: the admin check every admin loader and action makes
// (server-side; the layout route alone would not protect actions), and bounded reading of uploads.
import type { Sql } from "postgres";
import { problem } from "~/lib/problems";
import { readBytes } from "./http.server";
import { requirePageUser, requireUserWithPermission } from "./permissions.server";

export const requireAdminPage = (request: Request, sql: Sql) => requirePageUser(request, sql, "admin:manage");
export const requireAdminApi = (request: Request, sql: Sql) => requireUserWithPermission(request, sql, "admin:manage");

/** Reads a request body as UTF-8 text, within its route's cap (413 beyond). */
export async function readText(request: Request): Promise<string> {
  const body = await readBytes(request);
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(body);
  } catch {
    throw problem.badEncoding({ key: "import.err.encoding" });
  }
}

/** A file from a multipart form as text, size-checked; null when the form has none. */
export async function formFileText(file: FormDataEntryValue | null, maxBytes: number): Promise<string | null> {
  if (!file || typeof file === "string") return typeof file === "string" && file.trim() ? file : null;
  if (file.size > maxBytes) throw problem.tooLarge({ key: "import.err.tooLarge" });
  if (file.size === 0) return null;
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(await file.arrayBuffer());
  } catch {
    throw problem.badEncoding({ key: "import.err.encoding" });
  }
}

/** A form post's fields; a body that is not a readable form is the client's error (400), not a 500. */
export async function readForm(request: Request): Promise<FormData> {
  try {
    return await request.formData();
  } catch {
    throw new Response("The form could not be read.", { status: 400 });
  }
}
