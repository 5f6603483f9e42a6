-- The officer roster: an officer account belongs to its TPS (the login is the TPS code), and the person who
-- holds it can change on the day: a reserve put in for a sick officer, an officer moved to another TPS.
-- The account, and everything sent under it, stays with the TPS; the people are its history.

-- A TPS whose officer moved away and nobody was put in yet: the account cannot sign in until someone is.
alter table users add column vacant_since timestamptz;

-- Who held a TPS's officer account and why it changed: `replace` (a reserve put in), `move_out` (the officer
-- went to `other_tps`, which gets a `move_in`). Names as they were then; phones are not history (personal
-- data kept once, on the account).
create table officer_changes (
  id          bigserial primary key,
  tps_code    text not null references tps (code),
  kind        text not null check (kind in ('replace', 'move_out', 'move_in')),
  old_name    text,
  new_name    text,
  other_tps   text references tps (code),
  reason      text not null check (length(reason) between 1 and 500),
  actor_id    bigint not null references users (id),
  at          timestamptz not null default now()
);
create index officer_changes_tps on officer_changes (tps_code, at);

-- The roster's filters read the officer accounts of an area in TPS order.
create index users_officer_tps on users (tps_code) where role = 'officer';
