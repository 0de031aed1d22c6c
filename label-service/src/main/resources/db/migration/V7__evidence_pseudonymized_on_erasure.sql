-- Erasure (GDPR art. 17, issue 21): charter versions, signatures and the audit trail stay evidence, never deleted
-- nor rewritten, but the people they name can be replaced by their pseudonym ('erased-' + 16 hex digits).
drop trigger charter_version_is_immutable on charter_version;
drop trigger charter_signature_is_immutable on charter_signature;
drop trigger audit_entry_is_immutable on audit_entry;

-- A signature keeps a hash of the signer's name (as they typed it, stripped) and the organization, not the name.
alter table charter_signature add column signer_name_sha256 char(64);
update charter_signature set signer_name_sha256 = encode(sha256(convert_to(signer_name, 'UTF8')), 'hex');
alter table charter_signature alter column signer_name_sha256 set not null;
alter table charter_signature alter column signer_role drop not null;

-- The audit trail becomes a hash chain: entry_hash = sha256(previous entry_hash || canonical content), where the
-- content holds actor_digest (HMAC-SHA256 of the actor under the pseudonym key) and reason_digest instead of the
-- actor and the reason, which erasure may replace. Existing rows are chained by the service (AuditChain), in id
-- order, before it writes the next entry: the key is the service's configuration, not the database's.
alter table audit_entry add column actor_digest char(64);
alter table audit_entry add column reason_digest char(64);
alter table audit_entry add column entry_hash char(64);
-- Each write looks for entries not chained yet: only those written before the chain, so a small partial index.
create index audit_entry_unchained on audit_entry (id) where entry_hash is null;

create function is_pseudonym(value text) returns boolean language sql immutable as $$
    select value ~ '^erased-[0-9a-f]{16}$'
$$;

create function refuse_delete() returns trigger language plpgsql as $$
begin
    raise exception '% rows are never deleted', tg_table_name;
end
$$;

create function charter_version_only_pseudonymized() returns trigger language plpgsql as $$
begin
    if (new.version, new.text_fr, new.text_en, new.content_hash, new.questions, new.effective_at,
            new.grace_period_days, new.published_at)
        is not distinct from (old.version, old.text_fr, old.text_en, old.content_hash, old.questions, old.effective_at,
            old.grace_period_days, old.published_at)
       and (new.published_by = old.published_by or is_pseudonym(new.published_by)) then
        return new;
    end if;
    raise exception 'charter_version rows are never changed, except to pseudonymize who published them';
end
$$;

create function charter_signature_only_pseudonymized() returns trigger language plpgsql as $$
begin
    if (new.id, new.organization_id, new.charter_version, new.charter_hash, new.signed_at, new.supersedes,
            new.signer_name_sha256)
        is not distinct from (old.id, old.organization_id, old.charter_version, old.charter_hash, old.signed_at,
            old.supersedes, old.signer_name_sha256)
       and (new.signer_name = old.signer_name or is_pseudonym(new.signer_name))
       and (new.signer_role is not distinct from old.signer_role or new.signer_role is null)
       and (new.signed_by = old.signed_by or is_pseudonym(new.signed_by)) then
        return new;
    end if;
    raise exception 'charter_signature rows are never changed, except to pseudonymize their signer';
end
$$;

create function audit_entry_only_pseudonymized() returns trigger language plpgsql as $$
begin
    if (new.id, new.at, new.subject_type, new.subject_id, new.organization_id, new.action, new.from_status,
            new.to_status)
        is not distinct from (old.id, old.at, old.subject_type, old.subject_id, old.organization_id, old.action,
            old.from_status, old.to_status)
       -- Chaining an entry written before the chain existed: its digests and hash go from nothing to a value, once.
       and (old.entry_hash is null
            or (new.actor_digest, new.reason_digest, new.entry_hash)
               is not distinct from (old.actor_digest, old.reason_digest, old.entry_hash))
       and (new.actor = old.actor or is_pseudonym(new.actor))
       and (new.reason is not distinct from old.reason or new.reason is null) then
        return new;
    end if;
    raise exception 'audit_entry rows are never changed, except to pseudonymize who acted';
end
$$;

create trigger charter_version_kept before delete on charter_version
    for each row execute function refuse_delete();
create trigger charter_version_pseudonymized_only before update on charter_version
    for each row execute function charter_version_only_pseudonymized();
create trigger charter_signature_kept before delete on charter_signature
    for each row execute function refuse_delete();
create trigger charter_signature_pseudonymized_only before update on charter_signature
    for each row execute function charter_signature_only_pseudonymized();
create trigger audit_entry_kept before delete on audit_entry
    for each row execute function refuse_delete();
create trigger audit_entry_pseudonymized_only before update on audit_entry
    for each row execute function audit_entry_only_pseudonymized();
