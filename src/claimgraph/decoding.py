"""Bytes to text: BOMs, UTF-8, then a documented single-byte fallback; binaries refused.

The cascade (first success wins) is ``ENCODING_CASCADE``; the name of the codec that won is
recorded on the article (``Article.encoding``) so a reader can tell which texts were guessed.
"""

from __future__ import annotations

import codecs
from typing import NamedTuple

from claimgraph.errors import BinaryInputError

# Byte-order marks, longest first (UTF-32 LE starts with the UTF-16 LE mark). The codecs
# named here consume the mark, so decoded text never starts with U+FEFF.
BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# Tried in order when there is no BOM. cp1252 covers Windows "smart quotes"; latin-1 maps
# every byte, so the cascade always ends in a decoding (cp1252 leaves 5 bytes undefined).
ENCODING_CASCADE: tuple[str, ...] = ("utf-8", "cp1252", "latin-1")

# How much of the start of a file is inspected to decide that it is binary.
SNIFF_BYTES = 8192
# Share of control characters (other than tab, CR, LF, FF) above which bytes count as binary.
MAX_CONTROL_SHARE = 0.10

# Signatures of common binary formats that must not be read as (latin-1) text.
BINARY_MAGIC: tuple[bytes, ...] = (
    b"\x89PNG",
    b"%PDF",
    b"PK\x03\x04",
    b"\x7fELF",
    b"GIF8",
    b"\xff\xd8\xff",
    b"SQLite format 3\x00",
    b"\x1f\x8b",  # gzip stream where text was expected
    b"\xfd7zXZ\x00",
    b"BZh",
)

_TEXT_CONTROLS = frozenset(b"\t\n\r\x0c\x1b")


class Decoded(NamedTuple):
    text: str
    encoding: str


def bom_encoding(data: bytes) -> str | None:
    """The codec named by a leading byte-order mark, or None."""
    for bom, name in BOMS:
        if data.startswith(bom):
            return name
    return None


def binary_reason(sample: bytes) -> str | None:
    """Why ``sample`` (the start of a file) looks binary, or None when it looks like text."""
    if bom_encoding(sample) is not None:
        return None  # UTF-16/32 text is full of NULs; the BOM says it is text
    for magic in BINARY_MAGIC:
        if sample.startswith(magic):
            if magic == b"BZh" and not sample[3:4].isdigit():
                continue  # plain text may start with "BZh..."
            return f"binary file (starts with signature {magic[:8]!r})"
    if not sample:
        return None
    if b"\x00" in sample:
        return "binary file (contains NUL bytes and no UTF-16/32 byte-order mark)"
    controls = sum(1 for b in sample if b < 0x20 and b not in _TEXT_CONTROLS)
    if controls / len(sample) > MAX_CONTROL_SHARE:
        return f"binary file ({controls} control bytes in the first {len(sample)})"
    return None


def sniff_encoding(sample: bytes) -> str:
    """Pick a codec for a stream from its first bytes (BOM, else the first codec that fits).

    The sample may end inside a multi-byte UTF-8 sequence, so a failure within the last 3
    bytes does not count against UTF-8.
    """
    bom = bom_encoding(sample)
    if bom is not None:
        return bom
    for name in ENCODING_CASCADE:
        try:
            sample.decode(name)
        except UnicodeDecodeError as exc:
            if (
                name == "utf-8"
                and exc.start >= len(sample) - 3
                and exc.reason == "unexpected end of data"
            ):
                return name
            continue
        return name
    return "latin-1"


def decode_bytes(data: bytes, path: str) -> Decoded:
    """Decode a whole file. Raises :class:`BinaryInputError` for binary content."""
    reason = binary_reason(data[:SNIFF_BYTES])
    if reason is not None:
        raise BinaryInputError(path, reason)
    bom = bom_encoding(data)
    if bom is not None:
        try:
            return Decoded(data.decode(bom), bom)
        except UnicodeDecodeError as exc:
            raise BinaryInputError(
                path, f"invalid {bom} after its byte-order mark: {exc.reason}"
            ) from exc
    for name in ENCODING_CASCADE:
        try:
            text = data.decode(name)
        except UnicodeDecodeError:
            continue
        return Decoded(text, name)
    raise BinaryInputError(path, "cannot be decoded")  # unreachable: latin-1 decodes any bytes
