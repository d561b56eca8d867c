"""The assistant as one long-lived object: model and index loaded once, questions answered many times.

Both the CLI and the web app go through here, so they behave the same.
"""

from __future__ import annotations

import dataclasses
import re
import threading
import time
import unicodedata
from collections.abc import Callable
from typing import TYPE_CHECKING

import numpy as np

from qa import store
from qa.answer import MAX_ANSWER_CHARS, fitted_for, pick_answer
from qa.answer.acronyms import asked_acronym
from qa.answer.evidence import calibrate, evidence, lead_text, probability
from qa.answer.needs import needs
from qa.answer.own_minutes import minutes_passages
from qa.answer.pick import Picked, ranked_candidates, sentence_answer
from qa.answer.question import question_type, typed_span
from qa.answer.shown import shown_answer, with_furniture
from qa.config import MAX_K, Settings
from qa.contracts import Answer, Filters, Passage, Query, Result, Scope
from qa.filters import FilterError, scope
from qa.embed import Embedder, make_embedder
from qa.ingest.labels import is_publication_line
from qa.lang import analyze, detect
from qa.lang.latin import names_romanised
from qa.retrieve import retrieve, spelled_out

if TYPE_CHECKING:  # qa.build is imported only to build: answering a question does not need it
    from qa.build import BuildProgress, BuildReport

__all__ = ["NoIndex", "QAService", "QuestionError", "Query", "Result", "clean_question"]

# (texts embedded so far, texts to embed) while a question waits for cross-language vectors
CompanionProgress = Callable[[int, int], None]


QUESTION_CUT = "the question was cut to its first"  # a note's opening: the question asked was not the one answered


class QuestionError(ValueError):
    """The question cannot be asked as given; the message says what to do."""


class NoIndex(store.IndexProblem):
    """No index has been built in `folder` yet (the page words it in the question's language)."""

    def __init__(self, folder: object):
        super().__init__(f"no index in {folder}: run `qa index` first")
        self.folder = folder


# an undated item a question's date left out is worth a note when a passage of it scores this share of the best
UNDATED_NEAR = 0.8


def clean_question(question: str, max_chars: int) -> tuple[str, list[str]]:
    """Normalise whitespace and control characters; cut an over-long question with a note."""
    if not isinstance(question, str):
        raise QuestionError("the question must be text")
    text = "".join(" " if unicodedata.category(ch)[0] == "C" else ch for ch in question)
    text = " ".join(text.split())
    if not text:
        raise QuestionError("the question is empty: type a question about your documents")
    if not any(ch.isalnum() for ch in text):  # "???", "—": nothing to look up, and any passage would be "found"
        raise QuestionError("the question has no words: type a question about your documents")
    notes = []
    if len(text) > max_chars:
        text = text[:max_chars].rsplit(" ", 1)[0] or text[:max_chars]
        notes.append(f"{QUESTION_CUT} {len(text)} characters")
    return text, notes


def _warm_filters(index: store.Index) -> None:
    try:
        index.row_facts()
    except Exception:  # noqa: BLE001 - closed or damaged meanwhile: the first filter will say so
        pass


