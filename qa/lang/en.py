"""English: stemmer, stop words, sentence splitter, question patterns and follow-up word lists."""

from __future__ import annotations

import functools
import re

from qa.lang.base import (AskedWords, ExtremeWords, Followup, HolderWords, Language, NewsTitles, OfficeWords,
                          PageFurniture, ReplyWords)
from qa.lang.contacts import CONTACT_SPANS
from qa.lang.countries import country_names
from qa.lang.spelling import american_spellings

# Lucene's 33 English stop words miss the words questions are made of; left in, "how", "much"
# and "did" look like rare terms (they seldom occur in news text) and drown the real ones.
_QUESTION_WORDS = """
what which who whom whose when where why how much many did does do done has have had having
can could would should shall may might must will am been being its it's he she his her him
they them their theirs we our us you your i me my about from up down out over under again
further once here there all any both each few more most other some such only own same so than
too very just also nor whether while during before after above below between into through
s t d ll re ve m
""".split()  # the last line: what apostrophes leave behind ("CARICC's", "don't", "we'll")


def _stop_words() -> frozenset[str]:
    return _bm25s_stop_words() | frozenset(_QUESTION_WORDS)


def _bm25s_stop_words() -> frozenset[str]:
    """bm25s's English list, read from its module file: `import bm25s` runs the package's
    __init__, which imports scipy (~0.4 s), more than the rest of a one-question `qa ask`."""
    import importlib.util
    from pathlib import Path

    spec = importlib.util.find_spec("bm25s")
    if spec is None or not spec.submodule_search_locations:
        raise ImportError("bm25s is not installed")
    path = Path(next(iter(spec.submodule_search_locations))) / "stopwords.py"
    mod_spec = importlib.util.spec_from_file_location("_qa_bm25s_stopwords", path)
    module = importlib.util.module_from_spec(mod_spec)
    mod_spec.loader.exec_module(module)
    return frozenset(module.STOPWORDS_EN)


# Answer types a question asks for, and what a span of that type looks like.
# a month's name or abbreviation (dates in answers, page furniture's short dates, the date rule's grains)
_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)
# a month or a weekday as a capitalised word (an abbreviation only before a day: "Mar 3", not "Mar del Plata")
_CALENDAR_WORD = (
    r"(?:(?:January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)"
    r"\b\.?\s*\d)"
)
# "may" the month, not the verb: after a day ("14 May", "1st May") or a word no verb follows ("in May", "since May",
# "mid-May", "April-May"), or before a day or a year ("May 2024", "May 14"). Lower case: analyze()'s text.
_MONTH_MAY = re.compile(
    r"(\d(?:st|nd|rd|th)?\s+|\b(?:in|of|by|mid|end|from|till|late|since|until|early|during|before|after|through|between|april)"
    r"[\s\-–—]+)?\bmay\b(\.?,?\s*\d)?"
)
MAY_MONTH = "may_month"  # the word _MONTH_MAY writes, stemmed to the term "may"


def _content_senses(low: str) -> str:
    """Lower-cased text with "may" the month written MAY_MONTH (Language.content_senses): the verb is a stop word."""
    if "may" not in low:
        return low
    return _MONTH_MAY.sub(lambda m: f"{m[1] or ''}{MAY_MONTH}{m[2] or ''}" if m[1] or m[2] else m[0], low)


_NUMBER_WORDS = (
    r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|"
    r"forty|fifty|hundred|thousand|million|billion|dozens?|several)"
)
# Currencies as words or codes after an amount ("5 million dollars", "38 pounds", "120,000 KZT"); a code
# also stands before one ("EUR 2.4 million")
_CURRENCY_CODES = r"USD|EUR|GBP|KZT|RUB|KGS|TJS|UZS|TMT|CHF|JPY|CNY"
_CURRENCY_NAMES = (r"(?:US\s+)?dollars?|euros?|pounds?|rubles?|roubles?|tenge|soms?|somoni|soums?|manats?|yuan|"
                   rf"renminbi|yen|francs?|lire|lira|rupees?|pesos?|cents?|{_CURRENCY_CODES}")
# words ending in "s" that are no plural noun counted after another ("of heroin was", "of hashish across")
_NOT_PLURAL_NOUNS = (r"(?:was|has|is|its|his|hers|ours|yours|theirs|this|thus|plus|across|towards|afterwards|besides|"
                     r"unless|always|perhaps|whereas|as|us|less|yes|does|goes)")
SPAN_PATTERNS = {
    **CONTACT_SPANS,
    "date": re.compile(
        rf"\b(?:(?:\d{{1,2}}(?:\s*[-–]\s*\d{{1,2}})?\s+{_MONTH}(?:\s+\d{{4}})?)|"
        rf"(?:{_MONTH}\s+\d{{1,2}}(?:\s*[-–]\s*\d{{1,2}})?(?:,\s*\d{{4}})?)|"
        rf"(?:{_MONTH}\s+\d{{4}})|(?:(?:1[89]|20)\d\d(?:\s*[-–]\s*(?:1[89]|20)?\d\d)?)|"
        rf"(?:(?:first|second|third|fourth|last)\s+(?:half|quarter)\s+of\s+\d{{4}}))\b",
        re.I,
    ),
    "number": re.compile(
        rf"(?:\b(?:more than|over|about|around|almost|nearly|up to|at least|some)\s+)?"
        # a currency sign or code before the figure: "$5", "US$ 5", "EUR 2.5 million", "KZT 120,000"
        rf"(?:(?:US\$|[$€£]|(?:{_CURRENCY_CODES})\b)\s?)?"
        # thousands grouped by a no-break space ("8 120 kg", as UN documents write them); not by a plain one, which
        # may part two numbers ("in 2024 120 officers")
        rf"\b(?:\d[\d,.]*(?:[\u00a0\u202f]\d{{3}})*|{_NUMBER_WORDS})\b(?:\s*(?:%|percent|per cent))?"
        # a scale, then a unit or a currency: "3.2 million pounds", "38 pounds", "2 million tonnes"
        rf"(?:\s+(?:million|billion|thousand|hundred)\b)?"
        rf"(?:\s+(?:kg|kilo(?:gram(?:me)?)?s?|tonnes?|tons?|grams?|km|kilomet(?:re|er)s?|litres?|liters?|"
        rf"{_CURRENCY_NAMES})\b)?"
        # what is counted, with the adjective before it: "of heroin", "of narcotic drugs", "of chemical precursors",
        # or a plural noun after a noun that qualifies it: "of precursor chemicals", "of cannabis plants"
        rf"(?:\s+of\s+(?:[a-z]+(?:ic|al|ous|ive)\s+(?=[a-z]))?[a-z]+"
        rf"(?:\s+(?!{_NOT_PLURAL_NOUNS}\b)[a-z]{{2,}}s\b)?)?",
        re.I,
    ),
    "person": re.compile(
        r"\b(?:(?:Mr|Ms|Mrs|Dr|H\.E|Prof)\.?\s+)?(?:(?:[A-Z]\.){1,3}|[A-Z][A-Za-z'’\-]+)"
        r"(?:\s+(?:(?:[A-Z]\.){1,3}|[A-Z][A-Za-z'’\-]+)){1,3}\b"
    ),
    # a title or theme is quoted: the words inside the quotes are group 1
    "title": re.compile(r"[“\"«]([^”\"«»“]{3,200}?)[”\"»]"),
    # the place itself is group 1: "in Vienna", "at the Almaty Academy", "in the city of Istanbul",
    # "in the capital, Astana"; a month or a weekday is no place ("to June 30", "from July 19")
    "place": re.compile(
        r"\b(?:in|at|to|from|near)\s+(?:the\s+(?:(?:city|town|village|province|region|district|county|state|"
        r"capital|island|port)\s+of\s+|capital,?\s+)?)?"
        rf"(?!{_CALENDAR_WORD})((?:[A-Z][\w'’\-]+)(?:\s+(?:of\s+)?[A-Z][\w'’\-]+){{0,3}})"
    ),
}
# Matched against the lower-cased, stripped question; the first that matches gives the type.
QUESTION_TYPES = (
    ("number", re.compile(r"\bhow (many|much)\b|\bwhat (percentage|proportion|number|amount)\b"
                          r"|\bhow (large|big|long|old)\b"
                          r"|\bwhat (?:is|was|were|are) (?:the |its |their )?(?:[\w-]+ ){0,2}"
                          r"(?:budget|cost|costs|price|prices|funding|salary|revenue)\b"
                          # "What budget did the Council approve …?"
                          r"|^what (?:[\w-]+ ){0,2}?(?:budget|funding|salary|price|fee|fine)s? "
                          r"(?:did|does|do|was|were|is|are|has|had|will)\b"
                          # "What is the final figure for …?", not "What is used to figure …?" ("What was the total
                          # quantity …?" is left as it was: typed as a number, one drug's figure outranked the total)
                          r"|\bwhat (?:is|was|were|are) (?:the|its|their) (?:[\w-]+ ){0,2}figures?\b"
                          # "What will the filter hall cost?", "What did the pipeline cost?"
                          r"|^what (?:will|would|did|does|do) (?:[\w'’-]+ ){1,6}?cost\b"
                          r"(?!\s+(?:cutting|overruns?|savings?|estimates?|of)\b)")),
    ("date", re.compile(r"^when\b|\bwhat (years?|dates?|days?|months?|period|time|quarters?)\b"
                        r"|\bwhich (years?|dates?|days?|months?|period|quarters?)\b|\bsince when\b"
                        # a deadline is a date: "What is the deadline for nominations?", "By when must …?"
                        r"|\bwhat (?:is|was|are|were) (?:the |its |their )?(?:[\w-]+ ){0,2}"
                        r"(?:deadline|due date|closing date|cut-?off date)s?\b(?!\s+extension)"
                        r"|\b(?:by|until|till) when\b")),
    ("person", re.compile(r"^(who|whom|whose)\b"
                          r"|\bwhich (official|person|envoy|analyst|minister|director|ambassador)\b")),
    # how to reach someone (qa.lang.contacts): "What e-mail address is given for enquiries?", "Which website ...?",
    # "What is the centre's phone number?"; after number and date ("How many e-mails ...", "When was the website
    # launched?")
    ("email", re.compile(r"\be-?mail(?:\s+|-)address|\b(?:what|which)\s+(?!(?:did|does|do)\b)(?:[\w'’-]+\s+){0,3}?"
                         r"e-?mail\b(?!\s+(?:was|were|did|said))")),
    ("web", re.compile(r"\bweb\s*address|\burl\b|\b(?:what|which)\s+(?!(?:did|does|do)\b)(?:[\w'’&-]+\s+){0,3}?"
                       r"(?:web\s*(?:site|page)|home\s?page)s?\b")),
    ("phone", re.compile(r"\b(?:(?:tele)?phone|fax|hotline|helpline)\s+(?:numbers?|line)\b|\b(?:what|which)\s+"
                         r"(?!(?:did|does|do)\b)(?:[\w'’-]+\s+){0,3}?(?:(?:tele)?phone|hotline|helpline)\b"
                         # "What is the number of the customs hotline …?"
                         r"|\bnumbers?\s+(?:of|for)\s+(?:the\s+|its\s+|their\s+)?(?:[\w'’-]+\s+){0,2}?"
                         r"(?:(?:tele)?phone|hotline|helpline|fax)\b(?!\s+(?:calls?|messages?|requests?|reports?|"
                         r"complaints?|tips?|users?)\b)")),
    ("place", re.compile(r"^where\b|\bin which (city|country|town|place)\b|\bwhich (city|country|town|region)\b")),
    # the title of a work or an event ("the title of the conference", not a rank: "which title did he hold")
    ("title", re.compile(r"\b(?:what|which) (?:is|was|were|are) (?:the |its |their )?(?:[\w-]+ ){0,3}"
                         r"(?:titles? of|theme|motto|slogan)\b"
                         r"|\bunder (?:what|which) (?:title|theme|heading|motto|slogan)\b")),
)  # fmt: skip

