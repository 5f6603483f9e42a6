// POST /api/v1/photos (SPEC section 7): multipart with `photo` (the file) and `id` (client UUID), `purpose`
// (c1 | incident | other), `tpsCode`, and optionally `contest` + `quickCountId` or `incidentId`.
// The type is checked by the file's first bytes, the size is bounded before the body is parsed.
import type { ActionFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { fieldErrors, TPS_CODE } from "~/lib/schemas";
import { MAX_PHOTO_BYTES, PHOTO_PURPOSES, sniffImage } from "~/lib/photos";
import { translate } from "~/lib/i18n";
import { getTps } from "~/models/election.server";
import { savePhoto } from "~/models/photos.server";
import { canUploadPhotoFor, mayNameTps, requireAccess, requireUserWithPermission } from "~/utils/permissions.server";
import { ApiError, apiError, fieldError, handleApi, json, readBytes } from "~/utils/http.server";
import { apiLang } from "~/utils/lang.server";
import { postOnly } from "~/utils/officer-api.server";

const PhotoFields = z.object({
  id: z.string().uuid(),
  purpose: z.enum(PHOTO_PURPOSES),
  tpsCode: z.string().max(20).regex(TPS_CODE).optional(),
  contest: z.string().min(1).max(40).optional(),
  quickCountId: z.string().uuid().optional(),
  incidentId: z.string().uuid().optional(),
  capturedAt: z.string().datetime({ offset: true }).optional(),
});

export async function action({ request, context }: ActionFunctionArgs) {
  const lang = apiLang(request);
  return handleApi(lang, async () => {
    if (request.method !== "POST") throw apiError(lang, 405, "method_not_allowed", "api.methodNotAllowed");
    const user = await requireUserWithPermission(request, context.sql, lang, "photo:upload");
    const type = request.headers.get("Content-Type") ?? "";
    if (!type.toLowerCase().startsWith("multipart/form-data")) {
      throw new ApiError(415, "unsupported_media_type", translate(lang, "photo.multipart"));
    }
    // Bounded read first, then parse: a huge upload is refused without being held in memory.
    const raw = await readBytes(request, lang, MAX_PHOTO_BYTES + 64 * 1024);
    let form: FormData;
    try {
      form = await new Response(new Uint8Array(raw), { headers: { "Content-Type": type } }).formData();
    } catch {
      throw new ApiError(400, "bad_multipart", translate(lang, "photo.multipart"));
    }
    const text = (name: string) => {
      const v = form.get(name);
      return typeof v === "string" && v !== "" ? v : undefined;
    };
    const parsed = PhotoFields.safeParse({
      id: text("id"),
      purpose: text("purpose"),
      tpsCode: text("tpsCode"),
      contest: text("contest"),
      quickCountId: text("quickCountId"),
      incidentId: text("incidentId"),
      capturedAt: text("capturedAt"),
    });
    if (!parsed.success)
      throw new ApiError(422, "invalid", translate(lang, "api.invalidField"), fieldErrors(parsed.error, lang));
    const fields = parsed.data;
    const file = form.get("photo");
    if (!file || typeof file === "string") {
      const message = translate(lang, "photo.missing");
      throw fieldError("photo", "required", message);
    }
    const bytes = Buffer.from(await file.arrayBuffer());
    if (bytes.length === 0 || bytes.length > MAX_PHOTO_BYTES) {
      const message = translate(lang, "photo.tooLarge", { mb: MAX_PHOTO_BYTES / 1024 / 1024 });
      throw new ApiError(bytes.length ? 413 : 422, bytes.length ? "too_large" : "invalid", message, [
        { field: "photo", code: "too_large", message },
      ]);
    }
    const mime = sniffImage(bytes);
    if (!mime) {
      const message = translate(lang, "photo.badType");
      throw new ApiError(415, "unsupported_media_type", message, [{ field: "photo", code: "bad_type", message }]);
    }
    requireAccess(lang, user, mayNameTps(user, fields.tpsCode), "other_tps");
    const tps = fields.tpsCode ? await getTps(context.sql, { code: fields.tpsCode }) : null;
    if (fields.tpsCode && !tps) {
      const message = translate(lang, "api.unknownTps", { tps: fields.tpsCode });
      throw fieldError("tpsCode", "unknown_tps", message);
    }
    if (tps) requireAccess(lang, user, canUploadPhotoFor(user, tps), "other_tps");
    const answer = await context.writer.write((ctx) =>
      savePhoto(ctx, {
        user,
        lang,
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
