-- Registration on the platform for an event's occurrences (awareness workshops, open days, class visits).
create table registration_setup (
    event_id              uuid primary key references event (id) on delete cascade,
    version               bigint not null,
    capacity              integer not null check (capacity between 1 and 100000),
    opens_at              timestamptz,
    closes_at             timestamptz,
    -- Registrant categories the organizer targets; empty: everyone.
    audiences             text[] not null default '{}',
    groups_allowed        boolean not null,
    waitlist              boolean not null,
    max_seats_per_booking integer not null default 1,
    questions             jsonb not null default '[]',
    -- The Mesures of the regional plan the activity serves (1 to 21), for the attendance counts.
    measures              integer[] not null default '{}',
    -- The directory organization hosting it (the Maison de l'IA, a lycée, a médiathèque).
    place_organization_id uuid,
    closed                boolean not null default false,
    updated_at            timestamptz not null
);

-- One row per occurrence that has bookings or its own capacity: its lock orders the bookings.
create table registration_slot (
    event_id                uuid not null references event (id) on delete cascade,
    original_start          timestamptz not null,
    capacity                integer check (capacity between 1 and 100000),
    confirmed_seats         integer not null default 0 check (confirmed_seats >= 0),
    closed                  boolean not null default false,
    cancelled               boolean not null default false,
    attendance_revision     integer not null default 0,
    attendance_published_at timestamptz,
    attendance_stale        boolean not null default false,
    primary key (event_id, original_start)
);

create sequence registration_arrival;

create table registration (
    id                    uuid primary key,
    event_id              uuid not null,
    original_start        timestamptz not null,
    booking_code          text not null unique,
    manage_token_hash     bytea not null unique,
    kind                  text not null,
    status                text not null,
    seats                 integer not null check (seats > 0),
    -- Arrival order, drawn while the occurrence's slot is locked: the waitlist's order.
    arrival               bigint not null default nextval('registration_arrival'),
    name                  text,
    email                 text,
    audience              text not null,
    commune_code          text,
    postcode              text,
    department            text,
    structure_name        text,
    uai                   text,
    level                 text,
    girls                 integer check (girls >= 0),
    answers               jsonb not null default '{}',
    language              text not null default 'fr',
    consent_version       text not null,
    consent_at            timestamptz not null,
    newsletter_consent_at timestamptz,
    present               integer check (present >= 0),
    checked_in_at         timestamptz,
    promoted_at           timestamptz,
    created_at            timestamptz not null,
    updated_at            timestamptz not null,
    cancelled_at          timestamptz,
    pseudonymized_at      timestamptz,
    foreign key (event_id, original_start) references registration_slot (event_id, original_start) on delete cascade
);
create index registration_by_occurrence on registration (event_id, original_start, arrival);
create index registration_waitlist on registration (event_id, original_start, arrival) where status = 'WAITLISTED';
create index registration_to_pseudonymize on registration (original_start) where pseudonymized_at is null;

-- Check-ins as the door devices sent them: the id the device gave makes a resend harmless.
create table check_in (
    id              uuid primary key,
    registration_id uuid not null references registration (id) on delete cascade,
    present         integer not null check (present >= 0),
    checked_at      timestamptz not null,
    received_at     timestamptz not null,
    device          text
);
create index check_in_registration on check_in (registration_id, checked_at);
