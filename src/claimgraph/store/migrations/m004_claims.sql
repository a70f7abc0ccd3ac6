-- m004: claims, their holders and threads, as the claim layer (claimgraph/claims) builds them.
-- m002's claim tables were placeholders that no release ever wrote to, so they are replaced
-- rather than altered (SQLite cannot change a CHECK constraint in place).
DROP TABLE IF EXISTS claim_holders;
DROP TABLE IF EXISTS claims;
DROP TABLE IF EXISTS threads;

-- One claim followed across articles (docs/claims.md, "Threads"). Its key is the actor
-- signature (subject and object codes); `minhash` is the signature of its first claim's words,
-- which later claims are compared against. Counters are kept up to date by the writer.
CREATE TABLE threads (
    id           TEXT PRIMARY KEY,
    claim        TEXT NOT NULL,            -- the first claim's text
    subject_code TEXT, subject_name TEXT,
    predicate    TEXT,
    object_code  TEXT, object_name TEXT,
    terms        TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(terms)),
    first_seen   TEXT,                     -- earliest publication date (ISO), NULL when none known
    last_seen    TEXT,
    articles     INTEGER NOT NULL DEFAULT 0,
    claims       INTEGER NOT NULL DEFAULT 0,
    minhash      BLOB NOT NULL
);
CREATE INDEX threads_signature ON threads(subject_code, object_code, last_seen);
CREATE INDEX threads_articles ON threads(articles DESC, last_seen DESC);

CREATE TABLE claims (
    article_id   TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    id           TEXT NOT NULL,
    text         TEXT NOT NULL,
    start        INTEGER NOT NULL,
    "end"        INTEGER NOT NULL,
    subject_code TEXT, subject_name TEXT, subject_sector TEXT,
    predicate    TEXT,
    object_code  TEXT, object_name TEXT, object_sector TEXT,
    terms        TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(terms)),
    events       TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(events)),
    contested    INTEGER NOT NULL DEFAULT 0,
    evidence     TEXT CHECK (evidence IS NULL OR evidence IN ('none_presented', 'presented', 'disputed', 'unverified')),
    evidence_voice TEXT,                   -- 'outlet' or the attribution id whose source says it
    evidence_start INTEGER, evidence_end INTEGER,
    published    TEXT,                     -- the article's publication date, copied for ordering
    thread_id    TEXT REFERENCES threads(id) ON DELETE SET NULL,
    PRIMARY KEY (article_id, id)
);
CREATE INDEX claims_thread ON claims(thread_id, published);
CREATE INDEX claims_subject ON claims(subject_code, published);
CREATE INDEX claims_object ON claims(object_code, published);
CREATE INDEX claims_published ON claims(published);

CREATE TABLE claim_holders (
    article_id   TEXT NOT NULL,
    claim_id     TEXT NOT NULL,
    idx          INTEGER NOT NULL,
    actor_code   TEXT, actor_name TEXT, actor_sector TEXT,
    stance       TEXT NOT NULL,
    attribution_id TEXT,
    event_id     TEXT,
    published    TEXT,
    PRIMARY KEY (article_id, claim_id, idx),
    FOREIGN KEY (article_id, claim_id) REFERENCES claims(article_id, id) ON DELETE CASCADE
);
CREATE INDEX claim_holders_actor ON claim_holders(actor_code, stance, published);
CREATE INDEX claim_holders_actor_date ON claim_holders(actor_code, published);

-- Full-text search over claim texts and terms ("claimgraph claims --about drones").
CREATE VIRTUAL TABLE claims_fts USING fts5(text, terms, content='claims', content_rowid='rowid');
CREATE TRIGGER claims_fts_insert AFTER INSERT ON claims BEGIN
    INSERT INTO claims_fts(rowid, text, terms) VALUES (new.rowid, new.text, new.terms);
END;
CREATE TRIGGER claims_fts_delete AFTER DELETE ON claims BEGIN
    INSERT INTO claims_fts(claims_fts, rowid, text, terms) VALUES ('delete', old.rowid, old.text, old.terms);
END;
