create sequence label_number_seq;
-- Position of each label in the credentials' status lists (W3C Bitstring Status List).
create sequence label_status_index_seq minvalue 0 start 0;

create table label (
    number            text        primary key,
    organization_id   uuid        not null references known_organization (id),
    application_id    uuid        references label_application (id),
    category          text        not null,
    status            text        not null,
    status_since      timestamptz not null,
    granted_on        date        not null,
    valid_until       date        not null,
    -- The charter version the holder has signed; behind the current one past its grace period, the label is suspended.
    charter_version   integer     not null references charter_version (version),
    suspension_kind   text,
    suspension_reason text,
    suspended_until   date,
    status_index      integer     not null unique,
    updated_at        timestamptz not null,
    version           bigint      not null
);
create unique index label_one_current_per_organization on label (organization_id) where status in ('VALID', 'SUSPENDED');
create index label_by_updated_at on label (updated_at);
create index label_by_status_and_validity on label (status, valid_until);
create index label_by_category on label (category, number);

-- Who did what, when and why: every decision and state change. Append-only.
create table audit_entry (
    id              bigint      generated always as identity primary key,
    at              timestamptz not null,
    actor           text        not null,
    subject_type    text        not null,
    subject_id      text        not null,
    organization_id uuid,
    action          text        not null,
    from_status     text,
    to_status       text,
    reason          text
);
create index audit_entry_by_subject on audit_entry (subject_type, subject_id, id);
create index audit_entry_by_organization on audit_entry (organization_id, id);
create trigger audit_entry_is_immutable before update or delete on audit_entry
    for each row execute function refuse_change();

alter table known_organization add column removed_at timestamptz;

-- Holders named by the seed dataset, labelled when the directory announces an organization of that name.
create table seed_holder (
    name         text primary key,
    category     text not null,
    label_number text
);
