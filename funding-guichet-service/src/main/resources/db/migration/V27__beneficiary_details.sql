-- What an organization's applicant adds to the directory's entry for eligibility: its beneficiary type when the
-- directory's kind does not tell it, and that type's facts (a local authority's tier, population and INSEE density
-- level; a training body's Qualiopi certification).
create table beneficiary_details (
    organization_id      uuid primary key,
    beneficiary_type     text,
    local_authority_kind text,
    population           integer check (population >= 0),
    density_level        text,
    qualiopi_certified   boolean,
    updated_at           timestamptz not null,
    updated_by           text        not null,
    version              bigint      not null default 0
);
