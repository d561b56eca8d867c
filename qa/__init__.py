"""Offline extractive question answering over a folder of documents, with exact citations.

The flow, one module per step: documents -> chunking -> embedding -> index -> retrieve -> answer,
with ``service`` tying them together for the CLI (``cli``) and the web app (``web``).
"""

__version__ = "0.1.0"
