"""The shape of a language record (what ``qa.lang`` looks up by code)."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Followup:
    """Word lists that tell a follow-up question ("And who organised it?") from a standalone one."""

    pronouns: frozenset[str]
    openers: re.Pattern  # "and", "what about", ... at the start
    about: re.Pattern  # "what about <rest>"; group "rest"
    question_words: frozenset[str]
    light_verbs: frozenset[str]  # verbs that frame a question rather than name its topic
    # Optional (None: the rule is off for the language). A question phrase at the start of a
    # question ("on what dates", "who"), that of a whole previous question up to its verb ("which
    # Japanese ambassador" did ...), and what may follow a bare question phrase ("was it held").
    question_phrase: re.Pattern | None = None
    previous_phrase: re.Pattern | None = None
    elliptic_tail: re.Pattern | None = None
    # text plus other spellings of its words that stemming keeps apart ("organised" -> "organized")
    spellings: Callable[[str], str] | None = None
    # Pronouns that stand for a man / a woman ("What is his position?" after an answer naming
    # "Mr. X"), and the titles that tell a name's gender ("mr" / "ms") or name a person of either
    # ("dr"): which person the previous answer named a follow-up's "his" or "her" means. Empty:
    # the rule is off for the language.
    he: frozenset[str] = frozenset()
    she: frozenset[str] = frozenset()
    titles_he: frozenset[str] = frozenset()
    titles_she: frozenset[str] = frozenset()
    titles_any: frozenset[str] = frozenset()
    # A year named by its distance from the conversation's ("And the year before?", "А в прошлом году?"): the
    # patterns of the year before and the year after, and how the language writes "in <year>" in their place. None:
    # the rule is off for the language.
    year_before: re.Pattern | None = None
    year_after: re.Pattern | None = None
    in_year: str = "in {year}"
    # A month named by its distance from the conversation's ("And the month before?", "А в прошлом месяце?"), or by
    # its name alone ("And in April?", "А в марте?"): the previous question asked of that month. The patterns of the
    # month before and after; the words that may stand around a month's name in such a follow-up ("in", "за"); and
    # the language's month names in each of their forms (one tuple of twelve per form: "марта", "марте"), so that
    # the month asked takes the form of the one it replaces. Empty: the rule is off for the language.
    month_before: re.Pattern | None = None
    month_after: re.Pattern | None = None
    month_frame: frozenset[str] = frozenset()
    month_forms: tuple[tuple[str, ...], ...] = ()
    # A verb's form ("chaired", "председательствовал"): a short question's new verb alone does not make it ask about
    # something else than the item answered ("Кто председательствовал?" after an answer from the meeting's minutes).
    # None: every new word counts.
    verb_form: re.Pattern | None = None


@dataclass(frozen=True)
class PageFurniture:
    """How a language words the furniture of a web page (qa.ingest's furniture, captions and
    datelines rules): regular-expression alternatives, matched case-insensitively. A page's
    lines are checked against every registered language's words at once (a Russian site keeps
    English share buttons), so these are only the words; the rules' logic stays in qa.ingest.
    """

    # rule -> pattern a whole short line matches ("rating": "rate this item", "оцените материал").
    # The rule names are qa.ingest.furniture's; a rule a language lacks is left out.
    lines: dict[str, str]
    # rule -> phrase found anywhere in a line of up to 400 characters ("cookie": "we use cookies"),
    # in lower case: it is matched against the lower-cased line
    notices: dict[str, str]
    # photo credits: leads after which a few words name the source ("Photo:", "Фото пресс-службы"),
    # leads after which the source must start with a capital ("Photo by John Smith"), and leads
    # after which every word must ("Фото Ивана Петрова", not "Фото изъятых наркотиков ...")
    credit_any: str
    credit_named: str
    credit_names: str
    credit_whole: str  # a whole line that is a credit with no source ("File photo", "Иллюстративное фото")
    caption_cue: str  # how a caption opens ("(L-R)", "Pictured:", "На фото:")
    short_date: str  # day and month without a year, as datelines write them ("Oct. 12", "12 мая")
    not_places: frozenset[str]  # capitalised words that open a sentence, not a place ("The", "В")
    date_filler: str  # words a date-only line may hold besides the date ("Monday", "posted", "г.")


@dataclass(frozen=True)
class NewsTitles:
    """How a news page of several stories is named when it names itself nowhere (qa.ingest.titles)."""

    site: str  # the page of a site: "{site} news", "Новости {site}"
    months: str  # the months its stories cover: "News, {months}", "Новости, {months}"
    month_names: tuple[str, ...]  # January to December as such a title writes them ("Mar", "март")
    # January to December after a day's number ("12 Mar 2024", "12 марта 2024"); empty: as month_names
    day_month_names: tuple[str, ...] = ()

    def date(self, iso: str | None) -> str:
        """An ISO date as a citation's label writes it: "2024-03-12" -> "12 Mar 2024" / "12 марта 2024",
        "2024-03" -> "Mar 2024" / "март 2024", "2024" -> "2024"; anything else as it is."""
        parts = (iso or "").split("-")
        try:
            if len(parts) == 3:
                return f"{int(parts[2])} {(self.day_month_names or self.month_names)[int(parts[1]) - 1]} {parts[0]}"
            if len(parts) == 2:
                return f"{self.month_names[int(parts[1]) - 1]} {parts[0]}"
        except (ValueError, IndexError):
            pass
        return iso or ""


@dataclass(frozen=True)
class ReplyWords:
    """The words the web reply frames an answer with (qa.app.render), in the language of the question it answers:
    its labels, not what the documents say. Each `{name}` is filled in by the reply; `more` holds one wording per
    CLDR plural form of the count ("one", "few", "many", "other")."""

    not_found: str  # "Not found in the documents."
    sources: str  # the heading of the passages an answer cites
    related: str  # the heading of the passages shown under a "not found"
    confidence: str  # "Confidence"
    low: str  # after a low confidence: ", low: the passage may not answer this"
    searched_for: str  # "Searched for: {question}"
    within: str  # "{question} (in: {item})": a follow-up answered inside the previous answer's item
    # a follow-up searched with the topic words of the question before it, shown as the two questions rather than
    # as the bag of words searched: "{question} (read with the question before: {previous})"
    read_with: str
    more: Mapping[str, str]  # "{n} more passages, far less likely to hold the answer, in the sources panel."
    note: str  # "Note: {note}"
    show_source: str  # a citation's tooltip: "Show source {n}"
    otherwise: str  # "Another document says otherwise: {value}"
    newer: str  # " ({theirs}, newer than the answer's {ours})"
    older: str  # " ({theirs}, older than the answer's {ours})"
    same_day: str  # " (of the same date, {theirs})"
    dated: str  # " ({theirs}; the answer's: {ours})", either may be `undated`
    undated: str
    # why the documents were found not to answer (qa.answer.not_found), by the reason's key ("unpriced", "scene.person",
    # "measure.mass" ...): each language words them all, English's being the reference (tests/lang check the keys)
    reasons: Mapping[str, str] = field(default_factory=dict)
    # the rest of what the page shows after a reply, by key (English's the reference, tests/lang check the keys):
    # what was searched ("scope.searched": "Searched {what}"), the notes of a filtered search, errors, the sources
    # panel and citation view, and the labels of the page's controls a reply relabels (qa.app.web)
    ui: Mapping[str, str] = field(default_factory=dict)
    # "{n} items without a date were left out" by CLDR plural form, as `more`
    undated_left_out: Mapping[str, str] = field(default_factory=dict)
    # "{n} items", the count after the command line's scope line ("Searched items dated 2024 (3 items)."), as `more`
    item_count: Mapping[str, str] = field(default_factory=dict)

    def reason(self, key: str, **parts: str) -> str:
        """The reason `key` with its `{parts}` filled in."""
        return self.reasons[key].format(**parts)

    def say(self, key: str, **parts: object) -> str:
        """The page's words `key` (ui) with its `{parts}` filled in."""
        return self.ui[key].format(**parts)

    def more_passages(self, n: int, locale: str) -> str:
        """"3 more passages, …" in the plural form `locale` (CLDR, through babel) gives the count `n`."""
        return counted(self.more, n, locale)

    def items(self, n: int, locale: str) -> str:
        """"3 items" in the plural form of `n` in `locale`."""
        return counted(self.item_count, n, locale)

    def left_out(self, n: int, locale: str) -> str:
        """"3 items without a date were left out" in the plural form of `n` in `locale`."""
        return counted(self.undated_left_out, n, locale)


