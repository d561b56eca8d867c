"""What a gathering decided, read from the decisions of its minutes ("What was decided at the workshop …?").

Minutes set their decisions apart, under a heading ("Decisions", "3. Decisions", "Decided", "Решили",
"Постановили") or a label line ("Decisions:", "Решили:") over numbered or bulleted lines. The sentence model,
fitted on prose, ranked the minutes' "Venue: Orion Hotel, Bishkek" first for "What was decided at the workshop on
controlled deliveries in Bishkek?" (the line shares "Bishkek" with the question) and the gate passed it. A
what-was-decided question about a gathering is answered by the first line of the decisions of the minutes whose
title (and own date and place: qa.answer.heads) names that gathering (qa.answer.fields.names_its_gathering), and
never by a field line of their head.
"""

from __future__ import annotations

import re

from qa.answer.attendees import is_list_line
from qa.answer.events import gatherings
from qa.answer.fields import (LABELS, asks_another_gathering, field_of, is_heading_of, names_its_gathering,
                              question_names)
from qa.answer.needs import needs
from qa.lang import analyze, detect

# the words of a heading or label over a gathering's decisions; the heading holds one and nothing but these
_DECISION = frozenset({"decisions", "decision", "decided", "resolved", "resolutions", "resolution", "agreed",
                       "решили", "решение", "решения", "постановили", "постановление", "решено"})
_FILLER = frozenset({"the", "of", "and", "taken", "adopted", "key", "main", "list", "summary", "actions", "action",
                     "points", "принятые", "принятое", "основные", "по", "итогам", "и", "перечень"})
# a question asking what was decided ("What was decided …?", "What did the Council decide?", "Какие решения
# были приняты …?", "Что решили …?")
_ASKS_DECIDED = re.compile(r"\b(?:decid\w*|decision\w*|agreed|agree|resolv\w*|resolution\w*|реши\w*|решен\w*|"
                           r"постанови\w*|договорил\w*)\b", re.I)
# a what-question ("What was decided …?", "Which decisions …?", "Что решили …?", "Какие решения …?"), not a why-
# or how-question about a decision ("Why is it difficult to resolve …?")
_WHAT = re.compile(r"\s*(?:what|which|что|како\w*|каки\w*|какое)\b", re.I)
# the words that say a decision was made ("taken", "приняты"), which name nothing it is about
_TAKEN = re.compile(r"\b(?:taken|made|adopted|reached|принят\w*|приня\w*|вынес\w*)\b", re.I)
# how many lines before a line are read back looking for the decisions' label
LOOK_BACK = 40


def is_decisions_heading(text: str) -> bool:
    """Whether a heading or label ("Decisions", "3. Decisions", "Decisions taken", "Решили:") heads decisions; a
    label's value on the same line ("Решили: одобрить план.") does not matter."""
    return is_heading_of(text, _DECISION, _FILLER, 5)


def asks_decided(question: str) -> bool:
    """Whether the question asks what a gathering decided: a what-question that names a decision and no other kind
    of answer (when, who, how many), and a gathering or a name ("What did the Council decide?"), not another
    gathering of its series ("… at the previous meeting")."""
    if not (_WHAT.match(question) and _ASKS_DECIDED.search(question)) or needs(question).wants is not None:
        return False
    if asks_another_gathering(question):
        return False
    return bool(gatherings(question) or question_names(question))


def decisions_heading(line: str, before: list[str], item_title: str) -> str | None:
    """The heading of the decisions a line belongs to, else None: the line itself when it is a label with its
    value ("Решили: одобрить план."), else the label or heading line read back over list lines (`before`: the lines
    before it in its section, nearest first), else its section's title when it heads decisions."""
    if is_decisions_heading(line):
        return line if field_of(line) is not None else None
    for text in before[:LOOK_BACK]:
        if is_decisions_heading(text):
            return text
        if not is_list_line(text):
            break
    return item_title if is_decisions_heading(item_title) else None


def is_field_line(text: str) -> bool:
    """Whether a line is one of a document's own fields ("Venue: Orion Hotel, Bishkek", "Date: …")."""
    field = field_of(text)
    return field is not None and any(field[0] in labels for labels in LABELS.values())


def decision_candidate(question: str, texts: list[str], headings: list[str | None], titles: list[str],
                       order: list[tuple[str, int, int]] | None = None) -> int | None:
    """The index of the candidate (its text, the heading of the decisions it belongs to or None, the titles and
    own setting of its document and section, and `order`: its document, item and place there) that is the decision
    of the gathering the question names, else None: the best-ranked one when the question says what about ("What
    was decided about the checklist?"), else the first of its decisions ("What was decided at the workshop?")."""
    found = []
    for i, (heading, title) in enumerate(zip(headings, titles)):
        # a bare heading ("Decisions") is none of them; a label with its value ("Решили: одобрить план.") is
        bare = is_decisions_heading(texts[i]) and field_of(texts[i]) is None
        if heading is not None and not bare and names_its_gathering(question, title):
            found.append(i)
    if not found:
        return None
    best = found[0]
    if order is None or _says_what_about(question, titles[best]):
        return best
    doc, item, _ = order[best]
    return min((i for i in found if order[i][:2] == (doc, item)), key=lambda i: order[i][2])


def _says_what_about(question: str, title: str) -> bool:
    """Whether the question names something beyond the decision and its gathering (what its title holds)."""
    rest = _TAKEN.sub(" ", _ASKS_DECIDED.sub(" ", question))
    lang = detect(question)
    return bool(set(analyze(rest, lang)) - set(analyze(title, detect(title))) - gatherings(rest))
