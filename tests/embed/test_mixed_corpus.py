"""A corpus of English and Russian documents: indexed with the multilingual model (chosen
automatically, and said so), and a question in either language finds the passage that answers it
in the other language, cited verbatim in that document's language; answers within one language.
An English-only corpus keeps the English model, and its first Russian question adds the
multilingual model's vectors once; with QA_MULTILINGUAL=hybrid it gets the hybrid at build time:
English questions on the English model, Russian ones on the multilingual model. Small invented documents; the real
models (slow).

Known gaps (docs/languages.md), marked xfail(strict): they fail as soon as they are fixed, to be
turned into plain tests. Across languages the answer sentence is chosen by the dense score alone
(no lexical evidence crosses a language), which can miss a sentence that refers back ("It was
built by ..."), and lose to a sentence in the question's language that shares several of its words
(one shared word no longer wins since the thirty-seventh session, docs/languages.md); and in a corpus of English news
with one Russian file on the same subject, e5-small ranks English text above the Russian answer to an English
question."""

from __future__ import annotations

from pathlib import Path

import pytest

from qa.app.service import QAService
from qa.build import run_build
from qa.config import Settings
from qa.embed.choose import MULTILINGUAL_IDENTITY, english_identity, hybrid_identity

ENGLISH = {
    "harbour.txt": "Port Ellery harbour news\n\nThe new customs post at Port Ellery opened in March 2019. "
    "It was built by the engineering firm Calder and Voss. Forty inspectors work there in two shifts.\n",
    "orchard.txt": "Valley orchard report\n\nThe apple harvest in the Morrow valley reached 12,000 tonnes this year. "
    "Most of the fruit was sold to juice makers in the north.\n",
    "railway.txt": "Railway works\n\nThe old railway bridge over the Tamsin river was closed for repairs in the "
    "autumn. Trains now run on a temporary line to the east of the town.\n",
}
RUSSIAN = {
    "kinology.txt": "Новости кинологической службы\n\nУчебный центр кинологов открылся в Бишкеке в 2021 году. "
    "Директором центра назначен Айбек Осмонов. Каждый год здесь обучают шестьдесят служебных собак.\n",
    "festival.txt": "Городской фестиваль\n\nЛетом в Караколе прошёл фестиваль народной музыки. "
    "На сцену вышли более двухсот исполнителей из пяти стран.\n",
    "weather.txt": "Погода в горах\n\nВ январе на перевале Торугарт выпало рекордное количество снега. "
    "Дорогу закрывали на четыре дня.\n",
}


def _write(folder: Path, docs: dict[str, str]) -> None:
    folder.mkdir(exist_ok=True)
    for name, text in docs.items():
        (folder / name).write_text(text, encoding="utf-8")


def _ask(service: QAService, question: str):
    result = service.ask(question)
    assert result.answer is not None, question
    return result.answer


def _top(service: QAService, question: str, corpus: Path, encoding: str = "utf-8"):
    """The first passage, checked verbatim against its file (plain-text files only)."""
    passage = service.ask(question).passages[0]
    text = (corpus / passage.doc).read_bytes().decode(encoding)
    assert text[passage.chunk.start : passage.chunk.end] == passage.chunk.text
    return passage


@pytest.fixture(scope="module")
def mixed(tmp_path_factory):
    root = tmp_path_factory.mktemp("mixed")
    corpus = root / "corpus"
    _write(corpus, {**ENGLISH, **RUSSIAN})
    settings = Settings().with_(corpus_dir=corpus, index_dir=root / "index")
    report = run_build(settings)
    return corpus, report, QAService(settings)  # the service loads the model the index records


@pytest.mark.slow
def test_a_mixed_corpus_is_indexed_with_the_multilingual_model_and_says_why(mixed):
    _, report, _ = mixed
    assert report.model == MULTILINGUAL_IDENTITY
    assert "non-English items (3 en, 3 ru)" in report.summary()


@pytest.mark.slow
def test_a_mixed_corpus_finds_passages_across_languages(mixed):
    corpus, _, service = mixed
    top = _top(service, "Who was appointed director of the dog training centre in Bishkek?", corpus)
    assert top.doc == "kinology.txt" and "Айбек Осмонов" in top.chunk.text  # Russian, as the file has it
    top = _top(service, "Какая фирма построила таможенный пост в Порт-Эллери?", corpus)
    assert top.doc == "harbour.txt" and "Calder and Voss" in top.chunk.text


