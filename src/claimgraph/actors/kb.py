"""``ActorKB``: look up actors by name, resolve role phrases, and find mentions in text.

The knowledge base is built once from the packaged tables (``claimgraph/data/actors``) and
any user overlay files, and then only read. Everything that depends on an article's date
(who was foreign minister, which states were in NATO) takes ``on=``; without it the answer is
the one the data gives for the latest date it knows.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime
from pathlib import Path

from claimgraph.actors.matcher import (
    Pattern,
    PhraseMatcher,
    RolePhrase,
    RoleSpec,
    Tokens,
    folds_case,
    phrase_words,
)
from claimgraph.actors.model import (
    CONFIDENCES,
    MEDIA_SECTOR,
    Actor,
    ActorDataError,
    Mention,
    Term,
)
from claimgraph.actors.tables import SOURCE, Row, Tables, load_tables, split_list

# Precedence when two actors share a surface form: lower wins. Blocked phrases beat all.
_RANK = {"blocked": -1, "name": 0, "demonym": 1, "capital": 2, "igo": 10, "group": 20,
         "role": 30, "org": 30, "outlet": 40, "person": 50}  # fmt: skip

# Bounded caches of date-dependent answers; cleared when full (articles share few dates).
_CACHE_LIMIT = 50_000


@dataclass(frozen=True, slots=True)
class _Entry:
    """A lookup-index entry: an alias's target and, for case-sensitive aliases, its forms."""

    rank: int
    target: str
    via: str
    forms: frozenset[str] | None  # None: any case


@dataclass(frozen=True, slots=True)
class _Membership:
    member: str
    start: date | None
    end: date | None

    def covers(self, day: date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day < self.end)


def _date(value: str) -> date | None:
    return date.fromisoformat(value) if value else None


def _day(on: date | None) -> date | None:
    """Accept a datetime too (it is a date subclass that does not compare with dates)."""
    return on.date() if isinstance(on, datetime) else on


def _render(words: Sequence[str], joined: Sequence[bool]) -> str:
    """Words back to a string, one space where the phrase had whitespace."""
    parts: list[str] = []
    for index, word in enumerate(words):
        if index and not joined[index]:
            parts.append(" ")
        parts.append(word)
    return "".join(parts)


def _strip_phrase(words: list[str], joined: list[bool]) -> tuple[list[str], list[bool]]:
    """Drop a leading "the", a trailing possessive ("'s", "'") and trailing punctuation."""
    while words and words[-1] in {".", ",", ";", ":", "!", "?", '"', ")"} and len(words) > 1:
        if words[-1] == "." and len(words) >= 2 and len(words[-2]) == 1:
            break  # "U.S." keeps its final dot
        words, joined = words[:-1], joined[:-1]
    if len(words) >= 3 and words[-2] == "'" and words[-1].casefold() == "s" and joined[-2]:
        words, joined = words[:-2], joined[:-2]
    elif len(words) >= 2 and words[-1] == "'" and joined[-1]:
        words, joined = words[:-1], joined[:-1]
    while words and words[0] in {'"', "("}:
        words, joined = words[1:], joined[1:]
    if len(words) > 1 and words[0].casefold() == "the":
        words, joined = words[1:], joined[1:]
    if joined:
        joined = [False, *joined[1:]]
    return words, joined