_AUX = r"(?:was|were|is|are|did|does|do|has|have|had|will|would|can|could)"
_PREP = r"(?:(?:in|on|at|from|to|for|by|with|of|under|during|since|until)\s+)?"
_ISE = re.compile(r"\b(\w{3,}?)(is|iz)(e|ed|es|ing|ation|ations|er|ers)\b", re.I)
# -ise words that have no -ize spelling (stems compared without their last letter)
_NOT_ISE = ("rise", "wise", "raise", "praise", "noise", "poise", "arise", "promise", "premise", "precise",
            "concise", "exercise", "expertise", "franchise", "merchandise", "advise", "devise", "revise",
            "supervise", "televise", "surprise", "enterprise", "compromise", "disguise", "cruise", "bruise",
            "size", "prize", "seize", "citizen")  # fmt: skip


def _spellings(text: str) -> str:
    """text plus the other spelling of its -ise/-ize words: stemming keeps "organis" and "organ" apart."""
    extra = []
    for m in _ISE.finditer(text):
        word = m.group(0).lower()
        if any(word.startswith(n[:-1]) and len(word) - len(n) <= 3 for n in _NOT_ISE):
            continue
        variant = m.group(1) + ("iz" if m.group(2).lower() == "is" else "is") + m.group(3)
        if variant.lower() not in text.lower() and variant not in extra:
            extra.append(variant)
    return f"{text} {' '.join(extra)}" if extra else text


FOLLOWUP = Followup(
    pronouns=frozenset({
        "it", "its", "they", "them", "their", "theirs", "he", "him", "his", "she", "her", "hers",
        "this", "that", "these", "those", "there", "then", "such", "same", "former", "latter",
        "else", "one", "ones",
    }),
    openers=re.compile(
        r"^\s*(?:and|but|also|so|then|ok(?:ay)?|what about|how about|and what about|and how about|"
        r"what of|same for|and for|and in|and on)\b[\s,]*",
        re.I,
    ),
    about=re.compile(r"^\s*(?:and\s+)?(?:what|how)\s+about\s+(?P<rest>.+?)\s*[?.!]*\s*$", re.I),
    question_words=frozenset({"who", "whom", "whose", "what", "which", "when", "where", "why", "how", "much", "many"}),
    light_verbs=frozenset({
        "did", "do", "does", "done", "is", "was", "were", "are", "be", "been", "has", "have", "had",
        "held", "hold", "happen", "happened", "take", "took", "taken", "make", "made", "get", "got",
        "say", "said", "tell", "told", "give", "gave", "go", "went", "come", "came", "kind", "part",
        # nouns that only say what kind of answer is wanted ("in which city", "on what date")
        "place", "city", "country", "date", "dates", "year", "day", "time", "name", "called",
    }),
    question_phrase=re.compile(
        rf"^\s*{_PREP}(?:(?:which|what|whose|how\s+many|how\s+much)(?:\s+(?!{_AUX}\b)[\w'-]+)?"
        r"|who|whom|where|when|why|how)\b",
        re.I,
    ),
    previous_phrase=re.compile(
        rf"^\s*{_PREP}(?:which|what|whose|how\s+many|how\s+much)(?:\s+(?!{_AUX}\b)[\w'-]+){{0,4}}?(?=\s+{_AUX}\b)",
        re.I,
    ),
    elliptic_tail=re.compile(
        rf"^\s*(?:{_AUX}\s+(?:it|they|that|this|he|she)(?:\s+(?:held|take\s+place|happen))?)?"
        r"\s*(?:else|exactly|then|again)?\s*[?.!]*\s*$",
        re.I,
    ),
    spellings=_spellings,
    he=frozenset({"he", "him", "his", "himself"}),
    she=frozenset({"she", "her", "hers", "herself"}),
    titles_he=frozenset({"mr", "sir"}),
    titles_she=frozenset({"ms", "mrs", "miss", "madam"}),
    titles_any=frozenset({"h.e", "dr", "prof"}),
    year_before=re.compile(r"\b(?:in\s+)?(?:the\s+)?(?:year\s+before|previous\s+year|preceding\s+year|prior\s+year)\b"
                           r"|\b(?:a\s+|one\s+)?year\s+earlier\b", re.I),
    year_after=re.compile(r"\b(?:in\s+)?(?:the\s+)?(?:year\s+after|following\s+year|next\s+year)\b"
                          r"|\b(?:a\s+|one\s+)?year\s+later\b", re.I),
    in_year="in {year}",
    month_before=re.compile(r"\b(?:in\s+)?(?:the\s+)?(?:month\s+before|previous\s+month|preceding\s+month|prior\s+month"
                            r"|last\s+month)\b|\b(?:a\s+|one\s+)?month\s+earlier\b", re.I),
    month_after=re.compile(r"\b(?:in\s+)?(?:the\s+)?(?:month\s+after|following\s+month|next\s+month)\b"
                           r"|\b(?:a\s+|one\s+)?month\s+later\b", re.I),
    month_frame=frozenset({"in", "for", "during", "of", "the", "month"}),
    month_forms=(("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
                  "November", "December"),),
    verb_form=re.compile(r"^\w{3,}ed$", re.I),
)  # fmt: skip

