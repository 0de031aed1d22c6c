-- Alerts people subscribe to (double opt-in). A subscription is PENDING until its address confirms it through the
-- link emailed to it (only the SHA-256 of the link's secret is stored; unconfirmed ones are deleted at expires_at),
-- then CONFIRMED with the consent's text version and time. Nothing but the confirmation request is sent before.
create table alert_subscription (
    id                   uuid        primary key,
    email                text        not null,
    language             text        not null,
    kind                 text        not null,
    frequency            text        not null,
    departments          text[]      not null default '{}',
    audiences            text[]      not null default '{}',
    scheme_ids           uuid[]      not null default '{}',
    organization_id      uuid,
    status               text        not null,
    confirm_token_hash   text        unique,
    consent_text_version text        not null,
    consent_at           timestamptz,
    created_at           timestamptz not null,
    expires_at           timestamptz,
    confirmed_at         timestamptz
);
create index alert_subscription_email on alert_subscription (email);
create index alert_subscription_kind on alert_subscription (kind) where status = 'CONFIRMED';
create index alert_subscription_expiry on alert_subscription (expires_at) where status = 'PENDING';
create index alert_subscription_schemes on alert_subscription using gin (scheme_ids) where status = 'CONFIRMED';
create index alert_subscription_organization on alert_subscription (organization_id) where status = 'CONFIRMED';

-- What a subscription matched (public data only: an event, a scheme, a deadline), once per cause (dedup_key);
-- sent at once (INSTANT) or gathered by the daily or weekly digest, sent_at set when its email is queued.
create table alert_item (
    id              uuid        primary key,
    subscription_id uuid        not null references alert_subscription (id) on delete cascade,
    dedup_key       text        not null,
    kind            text        not null,
    title_fr        text        not null,
    title_en        text,
    starts_at       timestamptz,
    time_zone       text,
    place           text,
    deadline        date,
    provider        text,
    verdict         text,
    link            text,
    created_at      timestamptz not null,
    sent_at         timestamptz,
    unique (subscription_id, dedup_key)
);
create index alert_item_pending on alert_item (subscription_id) where sent_at is null;

-- The public schemes' deadlines, from funding.schemes.v1, for the 7-day deadline alerts.
create table alert_scheme (
    id              uuid        primary key,
    name            text        not null,
    provider        text        not null,
    deadlines       date[]      not null default '{}',
    status          text        not null,
    application_url text,
    updated_at      timestamptz not null
);
