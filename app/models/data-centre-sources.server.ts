// The seam between the data centre and the two modules that own violation cases and process disputes. Those
// are built alongside this one: the cases module exposes `violationCounts(sql, { area })` in
// app/models/cases.server.ts and the disputes module `disputeCounts(sql, { area })` in
// app/models/disputes.server.ts, both answering counts per region code (aggregates only). Until they are
// merged this file answers empty rows; the merger wires the two functions here, and nothing else in the data
// centre changes. Tests pass their own sources to `dataCentre` (app/models/data-centre.server.ts).
import type { DisputeCounts, ViolationCounts } from "~/lib/data-centre";
import type { Db } from "~/utils/db.server";

export interface DataCentreSources {
  violationCounts: (sql: Db, { area }: { area: string }) => Promise<ViolationCounts>;
  disputeCounts: (sql: Db, { area }: { area: string }) => Promise<DisputeCounts>;
}

export const dataCentreSources: DataCentreSources = {
  // Merger: `violationCounts` from ./cases.server.
  violationCounts: async () => ({ asOf: new Date().toISOString(), rows: [] }),
  // Merger: `disputeCounts` from ./disputes.server.
  disputeCounts: async () => ({ asOf: new Date().toISOString(), rows: [] }),
};