def counted(forms: Mapping[str, str], n: int, locale: str) -> str:
    """The wording of `forms` (by CLDR plural form) that `locale` gives the count `n`, `{n}` filled in."""
    from babel import Locale

    form = Locale.parse(locale).plural_form(n)
    return (forms.get(form) or forms["other"]).format(n=n)


@dataclass(frozen=True)
class OfficeWords:
    """How a language names an office and asks who holds it (qa.answer.roles), beside English's own patterns there.
    Words are read by their stems (qa.lang.analyze), so every inflected form counts: `offices` maps a stem to the
    office it names, as English names it ("председател" -> "chair"); `other` the stem of a word before an office that
    makes it another ("бывш" -> "former"); `keep` one that keeps it ("перв", "исполня"); `deputy` the stem of a
    word that makes a deputy of the office it governs ("заместитель директора"). In a question (matched
    case-insensitively): `asks_head` reads "who heads X?" (group "of"), `asks` "who is [the] ROLE?" (group "role"),
    `asks_post` "what post does NAME hold in X?" (groups "name", "of"); `before` splits off what a "before" question
    names after its office ("… до Рахимовой", "… before Dilnoza Rakhimova": group "after"), `becoming` the office a
    person took ("before becoming Director of X", "до назначения директором X": group "role"). In a sentence, `leads`
    reads a verb that says its subject heads what it governs ("руководил", "возглавляет", "led", "chaired"; group
    "by" when the verb is passive: "chaired by X"), and `gathering` a noun naming a gathering, whose chair a question
    asks otherwise than a body's head ("Who chaired the meeting?")."""

    offices: Mapping[str, str] = field(default_factory=dict)
    other: Mapping[str, str] = field(default_factory=dict)
    keep: frozenset[str] = frozenset()
    deputy: frozenset[str] = frozenset()
    acronyms: Mapping[str, str] = field(default_factory=dict)  # a body's acronym as English writes it ("ОБСЕ": "OSCE")
    # the common nouns of bodies' names by their stems, as English writes them ("таможен": "customs", "служб":
    # "service"): a body named in two languages is compared by them (its proper names are compared romanised)
    glossary: Mapping[str, str] = field(default_factory=dict)
    asks_head: re.Pattern | None = None
    asks: re.Pattern | None = None
    asks_post: re.Pattern | None = None
    before: re.Pattern | None = None
    becoming: re.Pattern | None = None
    leads: re.Pattern | None = None
    gathering: re.Pattern | None = None


