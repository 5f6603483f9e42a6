-- Verification and blind double entry of paper forms. Forward-only.

-- One paper (or phone/radio) quick-count form as keyed at the posko. Two operators key it independently
-- ("blind"): equal entries are consolidated into a submission, different ones wait for a supervisor.
create table paper_forms (
  id              uuid primary key,
  tps_code        text not null references tps (code),
  contest_code    text not null references contests (code),
  source          text not null check (source in ('paper', 'phone', 'radio')),
  status          text not null check (status in ('awaiting_second', 'consolidated', 'conflict', 'resolved')),
  submission_id   uuid references submissions (id),
  resolved_by     bigint references users (id),
  resolution_note text check (length(resolution_note) <= 1000),
  created_at      timestamptz not null default now(),
  updated_at      timestamptz not null default now()
);
-- At most one form per TPS and contest is open (waiting for its second entry or for a supervisor).
create unique index paper_forms_open on paper_forms (tps_code, contest_code) where status in ('awaiting_second', 'conflict');
create index paper_forms_conflict on paper_forms (status) where status = 'conflict';

-- Each keying of a form; never updated. id is the client's UUID (a double click is one entry).
create table paper_entries (
  id            uuid primary key,
  form_id       uuid not null references paper_forms (id),
  round         int not null check (round in (1, 2)),
  author_id     bigint not null references users (id),
  votes         jsonb not null,
  invalid       int not null,
  ballots_used  int,
  justification text,
  body_hash     text not null,
  created_at    timestamptz not null default now(),
  unique (form_id, round)
);

create index results_review on results (status) where status in ('flagged', 'conflict');