class ActorKB:
    """The actor knowledge base. Build it with :meth:`load` (or use :func:`default_kb`)."""

    def __init__(self, tables: Tables) -> None:
        self.sources: tuple[str, ...] = tuple(tables.sources)
        #: Surface forms claimed by two different actors (the lower rank wins).
        self.collisions: list[str] = []
        self._actors: dict[str, Actor] = {}
        self._office_of: dict[str, tuple[str, str]] = {}
        self._un_members: tuple[str, ...] = ()
        self._terms: dict[str, list[Term]] = {}
        self._offices: dict[tuple[str, str], list[Term]] = {}
        self._heads: dict[tuple[str, str], list[Term]] = {}
        self._members: dict[str, list[_Membership]] = {}
        self._index: dict[str, list[_Entry]] = {}
        self._surfaces: dict[tuple[tuple[str, ...], bool], str] = {}
        self._matcher = PhraseMatcher()
        self._cache: dict[tuple[str, date | None], Actor] = {}
        self._role_cache: dict[tuple[str, RoleSpec, date | None], Actor] = {}
        self._the_forms: list[tuple[Pattern, bool]] = []
        self._build(tables)

    @classmethod
    def load(cls, *, extra_paths: Sequence[str | Path] = ()) -> ActorKB:
        """The packaged tables with the user files ``extra_paths`` laid over them, in order.

        A user file is a TSV in the format of one of the packaged tables (docs/actors.md):
        rows whose key matches a packaged row change it, other rows are added.
        """
        return cls(load_tables(extra_paths))

    # -- building ------------------------------------------------------------------------
    def _build(self, tables: Tables) -> None:
        rows = tables.rows
        for row in rows["states"]:
            self._add_state(row)
        self._un_members = tuple(
            r["code"] for r in rows["states"] if r.get("un_status") == "member"
        )
        for row in rows["actors"]:
            self._add_actor(row)
        for row in rows["terms"]:
            self._add_term(row)
        for row in rows["memberships"]:
            self._add_membership(row)
        self._add_roles(rows["roles"])
        for row in rows["blocked"]:
            self._add_surface(row["phrase"], "", "blocked", _RANK["blocked"])
        # "the X" is matched as a whole only where "X" alone is not the same actor ("the West"
        # but not "the UN"), so that "the UN Security Council" is not read as "the UN".
        for pattern, fold in self._the_forms:
            tail = pattern.words[1:]
            owners = {
                self._surfaces.get((tail, False)),
                self._surfaces.get((tuple(w.casefold() for w in tail), True)),
            }
            if pattern.target not in owners:
                self._matcher.add(pattern, fold=fold)
        for terms in (*self._terms.values(), *self._offices.values(), *self._heads.values()):
            terms.sort(key=lambda term: term.start)

    def _add_state(self, row: Row) -> None:
        code = row["code"]
        if code in self._actors:
            raise ActorDataError(row[SOURCE], f"state {code} is defined twice")
        qid = row.get("wikidata") or None
        self._actors[code] = Actor(code, code, row["name"], "state", wikidata=qid, country=code)
        government = f"{code}:GOV"
        self._actors[government] = Actor(
            government, code, row["name"], "state", sector="GOV", wikidata=qid, country=code
        )
        guarded = set(split_list(row.get("guarded", "")))
        exact = set(split_list(row.get("exact", "")))
        for alias in [row["name"], *split_list(row.get("aliases", ""))]:
            self._add_surface(alias, code, "name", _RANK["name"], ref_kind="state",
                              guarded=alias in guarded, exact=alias in exact)  # fmt: skip
        for demonym in split_list(row.get("demonyms", "")):
            self._add_surface(demonym, code, "demonym", _RANK["demonym"], ref_kind="state",
                              guarded=demonym in guarded, exact=demonym in exact)  # fmt: skip
        for capital in split_list(row.get("capitals", "")):
            self._add_surface(capital, government, "capital", _RANK["capital"],
                              guarded=True, upper=False)  # fmt: skip

    def _add_actor(self, row: Row) -> None:
        key, kind, code = row["key"], row["kind"], row["code"]
        if key in self._actors:
            raise ActorDataError(row[SOURCE], f"actor key {key!r} is defined twice")
        sector = row.get("sector") or None
        if kind == "outlet" and sector is None:
            sector = MEDIA_SECTOR
        state = self._actors.get(code)
        country = row.get("country") or (
            code if state is not None and state.kind == "state" else None
        )
        self._actors[key] = Actor(
            key,
            code,
            row["name"],
            kind,
            sector=sector,
            wikidata=row.get("wikidata") or None,
            country=country,
            state_affiliation=row.get("state_affiliation") or None,
            office=row.get("office") or None,
            other_sectors=tuple(split_list(row.get("other_sectors", ""))),
            confidence=row.get("confidence") or "high",
        )
        if row.get("office") and row.get("org"):
            self._office_of[key] = (row["org"], row["office"])
        rank = _RANK[kind]
        guarded = set(split_list(row.get("guarded", "")))
        exact = set(split_list(row.get("exact", "")))
        for alias in dict.fromkeys([row["name"], *split_list(row.get("aliases", ""))]):
            self._add_surface(alias, key, "alias", rank, ref_kind="igo" if kind == "igo" else "",
                              guarded=alias in guarded, exact=alias in exact)  # fmt: skip

    def _add_surface(
        self,
        phrase: str,
        target: str,
        via: str,
        rank: int,
        *,
        ref_kind: str = "",
        guarded: bool = False,
        exact: bool = False,
        upper: bool = True,
    ) -> None:
        """Index one alias: in the matcher (with its case variants) and for lookup()."""
        words, joined = phrase_words(phrase)
        if not words:
            return
        fold = folds_case(words) and not exact
        forms = [phrase]
        if not fold:
            if phrase[0].islower():
                forms.append(phrase[0].upper() + phrase[1:])
            letters = [c for c in phrase if c.isalpha()]
            if upper and len(letters) >= 4 and any(c.islower() for c in letters):
                forms.append(phrase.upper())
        for form in dict.fromkeys(forms):
            form_words, form_joined = phrase_words(form)
            surface = (tuple(w.casefold() for w in form_words) if fold else form_words, fold)
            previous = self._surfaces.get(surface)
            if previous is not None and previous != target:
                self.collisions.append(f"{form!r}: {previous} and {target or '(blocked)'}")
            self._surfaces.setdefault(surface, target)
            pattern = Pattern(form_words, form_joined, target, via, ref_kind, guarded, rank)
            if len(form_words) > 1 and form_words[0].casefold() == "the":
                self._the_forms.append((pattern, fold))
            else:
                self._matcher.add(pattern, fold=fold)
        key_words, key_joined = _strip_phrase(list(words), list(joined))
        key = _render(key_words, key_joined).casefold()
        exact_forms: frozenset[str] | None = None
        if not fold:
            rendered: set[str] = set()
            for form in forms:
                form_words, form_joined = phrase_words(form)
                rendered.add(_render(*_strip_phrase(list(form_words), list(form_joined))))
            exact_forms = frozenset(rendered)
        entries = self._index.setdefault(key, [])
        entries.append(_Entry(rank, target, via, exact_forms))
        entries.sort(key=lambda entry: entry.rank)

    def _org_code(self, org: str, source: str) -> str:
        actor = self._actors.get(org)
        if actor is None:
            raise ActorDataError(source, f"unknown org {org!r} (a state code or an actor key)")
        return actor.code

    def _add_term(self, row: Row) -> None:
        source = row[SOURCE]
        actor = row["actor"]
        if actor not in self._actors or self._actors[actor].kind == "state":
            raise ActorDataError(source, f"unknown actor {actor!r} (a person or organization key)")
        self._org_code(row["org"], source)
        start = _date(row["start"])
        end = _date(row.get("end", ""))
        if start is None or (end is not None and end <= start):
            raise ActorDataError(source, "a term needs a start before its end")
        term = Term(
            actor,
            row["org"],
            row.get("office") or None,
            row.get("sector") or "GOV",
            start,
            end,
            hos=row.get("hos") == "y",
            hog=row.get("hog") == "y",
            confidence=row.get("confidence") or "high",
            notes=row.get("notes", ""),
        )
        self._terms.setdefault(actor, []).append(term)
        if term.office:
            self._offices.setdefault((term.org, term.office), []).append(term)
        for flag, name in ((term.hos, "@hos"), (term.hog, "@hog")):
            if flag:
                self._heads.setdefault((term.org, name), []).append(term)

    def _add_membership(self, row: Row) -> None:
        source = row[SOURCE]
        group, member = row["group"], row["member"]
        if group not in self._actors or self._actors[group].kind not in ("group", "igo"):
            raise ActorDataError(
                source, f"unknown group {group!r} (a key in groups.tsv or igos.tsv)"
            )
        if member not in self._actors:
            raise ActorDataError(source, f"unknown member {member!r} (a state code or actor key)")
        start, end = _date(row.get("start", "")), _date(row.get("end", ""))
        if start is not None and end is not None and end <= start:
            raise ActorDataError(source, "a membership needs a start before its end")
        self._members.setdefault(group, []).append(_Membership(member, start, end))

    def _add_roles(self, rows: Sequence[Row]) -> None:
        specs: dict[str, list[RoleSpec]] = {}
        for row in rows:
            phrase = row["phrase"].casefold()
            countries = frozenset(split_list(row.get("country", "")))
            unknown = [c for c in countries if c not in self._actors]
            if unknown:
                raise ActorDataError(row[SOURCE], f"unknown state(s) {', '.join(unknown)}")
            specs.setdefault(phrase, []).append(
                RoleSpec(
                    phrase,
                    row["sector"],
                    row["label"],
                    offices=tuple(split_list(row.get("offices", ""))),
                    other_sectors=tuple(split_list(row.get("other_sectors", ""))),
                    applies_to=row.get("applies_to") or "state",
                    countries=countries,
                    state_affiliation=row.get("state_affiliation") or None,
                )
            )
        for phrase, found in specs.items():
            # Country-restricted meanings are tried before general ones.
            found.sort(key=lambda spec: not spec.countries)
            words, joined = phrase_words(phrase)
            self._matcher.add_role(RolePhrase(words, joined, tuple(found)))

    # -- reading -------------------------------------------------------------------------
    def get(self, key: str, *, on: date | None = None) -> Actor | None:
        """The actor with this key ("RUS", "nato", "sergey-lavrov"), as of ``on``."""
        if key not in self._actors:
            return None
        return self._dated(key, _day(on))

    def actors(self, kind: str | None = None) -> Iterator[Actor]:
        """Every actor (date-free), optionally of one kind."""
        for key, actor in self._actors.items():
            if (kind is None or actor.kind == kind) and not key.endswith(":GOV"):
                yield actor

    def terms_of(self, key: str) -> tuple[Term, ...]:
        """An actor's terms, in date order."""
        return tuple(self._terms.get(key, ()))

    def lookup(self, text: str, *, on: date | None = None) -> Actor | None:
        """The actor a phrase names, or ``None``.

        Case and whitespace do not matter, except for aliases that are only names when written
        as they are ("US", "WHO", "the West"); a leading "the" and a trailing possessive are
        ignored. A phrase that is no alias is tried as a role phrase (:meth:`resolve_role`).
        """
        day = _day(on)
        words, joined = phrase_words(text)
        words_list, joined_list = _strip_phrase(list(words), list(joined))
        if words_list:
            rendered = _render(words_list, joined_list)
            for entry in self._index.get(rendered.casefold(), ()):
                if entry.forms is None or rendered in entry.forms:
                    # An empty target is a blocked phrase: it names no actor.
                    return self._dated(entry.target, day) if entry.target else None
        return self.resolve_role(text, on=day)

    def resolve_role(self, text: str, *, on: date | None = None) -> Actor | None:
        """A role phrase: "the Russian foreign ministry" -> (RUS, GOV).

        The phrase is a state or organization and a role ("Iran's permanent mission to the
        UN", "US intelligence", "NATO chief") or a role, "of" and a state ("the Ministry of
        Foreign Affairs of Iran"). If the role is an office ("the Russian foreign minister")
        and ``on`` is given, the answer is the person who held it that day.
        """
        day = _day(on)
        words, joined = phrase_words(text)
        tokens = Tokens(_render(*_strip_phrase(list(words), list(joined))))
        count = len(tokens)
        start = 1 if count > 1 and tokens.folds[0] == "the" else 0
        if start >= count:
            return None
        for ref in self._matcher.candidates(tokens, start):
            if not ref.ref_kind:
                continue
            found = self._matcher.role_after(tokens, start + len(ref.words), ref)
            if found is not None and found[0] == count:
                return self._role_actor(ref.target, found[1], day)
        raw = self._matcher.role_of(tokens, start)
        if raw is not None and raw.last == count and raw.role is not None:
            return self._role_actor(raw.pattern.target, raw.role, day)
        return None

    def role_of(self, state: str, phrase: str, *, on: date | None = None) -> Actor | None:
        """What a bare role phrase names when the text has already said whose it is:
        ``role_of("EGY", "riot police")`` -> (EGY, COP). ``phrase`` must be a whole role
        phrase of ``roles.tsv`` that applies to the state ``state``; an office ("president")
        gives its holder on ``on`` when the tables know one."""
        ref = self._actors.get(state)
        if ref is None or ref.kind != "state":
            return None
        tokens = Tokens(phrase)
        found = self._matcher.role_at(tokens, 0) if len(tokens) else None
        if found is None or found[0] != len(tokens):
            return None
        spec = found[1].spec_for("state", state)
        return None if spec is None else self._role_actor(state, spec, _day(on))

    def holder(self, org: str, office: str, *, on: date) -> Actor | None:
        """Who held ``office`` of ``org`` on a day: ``holder("RUS", "foreign_minister", ...)``.

        ``office`` may be ``@hos`` or ``@hog`` (head of state / government).
        """
        day = on.date() if isinstance(on, datetime) else on
        table = self._heads if office.startswith("@") else self._offices
        covering = [term for term in table.get((org, office), ()) if term.covers(day)]
        if not covering:
            return None
        term = covering[-1]
        person = self._dated(term.actor, day)
        return replace(
            person,
            code=self._actors[term.org].code,
            sector=term.sector,
            office=term.office,
            confidence=_weaker(person.confidence, term.confidence),
        )

    def group_members(self, ref: str, *, on: date | None = None) -> tuple[str, ...]:
        """Member keys of a group or organization (states by ISO code), as of ``on``.

        ``ref`` is a key ("e3", "nato") or a name ("the E3", "NATO"). Without a date: the
        members whose membership has not ended. "the West" (WST) is open: no members.
        """
        day = _day(on)
        key = ref if ref in self._actors else None
        if key is None:
            found = self.lookup(ref)
            key = found.key if found is not None else None
        if key is None:
            return ()
        if key == "un":
            return self._un_members
        members = self._members.get(key, ())
        if day is None:
            chosen = [m.member for m in members if m.end is None]
        else:
            chosen = [m.member for m in members if m.covers(day)]
        return tuple(dict.fromkeys(chosen))

    def find_mentions(self, text: str, *, on: date | None = None) -> list[Mention]:
        """Every actor mention in ``text``, left to right, longest match first.

        ``on`` is the article's date: it decides who "the Russian foreign minister" is and
        what sector a named person had (see :meth:`lookup`).
        """
        day = _day(on)
        tokens = Tokens(text)
        mentions: list[Mention] = []
        for raw in self._matcher.scan(tokens):
            begin, finish = tokens.start(raw.first), tokens.end(raw.last - 1)
            if raw.role is not None:
                actor = self._role_actor(raw.pattern.target, raw.role, day)
                via = "role"
            else:
                actor = self._dated(raw.pattern.target, day)
                via = raw.pattern.via
            mentions.append(Mention(begin, finish, text[begin:finish], actor, via))
        return mentions

    def stats(self) -> dict[str, int]:
        """Counts for reports: actors by kind, terms, people with terms, surface forms."""
        counts: dict[str, int] = {}
        for actor in self.actors():
            counts[actor.kind] = counts.get(actor.kind, 0) + 1
        counts["un_members"] = len(self._un_members)
        counts["terms"] = sum(len(terms) for terms in self._terms.values())
        counts["people_with_terms"] = sum(
            1 for key in self._terms if self._actors[key].kind == "person"
        )
        counts["surface_forms"] = self._matcher.size
        return counts

    # -- date-dependent answers ----------------------------------------------------------
    def _dated(self, key: str, day: date | None) -> Actor:
        cached = self._cache.get((key, day))
        if cached is not None:
            return cached
        base = self._actors[key]
        actor = base
        if key in self._terms:
            actor = self._by_terms(base, self._terms[key], day)
        elif key in self._office_of and day is not None:
            org, office = self._office_of[key]
            actor = self.holder(org, office, on=day) or base
        elif base.kind in ("group", "igo"):
            actor = replace(base, members=self.group_members(key, on=day))
        if len(self._cache) >= _CACHE_LIMIT:
            self._cache.clear()
        self._cache[(key, day)] = actor
        return actor

    def _by_terms(self, base: Actor, terms: Sequence[Term], day: date | None) -> Actor:
        if day is None:
            term = terms[-1]
        else:
            covering = [t for t in terms if t.covers(day)]
            if not covering:
                if base.kind == "person" and terms[0].start <= day:
                    return replace(base, sector="ELI", office=None)  # PLOVER: former officials
                return base
            # Heads of state or government first, then the latest appointment.
            term = max(covering, key=lambda t: (t.hos or t.hog, t.start))
        return replace(
            base,
            code=self._actors[term.org].code,
            sector=term.sector,
            office=term.office,
            confidence=_weaker(base.confidence, term.confidence),
        )

    def _role_actor(self, ref_key: str, spec: RoleSpec, day: date | None) -> Actor:
        cache_key = (ref_key, spec, day)
        cached = self._role_cache.get(cache_key)
        if cached is not None:
            return cached
        ref = self._actors[ref_key]
        actor: Actor | None = None
        if spec.offices and day is not None:
            for office in spec.offices:
                actor = self.holder(ref_key, office, on=day)
                if actor is not None:
                    break
        if actor is None:
            actor = Actor(
                f"{ref_key}:{spec.label}",
                ref.code,
                f"{ref.name} {spec.label}",
                "role",
                sector=spec.sector,
                country=ref.country,
                state_affiliation=spec.state_affiliation,
                office=spec.offices[0]
                if spec.offices and not spec.offices[0].startswith("@")
                else None,
                other_sectors=spec.other_sectors,
            )
        if len(self._role_cache) >= _CACHE_LIMIT:
            self._role_cache.clear()
        self._role_cache[cache_key] = actor
        return actor


def _weaker(first: str, second: str) -> str:
    return max(first, second, key=CONFIDENCES.index)


@functools.lru_cache(maxsize=1)
def default_kb() -> ActorKB:
    """The packaged knowledge base, built on first use and then shared."""
    return ActorKB.load()