@dataclass(frozen=True)
class HolderWords:
    """What says who holds a role now (qa.answer.present_holder), all matched case-insensitively: in a question,
    `present` asks for the present explicitly ("current", "now", "кто сейчас") and `past` for a past holder ("was",
    "before", "был"); in the clause of a sentence that names the role, `held_before` marks its holder as past
    ("until December 2023", "former", "до декабря 2023 года") and `started` states a start ("since January 2024",
    "was appointed", "назначен"); `roles`: the language's role words by their starts, each with the English role
    it is read as (qa.answer.short.roles reads English's); `who_is`: below."""

    present: re.Pattern
    past: re.Pattern
    held_before: re.Pattern
    started: re.Pattern
    roles: tuple[tuple[str, str], ...] = ()
    # a who-question about someone else than the role's holder ("Who do the authors report to?", "Кому подчиняется
    # директор?"); None: none read
    other: re.Pattern | None = None
    # the words of "Who is …?" besides the stop words ("who", "кто такая"): a question of a name and these asks
    # who the named person is now
    who_is: frozenset[str] = frozenset()
    # in a question, asking who held a role before someone or a date ("before", "prior to", "до"); in a sentence,
    # naming someone as the one a new holder follows ("her predecessor", "he replaces", "сменяет"); None: not read
    asks_before: re.Pattern | None = None
    predecessor: re.Pattern | None = None
    # in a question, asking whom someone succeeded or replaced ("Whom did X succeed?", "Кого сменил X?"): a holder the
    # best marks as past is then X's own earlier post, no answer; None: not read
    asks_succeeded: re.Pattern | None = None


