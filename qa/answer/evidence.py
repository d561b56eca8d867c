"""Confidence that means what it says: the probability that the answer shown is right.

`evidence()` gathers what speaks for and against the best candidate: its score, margin and share,
its answer type (a count of the asked noun, a person, a date), the event words it matches or
contradicts ("fifth", "2021"), the question terms the documents lack. A logistic model over it,
fitted by benchmarks/fit_answer.py on real unanswerable questions (the SQuAD 2.0 dev half asked
open-corpus, dev2's 32 and dev's 6 over the bundled corpus) and answerable ones (the same sets,
SQuAD v1.1, XQuAD-en) with the target "the answer shown holds a gold answer", then an isotonic
table fitted on cross-validated predictions (`calibrate`) make "0.8" mean right about 80 % of the
time. Abstention ("not found") is a threshold on the same or on a separate fitted model
(qa.answer.weights).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import numpy as np

from qa.answer import trees
from qa.answer.acronyms import acronym_alike, asked_acronym, defines
from qa.answer.events import misplaced, numbered_alike
from qa.answer.features import ACROSS_SCORE, item_leads, name_key, name_like, name_words, names_held
from qa.answer.needs import asked_grain, needs
from qa.answer.persons import named_person, names_someone
from qa.answer.roles import miscast
from qa.answer.shown import refers_back
from qa.answer.country_swaps import candidate_country_swap
from qa.answer.detail_swaps import detail_swap
from qa.answer.figure_swaps import unstated_figures
from qa.answer.identity import candidate_identity_swap
from qa.answer.substances import candidate_swap
from qa.answer.swaps import antonym_swap, name_swap, unquoted
from qa.answer.types import (
    measure_match, money_match, same_counted, states_date, type_features, typed_match, unit_match,
)
from qa.ingest.dates import russian_month
from qa.ingest.readers import kind_of
from qa.ingest.titles import date_words
from qa.lang import analyze, contact_stems, detect, frame_stems, get, stopwords
from qa.lang.contacts import CONTACT_KINDS
from qa.lang.demonyms import found
from qa.lang.latin import names_in_other_script

if TYPE_CHECKING:
    from qa.answer.weights import Fitted

CONF_FEATURES = (
    "score", "margin", "share", "dense", "lex", "focus", "ctx", "window", "top_bm25", "p_dense",
    "type", "head", "names", "unit", "event", "clash", "date_lead", "pool_cov", "typed_share",
    "missing_max", "missing_pool_max", "neg", "typed", "typed_any", "typed_mass", "names_missing",
    "match", "match_rel", "match_top", "ans", "ans_rel", "ans_top", "xenc", "xenc_rel", "xenc_top",
    "antonym", "name_swap", "cross",
)
# The sign each feature's weight may take in the fitted models (+1: evidence for an answer, -1:
# against). Free signs let correlated features cancel each other on the fitting sets and then
# misfire on a corpus unlike them (benchmarks/fit_models.signed_logistic).
SIGNS = {
    "score": 1, "margin": 1, "share": 1, "dense": 1, "lex": 1, "focus": 1, "ctx": 1, "window": 1, "top_bm25": 1,
    "p_dense": 1, "type": 1, "head": 1, "names": 1, "unit": 1, "event": 1, "clash": -1, "date_lead": 1,
    "pool_cov": 1, "typed_share": 1, "missing_max": -1, "missing_pool_max": -1, "neg": -1,
    "typed": 1, "typed_any": 1, "typed_mass": 1, "names_missing": -1,
    "match": 1, "match_rel": 1, "match_top": 1, "ans": 1, "ans_rel": 1, "ans_top": 1,
    "xenc": 1, "xenc_rel": 1, "xenc_top": 1, "antonym": -1,
    "name_swap": -1, "cross": 1,
}
_NAME_OR_NUMBER = re.compile(r"\b[A-Z][\w'-]*|\b\d[\d,.]*")
# how many of the best candidates are looked at for a span of the asked kind
TYPED_TOP = 5
# a negation, or a name or noun negated by its prefix ("the *non-Arab* Spring", "*non-Islamist* groups")
_NEGATION = re.compile(r"\b(?:not|never|no|none|nor|without|n't)\b|n't\b|\bnon-(?=\w)", re.I)
# what a count leaves out is no negated premise ("How many attended, *not counting* those online?")
_LEAVES_OUT = re.compile(r"\b(?:not|without)\s+(?:counting|including)\b", re.I)


def pool_stems(passages: list) -> set[str]:
    """Every term of the passages (with their item titles): what the documents retrieved say."""
    words = {w for x in passages for w in re.findall(r"\w+", x.chunk.text.lower())}
    words |= {w for x in passages if x.item is not None for w in re.findall(r"\w+", x.item.title.lower())}
    return set(analyze(" ".join(words)))


# Readers whose items carry the document's date, stated once at its top (qa.ingest.pages, qa.ingest.word)
DATED_BY_DOCUMENT = frozenset({"pdf", "docx"})


def _document_date_words(item, dated_scope: bool = False) -> str:
    """A PDF page's or a Word section's date in the words an English or Russian question names it by ("14 March
    2024 марта"); any item's when `dated_scope` (the question's own date chose the items searched); else ""."""
    if item is None or item.date is None or kind_of(item.doc) not in DATED_BY_DOCUMENT and not dated_scope:
        return ""
    return f"{date_words(item.date)} {russian_month(item.date)}"


def fitted_score(candidate) -> float:
    """A candidate's score as the confidence and abstention models were fitted on it: without the part its features
    across languages give (qa.answer.features.ACROSS_SCORE), which re-orders candidates and was fitted after them
    (benchmarks/fit_e5.py across). An answer promoted across languages so reads no surer than its own evidence."""
    return candidate.score - candidate.features.get(ACROSS_SCORE, 0.0)


def evidence(
    question: str, terms: list[str], ranked: list, passages: list, idf: dict[str, float],
    pool: set[str] | None = None, lead: str = "", held_at: str = "", dated_scope: bool = False,
) -> dict[str, float]:
    """Evidence for and against the best of `ranked` (qa.answer.Candidate, best first) being an
    answer at all. `passages` are the ones whose sentences compete, `idf` the question terms'
    inverse document frequencies, `pool` their pool_stems() when already computed, `lead` the first
    sentence of the best candidate's item (lead_text()), `held_at` where its document's own field lines say its
    gathering was held (qa.answer.heads), `dated_scope` whether the items searched were chosen by a date the question
    names (qa.filters.scope: "before March 2025", "in August 2021")."""
    best = ranked[0]
    top = fitted_score(best)
    second = fitted_score(ranked[1]) if len(ranked) > 1 else top - 10.0  # a lone candidate: a clear margin
    f = best.features
    scores = np.array([fitted_score(c) for c in ranked])
    p = np.exp(scores - top)
    p /= p.sum()
    # the share of the question's terms found anywhere in the retrieved passages: a question
    # whose words the documents never use ("chairmanship") is likely unanswerable
    pool = pool_stems(passages) if pool is None else pool
    qset = set(terms)
    # what the question asks about: a word that only frames it ("roughly", "in total", "via") is missing
    # from no answer
    asked = qset - frame_stems()
    if needs(question).qtype in CONTACT_KINDS:  # "What e-mail address ...": the address itself is the answer
        asked -= contact_stems()
    # the rarest question term the best passage (or every passage) lacks: a swapped entity or
    # detail ("the fifth", "Italy" for "France") is how a question nobody can answer looks
    top_idf = max((idf.get(t, 0.0) for t in asked), default=0.0) or 1.0
    # what the best passage says, with its item's title and lead: a sentence deep in a news item
    # leaves out the place and date its lead gave ("the workshop in Astana")
    # (and a table row's header, which its reading holds: the header may sit in the passage before)
    # and, for a PDF page or a Word section, its item's date: those readers date every page or section by the
    # line at the document's top ("Date: 14 March 2024"), which the passage does not repeat, so "in March 2024"
    # is said by that date, not by the passage's words (a news item's date is its own lead's or dateline's). When the
    # question's own date chose the items searched, any item's date says it: a news item's dateline is no sentence
    # ("Who was the secretary before March 2025?" of the item of 14 March 2025 naming her predecessor). Not otherwise:
    # given every news item's date, the bundled questions about another year were answered (thirty-third session)
    item = best.passage.item
    own_text = " ".join((best.passage.chunk.text, item.title if item else "", lead, best.reading or "",
                         _document_date_words(item, dated_scope)))
    own = set(analyze(own_text))
    # a place the text names by its adjective is not missing ("Africa": "African countries"); only
    # the question's names are looked up so, other words as they stem
    named = {name_key(w) for w in name_like(question, _NAME_OR_NUMBER)}
    places = set(analyze(" ".join(named))) & asked
    # a numbered name the text numbers otherwise is there ("WG3": "the third WG", "WG-3"), and so is a name
    # the text writes as its acronym or spells out ("State Revenue Committee": "SRC")
    pool_text = " ".join(p.chunk.text for p in passages)
    alike_own = numbered_alike(question, own_text) | acronym_alike(question, own_text)
    alike_pool = numbered_alike(question, pool_text) | acronym_alike(question, pool_text)
    # a name the text writes in the other script is there too ("Bishkek": "в Бишкеке", "Садыров": "Erlan Sadyrov")
    own_words = name_words(own_text) | name_words(" ".join(alike_own))
    across_own = names_in_other_script({n for n in named if not found(n, own_words)}, own_text)
    across_pool = names_in_other_script(named, pool_text)
    lacks_own = {t for t in asked - own - set(analyze(" ".join(alike_own | across_own)))
                 if t not in places or not found(t, own)}
    lacks_pool = {t for t in asked - pool - set(analyze(" ".join(alike_pool | across_pool)))
                  if t not in places or not found(t, pool)}
    missing = max((idf.get(t, 0.0) for t in lacks_own), default=0.0) / top_idf
    missing_pool = max((idf.get(t, 0.0) for t in lacks_pool), default=0.0) / top_idf
    tf = f if "unit" in f else {**f, **type_features(question, best.text, "", None, False)}
    # the sentence model's probability mass on candidates of the asked type
    typed = np.array([c.features["type"] >= 1.0 for c in ranked])
    # the same with the asked kind read from the asked noun too (qa.answer.types.typed_match):
    # when no sentence near the top holds what was asked, the documents likely do not say it
    kinds = [c.features.get("typed", 0.5) for c in ranked]
    wanted = kinds[0] != 0.5
    # the question's names and numbers ("INTERPOL", "2-3 August") the best passage and its
    # item's title and lead lack: a question about something the documents never mention
    return {
        "score": top,
        "margin": top - second,
        "share": float(p[0]),
        "dense": f["dense"],
        "lex": f["lex"],
        "focus": f["focus"],
        "ctx": f["ctx"],
        "window": f["window"],
        "top_bm25": float(np.log1p(max(c.passage.bm25 for c in ranked))),
        "p_dense": best.passage.dense,
        "type": f["type"],
        "head": f["head"],
        "names": f["names"],
        "unit": tf["unit"],
        "event": tf["event"],
        "clash": tf["clash"],
        "date_lead": tf["date_lead"],
        "pool_cov": 1.0 - len(lacks_pool) / len(asked) if asked else 1.0,
        "typed_share": float(p[typed].sum()) if f["type"] != 0.5 else 0.5,
        "missing_max": missing,
        "missing_pool_max": missing_pool,
        "neg": float(bool(_NEGATION.search(_LEAVES_OUT.sub("", unquoted(question))))
                     and not _NEGATION.search(best.text)),
        "typed": kinds[0],
        "typed_any": max(kinds[:TYPED_TOP]) if wanted else 0.5,
        "typed_mass": float(p[np.array(kinds) >= 1.0].sum()) if wanted else 0.5,
        "names_missing": 1.0 - (names_held(named, own_words) + len(across_own)) / len(named) if named else 0.0,
        "antonym": antonym_swap(qset, set(analyze(best.text))),
        "name_swap": name_swap(question, best.text, best.sentence.lang or "en"),
        # the answer is in another language than the question: its words cannot be the question's, so
        # the word-counting evidence above reads low for a right answer too
        "cross": float(best.sentence.lang is not None and best.sentence.lang != detect(question)),
        # not model features (not in CONF_FEATURES): read by abstain_gate's answer-type rules
        "uncounted": uncounted(question, kinds[:TYPED_TOP], own),
        "unpriced": unpriced(question, [c.text for c in ranked[:MONEY_TOP]],
                             [c.sentence.lang for c in ranked[:MONEY_TOP]]),
        "unmeasured": unmeasured(question, [c.text for c in ranked[:MEASURE_TOP]],
                                 [c.sentence.lang for c in ranked[:MEASURE_TOP]]),
        "undefined": undefined(question, [c.text for c in ranked]),
        "unlisted": unlisted(question, [c.text for c in ranked], [c.sentence.lang for c in ranked]),
        "undated": undated(question, best.text, best.sentence.lang, best.before),
        "substituted": float(SUBSTANCE_RULE and candidate_swap(question, best) is not None),
        "miscast": float(ROLE_RULE and miscast(question, best.text, best.sentence.lang) is not None),
        "other_country": float(COUNTRY_RULE and candidate_country_swap(question, best, lead) is not None),
        "other_event": float(IDENTITY_RULE and candidate_identity_swap(question, best) is not None),
        "other_detail": float(DETAIL_RULE and detail_swap(question, best.text, f"{item.title if item else ''} {lead}")
                              is not None),
        "other_figure": float(FIGURE_RULE and bool(unstated_figures(question, best.text,
                                                                    _item_text(own_text, best, passages)))),
        "misplaced": float(misplaced(question, best.text, lead,
                                     best.passage.item.title if best.passage.item else "", best.passage.chunk.text,
                                     held_at)),
        "scene": scene_only(
            question, best.text, f.get("news_lead", 0.0) >= 1.0, best.sentence.lang,
            best.passage.item.title if best.passage.item else "",
        ),
        **_match(ranked),
        **_answerable(ranked),
        **_xenc(ranked),
    }


def uncounted(question: str, kinds: list[float], own: set[str]) -> float:
    """1.0 when a how-many question's counted noun ("How many *ferries* ...") is named by the best
    passage (`own`: its stems with the item title's) while none of the best candidates (`kinds`:
    their typed_match) counts it: the documents speak of the thing and never give its number,
    the issue's pattern 1 ("a sentence about the same event with no count of that thing").
    SQuAD 2.0's unanswerable questions were written to have an answer of the asked type nearby, so
    the fitted gate learns little from answer types (typed_any: AUC 0.49 there); this rule states
    the consistency directly (docs/quality.md, "The gate, fifth session")."""
    units = needs(question).units
    if not units or not kinds or max(kinds) >= 1.0:
        return 0.0
    return 1.0 if same_counted(units, own) else 0.0


# whether abstain_gate's answer-type rules include unpriced() (fit_answer.py --pick evidence.MONEY_RULE=False
# measures without it)
MONEY_RULE = True
# how many of the best candidates unpriced() reads: the one shown, as for unmeasured(). Over the best five, a sum
# for something else ("The survey's budget is 45,000 dollars") let the operation's plan answer "What is the
# operation's budget?" (thirty-eighth session: over the rows of SQuAD 2.0, the bundled and the testers' sets, 5
# unanswerable questions refused, no answerable one right before; docs/quality.md)
MONEY_TOP = 1


def unpriced(question: str, sentences: list[str], langs: list[str | None] | None = None) -> float:
    """1.0 when the question asks for an amount of money (a price, a cost, a budget, funding:
    qa.answer.needs.needs().money) and none of the best candidates (`sentences`, with their stored
    languages `langs`) holds an amount in a currency: the documents speak of the thing and never
    price it ("What was the street price of heroin?" against "740 kg of drugs were seized"). The
    issue's pattern 1 for money, as uncounted() is for counts."""
    n = needs(question)
    return _none_holds(money_match, n, sentences, langs) if n.money else 0.0


# whether abstain_gate's answer-type rules include unmeasured() (fit_answer.py --pick evidence.MEASURE_RULE=False
# measures without it)
MEASURE_RULE = True
# how many of the best candidates unmeasured() reads: the one shown. Lengths, durations and date spans are
# common in text, so any of the best five nearly always holds one (on SQuAD 2.0 the rule then refused 2
# answerable questions and no unanswerable one; over the best one it refused 8 unanswerable questions the
# gate answered and no answerable one it answered right: docs/quality.md, "Fourteenth session")
MEASURE_TOP = 1


def unmeasured(question: str, sentences: list[str], langs: list[str | None] | None = None) -> float:
    """1.0 when the question asks for a measure (a length, a duration, a height, an age:
    qa.answer.needs.needs().measure) and none of the best candidates (`sentences`, with their stored
    languages `langs`; evidence() passes the best MEASURE_TOP) holds a quantity of that kind: "How long
    is the border between Kazakhstan and Uzbekistan?" is not answered by "more than 13 kg of
    mephedrone" nor by a date. The issue's pattern 1 for measures, as unpriced() is for money."""
    n = needs(question)
    return _none_holds(measure_match, n, sentences, langs) if n.measure else 0.0


def _none_holds(match, n, sentences: list[str], langs: list[str | None] | None) -> float:
    """1.0 when there are sentences and none holds what `match` (qa.answer.types.money_match,
    measure_match: text, needs, stored language -> 0 / 1) looks for, else 0.0."""
    langs = langs or [None] * len(sentences)
    return float(bool(sentences) and not any(match(s, n, lang) >= 1.0 for s, lang in zip(sentences, langs)))


# whether abstain_gate's answer-type rules include undated() (fit_answer.py --pick evidence.DATE_RULE=False
# measures without it)
DATE_RULE = True


def undated(question: str, sentence: str, lang: str | None = None, before: str = "") -> float:
    """1.0 when a question asks for a date of a grain (a year: "In what year ...?", "В каком году ...?", a month,
    a day: "On which day in March 2022 ...?") and the best candidate, `sentence` (its stored language `lang`),
    states none beyond the question's own (types.states_date): "... in March 2022, a controlled delivery was
    carried out" gives no day. "What date" asks for any date (needs.asked_grain). The question and the sentence
    are each read in their own language, so a Russian question over English text is read too. The issue's
    pattern 1 for dates at the grain asked, as unmeasured() is for measures, and like it read from the sentence
    shown only: nearly any five sentences hold some date. A sentence that refers back ("These included ...") is
    read with `before`, its passage's text before it, which the answer shows with it and which may give the
    date; with none, it is left to the fitted gate. A when-question asks no grain ("When did the course
    begin?" is answered by "in spring") and is left to the fitted gate too, as is a language without date
    readers (Language.date_questions, date_grains)."""
    grain = asked_grain(question)
    lang = lang or detect(sentence)
    if grain is None or not get(lang).date_grains:
        return 0.0
    if refers_back(sentence):
        # shown after the sentence before it, which may give the date ("These included legalizing the forward
        # pass" after "In 1906 ...")
        if not before.strip():
            return 0.0
        sentence = f"{before} {sentence}"
    return float(not states_date(sentence, question, grain, lang))


# whether abstain_gate's answer-type rules include events.misplaced(): a question that sets its event in another
# place than the best passage's item does ("the workshop held in Tashkent", held in Astana) is "not found". Never
# fired on SQuAD or XQuAD (their items are paragraphs, not dated events); over dev, dev2 and dev3 it fired on 2
# unanswerable questions and no answerable one (fit_answer.py --pick evidence.PLACE_RULE=False switches it off)
PLACE_RULE = True
# whether abstain_gate's answer-type rules include qa.answer.substances: a question about one controlled substance or
# precursor answered by a sentence about another ("How much cocaine ...?" against "... 412 kilograms of heroin ...")
# is "not found" (fit_answer.py --pick evidence.SUBSTANCE_RULE=False measures without it; docs/quality.md,
# "Thirty-fifth session")
SUBSTANCE_RULE = True
# whether abstain_gate's answer-type rules include qa.answer.roles: a who-question about the holder of an office
# answered by a sentence that names someone in another office ("First Deputy Chairman … of Uzbekistan" for "Who is the
# Chairman of the State Customs Service of Kyrgyzstan?") is "not found" (fit_answer.py --pick evidence.ROLE_RULE=False
# measures without it; docs/quality.md, "Thirty-sixth session")
ROLE_RULE = True
# whether abstain_gate's answer-type rules include qa.answer.country_swaps: a question about one country answered by a
# sentence that names others and not it ("… to Kyrgyzstan?" against "… to the Border Troops of Tajikistan") is "not
# found" (fit_answer.py --pick evidence.COUNTRY_RULE=False measures without it; docs/quality.md, "Thirty-sixth
# session")
COUNTRY_RULE = True
# whether abstain_gate's answer-type rules include qa.answer.figure_swaps: a question stating a figure ("a population of
# 3,792,261", "in 1805") that the best passage, its item's title and lead never state, answered by a sentence giving
# other figures, is "not found" (fit_answer.py --pick evidence.FIGURE_RULE=False measures without it; docs/quality.md,
# "Thirty-seventh session")
FIGURE_RULE = True
# whether abstain_gate's answer-type rules include qa.answer.detail_swaps: a question about one compass direction or
# month answered by a sentence naming only others is "not found" (fit_answer.py --pick evidence.DETAIL_RULE=False
# measures without it; docs/quality.md, "Thirty-seventh session")
DETAIL_RULE = True
# whether abstain_gate's answer-type rules include qa.answer.identity: a question about one thing of a kind answered by
# a sentence about another of the same kind (the fourth meeting by the fifth's, the office in Dushanbe by the one in
# Astana, a count "online" by one "in person") is "not found" (fit_answer.py --pick evidence.IDENTITY_RULE=False
# measures without it; docs/quality.md, "Thirty-seventh session: the words that single out the asked one")
IDENTITY_RULE = True
# whether abstain_gate's answer-type rules include undefined() (fit_answer.py --pick evidence.EXPANSION_RULE=False
# measures without it)
EXPANSION_RULE = True


def undefined(question: str, sentences: list[str]) -> float:
    """1.0 when the question asks what an acronym stands for and none of the candidates (`sentences`:
    every sentence of the retrieved passages) spells it out (qa.answer.acronyms): the documents use
    it without saying."""
    acronym = asked_acronym(question)
    return float(bool(acronym) and not any(defines(s, acronym) for s in sentences))


# whether abstain_gate's answer-type rules include unlisted() (fit_answer.py --pick evidence.CONTACT_RULE=False
# measures without it)
CONTACT_RULE = True


def unlisted(question: str, sentences: list[str], langs: list[str | None] | None = None) -> float:
    """1.0 when the question asks how to reach someone (an e-mail address, a web address, a phone number:
    qa.lang.contacts) and none of the candidates (`sentences`: every sentence of the retrieved passages, with
    their stored languages `langs`) gives one of that kind: the documents name the office and never its
    address ("What is the phone number of the Skarn office?" against "The Skarn office opened in 2021.")."""
    n = needs(question)
    if n.qtype not in CONTACT_KINDS:
        return 0.0
    return _none_holds(lambda text, _, lang: typed_match(text, question, n, lang), n, sentences, langs)


_COUNT_OR_AMOUNT = re.compile(r"\bhow\s+(?:many|much)\b|\bwhat\s+(?:number|amount|sum)\b", re.I)
# whether abstain_gate's answer-type rules (Fitted.count_veto, scene_veto) include scene_only (fit_answer.py
# --pick evidence.SCENE_RULE=False measures the count rule alone)
SCENE_RULE = True
# whether scene_only reads when-questions too (fit_answer.py --pick evidence.DATE_SCENE=False: without)
DATE_SCENE = True


# words of a when-question that a lead's date answers whatever its verb: a plan or a schedule ("When is
# the meeting *scheduled*?" against "... a meeting will be held"), the start, end or run of the event
# ("When did the course *begin*?" against "From 3 May to 9 June ... held its course"). Stems.
_DATE_FRAME = frozenset(analyze(
    "scheduled planned expected due set slated intended begin began begun start started end ended open "
    "opened close closed last lasted run ran finish finished commence commenced conclude concluded", "en"
))


# a lead that reports a gathering: its date is the meeting's, visit's or workshop's, the usual news
# item's scene ("On October 14, 2021 the Advisor ... attended the online briefing"). A lead that
# reports some other act ("On August 15, 1971, the United States pulled out of the Bretton Woods
# Accord") dates that act, and a when-question about it words it its own way ("withdraw"), so the
# date rule below reads gathering leads only.
_GATHERING = re.compile(
    r"\b(?:(?:was|were|is|are|be|been|being)\s+held|held\s+(?:its|their|a|an|the)|attended|took\s+part|"
    r"participated|visited|met\s+with|hosted|convened|gathered)\b",
    re.I,
)


# a when-question that itself asks when a gathering took place ("When was the briefing on anti-corruption
# reforms *held*?") is what the gathering's lead answers, whatever topic words it adds
_ASKS_GATHERING = re.compile(
    r"\b(?:held|hold|holds|take\s+place|took\s+place|taken\s+place|happen\w*|meet|meets|met|attend\w*|"
    r"visit\w*|host\w*|convene\w*|gather\w*|participat\w*|(?:sit|sits|sat)\s+down)\b",
    re.I,
)


def unstated(question: str, context: str) -> list[str]:
    """The lower-case content words of an English question (its verbs and common nouns: what it asks
    about, not the names that single out the event) whose stems `context` lacks, leaving out the
    words that only frame a question (the follow-up rules' light verbs and question words, the language's
    frame words, _DATE_FRAME)."""
    language = get("en")
    words = language.followup
    frame = words.light_verbs | words.question_words | words.pronouns | stopwords("en") | language.frame_words
    own = set(analyze(context, "en"))
    out = []
    for word in re.findall(r"\b[a-z][\w'-]*", question.split(" ", 1)[1] if " " in question else ""):
        stems = set(analyze(word, "en"))
        if word in frame or not stems or stems <= _DATE_FRAME:
            continue
        if not stems & own:
            out.append(word)
    return out


def scene_only(
    question: str, sentence: str, news_lead: bool, lang: str | None = None, title: str | None = None,
) -> float:
    """1.0 when the chosen sentence is an item's dated lead and the question asks for a detail the
    lead does not state. A lead sets the scene of its item (when, where, who organised): it names
    every word that singles out the event, so it outscores the rest of the item even when the item
    never gives the detail asked. The details:
    - a count or an amount, with no figure in the lead besides its date;
    - a person, with no one named ("Who chaired the June 2022 meeting?" against "On June 29, 2022, in
      Almaty, a regular meeting of the Council ... was held");
    - with `title` (the item's title; None leaves when-questions alone), a date when the lead reports a
      gathering (_GATHERING) and a word the question asks about (`unstated`: "When was the agency
      *established*?") is in neither the lead nor the title: the date a lead gives is its own event's.
      A question that asks when a gathering took place (_ASKS_GATHERING: "When was the briefing on
      anti-corruption *reforms* held?") is left alone: its other words name the gathering's topic.
    Where- and what-questions are left alone (a lead states a place and what it names), and so are
    how-long / how-old ones (a lead's dates can answer them). `lang`: the sentence's stored language
    (detected when None). English only."""
    # English wording (its person marks, its question words), measured on English sets only: a
    # Russian question or sentence is left to the fitted gate
    if not news_lead or (lang or detect(sentence)) != "en" or detect(question) != "en":
        return 0.0
    n = needs(question)
    if n.wants == "number" and _COUNT_OR_AMOUNT.search(question):
        # the lead's own date is no count ("On October 25-26, 2021 the delegation ...")
        undated = get("en").span_patterns["date"].sub(lambda m: " " * len(m.group(0)), sentence)
        return float(unit_match(undated, n, "en") == 0.0)
    if n.wants == "person":
        return float(named_person(sentence, question, lang) == 0.0 and not names_someone(sentence, question))
    if (n.wants == "date" and title is not None and DATE_SCENE and _GATHERING.search(sentence)
            and not _ASKS_GATHERING.search(question)):
        return float(bool(unstated(question, sentence + " " + title)))
    return 0.0


def _item_text(own_text: str, best, passages: list) -> str:
    """`own_text` (the best passage, its item's title and lead) with the other retrieved passages of its item: what
    the item is known to state."""
    item = (best.passage.chunk.doc, best.passage.chunk.item)
    return " ".join([own_text, *(p.chunk.text for p in passages
                                 if p is not best.passage and (p.chunk.doc, p.chunk.item) == item)])


def lead_text(index, row) -> str:
    """The first sentence of `row`'s item (a qa.store SentenceRow), `row`'s own text when it is that
    sentence: what evidence() reads as the item's lead."""
    return item_leads(index, [row])[(row.doc, row.item)].text


def rule_that_holds(facts: dict[str, float], fitted: Fitted) -> str | None:
    """The name of the fit's answer-type rule that holds for these facts ("substituted", "uncounted", "miscast",
    "other_event", "other_country", "other_figure", "other_detail", "undefined", "unlisted", "unpriced",
    "unmeasured", "undated", "misplaced", "scene"), or None:
    `count_veto` turns on uncounted(), and either `count_veto` or `scene_veto` (the e5 fit takes the scene rule
    without the count rule) the rest. An answer about another substance is named first: whatever else it lacks, that is
    what is wrong; one naming someone in another office before one about another country (its note says both)."""
    if (fitted.count_veto or fitted.scene_veto) and SUBSTANCE_RULE and facts.get("substituted", 0.0) >= 1.0:
        return "substituted"
    if fitted.count_veto and facts.get("uncounted", 0.0) >= 1.0:
        return "uncounted"
    if not (fitted.count_veto or fitted.scene_veto):
        return None
    for name, on in (("miscast", ROLE_RULE), ("other_event", IDENTITY_RULE), ("other_country", COUNTRY_RULE),
                     ("other_figure", FIGURE_RULE), ("other_detail", DETAIL_RULE), ("undefined", EXPANSION_RULE),
                     ("unlisted", CONTACT_RULE), ("unpriced", MONEY_RULE), ("unmeasured", MEASURE_RULE),
                     ("undated", DATE_RULE), ("misplaced", PLACE_RULE), ("scene", SCENE_RULE)):
        if on and facts.get(name, 0.0) >= 1.0:
            return name
    return None


def abstain_gate(facts: dict[str, float], fitted: Fitted, conf: float) -> float:
    """What the abstention threshold applies to (`fitted`: the run-time weights, or the fit's model
    with the same fields in benchmarks/fit_models.py): 0 when one of the fit's answer-type rules
    holds (rule_that_holds()), else its trees' or logistic model's P(the documents hold the answer),
    else the calibrated confidence `conf`."""
    if rule_that_holds(facts, fitted) is not None:
        return 0.0
    if fitted.abstain_trees:
        return trees.probability(facts, fitted.abstain_trees)
    return probability(facts, fitted.abstain, fitted.abstain_bias) if fitted.abstain else conf


def _match(ranked: list) -> dict[str, float]:
    """The learned matcher's view, when the sentence model uses it: the chosen sentence's score,
    its distance to the best-matching candidate's, and that best score (how well anything fits)."""
    f = ranked[0].features
    if "match" not in f:
        return {}
    return {"match": f["match"], "match_rel": f["match_rel"], "match_top": f["match"] - f["match_rel"]}


def _answerable(ranked: list) -> dict[str, float]:
    """The answerability model's view (benchmarks/answerable_model.py, an experiment), when the
    candidates carry its scores (benchmarks/fit_answer.py --answerable; never at run time): the
    chosen sentence's, its distance to the best one's, and the best (logit minus the no-answer
    logit: > 0 reads as an answer)."""
    f = ranked[0].features
    if "ans" not in f:
        return {}
    return {"ans": f["ans"], "ans_rel": f["ans_rel"], "ans_top": f["ans"] - f["ans_rel"]}


def _xenc(ranked: list) -> dict[str, float]:
    """The cross-encoder's view (benchmarks/fit_answer.py --rerank, never at run time), when the
    candidates carry its scores: the chosen sentence's logit, its distance to the best read, and
    the best minus the no-answer logit."""
    f = ranked[0].features
    if "xenc" not in f:
        return {}
    return {"xenc": f["xenc"], "xenc_rel": f["xenc_rel"], "xenc_top": f["xenc_top"]}


def probability(feats: dict[str, float], weights: dict[str, float], bias: float) -> float:
    z = bias + sum(weights[k] * feats[k] for k in weights)
    return float(1.0 / (1.0 + np.exp(-z)))


def calibrate(p: float, table: tuple[tuple[float, ...], tuple[float, ...]]) -> float:
    """Isotonic calibration stored as breakpoints: raw probability -> share right."""
    xs, ys = table
    return float(np.interp(p, xs, ys)) if xs else p
