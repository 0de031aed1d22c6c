-- The organization search runs on an index in each instance of the service (Lucene), rebuilt from this table at
-- startup and kept in step by reading the rows changed since its last look. To find them, every insert and
-- update stamps the row with the id of its transaction; a reader that remembers the oldest transaction still
-- running at its previous look (pg_snapshot_xmin) re-reads everything stamped since, so no commit is missed,
-- whatever the order in which concurrent transactions commit.
alter table organization add column change_xid xid8 not null default pg_current_xact_id();

create or replace function sudia_stamp_change_xid() returns trigger
    language plpgsql
    as $$
begin
    new.change_xid := pg_current_xact_id();
    return new;
end
$$;

create trigger organization_change_xid before insert or update on organization
    for each row execute function sudia_stamp_change_xid();

create index organization_change_xid on organization (change_xid);
