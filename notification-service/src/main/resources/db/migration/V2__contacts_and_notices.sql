-- The contact book: the address a person gave for notifications, by acting while logged in. The owning services
-- know people only by token subject; this is the one place an address is kept for them.
create table contact (
    subject                 text        primary key,
    email                   text,
    language                text        not null,
    pending_email           text,
    confirmation_hash       text,
    confirmation_expires_at timestamptz,
    created_at              timestamptz not null,
    updated_at              timestamptz not null
);
create unique index contact_confirmation on contact (confirmation_hash) where confirmation_hash is not null;

-- Notices addressed to a subject with no confirmed address: counted, not an error, and forgotten after the retention.
create table undeliverable_notice (
    dedup_key   text        primary key,
    topic       text        not null,
    kind        text        not null,
    recorded_at timestamptz not null
);
create index undeliverable_notice_recorded on undeliverable_notice (recorded_at);
