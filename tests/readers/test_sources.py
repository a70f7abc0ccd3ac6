"""Inputs: files, folders, globs, stdin, compressed files and tar archives; format choice."""

from __future__ import annotations

import bz2
import gzip
import io
import lzma
import shutil
import sys
import tarfile
from pathlib import Path

import pytest

from claimgraph import read_articles
from claimgraph.errors import UnknownFormatError
from claimgraph.model import Article, Rejection
from claimgraph.readers import READERS, ReadOptions, detect_format, read, sniff_format

from ._support import DATA, articles, check_items, rejections

FIXTURES = sorted(p for p in DATA.iterdir() if p.suffix != ".md")


def _summary(items: list[Article | Rejection]) -> list[tuple[str | None, str]]:
    return [
        (i.source_path, "article") if isinstance(i, Article) else (i.path, i.code) for i in items
    ]


# (file name, reader)
NAMES = [
    ("a.txt", "text"),
    ("a.TXT", "text"),
    ("a.text", "text"),
    ("a.jsonl", "jsonl"),
    ("a.ndjson", "jsonl"),
    ("a.json", "json"),
    ("a.csv", "csv"),
    ("a.tsv", "csv"),
    ("a.html", "html"),
    ("a.htm", "html"),
    ("a.xhtml", "html"),
    ("a.rss", "feed"),
    ("a.atom", "feed"),
    ("a.xml", "feed"),
    ("a.warc", "warc"),
    ("a.sgm", "sgml"),
    ("reut2-000.sgml", "sgml"),
    ("a.docx", None),
    ("a", None),
    ("a.txt.bak", None),
]


@pytest.mark.parametrize(("name", "reader"), NAMES)
def test_detect_format(name: str, reader: str | None) -> None:
    assert detect_format(name) == reader


# (first bytes, reader)
SNIFFS = [
    (b"WARC/1.0\r\n", "warc"),
    (b'<!DOCTYPE lewis SYSTEM "lewis.dtd">', "sgml"),
    (b"<REUTERS NEWID='1'>", "sgml"),
    (b"<?xml version='1.0'?><rss>", "feed"),
    (b"  <rss version='2.0'>", "feed"),
    (b"<feed xmlns='http://www.w3.org/2005/Atom'>", "feed"),
    (b"<!DOCTYPE html><html>", "html"),
    (b"\xef\xbb\xbf<html>", "html"),
    (b'{"text": "x"}\n', "jsonl"),
    (b"[{}]", "json"),
    (b"MOSCOW (Sputnik) - text", "text"),
    (b"", "text"),
]


@pytest.mark.parametrize(("head", "reader"), SNIFFS)
def test_sniff_format(head: bytes, reader: str) -> None:
    assert sniff_format(head) == reader


