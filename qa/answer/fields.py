"""A document's own fields ("Date: 21 September 2023", "Venue: CARICC headquarters, Almaty", "… (Chair)") as answers.

Minutes, notices and reports state when and where their own meeting was held on a labelled line at their head, not
in a sentence. The sentence model, fitted on news and encyclopaedia prose, ranks such a line low and the gate reads
it as matching nothing: "When was the 14th meeting of the Council held?" over the minutes of that meeting got "not
found", and "When did the Council meet?" the decision to hold the *next* meeting; "Who chaired the Council
meeting?" never reached the attendee "Mr. Serik Zhakupov, National Coordinator, Kazakhstan (Chair)". A field line
answers a when- or where-question about a gathering, or a who-question about one of its offices, when its label
names what is asked and the title of its document or item names the same gathering (the same kind, the same number
in its series, the same names): as a table's row does when the question names its row and column
(qa.answer.tables), the document itself then says it holds the answer.

What the field lines at the head of a document or section say of its own gathering's date and place names it
too (own_setting): "the workshop in Bishkek" is the one whose "Venue:" is in Bishkek, though the title ("Regional
Workshop on Controlled Deliveries") names no place. A heading that is a label ("Participants") makes the first line
of its section its value ("42 participants from …"): how many attended is read from it, or from a "Participants:
42" line. A question about another gathering of the series than the document's own ("the next workshop", "the
previous meeting", "следующее заседание") is answered by none of its fields (asks_another_gathering): the minutes
say where *this* workshop was held, and the decision "Hold the next workshop in Dushanbe" where the next one is.
"""

from __future__ import annotations

import re

from qa.answer.events import gatherings, question_ordinals
from qa.answer.needs import PEOPLE, needs
from qa.ingest.labels import LIST_MARKER
from qa.lang import analyze, detect

# "Label: value" on a line of its own: a label of one to three words, capitalised
_FIELD = re.compile(rf"^\s*{LIST_MARKER}(?P<label>[A-ZА-ЯЁ][^\W\d_]*(?:\s+[^\W\d_]+){{0,2}})\s*:\s*"
                    r"(?P<value>\S.{0,150})$")
# the labels that state when and where a document's own gathering took place, and who held its offices
LABELS = {
    "date": frozenset({"date", "dates", "date and time", "дата", "дата проведения", "время проведения"}),
    "place": frozenset({"venue", "place", "location", "место", "место проведения"}),
    "chair": frozenset({"chair", "chairperson", "chairman", "chairwoman", "chaired by", "presided by", "председатель",
                        "председательствующий", "председательствовал", "председательствовала"}),
    "secretary": frozenset({"secretary", "minutes", "minutes taken by", "секретарь"}),
    "moderator": frozenset({"moderator", "facilitator", "модератор"}),
    "rapporteur": frozenset({"rapporteur", "докладчик"}),
    "participants": frozenset({"participants", "number of participants", "attendance", "attendees", "participation",
                               "участники", "количество участников", "число участников", "участие"}),
}
# the words of a who-question that ask for the holder of one of those offices ("Who chaired the meeting?")
_ROLE_ASKED = {
    # "Кто вёл заседание?", "Who ran the meeting?": who chaired it, not who led a delegation
    "chair": re.compile(r"\b(?:chair\w*|presid\w*|председател\w*|председательствова\w*)\b|"
                        r"\b(?:led|ran|conducted)\s+(?:the\s+|this\s+|that\s+)?(?:meeting|session|sitting)\b|"
                        r"(?<!\w)(?:в[её]л[аи]?|провод\w*)\s+(?:\w+\s+)?(?:заседани|совещани|собрани)\w*", re.I),
    "secretary": re.compile(r"\b(?:secretary|took\s+(?:the\s+)?minutes|секретар\w*)\b", re.I),
    "moderator": re.compile(r"\b(?:moderat\w*|facilitat\w*|модератор\w*|модерирова\w*)\b", re.I),
    "rapporteur": re.compile(r"\b(?:rapporteur|докладчик\w*)\b", re.I),
}
# a list line that marks its person's office in brackets at its end ("Mr. S. Zhakupov, Kazakhstan (Chair)")
_BRACKETED = re.compile(r"\((?P<label>[^()]{2,30})\)\s*[.;]?\s*$")
# a question that asks when or where a body met, with no gathering's noun ("When did the Council meet?")
_MET = re.compile(r"\b(?:meet|met|meets|convene[ds]?|собирал\w*|собрал\w*|заседал\w*)\b", re.I)
# a name of the question (a capitalised word after its first), which the document's title must hold too
_NAME = re.compile(r"(?<!^)\b[A-ZА-ЯЁ][\w-]+")
# a how-many question that asks who attended without naming whom it counts ("How many attended the meeting?")
_ATTENDED = re.compile(r"\b(?:attend\w*|took\s+part|take\s+part|participat\w*|present|присутствова\w*|"
                       r"участвова\w*|участи[ея])\b", re.I)
