"""The sentence that states what a who- or how-many question asks, among near ties of one that does not.

Issue 13, pattern 1: the answer must hold what was asked, not only the question's topic words.
- A who-question names a role or an act whose holder or doer it asks for ("Who was the *course director* …?", "Who
  *funded* the dog training course …?", "Кто *профинансировал* закупку …?", "Кто *возглавляет* …?"): the item's
  lead, which shares every topic word, names no one in it ("… graduated 34 mid-ranking officers from a four-week
  course …", "In 2025 the programme plans to … start a canine training course in Shymkent."), and the item's later
  sentence that does ("The course director was Colonel (ret.) Henrik Sandvik", "Средства предоставило Правительство
  Японии.") ranks just below. When the best names none of the asked marks (`marks`: a role, read by its word's start
  in any registered language, qa.answer.short.roles and Language.holder_words.roles; an act, Language.asked_words.acts)
  and one of the best MARK_TOP, within MARK_MARGIN of it, names one and holds a span of the asked kind (its "typed"
  feature: a person, an organisation, a place), that one is the answer: the first of the best's own item, else the
  first. A deputy is another office: a sentence naming
  a "Deputy Commander" does not answer "Who is the Commandant?", nor one naming a Commander "Who is the Deputy
  Commander?". The marks are read in every registered language at once, so a Russian question is matched by an
  English sentence ("возглавляет" and "Head of the Office" are both "head").
- A how-many question about how many there are ("Сколько мобильных групп *действует* …?", "How many … *are there*?":
  Language.asked_words.stock, and no word asking for an addition) answered by a count that adds to an earlier one
  ("… созданы *ещё три* группы", "… opened *two more* offices") gives way to the next sentence of its item when that
  one states a total ("Таким образом, *общее количество* таких групп … достигло девяти.", "… bringing the total to
  nine."), wherever the model ranked it: the addition is the news, the total is what was asked.
- A who-question about who teaches, is to be contacted or organises ("Who will run the training sessions …?", "Who is
  the contact person …?", "Кто проведёт занятия …?"; Language.asked_words.acts "teach", "contact", "organise") is not
  answered by who takes part ("В семинаре примут участие 30 сотрудников …") or an agenda row's lecturer: the sentence
  stating the act ("Занятия проведут эксперты …", "Contact: Ms. …") among the best ACT_TOP is, its doer a body too.
  The act of the people a question asks for comes right after them ("Which Turkish experts *will teach* …?").
- A when-question about when something starts or ends ("When does the pilot begin?", "Когда завершится проект?":
  Language.asked_words.phases) answered by a sentence stating neither phase nor a range ("… today agreed to profile
  rail freight jointly …") gives way to the near tie that states the asked phase with a date ("The pilot will start
  on 1 April 2025 …"), in either language.
The two swap scores, as the other near-tie rules do (qa.answer.roles.prefer_holder, qa.answer.substances).
"""

from __future__ import annotations

import functools
import re
from dataclasses import replace
from typing import TYPE_CHECKING

from qa.answer.features import behind
from qa.answer.needs import needs
from qa.answer.persons import named_person, names_someone
from qa.answer.short import roles
from qa.answer.types import TYPE_FEATURES
from qa.lang import analyze, detect, get, registered

if TYPE_CHECKING:
    from qa.answer.features import Candidate
    from qa.lang.base import AskedWords

# the best MARK_TOP within MARK_MARGIN of the best (None: whatever the scores; 0: never)
MARK_TOP = 3
# an act's doer among the best ACT_TOP: a "Contact: …" line or "Занятия проведут …" shares fewer of the question's
# words than an agenda's rows or the participants' sentence, which name no act asked
ACT_TOP = 4
MARK_MARGIN: float | None = None
# how far into a question its asked role or act may come ("Who was the course *director* …" is the fifth word)
ASKED_WORDS = 5
# how far from a where-question's end its act may come: its last word ("Where was the memorandum *signed*?"; "Где был
# *подписан* меморандум …?" is read from its start, as ASKED_WORDS says)
ACT_TAIL = 1
# how many words after the people a question asks for their act may come ("experts *will teach*")
VERB_GAP = 2
# whether a count that adds to an earlier one gives way to the total its next sentence states
TOTALS = True
# whether a when-question about a start or an end takes the near tie stating it, among the best PHASE_TOP
PHASES = True
PHASE_TOP = 3
_DEPUTY = "deput"
# the acts a who-question asks a person for, though a body may be said to do them too ("coordinated by CARICC")
_PERSON_ACTS = frozenset({"coordinate"})
_HEAD = "head"
# the roles (qa.answer.short.roles' keys) of offices that head what they are of
_HEADING = frozenset({"head", "lead", "chair", "direct", "presid", "minist", "command", "chief", "manag", "govern",
                      "rector", "dean", "mayor"})
