-- 0005: an event's date basis, for PostgreSQL (as ../0005_event_date_basis.sql: 'run' for an
-- undated event, '' otherwise, as all events stored before this).
ALTER TABLE events ADD COLUMN date_basis TEXT COLLATE "C" NOT NULL DEFAULT '';
