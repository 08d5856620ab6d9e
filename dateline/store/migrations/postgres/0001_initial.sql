-- 0001: the initial dateline schema, for PostgreSQL (the same tables as ../0001_initial.sql).
-- Text columns use the "C" collation, so that sorting and comparing are by code point, as in
-- SQLite, whatever the server's default collation; lists and objects are JSON stored as TEXT.
-- annotations, evidence and outcomes have a `rowid` column (insertion order, as SQLite's
-- implicit rowid). Offsets ("start", "end") index articles.clean_text.

CREATE TABLE runs (
    run_id      TEXT COLLATE "C" PRIMARY KEY,
    started_at  TEXT COLLATE "C" NOT NULL,
    finished_at TEXT COLLATE "C",
    command     TEXT COLLATE "C" NOT NULL DEFAULT '',
    inputs      TEXT COLLATE "C" NOT NULL DEFAULT '[]',   -- JSON list of input paths
    counts      TEXT COLLATE "C" NOT NULL DEFAULT '{}'    -- JSON: processed / skipped / ...
);

CREATE TABLE articles (
    id             TEXT COLLATE "C" PRIMARY KEY,          -- content hash (Document.id)
    origin         TEXT COLLATE "C" NOT NULL DEFAULT '',
    kind           TEXT COLLATE "C" NOT NULL DEFAULT 'text',
    url            TEXT COLLATE "C",
    title          TEXT COLLATE "C",
    published      TEXT COLLATE "C",
    outlet         TEXT COLLATE "C",
    agency         TEXT COLLATE "C",
    language       TEXT COLLATE "C",
    dateline_place TEXT COLLATE "C",
    raw_text       TEXT COLLATE "C" NOT NULL,
    clean_text     TEXT COLLATE "C" NOT NULL DEFAULT '',
    captions       TEXT COLLATE "C" NOT NULL DEFAULT '[]',  -- JSON list of str
    flags          TEXT COLLATE "C" NOT NULL DEFAULT '[]',  -- JSON list of str
    outcome        TEXT COLLATE "C" NOT NULL DEFAULT 'processed',
    reason         TEXT COLLATE "C" NOT NULL DEFAULT '',
    first_seen     TEXT COLLATE "C" NOT NULL,
    last_seen      TEXT COLLATE "C" NOT NULL,
    run_id         TEXT COLLATE "C"                         -- the last run that saw it
);

-- Replaced wholesale for an article each time it is saved.
CREATE TABLE annotations (
    rowid      BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    article_id TEXT COLLATE "C" NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    kind       TEXT COLLATE "C" NOT NULL
               CHECK (kind IN ('entity', 'place', 'time', 'quote', 'quantity', 'edit', 'watch')),
    "start"    INTEGER NOT NULL,
    "end"      INTEGER NOT NULL,
    text       TEXT COLLATE "C" NOT NULL DEFAULT '',
    data       TEXT COLLATE "C" NOT NULL DEFAULT '{}'       -- JSON: the whole record
);
CREATE INDEX annotations_article ON annotations(article_id, kind);

CREATE TABLE events (
    event_id           TEXT COLLATE "C" PRIMARY KEY,
    event_date         TEXT COLLATE "C" NOT NULL,           -- ISO YYYY-MM-DD
    time_precision     INTEGER NOT NULL,
    disorder_type      TEXT COLLATE "C" NOT NULL DEFAULT '',
    event_type         TEXT COLLATE "C" NOT NULL DEFAULT '',
    sub_event_type     TEXT COLLATE "C" NOT NULL DEFAULT '',
    actor1             TEXT COLLATE "C" NOT NULL DEFAULT '',
    assoc_actor_1      TEXT COLLATE "C" NOT NULL DEFAULT '',
    inter1             INTEGER NOT NULL DEFAULT 0,
    actor2             TEXT COLLATE "C" NOT NULL DEFAULT '',
    assoc_actor_2      TEXT COLLATE "C" NOT NULL DEFAULT '',
    inter2             INTEGER NOT NULL DEFAULT 0,
    interaction        INTEGER NOT NULL DEFAULT 0,
    civilian_targeting TEXT COLLATE "C" NOT NULL DEFAULT '',
    country            TEXT COLLATE "C" NOT NULL DEFAULT '',
    iso3               TEXT COLLATE "C" NOT NULL DEFAULT '',
    admin1             TEXT COLLATE "C" NOT NULL DEFAULT '',
    admin2             TEXT COLLATE "C" NOT NULL DEFAULT '',
    location           TEXT COLLATE "C" NOT NULL DEFAULT '',
    latitude           DOUBLE PRECISION,
    longitude          DOUBLE PRECISION,
    geo_precision      INTEGER NOT NULL DEFAULT 3,
    geonames_id        BIGINT,
    source             TEXT COLLATE "C" NOT NULL DEFAULT '',
    notes              TEXT COLLATE "C" NOT NULL DEFAULT '',
    fatalities         BIGINT NOT NULL DEFAULT 0,
    injured            BIGINT NOT NULL DEFAULT 0,
    displaced          BIGINT NOT NULL DEFAULT 0,
    confidence         DOUBLE PRECISION NOT NULL DEFAULT 0.5,
    article_ids        TEXT COLLATE "C" NOT NULL DEFAULT '[]',  -- JSON list of article ids
    sources_count      INTEGER NOT NULL DEFAULT 1,
    created_at         TEXT COLLATE "C" NOT NULL,
    updated_at         TEXT COLLATE "C" NOT NULL
);
CREATE INDEX events_date ON events(event_date);
CREATE INDEX events_country ON events(country);
CREATE INDEX events_type ON events(event_type);

-- The characters of an article that support an event. The article may not be stored
-- (an event merged from another database), so article_id is not a foreign key.
CREATE TABLE evidence (
    rowid      BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    event_id   TEXT COLLATE "C" NOT NULL REFERENCES events(event_id) ON DELETE CASCADE,
    article_id TEXT COLLATE "C" NOT NULL,
    "start"    INTEGER NOT NULL,
    "end"      INTEGER NOT NULL,
    text       TEXT COLLATE "C" NOT NULL DEFAULT '',
    UNIQUE (event_id, article_id, "start", "end")
);
CREATE INDEX evidence_article ON evidence(article_id);

CREATE TABLE outcomes (
    rowid      BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    run_id     TEXT COLLATE "C" NOT NULL REFERENCES runs(run_id) ON DELETE CASCADE,
    origin     TEXT COLLATE "C" NOT NULL,
    status     TEXT COLLATE "C" NOT NULL
               CHECK (status IN ('processed', 'skipped', 'quarantined', 'failed')),
    reason     TEXT COLLATE "C" NOT NULL DEFAULT '',
    article_id TEXT COLLATE "C",
    events     INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX outcomes_run ON outcomes(run_id);
