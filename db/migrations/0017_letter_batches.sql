-- Credential letters issued, one row per printed batch: the form that issues a batch carries a fresh token,
-- and the row taken in the same transaction as the new PINs makes a second submit of the same form (a double
-- click, a reload that posts again) change no PIN a second time. Also who issued which letters, and when.
create table letter_batches (
  token       text primary key,
  area        text not null,
  first_index integer not null,
  letters     integer not null,
  issued_by   bigint not null references users (id),
  issued_at   timestamptz not null default now()
);

-- Shift handovers at the command post: when a shift was closed, over which area and from when, so the next
-- handover sheet lists what happened since (incidents opened and resolved, results received and verified).
create table shift_handovers (
  id        bigserial primary key,
  area      text,
  since     timestamptz not null,
  closed_at timestamptz not null default now(),
  closed_by bigint not null references users (id)
);
create index shift_handovers_area on shift_handovers (area, closed_at desc);
