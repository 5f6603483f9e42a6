import { MAP_STATUSES, STATUS_COLOURS } from "~/lib/dashboard";
import { commandPostMessages } from "~/lib/messages/command-post";
import { liveMessages } from "~/lib/messages/live";
import { tpsStatusMessages } from "~/lib/messages/tps-status";
import { useT } from "~/lib/use-t";
import { useStatusLabel } from "./status-label";

/** What each colour and outline on the map means. */
export function MapLegend() {
  const t = useT(tpsStatusMessages, commandPostMessages, liveMessages);
  const statusLabel = useStatusLabel();
  return (
    <div className="legend" aria-label={t("posko.legend")}>
      {MAP_STATUSES.map((s) => (
        <span key={s}>
          <i style={{ background: STATUS_COLOURS[s] }} />
          {statusLabel(s)}
        </span>
      ))}
      <span>
        <i style={{ background: STATUS_COLOURS.missing, opacity: 0.4 }} />
        {t("day.not_arrived")}
      </span>
      <span>
        <i style={{ background: "#fff", border: "2px solid #202124" }} />
        {t("map.stale")}
      </span>
      <span>
        <i style={{ background: "#fff", border: "2px solid #d93025" }} />
        {t("map.openIncident")}
      </span>
      <span>
        <i className="legend-cluster" />
        {t("map.clusterRing")}
      </span>
      <span>
        <i style={{ background: "#6a1b9a", borderRadius: 3 }} />
        {t("map.responder")}
      </span>
    </div>
  );
}
