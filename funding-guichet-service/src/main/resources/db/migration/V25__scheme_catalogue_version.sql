-- The version of the public catalogue: bumped (with NOTIFY scheme_catalogue_changed) by every transaction that
-- changes a scheme, so that searches are answered from memory and every instance learns of a change at once.
create table scheme_catalogue_version (
    value      bigint      not null,
    changed_at timestamptz not null
);
insert into scheme_catalogue_version (value, changed_at) values (1, now());
