// POST /api/v1/photos: multipart with `photo` (the file) and `id` (client UUID), `purpose`
// (c1 | incident | other), `tpsCode`, and optionally `contest` + `quickCountId` or `incidentId`.
// The type is checked by the file's first bytes and the pixel size by its header (422 above the bounds of
// app/lib/photos.ts), the size is bounded before the body is parsed. A photo is taken only where its author
// may report: a C.Hasil photo by who may submit that TPS's result (and beside a submission of that TPS), an
// incident's photo by who may attach it to that incident (app/lib/access.ts canAttachPhotoTo).
import { problem } from "~/lib/problems";
import type { ActionFunctionArgs } from "@remix-run/node";
import { PhotoFields } from "~/lib/schemas/field";
import { MAX_PHOTO_BYTES, photoPixelProblem, sniffImage } from "~/lib/photos";
import { getTps } from "~/models/election.server";
import { photoLinks, savePhoto } from "~/models/photos.server";
import {
  canAttachPhotoTo,
  canUploadPhotoFor,
  mayNameTps,
  placeDenial,
  requireAccess,
  requireUserWithPermission,
} from "~/utils/permissions.server";
import { handleApi, json, readMultipart } from "~/utils/http.server";
import { apiLang } from "~/utils/lang.server";
import { parseBody } from "~/utils/parse-body.server";
import { postOnly } from "~/utils/officer-api.server";

export async function action({ request, context }: ActionFunctionArgs) {
  const lang = apiLang(request);
  return handleApi(lang, async () => {
    if (request.method !== "POST") throw problem.methodNotAllowed();
    const user = await requireUserWithPermission(request, context.sql, "photo:upload");
    const form = await readMultipart(request, { key: "photo.multipart" });
    const text = (name: string) => {
      const v = form.get(name);
      return typeof v === "string" && v !== "" ? v : undefined;
    };
    const fields = parseBody(PhotoFields, {
      id: text("id"),
      purpose: text("purpose"),
      tpsCode: text("tpsCode"),
      contest: text("contest"),
      quickCountId: text("quickCountId"),
      incidentId: text("incidentId"),
      capturedAt: text("capturedAt"),
    });
    const file = form.get("photo");
    if (!file || typeof file === "string") {
      throw problem.invalidField("photo", "required", undefined, "photo.missing");
    }
    const bytes = Buffer.from(await file.arrayBuffer());
    if (bytes.length === 0 || bytes.length > MAX_PHOTO_BYTES) {
      const fields = [
        {
          field: "photo",
          code: "too_large",
          params: { mb: MAX_PHOTO_BYTES / 1024 / 1024 },
          key: "photo.tooLarge" as const,
        },
      ];
      throw bytes.length ? problem.tooLarge({ fields }) : problem.invalidFields(fields);
    }
    const mime = sniffImage(bytes);
    if (!mime) {
      throw problem.unsupportedMediaType({ fields: [{ field: "photo", code: "bad_type", key: "photo.badType" }] });
    }
    const pixels = photoPixelProblem(bytes);
    if (pixels) throw problem.invalidFields([pixels]);
    requireAccess(user, mayNameTps(user, fields.tpsCode), "other_tps");
    const [tps, { incident, submission }] = await Promise.all([
      fields.tpsCode ? getTps(context.sql, { code: fields.tpsCode }) : null,
      photoLinks(context.sql, { incidentId: fields.incidentId ?? null, quickCountId: fields.quickCountId ?? null }),
    ]);
    if (fields.tpsCode && !tps) {
      throw problem.invalidField("tpsCode", "unknown_tps", { tps: fields.tpsCode });
    }
    if (fields.purpose === "c1" && !tps) {
      throw problem.invalidField("tpsCode", "required", undefined, "visibility.photoNeedsTps");
    }
    if (fields.purpose !== "c1" && incident) {
      // A filed incident: its own people only, and the photo names the incident's TPS or none.
      requireAccess(user, canAttachPhotoTo(user, incident), placeDenial(user));
      if (tps && tps.code !== incident.tpsCode)
        throw problem.invalidField("tpsCode", "other_incident", undefined, "visibility.photoOtherIncident");
    } else if (tps) {
      requireAccess(user, canUploadPhotoFor(user, tps), user.role === "officer" ? "other_tps" : placeDenial(user));
    } else {
      // No TPS and no filed incident: an incident about to be filed by its reporter (checked when it is).
      requireAccess(user, user.role !== "responder");
    }
    if (
      submission &&
      (submission.tpsCode !== tps?.code || (fields.contest && fields.contest !== submission.contestCode))
    )
      throw problem.invalidField(
        "quickCountId",
        "other_submission",
        { tps: submission.tpsCode },
        "visibility.photoOtherSubmission",
      );
    const answer = await context.writer.write((ctx) =>
      savePhoto(ctx, {
        user,
        photo: {
          id: fields.id,
          purpose: fields.purpose,
          tps: tps ?? null,
          contest: fields.contest ?? null,
          quickCountId: fields.quickCountId ?? null,
          incidentId: fields.incidentId ?? null,
          capturedAt: fields.capturedAt ?? null,
          mime,
          bytes,
        },
      }),
    );
    return json(answer.body, answer.httpStatus);
  });
}

export const loader = postOnly;
