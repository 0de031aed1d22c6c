-- CALLS alerts: new competitive calls (funding.calls.v1), filtered by who may apply (none: any).
alter table alert_subscription add column applicant_types text[] not null default '{}';
