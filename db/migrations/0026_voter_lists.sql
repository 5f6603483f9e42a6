-- The voter list of each TPS, as the KPU hands it under a data-sharing agreement, reduced to what the
-- officer's check needs (docs/PRIVACY.md, docs/decisions/047-voter-list-check.md): the row number, name, sex,
-- an age band (never the birth date), RT/RW and status. The NIK is kept only as a keyed slow hash whose key
-- lives outside the database (PANTAU_VOTER_KEY or voter.key); disability only as a count per TPS.
create table voter_lists (
  tps_code     text primary key references tps (code),
  voters       int not null check (voters >= 0),
  disabled     int not null default 0 check (disabled >= 0),
  -- The slow hash's cost when this list was hashed: a later change of cost re-hashes on the next import.
  iterations   int not null check (iterations > 0),
  imported_at  timestamptz not null default now(),
  imported_by  bigint references users (id)
);

create table voters (
  tps_code    text not null references voter_lists (tps_code) on delete cascade,
  row_number  int not null check (row_number between 1 and 9999),
  name        text not null check (length(name) between 1 and 120),
  sex         text not null check (sex in ('L', 'P')),
  age_band    text not null check (age_band ~ '^[0-9]{2}(-[0-9]{2}|\+)$'),
  rt          text not null default '' check (rt ~ '^[0-9]{0,3}$'),
  rw          text not null default '' check (rw ~ '^[0-9]{0,3}$'),
  status      text not null check (status in ('dpt', 'dptb', 'dpk')),
  nik_hash    bytea not null check (length(nik_hash) = 32),
  primary key (tps_code, row_number)
);

-- Each lookup the officer made on the phone, sent through the outbox: what kind, when, whether it matched and
-- which rows it showed. Never the name typed nor the NIK. Idempotent on the phone's id.
create table voter_checks (
  id           uuid primary key,
  tps_code     text not null references tps (code),
  author_id    bigint not null references users (id),
  kind         text not null check (kind in ('name', 'nik')),
  matched      boolean not null,
  row_numbers  int[] not null default '{}',
  checked_at   timestamptz not null,
  received_at  timestamptz not null default now(),
  body_hash    text not null
);
create index voter_checks_tps on voter_checks (tps_code, checked_at);
