"""Ingest: corpus files -> documents -> news items -> sentences and chunks, with exact offsets.

Owns everything between a file on disk and the text the index stores: walking the corpus folder
(hidden files skipped, symlink loops avoided), size limits, reading and hashing (``files``); the
reader registry keyed by suffix and by sniffed content (``readers``), with the text, Markdown and
HTML readers (``text``, ``html``) and the PDF and Word readers (``pdf``, ``word``, with the
page rules in ``pages`` and their cache by content hash in ``extract_cache``) registered below; page-furniture rules
(``furniture``), paragraph kinds (``paragraphs``), leads and titles (``leads``), item splitting (``items``) and
dates (``dates``); and sentence splitting and chunking within the model's window (``chunking``,
``tokens``). A new file format is one reader module plus one ``register`` line here, naming its
functions with ``readers.Deferred`` so that importing this package does not import every reader.
"""

from qa.ingest.document import Block, Document, DocumentError, Item, Skipped
from qa.ingest.readers import Deferred, Reader, register

register(Reader("txt", (".txt",), Deferred("qa.ingest.text", "read_text")))
register(Reader("md", (".md", ".markdown"), Deferred("qa.ingest.text", "read_markdown")))
register(Reader("html", (".html", ".htm"), Deferred("qa.ingest.html", "read_html")))
register(Reader("pdf", (".pdf",), Deferred("qa.ingest.pdf", "read_pdf"), Deferred("qa.ingest.pdf", "sniff"),
                cached=True))
register(Reader("docx", (".docx",), Deferred("qa.ingest.word", "read_docx"), Deferred("qa.ingest.word", "sniff"),
                cached=True))

# The names below are imported on first use (PEP 562): answering a question imports this package
# for two small rule modules, and walking, reading and item splitting cost ~0.05 s to import.
_LAZY = {
    "find_date": "qa.ingest.dates",
    "Scanned": "qa.ingest.files",
    "content_key": "qa.ingest.files",
    "iter_corpus_files": "qa.ingest.files",
    "load_corpus": "qa.ingest.files",
    "load_document": "qa.ingest.files",
    "scan": "qa.ingest.files",
    "parse_text": "qa.ingest.items",
    "decode": "qa.ingest.text",
}


def __getattr__(name: str):
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_LAZY))


__all__ = [
    "Block", "Document", "DocumentError", "Item", "Reader", "Scanned", "Skipped", "decode", "find_date",
    "iter_corpus_files", "load_corpus", "load_document", "parse_text", "register", "scan",
]  # fmt: skip
