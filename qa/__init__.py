"""Offline extractive question answering over a folder of documents, with exact citations.

The data flows through one sub-package per step: ``ingest`` (files -> documents -> items ->
sentences and chunks) -> ``embed`` (text -> vectors) -> ``store`` (immutable index generations;
``build`` writes them incrementally) -> ``retrieve`` (dense + BM25 fusion through
``store.Index.search``) -> ``answer`` (the verbatim answer sentence, or none) -> ``app`` (service,
CLI, web app). ``contracts`` holds the typed shapes that cross these boundaries, ``config`` every
setting and limit, ``lang`` everything language-dependent.
"""

__version__ = "0.1.0"
