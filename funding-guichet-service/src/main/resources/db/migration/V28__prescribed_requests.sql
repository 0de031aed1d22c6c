-- Requests a prescriber (a chamber's or employers' body's advisor) files on behalf of a very small business: not
-- routed until the business confirms them, through its secret link (only its SHA-256 is kept) or its member login.
alter table funding_request
    add column prescribed_by              text,
    add column prescriber_organization_id uuid,
    add column confirmation_token_hash    text,
    add column confirmed_at               timestamptz;
create index funding_request_prescribed_by on funding_request (prescribed_by, submitted_at desc) where prescribed_by is not null;