# a value that opens with a count ("42", "about 40 participants", "всего 42 человека"), not a list's number ("1.
# Mr. Olaf Brekke", "(2) …")
_COUNT = re.compile(r"^\W*(?:(?:about|around|approximately|some|over|more\s+than|nearly|almost|a\s+total\s+of|total|"
                    r"около|более|свыше|всего|почти|примерно)\s+)*\d+(?:[,\s]\d{3})*(?![\d)]|\.\s*\S)", re.I)
# a word that sets a gathering before or after the one a document records ("the *next* workshop"); the
# gathering's noun must follow within three words, with no preposition between ("the last day *of* the workshop"),
# or a word that stands for it ("the next one", "следующее?")
_ANOTHER = re.compile(r"\b(?:next|following|upcoming|forthcoming|subsequent|future|previous|preceding|prior|"
                      r"past|earlier|former|следующ\w*|предыдущ\w*|прошл\w*|предстоящ\w*|ближайш\w*|"
                      r"будущ\w*|прежн\w*)\b(?P<after>(?:\s+[\w-]+){0,3})", re.I)
# a word that asks for the most recent gathering of a series ("the *last* meeting of the Council", "the latest
# workshop", "последнее заседание"): one whose minutes may well be in the documents, the newest of them
_LATEST = re.compile(r"\b(?:last|latest|most\s+recent|recent|последн\w*|недавн\w*)\b(?P<after>(?:\s+[\w-]+){0,3})",
                     re.I)
_BETWEEN = frozenset({"of", "on", "in", "at", "for", "to", "with", "by", "from", "about", "day", "days", "week",
                      "year", "month", "time", "о", "об", "в", "во", "на", "по", "для", "с", "со", "день", "год",
                      "неделе", "году", "раз"})
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")
# how much of a document's or section's head is read for its own fields (minutes give them under the title)
HEAD_CHARS = 1500


def field_of(text: str) -> tuple[str, str] | None:
    """(label, value) of a field line ("Date: 21 September 2023" -> ("date", "21 September 2023")), else None."""
    m = _FIELD.match(text)
    return (m["label"].lower(), m["value"].strip()) if m and "\n" not in text.strip() else None


def is_heading_of(text: str, keys: frozenset[str], filler: frozenset[str], most: int) -> bool:
    """Whether a heading or label (a field line's label, its value on the same line aside) names a section by one of
    `keys` and holds nothing but them and `filler`, in at most `most` words ("List of participants", "Решили:")."""
    field = field_of(text)
    head = field[0] if field else text.strip().rstrip(":").strip()
    words = re.findall(r"[^\W\d_]+", head.lower())
    return 0 < len(words) <= most and any(w in keys for w in words) and all(w in keys or w in filler for w in words)


def asked_field(question: str) -> str | None:
    """The field a question asks for: "date" or "place" when it asks when or where a gathering took place, an
    office's ("chair", …) when it asks who held it ("Who chaired the meeting?"), "participants" when it asks how
    many attended it; None when it asks none, or asks about another gathering than a document's own (the next
    one, the previous one)."""
    if asks_another_gathering(question):
        return None
    n = needs(question)
    if n.wants == "person":
        return next((role for role, asks in _ROLE_ASKED.items() if asks.search(question)), None)
    if not (gatherings(question) or _MET.search(question)):
        return None
    if n.wants == "number":
        # whom it counts are people ("participants", "delegates", "человек"), or it counts who attended
        counts_people = bool(n.units & PEOPLE) or (not n.units and bool(_ATTENDED.search(question)))
        return "participants" if counts_people and not n.measure and not n.money else None
    return n.wants if n.wants in LABELS else None


def asks_another_gathering(question: str) -> bool:
    """Whether the question asks about a gathering before or after another ("Where will the *next* workshop be
    held?", "Кто председательствовал на предыдущем заседании?"): a document's own fields do not answer it."""
    return _sets_gathering(question, _ANOTHER)


def asks_latest(question: str) -> bool:
    """Whether the question asks about the most recent gathering of a series ("When was the *last* meeting of the
    Council held?", "Кто председательствовал на последнем заседании?"): the newest minutes of that series answer
    it, not another gathering's news."""
    return _sets_gathering(question, _LATEST, alone=False)


def _sets_gathering(question: str, pattern: re.Pattern, alone: bool = True) -> bool:
    """Whether a word of `pattern` sets a gathering: its noun within three words after it, no preposition between,
    or a word that stands for it ("the next one"), or with `alone` the word at the question's end ("следующее?";
    not "last": "How long did the Cold War *last*?")."""
    for m in pattern.finditer(question):
        words = m["after"].split()
        if (alone and not words) or (words and words[0].lower() in ("one", "ones")):  # "the next one"
            return True
        cut = next((i for i, w in enumerate(words) if w.lower() in _BETWEEN), len(words))
        if cut and gatherings(" ".join(words[:cut])):
            return True
    return False


