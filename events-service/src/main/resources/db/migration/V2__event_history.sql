-- Every version of an event: who made it, when, what changed, and the content it had, so that an editor can
-- roll a trusted partner's edit back. Sessions and single-occurrence overrides are not part of the snapshot.
create table event_revision (
    event_id  uuid        not null references event (id),
    version   bigint      not null,
    at        timestamptz not null,
    actor     text        not null,
    action    text        not null,
    changes   jsonb       not null,
    snapshot  jsonb       not null,
    -- the version whose content a RESTORED revision brought back
    restored_from bigint,
    primary key (event_id, version)
);