@dataclass(frozen=True)
class AskedWords:
    """What a who- or how-many question asks for beyond its answer type, all matched case-insensitively
    (qa.answer.asked_marks): `acts`, the starts of words naming an act whose doer a who-question asks for, each with
    the key it is read as in every language ("funded", "финансировало", "средства предоставило" -> fund); a count
    that adds to an earlier one, `increment` ("three more", "ещё три", "an additional"); a sentence stating a total,
    `total` ("in total", "общее количество", "всего"); a how-many question about how many there are now, `stock`
    ("are there", "operate", "действует"); `phases`, the words that state when something starts or ends, each with the
    phase it is read as in every language ("begin", "start", "open", "начнётся", "старт" -> start; "end", "close",
    "last until", "завершится", "продлится до" -> end), whose sentence a when-question about that phase asks for."""

    acts: tuple[tuple[re.Pattern, str], ...] = ()
    increment: re.Pattern | None = None
    total: re.Pattern | None = None
    stock: re.Pattern | None = None
    phases: tuple[tuple[re.Pattern, str], ...] = ()


@dataclass(frozen=True)
class ExtremeWords:
    """How a language asks which row of a table holds the most or the least of something (qa.answer.extremes), all
    matched case-insensitively: `most` and `least`, the superlative ("the most", "largest", "больше всего",
    "наименьший"); `which`, the question's opening that names the kind of thing asked for, group "kind" (its next
    word or two: "which country", "in which border region", "какая страна", "в каком квартале"); `kinds`, the
    starts of the nouns of such kinds, each with the kind it is read as in every language ("стран" -> country,
    "квартал" -> quarter), so a Russian question's "страна" names a table's "Country" column; `change`, a word of a
    change between figures ("the largest growth", "наибольший рост"), which a column's largest figure does not give
    unless its header names the change."""

    most: re.Pattern
    least: re.Pattern
    which: re.Pattern
    kinds: tuple[tuple[str, str], ...] = ()
    change: re.Pattern | None = None


