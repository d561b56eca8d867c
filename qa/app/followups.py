"""Follow-up questions in a conversation: when a question leans on the turn before, and what to search.

A person asks "Where was the third working group held?" and then "And on what dates?". The
second question names nothing; it means "the dates of that event". General rules carry it (the
word lists and patterns are the language's, ``qa.lang``):

1. Detection. With a turn before it, a question is a follow-up if it opens like one ("and",
   "but", "what about"), refers back (a pronoun or "else" in a question of at most four content
   words; a possessive after a name in the question is that name's), or says too little to stand alone: one content
   word, or two and no name or number that the conversation has not had yet. A short question of the last kind with a
   word new to the conversation that the previous answer's news item does not hold either starts a new topic ("Who
   opened the library?" after an answer from the water report) and is searched as typed.
2. Ellipsis. A follow-up that is only a question phrase ("When?", "And on what dates was it?")
   takes over the rest of the latest whole question: "On what dates did the CCASP hold its
   first workshop?".
3. Otherwise the follow-up keeps its own words and gets the topic words it lacks: those of the
   previous searched question, the previous short answer (a place, a date, a name) and the
   previous answer's title. Words whose spelling stemming keeps apart are added in the other
   spelling ("organised" -> "organized").
4. "What about X?" asks the previous question again about X (a year replaces the year). A year named by its
   distance from the one the previous question named ("And the year before?", "А в прошлом году?") is that year.

The chat (``qa.app.chat``) then answers a follow-up from the news item of the previous answer
first, and from the whole corpus when that item does not answer it. A follow-up that asks what the record of a
gathering says of the gathering itself ("Who chaired it?", "Where was it held?", "How many attended?":
``qa.answer.fields.asked_field`` of the question searched) is first answered from the whole document of the previous
answer (``item_asked``): minutes give those at their head or in another section ("Participants") than the one the
answer before came from ("Date: 12-13 September 2023"). Inside the item a follow-up
asks its own words (``focus``), plus, when it says "he" or "she" ("What is his position?"), the
name of the person the previous answer named (``people_after``, ``referent``): its short answer,
else the names with a title of that gender ("Mr. X", "Ms. Y"). A follow-up about someone or
something else of the same event ("Who else attended?", "Who organised it?") names no one.

A follow-up asked with no turn before it (right after "New conversation") is searched as typed,
with a hint (``orphan_hint``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from qa.ingest.dates import MONTH_NAMED_RE, month_number
from qa.lang import DEFAULT, analyze, detect, get, reply_words
from qa.lang.base import Followup

_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_WORD = re.compile(r"[\w][\w'’\-]*", re.UNICODE)
MAX_EXTRA_WORDS = 10


@dataclass(frozen=True)
class Context:
    """What a follow-up may lean on: the previous turn, as searched and as answered."""

    searched: str  # the previous question as it was searched
    base: str | None = None  # the latest whole question (typed in full or completed from an ellipsis)
    title: str | None = None  # the previous answer's item title
    span: str | None = None  # the previous answer's short answer (a place, date, name, number)
    doc: str | None = None  # where the previous answer came from
    item: int | None = None
    answer: str | None = None  # the previous answer sentence
    people: tuple[str, ...] = ()  # whom a "he" or "she" in the next question may mean (``people_after``)
    about: str | None = None  # the text of the previous answer's news item: what a short follow-up may ask about

    def seen(self) -> str:
        """The text of the conversation a follow-up can lean on."""
        return " ".join(x for x in (self.base, self.searched, self.title, self.answer) if x)


def content_words(text: str, lang: str = DEFAULT) -> list[str]:
    """The words of text that carry meaning (no stop, question, pronoun or framing words), in order."""
    words = get(lang).followup
    out, seen = [], set()
    for w in _WORD.findall(text):
        low = w.lower()
        if (
            low in words.question_words or low in words.pronouns or low in words.light_verbs
            or not analyze(low.replace("-", " "), lang)
        ):
            continue
        if low not in seen:
            seen.add(low)
            out.append(w)
    return out


def _names(question: str) -> list[str]:
    """Capitalised words after the first, and numbers: what lets a short question stand alone."""
    words = _WORD.findall(question)
    return [w for i, w in enumerate(words) if (i > 0 and w[0].isupper()) or any(c.isdigit() for c in w)]


def is_followup(question: str, lang: str = DEFAULT, seen: str = "", about: str | None = None) -> bool:
    """True if the question leans on an earlier turn (rule 1 of the module docstring).

    `seen` is the conversation so far (earlier questions, answers, titles): a name it already
    holds does not make a question stand alone ("Which CARICC analyst attended?"). `about`, the
    previous answer's news item: a short question with a new word it does not hold asks about
    something else."""
    if not _WORD.search(question):
        return False
    if refers_back(question, lang):
        return True
    words = content_words(question, lang)
    known = set(analyze(seen, lang))
    new_names = [w for w in _names(question) if not set(analyze(w, lang)) <= known]
    if not (len(words) <= 1 or (len(words) <= 2 and not new_names)):
        return False
    # every new word must be the item's: "opened" is, in "the event opened with …", but "library" is not; a verb
    # alone asks what the item's event did ("Кто председательствовал?" of minutes whose section answered before)
    verb = get(lang).followup.verb_form
    nouns = [w for w in words if verb is None or not verb.match(w)]
    new = {t for w in nouns for t in analyze(w.replace("-", " "), lang)} - known
    return about is None or new <= set(analyze(about, lang))


def refers_back(question: str, lang: str = DEFAULT) -> bool:
    """Whether the question says it leans on something said before: it opens like a follow-up ("And …",
    "What about …"), points back with a pronoun or "else" ("When was it built?", "Who else spoke?"), or is
    a bare question phrase ("When?")."""
    if not _WORD.search(question):
        return False
    followup = get(lang).followup
    if followup.openers.match(question):
        return True
    n = len(content_words(question, lang))
    return n == 0 or (n <= 4 and _open_pronoun(question, followup.pronouns))


_POSSESSIVES = frozenset({"its", "their", "his", "her"})


def _open_pronoun(question: str, pronouns: frozenset[str]) -> bool:
    """A pronoun that points outside the question. A possessive after a name in the question
    belongs to that name ("When did Kazakhstan pass its law?"); any other pronoun ("it",
    "there", "else") still leans on the conversation ("Which CARICC analyst spoke there?")."""
    words = _WORD.findall(question)
    for i, w in enumerate(words):
        low = w.lower()
        if low not in pronouns:
            continue
        named_before = any(v[0].isupper() or any(c.isdigit() for c in v) for v in words[1:i])
        if low not in _POSSESSIVES or not named_before:
            return True
    return False


def is_whole(question: str, searched: str, lang: str = DEFAULT) -> bool:
    """True if `searched` is a whole question a later ellipsis can build on: typed as it was
    searched, or completed from an ellipsis (not a question with topic words appended)."""
    if searched == " ".join(question.split()):
        return True
    phrase = get(lang).followup.question_phrase
    return phrase is not None and phrase.match(searched) is not None and not re.search(r"[?]\s+\S", searched)


def rewrite(question: str, ctx: Context | None, lang: str | None = None) -> str:
    """The question to search for: unchanged if standalone (or nothing came before), else completed
    (by the rules of the question's language, detected when not given)."""
    q = " ".join(question.split())
    lang = lang or detect(q)
    if ctx is None or not q or not is_followup(q, lang, ctx.seen(), ctx.about):
        return q
    followup = get(lang).followup
    if (swapped := month_swapped(q, ctx.searched, lang)) is not None:
        return swapped  # "And in April?" after a question about March 2025: that question of April 2025
    q = _year_named(q, ctx.searched, followup)  # "And the year before?" after a question about 2024: "And in 2023?"
    about = followup.about.match(q)
    if about:
        return _about(about.group("rest"), ctx.searched, lang)
    core = followup.openers.sub("", q, count=1).strip() or q
    if core != q and _bare_swap(core, lang, ctx.searched):  # "And the sixth?", "А в 2021?": "what about"
        return _about(core.rstrip(" ?.!"), ctx.searched, lang)
    core = core[0].upper() + core[1:]
    out = _ellipsis(core, ctx.base or ctx.searched, lang) or _with_topic(core, ctx, lang)
    return followup.spellings(out) if followup.spellings else out


def focus(question: str, ctx: Context, lang: str | None = None) -> str:
    """What a follow-up asks once its topic is fixed (it is answered inside the previous answer's
    news item): the completed ellipsis, else its own words without the opener. Topic words would
    only pull the answer towards the sentences that repeat them."""
    q = " ".join(question.split())
    lang = lang or detect(q)
    followup = get(lang).followup
    core = followup.openers.sub("", q, count=1).strip() or q
    core = core[0].upper() + core[1:]
    out = _ellipsis(core, ctx.base or ctx.searched, lang) or core
    person = referent(q, ctx.people, lang)
    if person and person.lower() not in out.lower():
        # "What is his position?" inside the item names nobody; with the man the previous answer
        # named ("Mr. Zhanbolat ALMAZOV") the sentences about him are in reach. Only a personal
        # pronoun does this: "Who else attended?" or "Who organised it?" ask about someone else.
        out = f"{out.rstrip(' ?.!')} {person}?"
    return followup.spellings(out) if followup.spellings else out


def _gender(words: list[str], followup: Followup) -> str | None:
    """"he" or "she" for the first of words in the language's pronoun lists, else None."""
    for w in words:
        low = w.lower()
        if low in followup.he:
            return "he"
        if low in followup.she:
            return "she"
    return None


def _title(name: str, followup: Followup) -> str | None:
    """The title a name opens with ("mr" of "Mr. N. Riaz"), None if it has none."""
    first = name.split()[0].rstrip(".").lower() if len(name.split()) > 1 else ""
    return first if first in followup.titles_he | followup.titles_she | followup.titles_any else None


def _gender_of(name: str, followup: Followup) -> str | None:
    """"he" or "she" as the name's title says; None for a title of either ("Dr.") or none."""
    title = _title(name, followup)
    return "he" if title in followup.titles_he else "she" if title in followup.titles_she else None


def _titled(text: str, question: str, lang: str) -> list[str]:
    """The names in text that carry a title ("Mr. N. Riaz", "Ms. Asel Rakhimova", "H.E. Yasumasa
    IIJIMA"), the title kept, that the question did not name ("Mr. Veller" names "Mr. Tomas VELLER")."""
    language = get(lang)
    followup, pattern = language.followup, language.span_patterns.get("person")
    if pattern is None:
        return []
    asked = {w.lower() for w in _WORD.findall(question)}
    out = []
    for m in pattern.finditer(text):
        name = m.group(0)
        if _title(name, followup) is None:  # a title the name pattern leaves out ("г-н Иванов")
            before = text[max(0, m.start() - 12):m.start()].split()
            name = f"{before[-1]} {name}" if before else name
            if _title(name, followup) is None:
                continue
        # its words past the title and initials; one of them in the question: the question named it
        words = {w.lower() for w in _WORD.findall(name) if len(w) > 1}
        words -= language.span_ignore | {_title(name, followup)}
        if words and not words & asked:
            out.append(name)
    return out


def people_after(question: str, searched: str, answer: str | None, span: str | None,
                 before: tuple[str, ...] = (), lang: str | None = None) -> tuple[str, ...]:
    """Whom a "he" or "she" in the next question may mean, after this turn (question as typed and
    searched, its answer sentence and shown short answer; `before`: the same after the turn before).

    A question that itself said "he" or "she" still speaks of the people before it. Otherwise the
    people this answer named: its short answer when the question asked for a person, then the
    names in its sentence that carry a title (the title tells "he" from "she"); none when the
    answer names nobody that way."""
    from qa.answer.question import question_type  # here: qa.answer loads the answer model's modules

    lang = lang or detect(question)
    followup = get(lang).followup
    if before and _gender(_WORD.findall(question), followup):
        return before
    if not answer:
        return ()
    names = _titled(answer, question, lang)
    if span and question_type(searched) == "person":
        names.insert(0, span)
    out: list[str] = []
    for n in names:  # one man once: the short answer "Mr Alisher" and "Mr. Alisher Bazarbayev" in the sentence
        words = set(analyze(n, lang))
        if not any(words <= set(analyze(o, lang)) for o in out):
            out.append(n)
    return tuple(out)


def referent(question: str, people: tuple[str, ...], lang: str | None = None) -> str | None:
    """Whom a question's "his" or "her" stands for: those of `people` of that gender (by the
    title), else those whose gender is not known; None without such a pronoun. When the answer
    before named two men, "his" may be either: both are named, which keeps the sentence that
    names them in reach."""
    lang = lang or detect(question)
    followup = get(lang).followup
    gender = _gender(_WORD.findall(question), followup)
    if gender is None or not people:
        return None
    same = [p for p in people if _gender_of(p, followup) == gender]
    either = [p for p in people if _gender_of(p, followup) is None]
    return " ".join(same or either) or None


def _about(rest: str, previous: str, lang: str) -> str:
    """"What about 2021?" / "What about the sixth?": the previous question with the year or the ordinal swapped,
    or with X added."""
    years = _YEAR.findall(rest)
    if years and _YEAR.search(previous):
        # the words that only say it is a year ("в 2023 году") add nothing
        words = [w for w in content_words(rest, lang) if w.lower() not in get(lang).span_ignore]
        return _YEAR.sub(years[0], previous, count=1) + (" " + rest if len(years) < len(words) else "")
    from qa.answer.events import ordinal_spans  # here: qa.answer loads the answer model's modules

    asked, before = ordinal_spans(rest), ordinal_spans(previous)
    if asked and before:
        (_, a0, a1), (_, b0, b1) = asked[0], before[0]
        swapped = previous[:b0] + _in_form_of(rest[a0:a1], previous[b0:b1]) + previous[b1:]
        had = set(analyze(previous, lang))
        more = [w for w in content_words(rest, lang)
                if w.lower() not in rest[a0:a1].lower() and not set(analyze(w, lang)) <= had]
        return f"{swapped.rstrip(' ?.!')} {' '.join(more)}?" if more else swapped
    return f"{previous.rstrip(' ?.!')} {rest}?"


def _in_form_of(ordinal: str, replaced: str) -> str:
    """The asked `ordinal` as it stands in place of `replaced` in the question before: a Russian ordinal takes the
    replaced one's case ("насчёт шестого" into "пятое заседание" -> "шестое"); lower case inside the question."""
    from qa.lang.ru import ordinal_like

    out = ordinal_like(ordinal, replaced)
    return out if replaced[:1].isupper() else out[:1].lower() + out[1:]


def asks_about_another(question: str, lang: str | None = None, previous: str = "") -> bool:
    """Whether a follow-up asks the `previous` question of something else ("What about the sixth?", "And in 2021?",
    "А шестое?"): the previous answer's item is then no place to look for it."""
    q = " ".join(question.split())
    lang = lang or detect(q)
    followup = get(lang).followup
    if month_swapped(q, previous, lang) is not None:
        return True
    q = _year_named(q, previous, followup)  # "And the year before?" is "And in 2023?"
    if followup.about.match(q):
        return True
    core = followup.openers.sub("", q, count=1).strip()
    return bool(core) and core != q and _bare_swap(core, lang, previous)


def _year_named(question: str, previous: str, followup: Followup) -> str:
    """The question with a year named by its distance from the previous question's ("the year before", "в прошлом
    году") written as that year ("in 2023", "в 2023 году"), when the previous question names one year; else as it
    is. A year before or after the one just asked about is what a person means by it in a conversation, not the
    calendar's."""
    years = set(_YEAR.findall(previous))
    if len(years) != 1:
        return question
    year = int(years.pop())
    for pattern, step in ((followup.year_before, -1), (followup.year_after, 1)):
        m = pattern.search(question) if pattern is not None else None
        if m:
            return question[:m.start()] + followup.in_year.format(year=year + step) + question[m.end():]
    return question


def month_swapped(question: str, previous: str, lang: str | None = None) -> str | None:
    """The `previous` question asked of another month, when a follow-up asks only that: "And in April?", "А в
    марте?", "And the month before?", "А в прошлом месяце?" after "How many cases were recorded in March 2025?".
    The previous question names one month by its name; the new one takes its form ("в марте" -> "в апреле"), and a
    step across a year's end changes its year too. None for any other follow-up."""
    q = " ".join(question.split())
    followup = get(lang or detect(q)).followup
    forms = get(detect(previous)).followup.month_forms
    named = list(MONTH_NAMED_RE.finditer(previous))
    months = {month_number(m.group()) for m in named}
    if not forms or len(months) != 1 or None in months:
        return None
    old, month = named[0], months.pop()
    years = set(_YEAR.findall(previous))
    year = int(years.pop()) if len(years) == 1 else None
    about = followup.about.match(q)
    core = (about.group("rest") if about else followup.openers.sub("", q, count=1)).strip(" ?.!,")
    new, new_year = _month_asked(core, followup, month, year)
    if new is None or (new, new_year) == (month, year):
        return None
    form = next((f for f in forms if old.group().lower() in (w.lower() for w in f)), forms[0])
    word = form[new - 1] if old.group()[:1].islower() else form[new - 1][:1].upper() + form[new - 1][1:]
    out = previous[:old.start()] + word + previous[old.end():]
    return out if new_year == year else re.sub(rf"\b{year}\b", str(new_year), out)


def _month_asked(core: str, followup: Followup, month: int, year: int | None) -> tuple[int | None, int | None]:
    """(month, year) a follow-up's words without their opener ask about, given the conversation's; (None, None)
    when they say more than a month."""
    for pattern, step in ((followup.month_before, -1), (followup.month_after, 1)):
        m = pattern.search(core) if pattern is not None else None
        if m and not (core[:m.start()] + core[m.end():]).strip(" ,"):
            n = year * 12 + month - 1 + step if year is not None else None
            if n is None:
                return (month + step - 1) % 12 + 1, None
            return n % 12 + 1, n // 12
    words = core.split()
    named = [w for w in words if MONTH_NAMED_RE.fullmatch(w)]
    given = [w for w in words if _YEAR.fullmatch(w)]
    framed = all(w in named or w in given or w.lower() in followup.month_frame for w in words)
    if len(named) != 1 or len(given) > 1 or not framed:
        return None, None
    return month_number(named[0]), int(given[0]) if given else year


def _bare_swap(core: str, lang: str, previous: str = "") -> bool:
    """Whether what follows a follow-up's opener is a year or an ordinal and words of the `previous` question only
    ("the sixth?", "шестое заседание?", "in 2021?"): it asks the previous question again of that one."""
    from qa.answer.events import ordinal_spans  # here: qa.answer loads the answer model's modules

    spans = [(a, b) for _, a, b in ordinal_spans(core)] + [m.span() for m in _YEAR.finditer(core)]
    if len(spans) != 1:
        return False
    a, b = spans[0]
    before = set(analyze(previous, lang))
    return all(set(analyze(w, lang)) <= before for w in content_words(core[:a] + " " + core[b:], lang))


def _ellipsis(core: str, previous: str, lang: str) -> str | None:
    """"When?" / "On what dates was it?" after "Where did X hold Y?" -> "When did X hold Y?"."""
    followup = get(lang).followup
    if followup.question_phrase is None or followup.elliptic_tail is None:
        return None
    m = followup.question_phrase.match(core)
    if not m or not followup.elliptic_tail.match(core[m.end():]):
        return None
    prev = ((followup.previous_phrase and followup.previous_phrase.match(previous))
            or followup.question_phrase.match(previous))
    rest = previous[prev.end():].strip() if prev else ""
    if not rest:
        return None
    # the thing the previous question asked about ("which Japanese ambassador") still names the topic
    topic = [w for w in content_words(prev.group(0), lang) if w.lower() not in rest.lower()]
    if topic:
        rest = f"{rest.rstrip(' ?.!')} {' '.join(topic)}?"
    phrase = m.group(0).strip()
    return f"{phrase[0].upper()}{phrase[1:]} {rest}"


def _with_topic(core: str, ctx: Context, lang: str) -> str:
    """The follow-up's own words plus the topic words it lacks (previous question, answer, title)."""
    have_terms = set(analyze(core, lang))
    extra: list[str] = []
    title = " ".join(w for w in content_words(ctx.title or "", lang) if not w[0].isdigit())
    for source in (ctx.searched, ctx.span or "", title):
        for w in content_words(source, lang):
            terms = set(analyze(w.replace("-", " "), lang))
            if not terms or terms <= have_terms:
                continue
            have_terms |= terms
            extra.append(w)
            if len(extra) >= MAX_EXTRA_WORDS:
                return f"{core} {' '.join(extra)}"
    return f"{core} {' '.join(extra)}" if extra else core


def item_asked(searched: str, item: int | None) -> int | None:
    """The item of the previous answer's document a follow-up is first answered in: that answer's own (`item`),
    or None (the whole document) when the question searched asks when or where a gathering was held, who held one
    of its offices or how many attended (qa.answer.fields)."""
    from qa.answer.fields import asked_field  # here: qa.answer loads the answer model's modules

    return None if asked_field(searched) is not None else item


def resolve_followup(
    question: str, previous: list[str], previous_title: str | None = None, lang: str | None = None
) -> str:
    """rewrite() for callers that only have the earlier searched questions (oldest first)."""
    if not previous:
        return " ".join(question.split())
    return rewrite(question, Context(previous[-1], title=previous_title), lang)


ORPHAN_HINT = reply_words().say("hint.orphan")  # English's; a question gets it in its own language


def orphan_hint(question: str, lang: str | None = None) -> str | None:
    """The hint for a question that says it leans on an earlier one ("Who organised it?") asked with no turn
    before it; None for one that may stand alone ("How much did the pipeline cost?" is short, but whole)."""
    q = " ".join(question.split())
    code = lang or detect(q)
    if not q or not refers_back(q, code):
        return None
    return reply_words(code).say("hint.orphan")
