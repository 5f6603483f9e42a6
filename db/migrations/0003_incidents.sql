-- Incidents: reported from the app, paper, phone, SMS or by citizens; triaged at the
-- command post and dispatched to responders. Every step is a row in incident_transitions.

create table incidents (
  id              uuid primary key,               -- made by the client: retries are idempotent on it
  tps_code        text references tps (code),
  -- the region the incident belongs to (a TPS's kelurahan, or the reporter's area); null = whole election.
  region_code     text references regions (code),
  category        text not null check (length(category) between 1 and 40),
  severity        text not null check (severity in ('low', 'medium', 'high', 'critical')),
  description     text not null check (length(description) between 1 and 2000),
  lat             double precision check (lat between -90 and 90),
  lng             double precision check (lng between -180 and 180),
  -- photos live in another table (migration 0002); no foreign key so either can land first.
  photo_ids       uuid[] not null default '{}',
  reporter_id     bigint references users (id),
  source          text not null check (source in ('app', 'paper', 'phone', 'sms', 'citizen')),
  status          text not null default 'new'
                  check (status in ('new', 'acknowledged', 'dispatched', 'on_scene', 'resolved', 'rejected', 'reopened')),
  occurred_at     timestamptz not null,
  created_at      timestamptz not null default now(),
  updated_at      timestamptz not null default now(),
  -- first time each step happened (response times); resolved/rejected/reopened: the latest time.
  acknowledged_at timestamptz,
  dispatched_at   timestamptz,
  on_scene_at     timestamptz,
  resolved_at     timestamptz,
  rejected_at     timestamptz,
  reopened_at     timestamptz,
  -- idempotency: a retry with the same body gets the first answer, a different body is a conflict.
  body_hash       text not null,
  response        jsonb not null
);
create index incidents_open on incidents (status, severity, created_at) where status not in ('resolved', 'rejected');
create index incidents_region on incidents (region_code);
create index incidents_tps on incidents (tps_code);

create table incident_transitions (
  id            bigserial primary key,
  incident_id   uuid not null references incidents (id),
  action        text not null check (action in ('create', 'acknowledge', 'dispatch', 'on_scene', 'resolve', 'reject', 'reopen')),
  from_status   text,
  to_status     text not null,
  actor_id      bigint references users (id),
  responder_ids bigint[] not null default '{}',
  note          text check (length(note) <= 1000),
  at            timestamptz not null default now()
);
create index incident_transitions_incident on incident_transitions (incident_id, id);

-- Who an incident is dispatched to; a responder sees the incidents assigned to them.
create table incident_assignments (
  incident_id   uuid not null references incidents (id),
  responder_id  bigint not null references users (id),
  assigned_by   bigint references users (id),
  assigned_at   timestamptz not null default now(),
  primary key (incident_id, responder_id)
);
create index incident_assignments_responder on incident_assignments (responder_id);

-- A responder's last shared location (optional), shown on the command-post map.
create table responder_locations (
  user_id     bigint primary key references users (id),
  lat         double precision not null check (lat between -90 and 90),
  lng         double precision not null check (lng between -180 and 180),
  accuracy    double precision,
  at          timestamptz not null default now()
);