@dataclass(frozen=True)
class Language:
    code: str
    stemmer: str  # PyStemmer algorithm
    pysbd: str  # pysbd's language code for sentence splitting
    stop_words: Callable[[], frozenset[str]]  # lazy: the base list may come from a library
    # question analysis (qa.answer.question)
    question_types: tuple[tuple[str, re.Pattern], ...]  # (answer type, question pattern), first match wins
    span_patterns: dict[str, re.Pattern]  # what a span of each answer type looks like in a sentence
    span_ignore: frozenset[str]  # words that do not make a span new ("Mr", "the", "in")
    head_words: frozenset[str]  # "what", "which", "whose": a noun phrase follows
    count_words: frozenset[str]  # "how" + one of these asks for a count ("many", "much")
    head_skip: frozenset[str]  # auxiliaries skipped before / ending the asked-for noun phrase
    verb_questions: frozenset[str]  # "What did X do?": no noun phrase asked for
    # follow-up questions in a conversation (qa.app.followups)
    followup: Followup
    # the writing system of its words ("latin", "cyrillic"): words of another script in a text of
    # this language are analysed by the language registered for that script (qa.lang.analyze)
    script: str = "latin"
    # a question asking what a word means though its question word asks for someone ("Кто такой «глотатель»?"), read
    # on the question as written (a name keeps its capital: "Кто такая Айгерим Сатова?" asks for a person): no type
    defines: re.Pattern | None = None
    # the words of page furniture (qa.ingest): None for a language that has none registered
    furniture: PageFurniture | None = None
    # a news page's fallback title (qa.ingest.titles): None for a language without one (English's then)
    news_titles: NewsTitles | None = None
    # the web reply's own words in the language (None: English's)
    reply: ReplyWords | None = None
    # qa.ingest.chunking: rejoin the splitter's false sentence ends (a piece that starts in lower case
    # after an abbreviation, a lone initial): pysbd's Russian rules leave some, its English ones
    # (which the MiniLM answer model was fitted on) are kept as they split but for name_initial
    rejoin_false_splits: bool = False
    # a name's initial that ends a piece the splitter cut ("analyst Sh. | Komilzoda"): the next piece,
    # in capitals on the same line, continues the sentence (qa.ingest.chunking); None: never
    name_initial: re.Pattern | None = None
    # a number and a unit or a year written short, up to the abbreviation's full stop, where a capital follows:
    # a sentence end the splitter read as an abbreviation inside one ("изъято 48 кг. | Водитель задержан";
    # qa.ingest.chunking cuts there); None: never
    unit_end: re.Pattern | None = None
    # the language's names of countries, lower-cased (lazy: read from CLDR through babel once);
    # qa.answer.short: a country is no person, and "which country" asks for one
    countries: Callable[[], frozenset[str]] | None = None
    # opposite words, one "word opposite" pair a string ("largest smallest"): a question that swaps a
    # word of the sentence for its opposite is not answered by it (qa.answer.swaps.antonym_swap)
    antonym_pairs: tuple[str, ...] = ()
    # a word made its opposite by a prefix ("natural" / "unnatural", "legitimate" / "illegitimate"), read on
    # stems by antonym_swap too: (prefix, the fewest letters of the word it negates, the letters that word may
    # start with, "" for any). The fewest letters keep "in-come", "im-prove" and "un-less" out
    negative_prefixes: tuple[tuple[str, int, str], ...] = ()
    # the forms of one unit a string, full names and abbreviations ("kilogram kilograms kg kgs"): a
    # count of the asked unit may be written in any of them ("How many kilograms ...?" - "740 kg";
    # qa.answer.types.same_unit). No one-letter abbreviation: after a number "m" is as often a million as
    # a metre, and Russian "г" a year
    unit_names: tuple[str, ...] = ()
    # words that shape a question without naming anything it asks about: hedges ("roughly", "approximately"),
    # totals ("in total", "overall"), time frames ("currently", "still"), exactness ("exactly"), what a count
    # leaves in or out ("including", "not counting"), and prepositions the stop words lack ("via"). A text
    # that does not use them still answers the question, so the gate's missing-word evidence
    # (qa.answer.evidence), the scene rule's unstated words and a "not found"'s unused words leave them out
    frame_words: frozenset[str] = frozenset()
    # words that only say a question asks how to reach someone ("e-mail", "address", "phone", "write",
    # "contact"): a text gives an address without them ("For more information: info@..."), so in a question that
    # asks for one (qa.lang.contacts) the gate's missing-word evidence leaves them out, as it does frame words
    contact_words: frozenset[str] = frozenset()
    # how a sentence opens when it refers back to the sentence before it ("This course ...", "For
    # this purpose, ...", "He added ...", "As a result, ..."), matched case-insensitively at its start:
    # such an answer is shown with the sentence before it (qa.answer.shown); None: never
    anaphor_openers: re.Pattern | None = None
    # a number question that asks for money ("how much did it cost", "what was the budget"; not "how
    # much did the price rise"), and the currency that marks an amount of money next to a number
    # ("$5 million", "5 million euros", "EUR 2"): such a question whose best candidates hold no amount of
    # money is "not found" (qa.answer.types.money_match, qa.answer.evidence.unpriced), whatever other
    # quantity they hold ("740 kg"). None: the language's number questions are not told apart
    money_question: re.Pattern | None = None
    # a question about what was planned or is to come ("how many will take part in the March 2025 course", "когда
    # планируется провести"): the items published before the period it names, which announce it, are searched with
    # those dated in it (qa.filters.core); None: an item published before a period never reports it
    plan_question: re.Pattern | None = None
    # which row of a table holds the most or the least (qa.answer.extremes); None: never read
    extremes: ExtremeWords | None = None
    currency: re.Pattern | None = None
    # a word's other spelling -> the one the analyzer stems (lazy; English: British -> American,
    # qa.lang.spelling), so "organised" and "organized" are one term everywhere; None: no such list
    spellings: Callable[[], Mapping[str, str]] | None = None
    # word -> its stem, for words the stemmer stems unevenly across their forms (lazy; Russian: the case
    # forms of country names in -ан, qa.lang.ru.whole_names); None: the stemmer's stems only
    stems: Callable[[], Mapping[str, str]] | None = None
    # lower-cased text with each word that is a stop word in one sense and a content word in another rewritten, where
    # its neighbours say it is the latter, as a word `stems` maps to its term (English: "may" next to a day or a year,
    # or after "in", "since", "by", is the month: "14 may 2024" -> "14 may_month 2024", term "may"); None: none such
    content_senses: Callable[[str], str] | None = None
    # a question about a measure ("how long", "how far", "how high", "how old"; Russian "как долго",
    # "какова длина"), as (the kinds of quantity that answer it, question pattern), first match wins;
    # and per kind, the unit words that make a number that quantity ("13 km", "two weeks", "38 °C"):
    # such a question whose shown sentence holds no quantity of those kinds is "not found"
    # (qa.answer.types.measure_match, qa.answer.evidence.unmeasured). Kinds: length, time,
    # temperature, floors, percent (a unit after a number); range (a span of dates anywhere: "from
    # 1754 to 1763", "since 2005"); age (any number). `measure_quantifiers`: words that stand for a
    # number before a unit ("a mile", "several weeks").
    measure_questions: tuple[tuple[tuple[str, ...], re.Pattern], ...] = ()
    measure_units: dict[str, re.Pattern] | None = None
    measure_quantifiers: re.Pattern | None = None
    # a range of days in one month ("from 3 to 7 February 2025"): a duration for the measure rule (its "range"
    # unit) and one short answer (qa.answer.short)
    day_range: re.Pattern | None = None
    # a question that asks for a date of one grain, as (grain, question pattern), first match wins: "In what
    # year" (year), "Which month", "On which day" (day), "On what date" (date: any grain, since a year is given
    # for it too), "In which century / decade" (century), "What time did it start?" (clock: a time of day); and
    # per grain, what may state a date of it in a sentence. Such a question whose shown sentence states no date
    # of that grain beyond the question's own is "not found" (qa.answer.types.states_date,
    # qa.answer.evidence.undated). Read loosely, since the rule refuses where nothing is found. Empty / None: the
    # rule is off for the language.
    date_questions: tuple[tuple[str, re.Pattern], ...] = ()
    date_grains: dict[str, re.Pattern] | None = None
    # words that say a figure covers only part of the period it names ("in the first nine months of 2023", "so far
    # this year", "as of 30 September", "за девять месяцев", "в первом полугодии"): a question about the whole
    # period (a year, a month) is answered by a near tie that reports all of it (qa.answer.whole_period). Matched
    # case-insensitively; None: the rule reads no such words in the language.
    partial_period: re.Pattern | None = None
    # how a sentence says a figure it states is superseded by another it states (qa.answer.corrections): `superseded`
    # matches the words right before the old figure, up to it ("not", "instead of", "corrected from", "а не",
    # "вместо"); a cue caught by its group "weak" ("not", "from", "previously", "а не", "с") says so only in a
    # sentence that `corrects` also matches: one that says it corrects an earlier report ("as previously reported",
    # "corrected", "revised", "как сообщалось ранее", "уточнённые данные"). Matched case-insensitively; None: the
    # rule reads no corrections in the language.
    superseded: re.Pattern | None = None
    corrects: re.Pattern | None = None
    # how a correction says what was reported before it, in a sentence of its own ("The press release of 22 November
    # stated that 2,031 kg were seized.", "В пресс-релизе … было указано, что изъято 2 031 кг"): the next sentence gives
    # the figure anew (qa.answer.corrections). None: not read in the language.
    restated: re.Pattern | None = None
    # how a question asks for the figure a correction replaced ("What figure was given in error …?", "Какая цифра была
    # указана ошибочно?"): no correction then takes its answer's place. None: not read in the language.
    asks_superseded: re.Pattern | None = None
    # how a text says its figures are preliminary ("according to preliminary figures", "provisional", "as of 30 June",
    # "по предварительным данным", "по состоянию на") or final ("final results", "in total", "confirmed", "итоговые
    # показатели", "окончательные данные", "всего"), and how a question asks for the one or the other ("the final
    # total", "in the end", "окончательно", "по предварительным данным"): qa.answer.preliminary. Matched
    # case-insensitively; None: the rule reads no such words in the language.
    preliminary: re.Pattern | None = None
    final: re.Pattern | None = None
    asks_final: re.Pattern | None = None
    # a who-question about a role asked in the present is answered by the role's present holder
    # (qa.answer.present_holder): the words that read it (HolderWords); None: the rule is off for the language
    holder_words: HolderWords | None = None
    # who holds an office, and a who-question about one (qa.answer.roles): the words that read it (OfficeWords)
    office_words: OfficeWords | None = None
    # what a who-question's act and a how-many question's count ask for (qa.answer.asked_marks): AskedWords; None: the
    # rules read nothing in the language
    asked_words: AskedWords | None = None
