-- The other verticles' administrative and seller changes reach the audit trail as AuditRecorded events on
-- polymart.audit (schemas/events/polymart.audit.json). event_id makes their recording idempotent (an event delivered
-- twice is kept once); it is NULL for the users verticle's own entries, written directly with their change.
ALTER TABLE audit_log ADD COLUMN event_id UUID UNIQUE;

-- Records the audit consumer gave up on (unreadable, or failing every attempt): kept for an operator to inspect.
CREATE TABLE parked_events (
  consumer_group TEXT NOT NULL,
  topic          TEXT NOT NULL,
  partition_no   INT NOT NULL,
  record_offset  BIGINT NOT NULL,
  record_key     TEXT,
  record_value   TEXT,
  event_id       TEXT,
  event_type     TEXT,
  error          TEXT NOT NULL,
  attempts       INT NOT NULL,
  parked_at      TIMESTAMPTZ NOT NULL,
  PRIMARY KEY (consumer_group, topic, partition_no, record_offset)
);
