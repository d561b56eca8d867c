"""Passages -> one verbatim answer sentence (and a typed span inside it), or no answer.

The answer step's order; each step is its own module's. ranked_candidates: every sentence scored by the sentence
model, then a table's rows (qa.answer.rows: the row the question names, the row of the period it asks) and the
best sentence's typed neighbours and near ties (qa.answer.neighbours). pick_answer: then a gathering's minutes
lines (qa.answer.minutes), the asked substance, the asked one of its kind (qa.answer.identity), whole period, office
holder and its present holder, the sentence stating the role, act or total asked (qa.answer.asked_marks), the asked
country's part of a total (qa.answer.country_parts), a later
correction, the final report of a preliminary figure (qa.answer.preliminary); the evidence, confidence and abstention
gate (qa.answer.evidence); the answer shown
(qa.answer.shown, sentence_answer) with its short answer (qa.answer.short), and the note of another document that
disagrees (qa.answer.disagreement).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np

from qa.answer import short
from qa.answer.acronyms import asked_acronym, spells_out
from qa.answer.asked_marks import prefer_asked
from qa.answer.corrections import prefer_correction
from qa.answer.country_parts import prefer_asked_country, prefer_country_document, prefer_country_row, whole_given
from qa.answer.disagreement import with_disagreement
from qa.answer.editions_across import prefer_edition_across
from qa.answer.evidence import abstain_gate, calibrate, evidence, lead_text, probability, rule_that_holds
from qa.answer.extremes import extreme_row
from qa.answer.features import Candidate, add_across, add_uncentred, prefer_near_tie, sentence_features, swap
from qa.answer.fields import question_names
from qa.answer.heads import Heads
from qa.answer.identity import prefer_asked_one
from qa.answer.letters import prefer_letter_line, signs_named_document
from qa.answer.minutes import held_at, prefer_field
from qa.answer.needs import needs
from qa.answer.neighbours import prefer_typed_neighbour
from qa.answer.not_found import mentioned, not_found_note
from qa.answer.ordering import rerank_passages
from qa.answer.points import prefer_asked_point, prefer_point_part, sure_point
from qa.answer.preliminary import only_preliminary, passage_cosine, prefer_final, preliminary_note
from qa.answer.present_holder import prefer_predecessor, prefer_present_holder
from qa.answer.roles import prefer_holder
from qa.answer.tenures import prefer_span_of_year
from qa.answer.rows import date_terms, prefer_asked_period, prefer_named_row, row_and_column_named
from qa.answer.shown import Shown, blanked_lines, cited, shown_answer
from qa.answer.substances import prefer_asked_substance, whole_of_others
from qa.answer.tables import Tables, asked_cell, lacks_kind, lacks_substance, names_asked_years, says_asked_terms
from qa.answer.trim import MAX_ANSWER_CHARS
from qa.answer.types import type_features
from qa.answer.weights import fitted_for
from qa.answer.whole_period import prefer_asked_part, prefer_whole_period
from qa.contracts import Answer, Passage
from qa.lang import analyze, detect
from qa.store import Index, SentenceRow


def _trim(row: SentenceRow, terms: list[str]) -> tuple[int, int]:
    """The cut before issue 13 (kept for benchmarks/fit_answer.py --baseline): the window of a
    very long sentence that holds most question terms. The answer step uses qa.answer.trim."""
    if len(row.text) <= MAX_ANSWER_CHARS:
        return row.start, row.end
    # clause boundaries inside the sentence, then the best window of consecutive clauses
    cuts = [0] + [m.end() for m in re.finditer(r"[,;:]\s+", row.text)] + [len(row.text)]
    tset = set(terms)
    best, best_score = (0, min(len(row.text), MAX_ANSWER_CHARS)), -1.0
    for i in range(len(cuts) - 1):
        for j in range(i + 1, len(cuts)):
            if cuts[j] - cuts[i] > MAX_ANSWER_CHARS:
                break
            s = len(set(analyze(row.text[cuts[i]:cuts[j]])) & tset) + 0.001 * (cuts[j] - cuts[i])
            if s > best_score:
                best, best_score = (cuts[i], cuts[j]), s
    a, b = best
    piece = row.text[a:b]
    a += len(piece) - len(piece.lstrip())
    b -= len(piece) - len(piece.rstrip())
    return row.start + a, row.start + b



def ranked_candidates(
    question: str, query_vector: np.ndarray, terms: list[str], passages: list[Passage], index: Index,
    weights: dict[str, float], typed_neighbour: bool = False, tables: Tables | None = None,
) -> list[Candidate]:
    """Every sentence of the passages with its features (answer types included), best first."""
    tables = tables or Tables(index)
    replies: dict[int, int] = {}
    feats = sentence_features(question, query_vector, terms, passages, index, tables, replies)
    readings = {row.id: tables.reading(row) for row, _, _ in feats}
    leads: dict[tuple[str, int], str] = {}
    for row, p, f in feats:
        item = p.item
        lead = bool(f["news_lead"] or f["other_lead"])
        if item is not None and not lead and (row.doc, row.item) not in leads:
            leads[row.doc, row.item] = lead_text(index, row)
        # the language stored at index time; a table's row read with its header
        f.update(type_features(question, readings[row.id] or row.text, item.title if item else "",
                               item.date if item else None, bool(f["news_lead"]), row.lang, lead=lead,
                               about="" if lead else leads.get((row.doc, row.item), "")))
    if feats and "match" in weights:
        add_match(question, feats)
    if "dense_raw" in weights:  # the e5 fit's (qa/answer/fitted_e5.py): e5's uncentred cosine
        add_uncentred(query_vector, feats, index.sentence_vectors, replies)
    if "other" in weights:  # an e5 fit's weights across languages (benchmarks/fit_e5.py across)
        add_across(question, feats, weights)
    out = [Candidate(row, p, f, sum(w * f[k] for k, w in weights.items()), readings[row.id]) for row, p, f in feats]
    out.sort(key=lambda c: -c.score)
    out = prefer_named_row(out, terms, tables, question)
    out = prefer_asked_period(out, question, terms, tables)
    return prefer_typed_neighbour(out, question) if typed_neighbour else out


def add_match(question: str, feats: list) -> None:
    """The learned matcher's score of each candidate (qa.answer.matcher), and its distance to the
    best candidate's: how much better the best-matching sentence is than this one."""
    from qa.answer.matcher import default_matcher

    scores = np.asarray(default_matcher().score(question, [row.text for row, _, _ in feats]), float)
    top = float(scores.max())
    for (_, _, f), s in zip(feats, scores):
        f["match"] = float(s)
        f["match_rel"] = float(s) - top


