-- m006: what a thread listing needs without reading the thread's claims (docs/schema.md).
-- 1. Stance counters, kept up to date by the writer like `articles` and `claims`: a listing
--    shows each thread's balance, and counting the holders of a thread of thousands of
--    articles for every listed thread is too slow.
ALTER TABLE threads ADD COLUMN asserts   INTEGER NOT NULL DEFAULT 0;
ALTER TABLE threads ADD COLUMN denies    INTEGER NOT NULL DEFAULT 0;
ALTER TABLE threads ADD COLUMN doubts    INTEGER NOT NULL DEFAULT 0;
ALTER TABLE threads ADD COLUMN requests  INTEGER NOT NULL DEFAULT 0;
ALTER TABLE threads ADD COLUMN questions INTEGER NOT NULL DEFAULT 0;
UPDATE threads SET
    asserts   = (SELECT count(*) FROM claims c JOIN claim_holders h ON h.article_id = c.article_id AND h.claim_id = c.id WHERE c.thread_id = threads.id AND h.stance = 'assert'),
    denies    = (SELECT count(*) FROM claims c JOIN claim_holders h ON h.article_id = c.article_id AND h.claim_id = c.id WHERE c.thread_id = threads.id AND h.stance = 'deny'),
    doubts    = (SELECT count(*) FROM claims c JOIN claim_holders h ON h.article_id = c.article_id AND h.claim_id = c.id WHERE c.thread_id = threads.id AND h.stance = 'doubt'),
    requests  = (SELECT count(*) FROM claims c JOIN claim_holders h ON h.article_id = c.article_id AND h.claim_id = c.id WHERE c.thread_id = threads.id AND h.stance = 'request'),
    questions = (SELECT count(*) FROM claims c JOIN claim_holders h ON h.article_id = c.article_id AND h.claim_id = c.id WHERE c.thread_id = threads.id AND h.stance = 'question');

-- 2. Full-text search over each thread's claim and key terms ("threads --about drones"),
--    so a search is one index range, not a scan of every matching claim.
CREATE VIRTUAL TABLE threads_fts USING fts5(claim, terms, content='threads', content_rowid='rowid');
INSERT INTO threads_fts(threads_fts) VALUES ('rebuild');
CREATE TRIGGER threads_fts_insert AFTER INSERT ON threads BEGIN
    INSERT INTO threads_fts(rowid, claim, terms) VALUES (new.rowid, new.claim, new.terms);
END;
CREATE TRIGGER threads_fts_delete AFTER DELETE ON threads BEGIN
    INSERT INTO threads_fts(threads_fts, rowid, claim, terms) VALUES ('delete', old.rowid, old.claim, old.terms);
END;
