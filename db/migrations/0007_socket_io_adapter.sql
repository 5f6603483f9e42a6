-- @socket.io/postgres-adapter (server/scale-out.ts): instances share live events by NOTIFY; a payload over
-- 8000 bytes is stored here and the notification carries its id. The adapter deletes rows after 30 s.
create table if not exists socket_io_attachments (
  id          bigserial unique,
  created_at  timestamptz default now(),
  payload     bytea
);
