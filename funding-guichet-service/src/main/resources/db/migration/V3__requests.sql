-- Requests for help, the advisors they are routed to, and the routing rules (data managed by admins).
create table routing_rule (
    id                 uuid primary key,
    partner            text        not null,
    advisor            text        not null,
    pillars            text[]      not null default '{}',
    scheme_ids         uuid[]      not null default '{}',
    departments        text[]      not null default '{}',
    company_categories text[]      not null default '{}',
    active             boolean     not null default true,
    created_at         timestamptz not null,
    version            bigint      not null default 0
);

create table funding_request (
    id                  uuid primary key,
    organization_id     uuid        not null,
    submitted_by        text        not null,
    need                text        not null,
    pillars             text[]      not null,
    scheme_ids          uuid[]      not null default '{}',
    department          text,
    company_category    text,
    status              text        not null,
    idempotency_key     text,
    likely_repeat_of    uuid,
    reminder_due        boolean     not null default false,
    submitted_at        timestamptz not null,
    first_answered_at   timestamptz,
    status_changed_at   timestamptz not null,
    satisfaction_score  integer,
    satisfaction_comment text,
    version             bigint      not null default 0,
    unique (organization_id, idempotency_key)
);
create index funding_request_organization on funding_request (organization_id, submitted_at desc);
create index funding_request_status on funding_request (status, submitted_at);
create index funding_request_page on funding_request (submitted_at desc, id);

create table request_assignment (
    id           uuid primary key,
    request_id   uuid        not null references funding_request (id),
    advisor      text        not null,
    partner      text        not null,
    status       text        not null,
    outcome      text,
    reason       text,
    answered_at  timestamptz,
    unique (request_id, advisor)
);
create index request_assignment_advisor on request_assignment (advisor, request_id);
