-- The W3C trace context of the request that wrote the event, sent with it as Kafka headers, so the
-- consumer's span continues the producer's trace although the relay publishes later, on another thread.
alter table outbox_event add column traceparent text;
alter table outbox_event add column tracestate text;
