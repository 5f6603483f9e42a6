-- An operator claims an incident ("ditangani oleh"): who handles it now, since when. A claim, its release
-- and a takeover are steps of the incident's timeline like the workflow's (docs/decisions/036).
alter table incidents add column claimed_by bigint references users (id);
alter table incidents add column claimed_at timestamptz;

alter table incident_transitions drop constraint incident_transitions_action_check;
alter table incident_transitions add constraint incident_transitions_action_check
  check (action in ('create', 'acknowledge', 'dispatch', 'on_scene', 'resolve', 'reject', 'reopen', 'share',
    'claim', 'release', 'take_over'));

-- A takeover names whose claim it ended, so the timeline reads "taken over from B".
alter table incident_transitions add column claimed_from bigint references users (id);
