-- Running totals per region and contest (docs/decisions/032-running-totals-folded-per-batch.md): what the
-- drill-down reads at every level, from the whole election (region code 'ID') down to a kelurahan, without
-- summing results per request. A trigger on results records every change (old and new status,
-- completeness, votes and invalid) in result_changes, whoever makes it; the writer folds them into
-- region_totals once per batch, under the event_head lock, in one statement, and clears them. The TPS
-- counts and each region's centre change only when TPS or contest areas are imported, and are rebuilt then.

-- The ancestors of a region code and the code itself, from the top: 'ID', '16', '16.73', '16.73.01', ...
-- Regions nest by code (app/lib/access.ts inArea), so the path needs no walk up the regions table.
create function region_path(code text) returns text[] language sql immutable parallel safe as $$
  select array['ID'] || array(
    select array_to_string(p[1:i], '.') from (select string_to_array(code, '.') as p) s,
      generate_series(1, cardinality(p)) as i order by i)
$$;

-- Two vote maps ({"<choice>": n}) added per key; a key that sums to 0 is left out, so a total and its
-- recomputation compare equal whatever order the changes came in.
create function votes_add(a jsonb, b jsonb) returns jsonb language sql immutable parallel safe as $$
  select coalesce(jsonb_object_agg(key, n), '{}'::jsonb) from (
    select key, sum(value::bigint) as n
    from (select * from jsonb_each_text(a) union all select * from jsonb_each_text(b)) e group by key
  ) s where n <> 0
$$;

-- One row per region (or 'ID') and contest with TPS in it. Derived data: no foreign keys, rebuilt whole
-- when TPS, regions or contest areas change (npm run totals:check -- --fix does the same).
create table region_totals (
  region_code   text not null,
  contest_code  text not null,
  -- TPS of the region that vote in the contest.
  tps           int not null default 0,
  -- Results by status (missing ones are tps - reporting), quick entries and complete C.Hasil.
  reporting     int not null default 0,
  submitted     int not null default 0,
  flagged       int not null default 0,
  conflict      int not null default 0,
  verified      int not null default 0,
  quick         int not null default 0,
  complete      int not null default 0,
  votes         jsonb not null default '{}',
  invalid       bigint not null default 0,
  primary key (region_code, contest_code)
);

-- TPS per region (any contest) and the mean of their coordinates: where the map puts the region.
create table region_centres (
  region_code  text primary key,
  tps          int not null,
  lat          double precision,
  lng          double precision
);

-- Changes to results not yet folded into region_totals. Rows of one writer batch are folded and deleted in
-- the same transaction; rows written elsewhere (a seed, a script) by the next batch or a rebuild.
create table result_changes (
  tps_code          text not null,
  contest_code      text not null,
  old_status        text,
  old_completeness  text,
  old_votes         jsonb,
  old_invalid       int,
  new_status        text,
  new_completeness  text,
  new_votes         jsonb,
  new_invalid       int
);

create function results_record_change() returns trigger language plpgsql as $$
begin
  if tg_op = 'INSERT' then
    insert into result_changes (tps_code, contest_code, new_status, new_completeness, new_votes, new_invalid)
      values (new.tps_code, new.contest_code, new.status, new.completeness, new.votes, new.invalid);
  elsif tg_op = 'DELETE' then
    insert into result_changes (tps_code, contest_code, old_status, old_completeness, old_votes, old_invalid)
      values (old.tps_code, old.contest_code, old.status, old.completeness, old.votes, old.invalid);
  elsif (old.tps_code, old.contest_code, old.status, old.completeness, old.votes, old.invalid)
      is distinct from (new.tps_code, new.contest_code, new.status, new.completeness, new.votes, new.invalid) then
    insert into result_changes (tps_code, contest_code, old_status, old_completeness, old_votes, old_invalid)
      values (old.tps_code, old.contest_code, old.status, old.completeness, old.votes, old.invalid);
    insert into result_changes (tps_code, contest_code, new_status, new_completeness, new_votes, new_invalid)
      values (new.tps_code, new.contest_code, new.status, new.completeness, new.votes, new.invalid);
  end if;
  return null;
