create table label_application (
    id               uuid        primary key,
    organization_id  uuid        not null references known_organization (id),
    category         text        not null,
    charter_version  integer     not null references charter_version (version),
    status           text        not null,
    answers          jsonb       not null,
    decision_reasons text,
    label_number     text,
    created_at       timestamptz not null,
    created_by       text        not null,
    updated_at       timestamptz not null,
    version          bigint      not null
);
create index label_application_by_organization on label_application (organization_id, created_at desc);
create index label_application_by_status on label_application (status, updated_at, id);

-- Idempotency-Key of each submission: a replay answers the same application without a second transition.
create table submission_request (
    idempotency_key text        primary key,
    application_id  uuid        not null references label_application (id),
    requested_by    text        not null,
    requested_at    timestamptz not null
);
