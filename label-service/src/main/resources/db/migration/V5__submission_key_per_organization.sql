-- An Idempotency-Key is the organization's own: two organizations may pick the same key, and one organization's
-- key never answers another's application.
alter table submission_request add column organization_id uuid;
update submission_request s set organization_id = a.organization_id from label_application a where a.id = s.application_id;
alter table submission_request alter column organization_id set not null;
alter table submission_request drop constraint submission_request_pkey;
alter table submission_request add constraint submission_request_pkey primary key (organization_id, idempotency_key);