@pytest.mark.slow
def test_a_mixed_corpus_stores_each_passages_language_and_retrieval_reads_it(mixed, monkeypatch):
    """Store format 3: each chunk's language is detected when it is indexed; at question time the
    cross-language offset reads it, so no chunk text goes through the detector."""
    import qa.lang.detection

    corpus, _, service = mixed
    index = service.index()
    rows = index.chunks(list(range(index.size)))
    stored = dict(zip((r.doc for r in rows), index.chunk_languages([r.id for r in rows])))
    assert stored == {**dict.fromkeys(ENGLISH, "en"), **dict.fromkeys(RUSSIAN, "ru")}
    chunk_texts = {r.text for r in rows}
    real = qa.lang.detection.detect

    def guarded(text, default=None):
        assert text not in chunk_texts, f"a chunk's language detected at question time: {text[:50]!r}"
        return real(text, default)

    monkeypatch.setattr(qa.lang.detection, "detect", guarded)
    top = _top(service, "Who was appointed director of the dog training centre in Bishkek?", corpus)
    assert top.doc == "kinology.txt"


@pytest.mark.slow
def test_a_mixed_corpus_answers_within_a_language(mixed):
    corpus, _, service = mixed
    answer = _ask(service, "Which engineering firm built the new customs post at Port Ellery?")
    assert answer.doc == "harbour.txt"
    assert (corpus / answer.doc).read_text(encoding="utf-8")[answer.start : answer.end] == answer.text


@pytest.mark.slow
def test_a_mixed_corpus_answers_an_english_question_from_russian_text(mixed):
    """The answer model fitted for e5 (qa/answer/fitted_e5.py) answers across languages; the one
    fitted on MiniLM and English said "not found" here."""
    corpus, _, service = mixed
    answer = _ask(service, "Who was appointed director of the dog training centre in Bishkek?")
    assert answer.doc == "kinology.txt" and "Айбек Осмонов" in answer.text
    assert (corpus / answer.doc).read_text(encoding="utf-8")[answer.start : answer.end] == answer.text


@pytest.mark.slow
def test_an_english_question_over_russian_text_is_answered_though_none_of_its_words_are_there(mixed):
    """The gate knows when the answer is in another language than the question (qa.answer.evidence's
    "cross"): none of the question's words can be in it, so that is no sign of "not found". Before, the
    gate read it as one and refused this question."""
    _, _, service = mixed
    answer = _ask(service, "For how many days was the road to the Torugart pass closed?")
    assert answer.doc == "weather.txt" and "четыре дня" in answer.text


# a date asked at a finer grain than the documents give it, in Russian and across languages, and its twin at the
# grain they give: before the date rule read Russian, the coarser sentence was given as the answer
DATES = [
    ("В каком месяце открылся учебный центр кинологов в Бишкеке?", "Лучший фрагмент не называет месяц.",
     "В каком году открылся учебный центр кинологов в Бишкеке?", "в 2021 году"),
    ("Какого числа на перевале Торугарт выпал рекордный снег?", "Лучший фрагмент не называет день.",
     "В каком месяце на перевале Торугарт выпал рекордный снег?", "В январе"),
    ("Какого числа открылся новый таможенный пост в Порт-Эллери?", "Лучший фрагмент не называет день.",
     "В каком месяце открылся новый таможенный пост в Порт-Эллери?", "March 2019"),
]


@pytest.mark.slow
@pytest.mark.parametrize(("finer", "why", "given", "date"), DATES)
def test_a_russian_question_asking_a_finer_date_than_the_documents_give_is_not_found_and_says_why(
    mixed, finer, why, given, date,
):
    _, _, service = mixed
    result = service.ask(finer)
    assert result.answer is None and result.not_found == why
    assert date in _ask(service, given).text


@pytest.mark.slow
def test_a_russian_count_written_as_a_word_answers_a_how_many_question(mixed):
    # the count rule (a how-many question no candidate counts is "not found") must read "шестьдесят" as a number
    _, _, service = mixed
    answer = _ask(service, "Сколько служебных собак обучают в центре кинологов каждый год?")
    assert answer.doc == "kinology.txt" and "шестьдесят служебных собак" in answer.text


@pytest.mark.slow
@pytest.mark.xfail(strict=True, reason="across languages the sentence is chosen by the dense score alone, "
                   "which prefers the sentence naming the post to the one saying who built 'it' (docs/languages.md)")
def test_a_mixed_corpus_answers_a_russian_question_from_english_text(mixed):
    _, _, service = mixed
    answer = _ask(service, "Какая фирма построила таможенный пост в Порт-Эллери?")
    assert answer.doc == "harbour.txt" and "Calder and Voss" in answer.text


