-- The read model fed by the topics: measured facts, rebuilt from the log at will (TRUNCATE + replay).

-- The version of each source record applied (per topic and record identity): an older or equal version is skipped,
-- so redelivered and out-of-order events change nothing. first_at is the earliest instant any version carried
-- (kept even from skipped versions, so it does not depend on the order of arrival).
create table source_version (
    topic          text        not null,
    source_key     text        not null,
    version_number bigint      not null,
    version_at     timestamptz not null,
    first_at       timestamptz not null,
    primary key (topic, source_key)
);

-- What the platform measured: one row per (source record, metric, split). A source record's rows are replaced as a
-- whole when a newer version of it arrives. "split" names the partition of the record's value the row belongs to:
-- TOTAL (one row), AUDIENCE, LEVEL, COMMUNE, SECTOR (several rows that add up to the total, as the source split it).
create table measured_fact (
    id          bigserial primary key,
    topic       text        not null,
    source_key  text        not null,
    metric      text        not null,
    split       text        not null,
    value       bigint      not null,
    subject     uuid,
    item        text,
    occurred_at timestamptz not null,
    audience    text,
    level       text,
    department  text,
    commune     text,
    place       text,
    sector      text,
    kind        text,
    measures    text
);
create index measured_fact_source on measured_fact (topic, source_key);
create index measured_fact_metric on measured_fact (metric, split, occurred_at);

-- The directory's organizations (department, commune), to break down facts about an organization by where it is.
create table known_organization (
    id         uuid primary key,
    department text,
    commune    text,
    kind       text not null
);
