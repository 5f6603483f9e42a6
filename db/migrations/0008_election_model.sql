-- The real election model (docs/decisions/020-election-model.md): regions carry their kind, a TPS its DPT
-- by sex, a contest its type and electoral area, legislative contests their parties, and a result the
-- complete C.Hasil form beside the quick entry. Existing data moves forward: a contest without a known
-- type becomes a mayor's contest, and every existing contest keeps counting every TPS it counted before
-- (its area is every top-level region) unless it is one of the demo city's two contests.

-- Kabupaten and kota are both level 'city'; desa and kelurahan both level 'kelurahan' (printed "Desa"/"Kel.").
alter table regions add column kind text;
-- The kind a region's level and Kemendagri code imply when an import does not say: a kelurahan's code
-- runs 1001-1999, a desa's 2001-2999; a city whose name starts with "Kota" is a kota.
create function region_default_kind(level text, code text, name text) returns text language sql immutable as $$
  select case level
    when 'province' then 'province'
    when 'city' then case when name ilike 'kota %' then 'kota' else 'kabupaten' end
    when 'kecamatan' then 'kecamatan'
    else case when code ~ '\.1[0-9]{3}$' then 'kelurahan' else 'desa' end
  end $$;
update regions set kind = region_default_kind(level, code, name);
create function regions_fill_kind() returns trigger language plpgsql as $$
begin
  if new.kind is null then new.kind := region_default_kind(new.level, new.code, new.name); end if;
  return new;
end $$;
create trigger regions_fill_kind before insert or update on regions
  for each row execute function regions_fill_kind();
alter table regions alter column kind set not null;
alter table regions add constraint regions_kind check (
  (level = 'province' and kind = 'province') or
  (level = 'city' and kind in ('kabupaten', 'kota')) or
  (level = 'kecamatan' and kind = 'kecamatan') or
  (level = 'kelurahan' and kind in ('desa', 'kelurahan')));

-- DPT by sex (C.Hasil I.A). Null for TPS imported before: the rules then compare the total only.
alter table tps add column dpt_men int check (dpt_men >= 0);
alter table tps add column dpt_women int check (dpt_women >= 0);
alter table tps add constraint tps_dpt_by_sex check (
  (dpt_men is null and dpt_women is null) or (dpt_men + dpt_women = dpt));

-- A contest's type decides its ballot structure; its area is the set of regions whose TPS vote in it.
alter table contests add column type text not null default 'walikota' check (type in
  ('presiden', 'dpr', 'dpd', 'dprd_prov', 'dprd_kabkota', 'gubernur', 'bupati', 'walikota'));
alter table contests add column dapil text check (length(dapil) <= 200);
update contests set type = code where code in
  ('presiden', 'dpr', 'dpd', 'dprd_prov', 'dprd_kabkota', 'gubernur', 'bupati', 'walikota');
alter table contests alter column type drop default;

create table contest_areas (
  contest_code  text not null references contests (code) on delete cascade,
  region_code   text not null references regions (code),
  primary key (contest_code, region_code)
);
create index contest_areas_region on contest_areas (region_code);
insert into contest_areas (contest_code, region_code)
  select c.code, r.code from contests c join regions r on
    case
      when c.code = 'gubernur' and exists (select 1 from regions where code = '16') then r.code = '16'
      when c.code = 'walikota' and exists (select 1 from regions where code = '16.73') then r.code = '16.73'
      else r.parent_code is null
    end;

-- Parties of the election (legislative ballots), by their ballot number.
create table parties (
  number  int primary key check (number between 1 and 99),
  name    text not null check (length(name) between 1 and 200),
  abbrev  text not null check (length(abbrev) between 1 and 30)
);

-- A legislative candidate belongs to a party and is numbered within it; other candidates have party 0.
alter table candidates add column party_number int not null default 0 check (party_number between 0 and 99);
alter table candidates drop constraint candidates_pkey;
alter table candidates add primary key (contest_code, party_number, ballot_number);

-- The complete C.Hasil (sections I-V) when it was sent; `votes` keeps the section-IV totals per choice
-- (party totals for a party-list ballot) that every total and event reads.
alter table submissions add column form jsonb;
alter table submissions add column completeness text not null default 'quick' check (completeness in ('quick', 'complete'));
alter table results add column form jsonb;
alter table results add column completeness text not null default 'quick' check (completeness in ('quick', 'complete'));
alter table paper_entries add column form jsonb;

-- The supervisory body's case officers (Bawaslu/Panwaslu).
alter table users drop constraint users_role_check;
alter table users add constraint users_role_check check (role in
  ('officer', 'supervisor', 'operator', 'responder', 'admin', 'case_officer'));
