"""Bytes to text: byte-order marks, UTF-8, the cp1252/latin-1 fallback, binary refusal."""

from __future__ import annotations

import codecs

import pytest

from claimgraph.decoding import (
    ENCODING_CASCADE,
    SNIFF_BYTES,
    binary_reason,
    bom_encoding,
    decode_bytes,
    sniff_encoding,
)
from claimgraph.errors import BinaryInputError

TEXT = "Zelenskyy met Nausėda in Kyiv \u2013 \u201cwe stand together\u201d."
CP1252_TEXT = "The Immortal Regiment march \u2013 \u201cportraits\u201d of caf\u00e9 owners"

# (bytes, expected text, expected encoding)
DECODED = [
    (b"plain ASCII", "plain ASCII", "utf-8"),
    (b"", "", "utf-8"),
    (TEXT.encode("utf-8"), TEXT, "utf-8"),
    (codecs.BOM_UTF8 + TEXT.encode("utf-8"), TEXT, "utf-8-sig"),
    (TEXT.encode("utf-16"), TEXT, "utf-16"),
    (codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"), TEXT, "utf-16"),
    (codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), TEXT, "utf-16"),
    (codecs.BOM_UTF32_LE + TEXT.encode("utf-32-le"), TEXT, "utf-32"),
    (codecs.BOM_UTF32_BE + TEXT.encode("utf-32-be"), TEXT, "utf-32"),
    (CP1252_TEXT.encode("cp1252"), CP1252_TEXT, "cp1252"),
    # 0x81 and 0x8d are undefined in cp1252: only latin-1 takes them
    (b"caf\xe9 \x81\x8d", "caf\u00e9 \x81\x8d", "latin-1"),
    (b"BZh is how a bzip2 stream starts", "BZh is how a bzip2 stream starts", "utf-8"),
    (b"tab\tand\r\nform\x0cfeed", "tab\tand\r\nform\x0cfeed", "utf-8"),
]


@pytest.mark.parametrize(("data", "text", "encoding"), DECODED)
def test_decode_bytes(data: bytes, text: str, encoding: str) -> None:
    decoded = decode_bytes(data, "some/file.txt")
    assert decoded == (text, encoding)
    assert not decoded.text.startswith("\ufeff")


BINARIES = [
    (b"\x89PNG\r\n\x1a\n\x00\x00", "signature"),
    (b"%PDF-1.7\n", "signature"),
    (b"PK\x03\x04zipzip", "signature"),
    (b"\x7fELF\x02\x01", "signature"),
    (b"GIF89a", "signature"),
    (b"\xff\xd8\xff\xe0JFIF", "signature"),
    (b"SQLite format 3\x00", "signature"),
    (b"\x1f\x8b\x08\x00", "signature"),
    (b"\xfd7zXZ\x00\x00", "signature"),
    (b"BZh91AY&SY", "signature"),
    (b"text with a \x00 NUL", "NUL"),
    (bytes(range(1, 32)) * 4, "control bytes"),
]


@pytest.mark.parametrize(("data", "reason_part"), BINARIES)
def test_binary_content_is_refused_with_the_path(data: bytes, reason_part: str) -> None:
    assert binary_reason(data) is not None
    with pytest.raises(BinaryInputError) as info:
        decode_bytes(data, "folder/picture.txt")
    error = info.value
    assert error.path == "folder/picture.txt"
    assert reason_part in error.reason
    assert error.code == "E101"
    assert "folder/picture.txt" in str(error) and "[E101]" in str(error)


def test_binary_check_looks_at_the_start_only() -> None:
    data = b"a" * SNIFF_BYTES + b"\x00"
    assert binary_reason(data[:SNIFF_BYTES]) is None
    assert decode_bytes(data, "long.txt").encoding == "utf-8"


def test_a_few_control_bytes_are_still_text() -> None:
    assert binary_reason(b"Reuters story\x03 end\x02 " + b"word " * 20) is None


@pytest.mark.parametrize(
    "data",
    [codecs.BOM_UTF16_LE + b"a", codecs.BOM_UTF16_LE + b"\x00\xd8\x00\x00"],
    ids=["odd byte count", "lone surrogate"],
)
def test_broken_text_after_a_bom_is_refused(data: bytes) -> None:
    with pytest.raises(BinaryInputError, match="byte-order mark"):
        decode_bytes(data, "broken.txt")


# (sample, expected codec)
SNIFFED = [
    (b"ascii", "utf-8"),
    ("caf\u00e9".encode(), "utf-8"),
    ("caf\u00e9 \u2013".encode()[:-1], "utf-8"),  # cut inside the last character
    (b"caf\xe9 au lait", "cp1252"),
    (b"caf\xe9", "utf-8"),  # may be a UTF-8 sequence cut by the end of the sample
    (b"\x81", "latin-1"),
    (codecs.BOM_UTF8 + b"x", "utf-8-sig"),
    (codecs.BOM_UTF16_LE + b"x\x00", "utf-16"),
]


@pytest.mark.parametrize(("sample", "expected"), SNIFFED)
def test_sniff_encoding(sample: bytes, expected: str) -> None:
    assert sniff_encoding(sample) == expected


def test_bom_encoding_prefers_the_longest_mark() -> None:
    assert bom_encoding(codecs.BOM_UTF32_LE + b"") == "utf-32"
    assert bom_encoding(codecs.BOM_UTF16_LE + b"a\x00") == "utf-16"
    assert bom_encoding(b"no mark") is None


def test_cascade_ends_with_a_codec_that_takes_any_byte() -> None:
    assert ENCODING_CASCADE[0] == "utf-8"
    assert bytes(range(256)).decode(ENCODING_CASCADE[-1])
