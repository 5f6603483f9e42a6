// The generic gateway: Pantau's own shape, for gateways that can be configured to post any fields. In:
// JSON or a form with `from`, `text` and optionally `id` (common other names accepted), authenticated by
// SMS_WEBHOOK_SECRET (header X-Pantau-Secret, or ?secret= for gateways that only let you set a URL); the
// answer is {reply, status, receipt} and the gateway sends the reply. A delivery receipt is `{id, status}`
// without a text. Out (when SMS_GATEWAY_URL is set): a JSON POST {id, to, text} with the secret as a bearer
// token; a 2xx answer may name the gateway's own id (`id`).
import type { Env } from "~/utils/env.server";
import {
  bodyOf,
  jsonAnswer,
  refusedSend,
  sameSecret,
  type GatewayRequest,
  type Inbound,
  type SmsGateway,
} from "./types.server";

const pick = (params: Record<string, unknown>, ...names: string[]) =>
  names.map((n) => params[n]).find((v) => v !== undefined && v !== null);

const RECEIPT_STATUS: Record<string, "sent" | "delivered" | "failed"> = {
  sent: "sent",
  delivered: "delivered",
  failed: "failed",
  undelivered: "failed",
  rejected: "failed",
  expired: "failed",
};

export function genericGateway(env: Env): SmsGateway {
  const secret = env.SMS_WEBHOOK_SECRET;
  return {
    name: "generic",
    repliesInAnswer: true,
    authentic(request: GatewayRequest) {
      if (!secret) return false;
      const given = request.headers.get("X-Pantau-Secret") ?? request.url.searchParams.get("secret") ?? "";
      return sameSecret(given, secret);
    },
    read({ method, params, json }): Inbound {
      if (method !== "POST") return { kind: "none" };
      // A JSON body's values as sent, so that the webhook's schema refuses a number where a text belongs.
      const fields: Record<string, unknown> = { ...params, ...json };
      const text = pick(fields, "text", "message", "body", "content");
      const rawId = pick(fields, "id", "messageId", "message_id", "sms_id");
      const id = typeof rawId === "string" || typeof rawId === "number" ? String(rawId) : null;
      const status = params.status?.toLowerCase();
      if (text === undefined && status && id && RECEIPT_STATUS[status])
        return { kind: "receipt", messageId: id, status: RECEIPT_STATUS[status], error: params.error };
      return { kind: "message", gatewayId: id, from: pick(fields, "from", "sender", "msisdn", "phone"), text };
    },
    answerMessage: ({ result }) => jsonAnswer(result),
    answerAck: (ids) => jsonAnswer({ ok: true, ids }),
    send: env.SMS_GATEWAY_URL
      ? async (message, fetcher) => {
          const response = await fetcher(env.SMS_GATEWAY_URL!, {
            method: "POST",
            headers: { "Content-Type": "application/json", Authorization: `Bearer ${secret ?? ""}` },
            body: JSON.stringify({ id: message.id, to: message.to, text: message.body }),
          });
          const data = await bodyOf(response);
          if (!response.ok) refusedSend(response.status, String(data?.message ?? data?.error ?? ""));
          const id = data?.id;
          return { gatewayMessageId: typeof id === "string" || typeof id === "number" ? String(id) : null };
        }
      : undefined,
  };
}
