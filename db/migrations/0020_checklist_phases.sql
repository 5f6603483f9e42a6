-- Checklists per phase of election day (decision 040): an answer belongs to a phase, and an item may be
-- answered with a number or a short text instead of yes/no. Existing answers are the opening checklist's.
-- The command post counts, per area, the TPS that answered a phase and those that answered "no" to an item:
-- the partial index holds only the "no" answers, the few rows those counts read.
alter table checklist_answers add column phase text not null default 'pembukaan'
  check (phase in ('persiapan', 'pembukaan', 'pemungutan', 'jam_dpk', 'penutupan', 'penghitungan', 'penyerahan'));
alter table checklist_answers alter column phase drop default;
alter table checklist_answers alter column ok drop not null;
alter table checklist_answers add column number int check (number between 0 and 100000);
alter table checklist_answers add column text_value text check (length(text_value) <= 200);
-- When the officer answered (the phone's time): an answer sent offline arrives later than it was given.
alter table checklist_answers add column answered_at timestamptz;
alter table checklist_answers add constraint checklist_answers_one_value
  check (num_nonnulls(ok, number, text_value) = 1);
alter table checklist_answers drop constraint checklist_answers_pkey;
alter table checklist_answers add primary key (tps_code, phase, item_code);
create index checklist_answers_flagged on checklist_answers (phase, item_code, tps_code) where ok = false;

-- The TPS that answered each phase, with their kelurahan: the command post counts these per area. Counting
-- distinct TPS over the answers themselves took seconds on a 100,000-TPS province (decision 040).
create table checklist_phases_answered (
  phase          text not null,
  kelurahan_code text not null,
  tps_code       text not null references tps (code),
  first_at       timestamptz not null default now(),
  primary key (phase, kelurahan_code, tps_code)
);
insert into checklist_phases_answered (phase, kelurahan_code, tps_code)
  select distinct a.phase, t.kelurahan_code, a.tps_code from checklist_answers a join tps t on t.code = a.tps_code;
