create table organization (
    id         uuid primary key,
    name       text        not null,
    kind       text        not null,
    siren      char(9) unique,
    city       text        not null,
    created_at timestamptz not null,
    updated_at timestamptz not null,
    version    bigint      not null default 0
);
create index organization_name on organization (lower(name), id);
