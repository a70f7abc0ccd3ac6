-- m008: let the full-text indexes merge their segments less often. FTS5 merges as soon as
-- a level holds 4 segments (automerge=4), so every article ingested was re-merged several
-- times: on 20,000 AllSides articles the merging cost more CPU than tokenizing. At 16 (the
-- level FTS5 forces a merge at anyway, crisismerge) indexing took 3.3-3.7 s instead of 5.9 s,
-- and a search reads at most 16 segments per level (docs/performance.md).
INSERT INTO articles_fts(articles_fts, rank) VALUES ('automerge', 16);
INSERT INTO claims_fts(claims_fts, rank) VALUES ('automerge', 16);
INSERT INTO threads_fts(threads_fts, rank) VALUES ('automerge', 16);
