-- A member's change to a published solution or training waits here for an editor, as an organization's does;
-- the public keep seeing the approved version meanwhile.
alter table solution add column pending_change jsonb, add column pending_since timestamptz;
alter table training add column pending_change jsonb, add column pending_since timestamptz;
