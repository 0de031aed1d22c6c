-- What an advisor committed when closing a request as HELPED: the scheme(s) mobilised and the amount in euros
-- (0 for help without money). Published on funding.requests.v1 for the plan's impact indicators.
alter table request_assignment
    add column committed_scheme_ids uuid[] not null default '{}',
    add column amount_committed_eur bigint check (amount_committed_eur >= 0);