# what a sentence says of its own kind, kept when a pair's evidence is merged (qa.answer.pick's _OWN)
_OWN = frozenset(TYPE_FEATURES) | {"type", "length", "news_lead", "other_lead"}
# words that open as a role's word does and name no one's role: a body ("headquarters", "ministry", "government",
# "management", "authority", "secretariat", "directorate", "kingdom"), an act or a manner ("coordination", "leading",
# "generally", "consultation", "expertise")
_NOT_ROLE = re.compile(
    r"^(?:headquarter\w*|heading\w*|headline\w*|headway|direction\w*|directive\w*|directorate\w*|directory|leading|"
    r"generally|generation\w*|generated|generic|foundation\w*|kingdom\w*|ministr(?:y|ies)|secretariat\w*|"
    r"government\w*|governance|management|coordination|authorit\w*|expertise|judg(?:e?ment)\w*|engineering|"
    r"architecture\w*|consult\w*|consulat\w*|chiefly|representation\w*)$",
    re.I,
)
# a number, in figures or (English and Russian) in words, that may count something
_NUMBER = re.compile(
    r"(?<![\w.,])\d[\d,.\s]*(?<![\s,.])|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"(?:thir|four|fif|six|seven|eigh|nine)teen|(?:twen|thir|for|fif|six|seven|eigh|nine)ty|hundred|dozens?)\b", re.I)


def _ru_numbers() -> re.Pattern:
    from qa.lang.ru import number_words

    return re.compile(rf"(?<![\w-])(?:{number_words()})(?![\w])", re.I)


_RU_NUMBER = functools.cache(_ru_numbers)


@functools.cache
def _role_starts() -> tuple[tuple[str, str], ...]:
    """Every registered language's own role words by their starts, with the English role each is read as."""
    return tuple(pair for language in registered() if language.holder_words for pair in language.holder_words.roles)


@functools.lru_cache(maxsize=8192)
def marks(text: str) -> frozenset[str]:
    """The roles and acts `text` names, in any registered language ("Head of the Office", "возглавляет" -> head;
    "funded by", "средства предоставило" -> fund)."""
    words = [w for w in re.findall(r"[\w'’-]+", text) if not _NOT_ROLE.match(w)]
    low = [w.lower() for w in words]
    out = set(roles(words))
    out |= {role for w in low for start, role in _role_starts() if w.startswith(start)}
    for language in registered():
        if language.asked_words:
            out |= {key for pattern, key in language.asked_words.acts if pattern.search(text)}
    return frozenset(out)


def _shared(asked: frozenset[str], held: frozenset[str]) -> set[str]:
    """The roles and acts a question (`asked`) and a sentence (`held`) both name, besides a deputy's; a head asked
    ("head", "руководитель", "возглавляет") is any office that heads, as in qa.answer.roles ("Who heads …?" against
    "Director of …"), but a sentence's "heads of divisions" do not chair a meeting."""
    shared = set(asked & held)
    if _HEAD in asked:
        shared |= held & _HEADING
    return shared - {_DEPUTY}


@functools.cache
def _acts() -> frozenset[str]:
    """The keys of every registered language's acts (Language.asked_words.acts), whose doer may be a body."""
    return frozenset(key for language in registered() if language.asked_words for _, key in language.asked_words.acts)


def _names_doer(c: Candidate, question: str, role: bool) -> bool:
    """Whether a candidate names whom a who-question asks for: a span of the asked kind (its "typed" feature), and for
    a role a person (qa.answer.persons: an organisation holds no office; "The event was attended by … heads of
    divisions" names none), where the language's person reader reads one."""
    if not role:
        # "funded by the Government of Japan", "Занятия проведут эксперты Таможенной администрации Нидерландов": an
        # act's doer may be a body, which the kind's span patterns of another language than the question's miss
        return c.features.get("typed") == 1.0 or bool(_NAMED.search(c.text))
    if c.features.get("typed") != 1.0:
        return False
    person = named_person(c.text, question, c.sentence.lang)
    return person == 1.0 or person == 0.5 or names_someone(c.text, question)


