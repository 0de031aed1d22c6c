-- Nominations for the prize of the year: anyone authenticated nominates a person or a project; the jury shortlists.
create table call_nomination (
    id               uuid primary key,
    call_id          uuid        not null references funding_call (id),
    nominated_by     text        not null,
    nominee_kind     text        not null,
    nominee_name     text        not null,
    organization_id  uuid,
    category         text,
    reason           text        not null,
    shortlisted      boolean     not null default false,
    shortlisted_by   text,
    shortlisted_at   timestamptz,
    created_at       timestamptz not null,
    version          bigint      not null default 0
);
create index call_nomination_call on call_nomination (call_id, created_at desc, id desc);
