-- 0006: an event's source ids and URLs, for PostgreSQL (as ../0006_event_sources.sql).
ALTER TABLE events ADD COLUMN source_ids TEXT COLLATE "C" NOT NULL DEFAULT '[]';
ALTER TABLE events ADD COLUMN source_urls TEXT COLLATE "C" NOT NULL DEFAULT '[]';
ALTER TABLE articles ADD COLUMN source_id TEXT COLLATE "C";
