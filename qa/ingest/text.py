"""Bytes -> text: UTF-8, UTF-16 with a BOM, or a detected legacy encoding; binary is refused."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

from qa.ingest.document import DocumentError
from qa.ingest.readers import Extracted


_UTF8_BOM = b"\xef\xbb\xbf"
_UTF16_BOMS = {b"\xff\xfe": "utf-16-le", b"\xfe\xff": "utf-16-be"}
# File signatures of common binary formats that can hide behind a .txt name.
_BINARY_MAGIC = (
    b"%PDF", b"\x89PNG", b"GIF8", b"\xff\xd8\xff", b"PK\x03\x04", b"\x7fELF", b"MZ",
    b"\x1f\x8b", b"BZh", b"7z\xbc\xaf", b"Rar!", b"\xd0\xcf\x11\xe0", b"RIFF", b"OggS", b"ID3",
    b"SQLite format 3",
)  # fmt: skip
_CONTROL_RE = re.compile(r"[\x00-\x08\x0e-\x1f\x7f\ufffd]")
_CONTROL_MAX_RATIO = 0.02
_SAMPLE = 1 << 20


def _looks_binary(text: str) -> bool:
    sample = text[:_SAMPLE]
    return bool(sample) and len(_CONTROL_RE.findall(sample)) / len(sample) > _CONTROL_MAX_RATIO


def _letter_ratio(text: str) -> float:
    """Share of non-ASCII characters that are letters: mis-decoded text is full of symbols."""
    non_ascii = [c for c in text[:_SAMPLE] if ord(c) > 127]
    return sum(c.isalpha() for c in non_ascii) / len(non_ascii) if non_ascii else 1.0


def _script(ch: str) -> str:
    try:
        return unicodedata.name(ch).split(" ", 1)[0]  # "CYRILLIC", "LATIN", "CJK", "HALFWIDTH" ...
    except ValueError:
        return "?"



def _readability(text: str) -> float:
    """How much a decoding reads like real text (higher is better), from its non-ASCII part:
    the share of letters, times the share of letters in the dominant script (mis-decoded bytes
    scatter over scripts: "崹ﾉﾗﾅﾔ"), less the share of words that flip from lower to upper case
    mid-word (KOI8-R read as cp1251: "рТЙЧЕФ") or mix Latin with another script ("Kцln", "K闤n")."""
    sample = text[: 1 << 16]
    letters = [c for c in sample if ord(c) > 127 and c.isalpha()]
    if not letters:
        return _letter_ratio(sample)
    scripts = Counter(_script(c) for c in letters)
    coherence = scripts.most_common(1)[0][1] / len(letters)
    words = [w for w in re.findall(r"[^\W\d_]{2,}", sample) if not w.isascii()]
    odd = 0
    for w in words:
        flips = any(a.islower() and b.isupper() for a, b in zip(w, w[1:]))
        mixed = any(c.isascii() for c in w) and any(not c.isascii() and _script(c) != "LATIN" for c in w)
        odd += flips or mixed
    return _letter_ratio(sample) * coherence - (odd / len(words) if words else 0.0)


_MAX_BAD_UTF8 = 0.01  # invalid bytes per non-ASCII byte that still make "UTF-8 with a few bad bytes"


def _decode_mostly_utf8(data: bytes) -> str | None:
    """UTF-8 with a few invalid bytes (a truncated download, one bad byte in a long text): the
    text with U+FFFD for the bad bytes, or None if the bytes do not look like UTF-8 at all."""
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd") - data.decode("utf-8", errors="ignore").count("\ufffd")
    multibyte = sum(1 for c in text if ord(c) > 127 and c != "\ufffd")
    if multibyte == 0:
        return None  # ASCII plus stray high bytes: a legacy single-byte encoding reads it better
    high = sum(1 for b in data if b > 127)
    return text if bad <= max(1, _MAX_BAD_UTF8 * high) else None


def decode(data: bytes) -> str:
    """Bytes -> text: UTF-8 (a leading BOM kept as U+FEFF; a few invalid bytes in otherwise valid
    UTF-8 become U+FFFD), UTF-16 with BOM, else a detected legacy encoding (charset-normalizer,
    cp1251, KOI8-R or cp1252, whichever reads best: short Russian texts are often mistaken for other
    code pages). Raises DocumentError for binary."""
    binary = DocumentError("binary file (not text)")
    for bom, codec in _UTF16_BOMS.items():
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(codec)
            except UnicodeDecodeError:
                raise binary from None
    # A UTF-8 byte-order mark stays in the text as U+FEFF, as open(path, encoding="utf-8")
    # reads it: every offset then indexes the file's text, BOM or not (issue 14). Paragraph
    # detection (qa.ingest.paragraphs.lines) skips it, so no block, title or answer holds it.
    bom = "\ufeff" if data.startswith(_UTF8_BOM) else ""
    if bom:
        data = data[len(_UTF8_BOM) :]
    if data.startswith(_BINARY_MAGIC) or b"\x00" in data[:_SAMPLE]:
        raise binary
    try:
        text = bom + data.decode("utf-8")
    except UnicodeDecodeError:
        text = _decode_mostly_utf8(data)
        if text is None:
            text = _decode_legacy(data)
        elif bom:
            text = bom + text
    if _looks_binary(text):
        raise binary
    return text


_LEGACY_FALLBACKS = ("cp1251", "koi8_r", "cp1252")


def _decode_legacy(data: bytes) -> str:
    import charset_normalizer  # imported lazily: only non-UTF-8 files need it

    best = charset_normalizer.from_bytes(data[: 4 * _SAMPLE]).best()
    candidates = []
    if best is not None:
        try:
            candidates.append(data.decode(best.encoding))
        except (UnicodeDecodeError, LookupError):
            candidates.append(str(best))
    for codec in _LEGACY_FALLBACKS:
        try:
            candidates.append(data.decode(codec))
        except UnicodeDecodeError:
            pass
    if not candidates:
        raise DocumentError("binary file (not text)")
    # max() keeps the first of equals: charset-normalizer's answer wins unless another reads better.
    return max(candidates, key=_readability)



def decode_text(data: bytes) -> str:
    """decode(), refusing a file that holds only white space."""
    text = decode(data)
    if not text.lstrip("\ufeff").strip():
        raise DocumentError("empty file")
    return text


def read_text(data: bytes) -> Extracted:
    """The plain-text reader (.txt)."""
    return Extracted(decode_text(data))


def read_markdown(data: bytes) -> Extracted:
    """The Markdown reader: the text as is; "#" headings become item titles when items are cut."""
    return Extracted(decode_text(data), markdown=True)