# The words of page furniture (qa.ingest.furniture, captions, datelines): whole-line patterns
# for page chrome, checked only on short lines, so a sentence that uses a word ("Share prices
# rose.") is never one of them.
_PHOTO = r"(?:photo(?:graph)?s?|pictures?|images?|foto)"
_MONTH_DOT = rf"{_MONTH}\.?"  # "Oct.", "October"
FURNITURE = PageFurniture(
    lines={
        "rating": r"rate this (?:item|article|post|page)|\(?\d+ votes?\)?|rating:?\s*[\d.]+\s*(?:/\s*\d+)?",
        # "Page 13 of 38"; "« Start Prev 1 2 ... Next End »" (a bare number alone stays: it may be data)
        "pagination": r"page \d+ of \d+|(?=.*(?:[«»‹›]|\bprev|\bnext\b))(?:[«»‹›<>|…]|\.\.\.|\d+|start|first"
        r"|prev(?:ious)?|next|end|last|\s)+",
        "read-more": r"read (?:more|full (?:story|article))\W*|continue reading\W*|more\W*",
        "share": r"(?:share|print|e-?mail|tweet|facebook|twitter|linkedin|whatsapp|telegram|vk)"
        r"(?:\s*(?:this|article|page|on \w+))?\W*",
        "related": r"other news in\b.*|(?:related|more|latest|recent|top) (?:news|articles|posts|stories)\W*"
        r"|see also\W*|back to (?:top|list)\W*",
        "views": r"(?:views|hits|reads)\s*:?\s*\d[\d,.]*|\d[\d,.]*\s+views|read \d[\d,.]* times",
        "label": r"(?:source|photo|photos|image|credit|credits|tags|author|posted by)\s*:.{0,80}",
        # "PRESS RELEASE", "CARICC Press Release", "Joint press release No. 12/2024", "For immediate release"
        "press-release": r"(?:[\w.&'’/-]+\s+){0,3}(?:press|news|media)\s+release(?:\s+(?:no\.?|#)\s*[\w/.-]+)?\W*"
        r"|for immediate release\W*",
        # a press release's end mark ("###", "-ends-", "- END -", "ENDS")
        "press-end": r"(?:#\s*){3}|[-–—]+\s*ends?\s*[-–—]+|ends\W*|end of (?:the )?(?:press |news )?release\W*",
        # its contact label, whatever follows the colon ("For more information, contact: …", "Media contact: …");
        # the sentence "For more information, please contact press@x.org." is no label and stays text
        "press-contact": r"(?:for (?:more|further) (?:information|details)|for (?:media|press) (?:enquiries|inquiries)"
        r"|(?:media|press) (?:contacts?|enquiries|inquiries|relations)|contacts? for (?:the )?(?:media|press))"
        r"(?:,?\s*(?:please\s+)?contact)?\s*:.*",
        # its signature ("Press service of CARICC", "UNODC Press Office"): closing only where nothing of a story
        # follows it (qa.ingest.paragraphs), since "Press Office of the ministry opens in Osh" may head one
        "press-signature": r"(?:the\s+)?(?:[\w.&'’/-]+\s+){0,3}(?:press|media|communications?|public information)"
        r"\s+(?:service|office|unit|department|section|team|centre|center|desk)"
        r"(?:\s+of\s+.{1,60}|\s*[,–—-]\s*.{1,60})?",
        "consent": r"i got it\W*|got it\W*|ok\W*|accept(?: all)?(?: cookies)?\W*|reject all\W*|decline\W*"
        r"|(?:manage )?(?:cookie )?(?:settings|preferences)\W*|(?:cookie|privacy) (?:policy|notice)\W*",
        # "Copyright" alone starts sentences too ("Copyright law was discussed."): a sign or a year
        # must follow it.
        "chrome": r"wrapper|advertisement|sponsored|menu|home|search|log ?in|sign ?in|sign up|subscribe"
        r"|skip to (?:main )?content|close|toggle navigation|all rights reserved\W*"
        r"|copyright\s*(?:©|\(c\)|(?:19|20)\d\d\b).{0,80}"
        r"|.*\b(?:typo|mistake|error)\b.*\bctrl\s*\+\s*enter\b.*",
    },
    notices={
        "cookie": r"\b(?:we|this (?:web)?site) uses? cookies\b|\bcookie (?:policy|settings|consent)\b"
        r"|\bby continuing to (?:use|browse)\b",
    },
    # "Photo:", "Photo credit:", "Photo courtesy of", "Image ©", "Credit:"; "Photo by" + a name
    # "AP Photo/Jane Doe", "UN Photo/Eskinder Debebe", "Photo/UNODC": agency style
    credit_any=rf"{_PHOTO}\s*(?:credits?\s*:?|courtesy(?:\s+of)?\s*:?|©|:|/)|credits?\s*:|courtesy\s+of\b"
    rf"|(?:(?-i:[A-Z])[\w.&'’-]*\s+){{1,3}}{_PHOTO}\s*/",
    credit_named=rf"{_PHOTO}\s*\bby\b",
    credit_names="",
    credit_whole=r"(?:file|stock|archive|illustrative) (?:photo|image|picture)"
    r"|(?:photo|image) for illustration(?: only)?",
    caption_cue=r"\(?\s*(?:[LR]\s*(?:-|–|to)\s*[RL])\s*[):,]"  # "(L-R)", "L-R:", "(R to L)"
    r"|(?:from\s+)?(?:left|right)\s+to\s+(?:right|left)\s*[:,]"
    r"|from\s+(?:left|right)\s*[:,]"
    r"|pictured(?:\s+(?:above|below|here|left|right))?\s*:"
    r"|(?:photo\s+)?caption\s*:"
    r"|in\s+the\s+(?:photo|picture|image)\s*:"
    r"|(?:above|below|inset|(?:top|main|featured)\s+(?:photo|picture|image))\s*:"
    rf"|\[\s*{_PHOTO}\s*:|{_PHOTO}\s*:\s*\w",  # a plain text's "Photo: Officers inspect a lorry …"
    short_date=rf"{_MONTH_DOT}\s+\d{{1,2}}|\d{{1,2}}\s+{_MONTH_DOT}",  # "Oct. 12", "October 12", "12 Oct"
    not_places=frozenset(
        "the a an in on at from for by to of this that these those it its he she they we our their "
        "mr mrs ms dr his her as with after before during since".split()
    ),
    date_filler=r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|posted|published|updated|date|on|at",
)  # fmt: skip

# The EVENT_WORDS that are verbs: "held" says that something happened, not which gathering it was
# (qa.answer.events.misplaced matches the gathering by its nouns).
_EVENT_VERBS = r"held|hold|holds|took\s+place|take\s+place|met|meet|meets|attend\w*|visited|hosted|convened"
# Words that make a question ask about a gathering or another event that happens somewhere ("the
# meeting in Vienna", "the workshop held at ..."): qa.answer.events reads the question's place as the
# event's setting only then (a place in any other question is often a scope: "dairy farms in Victoria").
EVENT_WORDS = re.compile(
    r"\b(?:meetings?|workshops?|conferences?|seminars?|webinars?|symposi(?:um|a)|trainings?|courses?|forums?|"
    r"sessions?|summits?|visits?|briefings?|exercises?|operations?|talks|consultations?|round\s?tables?|"
    r"ceremon(?:y|ies)|congress(?:es)?|assembl(?:y|ies)|events?|gatherings?|negotiations?|"
    rf"{_EVENT_VERBS})\b",
    re.I,
)
EVENT_VERBS = re.compile(_EVENT_VERBS, re.I)

# Common opposites (general pairs, not read off any question set): qa.answer.swaps.antonym_swap.
# Matched on stems, so "increased" / "decreases" pair too; words whose stem has another common
# sense are left out ("important" stems to "import", "likely" to "like"; "live", "light", "found",
# "present"), and so are stop words ("more", "before"), which question terms never hold.
ANTONYM_PAIRS = tuple((
    "large small|larger smaller|largest smallest|big small|bigger smaller|biggest smallest|high low|"
    "higher lower|highest lowest|increase decrease|increase reduce|rise fall|"
    "rose fell|gain loss|first last|early late|earlier later|earliest latest|north south|"
    "east west|northern southern|eastern western|best worst|better worse|good bad|long short|longer shorter|"
    "longest shortest|older newer|oldest newest|older younger|oldest youngest|old young|major minor|"
    "maximum minimum|majority minority|positive negative|win lose|won lost|victory defeat|rich poor|"
    "wealthy poor|inner outer|upper lower|begin end|start end|start finish|open close|opened closed|"
    "public private|internal external|domestic foreign|modern ancient|strong weak|stronger weaker|"
    "success failure|succeed fail|accept reject|allow forbid|allow prohibit|legal illegal|permit ban|"
    "include exclude|buy sell|bought sold|enter exit|arrive depart|inside outside|"
    "top bottom|male female|men women|man woman|father mother|son daughter|brother sister|husband wife|"
    "king queen|hot cold|warm cool|wet dry|fast slow|faster slower|easy difficult|simple complex|"
    "cheap expensive|deep shallow|wide narrow|thick thin|full empty|true false|correct incorrect|common rare|"
    "always never|presence absence|possible impossible|known unknown|able unable|"
    "urban rural|civilian military|attack defend|"
    "offensive defensive|support oppose|agree disagree|approve reject|ally enemy|friend enemy|peace war|"
    "love hate|birth death|born died|alive dead|create destroy|build destroy|join leave|add remove|"
    "appear disappear|send receive|sent received|teach learn|permanent temporary|"
    "partial complete|horizontal vertical|active passive|voluntary mandatory|optional required|"
    "junior senior|upstream downstream|past future|previous next|former latter"
).split("|"))

# Prefixes that make a word its opposite (qa.lang.base.Language.negative_prefixes): "un-known", "non-violent",
# "in-direct", and "in-" as it is written before p, b, m ("im-possible"), l ("il-legal") and r ("ir-regular"). The
# shortest words they negate, counted in stem letters, keep "in-come", "im-prove", "im-press" out.
NEGATIVE_PREFIXES = (("un", 4, ""), ("non", 4, ""), ("in", 5, ""), ("im", 6, "pbm"), ("il", 5, "l"), ("ir", 5, "r"))

