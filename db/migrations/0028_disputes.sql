-- Process disputes (SIPS, sengketa proses; UU 7/2017 art. 466-469): a petition against a KPU decision, its
-- steps, its hearings, and the per-office per-year counter its register number comes from (decision 045).
-- Documents (petition, completion, decision) live in `documents` with owner_kind 'dispute'.
create table disputes (
  id                 uuid primary key,
  -- The KPU office's region (the kota's KPU or a kecamatan's PPK): case officers see their area's only.
  region_code        text not null references regions (code),
  respondent         text not null check (length(respondent) between 1 and 200),
  decision_number    text not null check (length(decision_number) between 1 and 120),
  decision_date      date not null,
  decision_subject   text not null check (length(decision_subject) between 1 and 2000),
  applicant_name     text not null check (length(applicant_name) between 1 and 200),
  applicant_kind     text not null check (applicant_kind in ('party', 'candidate', 'candidate_pair', 'other')),
  -- The applicant's representative: name shown to staff; address and phone are staff-only, never in events,
  -- audit entries or public aggregates.
  rep_name           text not null check (length(rep_name) between 1 and 200),
  rep_address        text not null default '' check (length(rep_address) <= 500),
  rep_phone          text not null default '' check (length(rep_phone) <= 30),
  related_parties    text[] not null default '{}',
  points             text not null check (length(points) between 1 and 5000),
  state              text not null default 'filed' check (state in ('filed', 'verification', 'incomplete',
                       'registered', 'mediation', 'agreed', 'adjudication', 'decided', 'not_accepted')),
  filed_at           timestamptz not null,
  filing_due         timestamptz not null,
  -- Filed at or after filing_due: flagged, and it can only leave as not accepted.
  late               boolean not null,
  missing            text,
  completion_due     timestamptz,
  register_number    text unique,
  registered_at      timestamptz,
  mediation_due      timestamptz,
  decision_due       timestamptz,
  agreement          text,
  outcome            text check (outcome in ('granted', 'partly_granted', 'rejected', 'dismissed')),
  decision_text      text,
  decided_at         timestamptz,
  not_accepted_reason text check (not_accepted_reason in ('late', 'not_process_dispute', 'not_completed')),
  closing_note       text,
  created_by         bigint references users (id),
  updated_at         timestamptz not null default now()
);
create index disputes_region on disputes (region_code, filed_at desc);
create index disputes_state on disputes (state);

-- The timeline: every step, who took it, when, with its note.
create table dispute_steps (
  id          bigserial primary key,
  dispute_id  uuid not null references disputes (id),
  action      text not null,
  from_state  text,
  to_state    text not null,
  actor_id    bigint references users (id),
  note        text,
  at          timestamptz not null
);
create index dispute_steps_dispute on dispute_steps (dispute_id, at, id);

-- Mediation sessions and adjudication hearings (jadwal sidang).
create table dispute_hearings (
  id            uuid primary key,
  dispute_id    uuid not null references disputes (id),
  kind          text not null check (kind in ('mediation', 'adjudication')),
  starts_at     timestamptz not null,
  place         text not null check (length(place) between 1 and 200),
  agenda        text not null check (length(agenda) between 1 and 1000),
  -- Set after the decision deadline, with the warning acknowledged.
  after_deadline boolean not null default false,
  created_by    bigint references users (id),
  created_at    timestamptz not null default now()
);
create index dispute_hearings_time on dispute_hearings (starts_at);
create index dispute_hearings_dispute on dispute_hearings (dispute_id, starts_at);

-- The register number's sequence per KPU office (region) and year: one row, incremented in the registering
-- transaction, so two registrations at once never share a number and a failed one leaves no gap.
create table dispute_register_counters (
  office  text not null,
  year    int not null,
  last    int not null,
  primary key (office, year)
);
