-- 0001: the initial dateline schema.
-- Plain tables with TEXT / INTEGER / REAL columns; lists and objects are JSON stored as TEXT,
-- so the file opens in any SQLite tool. Offsets ("start", "end") index articles.clean_text.

CREATE TABLE runs (
    run_id      TEXT PRIMARY KEY,
    started_at  TEXT NOT NULL,
    finished_at TEXT,
    command     TEXT NOT NULL DEFAULT '',
    inputs      TEXT NOT NULL DEFAULT '[]',   -- JSON list of input paths
    counts      TEXT NOT NULL DEFAULT '{}'    -- JSON: processed / skipped / quarantined / failed
);

CREATE TABLE articles (
    id             TEXT PRIMARY KEY,          -- content hash (Document.id)
    origin         TEXT NOT NULL DEFAULT '',
    kind           TEXT NOT NULL DEFAULT 'text',
    url            TEXT,
    title          TEXT,
    published      TEXT,
    outlet         TEXT,
    agency         TEXT,
    language       TEXT,
    dateline_place TEXT,
    raw_text       TEXT NOT NULL,
    clean_text     TEXT NOT NULL DEFAULT '',
    captions       TEXT NOT NULL DEFAULT '[]',  -- JSON list of str
    flags          TEXT NOT NULL DEFAULT '[]',  -- JSON list of str
    outcome        TEXT NOT NULL DEFAULT 'processed',
    reason         TEXT NOT NULL DEFAULT '',
    first_seen     TEXT NOT NULL,
    last_seen      TEXT NOT NULL,
    run_id         TEXT                         -- the last run that saw it
);

-- Replaced wholesale for an article each time it is saved.
CREATE TABLE annotations (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    kind       TEXT NOT NULL
               CHECK (kind IN ('entity', 'place', 'time', 'quote', 'quantity', 'edit', 'watch')),
    "start"    INTEGER NOT NULL,
    "end"      INTEGER NOT NULL,
    text       TEXT NOT NULL DEFAULT '',
    data       TEXT NOT NULL DEFAULT '{}'       -- JSON: the whole record
);
CREATE INDEX annotations_article ON annotations(article_id, kind);

CREATE TABLE events (
    event_id           TEXT PRIMARY KEY,
    event_date         TEXT NOT NULL,           -- ISO YYYY-MM-DD
    time_precision     INTEGER NOT NULL,
    disorder_type      TEXT NOT NULL DEFAULT '',
    event_type         TEXT NOT NULL DEFAULT '',
    sub_event_type     TEXT NOT NULL DEFAULT '',
    actor1             TEXT NOT NULL DEFAULT '',
    assoc_actor_1      TEXT NOT NULL DEFAULT '',
    inter1             INTEGER NOT NULL DEFAULT 0,
    actor2             TEXT NOT NULL DEFAULT '',
    assoc_actor_2      TEXT NOT NULL DEFAULT '',
    inter2             INTEGER NOT NULL DEFAULT 0,
    interaction        INTEGER NOT NULL DEFAULT 0,
    civilian_targeting TEXT NOT NULL DEFAULT '',
    country            TEXT NOT NULL DEFAULT '',
    iso3               TEXT NOT NULL DEFAULT '',
    admin1             TEXT NOT NULL DEFAULT '',
    admin2             TEXT NOT NULL DEFAULT '',
    location           TEXT NOT NULL DEFAULT '',
    latitude           REAL,
    longitude          REAL,
    geo_precision      INTEGER NOT NULL DEFAULT 3,
    geonames_id        INTEGER,
    source             TEXT NOT NULL DEFAULT '',
    notes              TEXT NOT NULL DEFAULT '',
    fatalities         INTEGER NOT NULL DEFAULT 0,
    injured            INTEGER NOT NULL DEFAULT 0,
    displaced          INTEGER NOT NULL DEFAULT 0,
    confidence         REAL NOT NULL DEFAULT 0.5,
    article_ids        TEXT NOT NULL DEFAULT '[]',  -- JSON list of article ids
    sources_count      INTEGER NOT NULL DEFAULT 1,
    created_at         TEXT NOT NULL,
    updated_at         TEXT NOT NULL
);
CREATE INDEX events_date ON events(event_date);
CREATE INDEX events_country ON events(country);
CREATE INDEX events_type ON events(event_type);

-- The characters of an article that support an event. The article may not be stored
-- (an event merged from another database), so article_id is not a foreign key.
CREATE TABLE evidence (
    event_id   TEXT NOT NULL REFERENCES events(event_id) ON DELETE CASCADE,
    article_id TEXT NOT NULL,
    "start"    INTEGER NOT NULL,
    "end"      INTEGER NOT NULL,
    text       TEXT NOT NULL DEFAULT '',
    UNIQUE (event_id, article_id, "start", "end")
);
CREATE INDEX evidence_article ON evidence(article_id);

CREATE TABLE outcomes (
    run_id     TEXT NOT NULL REFERENCES runs(run_id) ON DELETE CASCADE,
    origin     TEXT NOT NULL,
    status     TEXT NOT NULL
               CHECK (status IN ('processed', 'skipped', 'quarantined', 'failed')),
    reason     TEXT NOT NULL DEFAULT '',
    article_id TEXT,
    events     INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX outcomes_run ON outcomes(run_id);
