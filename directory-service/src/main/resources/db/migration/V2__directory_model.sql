-- The directory's full model (issue 3): profiles, moderation, history, solutions, trainings.

update organization set kind = case kind
    when 'SME' then 'SME_ETI'
    when 'TRAINING_PROVIDER' then 'UNIVERSITY_SCHOOL'
    when 'INCUBATOR' then 'INCUBATOR_ACCELERATOR'
    else kind end;

alter table organization
    add column legal_name        text,
    add column siret             char(14),
    add column naf_code          text,
    add column headcount_band    text,
    add column founded_year      integer,
    add column website           text,
    add column description_fr    text,
    add column description_en    text,
    add column address           text,
    add column postal_code       text,
    add column department        text,
    add column latitude          double precision,
    add column longitude         double precision,
    add column sectors           text[]      not null default '{}',
    add column strategic_sectors text[]      not null default '{}',
    add column techniques        text[]      not null default '{}',
    add column funds_raised_eur  bigint,
    add column label_status      text        not null default 'NONE',
    add column label_number      text,
    add column label_changed_at  timestamptz,
    add column moderation_status text        not null default 'PUBLISHED',
    add column pending_change    jsonb,
    add column pending_since     timestamptz,
    add column created_by        text,
    add column updated_by        text,
    add column deleted_at        timestamptz,
    add constraint organization_coordinates check ((latitude is null) = (longitude is null)
        and (latitude is null or (latitude between -90 and 90 and longitude between -180 and 180)));

-- Likely duplicates: same name and city once case, accents and punctuation are folded (computed in Java).
alter table organization add column name_key text;
update organization set name_key = lower(regexp_replace(name || '|' || city, '[^[:alnum:]|]', '', 'g'));
alter table organization alter column name_key set not null;
create index organization_name_key on organization (name_key);
create index organization_moderation on organization (moderation_status) where deleted_at is null;

-- Who changed what, when: every change to an organization, solution or training.
create table organization_history (
    id              bigint generated always as identity primary key,
    organization_id uuid        not null references organization (id),
    at              timestamptz not null,
    actor           text        not null,
    action          text        not null,
    changes         jsonb       not null default '{}'
);
create index organization_history_by_organization on organization_history (organization_id, id);

create table solution (
    id                uuid primary key,
    organization_id   uuid        not null references organization (id),
    name              text        not null,
    description_fr    text,
    description_en    text,
    use_cases         text[]      not null default '{}',
    target_customers  text[]      not null default '{}',
    sectors           text[]      not null default '{}',
    moderation_status text        not null default 'PUBLISHED',
    created_at        timestamptz not null,
    updated_at        timestamptz not null,
    deleted_at        timestamptz,
    version           bigint      not null default 0
);
create index solution_by_organization on solution (organization_id) where deleted_at is null;

create table training (
    id                uuid primary key,
    organization_id   uuid        not null references organization (id),
    name              text        not null,
    level             text,
    institution       text        not null,
    city              text        not null,
    description_fr    text,
    website           text,
    moderation_status text        not null default 'PUBLISHED',
    created_at        timestamptz not null,
    updated_at        timestamptz not null,
    deleted_at        timestamptz,
    version           bigint      not null default 0
);
create index training_by_organization on training (organization_id) where deleted_at is null;
