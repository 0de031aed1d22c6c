-- The version of everything the public reads show (facts, organizations, indicators, declared figures): bumped by
-- every transaction that changes them, so that public answers are served from memory while it stands still.
create table read_model_version (
    value      bigint      not null,
    changed_at timestamptz not null
);
insert into read_model_version (value, changed_at) values (1, now());
