// /api/v1/sms: the webhook of the configured SMS gateway (PANTAU_SMS_GATEWAY; app/utils/sms-gateways/), GET
// and POST as each gateway calls it. The gateway proves itself (its signature or shared secret), then its
// request is read as a message (format: app/lib/sms.ts), a delivery receipt for an SMS Pantau sent, a poll
// for SMS to send (SMSSync) or a "sent" confirmation. A message is answered in the gateway's own shape: the
// generic gateway gets {reply, status, receipt}, Twilio TwiML, SMSSync a send task; Vonage a bare 200, its
// reply going out through the outbound queue. Every reply is recorded in that queue (sms_outbound).
import type { ActionFunctionArgs, AppLoadContext, LoaderFunctionArgs } from "@remix-run/node";
import { problem } from "~/lib/problems";
import { SmsBody } from "~/lib/schemas/field";
import { handleSms } from "~/models/sms.server";
import { smsIncident } from "~/models/sms-incident.server";
import { applyReceipt, claimDue, confirmSent, outboundIdFrom, queueSms } from "~/models/sms-outbound.server";
import { handleApi, readBytes } from "~/utils/http.server";
import { apiLang } from "~/utils/lang.server";
import { parseBody } from "~/utils/parse-body.server";
import { gatewayOf, type GatewayAnswer, type GatewayRequest } from "~/utils/sms-gateways/index.server";
import { randomUUID } from "node:crypto";

/** How many queued SMS one poll hands a phone gateway. */
const POLL_BATCH = 20;
/** A polled SMS not confirmed sent within this time is handed out again. */
const POLL_LEASE_MS = 120_000;

const answer = (a: GatewayAnswer) =>
  new Response(a.body, { status: a.status, headers: { "Content-Type": a.contentType, "Cache-Control": "no-store" } });

/** Query and body parameters as texts; a body that is neither a form nor JSON is refused. */
async function readGatewayRequest(request: Request): Promise<GatewayRequest> {
  const url = new URL(request.url);
  const query = Object.fromEntries(url.searchParams);
  const bodyParams: Record<string, string> = {};
  const lists: Record<string, string[]> = {};
  let json: Record<string, unknown> | null = null;
  if (request.method === "POST") {
    const type = (request.headers.get("Content-Type") ?? "").toLowerCase();
    const bytes = await readBytes(request);
    let text: string;
    try {
      text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    } catch {
      throw problem.badEncoding();
    }
    if (type.startsWith("application/x-www-form-urlencoded")) {
      for (const [key, value] of new URLSearchParams(text)) bodyParams[key] = value;
    } else if (type.startsWith("application/json")) {
      let data: unknown;
      try {
        data = JSON.parse(text);
      } catch {
        throw problem.badJson();
      }
      if (data && typeof data === "object" && !Array.isArray(data)) {
        json = data as Record<string, unknown>;
        for (const [key, value] of Object.entries(data as Record<string, unknown>).slice(0, 100)) {
          if (typeof value === "string") bodyParams[key] = value;
          else if (typeof value === "number" && Number.isFinite(value)) bodyParams[key] = String(value);
          else if (Array.isArray(value))
            lists[key] = value.filter((v): v is string => typeof v === "string").slice(0, 500);
        }
      }
    } else if (text.trim() !== "") {
      throw problem.unsupportedMediaType();
    }
  }
  return {
    method: request.method,
    url,
    headers: request.headers,
    params: { ...query, ...bodyParams },
    bodyParams,
    json,
    lists,
  };
}

async function webhook(request: Request, context: AppLoadContext): Promise<Response> {
  const lang = apiLang(request);
  return handleApi(lang, async () => {
    if (request.method !== "GET" && request.method !== "POST") throw problem.methodNotAllowed();
    const gateway = gatewayOf(context.env);
    const incoming = await readGatewayRequest(request);
    if (!gateway.authentic(incoming)) {
      // The generic gateway's secret unset: the webhook is off, as before gateways were chosen.
      if (gateway.name === "generic" && !context.env.SMS_WEBHOOK_SECRET) throw problem.notConfigured();
      throw problem.badSecret();
    }
    const what = gateway.read(incoming);
    const { sql } = context;
    switch (what.kind) {
      case "none":
        return answer(gateway.answerAck([]));
      case "receipt":
        await applyReceipt(sql, {
          gateway: gateway.name,
          messageId: what.messageId.slice(0, 200),
          status: what.status,
          error: what.error,
        });
        return answer(gateway.answerAck([what.messageId.slice(0, 200)]));
      case "sent":
        return answer(gateway.answerAck(await confirmSent(sql, { gateway: gateway.name, ids: what.ids })));
      case "poll": {
        const due = await claimDue(sql, { gateway: gateway.name, limit: POLL_BATCH, leaseMs: POLL_LEASE_MS });
        const messages = due.map((r) => ({ id: r.id, to: r.toNumber, body: r.body }));
        return answer(gateway.answerPoll ? gateway.answerPoll(messages) : gateway.answerAck([]));
      }
      case "message": {
        const sms = parseBody(SmsBody, { from: what.from, text: what.text, id: what.gatewayId ?? undefined });
        const out = await handleSms(
          context,
          { gatewayId: sms.id ?? null, sender: sms.from, text: sms.text },
          smsIncident(context),
        );
        // The reply, once per gateway message (a resent message does not queue it again).
        const id = sms.id ? outboundIdFrom(`reply:${gateway.name}:${sms.id}`) : randomUUID();
        const queued = await queueSms(sql, {
          id,
          gateway: gateway.name,
          to: sms.from,
          body: out.reply,
          purpose: "reply",
          status: gateway.repliesInAnswer ? "sent" : "queued",
        });
        const reply = gateway.repliesInAnswer ? { id: queued ?? id, to: sms.from, body: out.reply } : null;
        return answer(gateway.answerMessage({ reply, result: out }));
      }
    }
  });
}

export const action = ({ request, context }: ActionFunctionArgs) => webhook(request, context);
export const loader = ({ request, context }: LoaderFunctionArgs) => webhook(request, context);
