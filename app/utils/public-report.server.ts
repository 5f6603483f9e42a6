// Reads a public report from a request (multipart form with an optional photo, or JSON), size-limited,
// and files it; shared by the API (POST /api/v1/public/reports) and the /publik/lapor page.
import type { AppLoadContext } from "@remix-run/node";
import { translate, type Lang } from "~/lib/i18n";
import { fieldErrors } from "~/lib/schemas";
import {
  createCitizenReport,
  hashClient,
  MAX_PHOTO_BYTES,
  MAX_REPORT_BYTES,
  photoType,
  ReportBody,
} from "~/models/reports.server";
import { ApiError, readJson, type FieldError } from "./http.server";

const err = (lang: Lang, status: number, code: string, message: string, errors?: FieldError[]) =>
  new ApiError(status, code, message, errors);

export async function filePublicReport(request: Request, context: AppLoadContext, lang: Lang) {
  const say = (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) =>
    translate(lang, key, params);
  if (Number(request.headers.get("Content-Length") ?? 0) > MAX_REPORT_BYTES) {
    await drain(request, 4 * MAX_REPORT_BYTES);
    throw err(lang, 413, "too_large", say("report.tooLarge"));
  }
  let fields: Record<string, unknown>;
  let photo: { bytes: Uint8Array; type: string } | null = null;
  if ((request.headers.get("Content-Type") ?? "").startsWith("multipart/form-data")) {
    let form: FormData;
    try {
      form = await request.formData();
    } catch {
      throw err(lang, 400, "bad_form", say("api.invalidField"));
    }
    fields = Object.fromEntries(
      ["category", "tpsCode", "place", "description", "contact"].map((k) => [
        k,
        typeof form.get(k) === "string" ? form.get(k) : undefined,
      ]),
    );
    const file = form.get("photo");
    if (file && typeof file !== "string" && file.size > 0) {
      if (file.size > MAX_PHOTO_BYTES)
        throw err(lang, 413, "too_large", say("report.photoTooLarge"), [
          { field: "photo", code: "too_large", message: say("report.photoTooLarge") },
        ]);
      const bytes = new Uint8Array(await file.arrayBuffer());
      const type = photoType(bytes);
      if (!type)
        throw err(lang, 422, "invalid", say("report.photoType"), [
          { field: "photo", code: "bad_type", message: say("report.photoType") },
        ]);
      photo = { bytes, type };
    }
  } else {
    fields = (await readJson(request, lang, 16 * 1024)) as Record<string, unknown>;
    if (!fields || typeof fields !== "object") throw err(lang, 400, "bad_json", say("api.badJson"));
  }
  const parsed = ReportBody.safeParse(fields);
  if (!parsed.success) {
    const errors = fieldErrors(parsed.error, lang).map((e) =>
      e.field === "place" && e.code === "invalid"
        ? { ...e, message: say("report.placeOrTps") }
        : e.field === "description" && e.code === "invalid"
          ? { ...e, message: say("report.descriptionLength") }
          : e,
    );
    throw err(lang, 422, "invalid", say("report.fix"), errors);
  }
  const ipHash = await hashClient(context.sql, context.clientIp ?? "");
  const outcome = await context.writer.write((ctx) => createCitizenReport(ctx, { body: parsed.data, photo, ipHash }));
  if (!outcome.ok) {
    switch (outcome.code) {
      case "rate_limited":
        throw new ApiError(429, "rate_limited", say("report.rateLimited"), undefined, { "Retry-After": "600" });
      case "disabled":
        throw err(lang, 403, "disabled", say("report.disabled"));
      case "unknown_tps":
        throw err(lang, 422, "invalid", say("report.fix"), [
          { field: "tpsCode", code: "unknown_tps", message: say("api.unknownTps", { tps: parsed.data.tpsCode ?? "" }) },
        ]);
      case "unknown_category":
        throw err(lang, 422, "invalid", say("report.fix"), [
          { field: "category", code: "unknown_category", message: say("report.unknownCategory") },
        ]);
    }
  }
  return { trackingCode: outcome.trackingCode, status: "new" as const };
}

/** Reads and drops a refused body (up to a cap) so the client gets the 413 instead of a reset connection. */
async function drain(request: Request, cap: number) {
  const reader = request.body?.getReader();
  let size = 0;
  while (reader && size <= cap) {
    const { done, value } = await reader.read();
    if (done) return;
    size += value.byteLength;
  }
  await reader?.cancel();
}
