-- Organizations of the directory as events-service knows them (directory.organizations.v1, label.labels.v1).
-- A label event may come before the organization's: the row then has no name yet.
create table organizer (
    id               uuid primary key,
    name             text,
    city             text,
    website          text,
    removed          boolean not null default false,
    updated_at       timestamptz,
    label_status     text,
    label_number     text,
    label_changed_at timestamptz
);

create table series (
    id          uuid primary key,
    version     bigint not null,
    name        text not null,
    description text,
    website     text,
    created_at  timestamptz not null,
    updated_at  timestamptz not null
);

-- array_to_string is only stable in general; for text[] it is immutable, which a generated column needs.
create function tags_text(tags text[]) returns text language sql immutable parallel safe
    as $$ select array_to_string(tags, ' ') $$;

create table event (
    id                uuid primary key,
    version           bigint not null,
    -- RFC 5545 SEQUENCE: rises on every change of time, place or status.
    sequence          integer not null default 0,
    organizer_id      uuid,
    series_id         uuid references series (id),
    edition           text,
    title_fr          text not null,
    title_en          text,
    description_fr    text,
    description_en    text,
    starts_at         timestamptz not null,
    ends_at           timestamptz not null,
    all_day           boolean not null default false,
    time_zone         text not null,
    previous_start    timestamptz,
    venue_name        text,
    venue_address     text,
    city              text,
    latitude          double precision,
    longitude         double precision,
    online_url        text,
    attendance_mode   text not null,
    audiences         text[] not null default '{}',
    tags              text[] not null default '{}',
    url               text,
    price_eur         numeric(10, 2),
    registration_url  text,
    capacity          integer,
    status            text not null,
    moderation        text not null,
    refusal_reason    text,
    rrule             text,
    exdates           text[] not null default '{}',
    submitted_by      text not null,
    created_at        timestamptz not null,
    updated_at        timestamptz not null,
    published_at      timestamptz,
    search_vector     tsvector generated always as (
        setweight(to_tsvector('french', coalesce(title_fr, '') || ' ' || coalesce(title_en, '')), 'A') ||
        setweight(to_tsvector('french', coalesce(description_fr, '') || ' ' || coalesce(city, '') || ' ' ||
                  coalesce(venue_name, '') || ' ' || tags_text(tags)), 'B')) stored,
    constraint event_ends_after_start check (ends_at > starts_at)
);
create index event_moderation_updated on event (updated_at, id);
create index event_organizer on event (organizer_id);
create index event_series on event (series_id);
create index event_search on event using gin (search_vector);
create index event_audiences on event using gin (audiences);
create index event_tags on event using gin (tags);

-- What an editor or partner changed on one occurrence of a recurring event.
create table occurrence_override (
    event_id        uuid not null references event (id) on delete cascade,
    original_start  timestamptz not null,
    cancelled       boolean not null default false,
    starts_at       timestamptz,
    ends_at         timestamptz,
    sequence        integer not null default 0,
    updated_at      timestamptz not null,
    primary key (event_id, original_start)
);

-- The occurrences of every event, expanded from its RRULE up to a horizon and rewritten with the event,
-- so that searches by date are plain range scans.
create table occurrence (
    event_id        uuid not null references event (id) on delete cascade,
    original_start  timestamptz not null,
    starts_at       timestamptz not null,
    ends_at         timestamptz not null,
    cancelled       boolean not null default false,
    primary key (event_id, original_start)
);
create index occurrence_starts on occurrence (starts_at, event_id, original_start);

create table event_session (
    id          uuid primary key,
    event_id    uuid not null references event (id) on delete cascade,
    kind        text not null,
    title       text not null,
    starts_at   timestamptz not null,
    ends_at     timestamptz not null,
    room        text,
    speakers    text[] not null default '{}'
);
create index event_session_event on event_session (event_id, starts_at);

-- One row: the calendar's version, bumped in every transaction that changes what feeds show. The row lock
-- orders the writers, so versions rise in commit order; NOTIFY tells every instance after the commit.
create table calendar_version (
    singleton   boolean primary key default true check (singleton),
    value       bigint not null,
    changed_at  timestamptz not null
);
insert into calendar_version (value, changed_at) values (1, now());
