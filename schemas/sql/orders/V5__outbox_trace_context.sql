-- The W3C trace context (traceparent) of the work that wrote the event, if it was traced: the relay sends it as the
-- Kafka record's header, so the consumer's handling joins the same trace.
ALTER TABLE outbox ADD COLUMN trace_context TEXT;