# Sentence openers that refer back to the sentence before (qa.answer.shown shows that sentence too).
# General words of the language, not read off any question set: a demonstrative or a personal
# pronoun as the first word ("This course was organized", "Such measures", "It was also noted",
# "He added", "Their aim"), a preposition before one ("For this purpose", "In its report",
# "According to him", "Of these"), and connectives whose sense hangs on the sentence before ("As a
# result", "In addition,", "However", "Also", "Thus", "Then", "The latter"), and "the" before a word
# saying that what it names came of the sentence before ("The follow-up investigation", "The resulting").
# Left out: "the" + noun ("The meeting ..."), which refers back as often as not but opens most self-contained sentences
# too, and "there" / "we", which rarely point at the sentence before.
_DEMONSTRATIVE = r"this|that|these|those|such"
_PRONOUN = r"he|she|it|they|him|her|them|his|its|their"
_PREPOSITION = (
    r"for|to|in|as|with|at|on|by|of|from|during|after|before|under|among|despite|since|following|through|"
    r"throughout|within|besides|like|unlike|according\s+to|because\s+of|due\s+to|apart\s+from|"
    r"in\s+addition\s+to|along\s+with|together\s+with|in\s+spite\s+of"
)
_CONNECTIVE = (
    r"as\s+a\s+(?:result|consequence)|in\s+addition(?!\s+to\b)|also|moreover|furthermore|besides|however|"
    r"nevertheless|nonetheless|therefore|thereafter|thus|hence|consequently|accordingly|meanwhile|then|later|afterwards|"
    r"subsequently|similarly|likewise|instead|otherwise|in\s+turn|at\s+the\s+same\s+time|in\s+particular|"
    r"for\s+(?:example|instance)|the\s+(?:latter|former|same|follow-?up|subsequent|ensuing|resulting|aforementioned|"
    r"above-?mentioned)|both"
)
ANAPHOR_OPENERS = re.compile(
    rf"[\"'“‘(\[]?(?:(?:{_PREPOSITION})\s+(?:{_DEMONSTRATIVE}|{_PRONOUN})|{_DEMONSTRATIVE}|{_PRONOUN}|{_CONNECTIVE})\b",
    re.IGNORECASE,
)

# A transliterated Cyrillic letter written as two Latin ones is an initial too: "Sh. Komilzoda",
# "R.Kh. Nazarov", "Kh.A. Rakhimov" (Ш, Ж, Х, Ч, Ц, Ю, Я, Ё, Е, Щ, Дж). pysbd knows single-letter
# initials only, so it ended a sentence after each of these.
NAME_INITIAL = re.compile(r"(?:^|\s)(?:[A-Z]\.)*(?:Sh|Zh|Kh|Ch|Ts|Yu|Ya|Yo|Ye|Shch|Sch|Dzh)\.(?:[A-Z]\.)*$")

# A number question that asks for money, unless it asks how an amount changed or what share it is
# ("How much did the price of oil increase?" wants "two percent", "How much of the national income …?" a share);
# read by qa.answer.types.
_RATE_WORDS = (r"how\s+much\s+of|percent\w*|per\s+cent|percentage|proportion|share|ratio|rate|increased?|increases|"
               r"rise|rose|risen|grow|grew|grown|growth|fall|fell|fallen|drop|dropped|declined?|decreased?|changed?|time|"
               r"long|often")
# which row of a table holds the most or the least (Language.extremes)
EXTREMES = ExtremeWords(
    most=re.compile(r"\b(?:most|largest|highest|biggest|greatest|heaviest|maximum)\b", re.I),
    least=re.compile(r"\b(?:least|smallest|lowest|fewest|minimum)\b", re.I),
    which=re.compile(r"^\s*(?:(?:in|on|at|from|for|during|of|by)\s+)?(?:which|what)\s+"
                     r"(?P<kind>[\w-]+(?:\s+[\w-]+)?)", re.I),
    kinds=(("countr", "country"), ("state", "country"), ("region", "region"), ("province", "region"),
           ("oblast", "region"), ("month", "month"), ("quarter", "quarter"), ("year", "year"), ("agenc", "agency"),
           ("service", "agency"), ("body", "agency"), ("checkpoint", "checkpoint"), ("crossing", "checkpoint"),
           ("post", "checkpoint"), ("city", "city"), ("cities", "city"), ("town", "city"), ("drug", "substance"),
           ("substance", "substance"), ("unit", "unit"), ("office", "unit"), ("department", "unit"),
           ("donor", "donor"), ("operation", "operation"), ("port", "checkpoint")),
    change=re.compile(r"\b(?:growth|grew|increase[ds]?|rise|rose|risen|decrease[ds]?|decline[ds]?|drop(?:ped)?|fall|fell"
                      r"|change[ds]?|gain|loss)\b", re.I),
)
# a question about a plan or what is to come (Language.plan_question)
PLAN_QUESTION = re.compile(
    r"\b(?:will|shall|plann?(?:ed|ing)|plans|scheduled|upcoming|expected|intended|due\s+to|to\s+be\s+held)\b", re.I)
MONEY_QUESTION = re.compile(
    rf"^(?!.*\b(?:{_RATE_WORDS})\b).*(?:\bhow much (?:money|cash|did .{{0,60}}?\b(?:cost|pay|spend|earn|raise|donate|"
    r"invest|allocate|sell for|fetch))\b|\b(?:cost|costs|price|prices|priced|worth|budget|budgets|funding|funds|"
    r"salary|salaries|wages?|revenue|revenues|income|spent|spend|spending|paid|fee|fees|fine|fines|dollars?|euros?|"
    r"investment|grant|grants|loan|loans|profit|profits|bribe|bribes)\b)",
    re.IGNORECASE | re.DOTALL,
)
# A currency beside a number: a sign or code before it ("$5", "US$ 5", "EUR 2.5"), a word after it
# ("5 million dollars"); "pounds of" is a weight.
CURRENCY = re.compile(rf"[$€£¥₹₽]|\b(?:US\$|(?!pounds?\s+of\b)(?:{_CURRENCY_NAMES}))\b", re.IGNORECASE)

# A question about a measure, and the units that answer it (qa.lang.base.Language.measure_questions).
# "How far back", "how far does it date back" and "how long ago" ask for a date, "how far west" a place,
# "how high on the charts" a rank, "how high" may ask for a rate ("How high did unemployment rise?": a
# percentage answers it).
MEASURE_QUESTIONS = (
    (("length", "time", "range"), re.compile(
        r"\bhow\s+long\b(?!\s+ago\b)|\bfor\s+what\s+(?:length\s+of\s+time|period)\b|"
        r"\bwhat\s+(?:is|was|were|are)\s+the\s+(?:length|duration)\b", re.I)),
    (("length", "time"), re.compile(r"\bhow\s+far\b(?!.*\bback\b)(?!\s+(?:north|south|east|west|up|down|inland|into|"
                                   r"along|ahead|behind)\w*\b)|\bwhat\s+(?:is|was|were|are)\s+the\s+distance\b", re.I)),
    (("length", "temperature", "floors", "percent"), re.compile(
        r"\bhow\s+tall\b|\bhow\s+high\b(?!\s+(?:on|in|up)\b)(?!.*\b(?:charts?|rank\w*|polls?)\b)|"
        r"\bwhat\s+(?:is|was|were|are)\s+the\s+(?:height|elevation|altitude)\b", re.I)),
    (("length",), re.compile(r"\bhow\s+(?:wide|deep|thick)\b|\bwhat\s+(?:is|was|were|are)\s+the\s+(?:width|depth|"
                             r"thickness)\b", re.I)),
    (("age",), re.compile(r"\bhow\s+old\b|\bwhat\s+age\b|\bwhat\s+(?:is|was|were|are)\s+the\s+age\b", re.I)),
)
_ME = r"(?:er|re)s?"  # metre, meters
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"  # a day of the month
# A range of days in one month, with its year when one follows (Language.day_range): "from 3 to 7 February 2025",
# "3-7 Feb", "July 19-21, 2022", "between July 19 and 21". A duration, and one short answer. Month names in capitals
# only: "3 to 5 may" is no date.
_DAY_TO_DAY = rf"{_DAY}\s*(?:[-–—]|to|until|till|through|and)\s*{_DAY}"
DAY_RANGE = re.compile(
    rf"\b(?:(?:from|between)\s+)?(?:{_DAY_TO_DAY}\s+(?:of\s+)?(?-i:{_MONTH})|(?-i:{_MONTH})\s+{_DAY_TO_DAY})\b"
    r"(?:,?\s+\d{4}\b)?",
    re.I,
)
MEASURE_UNITS = {
    "length": re.compile(
        rf"(?:km|kilomet{_ME}|miles?|mi|met{_ME}|m|feet|foot|ft|inch(?:es)?|cm|centimet{_ME}|mm|millimet{_ME}|nm|"
        rf"nanomet{_ME}|micromet{_ME}|µm|μm|microns?|yards?|yds?|light[- ]years?|astronomical\s+units?|AU|parsecs?|"
        rf"leagues?|nautical\s+miles?|versts?)\b",
        re.I,
    ),
    "time": re.compile(
        r"(?:seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|nights?|weeks?|fortnights?|months?|years?|yrs?|"
        r"decades?|centur(?:y|ies)|millenni(?:um|a)|generations?|semesters?|:\d\d(?!\d))\b",  # "3:08" left, "2:03:59"
        re.I,
    ),
    "mass": re.compile(
        r"(?:kg|kgs|kilo(?:gram(?:me)?)?s?|(?:metric\s+)?(?:giga|mega|kilo)?(?:tonnes?|tons?)|grams?|grammes?|g|mg|"
        r"milligrams?|pounds?|lbs?|ounces?|oz|carats?)\b",
        re.I,
    ),
    "area": re.compile(
        r"(?:(?:square|sq\.?)\s*(?:kilomet\w*|met(?:er|re)s?|miles?|feet|foot|yards?|km|m|mi|ft)|km2|km²|m2|m²|"
        r"hectares?|ha|acres?)(?!\w)",
        re.I,
    ),
    "volume": re.compile(
        r"(?:lit(?:er|re)s?|l|ml|millilit(?:er|re)s?|gallons?|gal|barrels?|bbls?|"
        r"(?:cubic|cu\.?)\s*(?:met(?:er|re)s?|kilomet\w*|feet|foot|yards?|km|m|ft)|m3|m³)(?!\w)",
        re.I,
    ),
    "temperature": re.compile(r"(?:°|º|degrees?\b|deg\b|kelvin\b|K\b)", re.I),
    "floors": re.compile(r"(?:stor(?:e)?ys?|stories|floors?)\b", re.I),
    "percent": re.compile(r"(?:%|percent\b|per\s+cent\b)", re.I),
    "range": re.compile(
        r"\b(?:from|between|since|until|till)\s+"
        r"(?:(?:the\s+)?(?:early|late|mid|end\s+of|beginning\s+of|\w+)[\s-]+){0,3}?(?:1\d|20)\d\d\b|"
        r"\b(?:1\d|20)\d\d\s*(?:[-–—]|to|until|through)\s*(?:(?:1\d|20)?\d\d)\b|"
        r"\b(?:1\d|20)\d0s\b|"
        r"\b(?:\d{1,2}(?:st|nd|rd|th)|first|second|third|(?:four|fif|six|seven|eigh|nin|ten|eleven|twelf)th|"
        r"(?:thir|four|fif|six|seven|eigh|nine)teenth|twentieth|twenty[\s-]first)[\s-]+centur(?:y|ies)\b|"
        # days of one month: "from 3 to 7 February", "July 19-21"
        + DAY_RANGE.pattern,
        re.I,
    ),
}
# Words that frame a question without naming what it asks about (Language.frame_words): "Roughly how
# many ...", "... in total", "... currently", "not counting ...", "... via Kazakhstan", "on behalf of ...".
FRAME_WORDS = frozenset("""
roughly approximately approximate around nearly almost exactly precisely specifically actually really
total overall altogether combined currently nowadays now today still yet ever already
counting excluding including particular particularly
via across within toward towards among amongst amid per upon onto along beside throughout behalf
""".split())
# Language.contact_words: what names an address asked for, and how one uses it
CONTACT_WORDS = frozenset("""
email e-mail mail address addresses website site web webpage page homepage url link phone telephone fax hotline
helpline number contact contacts write call reach enquiries inquiries
""".split())
# Units a count may be written in (Language.unit_names): full names, spellings and abbreviations.
UNIT_NAMES = (
    "kilogram kilograms kilogramme kilogrammes kilo kilos kg kgs",
    "tonne tonnes ton tons",
    "gram grams gramme grammes",
    "milligram milligrams mg",
    "pound pounds lb lbs",
    "kilometre kilometres kilometer kilometers km kms",
    "metre metres meter meters",
    "centimetre centimetres centimeter centimeters cm",
    "millimetre millimetres millimeter millimeters mm",
    "mile miles mi",
    "hectare hectares ha",
    "litre litres liter liters",
    "hour hours hr hrs",
    "minute minutes min mins",
)
MEASURE_QUANTIFIERS = re.compile(
    r"\b(?:an?|half(?:\s+an?)?|for|several|a\s+few|few|many|some|a\s+couple\s+of|(?:dozens|tens|hundreds|thousands|"
    r"millions)\s+of)\s+$", re.I)

