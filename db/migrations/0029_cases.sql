-- Violation cases of the supervisory body (SPEC section 9; docs/decisions/044-violation-cases.md): a laporan
-- filed by a citizen or a temuan raised by staff, moved through the regulation's states by one transition
-- table (app/lib/cases.ts). The reporter's identity and the witnesses' contacts are personal data: they live
-- in columns no public read selects, and the audit trail names the fields, never their values.
create table cases (
  id                  uuid primary key,
  kind                text not null check (kind in ('laporan', 'temuan')),
  state               text not null check (state in ('received', 'initial_review', 'incomplete', 'not_registered',
                        'referred', 'registered', 'clarification', 'assessment', 'decided', 'followed_up', 'closed')),
  -- The public follows a laporan by this code (the same code as the citizen report it came with).
  tracking_code       text unique,
  -- Where it happened: a kelurahan/desa (and a TPS there), or null when a v1 report named only a place text.
  region_code         text references regions (code),
  tps_code            text references tps (code),
  place               text check (length(place) <= 200),
  category            text check (length(category) <= 40),
  occurred_on         date,
  known_on            date,
  account             text not null check (length(account) between 1 and 4000),
  -- Personal data (never public): the reporter and the witnesses.
  reporter            jsonb,
  witnesses           jsonb not null default '[]',
  reported_party      text check (length(reported_party) <= 300),
  -- Where it came from: a citizen report's incident, a laporan raised again as temuan, an observation.
  incident_id         uuid references incidents (id),
  source_case_id      uuid references cases (id),
  origin              text not null check (origin in ('public_form', 'public_api', 'incident', 'case', 'observation')),
  late                boolean not null default false,
  -- Registration: the office that registered it, its number in the body's pattern, never reused.
  office_code         text,
  registration_number text unique,
  registered_at       timestamptz,
  -- Deadlines as instants, stored when each starts (decision 042): the one that runs now is due_at.
  review_due_at       timestamptz not null,
  complete_due_at     timestamptz,
  handling_due_at     timestamptz,
  extended_at         timestamptz,
  extension_reason    text,
  due_at              timestamptz,
  -- What a step recorded: the missing items, the reason, the referral level, the assessment, the outcome.
  missing             jsonb not null default '[]',
  reason              text,
  referred_to         text,
  assessment          text,
  outcome             text check (outcome in ('administrative', 'ethics', 'criminal', 'other_law', 'not_a_violation')),
  outcome_agency      text,
  follow_up           text,
  created_by          bigint references users (id),
  received_at         timestamptz not null default now(),
  decided_at          timestamptz,
  closed_at           timestamptz,
  updated_at          timestamptz not null default now()
);
create index cases_region on cases (region_code, received_at);
create index cases_incident on cases (incident_id);

-- Every step: who, when, what (a note and the step's public-safe details); the invitations of a clarification.
create table case_steps (
  id          bigserial primary key,
  case_id     uuid not null references cases (id),
  action      text not null check (action ~ '^[a-z_]{1,40}$'),
  from_state  text,
  to_state    text not null,
  actor_id    bigint references users (id),
  note        text check (length(note) <= 4000),
  details     jsonb not null default '{}',
  at          timestamptz not null default now()
);
create index case_steps_case on case_steps (case_id, id);

-- The per-office, per-kind, per-year sequence of registration numbers: one row locked while a number is taken,
-- so concurrent registrations never share one.
create table case_numbers (
  office_code text not null,
  kind        text not null,
  year        int not null,
  last        int not null,
  primary key (office_code, kind, year)
);