class QAService:
    """Answers questions from the live index generation, switching to a newer one between questions."""

    def __init__(self, settings: Settings | None = None, embedder: Embedder | None = None,
                 multilingual: Embedder | None = None):
        self.settings = settings or Settings()
        self._embedder = embedder
        self._chosen = embedder is None  # the model follows the index, not the caller
        self._index: store.Index | None = None
        self._lock = threading.Lock()
        # questions in another language over an English-only index (qa.embed.crosslang): the
        # multilingual model (loaded on the first such question) and, per generation, the view of
        # the index through its companion vectors
        self._multilingual = multilingual
        self._multilingual_given = multilingual is not None
        self._views: dict[str, store.Index] = {}
        self._prepare_lock = threading.Lock()  # one thread of this process builds a companion

    @property
    def embedder(self) -> Embedder:
        with self._lock:
            if self._embedder is None:
                # the model the live index was built with (qa.embed.choose): hybrid, multilingual or English
                from qa.embed import choose

                model, backend = choose.model_for_index(self.settings, choose.index_model(self.settings.index_dir))
                self._embedder = make_embedder(model, self.settings.batch_size, backend)
            return self._embedder

    def index(self) -> store.Index:
        """The current generation, reopened if `qa index` has published a newer one."""
        gen = store.current_generation(self.settings.index_dir)
        with self._lock:
            if gen is None:
                raise NoIndex(self.settings.index_dir)
            if self._index is None or self._index.folder != gen:
                fresh = store.Index(gen)
                self._check_model(fresh)
                # the per-row facts filters need (seconds at a million passages), read in the
                # background now rather than on the first filtered question
                threading.Thread(target=_warm_filters, args=(fresh,), name="qa-filter-facts", daemon=True).start()
                # the old generation is not closed here: a question may still be reading it,
                # and it is dropped when the last reference goes
                self._index = fresh
            return self._index

    def _check_model(self, index: store.Index) -> None:
        if self._embedder is None:
            return
        m = index.manifest
        model = self._embedder.identity
        if m.get("model") != model:
            from qa.embed import choose

            mine = self._chosen or choose.routed(self._embedder, self.settings)
            if mine and m.get("model") in (
                choose.MULTILINGUAL_IDENTITY, choose.hybrid_identity(self.settings),
                choose.english_identity(self.settings),
            ):  # a re-index switched model with the corpus's languages: follow it
                model, backend = choose.model_for_index(self.settings, m.get("model"))
                self._embedder = make_embedder(model, self.settings.batch_size, backend)
                model = self._embedder.identity
        if m.get("model") != model or m.get("dim") != self._embedder.dim:
            raise store.IndexProblem(
                f"the index was built with model {m.get('model')} ({m.get('dim')} dims) but the "
                f"assistant is using {model} ({self._embedder.dim} dims): run `qa index --rebuild`"
            )

    def ask(self, question: str | Query, k: int | None = None, filters: Filters | None = None,
            progress: CompanionProgress | None = None) -> Result:
        """Answer one question (a string, or a Query with its k and filters), searching only what
        the filters allow, and first only what a date named in the question allows (qa.filters.scope).

        `progress(done, total)` is called while a question in another language waits for the
        multilingual vectors of an English-only index to be made (once per index generation)."""
        t0 = time.perf_counter()
        if isinstance(question, Query):
            question, k, filters = question.text, question.k if k is None else k, filters or question.filters
        k = self.settings.top_k if k is None else k
        if not 1 <= k <= MAX_K:
            raise QuestionError(f"the number of passages must be between 1 and {MAX_K}")
        text, notes = clean_question(question, self.settings.max_question_chars)
        language = detect(text)  # what the reply says it searched is worded in the question's language
        index = self.index()  # before the model: "no index yet" should not take seconds
        embedder = self.embedder
        self._check_model(index)
        routed, embedder, model, language_notes = self._route(text, index, embedder, progress)
        index, terms = routed, _terms(text, routed, index)
        qvec = embedder.encode([text], role="query")[0]
        try:
            resolver = scope.event_resolver(
                index, lambda t: embedder.encode([t], role="query")[0], analyze, retrieve)
            plan = scope.plan(index, text, filters, resolver)
        except FilterError as e:
            raise QuestionError(str(e)) from None
        if plan.empty_message:  # a range with no items: say so, not an error
            return Result(text, None, [], index.generation, time.perf_counter() - t0,
                          notes + [plan.empty_message],
                          scope=scope.scope_of(plan, plan.first, False, language=language))
        # answers are looked for in more passages than are shown; sentence evidence re-orders them
        pool = max(k, self.settings.answer_pool)
        used, fell_back = plan.first, False
        # within the period, a relative date is read as the period it was counted to: "last year" is "in 2023"
        asked = plan.reading.written_out(text) if plan.reading is not None else text
        dated = plan.reading is not None  # the items searched first are those the question's date chose
        asked_terms, asked_vec = (terms, qvec) if asked == text else (
            _terms(asked, routed, index), embedder.encode([asked], role="query")[0])
        picked = self._answer(asked, asked_vec, asked_terms, index, pool, used, model, dated)
        wants = needs(text).wants
        if not _in_period(picked, plan, wants) and plan.named is not None:
            # from an item that may report the period in other words but does not here: those that name it answer
            used = plan.named
            picked = self._answer(asked, asked_vec, asked_terms, index, pool, used, model, dated)
        if not _in_period(picked, plan, wants):
            # from an item that names the period only elsewhere: the items dated in it, if any, answer instead
            used, picked = plan.dated, Picked(None, [])
            if used is not None:
                picked = self._answer(asked, asked_vec, asked_terms, index, pool, used, model, dated)
                if picked.answer is not None and not scope.in_period(picked.answer, plan):
                    picked = Picked(None, [])  # a row of another year's table, though its report is dated in it
        if picked.answer is None and plan.reading is not None:  # nothing dated then answers: drop the date
            used, fell_back = plan.fallback, True
            picked = self._answer(text, qvec, terms, index, pool, used, model)
            if picked.answer is not None and (other := scope.unmentioned_period(
                    picked.answer, plan, _within(plan.first, picked), text, wants == "number")):
                picked = Picked(None, picked.passages, other)
        if picked.answer is not None and not (wants == "date" and (scope.titled_period(picked.answer, plan)
                                                                   or _published(picked.answer))) and (
            other := scope.about_other_years(picked.answer, plan, fell_back, text, wants == "number")
            or scope.about_other_part(picked.answer, plan, text, wants == "number")
        ):
            picked = Picked(None, picked.passages, other)
        answer, passages = picked.answer, picked.passages
        searched = scope.scope_of(plan, used, fell_back, len(index.row_facts().item_doc), language,
                                  answer=picked.answer)
        if searched is not None and searched.from_question and searched.undated_left_out:
            searched = self._undated_relevant(searched, used or plan.first, asked_vec, asked_terms, index, k)
        if searched is not None:
            notes = notes + searched.notes(language)
        notes = notes + language_notes
        shown = cited_shown(passages, k, answer)
        shown = with_furniture(index, shown)  # their excerpts without a page's footer and header inside a sentence
        return Result(
            question=text,
            answer=answer,
            passages=shown,
            generation=index.generation,
            seconds=time.perf_counter() - t0,
            notes=notes,
            scope=searched,
            not_found=picked.not_found,
        )

    def _route(self, text: str, index: store.Index, embedder: Embedder, progress: CompanionProgress | None):
        """(index, embedder, answer weights' identity, notes) a question is answered with: as
        given, or for a question in another language over an English-only index, the index read
        through its multilingual companion vectors, made first if this generation has none
        (qa.embed.crosslang). When they cannot be made, the question is answered through the
        English model with a note saying why: the user should not conclude the answer is absent."""
        from qa.embed import crosslang

        need = crosslang.need(self.settings, index.manifest.get("model"), text, self._multilingual_given)
        if not need.needed:
            notes = [] if need.reason is None else [_not_reached(need.language, need.reason)]
            return index, embedder, answer_identity(embedder, text), notes
        notes: list[str] = []
        try:
            view, built = self._companion(index, progress)
        except Exception as e:  # noqa: BLE001 - the English answer still stands, with the reason
            reason = f"the multilingual vectors of this index could not be prepared ({type(e).__name__}: {e})"
            return index, embedder, answer_identity(embedder, text), [_not_reached(need.language, reason)]
        if built is not None:
            made = view.manifest.get("companion", {})
            reused = f", {made['reused']} re-used from an earlier index" if made.get("reused") else ""
            notes.append(f"cross-language search was prepared for this index (once, {built:.0f} s: "
                         f"{made.get('embedded', 0)} texts embedded{reused}): later questions in other "
                         "languages are answered at once")
        multi = self._multilingual
        return view, multi, multi.identity, notes

    def _companion(self, index: store.Index, progress: CompanionProgress | None):
        """(the view of index through its companion, seconds spent making it or None if it existed)."""
        from qa.embed import crosslang
        from qa.store.companion import open_companion

        with self._prepare_lock:
            view = self._views.get(index.generation)
            if view is not None and view.base is index:
                return view, None
            if self._multilingual is None:
                self._multilingual = crosslang.make_multilingual(self.settings)
            spent = None
            view = open_companion(index, self._multilingual.identity)
            if view is None:  # this process makes it (or waits for another that is making it)
                t0 = time.perf_counter()
                view = crosslang.prepare(index, self._multilingual, self.settings, progress)
                spent = time.perf_counter() - t0
            self._views = {index.generation: view}  # one generation at a time: older views are dropped
            return view, spent

    def _undated_relevant(self, searched: Scope, selection, qvec, terms, index, k: int) -> Scope:
        """`searched`, saying nothing of the undated items the question's date left out unless one of them would
        have been among the `k` passages shown, scored at least UNDATED_NEAR of the best: a corpus's undated page
        on another topic is noise under every dated question. A date the user set in the filters is reported
        whatever the question (their choice)."""
        if selection is None or selection.undated_rows is None or selection.rows is None:
            return searched
        near = retrieve(index, qvec, terms, k, self.settings.candidates, selection.rows | selection.undated_rows)
        if any(selection.undated_rows[p.chunk.id] and p.score >= UNDATED_NEAR * near[0].score for p in near):
            return searched
        return dataclasses.replace(searched, undated_relevant=False)

    def _answer(self, text, qvec, terms, index, pool: int, selection, model: str, dated: bool = False) -> Picked:
        mask = None if selection is None else selection.rows
        passages = retrieve(index, qvec, terms, pool, self.settings.candidates, mask)
        acronym = asked_acronym(text)
        if acronym:
            passages = spelled_out(index, qvec, passages, acronym, self.settings.candidates, mask)
        # a field question about a gathering: its minutes' lines that answer, when retrieval did not bring them
        passages = minutes_passages(index, qvec, terms, passages, text, mask)
        return pick_answer(text, qvec, terms, passages, index, model, dated_scope=dated)

    def ask_within(self, question: str, doc: str, item: int | None, k: int | None = None,
                   progress: CompanionProgress | None = None) -> Result | None:
        """Answer from one document's (one news item's) passages only; None when it has none.

        For a follow-up, which is about the news item the answer before it came from."""
        k = self.settings.top_k if k is None else k
        text, notes = clean_question(question, self.settings.max_question_chars)
        index = self.index()
        ids = index.chunk_ids_in(doc, item)
        if not ids:
            return None
        mask = np.zeros(index.size, dtype=bool)
        mask[ids] = True
        t0 = time.perf_counter()
        embedder = self.embedder
        self._check_model(index)
        routed, embedder, model, language_notes = self._route(text, index, embedder, progress)
        index, terms = routed, _terms(text, routed, index)
        notes = notes + language_notes
        qvec = embedder.encode([text], role="query")[0]
        passages = retrieve(index, qvec, terms, max(k, self.settings.answer_pool), self.settings.candidates, mask=mask)
        if not passages:
            return None
        picked = pick_answer(text, qvec, terms, passages, index, model)
        answer, passages = picked.answer, picked.passages
        if answer is None or answer.span is None:
            # the item is known; what is asked for is a date, number, person or place: the item's
            # best sentence that holds one answers better than a better-scored one that does not
            answer = _typed_answer(text, qvec, terms, passages, index, model) or answer
        shown = cited_shown(passages, k, answer)
        shown = with_furniture(index, shown)  # their excerpts without a page's footer and header inside a sentence
        return Result(text, answer, shown, index.generation, time.perf_counter() - t0, notes,
                      not_found=picked.not_found if answer is None else None)

    def build(self, rebuild: bool = False, progress: BuildProgress | None = None, wait: float = 0) -> BuildReport:
        from qa.build import run_build

        return run_build(self.settings, self.embedder, rebuild=rebuild, progress=progress, wait=wait,
                         route=self._chosen, multilingual=self._multilingual)

    def ensure_index(self, progress: BuildProgress | None = None, say=print) -> BuildReport | None:
        """Open the index; when there is none (or it cannot be opened), build it first.

        What `qa serve` and `python app.py` do before serving. Returns the build's report, or
        None when an index was already there."""
        try:
            self.index()
            return None
        except store.IndexProblem:
            say(f"No usable index in {self.settings.index_dir}: indexing {self.settings.corpus_dir} first…")
        report = self.build(progress=progress)
        self.index()
        return report