# a capitalised word after a sentence's first: a name of someone or of a body
_NAMED = re.compile(r"(?<=[\w,;:)] )(?:[A-ZА-ЯЁ][\w'’-]+)")
# roles whose act a sentence may state by its verb, which their word's start does not open ("invented" for an inventor)
_ACT_OF_ROLE = {"inventor": "invent", "editor": "edit", "adviser": "advis", "advisor": "advis"}
# a who-question ending on a preposition asks for someone the role's holder stands to, not the holder ("Who were later
# Yuan emperors isolated *from*?"); so does one whose language's HolderWords.other reads it ("Who do the authors
# report to?", "Кому подчиняется директор?")
_ENDS_ON_PREPOSITION = re.compile(r"\b(?:from|with|to|by|for|against|of|about|on|at|into|onto|between|among)\s*\?*\s*$",
                                  re.I)


def _names_asked(asked: frozenset[str], text: str) -> bool:
    """Whether `text` names the asked role or act: by its marks, or by the verb of a role's act ("invented")."""
    if _shared(asked, marks(text)):
        return True
    verbs = [_ACT_OF_ROLE[a] for a in asked if a in _ACT_OF_ROLE]
    return bool(verbs) and any(w.lower().startswith(v) for w in re.findall(r"[\w'’-]+", text) for v in verbs)


def asked_marks(question: str) -> frozenset[str]:
    """The role or act a question asks the holder or doer of: the marks of the first of its first ASKED_WORDS words
    that names one ("Who *led* the delegation at the meeting with CARICC's Director?" asks who led, not who directs;
    "Which official was named as the candidate for the post of Director?" names no role it asks for). A
    where-question names its act last ("Where was the memorandum *signed*?"): the acts of its last ACT_TAIL words. (A
    when-question's was read so too, and "When did … change their call *signs*?", "When is the amphitheatre *open*?"
    cost three SQuAD answers.)"""
    holder = get(detect(question)).holder_words
    if _ENDS_ON_PREPOSITION.search(question) or (holder and holder.other and holder.other.search(question)):
        return frozenset()
    words = list(re.finditer(r"[\w'’-]+", question))
    for k, m in enumerate(words[:ASKED_WORDS]):
        # an act read on its word alone is kept only when it reads so in the question too ("принял", not "принял
        # участие": taking part); an act written in more than one word ("paid for") is read from the word on
        acts_here = _acts_from(question, m.start())
        found = frozenset(x for x in marks(m.group(0)) if x not in _acts() or x in acts_here) or acts_here
        if found:
            if not found & _acts():
                # the act of the people asked for, their verb right after them ("Which experts *will teach* …?"):
                # a sentence stating it names them whoever they are
                for n in words[k + 1:k + 1 + VERB_GAP]:
                    found |= (marks(n.group(0)) | _acts_from(question, n.start())) & _acts()
            return found
    if needs(question).wants == "place":
        # a verb, not a word of a name ("… of the Council of National *Coordinators* held?")
        return frozenset(a for m in words[-ACT_TAIL:] if m.group(0).islower() for a in _acts_from(question, m.start()))
    return frozenset()


def _acts_from(question: str, start: int) -> frozenset[str]:
    """The acts written from `start` on, in one word or more ("paid for", "средства предоставило", "run the
    sessions")."""
    return frozenset(key for language in registered() if language.asked_words
                     for pattern, key in language.asked_words.acts if pattern.match(question, start))


def _answers(asked: frozenset[str], held: frozenset[str]) -> bool:
    """Whether a sentence naming `held` names what a question naming `asked` asks for: a role or act of the question
    besides a deputy's, and a deputy's only when the question asks for one; an act by anyone ("Семинар открыл
    заместитель председателя …" answers "Who opened the seminar?")."""
    shared = _shared(asked, held)
    return bool(shared & _acts()) or bool(shared) and ((_DEPUTY in asked) == (_DEPUTY in held))


def names_asked(asked: frozenset[str], text: str) -> bool:
    """Whether `text` names what a question naming `asked` (asked_marks) asks for: one of its acts ("received"), or
    one of its roles with a deputy's only when a deputy is asked. An act's doer may hold any office: "It was received
    by … Deputy Chairman …" answers "Who accepted …?"."""
    held = marks(text)
    if _shared(asked, held) & _acts():
        return True
    return _answers(asked, held) or (_DEPUTY in asked) == (_DEPUTY in held) and _names_asked(asked, text)


