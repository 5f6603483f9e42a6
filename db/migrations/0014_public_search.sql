-- The public search (GET /api/v1/public/search) finds a kelurahan/desa (or any region) by a part of its name,
-- case-insensitively, among the 83,000 kelurahan of a national election: a trigram index answers
-- "contains" (and prefix) for three letters or more, a pattern index a prefix of two.
-- pg_trgm is a trusted extension (PostgreSQL 13+): the database owner may create it.
create extension if not exists pg_trgm;
create index regions_name_trgm on regions using gin (lower(name) gin_trgm_ops);
create index regions_name_prefix on regions (lower(name) text_pattern_ops);
