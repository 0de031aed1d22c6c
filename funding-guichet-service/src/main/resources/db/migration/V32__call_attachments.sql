-- Files uploaded for FILE questions of a call's form: one per application and question, replaced by a new upload.
-- The bytes stay in the database (backed up and erased with the application); the type is the one read from them.
create table call_attachment (
    application_id uuid        not null references call_application (id),
    question_id    text        not null,
    media_type     text        not null,
    size_bytes     integer     not null check (size_bytes > 0),
    sha256         text        not null,
    content        bytea       not null,
    uploaded_by    text        not null,
    uploaded_at    timestamptz not null,
    primary key (application_id, question_id)
);