# The confidence of an answer from a table's row that the question names by a whole cell, under a column it names
# by its header, is at least this. The calibration was fitted on prose and gives such rows 0.17-0.7; they were
# right in 17 of the 18 answers of the table sets written before the rule (benchmarks/tables.py: held-out and
# --wrapped: 95 % Wilson interval from 0.74), and in 147 of 149 over all table sets.
NAMED_CELL_CONFIDENCE = 0.7


@dataclass(frozen=True)
class Picked:
    """What the answer step found: the answer (None: "not found"), the passages re-ranked by their
    sentences, and for a "not found", what the documents lack when that is known
    (qa.answer.not_found.not_found_note; the app shows it under the reply)."""

    answer: Answer | None
    passages: list[Passage]
    not_found: str | None = None


# a table's row whose row and column the question names takes over from a best that holds nothing of the kind asked
# within this margin among the best few, as a substance's near tie does (qa.answer.substances: SUBSTANCE_MARGIN): "How
# much heroin did Tajikistan seize in 2023?" got "Наибольший объём изъятий героина по-прежнему приходится на
# Таджикистан." 0.54 above the row "Таджикистан | 1 274 | …" under "Героин, кг"
NAMED_CELL_TOP = 3
NAMED_CELL_MARGIN = 1.0
# how far down such a row is looked for, at any margin, when a how-much question's best states no quantity at all
NAMED_CELL_FAR = 10


def prefer_named_cell(question: str, terms: list[str], ranked: list[Candidate], tables: Tables) -> list[Candidate]:
    """ranked with a near tie that is a table's row whose row and column the question names (rows.row_and_column_named)
    first, when the best holds no span of the kind asked (its "typed" feature) and is no such row itself. For a
    how-much question whose best states no quantity (its "unit" feature), such a row among the best NAMED_CELL_FAR
    at any margin: "Heroin seizures were concentrated on the Tajik-Afghan border, while opium was seized mostly in
    Tajikistan, …" holds every word of "How much heroin did Tajikistan seize in 2024?" and none of its answer, which the
    row "Tajikistan | 1 706 | …" under "Country | Heroin | …" holds with fewer of its words."""
    if len(ranked) < 2 or ranked[0].features.get("typed", 0.0) >= 1.0 or tables.row(ranked[0].sentence) is not None:
        return ranked

    def named(c: Candidate) -> bool:
        table = tables.row(c.sentence)
        return table is not None and row_and_column_named(question, terms, table, c.sentence)

    near = prefer_near_tie(ranked, NAMED_CELL_TOP, NAMED_CELL_MARGIN, named)
    if near is not ranked or ranked[0].features.get("unit") != 0.0 or needs(question).wants != "number":
        return near
    return prefer_near_tie(ranked, NAMED_CELL_FAR, float("inf"), named)