def asked_office(question: str) -> frozenset[str]:
    """The office a who-question asks the holder of (asked_marks), a deputy's with what they are deputy of ("Deputy
    Director", "заместителем директора"); empty when it names none, or a deputy of nothing named."""
    asked = asked_marks(question)
    if asked == {_DEPUTY} and (m := _DEPUTY_OF.search(question)):
        asked = asked | marks(m.group(1))
    return asked if asked - {_DEPUTY} else frozenset()


_DEPUTY_OF = re.compile(r"(?<!\w)(?:deputy|заместител\w*)\s+([\w-]+)", re.I)


def names_all_asked(asked: frozenset[str], text: str) -> bool:
    """Whether `text` names every role and act of `asked` (asked_marks), a deputy's only when a deputy is asked: "Deputy
    Director, 2012-2018" is no Director's time."""
    held = marks(text)
    return asked <= held and (_DEPUTY in asked) == (_DEPUTY in held)


def names_doer(c: Candidate, question: str, asked: frozenset[str]) -> bool:
    """Whether candidate `c` names whom a who-question asking `asked` asks for (a person for a role; for an act
    any doer of the asked kind)."""
    return _names_doer(c, question, bool(_shared(asked, marks(c.text)) - _acts()))


def _swap(ranked: list[Candidate], i: int, merge: bool = False) -> list[Candidate]:
    """ranked with candidate i first, the two swapping scores; with `merge`, the winner reads the better of the pair's
    evidence of matching the question (as qa.answer.pick's near-tie swaps do: a total shares few words with the
    question whose words the addition before it holds), keeping what it says of its own kind."""
    top, c = ranked[0], ranked[i]
    feats = c.features
    if merge:
        feats = {k: v if k in _OWN else max(v, top.features.get(k, v)) for k, v in c.features.items()}
    return [replace(c, score=top.score, features=feats), *ranked[1:i], replace(top, score=c.score), *ranked[i + 1:]]


def prefer_asked_mark(question: str, ranked: list[Candidate]) -> list[Candidate]:
    """`ranked` (best first) with the first near tie that names the asked role or act and someone first, when the best
    names neither (the module docstring)."""
    if MARK_MARGIN == 0 or len(ranked) < 2 or needs(question).wants not in ("person", "place"):
        return ranked
    asked = asked_marks(question)
    if not asked - {_DEPUTY}:
        return ranked
    top = ranked[0]
    # an act whose doer is asked as someone ("Who coordinated the operation?"): a body doing it ("coordinated by
    # CARICC") gives way to the near tie naming the person who did ("the operation's coordinator, Lt Col …")
    someone = bool(asked & _PERSON_ACTS)
    # a deputy's office is another office: "Deputy Director | …" does not name the Director asked for
    if names_asked(asked, top.text) and not (someone and not _names_doer(top, question, True)):
        return ranked
    found = []
    acting = asked <= _acts()  # an act asked, no role
    for i in range(1, min(ACT_TOP if acting else MARK_TOP, len(ranked))):
        c = ranked[i]
        if MARK_MARGIN is not None and behind(top, c) > MARK_MARGIN:
            continue
        held = marks(c.text)
        # a sentence stating the asked act names its doer, a body too; one naming only the role, a person
        if _answers(asked, held) and _names_doer(c, question, someone or not _shared(asked, held) & _acts()):
            found.append(i)
    # one of the best's own item first: the best names the event, its item's other sentence who did what was asked
    own = [i for i in found
           if (ranked[i].sentence.doc, ranked[i].sentence.item) == (top.sentence.doc, top.sentence.item)]
    # a sentence of the best's item reads the pair's evidence of matching the question, as the figure after a
    # scene-setting sentence does: "Средства предоставило Правительство Японии." leaves the topic to the lead
    if not found:
        return ranked
    i = (own or found)[0]
    # an act's doer in the best's own document reads its evidence too: a programme's "Contact: …" line is of the
    # whole programme whose agenda row matched the question
    return _swap(ranked, i, merge=bool(own) or (acting and ranked[i].sentence.doc == top.sentence.doc))


def _words(text: str, lang: str | None) -> AskedWords | None:
    return get(lang or detect(text)).asked_words


