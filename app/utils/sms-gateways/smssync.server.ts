// An Android phone as the gateway (the SMSSync protocol, which several gateway apps speak). In: a form POST
// with `from`, `message`, `message_id`, `sent_timestamp` and the shared `secret`; the answer
// {"payload":{"success":true,...}} carries the reply as a task for the phone. The phone also polls
// (`GET ?task=send`) for SMS Pantau has queued, answered with the same task shape, and confirms what it sent
// (`POST ?task=sent` with `queued_messages`), answered with the ids it may forget. Nothing is sent to the
// phone: it collects its work, so a phone behind any network can be the gateway.
import type { Env } from "~/utils/env.server";
import {
  jsonAnswer,
  sameSecret,
  type GatewayRequest,
  type Inbound,
  type Outgoing,
  type SmsGateway,
} from "./types.server";

const task = (messages: Outgoing[], secret: string | undefined) =>
  jsonAnswer({
    payload: {
      success: true,
      error: null,
      task: "send",
      ...(secret ? { secret } : {}),
      messages: messages.map((m) => ({ to: m.to, message: m.body, uuid: m.id })),
    },
  });

export function smssyncGateway(env: Env): SmsGateway {
  const secret = env.SMSSYNC_SECRET;
  return {
    name: "smssync",
    repliesInAnswer: true,
    authentic({ params }: GatewayRequest) {
      return !!secret && sameSecret(params.secret ?? "", secret);
    },
    read({ method, url, params, lists }): Inbound {
      const what = url.searchParams.get("task");
      if (what === "send") return { kind: "poll" };
      if (what === "sent" && method === "POST") return { kind: "sent", ids: lists.queued_messages ?? [] };
      if (method !== "POST" || what) return { kind: "none" };
      return { kind: "message", gatewayId: params.message_id ?? null, from: params.from, text: params.message };
    },
    answerMessage: ({ reply }) => task(reply ? [reply] : [], secret),
    answerPoll: (messages) => task(messages, secret),
    answerAck: (ids) => jsonAnswer({ message_uuids: ids }),
  };
}
