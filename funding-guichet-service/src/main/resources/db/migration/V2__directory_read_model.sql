-- The directory's organizations as the desk knows them (directory.organizations.v1), with the Sud IA label
-- from label.labels.v1: the facts that eligibility matching and routing read by organization id.
create table known_organization (
    id                uuid primary key,
    name              text        not null,
    kind              text        not null,
    naf_code          text,
    headcount_band    text,
    founded_year      integer,
    city              text,
    department        text,
    sectors           text[]      not null default '{}',
    strategic_sectors text[]      not null default '{}',
    removed           boolean     not null default false,
    updated_at        timestamptz not null,
    label_status      text,
    label_number      text,
    label_changed_at  timestamptz
);
