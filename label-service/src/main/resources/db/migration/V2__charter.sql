-- Charter versions and signatures are evidence: once written they are never changed nor deleted.
create function refuse_change() returns trigger language plpgsql as $$
begin
    raise exception '% rows are never changed nor deleted', tg_table_name;
end
$$;

create table charter_version (
    version           integer     primary key,
    text_fr           text        not null,
    text_en           text,
    -- SHA-256 (hex) of the French text, the English text and the questionnaire, as served by the API.
    content_hash      char(64)    not null unique,
    questions         jsonb       not null,
    effective_at      timestamptz not null,
    grace_period_days integer     not null check (grace_period_days >= 0),
    published_at      timestamptz not null,
    published_by      text        not null
);
create trigger charter_version_is_immutable before update or delete on charter_version
    for each row execute function refuse_change();

create table charter_signature (
    id              uuid        primary key,
    organization_id uuid        not null,
    charter_version integer     not null references charter_version (version),
    charter_hash    char(64)    not null,
    signer_name     text        not null,
    signer_role     text        not null,
    signed_by       text        not null,
    signed_at       timestamptz not null,
    -- The organization's previous signature, which this one supersedes.
    supersedes      uuid        references charter_signature (id)
);
create index charter_signature_by_organization on charter_signature (organization_id, signed_at desc);
create trigger charter_signature_is_immutable before update or delete on charter_signature
    for each row execute function refuse_change();