# Two prices, one per language: each question's own language holds a sentence sharing its verb ("стоит",
# "cost") that prices something else
PRICES = {
    "water.txt": "Northbridge Water Authority: Annual Report 2023\n\n"
    "The Chief Executive Officer, Mark Delaney, presented the report to the board. "
    "In 2023 the authority supplied water to 412,000 residents across the county.\n\n"
    "Infrastructure projects\n\nThe new pipeline from Redmond to Ashford is 37 kilometres long. "
    "The pipeline cost 12.4 million pounds and was completed on 2 October 2023. "
    "The project was led by the Chief Engineer, Dr. Helen Marsh.\n\n"
    "Operations\n\nThe treatment plant in Ashford processes 95,000 cubic metres of water per day. "
    "The authority employs 640 staff, including 85 apprentices.\n",
    "museum.txt": "В Новосибирске открылся музей науки\n\n20 ноября 2023 года в Новосибирске открылся новый музей "
    "науки. Директором музея назначена Елена Павловна Орлова. Площадь музея составляет 4500 квадратных метров. "
    "Входной билет стоит 350 рублей. Строительство музея заняло два года.\n",
    "orchard.txt": ENGLISH["orchard.txt"],
    "weather.txt": RUSSIAN["weather.txt"],
}


@pytest.fixture(scope="module")
def priced(tmp_path_factory):
    root = tmp_path_factory.mktemp("priced")
    _write(root / "corpus", PRICES)
    settings = Settings().with_(corpus_dir=root / "corpus", index_dir=root / "index")
    run_build(settings)
    return QAService(settings)


@pytest.mark.slow
def test_a_sentence_in_the_other_language_is_scored_without_e5s_language_offset(priced):
    # e5 scores the question's own language higher whatever it says; retrieval takes that offset off a passage's
    # score, and the answer step off a sentence's, so the English pipeline sentence competes on what it says
    from qa.answer import sentence_features
    from qa.lang import analyze
    from qa.retrieve import retrieve

    question = "Сколько стоил новый трубопровод?"
    index = priced.index()
    qvec = priced.embedder.encode([question], role="query")[0]
    terms = analyze(question)
    feats = sentence_features(question, qvec, terms, retrieve(index, qvec, terms, 5), index)
    raw = {row.id: float(index.sentence_vectors[row.id] @ qvec) for row, _, _ in feats}
    english = [(row, f) for row, _, f in feats if row.lang == "en"]
    russian = [(row, f) for row, _, f in feats if row.lang == "ru"]
    assert english and russian
    assert all(f["dense"] == pytest.approx(raw[row.id]) for row, f in russian)
    assert all(f["dense"] > raw[row.id] + 0.01 for row, f in english)


@pytest.mark.slow
def test_an_answer_in_the_other_language_beats_a_sentence_of_the_questions_language_that_shares_a_word(priced):
    # the Russian museum sentence shares "стоит" with the question; the English pipeline sentence was behind it by
    # e5's language offset still held in the uncentred cosine (docs/languages.md, "The thirty-seventh session")
    answer = _ask(priced, "Сколько стоил новый трубопровод?")
    assert answer.doc == "water.txt" and "12.4 million pounds" in answer.text


@pytest.mark.slow
def test_an_english_question_about_a_russian_price_gets_it_over_an_english_sentence_that_shares_a_word(priced):
    answer = _ask(priced, "How much does a ticket to the science museum cost?")
    assert answer.doc == "museum.txt" and "350 рублей" in answer.text


@pytest.mark.slow
def test_an_english_corpus_finds_english_text_for_russian_questions_and_switches_when_russian_arrives(tmp_path):
    corpus = tmp_path / "corpus"
    _write(corpus, ENGLISH)
    settings = Settings().with_(corpus_dir=corpus, index_dir=tmp_path / "index", multilingual="hybrid")
    service = QAService(settings)
    report = service.build()
    assert report.model == hybrid_identity(settings) and "every item is in English" in report.model_reason
    assert _ask(service, "Which firm built the customs post at Port Ellery?").doc == "harbour.txt"
    top = _top(service, "Когда закрыли старый железнодорожный мост?", corpus)  # Russian question, English text
    assert top.doc == "railway.txt" and "bridge" in top.chunk.text

    _write(corpus, {"kinology.txt": RUSSIAN["kinology.txt"]})
    report = service.build()
    assert report.model == MULTILINGUAL_IDENTITY and report.full_rebuild
    # the running service follows the new index's model between questions
    top = _top(service, "Who was appointed director of the dog training centre in Bishkek?", corpus)
    assert top.doc == "kinology.txt" and "Осмонов" in top.chunk.text

    (corpus / "kinology.txt").unlink()
    assert service.build().model == hybrid_identity(settings)  # English-only again


