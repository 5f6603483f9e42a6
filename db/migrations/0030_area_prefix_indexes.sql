-- An area's rows are its own code and every code that starts with it and a dot. Written as LIKE, that
-- prefix could not use the btree indexes (the database collation is not "C"), so reading one kelurahan's
-- 10 TPS scanned all 820,000 TPS' index entries (about 50 ms per query, several per command-post page).
-- The area condition (app/models/area.server.ts insideArea) now reads the prefix as a byte-order range
-- (~>=~, ~<~), which these text_pattern_ops indexes serve whatever the collation.
create index tps_kelurahan_prefix on tps (kelurahan_code text_pattern_ops);
create index regions_code_prefix on regions (code text_pattern_ops);
-- The projection's strata are each asked contest's kecamatan rows of the running totals: read from the
-- contest's own rows (25 ms for a kabupaten's five contests at 820,000 TPS) instead of a scan of every
-- total (110 ms). `tps` is included and never changes with a result, so the writer's updates stay HOT.
create index region_totals_contest on region_totals (contest_code, region_code) include (tps);
