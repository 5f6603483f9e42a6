// One interface for every SMS gateway Pantau speaks to (docs/decisions/039-sms-gateways-and-broadcasts.md):
// how a gateway proves it is itself, what it sends in (a message, a delivery receipt, a poll for work), how
// the answer to a message carries Pantau's reply, and how Pantau sends an SMS through it. Each gateway is one
// module beside this one; the webhook (app/routes/api.v1.sms.ts) and the outbound queue
// (app/utils/sms-sender.server.ts) only ever talk to this interface.
import { timingSafeEqual, createHash } from "node:crypto";

export const GATEWAYS = ["generic", "twilio", "vonage", "smssync"] as const;
export type GatewayName = (typeof GATEWAYS)[number];

/** A gateway's request as the webhook read it: every parameter (query and body) as text. */
export interface GatewayRequest {
  method: string;
  /** The URL the gateway called (a signature may cover it). */
  url: URL;
  headers: Headers;
  /** Query and body parameters together, the body's winning; only texts (a JSON body's other values dropped). */
  params: Record<string, string>;
  /** The body's parameters alone (a signature may cover them apart from the URL's). */
  bodyParams: Record<string, string>;
  /** A JSON body as sent (values unconverted), or null. */
  json: Record<string, unknown> | null;
  /** A JSON body's arrays of texts (SMSSync's `queued_messages`). */
  lists: Record<string, string[]>;
}

/** What a gateway's request means. */
export type Inbound =
  /** `from` and `text` as sent (a JSON body's may be of any type: the webhook's schema refuses what is not text). */
  | { kind: "message"; gatewayId: string | null; from: unknown; text: unknown }
  /** A delivery receipt for an SMS Pantau sent: its id at the gateway (or Pantau's own id) and what happened. */
  | { kind: "receipt"; messageId: string; status: "sent" | "delivered" | "failed"; error?: string }
  /** The gateway asks for SMS to send (SMSSync's `?task=send`). */
  | { kind: "poll" }
  /** The gateway confirms it sent these of Pantau's SMS (SMSSync's `?task=sent`). */
  | { kind: "sent"; ids: string[] }
  /** Nothing for Pantau (a gateway's reachability check): answered 200. */
  | { kind: "none" };

/** An SMS Pantau sends: its id in the outbound queue, the number, the text. */
export interface Outgoing {
  id: string;
  to: string;
  body: string;
}

/** The HTTP answer a gateway gets. */
export interface GatewayAnswer {
  status: number;
  contentType: string;
  body: string;
}

export type Fetcher = (url: string, init: RequestInit) => Promise<Response>;

export interface SmsGateway {
  name: GatewayName;
  /** Whether the request comes from the configured gateway (its signature or shared secret). */
  authentic(request: GatewayRequest): boolean;
  read(request: GatewayRequest): Inbound;
  /**
   * The answer to an incoming message. `reply` is set when the gateway relays replies in its answer
   * (`repliesInAnswer`); otherwise the reply went to the outbound queue.
   */
  answerMessage(args: { reply: Outgoing | null; result: unknown }): GatewayAnswer;
  /** The answer to a poll: the SMS the gateway is to send now (only gateways that poll). */
  answerPoll?(messages: Outgoing[]): GatewayAnswer;
  /** The answer to a "sent" confirmation or a receipt. */
  answerAck(ids: string[]): GatewayAnswer;
  /** True when the answer to an incoming message carries the reply (TwiML, SMSSync, the generic JSON). */
  repliesInAnswer: boolean;
  /** Sends one SMS through the gateway's API; absent when the gateway collects its work by polling. Throws on
   *  a refusal or no answer, with a short reason. */
  send?(message: Outgoing, fetcher: Fetcher): Promise<{ gatewayMessageId: string | null }>;
}

/** Compares two secrets in constant time, whatever their lengths. */
export const sameSecret = (given: string, expected: string) =>
  timingSafeEqual(createHash("sha256").update(given).digest(), createHash("sha256").update(expected).digest());

export const jsonAnswer = (data: unknown, status = 200): GatewayAnswer => ({
  status,
  contentType: "application/json; charset=utf-8",
  body: JSON.stringify(data),
});

/** A gateway's answer to a send, read as JSON, or null. */
export async function bodyOf(response: Response): Promise<Record<string, unknown> | null> {
  try {
    const data: unknown = await response.json();
    return data && typeof data === "object" ? (data as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** A send refused or not answered: the queue retries it (SmsSendError.retry) or gives up. */
export class SmsSendError extends Error {
  constructor(
    message: string,
    readonly retry: boolean,
  ) {
    super(message.slice(0, 300));
  }
}

/** Throws the right SmsSendError for a non-2xx answer: 4xx (but 408/429) will not pass on a retry. */
export function refusedSend(status: number, detail: string): never {
  const retry = status >= 500 || status === 408 || status === 429;
  throw new SmsSendError(`HTTP ${status}${detail ? `: ${detail}` : ""}`, retry);
}
