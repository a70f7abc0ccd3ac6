-- m007: where a context-coded event participant's country came from (docs/events.md):
-- 'sentence' or 'dateline' for a generic group ("police", "rebels") the text does not name
-- a country for; NULL for a participant the text names.
ALTER TABLE event_participants ADD COLUMN inferred TEXT CHECK (inferred IN ('sentence', 'dateline'));