# how far down the ranking a sentence of the kind asked is looked for past a best row that holds none
KINDLESS_TOP = 6


def past_kindless_rows(question: str, ranked: list[Candidate], tables: Tables) -> list[Candidate]:
    """ranked with the first of its best KINDLESS_TOP that holds a span of the kind asked (its "typed" feature) and
    is no table row lacking one, first, when the best is a table's row with no cell of that kind (tables.lacks_kind:
    "Кто вручил сертификаты участникам курса в Нарыне?" over the course's row "5 | Контролируемые поставки | 5–9
    июня 2023 г. | Нарын | 25", which names no one, above the news sentence that does). Such a row can never be
    the answer (pick_answer makes it "not found"); the gate reads the sentence that may be."""
    def kindless(c: Candidate) -> bool:
        table = tables.row(c.sentence)
        return table is not None and lacks_kind(question, table, c.sentence.text, c.sentence.lang)

    if len(ranked) < 2 or not kindless(ranked[0]):
        return ranked
    # the names that chose the row ("Нарыне" in its cell "Нарын") must be the sentence's or its item's title's: a
    # sentence of the same report about something else ("The programme upgraded four border crossing points in
    # 2024.") does not say when the row's "New passenger hall" at Kordai opened
    row = set(analyze(ranked[0].sentence.text))
    keys = [stems for name in question_names(question) if (stems := set(analyze(name))) and stems <= row]
    for i in range(1, min(KINDLESS_TOP, len(ranked))):
        c = ranked[i]
        if c.features.get("typed", 0.0) < 1.0 or kindless(c):
            continue
        said = set(analyze(f"{c.passage.item.title if c.passage.item is not None else ''} {c.text}"))
        if all(stems <= said for stems in keys):
            return swap(ranked, i)
    return ranked


# how far down a sentence that says more of the question may sit below a row whose table says too little of it
UNSAID_TOP = 5


def past_unsaid_row(question: str, terms: list[str], ranked: list[Candidate], tables: Tables) -> list[Candidate]:
    """ranked with the first of its best UNSAID_TOP that is no table's row, holds a span of the kind asked and more of
    the question's words (its "lex" feature) first, when the best is a row of a table in the question's language that
    leaves more than tables.UNSAID_MAX of them unsaid around it (says_asked_terms): the March row of a table of one
    country's customs seizures for "Сколько наркотиков публично уничтожили в Душанбе в марте 2024 года?", over the news
    item "Агентство … публично уничтожило 3,4 тонны наркотических средств …"."""
    if len(ranked) < 2:
        return ranked
    best = ranked[0]
    table = tables.row(best.sentence)
    if table is None or best.sentence.lang not in (None, detect(question)) \
            or says_asked_terms(terms, best.passage, table, best.sentence.text, date_terms(question)):
        return ranked
    for i in range(1, min(UNSAID_TOP, len(ranked))):
        c = ranked[i]
        if c.reading is None and c.features.get("typed", 0.0) >= 1.0 \
                and c.features.get("lex", 0.0) > best.features.get("lex", 0.0):
            return swap(ranked, i)
    return ranked


