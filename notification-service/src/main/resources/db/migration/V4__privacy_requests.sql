-- The privacy desk (issue 21): access and erasure requests sent to every service on privacy.requests.v1, each
-- service's answer on privacy.replies.v1, and the assembled access export (kept sudia.privacy.export-retention).
create table privacy_request (
    id                uuid primary key,
    kind              text not null check (kind in ('ACCESS', 'ERASURE')),
    email             text,
    subject           text,
    requested_by      text not null,
    self_service      boolean not null,
    verification_note text,
    status            text not null check (status in ('RECEIVED', 'IN_PROGRESS', 'COMPLETED')),
    created_at        timestamptz not null,
    last_published_at timestamptz not null,
    publications      integer not null,
    completed_at      timestamptz,
    export            jsonb,
    export_purged_at  timestamptz,
    check (email is not null or subject is not null),
    check (self_service or verification_note is not null)
);
create index privacy_request_newest on privacy_request (created_at desc, id desc);
create index privacy_request_open on privacy_request (last_published_at) where status <> 'COMPLETED';
create index privacy_request_exports on privacy_request (completed_at) where export is not null;

create table privacy_confirmation (
    request_id  uuid not null references privacy_request (id) on delete cascade,
    service     text not null,
    outcome     text not null check (outcome in ('DONE', 'FAILED')),
    records     bigint not null,
    export      jsonb,
    answered_at timestamptz not null,
    primary key (request_id, service)
);
