// Addresses of the public pages, written one way: the drill-down at a region and a TPS's page.
/** The public page opened at a region code or ELECTION_ROOT. */
export const drillDownHref = (code: string) => `/publik?wilayah=${encodeURIComponent(code)}`;
/** A TPS's public page. */
export const tpsHref = (code: string) => `/publik/tps/${encodeURIComponent(code)}`;
