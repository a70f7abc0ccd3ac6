"""Evaluations against the public datasets in ``../shared/data`` (``make eval``).

Each evaluation is a function returning a :class:`Section` of measured figures; ``__main__``
runs those whose data is present and writes ``docs/evaluation.md``. Nothing is written for
what was not measured.
"""