def _numbers(text: str, lang: str | None) -> list[re.Match]:
    found = list(_NUMBER.finditer(text))
    return found + list(_RU_NUMBER().finditer(text)) if (lang or detect(text)) == "ru" else found


def adds_count(text: str, lang: str | None = None) -> bool:
    """Whether `text` states a count that adds to an earlier one: an addition's word right before or after a number
    ("ещё три", "two more", "an additional 12", "three new")."""
    words = _words(text, lang)
    if words is None or words.increment is None:
        return False
    for m in _numbers(text, lang):
        before, after = text[max(0, m.start() - 20):m.start()], text[m.end():m.end() + 20]
        if re.search(rf"(?:{words.increment.pattern})\s+$", before, words.increment.flags) \
                or re.match(rf"\s+(?:{words.increment.pattern})", after, words.increment.flags):
            return True
    return False


def states_total(text: str, units: frozenset[str], lang: str | None = None) -> bool:
    """Whether `text` states a total ("in total", "общее количество … достигло девяти") with a number, of the asked
    noun when the question names one (`units`: its stems) or of what the sentence before counts ("таких групп")."""
    words = _words(text, lang)
    if words is None or words.total is None or not words.total.search(text) or not _numbers(text, lang):
        return False
    return not units or bool(units & set(analyze(text)))


def prefer_total(question: str, ranked: list[Candidate]) -> list[Candidate]:
    """`ranked` with the best's next sentence first when a how-many question about how many there are is best answered
    by an addition and the next sentence states the total (the module docstring)."""
    if not TOTALS or len(ranked) < 2:
        return ranked
    n = needs(question)
    asking = _words(question, None)
    if n.wants != "number" or asking is None or asking.stock is None or not asking.stock.search(question) \
            or asking.increment.search(question):
        return ranked
    best = ranked[0].sentence
    if not adds_count(best.text, best.lang):
        return ranked
    for i, c in enumerate(ranked[1:], 1):
        row = c.sentence
        if (row.doc, row.item, row.id) == (best.doc, best.item, best.id + 1):
            if not states_total(row.text, n.units, row.lang):
                return ranked
            # it states a count of the asked noun, which the feature reading the noun after a number misses when the
            # noun comes first ("общее количество таких групп … достигло девяти")
            swapped = _swap(ranked, i, merge=True)
            won = swapped[0]
            return [replace(won, features={**won.features, "unit": 1.0, "typed": 1.0}), *swapped[1:]]
    return ranked


def phases(text: str) -> frozenset[str]:
    """The phases of something `text` states, in any registered language ("will start on 1 April", "начнётся" ->
    start; "closes on", "продлится до" -> end)."""
    return frozenset(key for language in registered() if language.asked_words
                     for pattern, key in language.asked_words.phases if pattern.search(text))


# a range of dates or years states where something starts and ends: "10-12 February", "from 1998 to 2004", "с 10 по 12"
_RANGE = re.compile(r"\d\s*[-–—]\s*\d|(?<!\w)(?:from|between|с|со|между)\s+[^.;]{0,40}?\d[^.;]{0,40}?"
                    r"(?<!\w)(?:to|until|till|and|по|до|и)\s+[^.;]{0,20}?\d", re.I)


def prefer_phase(question: str, ranked: list[Candidate]) -> list[Candidate]:
    """`ranked` with the first of the best PHASE_TOP that states the asked phase and a date first, when a when-question
    asks when something starts or ends ("When does the pilot begin?", "Когда завершится проект?") and the best states
    neither phase nor a range ("… today agreed to profile rail freight jointly …" before "The pilot will start on
    1 April 2025 …"): the act is the news, its start or end what was asked."""
    if not PHASES or len(ranked) < 2 or needs(question).wants != "date":
        return ranked
    asked = phases(question)
    if len(asked) != 1 or phases(ranked[0].text) or _RANGE.search(ranked[0].text):
        return ranked
    top = ranked[0]
    for i in range(1, min(PHASE_TOP, len(ranked))):
        c = ranked[i]
        if asked <= phases(c.text) and c.features.get("typed") == 1.0:
            own = (c.sentence.doc, c.sentence.item) == (top.sentence.doc, top.sentence.item)
            return _swap(ranked, i, merge=own)
    return ranked


def prefer_asked(question: str, ranked: list[Candidate]) -> list[Candidate]:
    """The module's rules, in turn (the one step the answer step calls)."""
    return prefer_phase(question, prefer_total(question, prefer_asked_mark(question, ranked)))
