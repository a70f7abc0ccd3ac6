-- m005: indexes that give the web API's per-actor lists in their order, so a page is read
-- from an index range whatever the actor (docs/web.md, "Load"). Without them, a rarely seen
-- actor made SQLite walk every thread (or every claim of a common subject) to fill a page.

-- Threads naming an actor as subject or object, most reported first, as list_threads orders
-- them (articles DESC, last_seen DESC, id); the two ranges are merged and cut to the page.
CREATE INDEX threads_subject_rank ON threads(subject_code, articles DESC, last_seen DESC, id);
CREATE INDEX threads_object_rank ON threads(object_code, articles DESC, last_seen DESC, id);

-- Contested claims about a subject, newest first (an actor's "accused of" list). Partial:
-- few claims are contested, so the index stays small.
CREATE INDEX claims_contested_subject ON claims(subject_code, published) WHERE contested = 1;

-- An actor's attributions and event roles, newest article first: attributions and events
-- carry no date, so the order comes from the article. These two indexes hold everything
-- that ordering needs besides the article's date (article and row id), and the third maps
-- an article id to its date and key, so a page is chosen from indexes alone and only its
-- own rows are read from the tables.
CREATE INDEX attributions_source_article ON attributions(source_actor_code, article_id, id);
CREATE INDEX event_participants_code_event ON event_participants(code, role, article_id, event_id);
CREATE INDEX articles_id_published ON articles(id, published);
-- m002's (source_actor_code) and (code, role) are prefixes of the first two: every query
-- they served is served as well by the longer ones, and ingest keeps one index fewer each.
DROP INDEX attributions_source_actor;
DROP INDEX event_participants_code;
