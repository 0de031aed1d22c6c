-- Awards won in the Région's competitive calls (funding-guichet-service, funding.calls.v1), shown on the laureate
-- organization's public profile; one row per laureate application (a re-published result replaces its row).
create table organization_award (
    application_id  uuid primary key,
    organization_id uuid        not null,
    call_id         uuid        not null,
    call_kind       text        not null,
    call_title      text        not null,
    edition_year    integer     not null,
    theme           text,
    category        text,
    award_title     text        not null,
    amount_eur      bigint,
    published_at    timestamptz not null
);
create index organization_award_organization on organization_award (organization_id, published_at desc);

-- Bumped with each award, so that the profile's version (its ETag) changes with what it shows.
alter table organization add column awards_changed_at timestamptz;
