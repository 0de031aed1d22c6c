-- Emails to send: one row per (cause, recipient), written in the same transaction as the consumed event's inbox row
-- and sent by a poller (SMTP down = delayed, never lost). The rendered parts are kept until sent, then cleared after
-- sudia.notifications.email.body-retention (the log keeps who, what kind, when, and the outcome).
create table email_delivery (
    id              uuid        primary key,
    dedup_key       text        not null unique,
    category        text        not null,
    kind            text        not null,
    recipient       text        not null,
    language        text        not null,
    subject         text,
    text_body       text,
    html_body       text,
    ics_method      text,
    ics_body        text,
    unsubscribe_url text,
    status          text        not null,
    attempts        integer     not null default 0,
    next_attempt_at timestamptz not null,
    last_error      text,
    created_at      timestamptz not null,
    sent_at         timestamptz
);
create index email_delivery_due on email_delivery (next_attempt_at) where status = 'PENDING';
create index email_delivery_recipient on email_delivery (recipient);

-- Addresses not to write to: a hard bounce (category '*') or a one-click unsubscribe (the message's category).
create table suppression (
    email      text        not null,
    category   text        not null,
    reason     text        not null,
    created_at timestamptz not null,
    primary key (email, category)
);

-- Partners' webhook subscriptions (Standard Webhooks). The secret is whsec_<base64>; after a rotation the previous
-- secret still signs (a second v1 signature) until previous_secret_until, so receivers can switch without loss.
create table webhook_subscription (
    id                    uuid        primary key,
    organization_id       text        not null,
    owner_email           text        not null,
    url                   text        not null,
    event_types           text[]      not null,
    description           text,
    secret                text        not null,
    previous_secret       text,
    previous_secret_until timestamptz,
    status                text        not null,
    failed_deliveries     integer     not null default 0,
    disabled_at           timestamptz,
    disabled_reason       text,
    created_at            timestamptz not null,
    version               bigint      not null default 0
);
create index webhook_subscription_org on webhook_subscription (organization_id);
create index webhook_subscription_types on webhook_subscription using gin (event_types) where status = 'ACTIVE';

-- One message to one subscription; its id is the webhook-id (the same on every retry and redelivery).
create table webhook_delivery (
    id              uuid        primary key,
    subscription_id uuid        not null references webhook_subscription (id) on delete cascade,
    dedup_key       text        not null,
    event_type      text        not null,
    payload         text        not null,
    status          text        not null,
    attempts        integer     not null default 0,
    next_attempt_at timestamptz,
    last_status     integer,
    last_error      text,
    created_at      timestamptz not null,
    delivered_at    timestamptz,
    unique (subscription_id, dedup_key)
);
create index webhook_delivery_due on webhook_delivery (next_attempt_at) where status = 'PENDING';
create index webhook_delivery_subscription on webhook_delivery (subscription_id, created_at desc);

-- Every attempt of a delivery, in order: the delivery log partners read.
create table webhook_attempt (
    id            bigserial   primary key,
    delivery_id   uuid        not null references webhook_delivery (id) on delete cascade,
    attempted_at  timestamptz not null,
    status_code   integer,
    error         text,
    duration_ms   bigint      not null
);
create index webhook_attempt_delivery on webhook_attempt (delivery_id, id);
