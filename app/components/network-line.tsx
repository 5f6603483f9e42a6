// The outbox's one line about the network, on the outbox panel and in the logout dialog.
import { outboxMessages } from "~/lib/messages/outbox";
import { useNetworkState, useOnline } from "~/lib/outbox-client";
import { useT } from "~/lib/use-t";

/**
 * The true state of the link, for the officer: no signal, the server unreachable (signal but no data, or the
 * server down), sending, or connected. Green only when everything is sent: never "online" above reports that
 * keep failing. `waiting`: how many of the officer's items are pending, null while the outbox is being read.
 */
export function NetworkLine({ waiting }: { waiting: number | null }) {
  const t = useT(outboxMessages);
  const online = useOnline();
  const { server, sending } = useNetworkState();
  const [state, key] = !online
    ? (["offline", "net.noSignal"] as const)
    : server === "down"
      ? (["unreachable", "net.unreachable"] as const)
      : sending
        ? (["sending", "net.sending"] as const)
        : waiting === null
          ? (["checking", "net.checking"] as const)
          : waiting === 0
            ? (["online", "net.allSent"] as const)
            : server === "up"
              ? (["connected", "net.connected"] as const)
              : (["checking", "net.checking"] as const);
  return (
    <p className={`net ${state}`} data-testid="network" data-state={state} role="status">
      {t(key)}
    </p>
  );
}
