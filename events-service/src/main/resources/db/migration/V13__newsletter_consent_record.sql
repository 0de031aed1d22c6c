-- The newsletter consent is recorded like the registration's (issue 21): the version of the text shown, and the
-- time it was withdrawn through the management link. Consents given before this version have no recorded version.
alter table registration add column newsletter_consent_version text;
alter table registration add column newsletter_withdrawn_at timestamptz;