# A question that asks for a date of one grain (Language.date_questions), first match wins: "what date" and
# "between what dates" ask for any date, since a year is given for them too ("prior to which date?" "1973").
DATE_QUESTIONS = (
    ("month", re.compile(r"\b(?:what|which)\s+times?\s+of\s+(?:the\s+)?year\b", re.I)),  # a season answers it
    # "what time" may ask for an era ("During what time did the rainforest span a narrow band?"); it asks for a
    # time of day when what happened opens, closes or sets off: "What time did the briefing start?"
    ("clock", re.compile(r"\b(?:what|which)\s+time\s+of\s+(?:the\s+)?day\b|\b(?:what|which)\s+hour\b|"
                         r"\bwhat\s+time\b(?=.*\b(?:start\w*|begin\w*|began|begun|open\w*|clos(?:e|es|ed|ing)|"
                         r"end(?:s|ed|ing)?|finish\w*|leav(?:e|es|ing)|left|depart\w*|arriv(?:e|es|ed|ing)|"
                         r"land(?:s|ed|ing)?|(?:take|takes|took|taking|kick|kicks|kicked|kicking)\s+off)\b)", re.I)),
    ("year", re.compile(r"\b(?:what|which)\s+years?\b", re.I)),
    ("month", re.compile(r"\b(?:what|which)\s+months?\b", re.I)),
    ("date", re.compile(r"\b(?:what|which)\s+dates?\b", re.I)),
    ("part", re.compile(r"\b(?:what|which)\s+quarters?\b", re.I)),  # "In which quarter of 2024 …?"
    ("day", re.compile(r"\b(?:what|which)\s+days?\b", re.I)),
    ("century", re.compile(r"\b(?:what|which)\s+(?:century|centuries|decade|decades)\b", re.I)),
)
_MONTH_WORD = rf"{_MONTH}\b\.?"
# What may state a date of each grain (Language.date_grains): any number of three or four digits may be a year
# ("in 825", "c1180"), a season a month, and "the next day" or a weekday a day.
_NUMERIC_DATE = r"\b\d{1,2}[./]\d{1,2}[./]\d{2,4}\b"  # "12/03/2021"
_DATE_GRAINS = {
    "year": rf"(?<![\d,.])\d{{3,4}}(?!\d)(?![,.]\d)|\bcentur(?:y|ies)\b|\bdecades?\b|{_NUMERIC_DATE}",
    "month": rf"\b{_MONTH_WORD}|\b(?:spring|summer|autumn|fall|winter)\b",
    "day": (
        rf"\b\d{{1,2}}(?:st|nd|rd|th)?(?:\s*[-–]\s*\d{{1,2}}(?:st|nd|rd|th)?)?\s+(?:of\s+)?{_MONTH_WORD}"
        rf"|\b{_MONTH_WORD}\s*\d{{1,2}}(?:st|nd|rd|th)?\b|\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b"
        rf"|\b(?:today|yesterday|tomorrow|day|eve)\b|{_NUMERIC_DATE}"
    ),
}
# a time of day: "10:30", "9 a.m.", "noon", "in the morning"
_DATE_GRAINS["clock"] = (
    r"\b\d{1,2}(?:[:.]\d\d)?\s*(?:a\.m\.|p\.m\.|am\b|pm\b)|\b\d{1,2}:\d\d\b|\b\d{1,2}h\d\d\b|\b\d{4}\s+hours\b|"
    r"\b(?:noon|midday|midnight|o['’]clock|morning|afternoon|evening|night|dawn|dusk|sunrise|sunset|daybreak|"
    r"nightfall|tonight|overnight|lunchtime)\b"
)
# a quarter or a half of a year: "the fourth quarter", "Q4", "H1"
_DATE_GRAINS["part"] = (r"\b(?:first|second|third|fourth|1st|2nd|3rd|4th|last)\s+(?:quarter|half)\b"
                        r"|\b(?:Q[1-4]|H[12])\b")
# a century or a decade: "the 12th century", "the 1990s", "the '60s", or a year in it
_DATE_GRAINS["century"] = _DATE_GRAINS["year"] + r"|\b\d{1,2}(?:st|nd|rd|th)\b|['’]\d0s\b"
_DATE_GRAINS["date"] = "|".join(_DATE_GRAINS[g] for g in ("year", "month", "day"))  # any of them
DATE_GRAINS = {grain: re.compile(pattern, re.I) for grain, pattern in _DATE_GRAINS.items()}

# Words that say a figure covers only part of the period it names (Language.partial_period): "in the first nine
# months of 2023", "the nine-month total", "in the first half of", "in the third quarter", "Q3", "so far this
# year", "year to date", "since the beginning of the year", "as of 30 September", "by the end of September",
# "January-September 2023". A quarter or a half is part of a year; "by the end of December" and "January to
# December" are the whole of one, and "so far" or "to date" alone ("the largest seizure to date") name no period.
_SOME_MONTHS = r"(?:two|three|four|five|six|seven|eight|nine|ten|eleven|[2-9]|1[01])"
_MONTH_NOT_DEC = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|"
    r"Oct(?:ober)?|Nov(?:ember)?)\b"
)
PARTIAL_PERIOD = re.compile(
    rf"\bfirst\s+{_SOME_MONTHS}\s+months\b"
    rf"|\b{_SOME_MONTHS}\s+months\s+(?:of\s+(?:the\s+year|this\s+year|(?:19|20)\d\d)|to|ending|ended)\b"
    rf"|\b{_SOME_MONTHS}-month\s+(?:period|total|figures?|results?)\b"
    r"|\b(?:first|second|third|fourth|last|1st|2nd|3rd|4th)\s+(?:half|quarter|semester)\b|\b(?:H[12]|Q[1-4])\b"
    r"|\b(?:so|thus)\s+far\s+(?:this\s+(?:year|month)|in\s+(?:the\s+year|(?:19|20)\d\d))\b"
    r"|\byear[-\s]to[-\s]date\b|\bYTD\b"
    r"|\bsince\s+the\s+(?:beginning|start)\s+of\s+(?:the\s+year|this\s+year|(?:19|20)\d\d)\b"
    rf"|\bas\s+(?:of|at)\s+(?:the\s+end\s+of\s+)?(?:\d{{1,2}}(?:st|nd|rd|th)?\s+)?{_MONTH}\b"
    rf"|\bby\s+the\s+end\s+of\s+(?:{_MONTH_NOT_DEC}|the\s+(?:first|second|third)\s+(?:quarter|half))"
    rf"|\bJan(?:uary)?\.?\s*(?:-|–|—|to|through)\s*{_MONTH_NOT_DEC}",
    re.I,
)

