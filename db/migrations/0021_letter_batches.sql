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
