"""Readable names of embedding models, for messages only (`qa index`, rebuild reasons).

``Embedder.identity`` keys index manifests and the fitted answer weights, so it never changes for
display: the bundled English model's identity is its folder's name, "model", which says nothing to
a user. Here each part of an identity ("model", "model+onnx-int8-pc", "model+multilingual-e5-
small-q4-c1") gets the name its model card gives it ("all-MiniLM-L6-v2").
"""

from __future__ import annotations

import functools
import os
import re

from qa.embed.choose import MULTILINGUAL_IDENTITY

_KNOWN = {MULTILINGUAL_IDENTITY: "multilingual-e5-small (4-bit)"}
_INT8 = "onnx-int8-pc"
_HEADING_RE = re.compile(r"^#\s+(\S.*?)\s*$", re.MULTILINE)


@functools.cache
def folder_name(path: str) -> str:
    """A local sentence-transformers model's name: its model card's title ("# all-MiniLM-L6-v2"
    in README.md), else the folder's name."""
    base = os.path.basename(os.path.normpath(path))
    try:
        with open(os.path.join(path, "README.md"), encoding="utf-8") as f:
            card = f.read(20_000)
    except OSError:
        return base
    m = _HEADING_RE.search(card)
    return m.group(1) if m and len(m.group(1)) <= 80 else base


def readable(identity: str | None, model: str) -> str:
    """``identity`` as a user reads it; ``model`` is the configured English model (a folder or a
    name), whose folder's name is the identity part that stands for it."""
    if not identity:
        return "?"
    base = os.path.basename(os.path.normpath(model)) if os.path.isdir(model) else None
    out: list[str] = []
    for part in identity.split("+"):
        if part == _INT8 and out:
            out[-1] += " (int8)"
        elif part in _KNOWN:
            out.append(_KNOWN[part])
        elif base is not None and part == base:
            out.append(folder_name(model))
        else:
            out.append(part)
    return " + ".join(out)
