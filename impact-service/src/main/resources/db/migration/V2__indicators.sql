-- Indicators are data: admins add and edit them; the seed brings the plan's own.
create table indicator (
    id              text primary key,
    position        integer     not null,
    name_fr         text        not null,
    name_en         text        not null,
    definition_fr   text        not null,
    definition_en   text        not null,
    plan_measures   jsonb       not null,
    unit            text        not null,
    metric          text        not null,
    aggregation     text        not null,
    filters         jsonb       not null,
    breakdowns      jsonb       not null,
    target_value    numeric(18, 2),
    target_unit     text,
    target_start    date,
    target_end      date,
    target_sentence text,
    target_source   text,
    version         bigint      not null,
    updated_at      timestamptz not null
);

-- Figures admins declare from a source (a brochure, a report): always shown apart from what the platform measured.
create table declared_figure (
    id           uuid primary key,
    indicator_id text          not null references indicator (id) on delete cascade,
    value        numeric(18, 2) not null,
    unit         text          not null,
    period_start date          not null,
    period_end   date          not null,
    scope_fr     text          not null,
    scope_en     text,
    source       text          not null,
    version      bigint        not null,
    updated_at   timestamptz   not null
);
create index declared_figure_indicator on declared_figure (indicator_id, period_end);
