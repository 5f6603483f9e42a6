-- Officer side of election day: arrival check-in, opening checklist, TPS day-status changes,
-- photos and the SMS fallback log. Forward-only. (Checklist items and emergency contacts are election
-- settings, migration 0004.)

-- Idempotency for the officer's small actions (check-in, checklist, day status): the client's UUID, the
-- hash of the body and the first answer. A retry gets that answer; the same id with another body is a 409.
create table officer_requests (
  id           uuid primary key,
  kind         text not null check (kind in ('checkin', 'checklist', 'day_status')),
  tps_code     text not null references tps (code),
  author_id    bigint not null references users (id),
  body_hash    text not null,
  response     jsonb not null,
  captured_at  timestamptz not null,
  received_at  timestamptz not null default now()
);
create index officer_requests_tps on officer_requests (tps_code, kind, received_at);

-- Arrival at the TPS, with the phone's position and its distance from the TPS's coordinates.
create table checkins (
  id           uuid primary key,               -- the officer_requests id
  tps_code     text not null references tps (code),
  author_id    bigint not null references users (id),
  lat          double precision check (lat between -90 and 90),
  lng          double precision check (lng between -180 and 180),
  accuracy_m   double precision check (accuracy_m >= 0),
  distance_m   int check (distance_m >= 0),
  note         text check (length(note) <= 1000),
  captured_at  timestamptz not null,
  received_at  timestamptz not null default now()
);
create index checkins_tps on checkins (tps_code, received_at);

-- The opening checklist's answers per TPS (latest wins; every change is kept in officer_requests). The
-- items themselves are an election setting (settings key 'checklist', edited on the admin screens).
create table checklist_answers (
  tps_code    text not null references tps (code),
  item_code   text not null check (item_code ~ '^[a-z0-9_-]{1,40}$'),
  ok          boolean not null,
  note        text check (length(note) <= 500),
  request_id  uuid not null,                 -- the officer_requests id
  author_id   bigint not null references users (id),
  updated_at  timestamptz not null default now(),
  primary key (tps_code, item_code)
);

-- Photos (C1 forms, incidents). Bytes live here: a city's photos fit, and one backup covers everything.
-- The client's UUID makes an upload retry safe. quick_count_id / incident_id link without a foreign key:
-- the outbox may deliver the photo before or after the thing it belongs to.
create table photos (
  id              uuid primary key,
  tps_code        text references tps (code),
  uploader_id     bigint not null references users (id),
  purpose         text not null check (purpose in ('c1', 'incident', 'other')),
  contest_code    text references contests (code),
  quick_count_id  uuid,
  incident_id     uuid,
  mime            text not null check (mime in ('image/jpeg', 'image/png', 'image/webp')),
  size_bytes      int not null check (size_bytes > 0),
  sha256          text not null,
  bytes           bytea not null,
  captured_at     timestamptz,
  received_at     timestamptz not null default now()
);
create index photos_quick_count on photos (quick_count_id) where quick_count_id is not null;
create index photos_incident on photos (incident_id) where incident_id is not null;
create index photos_tps on photos (tps_code, purpose);

-- Every SMS the gateway hands us, answered or not: the command post reads the malformed ones.
create table sms_messages (
  id           bigserial primary key,
  gateway_id   text check (length(gateway_id) <= 200),
  sender       text not null check (length(sender) <= 40),
  body         text not null check (length(body) <= 1600),
  body_key     text not null,          -- sender + normalised text: the same message twice is a duplicate
  status       text not null check (status in ('accepted', 'rejected', 'malformed', 'duplicate')),
  kind         text check (kind in ('QC', 'INC')),
  tps_code     text,
  error_code   text,
  reply        text not null,
  receipt      text,
  received_at  timestamptz not null default now()
);
create unique index sms_messages_gateway on sms_messages (gateway_id) where gateway_id is not null and status <> 'duplicate';
create index sms_messages_key on sms_messages (body_key) where status = 'accepted';
create index sms_messages_status on sms_messages (status, received_at);
create index sms_messages_pin on sms_messages (tps_code, received_at) where error_code = 'bad_pin';
