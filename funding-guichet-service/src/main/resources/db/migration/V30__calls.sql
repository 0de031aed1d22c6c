-- Competitive calls (research call, AI Challenge, prize of the year, excellence grants), their applications,
-- juries, reviews, decisions, and the audit trail of every change (issue 18).
create table funding_call (
    id                          uuid primary key,
    kind                        text        not null,
    title                       text        not null,
    edition_year                integer     not null,
    theme                       text,
    categories                  text[]      not null default '{}',
    description_fr              text,
    phase                       text        not null,
    opens_at                    timestamptz not null,
    closes_at                   timestamptz not null,
    review_from                 timestamptz,
    deliberation_on             timestamptz,
    results_on                  timestamptz,
    form                        text        not null,
    grid                        text        not null,
    applicant_types             text[]      not null,
    teams_allowed               boolean     not null default false,
    max_applications_per_applicant integer  not null default 1,
    anonymised_review           boolean     not null default false,
    total_amount_eur            bigint,
    disagreement_threshold      double precision not null default 15,
    created_by                  text        not null,
    created_at                  timestamptz not null,
    updated_at                  timestamptz not null,
    version                     bigint      not null default 0
);
create index funding_call_page on funding_call (closes_at desc, id desc);

create table call_application (
    id               uuid primary key,
    call_id          uuid        not null references funding_call (id),
    organization_id  uuid        not null,
    applicant_type   text        not null,
    applicant_name   text        not null,
    title            text        not null,
    team             text        not null default '[]',
    answers          text        not null,
    status           text        not null,
    created_by       text        not null,
    created_at       timestamptz not null,
    updated_at       timestamptz not null,
    submitted_at     timestamptz,
    outcome          text,
    category         text,
    amount_eur       bigint,
    decision_reasons text,
    feedback         text,
    decided_by       text,
    decided_at       timestamptz,
    version          bigint      not null default 0
);
create index call_application_call on call_application (call_id, created_at desc, id desc);
create index call_application_organization on call_application (organization_id, call_id);

-- Idempotency-Key of creations and submissions, scoped per organization.
create table call_idempotency (
    organization_id uuid not null,
    key             text not null,
    operation       text not null,
    application_id  uuid not null references call_application (id),
    primary key (organization_id, key)
);

create table call_juror (
    call_id      uuid        not null references funding_call (id),
    subject      text        not null,
    assigned_by  text        not null,
    assigned_at  timestamptz not null,
    primary key (call_id, subject)
);

create table call_conflict (
    application_id uuid        not null references call_application (id),
    juror          text        not null,
    reason         text        not null,
    declared_at    timestamptz not null,
    primary key (application_id, juror)
);

create table call_review (
    id              uuid primary key,
    call_id         uuid        not null references funding_call (id),
    application_id  uuid        not null references call_application (id),
    juror           text        not null,
    scores          text        not null,
    weighted_score  double precision not null,
    comment         text,
    created_at      timestamptz not null,
    updated_at      timestamptz not null,
    version         bigint      not null default 0,
    unique (application_id, juror)
);
create index call_review_call on call_review (call_id);

create table call_audit (
    id          bigserial primary key,
    call_id     uuid        not null,
    entity      text        not null,
    entity_id   uuid        not null,
    action      text        not null,
    actor       text        not null,
    at          timestamptz not null,
    details     text        not null
);
create index call_audit_call on call_audit (call_id, id);
