// Vonage's SMS API (formerly Nexmo). In: GET or POST with `msisdn`, `text`, `messageId` (a delivery receipt
// has `status` and no text). Authenticated by its signature when signed webhooks are on (`sig` over the
// other parameters sorted by name, each as `&name=value` with `&` and `=` in values made `_`: MD5 of that
// text followed by the signature secret, or an HMAC of it keyed with the secret;
// https://developer.vonage.com/en/getting-started/concepts/signing-messages), else by SMS_WEBHOOK_SECRET in
// the URL (?secret=). Vonage wants a bare 200; the reply goes out through the outbound queue. Out: POST
// /sms/json with api_key, api_secret, from, to, text; each message part answers a status ("0" = accepted).
import { createHash, createHmac } from "node:crypto";
import type { Env } from "~/utils/env.server";
import {
  bodyOf,
  refusedSend,
  sameSecret,
  SmsSendError,
  type GatewayAnswer,
  type GatewayRequest,
  type Inbound,
  type SmsGateway,
} from "./types.server";

type Method = Env["VONAGE_SIGNATURE_METHOD"];

/** The `sig` Vonage sends with these parameters. */
export function vonageSignature(secret: string, method: Method, params: Record<string, string>): string {
  const text = Object.keys(params)
    .filter((key) => key !== "sig")
    .sort()
    .map((key) => `&${key}=${params[key].replace(/[&=]/g, "_")}`)
    .join("");
  if (method === "md5hash")
    return createHash("md5")
      .update(text + secret, "utf8")
      .digest("hex");
  return createHmac(method, secret).update(text, "utf8").digest("hex");
}

const ok: GatewayAnswer = { status: 200, contentType: "text/plain; charset=utf-8", body: "OK" };

const STATUS: Record<string, "sent" | "delivered" | "failed"> = {
  delivered: "delivered",
  failed: "failed",
  rejected: "failed",
  expired: "failed",
};

export function vonageGateway(env: Env): SmsGateway {
  return {
    name: "vonage",
    repliesInAnswer: false,
    authentic({ url, headers, params }: GatewayRequest) {
      if (env.VONAGE_SIGNATURE_SECRET) {
        const sig = params.sig;
        if (!sig) return false;
        const expected = vonageSignature(env.VONAGE_SIGNATURE_SECRET, env.VONAGE_SIGNATURE_METHOD, params);
        return sameSecret(sig.toLowerCase(), expected.toLowerCase());
      }
      const secret = env.SMS_WEBHOOK_SECRET;
      if (!secret) return false;
      return sameSecret(headers.get("X-Pantau-Secret") ?? url.searchParams.get("secret") ?? "", secret);
    },
    read({ params }): Inbound {
      const status = params.status?.toLowerCase();
      if (params.text === undefined && params.messageId && status) {
        if (!STATUS[status]) return { kind: "none" }; // accepted, buffered: still on its way
        return { kind: "receipt", messageId: params.messageId, status: STATUS[status], error: params["err-code"] };
      }
      // Vonage checks the URL with an empty request when it is configured.
      if (params.text === undefined && params.msisdn === undefined) return { kind: "none" };
      return { kind: "message", gatewayId: params.messageId ?? null, from: params.msisdn, text: params.text };
    },
    answerMessage: () => ok,
    answerAck: () => ok,
    send: async (message, fetcher) => {
      const response = await fetcher(`${env.VONAGE_API_URL.replace(/\/$/, "")}/sms/json`, {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({
          api_key: env.VONAGE_API_KEY ?? "",
          api_secret: env.VONAGE_API_SECRET ?? "",
          from: env.VONAGE_FROM ?? "Pantau",
          to: message.to.replace(/^\+/, ""),
          text: message.body,
          type: "unicode",
        }).toString(),
      });
      const data = await bodyOf(response);
      if (!response.ok) refusedSend(response.status, "");
      const parts = Array.isArray(data?.messages) ? (data.messages as Record<string, unknown>[]) : [];
      const failed = parts.find((p) => String(p.status) !== "0");
      // Status 1 is Vonage's throttling: worth another try; any other refusal is not.
      if (!parts.length || failed)
        throw new SmsSendError(String(failed?.["error-text"] ?? "no message parts"), String(failed?.status) === "1");
      const id = parts[0]["message-id"];
      return { gatewayMessageId: typeof id === "string" ? id : null };
    },
  };
}
