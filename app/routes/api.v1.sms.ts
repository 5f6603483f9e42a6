// POST /api/v1/sms: the webhook an SMS gateway calls for each incoming message (format: app/lib/sms.ts).
// Authenticated by the shared secret SMS_WEBHOOK_SECRET (header X-Pantau-Secret, or ?secret= for gateways
// that only let you configure a URL). Takes JSON or a urlencoded form with the sender (`from`), the text
// (`text`) and optionally the gateway's message id (`id`); common gateway field names are accepted too.
// Answers 200 {reply, status, receipt} for every message it could read, so the gateway sends the reply.
import { problem } from "~/lib/problems";
import { timingSafeEqual, createHash } from "node:crypto";
import type { ActionFunctionArgs } from "@remix-run/node";
import { handleSms } from "~/models/sms.server";
import { smsIncident } from "~/models/sms-incident.server";
import { handleApi, json, readBytes, readJson } from "~/utils/http.server";
import { apiLang } from "~/utils/lang.server";
import { parseBody } from "~/utils/parse-body.server";
import { postOnly } from "~/utils/officer-api.server";
import { SmsBody } from "~/lib/schemas/field";

const sameSecret = (a: string, b: string) =>
  timingSafeEqual(createHash("sha256").update(a).digest(), createHash("sha256").update(b).digest());

export async function action({ request, context }: ActionFunctionArgs) {
  const lang = apiLang(request);
  return handleApi(lang, async () => {
    if (request.method !== "POST") throw problem.methodNotAllowed();
    const secret = context.env.SMS_WEBHOOK_SECRET;
    if (!secret) throw problem.notConfigured();
    const given = request.headers.get("X-Pantau-Secret") ?? new URL(request.url).searchParams.get("secret") ?? "";
    if (!sameSecret(given, secret)) throw problem.badSecret();

    const type = (request.headers.get("Content-Type") ?? "").toLowerCase();
    let raw: Record<string, unknown>;
    if (type.startsWith("application/x-www-form-urlencoded")) {
      raw = Object.fromEntries(new URLSearchParams((await readBytes(request)).toString("utf8")));
    } else {
      const body = await readJson(request);
      raw = body && typeof body === "object" ? (body as Record<string, unknown>) : {};
    }
    const pick = (...names: string[]) => names.map((n) => raw[n]).find((v) => v !== undefined && v !== null);
    const sms = parseBody(SmsBody, {
      from: pick("from", "sender", "msisdn", "phone"),
      text: pick("text", "message", "body", "content"),
      id: (() => {
        const v = pick("id", "messageId", "message_id", "sms_id");
        return v === undefined ? undefined : String(v);
      })(),
    });
    const out = await handleSms(
      context,
      { gatewayId: sms.id ?? null, sender: sms.from, text: sms.text },
      smsIncident(context),
    );
    return json(out, 200);
  });
}

export const loader = postOnly;
