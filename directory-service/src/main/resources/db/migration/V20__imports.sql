-- Bulk imports of organizations (CSV or JSON): one job per file, its progress and its rejected rows.
create table import_job (
    id           uuid primary key,
    status       text        not null,
    format       text        not null,
    file_sha256  char(64)    not null,
    file_bytes   bigint      not null,
    created_by   text        not null,
    created_at   timestamptz not null,
    started_at   timestamptz,
    finished_at  timestamptz,
    heartbeat_at timestamptz not null,
    total        integer     not null default 0,
    processed    integer     not null default 0,
    created      integer     not null default 0,
    updated      integer     not null default 0,
    unchanged    integer     not null default 0,
    rejected     integer     not null default 0,
    error        text,
    constraint import_job_status check (status in ('QUEUED', 'RUNNING', 'DONE', 'FAILED'))
);
create index import_job_by_file on import_job (file_sha256);
create index import_job_unfinished on import_job (heartbeat_at) where status in ('QUEUED', 'RUNNING');

create table import_rejection (
    id         bigint generated always as identity primary key,
    job_id     uuid    not null references import_job (id),
    line       integer not null,
    row_number integer not null,
    name       text,
    violations jsonb   not null
);
create index import_rejection_by_job on import_rejection (job_id, line);
