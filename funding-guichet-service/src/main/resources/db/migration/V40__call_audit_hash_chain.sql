-- The audit trail of calls becomes a hash chain per call (issue 21): each entry keeps the HMAC of its actor
-- (actor_digest) and sha256(previous entry_hash || its canonical content). Erasing a person replaces the actor (and
-- a juror named in the details) with their pseudonym; the digests stay, so the chain still verifies.
-- V41 (a Java migration: the HMAC key is configuration) fills both for the entries written before, then makes them
-- required.
alter table call_audit add column actor_digest text;
alter table call_audit add column entry_hash text;
