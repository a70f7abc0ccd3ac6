-- m002: what extraction adds to an article, shaped after claimgraph.document/1.
-- Rows belong to an article (ON DELETE CASCADE) and keep their contract ids ("n0", "a1",
-- "v2", "c0") so a stored document can be rebuilt exactly. Offsets index articles.text.
CREATE TABLE entities (
    article_id  TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    id          TEXT NOT NULL,
    text        TEXT NOT NULL,
    start       INTEGER NOT NULL,
    "end"       INTEGER NOT NULL,
    label       TEXT,
    actor_code  TEXT,
    actor_sector TEXT,
    actor_name  TEXT,
    actor_wikidata TEXT,
    PRIMARY KEY (article_id, id)
);
CREATE INDEX entities_actor ON entities(actor_code, actor_sector);

CREATE TABLE times (
    article_id  TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    idx         INTEGER NOT NULL,
    text        TEXT NOT NULL,
    start       INTEGER NOT NULL,
    "end"       INTEGER NOT NULL,
    value       TEXT,
    granularity TEXT,
    anchor      TEXT,                      -- the date the value was resolved against
    PRIMARY KEY (article_id, idx)
);

CREATE TABLE attributions (
    article_id  TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    id          TEXT NOT NULL,
    source_text TEXT, source_start INTEGER, source_end INTEGER,
    source_actor_code TEXT, source_actor_sector TEXT, source_actor_name TEXT, source_actor_wikidata TEXT,
    cue_text    TEXT, cue_start INTEGER, cue_end INTEGER,
    content_text TEXT, content_start INTEGER, content_end INTEGER,
    content_fragments TEXT CHECK (content_fragments IS NULL OR json_valid(content_fragments)),
    kind        TEXT CHECK (kind IS NULL OR kind IN ('direct', 'indirect', 'mixed')),
    stance      TEXT,
    time_text   TEXT, time_value TEXT, time_granularity TEXT,
    PRIMARY KEY (article_id, id)
);
CREATE INDEX attributions_source_actor ON attributions(source_actor_code);

CREATE TABLE attribution_cites (
    article_id  TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    attribution_id TEXT NOT NULL,
    cited       TEXT NOT NULL,             -- another attribution id, or a source chain label
    PRIMARY KEY (article_id, attribution_id, cited)
);

CREATE TABLE events (
    article_id  TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    id          TEXT NOT NULL,
    type        TEXT NOT NULL,             -- PLOVER event type
    mode        TEXT,
    context     TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(context)),
    cameo       TEXT,
    goldstein   REAL,
    trigger_text TEXT, trigger_start INTEGER, trigger_end INTEGER,
    sentence_start INTEGER, sentence_end INTEGER,
    date        TEXT, date_granularity TEXT,
    negated     INTEGER NOT NULL DEFAULT 0, hypothetical INTEGER NOT NULL DEFAULT 0,
    future      INTEGER NOT NULL DEFAULT 0, historical INTEGER NOT NULL DEFAULT 0,
    alleged     INTEGER NOT NULL DEFAULT 0,
    attribution_id TEXT,
    canonical_event TEXT,                  -- the cross-article event this is a mention of
    PRIMARY KEY (article_id, id)
);
CREATE INDEX events_type_date ON events(type, date);
CREATE INDEX events_canonical ON events(canonical_event);

CREATE TABLE event_participants (
    article_id  TEXT NOT NULL,
    event_id    TEXT NOT NULL,
    role        TEXT NOT NULL CHECK (role IN ('actor', 'recipient')),
    idx         INTEGER NOT NULL,
    text        TEXT, start INTEGER, "end" INTEGER,
    code        TEXT, sector TEXT, wikidata TEXT,
    PRIMARY KEY (article_id, event_id, role, idx),
    FOREIGN KEY (article_id, event_id) REFERENCES events(article_id, id) ON DELETE CASCADE
);
CREATE INDEX event_participants_code ON event_participants(code, role);

CREATE TABLE threads (
    id          TEXT PRIMARY KEY,
    claim       TEXT NOT NULL,
    subject_code TEXT, subject_name TEXT,
    predicate   TEXT,
    object_code TEXT, object_name TEXT,
    terms       TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(terms)),
    first_seen  TEXT,
    last_seen   TEXT
);
CREATE INDEX threads_subject ON threads(subject_code, predicate, object_code);

CREATE TABLE claims (
    article_id  TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    id          TEXT NOT NULL,
    text        TEXT NOT NULL,
    subject_code TEXT, predicate TEXT, object_code TEXT,
    terms       TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(terms)),
    evidence    TEXT CHECK (evidence IS NULL OR evidence IN ('none_presented', 'presented', 'disputed')),
    evidence_voice TEXT,                   -- 'outlet' or the attribution id whose source says it
    thread_id   TEXT REFERENCES threads(id) ON DELETE SET NULL,
    PRIMARY KEY (article_id, id)
);
CREATE INDEX claims_thread ON claims(thread_id);
CREATE INDEX claims_subject ON claims(subject_code, predicate, object_code);

CREATE TABLE claim_holders (
    article_id  TEXT NOT NULL,
    claim_id    TEXT NOT NULL,
    idx         INTEGER NOT NULL,
    actor_code  TEXT, actor_name TEXT,
    stance      TEXT NOT NULL,
    attribution_id TEXT,
    event_id    TEXT,
    PRIMARY KEY (article_id, claim_id, idx),
    FOREIGN KEY (article_id, claim_id) REFERENCES claims(article_id, id) ON DELETE CASCADE
);
CREATE INDEX claim_holders_actor ON claim_holders(actor_code, stance);
