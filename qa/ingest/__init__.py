"""Ingest: corpus files -> documents -> news items -> sentences and chunks, with exact offsets.

Owns everything between a file on disk and the text the index stores: walking the corpus folder
(hidden files skipped, symlink loops avoided), size limits, reading and hashing (``files``); the
reader registry keyed by suffix and by sniffed content (``readers``), with the text, Markdown and
HTML readers (``text``, ``html``) and the PDF and Word readers (``pdf``, ``word``, with the
page rules in ``pages`` and their cache by content hash in ``extract_cache``) registered below; page-furniture rules (``furniture``),
paragraph kinds (``paragraphs``), leads and titles (``leads``), item splitting (``items``) and
dates (``dates``); and sentence splitting and chunking within the model's window (``chunking``,
``tokens``). A new file format is one reader module plus one ``register`` line here.
"""

from qa.ingest.document import Block, Document, DocumentError, Item, Skipped
from qa.ingest import pdf as _pdf, word as _word
from qa.ingest.html import read_html
from qa.ingest.readers import Reader, register
from qa.ingest.text import read_markdown, read_text

register(Reader("txt", (".txt",), read_text))
register(Reader("md", (".md", ".markdown"), read_markdown))
register(Reader("html", (".html", ".htm"), read_html))
register(Reader("pdf", (".pdf",), _pdf.read_pdf, _pdf.sniff, cached=True))
register(Reader("docx", (".docx",), _word.read_docx, _word.sniff, cached=True))

from qa.ingest.dates import find_date  # noqa: E402
from qa.ingest.files import Scanned, iter_corpus_files, load_corpus, load_document, scan  # noqa: E402
from qa.ingest.items import parse_text  # noqa: E402
from qa.ingest.text import decode  # noqa: E402

__all__ = [
    "Block", "Document", "DocumentError", "Item", "Reader", "Scanned", "Skipped", "decode", "find_date",
    "iter_corpus_files", "load_corpus", "load_document", "parse_text", "register", "scan",
]  # fmt: skip
