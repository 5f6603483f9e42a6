// Where the data centre reads the counts of the modules that own violation cases and process disputes
// (aggregates per region code only). The data centre names the whole election ELECTION_ROOT; those modules
// take null for it. Tests pass their own sources to `dataCentre` (app/models/data-centre.server.ts).
import type { DisputeCounts, ViolationCounts } from "~/lib/data-centre";
import { ELECTION_ROOT } from "~/lib/region-summary";
import type { Db } from "~/utils/db.server";
import { violationCounts } from "./cases.server";
import { disputeCounts } from "./disputes.server";

export interface DataCentreSources {
  violationCounts: (sql: Db, { area }: { area: string }) => Promise<ViolationCounts>;
  disputeCounts: (sql: Db, { area }: { area: string }) => Promise<DisputeCounts>;
}

const areaOrAll = (area: string) => (area === ELECTION_ROOT ? null : area);

export const dataCentreSources: DataCentreSources = {
  violationCounts: (sql, { area }) => violationCounts(sql, { area: areaOrAll(area) }),
  disputeCounts: (sql, { area }) => disputeCounts(sql, { area: areaOrAll(area) }),
};
