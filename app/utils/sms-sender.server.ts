// Works the outbound SMS queue (app/models/sms-outbound.server.ts) on every instance, every
// SMS_SEND_INTERVAL_MS: first the broadcasts officers' apps have not fetched in time are queued for their
// phones (app/models/broadcasts.server.ts smsUndelivered), then due SMS are sent through the gateway's API,
// each retried with a growing wait until SMS_SEND_ATTEMPTS, a refusal that cannot pass on a retry failing at
// once. A gateway that collects its work (SMSSync) is not sent to: its phone polls the webhook.
import { translate } from "~/lib/i18n";
import { broadcastMessages } from "~/lib/messages/broadcast";
import { smsUndelivered } from "~/models/broadcasts.server";
import { claimDue, settleSend } from "~/models/sms-outbound.server";
import type { Services } from "./context.server";
import { gatewayOf } from "./sms-gateways/index.server";
import { SmsSendError, type Fetcher } from "./sms-gateways/types.server";

/** How long one send may take before it counts as no answer. */
const SEND_TIMEOUT_MS = 15_000;
/** How many SMS one round sends. */
const BATCH = 20;

/** The wait before try n+1: base (10 s), then twice as long each time, at most 10 minutes. */
export const retryWaitMs = (attempts: number, baseMs: number) =>
  Math.min(600_000, baseMs * 2 ** Math.max(0, attempts - 1));

export function startSmsSender(
  { sql, writer, env }: Pick<Services, "sql" | "writer" | "env">,
  { fetcher = fetch, log = console.log }: { fetcher?: Fetcher; log?: (line: string) => void } = {},
) {
  const gateway = gatewayOf(env);
  const collects = !!gateway.answerPoll;
  let stopped = false;
  let running: Promise<void> | null = null;

  async function round() {
    if (gateway.send || collects) {
      await writer.write((ctx) =>
        smsUndelivered(ctx, {
          afterSeconds: env.BROADCAST_SMS_AFTER_SECONDS,
          gateway: gateway.name,
          prefix: translate("id", broadcastMessages, "broadcast.smsPrefix"),
        }),
      );
    }
    if (!gateway.send) return;
    const due = await claimDue(sql, { gateway: gateway.name, limit: BATCH, leaseMs: SEND_TIMEOUT_MS * 4 });
    for (const row of due) {
      if (stopped) return;
      try {
        const sent = await gateway.send({ id: row.id, to: row.toNumber, body: row.body }, (url, init) =>
          fetcher(url, { ...init, signal: AbortSignal.timeout(SEND_TIMEOUT_MS) }),
        );
        await settleSend(sql, { id: row.id, gatewayMessageId: sent.gatewayMessageId });
      } catch (error) {
        const retry = error instanceof SmsSendError ? error.retry : true; // no answer: try again
        const reason = error instanceof Error ? error.message : String(error);
        const last = row.attempts >= env.SMS_SEND_ATTEMPTS;
        await settleSend(sql, {
          id: row.id,
          error: reason,
          retryInMs: retry && !last ? retryWaitMs(row.attempts, env.SMS_RETRY_BASE_MS) : null,
        });
      }
    }
  }

  const tick = () => {
    if (stopped || running) return;
    running = round()
      .catch((error) => log(`sms sender: ${error instanceof Error ? error.message : String(error)}`))
      .finally(() => {
        running = null;
      });
  };
  const timer = setInterval(tick, env.SMS_SEND_INTERVAL_MS);
  timer.unref?.();
  return {
    /** One round now (tests, and right after a broadcast). */
    poke: tick,
    close: async () => {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
