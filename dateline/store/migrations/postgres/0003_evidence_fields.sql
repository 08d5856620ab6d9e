-- 0003: evidence per field, for PostgreSQL (as ../0003_evidence_fields.sql). Which event fields
-- a piece of evidence supports, as a JSON list drawn from event_type, actor1, actor2,
-- event_date, location, fatalities, injured, displaced ('[]': the span supports the event as a
-- whole, as all evidence stored before this did).
ALTER TABLE evidence ADD COLUMN fields TEXT COLLATE "C" NOT NULL DEFAULT '[]';
