// The connection state the command post shows, with when it last heard from the server, always in view:
// never "live" while nothing arrives (app/components/use-live.ts).
import { useSyncExternalStore } from "react";
import type { HeardClock, LiveStatus } from "~/components/use-live";
import { formatTime } from "~/lib/format";
import { commonMessages } from "~/lib/messages/common";
import { liveMessages } from "~/lib/messages/live";
import { useLang, useT } from "~/lib/use-t";

const noClock = () => null;

export function LiveStatusLine({ status, heard }: { status: LiveStatus; heard: HeardClock }) {
  const t = useT(liveMessages, commonMessages);
  const lang = useLang();
  // Its own subscription: a heartbeat re-renders this line, not the map and the feed.
  const at = useSyncExternalStore(heard.subscribe, heard.get, noClock);
  const text =
    status === "live"
      ? `● ${t("posko.live")}`
      : status === "stale"
        ? t("live.stale")
        : status === "connecting"
          ? t("live.connecting")
          : t("posko.reconnecting");
  return (
    <div className={`live-line ${status}`}>
      <p className={`live-status ${status}`} data-testid="live-status" data-state={status} role="status">
        {text}
      </p>
      <p className="last-update" data-testid="last-update">
        {at ? t("live.lastUpdate", { time: formatTime(at, lang, { seconds: true }) }) : t("live.noUpdateYet")}
      </p>
    </div>
  );
}

/** Whether what the screen shows may be out of date: map and totals are dimmed then. */
export const isCut = (status: LiveStatus) => status === "stale" || status === "reconnecting";

/** Over the dimmed map while the connection is cut. */
export function CutBanner() {
  const t = useT(liveMessages);
  return (
    <p className="cut-banner" data-testid="cut-banner" role="alert">
      {t("live.dimmed")}
    </p>
  );
}
