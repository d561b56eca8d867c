"""The web app's source view highlights exactly the answer shown, when the answer is two sentences
(one that refers back, "For this purpose, ...", after the sentence it refers to: qa.answer.shown):
the answer sentence as the answer, the sentence before it as what it refers to, each named so in the
legend; the chat reply quotes both, the sentence before muted."""

from __future__ import annotations

import html
import re

import pytest

from qa.app.chat import Conversation

NEWS = (
    "Harbour news\n\n"
    "Skarn council keeps the lighthouse\n\n"
    "On 3 May 2024 the Skarn council voted to keep the old lighthouse of Port Ellery running for ten more "
    "years. For this purpose, the council set aside 40,000 crowns from the harbour fund. It also asked the "
    "lighthouse trust to report every spring.\n\n"
    "Wenlow opens a ferry office\n\n"
    "On 9 June 2024 the Tarrow ferry company opened a ticket office in Wenlow. The office sells tickets for "
    "all crossings to the outer islands.\n"
)


@pytest.fixture
def chat(chat_over):
    return chat_over(NEWS)


def highlighted(source_html: str, cls: str = "qa-hl-answer") -> str:
    """The text inside the source view body's marks of class `cls` (not its legend's), in order."""
    body = source_html.split('class="qa-source-body">', 1)[1]
    return "".join(html.unescape(re.sub(r"<[^>]+>", "", m))
                   for m in re.findall(rf'<mark class="{cls}"[^>]*>(.*?)</mark>', body))


def legend(source_html: str) -> str:
    part = source_html.split('class="qa-legend">', 1)[1].split("</div>", 1)[0]
    return html.unescape(re.sub(r"<[^>]+>", "", part))


def test_a_two_sentence_answer_is_highlighted_whole_in_its_source(chat):
    conv = Conversation()
    turn = chat.ask(conv, "Why did the council set aside 40,000 crowns from the harbour fund?", k=3)
    a = turn.answer
    assert a is not None and a.text.startswith("On 3 May 2024") and a.text.endswith("from the harbour fund.")
    assert a.sentence_start is not None and a.sentence_text.startswith("For this purpose")
    assert a.text == NEWS[a.start:a.end]
    cited = conv.citation(0, a.passage_rank)
    assert cited.answer == (a.start, a.end)
    assert cited.start <= a.start and a.end <= cited.end  # the cited passage holds both sentences
    source = chat.source_html(conv, 0, a.passage_rank)
    before = a.text[:a.sentence_start - a.start]
    assert highlighted(source, "qa-hl-before") == before and before.startswith("On 3 May 2024")
    assert highlighted(source, "qa-hl-before") + highlighted(source) == a.text  # the whole answer, in order
    assert highlighted(source) == a.sentence_text
    assert "sentence the answer refers to" in legend(source) and "answer sentence" in legend(source)
    # the reply quotes the same two sentences, the one referred to muted before the answer sentence
    reply = turn.reply_html
    assert '<span class="qa-before">On 3 May 2024' in reply and html.escape("For this purpose") in reply
    assert reply.index("qa-before") < reply.index("For this purpose")


def test_a_one_sentence_answer_is_highlighted_alone(chat):
    conv = Conversation()
    turn = chat.ask(conv, "What does the office in Wenlow sell tickets for?", k=3)
    a = turn.answer
    assert a is not None and a.text == "The office sells tickets for all crossings to the outer islands."
    assert a.sentence_start is None
    source = chat.source_html(conv, 0, a.passage_rank)
    assert highlighted(source) == a.text and highlighted(source, "qa-hl-before") == ""
    assert "refers to" not in legend(source) and "qa-before" not in turn.reply_html
