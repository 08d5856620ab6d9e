-- 0006: the input records' own ids and URLs of the articles an event was read from, as JSON
-- lists ('[]' for events stored before this): what joins an event back to the user's data.
ALTER TABLE events ADD COLUMN source_ids TEXT NOT NULL DEFAULT '[]';
ALTER TABLE events ADD COLUMN source_urls TEXT NOT NULL DEFAULT '[]';
-- and the input record's own id on the article (NULL: none was given, or stored before this)
ALTER TABLE articles ADD COLUMN source_id TEXT;
