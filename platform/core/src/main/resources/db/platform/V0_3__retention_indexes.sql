-- The scheduled purge deletes sent outbox rows and inbox rows past the deduplication window a batch at a
-- time; these indexes let each batch find its rows without reading the whole table.
create index outbox_event_sent_at on outbox_event (sent_at) where sent_at is not null;
create index inbox_event_processed_at on inbox_event (processed_at);