def pick_answer(
    question: str,
    query_vector: np.ndarray,
    terms: list[str],
    passages: list[Passage],
    index: Index,
    model: str | None = None,
    dated_scope: bool = False,
) -> Picked:
    """The best answer sentence (or None: "not found"), the re-ranked passages, and for a "not
    found" what the documents lack, when that is known.

    `model` is the embedder's identity: it picks the answer weights fitted for its vectors. `dated_scope`: the
    passages were searched among the items a date in the question chose (qa.filters.scope), whose dates say it."""
    fitted = fitted_for(model)
    tables = Tables(index)
    ranked = ranked_candidates(question, query_vector, terms, passages, index, fitted.sentence, fitted.typed_neighbour,
                               tables)
    if not ranked:
        return Picked(None, passages)
    heads = Heads(index)
    ranked, fielded = prefer_field(question, ranked, heads)
    ranked = prefer_asked_substance(question, ranked)
    ranked = prefer_asked_one(question, ranked)
    similar = passage_cosine(index, "dense_raw" in fitted.sentence)  # e5's fit reads e5's (multilingual) vectors
    ranked = prefer_edition_across(question, ranked, similar)  # "Степной заслон-2024" for "Steppe Barrier-2024"
    ranked = prefer_whole_period(question, ranked)
    ranked = prefer_asked_part(question, ranked)  # its mirror: the half asked, not the year's total
    ranked = prefer_holder(question, ranked)
    ranked = prefer_span_of_year(question, ranked)  # "in 2018": the career line "from 2016 to 2020" (tenures)
    ranked = prefer_present_holder(question, ranked)
    ranked = prefer_asked(question, ranked)  # a sentence that states the role, act or total asked (asked_marks)
    ranked = prefer_asked_point(question, ranked, index)  # "пункт 5 приказа": the point numbered 5
    ranked = prefer_point_part(question, ranked, index)  # who answers for it, by when: the point's later sentences
    # "before X": the sentence naming the one the new holder follows, over the one stating the role's act
    ranked = prefer_predecessor(question, ranked)
    # its part, not the whole; the best's item's lead is read only for a question about a country
    ranked = prefer_asked_country(question, ranked, lambda best=ranked[0].sentence: lead_text(index, best))
    ranked = prefer_country_row(question, ranked)  # or the asked country's row, when the best is another's figure
    ranked = prefer_country_document(question, ranked)  # or a sentence of its report, when the best is another's
    ranked = prefer_letter_line(question, ranked, index)  # a letter's signature, its labelled contact (letters)
    ranked = prefer_named_cell(question, terms, ranked, tables)  # the row and column asked, over a figureless best
    ranked = past_kindless_rows(question, ranked, tables)  # a row with no cell of the kind asked answers nothing
    ranked = past_unsaid_row(question, terms, ranked, tables)  # nor one whose table says too little of the question
    # "which country seized the most hashish": the table's row holding the most under the column asked (extremes)
    extreme = extreme_row(question, ranked, tables, index)
    if extreme is not None and extreme.index:
        ranked = swap(ranked, extreme.index)
    # a later correction of the best's figure is shown in its place (qa.answer.corrections); whether the documents
    # answer at all, and how surely, is still read on the report it corrects: a correction found at any rank must not
    # answer a question its report did not (its own words match the question less, or more, by chance)
    corrected = prefer_correction(question, ranked)
    # a preliminary figure gives way to the final report of it, in either language (qa.answer.preliminary); read,
    # as a correction is, after the evidence of the report it replaces
    corrected = prefer_final(question, corrected, similar)
    pool = passages
    passages = rerank_passages(passages, corrected, fitted.passage)
    idf = index.idf(sorted(set(terms)))
    lead = lead_text(index, ranked[0].sentence)
    facts = evidence(question, terms, ranked, pool, idf, lead=lead,
                     held_at=held_at(question, ranked[0].sentence, heads), dated_scope=dated_scope)
    raw = probability(facts, fitted.confidence, fitted.confidence_bias)
    conf = calibrate(raw, fitted.calibration)
    reported, ranked = ranked, corrected
    best = ranked[0]
    row = best.sentence
    table = tables.row(row)  # the header it is read against, when the best candidate is a table's row
    named_cell = table is not None and row_and_column_named(question, terms, table, row) \
        and names_asked_years(question, best.passage, table, row.text)
    extreme = extreme if extreme is not None and extreme.row == row.id else None
    # what an acronym stands for, spelled out in so many words: in a glossary of another language the evidence of
    # words reads nothing
    acronym = asked_acronym(question)
    sure = named_cell or fielded or extreme is not None or bool(acronym) and spells_out(best.text, acronym) \
        or sure_point(question, best, index) or signs_named_document(question, best, index)
    if sure:
        conf = max(conf, NAMED_CELL_CONFIDENCE)
    # a table's row with no cell of the kind asked cannot answer ("Who commanded …?" of a row without a name);
    # else abstain on a separate model of "the documents hold the answer" when one was fitted
    if (table is not None and extreme is None and (lacks_kind(question, table, row.text, row.lang)
                                                   or lacks_substance(question, best.passage, table, row.text))
            or abstain_gate(facts, fitted, conf) < fitted.abstain_below and not sure):
        # the words no document uses are worth saying only when the passages are in the question's language
        known = mentioned(index) if reported[0].sentence.lang in (None, detect(question)) else None
        return Picked(None, passages, not_found_note(rule_that_holds(facts, fitted), question, known, lead,
                                                     reported[0]))
    if only_preliminary(question, ranked):  # asked for the final figure, the documents give a preliminary one only
        return Picked(None, passages, preliminary_note(ranked[0], question))
    if whole_given(question, ranked, lambda: lead_text(index, ranked[0].sentence)):  # a total for one country's part
        return Picked(None, passages, not_found_note("whole", question))
    if whole_of_others(question, ranked[0]):  # a total for one substance its passage breaks down without it
        return Picked(None, passages, not_found_note("whole.substance", question))

    def short_answer(c: Candidate) -> tuple[int, int] | None:
        # the span the short-answer model finds likeliest in another candidate's sentence (read with the answer's own
        # probability of being right: the candidate is a near tie of it), shown or not
        return short.pick(c.sentence.text, question, raw, c.features["lex"], fitted.span, fitted.span_bias,
                          0.0, idf, c.sentence.lang)[0]

    def credible(i: int) -> bool:
        # ranked[i] made the answer as the near-tie rules make one (swap: the pair's scores swapped), read by the
        # same evidence, confidence and abstention gate as the answer itself
        swapped = swap(ranked, i)
        other = swapped[0].sentence
        f = evidence(question, terms, swapped, pool, idf, lead=lead_text(index, other),
                     held_at=held_at(question, other, heads), dated_scope=dated_scope)
        c = calibrate(probability(f, fitted.confidence, fitted.confidence_bias), fitted.calibration)
        return abstain_gate(f, fitted, c) >= fitted.abstain_below

    # the sentence's trimmed part, after the sentence before it when it opens by referring back
    shown = shown_answer(index, row, question, terms, MAX_ANSWER_CHARS)
    if table is not None:  # a table's row: the cell under the column asked for, read against the header
        # the extreme row's first cell names what was asked ("Tajikistan"), not the figure compared
        cell = extreme.label if extreme is not None else asked_cell(question, table, row.text, row.lang)
        span = None if cell is None else (row.start + cell[0], row.start + cell[1])
        return Picked(with_disagreement(sentence_answer(index, row, shown, passages, best.passage.chunk.id, conf, span,
                                                        header=table.header), question, ranked, passages, index,
                                        short_answer, credible, similar), passages)
    # the short answer is the answer sentence's (the sentence before only says what it refers to)
    found, _ = short.pick(shown.sentence_text, question, raw, best.features["lex"], fitted.span, fitted.span_bias,
                          fitted.span_threshold, idf, row.lang)
    span = None if found is None else (shown.sentence_start + found[0], shown.sentence_start + found[1])
    answer = sentence_answer(index, row, shown, passages, best.passage.chunk.id, conf, span)

    return Picked(with_disagreement(answer, question, ranked, passages, index, short_answer, credible, similar),
                  passages)


