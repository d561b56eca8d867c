"""Answer candidates built by hand for the answer step's re-ordering rules: a sentence alone in its passage of one
document's one dated item."""

from __future__ import annotations

from qa.answer.features import Candidate
from qa.contracts import ChunkRow, ItemInfo, Passage
from qa.store import SentenceRow


def lone_candidate(text: str, date: str | None, score: float, doc: str = "news.txt", *, title: str = "News",
                   lang: str | None = None, features: dict[str, float] | None = None) -> Candidate:
    """`text` as a candidate scored `score`, alone in its passage of `doc`'s item dated `date` (its features
    `features`, else {"typed": 1.0}: it holds what is asked)."""
    item = ItemInfo(doc=doc, index=0, title=title, date=date, start=0, end=len(text))
    chunk = ChunkRow(id=hash(doc + text) % 10_000, doc=doc, item=0, start=0, end=len(text), text=text,
                     first_sentence=0, n_sentences=1)
    passage = Passage(rank=1, chunk=chunk, item=item, score=1.0, dense=0.5, lexical=1.0, bm25=3.0)
    row = SentenceRow(id=0, doc=doc, item=0, start=0, end=len(text), text=text, lang=lang)
    return Candidate(row, passage, {"typed": 1.0} if features is None else features, score)
