-- When the reminder the day before was published (events.registration-notices.v1, type .reminder): sent once.
alter table registration add column reminded_at timestamptz;
create index registration_to_remind on registration (original_start) where status = 'CONFIRMED' and reminded_at is null;