end $$;

create trigger results_record_change after insert or update or delete on results
  for each row execute function results_record_change();

-- The totals recomputed from results, TPS and contest areas: what totals:check compares region_totals with
-- (after adding the changes not yet folded) and what a rebuild writes. Results are summed per kelurahan first,
-- then rolled up its path, so the work grows with kelurahan, not TPS times levels.
create view region_totals_computed as
with kel_tps as (
  select kelurahan_code as kel, count(*)::int as n from tps group by 1
), kel_contest as (
  -- A contest whose area names a region and one inside it (16 and 16.73) counts a TPS once.
  select distinct k.kel, a.contest_code, k.n
  from kel_tps k cross join lateral unnest(region_path(k.kel)) as p(code) join contest_areas a on a.region_code = p.code
), res as (
  select t.kelurahan_code as kel, r.contest_code, r.status, r.completeness, r.votes, r.invalid
  from results r join tps t on t.code = r.tps_code
), kel_counts as (
  select kel, contest_code,
    count(*) filter (where status <> 'missing')::int as reporting,
    count(*) filter (where status = 'submitted')::int as submitted,
    count(*) filter (where status = 'flagged')::int as flagged,
    count(*) filter (where status = 'conflict')::int as conflict,
    count(*) filter (where status = 'verified')::int as verified,
    count(*) filter (where status <> 'missing' and completeness = 'quick')::int as quick,
    count(*) filter (where status <> 'missing' and completeness = 'complete')::int as complete,
    sum(invalid)::bigint as invalid
  from res group by 1, 2
), kel_votes as (
  select kel, contest_code, v.key, sum(v.value::bigint) as n from res, jsonb_each_text(res.votes) v group by 1, 2, 3
), base as (
  select coalesce(c.kel, k.kel) as kel, coalesce(c.contest_code, k.contest_code) as contest_code,
    coalesce(c.n, 0) as tps, coalesce(k.reporting, 0) as reporting, coalesce(k.submitted, 0) as submitted,
    coalesce(k.flagged, 0) as flagged, coalesce(k.conflict, 0) as conflict, coalesce(k.verified, 0) as verified,
    coalesce(k.quick, 0) as quick, coalesce(k.complete, 0) as complete, coalesce(k.invalid, 0) as invalid
  from kel_contest c full join kel_counts k on k.kel = c.kel and k.contest_code = c.contest_code
), rolled as (
  select p.code as region_code, contest_code, sum(tps)::int as tps, sum(reporting)::int as reporting,
    sum(submitted)::int as submitted, sum(flagged)::int as flagged, sum(conflict)::int as conflict,
    sum(verified)::int as verified, sum(quick)::int as quick, sum(complete)::int as complete,
    sum(invalid)::bigint as invalid
  from base cross join lateral unnest(region_path(kel)) as p(code) group by 1, 2
), rolled_votes as (
  select region_code, contest_code, jsonb_object_agg(key, n) as votes from (
    select p.code as region_code, contest_code, key, sum(n) as n
    from kel_votes cross join lateral unnest(region_path(kel)) as p(code) group by 1, 2, 3
  ) x where n <> 0 group by 1, 2
)
select r.region_code, r.contest_code, r.tps, r.reporting, r.submitted, r.flagged, r.conflict, r.verified,
  r.quick, r.complete, coalesce(v.votes, '{}'::jsonb) as votes, r.invalid
from rolled r left join rolled_votes v on v.region_code = r.region_code and v.contest_code = r.contest_code;

create view region_centres_computed as
  select p.code as region_code, count(*)::int as tps, avg(t.lat) as lat, avg(t.lng) as lng
  from tps t cross join lateral unnest(region_path(t.kelurahan_code)) as p(code) group by 1;

-- An install upgraded with results already in starts with its totals complete.
insert into region_totals select * from region_totals_computed;
insert into region_centres select * from region_centres_computed;
