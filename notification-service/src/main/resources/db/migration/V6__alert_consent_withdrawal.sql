-- The withdrawal of an alert's consent is recorded (issue 21): the confirmed subscription is deleted with its
-- address, and what remains is the proof that the consent was given (text version, time) and withdrawn (time),
-- under a SHA-256 of the address rather than the address. Kept 3 years (sudia.notifications.alerts.withdrawal-retention).
create table alert_consent_withdrawal (
    subscription_id      uuid        primary key,
    email_sha256         char(64)    not null,
    kind                 text        not null,
    consent_text_version text,
    consent_at           timestamptz,
    withdrawn_at         timestamptz not null,
    -- MANAGE_LINK: the person, through the management link in every alert
    channel              text        not null
);
create index alert_consent_withdrawal_by_time on alert_consent_withdrawal (withdrawn_at);
