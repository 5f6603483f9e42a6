-- Guessing and flooding (docs/decisions/030-guessing-and-flooding.md). Kept in the database so that every
-- instance applies the same limits: a guesser spreading attempts over instances is counted once.

-- One row per refused secret (web sign-in or SMS PIN). `account` is the login tried (an officer's TPS code),
-- `source` the client address or SMS sender, or "device:<hash>" for a device the account signed in from
-- before; `known` marks attempts from such a device or the account's own phone number, which the
-- account-wide budget does not count (the owner is never locked out by a stranger's guesses).
create table guess_failures (
  id       bigserial primary key,
  channel  text not null check (channel in ('web', 'sms')),
  account  text not null check (length(account) <= 200),
  source   text not null check (length(source) <= 200),
  known    boolean not null,
  at       timestamptz not null default now()
);
create index guess_failures_account on guess_failures (account, at);
create index guess_failures_source on guess_failures (channel, source, at);

-- Devices an account signed in from: the browser keeps a random token in an HttpOnly cookie, only its
-- SHA-256 is stored. An attempt from such a device is the owner's, counted apart from strangers'.
create table login_devices (
  device_hash   text not null check (length(device_hash) = 64),
  user_id       bigint not null references users (id) on delete cascade,
  last_used_at  timestamptz not null default now(),
  primary key (device_hash, user_id)
);

-- Unusual failure rates raised on the command post: one row per subject and window, so an alert is raised
-- once per window however many instances see the failures.
create table security_alerts (
  id            bigserial primary key,
  kind          text not null check (kind in ('account', 'address', 'sender')),
  subject       text not null check (length(subject) <= 200),
  channel       text not null check (channel in ('web', 'sms')),
  failures      integer not null,
  window_start  timestamptz not null,
  raised_at     timestamptz not null default now(),
  unique (kind, subject, window_start)
);

-- A citizen report accepted while citizen reports flood in: kept, answered with a true message, and shown
-- to operators after the others (its own section of the feed) instead of pushing real reports out of view.
alter table incidents add column queued boolean not null default false;
