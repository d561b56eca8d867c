"""The cited page of a PDF as a picture with the answer's lines outlined, and the original file
to download, for the sources panel.

The picture is rendered from the corpus file (pypdfium2) only while that file still has the
content that was indexed (same sha256): otherwise the outline would point at other text. It is
embedded in the panel as a data URI, with one absolutely placed outline per printed line of the
answer (or of the passage, for a citation that holds no answer), so the outline is part of the
page (and visible to a test) rather than painted into the pixels.
"""

from __future__ import annotations

import base64
import hashlib
import shutil
import threading
from collections import OrderedDict
from pathlib import Path

from qa.app.render import esc
from qa.ingest import DocumentError
from qa.ingest.pdf import PagePicture, page_picture
from qa.lang import reply_words

PICTURE_WIDTH = 700  # pixels: sharp enough to read in a ~400 px panel on a high-density screen
DOWNLOAD_SUFFIXES = (".pdf", ".docx")  # files whose text is extracted: the original is worth having


def _read_if_same(corpus: Path, doc: str, sha256: str, max_bytes: int) -> bytes | None:
    path = (Path(corpus) / doc).resolve()
    if not path.is_relative_to(Path(corpus).resolve()) or not path.is_file():
        return None
    try:
        if path.stat().st_size > max_bytes:
            return None
        data = path.read_bytes()
    except OSError:
        return None
    return data if hashlib.sha256(data).hexdigest() == sha256 else None


_PICTURES: OrderedDict[tuple, PagePicture] = OrderedDict()  # by (sha256, page, start, end)
_PICTURES_MAX = 64  # ~100 KB each; the file's bytes are never kept
_LOCK = threading.Lock()


def _picture(sha256: str, data: bytes, page: int, start: int, end: int) -> PagePicture:
    key = (sha256, page, start, end)
    with _LOCK:
        if key in _PICTURES:
            _PICTURES.move_to_end(key)
            return _PICTURES[key]
    pic = page_picture(data, page, start, end, width=PICTURE_WIDTH)
    with _LOCK:
        _PICTURES[key] = pic
        while len(_PICTURES) > _PICTURES_MAX:
            _PICTURES.popitem(last=False)
    return pic


def page_html(
    corpus: Path, doc: str, sha256: str, pages: tuple[int, ...], page: int, span: tuple[int, int],
    max_bytes: int, language: str = "en", answer: bool = True,
) -> str | None:
    """HTML of the cited page with span (document offsets) outlined, its caption in `language`; None when the
    file is gone, changed since indexing, or cannot be rendered (the text view then stands alone). `answer`: the span
    is the answer (outlined in red); else it is a passage cited for no answer, outlined as the text view marks a
    passage, so that a "not found" reply's page does not look answered."""
    if not 1 <= page <= len(pages):
        return None
    data = _read_if_same(corpus, doc, sha256, max_bytes)
    if data is None:
        return None
    offset = pages[page - 1]
    try:
        pic = _picture(sha256, data, page, span[0] - offset, span[1] - offset)
    except DocumentError:
        return None
    src = "data:image/png;base64," + base64.b64encode(pic.png).decode("ascii")
    # the first outline is what the panel scrolls to (id qa-focus, as the text highlight is
    # when there is no picture)
    focus = ' id="qa-focus"'
    kind = "qa-page-outline" if answer else "qa-page-outline qa-page-passage"
    outlines = "".join(
        f'<div class="{kind}"{focus if i == 0 else ""} style="left:{100 * a:.2f}%;'
        f'top:{100 * b:.2f}%;width:{100 * (c - a):.2f}%;height:{100 * (d - b):.2f}%"></div>'
        for i, (a, b, c, d) in enumerate(pic.boxes)
    )
    return (
        f'<figure class="qa-page"><div class="qa-page-frame">'
        f'<img class="qa-page-img" src="{src}" width="{pic.width}" height="{pic.height}" '
        f'alt="Page {page} of {esc(doc)}">{outlines}</div>'
        f'<figcaption>{esc(reply_words(language).say("page_of", doc=doc, page=page, pages=len(pages)))}</figcaption>'
        '</figure>'
    )


def download_copy(corpus: Path, doc: str, sha256: str, folder: Path, max_bytes: int) -> str | None:
    """A copy of the original file (as indexed) in ``folder`` for the download button, or None.

    The corpus folder is never served; the copy lives where the web server may serve files."""
    if not doc.lower().endswith(DOWNLOAD_SUFFIXES):
        return None
    data = _read_if_same(corpus, doc, sha256, max_bytes)
    if data is None:
        return None
    target = Path(folder) / sha256[:16] / Path(doc).name
    if not target.is_file():
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_suffix(target.suffix + ".part")
        tmp.write_bytes(data)
        shutil.move(tmp, target)
    return str(target)