def test_every_reader_has_a_suffix_and_a_description() -> None:
    for name, spec in READERS.items():
        assert spec.name == name
        assert spec.suffixes and all(s.startswith(".") for s in spec.suffixes)
        assert spec.description


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """A folder of fixtures, with a subfolder, a hidden file, an odd suffix and a binary."""
    folder = tmp_path / "corpus"
    (folder / "sub").mkdir(parents=True)
    shutil.copy(DATA / "releases.jsonl", folder / "a-releases.jsonl")
    shutil.copy(DATA / "release-cp1252.txt", folder / "sub" / "b-release.txt")
    (folder / "c-picture.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(100))
    (folder / "d-notes.docx").write_bytes(b"PK\x03\x04")
    (folder / ".hidden.txt").write_text("Hidden files are not read.")
    (folder / "e-empty.txt").write_text("")
    return folder


def test_folder_is_read_recursively_in_order(corpus: Path) -> None:
    items = check_items(read([str(corpus)]))
    assert _summary(items) == [
        (str(corpus / "a-releases.jsonl"), "article"),
        (str(corpus / "a-releases.jsonl"), "article"),
        (str(corpus / "a-releases.jsonl"), "article"),
        (str(corpus / "c-picture.txt"), "E101"),  # binary: refused, named, the batch goes on
        (str(corpus / "d-notes.docx"), "S100"),  # no reader for it: a skip, not an error
        (str(corpus / "e-empty.txt"), "S101"),
        (str(corpus / "sub" / "b-release.txt"), "article"),
    ]
    binary = rejections(items)[0]
    assert "binary" in binary.reason and binary.is_error


def test_glob(corpus: Path) -> None:
    items = check_items(read([str(corpus / "**" / "*.txt")]))
    assert [p for p, _ in _summary(items)] == [
        str(corpus / "c-picture.txt"),
        str(corpus / "e-empty.txt"),
        str(corpus / "sub" / "b-release.txt"),
    ]


# (path, code, reason part)
MISSING = [
    ("does/not/exist.txt", "E105", "no such file"),
    ("does/not/*.txt", "E105", "no file matches"),
    ("nothing-here-*.jsonl", "E105", "no file matches"),
]


@pytest.mark.parametrize(("path", "code", "reason"), MISSING)
def test_missing_paths_are_rejections_and_the_batch_goes_on(
    tmp_path: Path, path: str, code: str, reason: str
) -> None:
    good = str(DATA / "release-cp1252.txt")
    items = check_items(read([str(tmp_path / path), good]))
    assert _summary(items) == [(str(tmp_path / path), code), (good, "article")]
    assert reason in rejections(items)[0].reason


def test_unknown_suffix_given_explicitly(tmp_path: Path) -> None:
    path = tmp_path / "notes.docx"
    path.write_text("Some words.")
    [rejection] = check_items(read([str(path)]))
    assert isinstance(rejection, Rejection)
    assert (rejection.path, rejection.code) == (str(path), "E102")
    assert "--format" in rejection.reason and "jsonl" in rejection.reason
    [article] = read([str(path)], ReadOptions(format="text"))
    assert isinstance(article, Article) and article.text == "Some words."


def test_unknown_format_option_is_an_error() -> None:
    with pytest.raises(UnknownFormatError, match="'docx'"):
        list(read([str(DATA)], ReadOptions(format="docx")))


def test_format_option_overrides_the_suffix(tmp_path: Path) -> None:
    path = tmp_path / "records.txt"
    shutil.copy(DATA / "releases.jsonl", path)
    assert len(articles(read([str(path)], ReadOptions(format="jsonl")))) == 3
    [as_text] = read([str(path)])
    assert isinstance(as_text, Article) and as_text.text.startswith('{"id"')


class _Stdin:
    def __init__(self, data: bytes) -> None:
        self.buffer = io.BufferedReader(io.BytesIO(data))


# (stdin bytes, options, expected number of articles)
STDIN_CASES = [
    ((DATA / "releases.jsonl").read_bytes(), ReadOptions(), 3),
    ((DATA / "kremlin-news.rss").read_bytes(), ReadOptions(), 3),
    ((DATA / "releases-reuters-layout.sgm").read_bytes(), ReadOptions(), 3),
    ((DATA / "president-gov-ua-release.html").read_bytes(), ReadOptions(), 1),
    ((DATA / "release-cp1252.txt").read_bytes(), ReadOptions(), 1),
    ((DATA / "releases.tsv").read_bytes(), ReadOptions(format="csv", delimiter="\t"), 3),
]


@pytest.mark.parametrize(("data", "options", "count"), STDIN_CASES)
def test_stdin(
    monkeypatch: pytest.MonkeyPatch, data: bytes, options: ReadOptions, count: int
) -> None:
    monkeypatch.setattr(sys, "stdin", _Stdin(data))
    items = check_items(read(["-"], options))
    assert len(articles(items)) == count
    assert all(i.source_path == "-" for i in articles(items))


def test_stdin_sniffing_gives_back_the_sniffed_bytes(monkeypatch: pytest.MonkeyPatch) -> None:
    data = (DATA / "release-cp1252.txt").read_bytes()
    monkeypatch.setattr(sys, "stdin", _Stdin(data))
    [article] = read(["-"])
    assert isinstance(article, Article)
    assert article.text == data.decode("cp1252")[article.body_offset :].rstrip()


COMPRESSORS = {".gz": gzip.compress, ".xz": lzma.compress, ".bz2": bz2.compress}


@pytest.mark.parametrize("suffix", sorted(COMPRESSORS))
@pytest.mark.parametrize("fixture", FIXTURES, ids=[p.name for p in FIXTURES])
def test_compressed_files_read_like_the_originals(
    tmp_path: Path, fixture: Path, suffix: str
) -> None:
    options = ReadOptions(mapping={"text": "body"}) if fixture.suffix == ".csv" else ReadOptions()
    path = tmp_path / (fixture.name + suffix)
    path.write_bytes(COMPRESSORS[suffix](fixture.read_bytes()))
    plain = [a.to_dict() for a in articles(read([str(fixture)], options))]
    packed = [a.to_dict() for a in articles(check_items(read([str(path)], options)))]
    assert plain
    for a in plain:
        a["source_path"] = str(path)
    assert packed == plain


@pytest.mark.parametrize("suffix", [".gz", ".xz", ".bz2"])
def test_corrupt_compressed_file_is_a_rejection(tmp_path: Path, suffix: str) -> None:
    bad = tmp_path / f"bad.jsonl{suffix}"
    bad.write_bytes(
        COMPRESSORS[suffix]((DATA / "releases.jsonl").read_bytes())[:40] + b"garbage" * 10
    )
    good = str(DATA / "release-cp1252.txt")
    items = check_items(read([str(bad), good]))
    last = items[-1]
    assert isinstance(last, Article) and last.source_path == good  # the batch goes on
    [rejection] = [i for i in rejections(items) if i.path == str(bad)]
    assert rejection.code == "E103" and rejection.is_error


def test_text_that_is_secretly_gzip_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_bytes(gzip.compress(b"Some text."))
    [rejection] = read([str(path)])
    assert isinstance(rejection, Rejection) and rejection.code == "E101"


def _tar(path: Path, mode: str, members: dict[str, bytes]) -> Path:
    with tarfile.open(path, mode) as archive:
        info = tarfile.TarInfo("news")
        info.type = tarfile.DIRTYPE
        archive.addfile(info)
        for name, data in members.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
    return path


MEMBERS = {
    "news/releases.jsonl": (DATA / "releases.jsonl").read_bytes(),
    "news/release.txt.gz": gzip.compress((DATA / "release-cp1252.txt").read_bytes()),
    "news/picture.png": b"\x89PNG",
    "news/feed.rss": (DATA / "kremlin-news.rss").read_bytes(),
}


@pytest.mark.parametrize(
    ("suffix", "mode"),
    [
        (".tar", "w"),
        (".tar.gz", "w:gz"),
        (".tgz", "w:gz"),
        (".tar.xz", "w:xz"),
        (".tar.bz2", "w:bz2"),
    ],
)
def test_tar_archives(tmp_path: Path, suffix: str, mode: str) -> None:
    path = _tar(tmp_path / f"news{suffix}", mode, MEMBERS)
    items = check_items(read([str(path)]))
    member = f"{path}!news/"
    assert _summary(items) == [
        (member + "releases.jsonl", "article"),
        (member + "releases.jsonl", "article"),
        (member + "releases.jsonl", "article"),
        (member + "release.txt.gz", "article"),
        (member + "picture.png", "S100"),
        (member + "feed.rss", "article"),
        (member + "feed.rss", "article"),
        (member + "feed.rss", "article"),
    ]


@pytest.mark.parametrize("share", [0.05, 0.08, 0.3, 0.6])
def test_truncated_tar_keeps_the_members_before_the_cut(tmp_path: Path, share: float) -> None:
    whole = _tar(tmp_path / "whole.tar", "w", MEMBERS).read_bytes()
    cut = tmp_path / "cut.tar"
    cut.write_bytes(whole[: int(len(whole) * share)])
    good = str(DATA / "release-cp1252.txt")
    items = check_items(read([str(cut), good]))
    assert isinstance(items[-1], Article) and items[-1].source_path == good  # the batch goes on
    from_tar = items[:-1]
    assert any(isinstance(i, Rejection) and i.is_error for i in from_tar)
    for item in from_tar:
        name = item.source_path if isinstance(item, Article) else item.path
        assert name is not None and name.startswith(str(cut))


def test_tar_cut_between_members_is_reported(tmp_path: Path) -> None:
    """tarfile itself ends quietly at a missing header; the reader must not."""
    whole = _tar(tmp_path / "whole.tar", "w", MEMBERS)
    with tarfile.open(whole) as archive:
        boundaries = [m.offset for m in archive.getmembers()][1:]  # header starts
    data = whole.read_bytes()
    for boundary in boundaries:
        cut = tmp_path / "cut.tar"
        cut.write_bytes(data[:boundary])
        items = check_items(read([str(cut)]))
        last = items[-1]
        assert isinstance(last, Rejection), boundary
        assert (last.path, last.code) == (str(cut), "E104")
        assert "truncated" in last.reason


def test_tar_in_a_folder_is_expanded(tmp_path: Path) -> None:
    _tar(tmp_path / "news.tar.gz", "w:gz", {"a.jsonl": (DATA / "releases.jsonl").read_bytes()})
    items = check_items(read([str(tmp_path)]))
    assert len(articles(items)) == 3


def test_read_articles_drops_rejections(corpus: Path) -> None:
    found = list(read_articles([str(corpus)]))
    assert len(found) == 4
    assert all(isinstance(a, Article) for a in found)


def test_stdin_is_not_closed_by_a_utf16_reader(monkeypatch: pytest.MonkeyPatch) -> None:
    stdin = _Stdin("text\nNause\u0307da in Kyiv\n".encode("utf-16"))
    monkeypatch.setattr(sys, "stdin", stdin)
    items = check_items(read(["-"], ReadOptions(format="csv")))
    assert [a.encoding for a in articles(items)] == ["utf-16"]
    assert not stdin.buffer.closed
