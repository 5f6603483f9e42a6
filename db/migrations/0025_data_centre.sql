-- The public data centre (decision 046): what supervisory staff record about their campaign supervision and
-- prevention work, and the TPS vulnerability map (kerawanan TPS) the admin imports before election day. The
-- data centre publishes both only as counts per area; who recorded an activity stays staff-only.

create table supervision_activities (
  id           uuid primary key,
  kind         text not null check (kind in ('campaign', 'prevention', 'socialisation', 'other')),
  held_on      date not null,
  -- Where it happened: a kecamatan or kelurahan (or wider) inside the recorder's own region.
  region_code  text not null references regions (code),
  title        text not null check (length(title) between 1 and 200),
  events       int not null default 1 check (events between 0 and 9999),
  people       int not null default 0 check (people between 0 and 999999),
  findings     int not null default 0 check (findings between 0 and 9999),
  recorded_by  bigint not null references users (id),
  created_at   timestamptz not null default now()
);
create index supervision_activities_region on supervision_activities (region_code text_pattern_ops, held_on);
create index supervision_activities_held on supervision_activities (held_on desc, created_at desc);

-- One row per TPS and indicator that holds for it; an import replaces the indicators of the TPS it names.
create table tps_vulnerability (
  tps_code     text not null references tps (code),
  indicator    text not null check (indicator ~ '^[a-z_]{2,40}$'),
  imported_at  timestamptz not null default now(),
  primary key (tps_code, indicator)
);
create index tps_vulnerability_imported on tps_vulnerability (imported_at desc);
