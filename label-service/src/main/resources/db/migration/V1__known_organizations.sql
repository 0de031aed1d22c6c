-- The directory's organizations, as label-service knows them from directory.organizations.v1.
create table known_organization (
    id          uuid primary key,
    name        text        not null,
    kind        text        not null,
    city        text,
    siren       char(9),
    updated_at  timestamptz not null,
    received_at timestamptz not null
);
