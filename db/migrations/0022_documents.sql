-- Documents attached to the supervisory body's work: evidence of violation cases, a dispute's petition and
-- decision, a TPS's signed supervision report. One table for every kind, so the staff archive searches one
-- place by area, date and kind (decision 043). Bytes live in the database like photos (migration 0002).
-- owner_kind/owner_id name what a document belongs to, without a foreign key: a case, a dispute and a report
-- live in tables of their own, and the owner's module decides who may read its documents.
create table documents (
  id           uuid primary key,
  owner_kind   text not null check (owner_kind ~ '^[a-z_]{1,40}$'),
  owner_id     text not null check (length(owner_id) between 1 and 80),
  -- The region the document is about (a TPS's kelurahan, a case's place): staff see their area's only.
  region_code  text references regions (code),
  label        text not null check (length(label) between 1 and 200),
  file_name    text not null check (length(file_name) between 1 and 200),
  mime         text not null check (mime in ('image/jpeg', 'image/png', 'image/webp', 'application/pdf')),
  size_bytes   int not null check (size_bytes > 0),
  sha256       text not null,
  bytes        bytea not null,
  -- Null for a member of the public (a reporter adding evidence through a tracking code).
  uploaded_by  bigint references users (id),
  created_at   timestamptz not null default now()
);
create index documents_owner on documents (owner_kind, owner_id, created_at);
create index documents_region on documents (region_code, created_at);