def sentence_answer(index: Index, row: SentenceRow, shown: Shown, passages: list[Passage], chunk_id: int,
                    confidence: float, span: tuple[int, int] | None, header: SentenceRow | None = None) -> Answer:
    """The Answer of a chosen sentence `row` (from passage `chunk_id`) showing `shown` (shown_answer's),
    `span` its short answer in document offsets, `header` the header row of the table `row` is a row of:
    the one place an answer is made of a sentence, for the answer step and the follow-up's typed answer
    (qa.app.service) alike."""
    p = cited(passages, chunk_id, row.doc, shown.start, shown.end)
    text = shown.text  # row.text is document[row.start:row.end], and so is the sentence before's
    item = index.item(row.doc, row.item)
    page = item.page if item is not None else None
    furniture: tuple[tuple[int, int], ...] = ()
    if page is not None:
        # a PDF's sentence rows hold its search text (hyphenation at line ends joined, page furniture blank); the
        # answer is the extracted text itself, which `qa text` prints
        text = index.document_slice(row.doc, shown.start, shown.end) or text
        furniture = blanked_lines(text, shown.text, shown.start)
    header_text = None
    if header is not None:
        header_text = (index.document_slice(header.doc, header.start, header.end) if page is not None else None) \
            or header.text
    return Answer(
        text=text,
        doc=row.doc,
        title=p.title,
        doc_title=p.doc_title,
        date=p.date,
        start=shown.start,
        end=shown.end,
        score=round(confidence, 4),
        passage_rank=p.rank,
        span=span,
        page=page,
        sentence_start=shown.sentence_start if shown.with_before else None,
        cut_before=shown.sentence_start > row.start,
        cut_after=shown.end < row.end,
        header=header_text,
        furniture=furniture,
    )
