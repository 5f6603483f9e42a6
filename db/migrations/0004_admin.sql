-- Administration, public transparency and projection. Forward-only.

-- Election settings edited on the admin screens, one JSON value per key (defaults live in
-- app/lib/settings.ts, so a missing row means "default").
create table settings (
  key         text primary key,
  value       jsonb not null,
  updated_at  timestamptz not null default now()
);

-- Officers' civil-service number (NIP) from the officer import.
alter table users add column nip text;
create unique index users_nip on users (nip) where nip is not null;

-- The projection's stratified random sample of TPS (one active draw; a new draw replaces it). The
-- draw's parameters (seed, target margin, size) are kept in settings key 'projection.sample'.
create table projection_sample (
  tps_code  text primary key references tps (code),
  stratum   text not null
);

-- Public reports (laporan masyarakat): each is an incident with source 'citizen' (migration 0003) plus
-- what only the command post may see (the reporter's contact, optional photo) and the tracking code the
-- reporter follows it with. ip_hash (salted SHA-256, never the address) serves the rate limit.
create table citizen_reports (
  incident_id    uuid primary key references incidents (id),
  tracking_code  text not null unique,
  place          text check (length(place) <= 200),
  contact        text check (length(contact) <= 200),
  photo          bytea check (octet_length(photo) <= 2 * 1024 * 1024),
  photo_type     text check (photo_type in ('image/jpeg', 'image/png', 'image/webp')),
  ip_hash        text not null,
  created_at     timestamptz not null default now()
);
create index citizen_reports_ip on citizen_reports (ip_hash, created_at);
-- Salt for ip_hash, made once per database (not a setting an admin edits).
insert into settings (key, value) values ('report.salt', to_jsonb(gen_random_uuid()::text));