@pytest.mark.slow
def test_by_default_an_english_corpus_keeps_the_english_model_until_russian_arrives(tmp_path):
    corpus = tmp_path / "corpus"
    _write(corpus, ENGLISH)
    settings = Settings().with_(corpus_dir=corpus, index_dir=tmp_path / "index")
    service = QAService(settings)
    report = service.build()
    assert report.model == english_identity(settings) and "QA_CROSS_LANGUAGE" in report.model_reason
    assert _ask(service, "Which firm built the customs post at Port Ellery?").doc == "harbour.txt"

    _write(corpus, {"kinology.txt": RUSSIAN["kinology.txt"]})
    report = service.build()  # the service chose its model: the corpus's languages may change it
    assert report.model == MULTILINGUAL_IDENTITY and report.full_rebuild
    top = _top(service, "Who was appointed director of the dog training centre in Bishkek?", corpus)
    assert top.doc == "kinology.txt" and "Осмонов" in top.chunk.text

    (corpus / "kinology.txt").unlink()
    assert service.build().model == english_identity(settings)
    assert _ask(service, "Which firm built the customs post at Port Ellery?").doc == "harbour.txt"


@pytest.mark.slow
def test_by_default_a_russian_question_over_an_english_corpus_gets_the_multilingual_vectors_once(tmp_path):
    """Default settings: the English build stays MiniLM-only; the first Russian question makes the
    e5 vectors of the index's text (once), later questions and processes re-use them."""
    from qa.store.companion import PREFIX

    corpus = tmp_path / "corpus"
    _write(corpus, ENGLISH)
    settings = Settings().with_(corpus_dir=corpus, index_dir=tmp_path / "index")
    service = QAService(settings)
    assert service.build().model == english_identity(settings)
    assert not list((tmp_path / "index").glob(f"gen-*/{PREFIX}*"))  # the build made no e5 vectors
    first = service.ask("Когда закрыли старый железнодорожный мост?")  # Russian question, English text
    assert first.passages[0].doc == "railway.txt" and any("prepared for this index" in n for n in first.notes)
    assert len(list((tmp_path / "index").glob(f"gen-*/{PREFIX}*"))) == 1
    again = QAService(settings)  # as a second `qa ask` process would
    result = again.ask("Сколько тонн яблок собрали в долине Морроу в этом году?")
    assert result.answer is not None and result.answer.doc == "orchard.txt" and "12,000 tonnes" in result.answer.text
    assert not any("prepared" in n for n in result.notes)
    assert _ask(again, "Which firm built the customs post at Port Ellery?").doc == "harbour.txt"


CP1251_NEWS = (
    "Новости таможенной службы\n\n"
    "12 мая 2022 года на пограничном посту Кордай таможенники задержали грузовик с гашишем. "
    "В кузове под партией арбузов нашли 420 килограммов гашиша. "
    "Операцией руководил майор Ерлан Сейткали.\n"
)
QUESTION = "How many kilograms of hashish were found under the watermelons?"


@pytest.fixture(scope="module")
def bundled_with_cp1251(tmp_path_factory):
    import shutil

    from conftest import CORPUS

    root = tmp_path_factory.mktemp("cp1251")
    corpus = root / "corpus"
    shutil.copytree(CORPUS, corpus)
    (corpus / "kordai.txt").write_bytes(CP1251_NEWS.encode("cp1251"))
    settings = Settings().with_(corpus_dir=corpus, index_dir=root / "index")
    assert run_build(settings).model == MULTILINGUAL_IDENTITY
    return corpus, QAService(settings)


@pytest.mark.slow
def test_a_cp1251_russian_file_in_the_bundled_corpus_is_found_from_an_english_question(bundled_with_cp1251):
    corpus, service = bundled_with_cp1251
    top = _top(service, QUESTION, corpus, encoding="cp1251")  # offsets index the decoded text
    assert top.doc == "kordai.txt" and "420 килограммов гашиша" in top.chunk.text


@pytest.mark.slow
def test_a_cp1251_russian_file_in_the_bundled_corpus_answers_an_english_question(bundled_with_cp1251):
    corpus, service = bundled_with_cp1251
    answer = _ask(service, QUESTION)
    assert answer.doc == "kordai.txt" and "420 килограммов гашиша" in answer.text
    assert CP1251_NEWS[answer.start : answer.end] == answer.text
