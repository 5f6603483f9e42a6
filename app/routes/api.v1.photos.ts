// POST /api/v1/photos: multipart with `photo` (the file) and `id` (client UUID), `purpose`
// (c1 | incident | other), `tpsCode`, and optionally `contest` + `quickCountId` or `incidentId`.
// The type is checked by the file's first bytes, the size is bounded before the body is parsed.
import { problem } from "~/lib/problems";
import type { ActionFunctionArgs } from "@remix-run/node";
import { PhotoFields } from "~/lib/schemas/field";
import { MAX_PHOTO_BYTES, sniffImage } from "~/lib/photos";
import { getTps } from "~/models/election.server";
import { savePhoto } from "~/models/photos.server";
import { canUploadPhotoFor, mayNameTps, requireAccess, requireUserWithPermission } from "~/utils/permissions.server";
import { handleApi, json, readBytes } from "~/utils/http.server";
import { apiLang } from "~/utils/lang.server";
import { parseBody } from "~/utils/parse-body.server";
import { postOnly } from "~/utils/officer-api.server";

export async function action({ request, context }: ActionFunctionArgs) {
  const lang = apiLang(request);
  return handleApi(lang, async () => {
    if (request.method !== "POST") throw problem.methodNotAllowed();
    const user = await requireUserWithPermission(request, context.sql, "photo:upload");
    const type = request.headers.get("Content-Type") ?? "";
    if (!type.toLowerCase().startsWith("multipart/form-data")) {
      throw problem.unsupportedMediaType({ key: "photo.multipart" });
    }
    // Bounded read first, then parse: a huge upload is refused without being held in memory.
    const raw = await readBytes(request);
    let form: FormData;
    try {
      form = await new Response(new Uint8Array(raw), { headers: { "Content-Type": type } }).formData();
    } catch {
      throw problem.badMultipart();
    }
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
    requireAccess(user, mayNameTps(user, fields.tpsCode), "other_tps");
    const tps = fields.tpsCode ? await getTps(context.sql, { code: fields.tpsCode }) : null;
    if (fields.tpsCode && !tps) {
      throw problem.invalidField("tpsCode", "unknown_tps", { tps: fields.tpsCode });
    }
    if (tps) requireAccess(user, canUploadPhotoFor(user, tps), "other_tps");
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
