-- A faster recount of the running totals (decision 032): totals:check took minutes on a national election,
-- most of it in region_path, a SQL function with a subquery that PostgreSQL runs as a plan of its own on
-- every call (about 40 microseconds), called once per TPS, per kelurahan and contest, per vote key.
-- region_path now spells the Kemendagri code's fixed shape (2, 5, 8 and 13 characters) as one expression,
-- which the planner inlines, and keeps the general form for any other code; the views unnest each
-- kelurahan's path once and join it. Same rows, same columns: only the work changes. The general form is
-- named with its schema: an index or ANALYZE evaluates the function with only pg_catalog on the search path.
create function region_path_any(code text) returns text[] language sql immutable parallel safe as $$
  select array['ID'] || array(
    select array_to_string(p[1:i], '.') from (select string_to_array(code, '.') as p) s,
      generate_series(1, cardinality(p)) as i order by i)
$$;

create or replace function region_path(code text) returns text[] language sql immutable parallel safe as $$
  select case
    when length(code) = 13 and substr(code, 3, 1) = '.' and substr(code, 6, 1) = '.' and substr(code, 9, 1) = '.'
      then array['ID', left(code, 2), left(code, 5), left(code, 8), code]
    when length(code) = 8 and substr(code, 3, 1) = '.' and substr(code, 6, 1) = '.'
      then array['ID', left(code, 2), left(code, 5), code]
    when length(code) = 5 and substr(code, 3, 1) = '.' then array['ID', left(code, 2), code]
    when length(code) = 2 then array['ID', code]
    else public.region_path_any(code)
  end
$$;

create or replace view region_totals_computed as
with kel_tps as (
  select kelurahan_code as kel, count(*)::int as n from tps group by 1
), kel_path as materialized (
  -- Each kelurahan's path once: unnesting it per kelurahan and contest cost most of a recount.
  select k.kel, p.code from kel_tps k cross join lateral unnest(region_path(k.kel)) as p(code)
), kel_contest as (
  -- A contest whose area names a region and one inside it (16 and 16.73) counts a TPS once.
  select distinct k.kel, a.contest_code, k.n
  from kel_tps k join kel_path p using (kel) join contest_areas a on a.region_code = p.code
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
  from base join kel_path p using (kel) group by 1, 2
), rolled_votes as (
  select region_code, contest_code, jsonb_object_agg(key, n) as votes from (
    select p.code as region_code, contest_code, key, sum(n) as n
    from kel_votes join kel_path p using (kel) group by 1, 2, 3
  ) x where n <> 0 group by 1, 2
)
select r.region_code, r.contest_code, r.tps, r.reporting, r.submitted, r.flagged, r.conflict, r.verified,
  r.quick, r.complete, coalesce(v.votes, '{}'::jsonb) as votes, r.invalid
from rolled r left join rolled_votes v on v.region_code = r.region_code and v.contest_code = r.contest_code;;

-- Centres summed per kelurahan first, then rolled up its path: the path is unnested per kelurahan, not per TPS.
create or replace view region_centres_computed as
with kel as (
  select kelurahan_code as kel, count(*)::int as n, sum(lat) as lat, sum(lng) as lng from tps group by 1
)
select p.code as region_code, sum(n)::int as tps, sum(lat) / sum(n) as lat, sum(lng) / sum(n) as lng
from kel cross join lateral unnest(region_path(kel.kel)) as p(code) group by 1;