def question_terms(question: str, known: Callable[[str], bool] | None = None) -> list[str]:
    """The question's terms for BM25 and the answer step; with `known` (the index's lexical vocabulary, for a
    question asked across languages through its companion vectors), its names romanised too (qa.lang.latin): an
    English text writes "Мирализода" as "Miralizoda", and no other word of the question can be found there. Only
    a romanisation the documents write is added: one they never write ("Menning" for "Manning") would count as a
    question word no passage holds."""
    terms = analyze(question)
    if known is None:
        return terms
    return terms + [t for name in names_romanised(question) if (t := _name_term(name)) and t not in terms and known(t)]


def _name_term(name: str) -> str | None:
    """A romanised name's one English term, or None when analysis makes it another word: the stemmer cuts an
    English ending off a foreign name ("Menning": "men") or a hyphen splits it ("Tayn-end-Uir": "end")."""
    stems = analyze(name, "en")
    return stems[0] if len(stems) == 1 and len(stems[0]) >= len(name) - 1 else None


def _terms(question: str, routed: store.Index, index: store.Index) -> list[str]:
    """question_terms() for a question answered from `routed`: `index` itself, or its companion view (across
    languages)."""
    return question_terms(question, None if routed is index else routed.lexical.known)


def _not_reached(language: str, reason: str) -> str:
    return (f"the question is not in English (detected: {language}) and this index is embedded with the "
            f"English model only, so it finds little here: {reason}; ask in English, or see docs/languages.md")


