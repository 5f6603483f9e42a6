-- What officers' phones still hold unsent, per TPS (POST /api/v1/outbox-held): a phone reports its counts and
-- the oldest item's time whenever they change, so the command post sees a report stuck on a phone (a shared
-- phone whose other officer has not logged in again, a phone that lost its signal for good). Counts only,
-- never the reports. A phone's rows are replaced by each report, and gone when it holds nothing.
create table outbox_held (
  device_id    uuid not null,
  tps_code     text not null references tps(code),
  items        integer not null check (items > 0),
  oldest_at    timestamptz not null,
  reported_by  bigint not null references users(id),
  reported_at  timestamptz not null default now(),
  primary key (device_id, tps_code)
);
create index outbox_held_tps on outbox_held (tps_code);
