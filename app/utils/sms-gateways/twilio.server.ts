// Twilio (and gateways that copy its webhooks). In: a form-encoded POST with `From`, `Body`, `MessageSid`,
// signed in X-Twilio-Signature: base64 HMAC-SHA1, keyed with the auth token, over the webhook URL followed by
// each body parameter's name and value, sorted by name
// (https://www.twilio.com/docs/usage/security#validating-requests). A status callback carries
// `MessageStatus` instead of a body. The answer carries the reply as TwiML. Out: the Messages API, a form
// POST with basic authentication (account SID, auth token); its answer's `sid` is the id receipts name.
import { createHmac } from "node:crypto";
import type { Env } from "~/utils/env.server";
import {
  bodyOf,
  refusedSend,
  sameSecret,
  type GatewayAnswer,
  type GatewayRequest,
  type Inbound,
  type SmsGateway,
} from "./types.server";

/** The signature Twilio sends for a request to `url` with these body parameters. */
export function twilioSignature(authToken: string, url: string, bodyParams: Record<string, string>): string {
  const data = Object.keys(bodyParams)
    .sort()
    .reduce((text, key) => text + key + bodyParams[key], url);
  return createHmac("sha1", authToken).update(data, "utf8").digest("base64");
}

const xml = (text: string) =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

const twiml = (inner: string): GatewayAnswer => ({
  status: 200,
  contentType: "text/xml; charset=utf-8",
  body: `<?xml version="1.0" encoding="UTF-8"?><Response>${inner}</Response>`,
});

const STATUS: Record<string, "sent" | "delivered" | "failed"> = {
  sent: "sent",
  delivered: "delivered",
  undelivered: "failed",
  failed: "failed",
};

export function twilioGateway(env: Env): SmsGateway {
  const token = env.TWILIO_AUTH_TOKEN;
  return {
    name: "twilio",
    repliesInAnswer: true,
    authentic({ url, headers, bodyParams }: GatewayRequest) {
      const given = headers.get("X-Twilio-Signature");
      if (!token || !given) return false;
      const configured = env.TWILIO_WEBHOOK_URL ? new URL(env.TWILIO_WEBHOOK_URL) : null;
      const called = configured
        ? `${configured.origin}${configured.pathname}${url.search || configured.search}`
        : url.href;
      return sameSecret(given, twilioSignature(token, called, bodyParams));
    },
    read({ method, params }): Inbound {
      if (method !== "POST") return { kind: "none" };
      const status = params.MessageStatus?.toLowerCase();
      if (params.Body === undefined && params.MessageSid && status) {
        // queued, accepted, sending: nothing new for the queue.
        if (!STATUS[status]) return { kind: "none" };
        return { kind: "receipt", messageId: params.MessageSid, status: STATUS[status], error: params.ErrorCode };
      }
      return {
        kind: "message",
        gatewayId: params.MessageSid ?? params.SmsSid ?? null,
        from: params.From,
        text: params.Body,
      };
    },
    answerMessage: ({ reply }) => twiml(reply ? `<Message>${xml(reply.body)}</Message>` : ""),
    answerAck: () => twiml(""),
    send: async (message, fetcher) => {
      const sid = env.TWILIO_ACCOUNT_SID ?? "";
      const form = new URLSearchParams({ To: message.to, From: env.TWILIO_FROM ?? "", Body: message.body });
      const response = await fetcher(
        `${env.TWILIO_API_URL.replace(/\/$/, "")}/2010-04-01/Accounts/${sid}/Messages.json`,
        {
          method: "POST",
          headers: {
            "Content-Type": "application/x-www-form-urlencoded",
            Authorization: `Basic ${Buffer.from(`${sid}:${token ?? ""}`).toString("base64")}`,
          },
          body: form.toString(),
        },
      );
      const data = await bodyOf(response);
      if (!response.ok) refusedSend(response.status, String(data?.message ?? ""));
      return { gatewayMessageId: typeof data?.sid === "string" ? data.sid : null };
    },
  };
}
