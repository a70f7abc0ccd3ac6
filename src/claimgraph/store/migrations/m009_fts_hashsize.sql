-- m009: let the articles' full-text index gather 16 MiB of terms in memory (FTS5's
-- hashsize; the default is 1 MiB) before it writes them out as a segment. A batch of 2,000
-- articles (about 12 MB of text) was flushed in a dozen small segments, each merged again
-- later; on 20,000 AllSides articles indexing took 3.5-4.8 s with 8-32 MiB against
-- 5.2-5.3 s with 1 MiB (docs/performance.md). The memory is held only while a batch is
-- indexed.
INSERT INTO articles_fts(articles_fts, rank) VALUES ('hashsize', 16777216);
