-- m003: what links an event mention to the canonical event it reports (events.canonical_event).
-- One row per linked event: its matching key (docs/exports.md, "Mentions, not duplicates"),
-- so a new mention finds its candidates with one index seek on (type, flags, actors, recipients, day).
CREATE TABLE event_mentions (
    article_id  TEXT NOT NULL,
    event_id    TEXT NOT NULL,
    type        TEXT NOT NULL,             -- PLOVER type
    flags       INTEGER NOT NULL,          -- bit mask: negated 1, hypothetical 2, future 4, historical 8, alleged 16
    actors      TEXT NOT NULL,             -- sorted distinct actor codes, ';'-joined
    recipients  TEXT NOT NULL,             -- the same for recipients
    day         TEXT,                      -- event date, else publication day (ISO)
    minhash     BLOB NOT NULL,             -- MinHash of the sentence's content words (uint32 LE)
    PRIMARY KEY (article_id, event_id),
    FOREIGN KEY (article_id, event_id) REFERENCES events(article_id, id) ON DELETE CASCADE
);
CREATE INDEX event_mentions_match ON event_mentions(type, flags, actors, recipients, day);