# A figure a sentence says is superseded by the one it gives (Language.superseded, Language.corrects;
# qa.answer.corrections): "1,320 kg, not 1,230 kg as previously reported", "52 instead of 47", "revised from 47 to
# 52", "1,320 kg (previously 1,230 kg)". The cues before the old figure, up to it (a hedge or an article may stand
# between); "not", "rather than", "from" and "previously" say it only in a sentence that says it corrects a report.
SUPERSEDED = re.compile(
    r"(?:\b(?:instead\s+of|in\s+place\s+of|(?:corrected|revised|amended|changed|adjusted)(?:\s+(?:up|down)(?:wards?)?)?"
    r"\s+from|(?:previously|earlier|initially|originally|first|wrongly|incorrectly|erroneously|mistakenly)\s+"
    r"(?:reported|stated|given|announced|published)\s+(?:as|at|to\s+be))"
    r"|(?P<weak>\b(?:not|rather\s+than|from|previously|earlier|formerly)))"
    r"\s*[-–—:,]?\s+(?:the\s+)?(?:(?:about|some|around|approximately|nearly|over)\s+)?$",
    re.I,
)
RESTATED = re.compile(
    r"\b(?:was|were|had\s+been)\s+(?:\w+ly\s+)?(?:reported|stated|given|announced|published)\b"
    r"|\b(?:reported|stated|announced|said)\s+that\b(?=.*\b(?:earlier|previous|initial|press\s+release)\b)"
    # "In its release of 6 February 2024 …, the Service stated that 4 850 litres … had been seized."
    r"|\b(?:in|by)\s+(?:its|the|an?|their)\s+(?:earlier\s+|previous\s+|initial\s+|first\s+)?(?:press\s+)?"
    r"(?:release|statement|report|announcement)\b.{0,120}?\b(?:reported|stated|announced|said)\s+that\b"
    # "Press release No. 41/2025 of 14 May 2025 gave the quantity of heroin seized … as 168 kg."
    r"|\b(?:release|statement|report|announcement)\b.{0,80}?\b(?:gave|put|listed|reported|stated)\s+the\s+"
    r"(?:quantity|amount|number|figure|total|weight|value)\b.{0,160}?\bas\s+\d",
    re.I,
)
CORRECTS = re.compile(
    r"\bas\s+(?:was\s+)?(?:previously|earlier|initially|originally|first|wrongly|erroneously|mistakenly)\s+"
    r"(?:reported|stated|announced|published|given)"
    r"|\b(?:correct(?:ed|ion|s)?|revis(?:ed|ion)|amend(?:ed|ment)|updated|in\s+error|erroneous(?:ly)?|mistaken(?:ly)?)\b",
    re.I,
)
ASKS_SUPERSEDED = re.compile(
    r"\b(?:in\s+error|incorrect(?:ly)?|wrong(?:ly)?|erroneous(?:ly)?|mistaken(?:ly)?|originally|initially|previously"
    r"|first\s+(?:reported|given|announced|published|stated))\b",
    re.I,
)

# A figure given before all reports were in, and the final one (Language.preliminary, Language.final,
# Language.asks_final; qa.answer.preliminary): "according to preliminary figures", "provisional data", "initial
# estimates", "interim results", "as of 30 June"; "final results", "in total", "confirmed", "official results". A
# question asks for the final figure with "final", "in the end", "ultimately", "confirmed", "eventually".
PRELIMINARY = re.compile(
    r"\b(?:preliminary|provisional(?:ly)?|interim|tentative|unconfirmed|early\s+(?:figures|estimates|reports|data))\b"
    r"|\binitial(?:ly)?\s+(?:figures|estimates?|data|results|count|reports?|tally)\b"
    rf"|\bas\s+(?:of|at)\s+(?:\d{{1,2}}(?:st|nd|rd|th)?\s+)?{_MONTH}\b",
    re.I,
)
FINAL = re.compile(
    r"\bfinal(?:i[sz]ed)?\s+(?:figures?|results?|report|data|count|tally|total|numbers?|statistics)\b"
    r"|\b(?:in\s+total|all\s+told|overall\s+total|confirmed|official\s+(?:figures|results|data))\b",
    re.I,
)
ASKS_FINAL = re.compile(r"\b(?:final(?:ly)?|in\s+the\s+end|ultimately|eventually|confirmed)\b", re.I)

# Who holds a role now (Language.holder_words, qa.answer.present_holder). A question asks for the present
# explicitly ("current", "now", "at present") or for the past ("was", "did", "before", "former"); a sentence's clause
# that names the role marks its holder as past ("until December 2023", "from 2021 to December 2023", "former",
# "previously", "stepped down") or states a start ("since January 2024", "took office", "was appointed").
_EN_MONTH_OR_YEAR = rf"(?:(?:\d{{1,2}}\s+)?{_MONTH}\.?\s+(?:\d{{1,2}},?\s+)?)?(?:19|20)\d\d\b"
HOLDER_WORDS = HolderWords(
    present=re.compile(r"\b(?:current(?:ly)?|now|today|at\s+present|presently|incumbent|these\s+days)\b", re.I),
    past=re.compile(r"\b(?:was|were|did|had|used\s+to|before|earlier|former(?:ly)?|previous(?:ly)?|prior|until|"
                    r"first|originally|initially)\b"
                    # a relative clause in the past names the holder by what they did ("the President that went
                    # to Harvard"), whenever that was
                    r"|\b(?:that|who|which)\s+(?:\w+\s+)?(?:\w+ed|went|won|led|took|made|became|wrote|ran|held|met|"
                    r"saw|gave|came|began|left|lost|built|fought|sent|brought|taught|found)\b", re.I),
    held_before=re.compile(
        rf"\b(?:until|till|up\s+to)\s+{_EN_MONTH_OR_YEAR}|\bfrom\s+{_EN_MONTH_OR_YEAR}\s*(?:to|until|till|-|–)\s*"
        rf"{_EN_MONTH_OR_YEAR}|\b(?:former(?:ly)?|previous(?:ly)?|outgoing|retired|ex-)\b|\bstepped\s+down\b"
        r"|\bleft\s+(?:the|his|her)\s+(?:post|office|position|role)\b", re.I),
    started=re.compile(
        rf"\bsince\s+{_EN_MONTH_OR_YEAR}|\btook\s+(?:office|over|up\s+(?:the\s+)?(?:post|position|role|duties))\b"
        r"|\b(?:appointed|named|elected|succeeded|replaced|assumed)\b", re.I),
    other=re.compile(r"^\W*(?:who|whom)\s+(?:do|does|did)\b|\b(?:reports?|answers?)\s+to\b|\bto\s+whom\b", re.I),
    who_is=frozenset({"who"}),
    # "Whom did Karimberdiev replace?" asks for the one before him, as "before" does
    asks_before=re.compile(r"\b(?:before|prior\s+to|predecessor|preceded)\b"
                           r"|\bwho(?:m)?\s+(?:did|does|will)\s+(?:[\w.'’-]+\s+){1,5}?(?:replace|succeed)\b", re.I),
    predecessor=re.compile(r"\b(?:predecessors?|replac(?:es|ed|ing)|succeed(?:s|ed|ing)|took\s+over\s+from|"
                           r"takes\s+over\s+from|in\s+place\s+of)\b", re.I),
    asks_succeeded=re.compile(r"\b(?:replace[ds]?|succeed(?:ed|s)?)\b", re.I),
)