def cited_shown(passages: list[Passage], k: int, answer: Answer | None) -> list[Passage]:
    """The first k passages, and after them any the answer cites beyond them: its own, and its disagreement's."""
    shown = passages[:k]
    cited = [] if answer is None else [answer.passage_rank] + (
        [answer.disagreement.passage_rank] if answer.disagreement is not None else [])
    for n in sorted(set(cited)):
        if n > k:
            shown.append(passages[n - 1])  # always show a cited passage
    return shown


def _published(answer: Answer) -> bool:
    """Whether an answer is its document's publication line ("Released: 3 September 2024"): the answer to when a
    report on a period came out, dated after that period."""
    return is_publication_line(answer.sentence_text)


def _in_period(picked: Picked, plan, wants: str | None) -> bool:
    """Whether `picked` holds no answer, or one of the question's period (scope.in_period), or a when-question's
    publication line (dated after the period its report covers)."""
    if picked.answer is None:
        return True
    return (scope.in_period(picked.answer, plan, holder=wants == "person")
            or wants == "date" and _published(picked.answer))


def _within(selection, picked: Picked) -> bool:
    """Whether the passage of `picked`'s answer is one `selection` allows (None: every passage)."""
    if selection is None or selection.rows is None or picked.answer is None:
        return True
    return bool(selection.rows[picked.passages[picked.answer.passage_rank - 1].chunk.id])


