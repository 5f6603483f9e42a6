-- Administration, public transparency and projection (issue 5). Forward-only.

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
