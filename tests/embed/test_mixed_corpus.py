"""A corpus of English and Russian documents: indexed with the multilingual model (chosen
automatically, and said so), and a question in either language is answered from a document in
the other, verbatim in that document's language. An English-only corpus gets the hybrid: English
questions on the English model, Russian ones on the multilingual model. Small invented
documents; the real models (slow)."""

from __future__ import annotations

from pathlib import Path

import pytest

from qa.app.service import QAService
from qa.build import run_build
from qa.config import Settings
from qa.embed.choose import MULTILINGUAL_IDENTITY, hybrid_identity

ENGLISH = {
    "harbour.txt": "Port Ellery harbour news\n\nThe new customs post at Port Ellery opened in March 2019. "
    "It was built by the engineering firm Calder and Voss. Forty inspectors work there in two shifts.\n",
    "orchard.txt": "Valley orchard report\n\nThe apple harvest in the Morrow valley reached 12,000 tonnes this year. "
    "Most of the fruit was sold to juice makers in the north.\n",
    "railway.txt": "Railway works\n\nThe old railway bridge over the Tamsin river was closed for repairs in the autumn. "
    "Trains now run on a temporary line to the east of the town.\n",
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


@pytest.mark.slow
def test_a_mixed_corpus_is_answered_across_languages(tmp_path):
    corpus = tmp_path / "corpus"
    _write(corpus, {**ENGLISH, **RUSSIAN})
    settings = Settings().with_(corpus_dir=corpus, index_dir=tmp_path / "index")
    report = run_build(settings)
    assert report.model == MULTILINGUAL_IDENTITY
    assert "non-English" in report.summary() and "ru" in report.model_reason

    service = QAService(settings)  # loads the model the index was built with
    answer = _ask(service, "Who was appointed director of the dog training centre in Bishkek?")
    assert answer.doc == "kinology.txt"
    assert "Айбек Осмонов" in answer.text  # verbatim, in the document's language
    text = (corpus / answer.doc).read_text(encoding="utf-8")
    assert text[answer.start : answer.end] == answer.text

    answer = _ask(service, "Какая фирма построила таможенный пост в Порт-Эллери?")
    assert answer.doc == "harbour.txt"
    assert "Calder and Voss" in answer.text

    answer = _ask(service, "Сколько собак обучают в центре каждый год?")  # and within Russian
    assert answer.doc == "kinology.txt" and "шестьдесят" in answer.text


@pytest.mark.slow
def test_an_english_corpus_answers_russian_questions_and_switches_when_russian_arrives(tmp_path):
    corpus = tmp_path / "corpus"
    _write(corpus, ENGLISH)
    settings = Settings().with_(corpus_dir=corpus, index_dir=tmp_path / "index")
    service = QAService(settings)
    report = service.build()
    assert report.model == hybrid_identity(settings) and "every item is in English" in report.model_reason
    assert _ask(service, "Who built the customs post at Port Ellery?").doc == "harbour.txt"
    answer = _ask(service, "Когда закрыли старый железнодорожный мост?")  # Russian question, English text
    assert answer.doc == "railway.txt" and "bridge" in answer.text

    _write(corpus, {"kinology.txt": RUSSIAN["kinology.txt"]})
    report = service.build()
    assert report.model == MULTILINGUAL_IDENTITY and report.full_rebuild
    # the running service follows the new index's model between questions
    answer = _ask(service, "Who is the director of the training centre for dog handlers?")
    assert answer.doc == "kinology.txt" and "Осмонов" in answer.text

    (corpus / "kinology.txt").unlink()
    assert service.build().model == hybrid_identity(settings)  # English-only again


CP1251_NEWS = (
    "Новости таможенной службы\n\n"
    "12 мая 2022 года на пограничном посту Кордай таможенники задержали грузовик с гашишем. "
    "В кузове под партией арбузов нашли 420 килограммов гашиша. "
    "Операцией руководил майор Ерлан Сейткали.\n"
)


@pytest.mark.slow
def test_a_cp1251_russian_file_in_the_bundled_corpus_answers_an_english_question(corpus_copy, tmp_path):
    (corpus_copy / "kordai.txt").write_bytes(CP1251_NEWS.encode("cp1251"))
    settings = Settings().with_(corpus_dir=corpus_copy, index_dir=tmp_path / "index")
    assert run_build(settings).model == MULTILINGUAL_IDENTITY
    answer = _ask(QAService(settings), "How many kilograms of hashish were found under the watermelons?")
    assert answer.doc == "kordai.txt"
    assert "420 килограммов гашиша" in answer.text  # in Russian, as the file has it
    assert CP1251_NEWS[answer.start : answer.end] == answer.text  # offsets index the decoded text
