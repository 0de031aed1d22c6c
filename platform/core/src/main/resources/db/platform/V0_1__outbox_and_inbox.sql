-- Platform tables, shared by every service. Platform migrations are numbered 0.x, services' own
-- migrations 1 and up (quarkus.flyway.out-of-order lets a later 0.x run after them).

-- Transactional outbox: written in the same transaction as the business change, relayed to Kafka.
create table outbox_event (
    seq          bigint generated always as identity primary key,
    id           uuid        not null unique,
    topic        text        not null,
    type         text        not null,
    aggregate_id text        not null,
    payload      jsonb       not null,
    occurred_at  timestamptz not null,
    sent_at      timestamptz,
    attempts     integer     not null default 0,
    last_error   text
);
create index outbox_event_pending on outbox_event (seq) where sent_at is null;

-- Inbox: the events a consumer has already applied, recorded in the same transaction as its effect.
create table inbox_event (
    source       text        not null,
    id           text        not null,
    type         text        not null,
    topic        text        not null,
    processed_at timestamptz not null default now(),
    primary key (source, id)
);
