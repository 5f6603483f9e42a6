-- The projection reads which contests a sampled TPS votes in from its kelurahan code. Kept on the sample
-- row, it needs no join to tps: that join was a hash join over every TPS (about 90 ms per contest at
-- 820,000 TPS), and the projections of all contests are now read at once.
alter table projection_sample add column kelurahan_code text references regions (code);
update projection_sample s set kelurahan_code = t.kelurahan_code from tps t where t.code = s.tps_code;
alter table projection_sample alter column kelurahan_code set not null;
-- The sampled TPS of a contest's area regions, each area a range of kelurahan codes read in byte order
-- (text_pattern_ops, whatever the database's collation): one contest reads its own few, all contests in one pass.
create index projection_sample_kelurahan on projection_sample (kelurahan_code text_pattern_ops);