def answer_identity(embedder, question: str) -> str:
    """Whose fitted answer weights answer this question: the embedder's identity, or for the
    hybrid (two models in one vector) the identity of the model that embeds this question."""
    of = getattr(embedder, "answer_identity", None)
    return of(question) if callable(of) else embedder.identity


# Answer types whose span patterns are precise; a "person" span is any run of capitalised words
# (organisations, places and titles too), so it says little about a sentence.
_PRECISE_TYPES = ("date", "number", "place")


def _typed_answer(question: str, qvec, terms: list[str], passages: list, index, model: str) -> Answer | None:
    """The best-scored sentence of the passages holding a span of the (precise) type the question
    asks for (None if it asks for none, or no sentence holds one); the span is the answer, and the
    text shown is what the answer step shows (qa.answer.shown: the sentence, cut to MAX_ANSWER_CHARS
    around the span when longer, after the sentence before when it refers back to it)."""
    qtype = question_type(question)
    if qtype not in _PRECISE_TYPES:
        return None
    fitted = fitted_for(model)
    # scored by the whole fitted sentence model (answer types and matcher included), as pick_answer does
    ranked = ranked_candidates(question, qvec, terms, passages, index, fitted.sentence)
    if not ranked:
        return None
    qwords = set(re.findall(r"\w+", question.lower()))
    for c in ranked:
        row = c.sentence
        found = typed_span(row.text, qtype, qwords, row.lang)
        if found is None:
            continue
        # its confidence: the fitted model over this sentence's evidence as the answer (the same
        # features the fit read; the pre-issue-13 abstain_features lack most of them)
        facts = evidence(question, terms, [c, *(x for x in ranked if x is not c)], passages,
                         index.idf(sorted(set(terms))), lead=lead_text(index, row))
        conf = calibrate(probability(facts, fitted.confidence, fitted.confidence_bias), fitted.calibration)
        shown = shown_answer(index, row, question, terms, MAX_ANSWER_CHARS, span=found)
        span = (row.start + found[0], row.start + found[1])
        return sentence_answer(index, row, shown, passages, c.passage.chunk.id, conf, span)
    return None
