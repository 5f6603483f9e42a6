-- The TPS supervision report (Form A, laporan hasil pengawasan; decision 048). One report per TPS, submitted
-- by its officer through the outbox: each submission is a version of its own, kept whole (what the officer
-- wrote and the day as composed when it arrived), so a replaced version stays readable beside the audit
-- trail. Once the command post accepts the report, the officer can no longer replace it.
create table supervision_reports (
  tps_code        text primary key references tps (code),
  -- The TPS's kelurahan, so the archive reads an area through the one area filter (insideArea).
  kelurahan_code  text not null references regions (code),
  version         int not null check (version >= 1),
  -- The client-made id of the current version (supervision_report_versions.id).
  current_id      uuid not null,
  submitted_by    bigint not null references users (id),
  submitted_at    timestamptz not null,
  accepted_by     bigint references users (id),
  accepted_at     timestamptz
);
create index supervision_reports_area on supervision_reports (kelurahan_code, submitted_at);

create table supervision_report_versions (
  -- The outbox item's id: a retry of the same body is answered as the first time, another body is a 409.
  id            uuid primary key,
  tps_code      text not null references tps (code),
  version       int not null,
  body_hash     text not null,
  -- The officer's own words per section, bounded by the schema (app/lib/supervision-report.ts).
  notes         jsonb not null,
  -- The report as composed from the day when this version arrived: what the paper prints.
  content       jsonb not null,
  submitted_by  bigint not null references users (id),
  captured_at   timestamptz not null,
  received_at   timestamptz not null default now(),
  unique (tps_code, version)
);
