-- Pantau schema, version 1. Forward-only: never edit an applied migration, add a new numbered file.

-- Region tree: province > kabupaten/kota > kecamatan > kelurahan/desa, Kemendagri codes (16.73.01.1001).
create table regions (
  code        text primary key,
  parent_code text references regions (code),
  level       text not null check (level in ('province', 'city', 'kecamatan', 'kelurahan')),
  name        text not null
);
create index regions_parent on regions (parent_code);

-- A polling station. code = kelurahan code without dots, a dash, the TPS number in 3 digits.
create table tps (
  code            text primary key,
  kelurahan_code  text not null references regions (code),
  number          int not null check (number between 1 and 999),
  address         text not null default '',
  lat             double precision not null,
  lng             double precision not null,
  dpt             int not null check (dpt >= 0),
  dptb            int not null default 0 check (dptb >= 0),
  dpk             int not null default 0 check (dpk >= 0),
  day_status      text not null default 'not_arrived'
                  check (day_status in ('not_arrived', 'arrived', 'open', 'counting', 'reported')),
  last_seen_at    timestamptz,
  unique (kelurahan_code, number)
);
create index tps_kelurahan on tps (kelurahan_code);

create table contests (
  code     text primary key,
  name     text not null,
  position int not null default 0
);

create table candidates (
  contest_code  text not null references contests (code),
  ballot_number int not null check (ballot_number between 1 and 99),
  name          text not null,
  primary key (contest_code, ballot_number)
);

create table users (
  id           bigserial primary key,
  login        text not null unique,
  name         text not null,
  role         text not null check (role in ('officer', 'supervisor', 'operator', 'responder', 'admin')),
  secret_hash  text not null,
  -- officers: their TPS; supervisors: the region they coordinate; null = whole election.
  tps_code     text references tps (code),
  region_code  text references regions (code),
  phone        text,
  disabled     boolean not null default false,
  created_at   timestamptz not null default now(),
  check (role <> 'officer' or tps_code is not null)
);

-- Only a hash of the session token is stored: a leaked table does not hand out sessions.
create table sessions (
  token_hash  text primary key,
  user_id     bigint not null references users (id),
  created_at  timestamptz not null default now(),
  expires_at  timestamptz not null
);
create index sessions_user on sessions (user_id);

-- One row per submission (app, paper, phone, radio, sms); never updated. id is the client's UUID.
create table submissions (
  id            uuid primary key,
  tps_code      text not null references tps (code),
  contest_code  text not null references contests (code),
  source        text not null check (source in ('app', 'paper', 'phone', 'radio', 'sms')),
  author_id     bigint not null references users (id),
  revision      int not null,
  votes         jsonb not null,
  invalid       int not null,
  ballots_used  int,
  justification text,
  reason        text,
  warnings      jsonb not null default '[]',
  captured_at   timestamptz not null,
  received_at   timestamptz not null default now(),
  -- Idempotency: a retry with the same body gets the first answer, a different body is a conflict.
  body_hash     text not null,
  response      jsonb not null,
  unique (tps_code, contest_code, revision)
);
create index submissions_tps on submissions (tps_code, contest_code);

-- The current result per TPS and contest, derived from its submissions.
create table results (
  tps_code       text not null references tps (code),
  contest_code   text not null references contests (code),
  status         text not null check (status in ('missing', 'submitted', 'flagged', 'conflict', 'verified')),
  submission_id  uuid not null references submissions (id),
  votes          jsonb not null,
  invalid        int not null,
  updated_at     timestamptz not null default now(),
  primary key (tps_code, contest_code)
);

-- The live event log. seq is gap-free: it is taken from event_head under its row lock, in the same
-- transaction as the change, so a rolled-back change never leaves a hole (a sequence object would).
create table event_head (
  id   boolean primary key default true check (id),
  seq  bigint not null
);
insert into event_head (seq) values (0);

create table events (
  seq     bigint primary key,
  type    text not null,
  at      timestamptz not null default now(),
  -- region code the event belongs to (a kelurahan code for TPS events); null = whole election.
  region  text,
  data    jsonb not null
);

-- Append-only audit log; each row carries the hash of the previous one so tampering is detectable.
create table audit_log (
  id         bigint primary key,
  at         timestamptz not null default now(),
  actor_id   bigint references users (id),
  action     text not null,
  entity     text not null,
  before     jsonb,
  after      jsonb,
  prev_hash  text not null,
  hash       text not null
);
create rule audit_log_no_update as on update to audit_log do instead nothing;
create rule audit_log_no_delete as on delete to audit_log do instead nothing;
