-- A row deleted outright (the service only marks organizations deleted, but an operator may delete rows) leaves
-- no row to stamp: its id is kept here with the deleting transaction's id, so that a search index restarted
-- from a snapshot taken before the delete drops it too. Kept small: only hard deletes land here.
create table organization_removal (
    id         uuid primary key,
    change_xid xid8 not null default pg_current_xact_id()
);
create index organization_removal_change_xid on organization_removal (change_xid);

create or replace function sudia_record_organization_removal() returns trigger
    language plpgsql
    as $$
begin
    insert into organization_removal (id) values (old.id)
        on conflict (id) do update set change_xid = pg_current_xact_id();
    return old;
end
$$;

create trigger organization_removal after delete on organization
    for each row execute function sudia_record_organization_removal();

-- TRUNCATE deletes without row triggers: it moves the epoch on instead, and a snapshot of an earlier epoch is rebuilt.
create table search_index_epoch (epoch bigint not null);
insert into search_index_epoch values (0);

create or replace function sudia_next_search_index_epoch() returns trigger
    language plpgsql
    as $$
begin
    update search_index_epoch set epoch = epoch + 1;
    return null;
end
$$;

create trigger organization_truncated after truncate on organization
    for each statement execute function sudia_next_search_index_epoch();
