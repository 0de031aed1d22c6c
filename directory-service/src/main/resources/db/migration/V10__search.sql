-- Search of the directory (issue 3): French full text that ignores accents, typo tolerance on names,
-- filters, facets and radius search. Both extensions are trusted: the database owner may create them.
create extension if not exists unaccent;
create extension if not exists pg_trgm;

-- unaccent() is only STABLE (it depends on the dictionary found through search_path), so it cannot appear
-- in an index or a generated column. This wrapper names the dictionary explicitly and is declared
-- IMMUTABLE, the usual way around it; queries must call this same function for the indexes to apply.
create or replace function sudia_unaccent(text) returns text
    language sql immutable strict parallel safe
    as $$ select public.unaccent('public.unaccent'::regdictionary, $1) $$;

-- Great-circle distance in kilometres (haversine, mean Earth radius). No PostGIS or earthdistance here.
-- Not STRICT on purpose: a SQL function is inlined into the query only if the planner can check that, and
-- least() is not strict; inlined, it costs a fraction of a function call per row.
create or replace function sudia_distance_km(lat1 double precision, lon1 double precision,
                                             lat2 double precision, lon2 double precision) returns double precision
    language sql immutable parallel safe
    as $$ select 2 * 6371.0088 * asin(least(1, sqrt(
              sin(radians(lat2 - lat1) / 2) ^ 2
              + cos(radians(lat1)) * cos(radians(lat2)) * sin(radians(lon2 - lon1) / 2) ^ 2))) $$;

-- What the text search matches: names weigh most, then the city, then the descriptions. Everything is
-- unaccented before the French configuration stems it, and queries are unaccented the same way.
alter table organization add column search_vector tsvector generated always as (
        setweight(to_tsvector('french'::regconfig, sudia_unaccent(name)), 'A')
     || setweight(to_tsvector('french'::regconfig, sudia_unaccent(coalesce(legal_name, ''))), 'A')
     || setweight(to_tsvector('french'::regconfig, sudia_unaccent(city)), 'B')
     || setweight(to_tsvector('french'::regconfig, sudia_unaccent(coalesce(description_fr, ''))), 'C')
     || setweight(to_tsvector('french'::regconfig, sudia_unaccent(coalesce(description_en, ''))), 'D')
    ) stored;
create index organization_search_vector on organization using gin (search_vector);

-- Typo tolerance: trigram word similarity against the unaccented, lowercased name ("terapixel" finds Therapixel).
alter table organization add column name_search text generated always as (lower(sudia_unaccent(name))) stored;
create index organization_name_trigrams on organization using gin (name_search gin_trgm_ops);

-- The city filter ignores case and accents too.
alter table organization add column city_key text generated always as (lower(sudia_unaccent(city))) stored;
create index organization_city_key on organization (city_key);

-- Filters: with these, the planner intersects (BitmapAnd) the text matches with the kind or department
-- before reading the table, instead of reading every text match and dropping most of them.
create index organization_kind on organization (kind) where deleted_at is null;
create index organization_department on organization (department) where deleted_at is null;

-- Filters on the multi-valued taxonomies.
create index organization_sectors on organization using gin (sectors);
create index organization_strategic_sectors on organization using gin (strategic_sectors);
create index organization_techniques on organization using gin (techniques);

-- Radius search: a bounding box on latitude (then longitude) narrows the rows, the haversine distance decides.
create index organization_coordinates_box on organization (latitude, longitude)
    where latitude is not null and deleted_at is null;
