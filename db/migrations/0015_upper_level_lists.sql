-- The command post's upper levels and the projection at national scale (docs/BENCHMARKS.md, "National
-- scale"): their lists read the first rows from an index in code order and stop, and their counts come from
-- the running totals (region_totals.quick) or a partial index, instead of reading every row of the area.

-- The results still a quick entry only (listQuickOnly), per contest in TPS code order.
create index results_quick_only on results (contest_code, tps_code)
  where completeness = 'quick' and status <> 'missing';

-- The TPS whose officer has not arrived (notArrived), few once the day has started: in code order for the
-- whole election, and by kelurahan code prefix (`like '16.73.%'`, whatever the database's collation) inside
-- an area.
create index tps_not_arrived on tps (code) where day_status = 'not_arrived';
create index tps_not_arrived_area on tps (kelurahan_code text_pattern_ops, code) where day_status = 'not_arrived';

-- The regions of one level (the projection's kecamatan strata) without scanning them all.
create index regions_level on regions (level, code);