def opens_with_count(text: str) -> bool:
    """Whether a line or a field's value opens with a count ("42 participants from …", "42"), not a list's number."""
    return bool(_COUNT.match(text))


def own_setting(head: str) -> str:
    """The values of the date and place fields among the lines of a document's or section's head ("12-13
    September 2023 Orion Hotel, Bishkek, Kyrgyzstan"): they name its own gathering, as its title does."""
    wanted = LABELS["date"] | LABELS["place"]
    return " ".join(f[1] for line in head.splitlines() if (f := field_of(line)) and f[0] in wanted)


def own_place(head: str) -> str:
    """The values of the place fields among the lines of a document's or section's head ("Orion Hotel, Bishkek")."""
    return " ".join(f[1] for line in head.splitlines() if (f := field_of(line)) and f[0] in LABELS["place"])


# a label's words naming its gathering, which say nothing of the field: "Секретарь заседания", "Date of the meeting"
_OF_GATHERING = re.compile(r"\s+(?:of\s+(?:the\s+)?)?(?:meeting|session|sitting|workshop|conference|заседания|"
                           r"совещания|встречи|собрания|семинара|конференции)$")


def _labels_of(text: str, heading: str | None = None) -> list[str]:
    """The labels a line gives what it states: a field's ("Секретарь заседания:" read as "секретарь"), an office in
    brackets at its end, or the label its section's heading is when the line opens that section (`heading`:
    "Participants" over "42 participants …")."""
    field = field_of(text)
    bracketed = _BRACKETED.search(text)
    label = heading.strip().rstrip(":").strip().lower() if heading else None
    return [_OF_GATHERING.sub("", x) for x in (field[0] if field else None,
                                               bracketed["label"].strip().lower() if bracketed else None, label) if x]


def labelled(kind: str, text: str, heading: str | None = None) -> bool:
    """Whether a line is labelled as the field `kind` ("Venue: …" for "place", "… (Chair)" for "chair"), or opens
    a section whose heading is that label (`heading`)."""
    return any(label in LABELS[kind] for label in _labels_of(text, heading))


def names_its_gathering(question: str, title: str) -> bool:
    """Whether a document or item `title` ("Minutes of the 14th Meeting of the CARICC Council") names the gathering
    the question asks about: the same kind when the question names one, its number in its series, and its names."""
    asked = gatherings(question)
    if asked and not asked & gatherings(title):
        return False
    if not question_ordinals(question, synonyms=True) <= question_ordinals(title, synonyms=True):
        return False
    # a year names one gathering of a series as its number does ("the 2022 workshop", "… meet in 2022?"): the
    # title or its own date must hold it; a question about no gathering dates something else ("Who was the project
    # manager in 2022?" of an attendee list)
    if (asked or _MET.search(question)) and not needs(question).years <= set(_YEAR.findall(title)):
        return False
    lang = detect(title)
    held = set(analyze(title, lang))
    return all(set(analyze(name, lang)) <= held for name in question_names(question))


def question_names(question: str) -> list[str]:
    """The names of a question (its capitalised words after the first), but an office's name in capitals ("Who
    was the Chair …?"), which is what is asked, not a name."""
    return [n for n in _NAME.findall(question) if not any(asks.fullmatch(n) for asks in _ROLE_ASKED.values())]


def field_candidate(question: str, texts: list[str], titles: list[str], typed: list[float],
                    headings: list[str | None] | None = None) -> int | None:
    """The index of the first candidate (its text, the title of its document and item with what their own
    fields say of its gathering's date and place, whether it holds a span of the asked kind: types.typed_match,
    and the heading of its section when it opens the section) that is a field answering the question, else None."""
    kind = asked_field(question)
    if kind is None:
        return None
    headings = headings or [None] * len(texts)
    for i, (text, title, holds, heading) in enumerate(zip(texts, titles, typed, headings)):
        if not labelled(kind, text, heading) or not _states(kind, text, holds, heading):
            continue
        if names_its_gathering(question, title):
            return i
    return None


def _states(kind: str, text: str, holds: float, heading: str | None = None) -> bool:
    """Whether a field line states what is asked: a date or a person the patterns read (types.typed_match); a
    place named (a capitalised word after the label: the place patterns want the preposition a sentence gives
    it, "in Almaty", which a field has not); a count of who attended (its value opens with a number: "42",
    "42 participants from …", which the patterns read as a count of nothing when the label names what it counts).
    A line that opens a section headed by the label is the value itself."""
    field = field_of(text)
    value = field[1] if field is not None else text if heading else None
    if kind == "participants":
        return value is not None and opens_with_count(value)
    if kind != "place":
        return holds == 1.0
    return value is not None and bool(re.search(r"\b[A-ZА-ЯЁ]", value))
