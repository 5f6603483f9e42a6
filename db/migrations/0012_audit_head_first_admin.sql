-- The audit chain's signed heads and the first admin's one-time secret
-- (docs/decisions/031-keyed-audit-chain-and-signed-head.md).
-- audit_heads: each head Pantau signed and published (the last audit row's id and hash at a time, with an
-- Ed25519 signature under the audit key, which is kept outside the database); audit:verify checks every one
-- against the chain. The partial index finds the row from which the chain is keyed without a scan.
-- users.must_change_secret: an account made with a one-time secret (npm run admin:create) may do nothing
-- but change it.
create table audit_heads (
  id         bigserial primary key,
  audit_id   bigint not null,
  hash       text not null,
  at         timestamptz not null,
  signature  text not null
);
create rule audit_heads_no_update as on update to audit_heads do instead nothing;
create rule audit_heads_no_delete as on delete to audit_heads do instead nothing;

create index audit_log_keyed on audit_log (id) where action = 'audit.keyed';

alter table users add column must_change_secret boolean not null default false;
