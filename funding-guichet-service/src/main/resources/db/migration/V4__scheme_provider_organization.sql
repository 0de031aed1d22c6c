-- The directory organization that provides a scheme: its advisors (token claim `org`) may change or close it.
-- Schemes without one (the seeds, or published by an admin without naming it) are changed by admins only.
alter table scheme add column provider_organization_id uuid;
create index scheme_provider_organization on scheme (provider_organization_id);
