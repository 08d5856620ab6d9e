-- 0002: one event, many sources (dateline.merge), for PostgreSQL (as ../0002_merge.sql).
-- Near-duplicate articles (MinHash signatures and their LSH bands), each article's own reading of
-- an event (event_reports) and the merged event it joined, the range of the figures the sources
-- gave, and story threads linking events across days.

-- UCDP-style range of the fatality figures the sources gave; events.fatalities is the lowest
-- (ACLED's conservative rule). NULL: one figure only (an event from one article).
ALTER TABLE events ADD COLUMN fatalities_low BIGINT;
ALTER TABLE events ADD COLUMN fatalities_best BIGINT;
ALTER TABLE events ADD COLUMN fatalities_high BIGINT;

-- One row per article that went through merging (an empty signature for an article without
-- text): its MinHash signature over word shingles of clean_text.
CREATE TABLE article_signatures (
    article_id TEXT COLLATE "C" PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    shingles   INTEGER NOT NULL DEFAULT 0,      -- distinct shingles in the article
    signature  BYTEA NOT NULL,                  -- MinHash values, little-endian uint32
    merged_at  TEXT COLLATE "C" NOT NULL
);

-- LSH bands of the signatures: two articles sharing a band are candidate near-duplicates.
CREATE TABLE article_bands (
    band_key   TEXT COLLATE "C" NOT NULL,
    article_id TEXT COLLATE "C" NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    UNIQUE (band_key, article_id)
);
CREATE INDEX article_bands_article ON article_bands(article_id);

-- A syndicated copy or re-publication and the first stored article it copies.
CREATE TABLE article_duplicates (
    article_id  TEXT COLLATE "C" PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    original_id TEXT COLLATE "C" NOT NULL,
    similarity  DOUBLE PRECISION NOT NULL       -- estimated Jaccard similarity of the shingles
);
CREATE INDEX article_duplicates_original ON article_duplicates(original_id);

-- Each article's own reading of an event (the coder's record, JSON) and the merged event
-- (events.event_id) it belongs to; event_id is NULL when a near-duplicate copy's report only
-- repeats text of its original that the original's events already stand for.
CREATE TABLE event_reports (
    report_id   TEXT COLLATE "C" PRIMARY KEY,   -- the event_id the coder gave it
    article_id  TEXT COLLATE "C" NOT NULL,
    event_id    TEXT COLLATE "C",
    event_date  TEXT COLLATE "C" NOT NULL,
    country     TEXT COLLATE "C" NOT NULL DEFAULT '',
    data        TEXT COLLATE "C" NOT NULL       -- JSON: the event record as coded
);
CREATE INDEX event_reports_article ON event_reports(article_id);
CREATE INDEX event_reports_event ON event_reports(event_id);
CREATE INDEX event_reports_date ON event_reports(event_date, country);

-- Story threads: events linked across days (same place, actors and family of event types).
-- story_id is the event_id of the story's first event.
CREATE TABLE story_events (
    event_id TEXT COLLATE "C" PRIMARY KEY REFERENCES events(event_id) ON DELETE CASCADE,
    story_id TEXT COLLATE "C" NOT NULL
);
CREATE INDEX story_events_story ON story_events(story_id);
