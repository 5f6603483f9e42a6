-- A citizen's report about a TPS reaches that TPS's officer only once command-post staff share it (the
-- officer may be the person reported on): when and by whom it was shared, and the timeline step that says so.
alter table incidents
  add column shared_at timestamptz,
  add column shared_by bigint references users (id);

alter table incident_transitions drop constraint incident_transitions_action_check;
alter table incident_transitions add constraint incident_transitions_action_check
  check (action in ('create', 'acknowledge', 'dispatch', 'on_scene', 'resolve', 'reject', 'reopen', 'share'));
