-- m001: articles, their full-text index, ingest runs and ingest errors.
CREATE TABLE articles (
    pk             INTEGER PRIMARY KEY,          -- integer key the FTS index points to
    id             TEXT NOT NULL UNIQUE,         -- sha256 of the normalized body, 16 hex digits
    source_path    TEXT,
    source_record  INTEGER,                      -- line/row/record number within source_path
    source_id      TEXT,                         -- the id the source gave the record
    body_offset    INTEGER NOT NULL DEFAULT 0,
    url            TEXT,
    outlet         TEXT,
    published      TEXT,                         -- ISO 8601 date or date-time
    title          TEXT,
    byline         TEXT,
    dateline_place TEXT,
    dateline_credits TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(dateline_credits)),
    dateline_date  TEXT,
    language       TEXT,
    encoding       TEXT,
    text           TEXT NOT NULL,
    version        INTEGER NOT NULL DEFAULT 1,   -- 1 + the version it supersedes
    supersedes     TEXT REFERENCES articles(id), -- earlier text at the same URL
    ingested_at    TEXT NOT NULL,
    extracted_at   TEXT                          -- when the NLP layers last ran on it
);
CREATE INDEX articles_outlet_published ON articles(outlet, published);
CREATE INDEX articles_published ON articles(published);
-- Partial indexes: most articles have no URL version chain, and NULLs cost nothing here.
CREATE INDEX articles_url ON articles(url, version) WHERE url IS NOT NULL;
CREATE INDEX articles_supersedes ON articles(supersedes) WHERE supersedes IS NOT NULL;

CREATE VIRTUAL TABLE articles_fts USING fts5(
    title, text, content='articles', content_rowid='pk', tokenize='unicode61 remove_diacritics 2'
);
-- The index is filled in batches, not by an insert trigger: every article is still committed
-- on its own, but indexing one article per commit writes a new FTS5 segment each time and
-- costs more than the rest of ingest together. _fts_state.indexed_until is the highest
-- articles.pk in the index; the writer indexes what lies above it every few hundred articles,
-- at the end of each ingest, and on the next writable open after a crash.
CREATE TABLE _fts_state (
    id            INTEGER PRIMARY KEY CHECK (id = 1),
    indexed_until INTEGER NOT NULL DEFAULT 0
);
INSERT INTO _fts_state(id, indexed_until) VALUES (1, 0);
CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles
WHEN old.pk <= (SELECT indexed_until FROM _fts_state WHERE id = 1) BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.pk, old.title, old.text);
END;
CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, text ON articles
WHEN old.pk <= (SELECT indexed_until FROM _fts_state WHERE id = 1) BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.pk, old.title, old.text);
    INSERT INTO articles_fts(rowid, title, text) VALUES (new.pk, new.title, new.text);
END;

CREATE TABLE ingest_runs (
    id          INTEGER PRIMARY KEY,
    started_at  TEXT NOT NULL,
    finished_at TEXT,                            -- NULL: the run was interrupted
    inputs      TEXT NOT NULL CHECK (json_valid(inputs)),
    options     TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(options)),
    read        INTEGER NOT NULL DEFAULT 0,
    added       INTEGER NOT NULL DEFAULT 0,
    versions    INTEGER NOT NULL DEFAULT 0,
    duplicates  INTEGER NOT NULL DEFAULT 0,
    skipped     INTEGER NOT NULL DEFAULT 0,
    errors      INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE ingest_errors (
    id        INTEGER PRIMARY KEY,
    run_id    INTEGER REFERENCES ingest_runs(id) ON DELETE CASCADE,
    path      TEXT NOT NULL,
    record    INTEGER,
    code      TEXT NOT NULL,
    level     TEXT NOT NULL CHECK (level IN ('error', 'skip')),
    reason    TEXT NOT NULL,
    at        TEXT NOT NULL
);
CREATE INDEX ingest_errors_run ON ingest_errors(run_id);
