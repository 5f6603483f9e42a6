// Reads a public report from a request (multipart form with an optional photo and evidence files, or JSON;
// the body's size is capped by the request boundary, app/utils/body-limits.server.ts), and files it; shared
// by the API (POST /api/v1/public/reports) and the /publik/lapor page. A version-1 body (category, TPS code
// or place, description, contact) still files as before; the report form adds the formal requirements of a
// laporan (reporter, reported party, witnesses, location, dates), read here into `CaseReportExtra`.
import type { AppLoadContext } from "@remix-run/node";
import { photoPixelProblem, sniffImage } from "~/lib/photos";
import { problem, type FieldProblem } from "~/lib/problems";
import { fieldProblems } from "~/lib/schemas";
import { CaseReportExtra } from "~/lib/schemas/cases";
import { ReportBody } from "~/lib/schemas/public-report";
import { casePlaceOf, MAX_EVIDENCE_FILES, type EvidenceFile } from "~/models/cases.server";
import { checkDocument } from "~/models/documents.server";
import { createCitizenReport, hashClient, MAX_PHOTO_BYTES, RATE } from "~/models/reports.server";
import { readJson } from "./http.server";

const V1_FIELDS = ["category", "tpsCode", "place", "description", "contact"];

/** The report form's flat fields as the shape of `CaseReportExtra` (null when the form has none of them). */
function extraFromForm(form: FormData): Record<string, unknown> | null {
  const get = (k: string) => {
    const v = form.get(k);
    return typeof v === "string" ? v : undefined;
  };
  if (get("reporterName") === undefined && get("kelurahanCode") === undefined) return null;
  const witnesses = [1, 2, 3]
    .map((n) => ({ name: get(`witness${n}Name`)?.trim(), contact: get(`witness${n}Contact`) }))
    .filter((w) => w.name);
  return {
    reporter: {
      name: get("reporterName"),
      address: get("reporterAddress"),
      nik: get("reporterNik"),
      phone: get("reporterPhone"),
      type: get("reporterType"),
    },
    consent: get("consent") === "on" || get("consent") === "true",
    reportedParty: get("reportedParty"),
    witnesses,
    location: {
      kelurahanCode: get("kelurahanCode"),
      tpsNumber: get("tpsNumber") || null,
      place: get("locationPlace"),
    },
    occurredOn: get("occurredOn"),
    knownOn: get("knownOn"),
  };
}

/** Evidence files of a form, checked by content before anything is written (422 naming `evidence`). */
async function evidenceOf(form: FormData): Promise<EvidenceFile[]> {
  const files = form.getAll("evidence").filter((f): f is File => typeof f !== "string" && f.size > 0);
  if (files.length > MAX_EVIDENCE_FILES)
    throw problem.invalid([{ field: "evidence", code: "too_many", params: { max: MAX_EVIDENCE_FILES } }]);
  const out: EvidenceFile[] = [];
  for (const file of files) {
    const bytes = new Uint8Array(await file.arrayBuffer());
    checkDocument(bytes, "evidence");
    out.push({ fileName: file.name || "bukti", bytes });
  }
  return out;
}

export async function filePublicReport(request: Request, context: AppLoadContext) {
  let fields: Record<string, unknown>;
  let extraRaw: Record<string, unknown> | null = null;
  let photo: { bytes: Uint8Array; type: string } | null = null;
  let evidence: EvidenceFile[] = [];
  if ((request.headers.get("Content-Type") ?? "").startsWith("multipart/form-data")) {
    let form: FormData;
    try {
      form = await request.formData();
    } catch {
      throw problem.badForm();
    }
    fields = Object.fromEntries(V1_FIELDS.map((k) => [k, typeof form.get(k) === "string" ? form.get(k) : undefined]));
    extraRaw = extraFromForm(form);
    const file = form.get("photo");
    if (file && typeof file !== "string" && file.size > 0) {
      if (file.size > MAX_PHOTO_BYTES)
        throw problem.tooLarge({
          key: "report.photoTooLarge",
          fields: [{ field: "photo", code: "too_large", key: "report.photoTooLarge" }],
        });
      const bytes = new Uint8Array(await file.arrayBuffer());
      const type = sniffImage(bytes);
      if (!type)
        throw problem.invalid([{ field: "photo", code: "bad_type", key: "report.photoType" }], "report.photoType");
      const pixels = photoPixelProblem(bytes);
      if (pixels) throw problem.invalidFields([pixels]);
      photo = { bytes, type };
    }
    evidence = await evidenceOf(form);
  } else {
    fields = (await readJson(request)) as Record<string, unknown>;
    if (!fields || typeof fields !== "object") throw problem.badJson();
    // A JSON body of the report form's kind carries `reporter` or `location` beside the version-1 fields.
    if ("reporter" in fields || "location" in fields) extraRaw = fields;
  }
  const errors: FieldProblem[] = [];
  let extra: { data: CaseReportExtra; regionCode: string } | null = null;
  if (extraRaw) {
    const parsedExtra = CaseReportExtra.safeParse(extraRaw);
    if (!parsedExtra.success) errors.push(...fieldProblems(parsedExtra.error));
    else {
      const place = await casePlaceOf(
        context.sql,
        parsedExtra.data.location.kelurahanCode,
        parsedExtra.data.location.tpsNumber,
      );
      // The incident takes the TPS the citizen named by its number (never asked for its code).
      fields = { ...fields, tpsCode: place.tpsCode ?? undefined, place: parsedExtra.data.location.place ?? undefined };
      extra = { data: parsedExtra.data, regionCode: place.regionCode };
    }
    // The form's place is its location: a version-1 `place` problem would name a field the form does not have.
    if (!parsedExtra.success && fields.tpsCode === undefined && fields.place === undefined)
      fields = { ...fields, place: "-" };
  }
  const parsed = ReportBody.safeParse(fields);
  if (!parsed.success)
    errors.push(
      ...fieldProblems(parsed.error).map((e) =>
        e.field === "place" && e.code === "invalid"
          ? { ...e, key: "report.placeOrTps" as const }
          : e.field === "description" && e.code === "invalid"
            ? { ...e, key: "report.descriptionLength" as const }
            : e,
      ),
    );
  if (errors.length || !parsed.success) throw problem.invalid(errors, "report.fix");
  const ipHash = await hashClient(context.sql, context.clientIp ?? "");
  const outcome = await context.writer.write((ctx) =>
    createCitizenReport(ctx, { body: parsed.data, photo, ipHash, extra, evidence }),
  );
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
  return {
    trackingCode: outcome.trackingCode,
    status: "new" as const,
    queued: outcome.queued,
    // Beside version 1's answer: whether it came past the window of days from becoming known, and its end.
    late: outcome.late,
    reportWindowEnds: outcome.reportWindowEnds,
  };
}
