import { MAP_STATUSES } from "~/lib/dashboard";
import { commandPostMessages } from "~/lib/messages/command-post";
import { commonMessages } from "~/lib/messages/common";
import { regionLabel } from "~/lib/regions";
import { useT } from "~/lib/use-t";
import { useStatusLabel } from "./status-label";

export type Region = { code: string; name: string; level: string; kind?: string; parentCode: string | null };

export interface MapFilterState {
  city: string;
  setCity: (code: string) => void;
  kec: string;
  setKec: (code: string) => void;
  kel: string;
  setKel: (code: string) => void;
  statusFilter: string;
  setStatusFilter: (status: string) => void;
}

/** Area (kabupaten/kota when there are several, kecamatan, then one of its kelurahan) and status filters over
 *  the map, with how many TPS pass. */
export function MapFilters({
  filters: { city, setCity, kec, setKec, kel, setKel, statusFilter, setStatusFilter },
  kecamatan,
  regions,
  shown,
  total,
}: {
  filters: MapFilterState;
  kecamatan: Region[];
  regions: Region[];
  shown: number;
  total: number;
}) {
  const t = useT(commandPostMessages, commonMessages);
  const statusLabel = useStatusLabel();
  const cities = regions.filter((r) => r.level === "city");
  return (
    <div className="map-filters" aria-label={t("map.filters")}>
      {cities.length > 1 ? (
        <select
          aria-label={t("map.city")}
          value={city}
          onChange={(e) => {
            setCity(e.target.value);
            setKec("");
            setKel("");
          }}
          data-testid="filter-city"
        >
          <option value="">{t("map.allCities")}</option>
          {cities.map((c) => (
            <option key={c.code} value={c.code}>
              {regionLabel(c.kind, c.name)}
            </option>
          ))}
        </select>
      ) : null}
      <select
        aria-label={t("map.kecamatan")}
        value={kec}
        onChange={(e) => {
          setKec(e.target.value);
          setKel("");
        }}
        data-testid="filter-kecamatan"
      >
        <option value="">{t("map.allKecamatan")}</option>
        {kecamatan
          .filter((k) => !city || k.parentCode === city)
          .map((k) => (
            <option key={k.code} value={k.code}>
              {k.name}
            </option>
          ))}
      </select>
      <select
        aria-label={t("map.kelurahan")}
        value={kel}
        onChange={(e) => setKel(e.target.value)}
        disabled={!kec}
        data-testid="filter-kelurahan"
      >
        <option value="">{t("map.allKelurahan")}</option>
        {regions
          .filter((r) => r.level === "kelurahan" && r.parentCode === kec)
          .map((k) => (
            <option key={k.code} value={k.code}>
              {regionLabel(k.kind, k.name)}
            </option>
          ))}
      </select>
      <select
        aria-label={t("map.status")}
        value={statusFilter}
        onChange={(e) => setStatusFilter(e.target.value)}
        data-testid="filter-status"
      >
        <option value="">{t("map.allStatus")}</option>
        {MAP_STATUSES.map((s) => (
          <option key={s} value={s}>
            {statusLabel(s)}
          </option>
        ))}
        <option value="stale">{t("map.stale")}</option>
      </select>
      <span className="small muted" data-testid="filter-count">
        {t("map.shown", { shown, total })}
      </span>
    </div>
  );
}
