// Reads a public report from a request (multipart form with an optional photo, or JSON; the body's size is
// capped by the request boundary, app/utils/body-limits.server.ts),
// and files it; shared by the API (POST /api/v1/public/reports) and the /publik/lapor page.
import type { AppLoadContext } from "@remix-run/node";
import { photoPixelProblem } from "~/lib/photos";
import { problem } from "~/lib/problems";
import { fieldProblems } from "~/lib/schemas";
import { createCitizenReport, hashClient, MAX_PHOTO_BYTES, photoType, RATE } from "~/models/reports.server";
import { ReportBody } from "~/lib/schemas/public-report";
import { readJson } from "./http.server";

export async function filePublicReport(request: Request, context: AppLoadContext) {
  let fields: Record<string, unknown>;
  let photo: { bytes: Uint8Array; type: string } | null = null;
  if ((request.headers.get("Content-Type") ?? "").startsWith("multipart/form-data")) {
    let form: FormData;
    try {
      form = await request.formData();
    } catch {
      throw problem.badForm();
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
        throw problem.tooLarge({
          key: "report.photoTooLarge",
          fields: [{ field: "photo", code: "too_large", key: "report.photoTooLarge" }],
        });
      const bytes = new Uint8Array(await file.arrayBuffer());
      const type = photoType(bytes);
      if (!type)
        throw problem.invalid([{ field: "photo", code: "bad_type", key: "report.photoType" }], "report.photoType");
      const pixels = photoPixelProblem(bytes);
      if (pixels) throw problem.invalidFields([pixels]);
      photo = { bytes, type };
    }
  } else {
    fields = (await readJson(request)) as Record<string, unknown>;
    if (!fields || typeof fields !== "object") throw problem.badJson();
  }
  const parsed = ReportBody.safeParse(fields);
  if (!parsed.success) {
    const errors = fieldProblems(parsed.error).map((e) =>
      e.field === "place" && e.code === "invalid"
        ? { ...e, key: "report.placeOrTps" as const }
        : e.field === "description" && e.code === "invalid"
          ? { ...e, key: "report.descriptionLength" as const }
          : e,
    );
    throw problem.invalid(errors, "report.fix");
  }
  const ipHash = await hashClient(context.sql, context.clientIp ?? "");
  const outcome = await context.writer.write((ctx) => createCitizenReport(ctx, { body: parsed.data, photo, ipHash }));
  if (!outcome.ok) {
    switch (outcome.code) {
      // Both say what happened (the window is RATE.windowMinutes): the per-address limit names the address,
      // not the device (many phones share one), and a full queue says it is everyone's.
      case "rate_limited":
        throw problem.rateLimited(RATE.windowMinutes * 60, "limits.reportPerClient", {
          count: RATE.perClient,
          minutes: RATE.windowMinutes,
        });
      case "busy":
        throw problem.rateLimited(RATE.windowMinutes * 60, "limits.reportBusy", { minutes: RATE.windowMinutes });
      case "disabled":
        throw problem.disabled();
      case "unknown_tps":
        throw problem.invalid(
          [{ field: "tpsCode", code: "unknown_tps", params: { tps: parsed.data.tpsCode ?? "" } }],
          "report.fix",
        );
      case "unknown_category":
        throw problem.invalid([{ field: "category", code: "unknown_category" }], "report.fix");
    }
  }
  return { trackingCode: outcome.trackingCode, status: "new" as const, queued: outcome.queued };
}
