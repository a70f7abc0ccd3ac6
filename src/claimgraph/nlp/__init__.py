"""The NLP layers: pure functions over spaCy Docs, wrapped as registered components."""
