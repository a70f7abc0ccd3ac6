"""The seed-layout header: site line, title, byline, dateline, and where the body begins."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimgraph.header import parse_byline, parse_dateline, parse_header
from claimgraph.model import Article, Dateline, Rejection
from claimgraph.readers import ReadOptions, read
from claimgraph.readers.text import article_from_text

# The seed page's header, line by line (the seed page may be bundled; see the brief).
SITE = " date 2022-11-22 UrduPoint.com"
TITLE = "Iran Requests Expert Meeting With Ukraine To Remove Confusion About Drones - Reports"
BYLINE = "Fahad Shabbir (@FahadShabbir) Published November 22, 2022 | 03:30 PM"
DATELINE = "MOSCOW (UrduPoint News / Sputnik - 22nd November, 2022) "
BODY = (
    "Iran's permanent mission to the UN has requested a joint expert meeting with Ukraine, "
    "the Islamic Republic news Agency (IRNA) reported on Tuesday, citing the mission.\n\n"
    "Last week, The Washington Post reported, citing intelligence data, that Moscow and "
    "Tehran had agreed to start manufacturing Iranian combat drones in Russia.\n"
)
SEED_DATELINE = Dateline("MOSCOW", ("UrduPoint News", "Sputnik"), "2022-11-22")


def _join(*parts: str | None, sep: str = "\n\n") -> str:
    return sep.join(p for p in parts if p is not None)


def _body_rule_holds(file_text: str, article: Article) -> bool:
    start = article.body_offset
    return article.text == file_text[start : start + len(article.text)]


@pytest.mark.shared
def test_seed_file_header_parses_exactly(seed_path: Path) -> None:
    file_text = seed_path.read_text(encoding="utf-8")
    [article] = list(read([str(seed_path)]))
    assert isinstance(article, Article)
    assert article.outlet == "UrduPoint.com"
    assert article.published == "2022-11-22T15:30"
    assert article.title == TITLE
    assert article.byline == "Fahad Shabbir (@FahadShabbir)"
    assert article.dateline == SEED_DATELINE
    assert article.dateline.to_dict() == {
        "place": "MOSCOW",
        "credits": ["UrduPoint News", "Sputnik"],
        "date": "2022-11-22",
    }
    assert article.text.startswith("Iran's permanent mission")
    assert _body_rule_holds(file_text, article)
    assert file_text[: article.body_offset].rstrip().endswith("22nd November, 2022)")
    assert article.encoding == "utf-8"
    assert article.language == "en"


@pytest.mark.shared
def test_seed_file_with_plain_option_is_all_body(seed_path: Path) -> None:
    file_text = seed_path.read_text(encoding="utf-8")
    [article] = list(read([str(seed_path)], ReadOptions(plain=True)))
    assert isinstance(article, Article)
    assert article.body_offset == 0
    assert (article.title, article.dateline, article.outlet, article.byline) == (None,) * 4
    assert article.text == file_text.rstrip()
    assert _body_rule_holds(file_text, article)


# (case, text, outlet, published, title, byline, dateline, body starts with)
VARIANTS = [
    (
        "full header",
        _join(SITE, TITLE, BYLINE, DATELINE + BODY),
        "UrduPoint.com",
        "2022-11-22T15:30",
        TITLE,
        "Fahad Shabbir (@FahadShabbir)",
        SEED_DATELINE,
        "Iran's permanent",
    ),
    (
        "no site line",
        _join(TITLE, BYLINE, DATELINE + BODY),
        None,
        "2022-11-22T15:30",
        TITLE,
        "Fahad Shabbir (@FahadShabbir)",
        SEED_DATELINE,
        "Iran's permanent",
    ),
    (
        "no title",
        _join(SITE, BYLINE, DATELINE + BODY),
        "UrduPoint.com",
        "2022-11-22T15:30",
        None,
        "Fahad Shabbir (@FahadShabbir)",
        SEED_DATELINE,
        "Iran's permanent",
    ),
    (
        "no byline",
        _join(SITE, TITLE, DATELINE + BODY),
        "UrduPoint.com",
        "2022-11-22",
        TITLE,
        None,
        SEED_DATELINE,
        "Iran's permanent",
    ),
    (
        "no dateline",
        _join(SITE, TITLE, BYLINE, BODY),
        "UrduPoint.com",
        "2022-11-22T15:30",
        TITLE,
        "Fahad Shabbir (@FahadShabbir)",
        None,
        "Iran's permanent",
    ),
    (
        "dateline and body only",
        DATELINE + BODY,
        None,
        None,
        None,
        None,
        SEED_DATELINE,
        "Iran's permanent",
    ),
    ("body only", BODY, None, None, None, None, None, "Iran's permanent"),
    (
        "site line and body",
        _join(SITE, BODY),
        "UrduPoint.com",
        "2022-11-22",
        None,
        None,
        None,
        "Iran's permanent",
    ),
    (
        "CRLF line ends",
        _join(SITE, TITLE, BYLINE, DATELINE + BODY, sep="\r\n\r\n"),
        "UrduPoint.com",
        "2022-11-22T15:30",
        TITLE,
        "Fahad Shabbir (@FahadShabbir)",
        SEED_DATELINE,
        "Iran's permanent",
    ),
    (
        "blank lines with spaces, leading blank lines",
        "\n\n" + _join(SITE, TITLE, BYLINE, DATELINE + BODY, sep="\n \t\n\n"),
        "UrduPoint.com",
        "2022-11-22T15:30",
        TITLE,
        "Fahad Shabbir (@FahadShabbir)",
        SEED_DATELINE,
        "Iran's permanent",
    ),
    (
        "dash dateline (Tehran Times)",
        _join(
            "Vienna talks inch forward", "TEHRAN \u2013 Negotiations in Vienna are up and running."
        ),
        None,
        None,
        "Vienna talks inch forward",
        None,
        Dateline("TEHRAN"),
        "Negotiations in Vienna",
    ),
    (
        "By-line and wire dateline",
        _join("By Jane Doe", "KYIV, Ukraine (AP) \u2014 Russian forces shelled the city."),
        None,
        None,
        None,
        "Jane Doe",
        Dateline("KYIV, Ukraine", ("AP",), None),
        "Russian forces",
    ),
    (
        "caps word and dash in a title is no dateline",
        _join(
            SITE, "EXCLUSIVE - Iran Denies Drone Deal", "Iran denied on Tuesday that it had agreed."
        ),
        "UrduPoint.com",
        "2022-11-22",
        "EXCLUSIVE - Iran Denies Drone Deal",
        None,
        None,
        "Iran denied",
    ),
    (
        "first body paragraph after a site line is no title",
        _join(SITE, "Iran denied on Tuesday that it had agreed.", "Officials said more."),
        "UrduPoint.com",
        "2022-11-22",
        None,
        None,
        None,
        "Iran denied",
    ),
    (
        "a body sentence starting with By is no byline",
        _join("By the end of the week, prices rose.", "Traders were surprised."),
        None,
        None,
        None,
        None,
        None,
        "By the end of the week",
    ),
]


@pytest.mark.parametrize(
    ("text", "outlet", "published", "title", "byline", "dateline", "body_start"),
    [case[1:] for case in VARIANTS],
    ids=[case[0] for case in VARIANTS],
)
def test_header_variants(
    text: str,
    outlet: str | None,
    published: str | None,
    title: str | None,
    byline: str | None,
    dateline: Dateline | None,
    body_start: str,
) -> None:
    header = parse_header(text)
    assert (header.outlet, header.published, header.title, header.byline, header.dateline) == (
        outlet,
        published,
        title,
        byline,
        dateline,
    )
    assert text[header.body_offset :].startswith(body_start)
    article = article_from_text(text, path="variant.txt", options=ReadOptions())
    assert isinstance(article, Article)
    assert _body_rule_holds(text, article)
    assert article.text.startswith(body_start)
    plain = article_from_text(text, path="variant.txt", options=ReadOptions(plain=True))
    assert isinstance(plain, Article)
    assert plain.body_offset == 0
    assert plain.title is None and plain.dateline is None and plain.outlet is None
    assert _body_rule_holds(text, plain)


@pytest.mark.parametrize(
    "text",
    [
        _join(SITE, TITLE, BYLINE),
        _join(SITE, TITLE, BYLINE) + "\n\n",
        SITE + "\n",
        "",
        " \n\t\n",
    ],
    ids=["header only", "header only, trailing blank lines", "site line only", "empty", "blank"],
)
def test_header_without_body_is_an_empty_body_skip(text: str) -> None:
    header = parse_header(text)
    assert not text[header.body_offset :].strip()
    result = article_from_text(text, path="header-only.txt", options=ReadOptions())
    assert isinstance(result, Rejection)
    assert (result.code, result.level, result.path) == ("S101", "skip", "header-only.txt")


# (line, expected (byline, published) or None)
BYLINES = [
    (BYLINE, ("Fahad Shabbir (@FahadShabbir)", "2022-11-22T15:30")),
    ("By Fahad Shabbir Published on November 22, 2022", ("Fahad Shabbir", "2022-11-22")),
    ("Published November 22, 2022 | 03:30 PM", (None, "2022-11-22T15:30")),
    ("Staff Reporter | Published 2022-11-22 15:30", ("Staff Reporter", "2022-11-22T15:30")),
    ("By Jane Doe", ("Jane Doe", None)),
    ("By Ann Lee and Staff in Kyiv", ("Ann Lee and Staff in Kyiv", None)),
    ("By John Smith Jr.", ("John Smith Jr.", None)),
    ("By @FahadShabbir", ("@FahadShabbir", None)),
    ("By the end of the week, prices rose.", None),
    ("By Monday, the troops had left", None),
    ("Fahad Shabbir Published sometime last year", None),
    ("The ministry said nothing.", None),
    ("By " + "Name " * 13, None),
    ("x" * 201 + " Published November 22, 2022", None),
]


@pytest.mark.parametrize(("line", "expected"), BYLINES)
def test_parse_byline(line: str, expected: tuple[str | None, str | None] | None) -> None:
    assert parse_byline(line) == expected


# (text, year, expected dateline, body starts with) -- None: no dateline
DATELINES = [
    (DATELINE + "Iran's mission", None, SEED_DATELINE, "Iran's"),
    ("TEHRAN \u2013 Negotiations", None, Dateline("TEHRAN"), "Negotiations"),
    ("TEHRAN - Negotiations", None, Dateline("TEHRAN"), "Negotiations"),
    ("TEHRAN \u2013Deputy envoy", None, Dateline("TEHRAN"), "Deputy envoy"),
    ("TEHRAN \u2014 Amir Ali", None, Dateline("TEHRAN"), "Amir Ali"),
    ("TEHRAN -- Following", None, Dateline("TEHRAN"), "Following"),
    ("TEHRAN \u2013\u00a0Russian", None, Dateline("TEHRAN"), "Russian"),
    ("NATO -led forces", None, None, None),
    ("WASHINGTON (Reuters) - The talks", None, Dateline("WASHINGTON", ("Reuters",)), "The talks"),
    ("KYIV, Ukraine (AP) \u2014 Russian", None, Dateline("KYIV, Ukraine", ("AP",)), "Russian"),
    ("NEW YORK, Feb 26 - Shares", 1987, Dateline("NEW YORK", (), "1987-02-26"), "Shares"),
    ("NEW YORK, Feb 26 - Shares", None, Dateline("NEW YORK"), "Shares"),
    (
        "LONDON, March 3 (Reuters) - Oil",
        2022,
        Dateline("LONDON", ("Reuters",), "2022-03-03"),
        "Oil",
    ),
    (
        "MOSCOW (Sputnik - 22 November) Iran",
        2022,
        Dateline("MOSCOW", ("Sputnik",), "2022-11-22"),
        "Iran",
    ),
    ("US - China talks resumed", None, None, None),
    ("The President said", None, None, None),
    ("MOSCOW said nothing", None, None, None),
    ("Moscow (Sputnik) - lower-case place", None, None, None),
    ("", None, None, None),
]


@pytest.mark.parametrize(("text", "year", "expected", "body_start"), DATELINES)
def test_parse_dateline(
    text: str, year: int | None, expected: Dateline | None, body_start: str | None
) -> None:
    found = parse_dateline(text, 0, year=year)
    if expected is None:
        assert found is None
        return
    assert found is not None
    dateline, offset = found
    assert dateline == expected
    assert body_start is not None and text[offset:].startswith(body_start)


def test_parse_dateline_at_an_offset() -> None:
    text = "headline\n\n" + DATELINE + "Iran's mission"
    assert parse_dateline(text, 0) is None
    found = parse_dateline(text, len("headline\n\n"))
    assert found is not None
    assert text[found[1] :] == "Iran's mission"


# (first paragraph, title with a site line, title without one)
TITLES = [
    (
        "Iran Requests Expert Meeting - Reports",
        "Iran Requests Expert Meeting - Reports",
        "Iran Requests Expert Meeting - Reports",
    ),
    ("The talks went on.", None, None),
    ("Talks With the U.S.", "Talks With the U.S.", "Talks With the U.S."),
    ("Drones: what we know", "Drones: what we know", "Drones: what we know"),
    ("Not again!", "Not again!", None),
    ("Who supplies the drones?", "Who supplies the drones?", "Who supplies the drones?"),
    ("Headline", None, None),
    ("Word " * 50 + "end", "Word " * 50 + "end", None),
    ("Word " * 70 + "end", None, None),
]


@pytest.mark.parametrize(("line", "with_site", "without_site"), TITLES)
def test_title_rules(line: str, with_site: str | None, without_site: str | None) -> None:
    body = "Officials met again on Tuesday."
    assert parse_header(_join(SITE, line, body)).title == with_site
    assert parse_header(_join(line, body)).title == without_site
    # A title needs a body after it: alone, the line is the body.
    assert parse_header(line).title is None


# ---- property: generated headers are recovered exactly, and the body rule holds ----

_WORDS = [
    "Iran",
    "Requests",
    "Expert",
    "Meeting",
    "With",
    "Ukraine",
    "Drones",
    "Talks",
    "NATO",
    "U.S.",
]
_SENTENCES = [
    "officials said the talks would resume on Monday.",
    "Iran's permanent mission to the UN has requested a meeting.",
    "the ministry declined to comment on the report.",
    "Western countries have repeatedly accused Iran of supplying drones.",
]


@st.composite
def seed_layouts(draw: st.DrawFn) -> tuple[str, dict[str, object]]:
    day = draw(st.dates(min_value=date(1990, 1, 1)))
    hour = draw(st.integers(1, 12))
    minute = draw(st.integers(0, 59))
    ampm = draw(st.sampled_from(["AM", "PM"]))
    expected: dict[str, object] = {}
    parts: list[str] = []
    if draw(st.booleans()):
        outlet = draw(st.sampled_from(["UrduPoint.com", "Tehran Times", "en.kremlin.ru"]))
        parts.append(f"{draw(st.sampled_from(['', ' ', '  ']))}date {day.isoformat()} {outlet}")
        expected["outlet"] = outlet
        expected["published"] = day.isoformat()
    if draw(st.booleans()):
        title = draw(st.sampled_from(["", "EXCLUSIVE - ", "NATO \u2013 "]))
        title += " ".join(draw(st.lists(st.sampled_from(_WORDS), min_size=2, max_size=12)))
        title += draw(st.sampled_from(["", " - Reports", " \u2013 Media"]))
        parts.append(title)
        expected["title"] = title
    if draw(st.booleans()):
        name = draw(
            st.sampled_from(["Fahad Shabbir (@FahadShabbir)", "Staff Reporter", "Jane Doe"])
        )
        parts.append(
            f"{name} Published {day.strftime('%B')} {day.day}, {day.year} | {hour:02d}:{minute:02d} {ampm}"
        )
        expected["byline"] = name
    body = " ".join(s.capitalize() for s in draw(st.lists(st.sampled_from(_SENTENCES), min_size=1)))
    if draw(st.booleans()):
        place = draw(st.sampled_from(["MOSCOW", "TEHRAN", "KYIV, Ukraine", "NEW YORK"]))
        form = draw(st.sampled_from(["paren", "dash"]))
        if form == "paren":
            lead = (
                f"{place} (UrduPoint News / Sputnik - {day.day} {day.strftime('%B')}, {day.year}) "
            )
            expected["dateline"] = Dateline(place, ("UrduPoint News", "Sputnik"), day.isoformat())
        else:
            lead = f"{place} \u2013 "
            expected["dateline"] = Dateline(place)
        body_paragraph = lead + body
    else:
        body_paragraph = body
    expected["body_start"] = body[:20]
    more = draw(st.lists(st.sampled_from(_SENTENCES), max_size=3))
    sep = draw(st.sampled_from(["\n\n", "\r\n\r\n", "\n \n", "\n\n\n"]))
    text = sep.join([*parts, body_paragraph, *(s.capitalize() for s in more)])
    text += draw(st.sampled_from(["", "\n", "\n\n  \n"]))
    return text, expected


@settings(max_examples=200, deadline=None)
@given(seed_layouts())
def test_generated_seed_layouts_are_recovered(case: tuple[str, dict[str, object]]) -> None:
    text, expected = case
    header = parse_header(text)
    assert header.outlet == expected.get("outlet")
    assert header.title == expected.get("title")
    assert header.byline == expected.get("byline")
    assert header.dateline == expected.get("dateline")
    if "byline" not in expected:
        assert header.published == expected.get("published")
    body_start = str(expected["body_start"])
    assert text[header.body_offset :].startswith(body_start)
    article = article_from_text(text, path="generated.txt", options=ReadOptions())
    assert isinstance(article, Article)
    assert _body_rule_holds(text, article)


@settings(max_examples=200, deadline=None)
@given(
    st.one_of(
        st.text(),
        st.lists(
            st.sampled_from([SITE, TITLE, BYLINE, DATELINE, BODY, "\n", "\n\n", " ", "\r\n"])
            | st.text(max_size=10),
            max_size=10,
        ).map("".join),
    ),
    st.booleans(),
)
def test_body_offset_rule_holds_for_any_text(text: str, plain: bool) -> None:
    result = article_from_text(text, path="any.txt", options=ReadOptions(plain=plain))
    if isinstance(result, Rejection):
        assert not text.strip() or not text[parse_header(text).body_offset :].strip()
        return
    assert _body_rule_holds(text, result)
    assert result.text == result.text.rstrip()
    if plain:
        assert result.body_offset == 0
    else:
        assert result.text == result.text.lstrip()
        for part in (result.title, result.byline):
            assert part is None or part in text[: result.body_offset]
        if result.dateline is not None:
            assert result.dateline.place is not None
            assert result.dateline.place in text[: result.body_offset]