REPLY = ReplyWords(
    not_found="Not found in the documents.",
    sources="Sources",
    related="Possibly related",
    confidence="Confidence",
    low=", low: the passage may not answer this",
    searched_for="Searched for: {question}",
    within="{question} (in: {item})",
    read_with="{question} (read with the question before: {previous})",
    more={"one": "{n} more passage, far less likely to hold the answer, in the sources panel.",
          "other": "{n} more passages, far less likely to hold the answer, in the sources panel."},
    note="Note: {note}",
    show_source="Show source {n}",
    otherwise="Another document says otherwise: {value}",
    newer=" ({theirs}, newer than the answer's {ours})",
    older=" ({theirs}, older than the answer's {ours})",
    same_day=" (of the same date, {theirs})",
    dated=" ({theirs}; the answer's: {ours})",
    undated="undated",
    reasons={
        "unmentioned": "None of the documents mentions {words}.",
        "or": " or ",
        "and": " and ",
        "uncounted": "The passages speak of what the question counts but none gives its number.",
        "unlisted": "None of the best passages gives {contact}.",
        "contact.email": "an e-mail address",
        "contact.web": "a web address",
        "contact.phone": "a phone number",
        "unpriced": "None of the best passages states an amount of money.",
        "unmeasured": "The best passage states no {kinds}.",
        "measure.length": "length",
        "measure.time": "duration",
        "measure.temperature": "temperature",
        "measure.age": "age",
        "measure.mass": "weight",
        "measure.area": "area",
        "measure.volume": "volume",
        "measure.any": "such measure",
        "undated": "The best passage states no {grain}.",
        "grain.date": "date",
        "grain.year": "year",
        "grain.month": "month",
        "grain.day": "day",
        "grain.decade": "decade",
        "grain.century": "century",
        "grain.clock": "time of day",
        "grain.part": "quarter",
        "undefined": "No passage spells out what {acronym} stands for.",
        "misplaced": "The best passage holds this event in {held}, not in {asked}.",
        "misplaced.other": "The best passage holds this event in another place than {asked}.",
        "misplaced.any": "The best passage holds this event in another place.",
        "scene.person": "The best passage sets the scene of this event but names no one for what was asked.",
        "scene.number": "The best passage sets the scene of this event but gives no such number.",
        "scene.date": "The best passage sets the scene of this event but dates the event, not what was asked.",
        "scene.any": "The best passage sets the scene of this event but does not state what was asked.",
        "swapped": "The best passage speaks of {told}, not of {asked}.",
        "swapped.origin": "The best passage speaks of people from another country: {told}, not {asked}.",
        "substance.other": "The best passage speaks of another substance than the question asks about.",
        "country.other": "The best passage speaks of another country than the question asks about.",
        "whole": "The best passage gives only the total; the documents give no separate figure for {asked}.",
        "whole.any": ("The best passage gives only the total; the documents give no separate figure for the country "
                      "asked about."),
        "whole.substance": "The best passage gives only the total and breaks it down without {asked}.",
        "miscast": "The best passage names {person} as {held}, not as {asked}.",
        "miscast.other": "The best passage names someone in another post than the one asked about.",
        "miscast.after": ("The best passage names {person} as {held}, the holder after the one asked about; the "
                          "documents found do not say who held it before {person}."),
        "miscast.replaced": ("The best passage names {person} only as the holder someone else replaced; the documents "
                             "found do not say who held the post before {person}."),
        "miscast.before": ("The best passage names {person} as {held}, the holder before the one asked about; the "
                           "documents found do not say who held it after {person}."),
        "miscast.became": ("The best passage names {person} as {held}, the post the question asks what came before; "
                           "it does not say what {person} held before."),
        "miscast.post": "The best passage names {person} as {held}, not in a post of {asked}.",
        "other_years": "The best passage is about {named}, not {asked}.",
        "other_part": "The best passage is about {named}, not {asked}.",
        "figure": "The best passage gives other figures than {figures}.",
        "figure.other": "The best passage gives other figures than the question states.",
        "detail.other": "The best passage speaks of another direction or month than the question asks about.",
        "event": "The best passage is about “{told}”, not “{asked}”.",
        "event.counted": "The best passage's number counts “{told}”, not “{asked}”.",
        "event.group": "The best passage's number is no count of “{asked}”: it never speaks of them.",
        "event.other": "The best passage is about another one of its kind than the question asks about.",
        "preliminary": "The documents give only a preliminary figure (“{sentence}”{date}), no final one.",
    },
    ui={
        # what a reply says it searched (qa.filters): "Searched items dated Aug 2022 from 003_*"
        "range.since": "since {date}",
        "range.until": "up to {date}",
        "dated": "dated {range}",
        "dated_or_mentioning": "dated or mentioning {range}",
        "dated_or_mentioning_years": "dated {range} or mentioning {years}",
        "items": "items {which}",
        "items.word": "items",
        "from_sources": "from {sources}",
        "all_items": "all items",
        "scope.searched": "Searched {what}",
        "scope.all": "Searched all {what}",
        "scope.fell_back": "Searched all {what}: none {which} answers this",
        "scope.undated": "Searched all items: none is dated {range}{resolved}",
        "resolved.event": " ({event} was on {date})",
        "resolved.relative": " (\"{words}\" counted from the newest item, {date})",
        "unknown_source": "no indexed document matches the source {source}",
        "nothing_in": "No {where} in the index",
        "nothing_in.span": " (its dated items run from {lo} to {hi})",
        "nothing_in.undated": " (it has no dated items)",
        # one line: a wrapped label cut the month labels off (the reply's scope line says what was searched)
        "timeline": "Matching items per month",
        "timeline.x": "month",
        "timeline.y": "items",
        # what the page says instead of a reply
        "error.blank": "Type a question first: who, what, when, where or how many, about your documents.",
        "error.generic": "Something went wrong while answering; the details are in the server log.",
        "error.no_index": "no index in {folder}: run `qa index` first (or click Re-index in the Corpus tab)",
        "hint.orphan": ("This question seems to refer to an earlier one, but this conversation has none yet: "
                        "ask it in full, naming what it is about (the event, place or organisation)."),
        # the sources panel and its citation view
        "no_sources": "No sources for this reply.",
        "pick_citation": "Click a citation [n] in a reply to read it in its document.",
        "source_gone": "That source is no longer available.",
        "source_changed": ("{doc} has changed or been removed since this answer (re-indexed); ask again to see its "
                           "current text."),
        "around": "Showing the passage with the text around it.",
        "no_picture": "The page picture is not available: the file has changed or gone since it was indexed.",
        "source_n": "Source [{n}]",
        "source_page": " · page {page}",
        "source_chars": " · characters {start}–{end}",
        "legend.passage": "cited passage",
        "legend.related": "possibly related passage",
        "legend.before": "sentence the answer refers to",
        "legend.answer_sentence": "answer sentence",
        "legend.answer": "answer",
        "download_below": "The original file can be downloaded below.",
        "page_short": "p. {page}",
        "page_of": "{doc}, p. {page} of {pages}",
        # `qa ask`'s plain-text reply (qa.app.cli.render_text)
        "cli.answer": "Answer: {answer}",
        # the web reply's line over a low-confidence answer (qa.app.render)
        "unsure": "Possible answer (low confidence)",
        "cli.unsure": "Possible answer (low confidence): {answer}",
        "cli.in": "  in: {text}",
        "cli.header": "  under the table's header: {header}",
        "cli.cited": "  [{n}] {cite}  chars {start}-{end}, confidence {confidence}",
        "cli.other_cited": "  [{n}] {cite}  chars {start}-{end}",
        "cli.related": "Possibly related passages:",
        "cli.passages": "Passages:",
        "cli.score": "score",
        # the page's controls a reply relabels (qa.app.web)
        "control.placeholder": "Ask a question about the documents…",
        "control.ask": "Ask",
        "control.new": "New conversation",
        "control.export_md": "Download as Markdown",
        "control.export_csv": "Download as CSV",
        "control.k": "Passages to retrieve",
        "control.show_passages": "Show passages in replies",
        "control.since": "From",
        "control.until": "To",
        "control.date_hint": "YYYY, YYYY-MM or YYYY-MM-DD",
        "control.sources": "Sources (documents, folders or globs)",
        "control.active": "Active filters (remove to clear)",
        "control.tab_sources": "Sources",
        "control.tab_corpus": "Corpus",
        "control.intro": ("### Ask your documents\nAnswers are copied word for word from the indexed documents, with "
                          "numbered citations: click a **[n]** to read the passage in its document."),
        "control.citations": "Citations of the reply",
        "control.download": "Download the original file",
        "control.warning": "Warning",  # the title of a warning toast (an empty question)
        # the Corpus tab's controls; the upload box names the file types it takes and their size limit
        "control.refresh": "Refresh",
        "control.upload": "Add documents ({types}; up to {mb} MB each)",
        "control.upload_status": "Upload",
        "control.reindex": "Re-index",
        "control.report": "Re-index report",
        # the Corpus tab's panel (qa.app.render.render_corpus): counts, the documents' table, files to re-index
        "corpus.counts": "{documents} documents · {items} items · {chunks} chunks",
        "corpus.built": "Last indexed: {when}",
        "corpus.never": "never",
        "corpus.document": "Document",
        "corpus.items": "Items",
        "corpus.chunks": "Chunks",
        "corpus.pages": "Pages",
        "corpus.size": "Size",
        "corpus.of": "{matching} of {items}",
        "corpus.chars": "{n} chars",
        "corpus.chars_k": "{n}k chars",
        "corpus.chars_m": "{n}M chars",
        "corpus.skipped": "Skipped files:",
        "corpus.pending": "Not indexed yet (click Re-index):",
        "corpus.changed": "Changed since indexed (click Re-index):",
        "corpus.missing": "Indexed but no longer in the corpus folder:",
        "corpus.matched": "{documents} documents with {n} {what}",  # what a filter allows: "2 items dated Aug 2021"
        "corpus.not_applied": "Filter not applied: {error}",
        # the active filters' chips (qa.app.filter_controls)
        "chip.since": "from {value}",
        "chip.until": "to {value}",
        "chip.source": "source {value}",
    },
    undated_left_out={"one": "{n} item without a date was left out",
                      "other": "{n} items without a date were left out"},
    item_count={"one": "{n} item", "other": "{n} items"},
)

