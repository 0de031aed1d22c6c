-- The file of an unfinished import, kept until the import ends, so that another instance (or this one after a
-- restart) can resume it where its last committed batch left it; with the roles of the editor who sent it,
-- as whom the rows are stored.
create table import_file (
    job_id         uuid primary key references import_job (id),
    content        bytea  not null,
    importer_roles text[] not null
);
