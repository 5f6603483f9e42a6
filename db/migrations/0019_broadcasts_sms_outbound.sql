-- Messages from the posko to officers (broadcasts) and one queue for every SMS Pantau sends (replies that a
-- gateway cannot carry in its webhook answer, and broadcasts to officers without data), so that what is sent
-- has a status, retries and the gateway's delivery receipt (docs/decisions/039-sms-gateways-and-broadcasts.md).

create table sms_outbound (
  id                  uuid primary key,
  gateway             text not null check (gateway in ('generic', 'twilio', 'vonage', 'smssync')),
  to_number           text not null check (length(to_number) <= 40),
  body                text not null check (length(body) <= 1600),
  purpose             text not null check (purpose in ('reply', 'broadcast')),
  status              text not null default 'queued'
                      check (status in ('queued', 'sending', 'sent', 'delivered', 'failed')),
  attempts            int not null default 0,
  next_at             timestamptz not null default now(),
  gateway_message_id  text check (length(gateway_message_id) <= 200),
  last_error          text check (length(last_error) <= 500),
  created_at          timestamptz not null default now(),
  sent_at             timestamptz,
  delivered_at        timestamptz
);
create index sms_outbound_due on sms_outbound (next_at) where status in ('queued', 'sending');
create unique index sms_outbound_gateway_id on sms_outbound (gateway, gateway_message_id)
  where gateway_message_id is not null;

create table broadcasts (
  id              uuid primary key,
  author_id       bigint not null references users (id),
  target          text not null check (target in ('all', 'area', 'silent')),
  -- The area the message went to (a supervisor's own when they chose "all"); null = the whole election.
  area            text references regions (code),
  silent_minutes  int check (silent_minutes between 1 and 1440),
  body            text not null check (length(body) between 1 and 480),
  created_at      timestamptz not null default now()
);
create index broadcasts_created on broadcasts (created_at desc);

-- One row per TPS a broadcast went to: when its officer's app fetched it, when the officer opened it, and
-- the SMS that carried it when the app had not fetched it in time.
create table broadcast_recipients (
  broadcast_id  uuid not null references broadcasts (id),
  tps_code      text not null references tps (code),
  delivered_at  timestamptz,
  read_at       timestamptz,
  sms_id        uuid references sms_outbound (id),
  primary key (broadcast_id, tps_code)
);
create index broadcast_recipients_tps on broadcast_recipients (tps_code);
create index broadcast_recipients_undelivered on broadcast_recipients (broadcast_id)
  where delivered_at is null and sms_id is null;