# A question about an office's holder (Language.office_words, qa.answer.roles, whose own patterns read English's
# offices): "What post does X hold in Y?", "What did X do before becoming Y?", "Who was the manager before X?"
OFFICE_WORDS = OfficeWords(
    asks_post=re.compile(r"^\s*(?:what|which)\s+(?:post|position|role|office|job|title)\s+(?:does|did|do|has)\s+"
                         r"(?P<name>.+?)\s+(?:hold|have|occupy|held|had)(?:\s+(?:in|at|with)\s+(?P<of>.+?))?\s*\??\s*$"
                         r"|^\s*what\s+(?:does|did)\s+(?P<name2>.+?)\s+do"
                         r"(?:\s+(?:in|at|with)\s+(?P<of2>.+?))?\s*\??\s*$",
                         re.I),
    before=re.compile(r"\s+(?:before|prior\s+to)\s+(?P<after>(?!\d)(?!" + _EN_MONTH_OR_YEAR + r").+?)\s*\??\s*$", re.I),
    becoming=re.compile(r"^(?:(?:he|she|they)\s+became|becoming|being\s+(?:appointed|named|elected)(?:\s+as)?|"
                        r"(?:his|her|their)\s+(?:appointment|election)\s+as)\s+(?:the\s+)?(?P<role>.+)$", re.I),
    # "Who heads / headed / chairs / runs X?": the head of X (what follows X that only dates or sources the question,
    # "before June 2024", "according to the report", "when …", is not X)
    asks_head=re.compile(r"^\s*who\s+(?:currently\s+|now\s+)?(?:heads|headed|leads|led|chairs|chaired|directs|directed|"
                         r"runs|ran|manages|managed|oversees|oversaw)\s+(?P<of>.+?)"
                         r"(?:\s+(?:(?:before|after|until|since|in|by|from|as\s+of|during)\s+" + _EN_MONTH_OR_YEAR +
                         r"|according\s+to\b.*|when\b.*|now|currently|today))?\s*\??\s*$", re.I),
    # a verb saying its subject heads what it governs, "led by" its passive ("heads of …", "chairs of …" are nouns)
    leads=re.compile(r"\b(?:leads|led|heads|headed|chairs|chaired|directs|directed|runs|ran|manages|managed|oversees|"
                     r"oversaw|overseen)\b(?!\s+(?:of|to|and)\b)(?P<by>\s+by\b)?", re.I),
    # whose chair is asked otherwise: a meeting is chaired by a person of any office, or by a body
    gathering=re.compile(r"\b(?:meetings?|workshops?|seminars?|sessions?|conferences?|forums?|summits?|round\s*tables?|"
                         r"courses?|trainings?|delegations?|visits?|panels?|discussions?|events?|webinars?|briefings?|"
                         r"consultations?|talks)\b", re.I),
)

# What a who-question's act and a how-many question's count ask for (Language.asked_words, qa.answer.asked_marks):
# "Who funded / financed / sponsored …?" asks for the one who paid, whom "funded by", "with funding from", "donor"
# name; "Who accepted / received …?" the one who took it over ("It was received by …"); a count "three more", "an
# additional 12" adds to an earlier one; "in total", "bringing the total to", "reached" state a total; "How many …
# are there / operate / exist …?" asks how many there are, which a total answers.
ASKED_WORDS = AskedWords(
    acts=((re.compile(r"\b(?:fund(?:s|ed|ing|er|ers)?|financ(?:e|es|ed|ing|ier|iers)|financial(?:ly)?\s+support\w*|"
                      r"sponsor\w*|donor\w*|donat(?:e|ed|es|ion|ions)|paid\s+for|pays?\s+for|bankroll\w*|"
                      r"contribut(?:ed|ion|ions)\s+(?:of|from|by))\b", re.I), "fund"),
          # who teaches a course, not who attends it ("taught by", "trainers", "will run the training sessions")
          (re.compile(r"\b(?:teach(?:es|ing|er|ers)?|taught|trainers?|trained\s+by|instructors?|lecturers?|tutors?|"
                      r"(?:run|runs|ran|running|conduct\w*|deliver\w*|give|gives|gave|given|lead|leads|led)\s+"
                      r"(?:the\s+|all\s+|its\s+)?(?:\w+\s+)?(?:training\s+)?(?:sessions|classes|lectures|lessons|"
                      r"modules|exercises|training))\b", re.I), "teach"),
          # whom to contact ("Contact: …", "contact person", "For more information, contact …")
          (re.compile(r"\b(?:contact(?:s|ed)?|focal\s+point)\b", re.I), "contact"),
          # who organises an event ("organised by", "hosted by", "the organiser"), not who takes part in it
          (re.compile(r"\b(?:organi[sz](?:e|es|ed|ing|er|ers)|host(?:s|ed|ing)?|convene[sd]?|convening)\b", re.I),
           "organise"),
          # who coordinated an operation: "coordinated by …", "the operation's coordinator, …"
          (re.compile(r"\bco-?ordinat(?:e|es|ed|ing|or|ors)\b", re.I), "coordinate"),
          # who opened an event ("The seminar was opened by …"), not who took part in it; "open to" is no act
          (re.compile(r"\bopen(?:s|ed|ing)?\b(?!\s+to\b)(?!-)", re.I), "open"),
          # who signed a document, and who was relieved of a post, not who was appointed in the same order; an
          # agreement's closing formula ("Done at Samarkand on 27 November 2023 …") and its signature lines ("For the
          # State Customs Committee: B. Saidakhmedov, Chairman") state its signing
          (re.compile(r"\b(?:sign(?:s|ed|ing)|signator(?:y|ies))\b|^\s*done\s+(?:at|in)\b|^\s*for\s+the\s+[^:\n]{3,160}:\s*\S",
                      re.I), "sign"),
          (re.compile(r"\b(?:reliev(?:e|es|ed|ing)|dismiss(?:es|ed|ing|al)?|remov(?:e|es|ed|ing)\s+from)\b", re.I),
           "relieve"),
          # "Who accepted the scanner?" asks for the one who took it over, whom "It was received by …" names
          (re.compile(r"\b(?:accept(?:s|ed|ing)?|receiv(?:e|es|ed|ing)|recipients?|took\s+(?:delivery|receipt)\s+of)\b",
                      re.I), "receive")),
    increment=re.compile(r"\b(?:more|additional|further|another|extra|new(?:ly)?)\b", re.I),
    total=re.compile(r"\b(?:in\s+total|total(?:led|ling|ed|ing|s)?|altogether|all\s+told|overall|in\s+all|"
                     r"reach(?:ed|es)|bring(?:s|ing)?\s+(?:the|its|their)\s+(?:total|number|count))\b", re.I),
    stock=re.compile(r"\b(?:are|is)\s+there\b|\bexist\w*|\boperat\w*|\bin\s+operation\b|\bactive\b|\bcurrently\b|"
                     r"\bnow\b|\bin\s+total\b|\btotal\b|\baltogether\b|\b(?:have|has)\s*\?", re.I),
    phases=((re.compile(r"\b(?:begin(?:s|ning)?|began|begun|start(?:s|ed|ing)?|commenc\w*|launch\w*|"
                        r"kick(?:s|ed)?\s+off|open(?:s|ed|ing)?|gets?\s+under\s*way|got\s+under\s*way)\b", re.I),
             "start"),
            (re.compile(r"\b(?:end(?:s|ed|ing)?|finish\w*|clos(?:e|es|ed|ing|ure)|conclud\w*|wrap(?:s|ped)?\s+up|"
                        r"expir\w*|(?:last|lasts|lasted|run|runs|ran|continue[sd]?)\s+(?:until|till|through|to))\b",
                        re.I), "end")),
)

LANGUAGE = Language(
    code="en",
    stemmer="english",
    pysbd="en",
    stop_words=_stop_words,
    question_types=QUESTION_TYPES,
    span_patterns=SPAN_PATTERNS,
    span_ignore=frozenset({"mr", "mrs", "ms", "dr", "h", "e", "prof", "the", "of", "in", "at", "to", "from", "near"}),
    head_words=frozenset({"what", "which", "whose"}),
    count_words=frozenset({"many", "much"}),
    head_skip=frozenset({"is", "are", "was", "were", "be", "been", "the", "a", "an", "kind", "type", "sort", "many",
                         "much"}),
    verb_questions=frozenset({"do", "does", "did", "has", "have", "had", "will", "would", "can", "could", "should",
                              "may", "might"}),
    followup=FOLLOWUP,
    furniture=FURNITURE,
    news_titles=NewsTitles(
        "{site} news", "News, {months}", tuple("Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split())
    ),
    reply=REPLY,
    countries=functools.partial(country_names, "en"),
    antonym_pairs=ANTONYM_PAIRS,
    negative_prefixes=NEGATIVE_PREFIXES,
    unit_names=UNIT_NAMES,
    frame_words=FRAME_WORDS,
    contact_words=CONTACT_WORDS,
    anaphor_openers=ANAPHOR_OPENERS,
    name_initial=NAME_INITIAL,
    money_question=MONEY_QUESTION,
    plan_question=PLAN_QUESTION,
    extremes=EXTREMES,
    currency=CURRENCY,
    measure_questions=MEASURE_QUESTIONS,
    measure_units=MEASURE_UNITS,
    measure_quantifiers=MEASURE_QUANTIFIERS,
    day_range=DAY_RANGE,
    date_questions=DATE_QUESTIONS,
    date_grains=DATE_GRAINS,
    partial_period=PARTIAL_PERIOD,
    superseded=SUPERSEDED,
    corrects=CORRECTS,
    restated=RESTATED,
    asks_superseded=ASKS_SUPERSEDED,
    preliminary=PRELIMINARY,
    final=FINAL,
    asks_final=ASKS_FINAL,
    holder_words=HOLDER_WORDS,
    office_words=OFFICE_WORDS,
    asked_words=ASKED_WORDS,
    spellings=american_spellings,
    stems=lambda: {MAY_MONTH: "may"},
    content_senses=_content_senses,
)
