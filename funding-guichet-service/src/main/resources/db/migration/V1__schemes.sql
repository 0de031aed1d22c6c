-- The catalogue of support and funding schemes (Mesure 14). Eligibility conditions are data (jsonb),
-- checked against a closed schema by the service before they are stored.
create extension if not exists unaccent;

-- unaccent() is only STABLE; this wrapper names its dictionary and is IMMUTABLE so that it may appear in
-- the generated search column (the same trick as directory-service's V10__search.sql).
create or replace function sudia_unaccent(text) returns text
    language sql immutable strict parallel safe
    as $$ select public.unaccent('public.unaccent'::regdictionary, $1) $$;

create table scheme (
    id                   uuid primary key,
    name                 text        not null,
    provider             text        not null,
    level                text        not null,
    kind                 text        not null,
    pillars              text[]      not null,
    description_fr       text        not null,
    description_en       text,
    amount_min_eur       bigint,
    amount_max_eur       bigint,
    funding_rate_percent numeric(5, 2),
    envelope_eur         bigint,
    envelope_per_year    boolean     not null default false,
    duration_months      integer,
    opens_on             date,
    deadlines            date[]      not null default '{}',
    ongoing              boolean     not null default false,
    application_url      text,
    contact              text,
    conditions           jsonb       not null default '{}',
    status               text        not null,
    created_at           timestamptz not null,
    updated_at           timestamptz not null,
    created_by           text,
    updated_by           text,
    version              bigint      not null default 0,
    search_vector tsvector generated always as (
           setweight(to_tsvector('french'::regconfig, sudia_unaccent(name)), 'A')
        || setweight(to_tsvector('french'::regconfig, sudia_unaccent(provider)), 'B')
        || setweight(to_tsvector('french'::regconfig, sudia_unaccent(description_fr)), 'C')
        || setweight(to_tsvector('french'::regconfig, sudia_unaccent(coalesce(description_en, ''))), 'D')
    ) stored
);
create index scheme_search_vector on scheme using gin (search_vector);
create index scheme_name on scheme (lower(name), id);
create index scheme_pillars on scheme using gin (pillars);
