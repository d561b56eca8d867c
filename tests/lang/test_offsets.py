"""Offsets index the file's text as Python reads it, BOM or not; legacy Russian encodings decode.

The property: for a UTF-8 file, every sentence, chunk, passage and answer is
``open(path, encoding="utf-8", newline="").read()[start:end]`` (newline="" because the stored text
is never newline-translated: a CRLF file keeps its CRs), whether the file starts with a
byte-order mark or not; and no cited text holds the mark itself.
"""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings as hsettings, strategies as st

from qa.app.service import QAService
from qa.config import Settings
from qa.ingest import decode
from qa.ingest.chunking import chunk_document, document_sentences
from qa.ingest.files import load_document
from tests.conftest import HashEmbedder

SENTENCES = [
    "The customs post at Dostyk inspected 4,200 trucks in March 2023.",
    "Officers seized 740 kg of heroin near the border.",
    "Пограничники задержали груз на посту Достык 12 марта 2023 года.",
    "В операции участвовали таможенные службы пяти государств.",
    "Семинар прошёл в Душанбе при поддержке ОБСЕ.",
]
HEADLINES = ["", "Regional Office Opens In Almaty", "Итоги совещания"]


def _file_text(path: Path) -> str:
    with open(path, encoding="utf-8", newline="") as f:
        return f.read()


@hsettings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    bom=st.booleans(),
    newline=st.sampled_from(["\n", "\r\n"]),
    paragraphs=st.lists(
        st.lists(st.sampled_from(SENTENCES), min_size=1, max_size=4).map(" ".join), min_size=1, max_size=5
    ),
    lead=st.sampled_from(["", " ", "\n", "  \n"]),
    headline=st.sampled_from(HEADLINES),
)
def test_every_sentence_and_chunk_indexes_the_file_as_python_reads_it(
    tmp_path, bom, newline, paragraphs, lead, headline
):
    path = tmp_path / "doc.txt"
    body = lead + (newline * 2).join(([headline] if headline else []) + paragraphs) + newline
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + body.encode("utf-8"))
    text = _file_text(path)
    assert text.startswith("\ufeff") == bom  # Python keeps the mark: so must we

    doc = load_document(path, tmp_path)
    assert doc.text == text
    sentences = document_sentences(doc, HashEmbedder().fits)
    chunks = chunk_document(doc, sentences)
    assert sentences and chunks
    for x in (*sentences, *chunks):
        assert text[x.start:x.end] == x.text
        assert "\ufeff" not in x.text
    assert all("\ufeff" not in item.title for item in doc.items) and "\ufeff" not in doc.title


def test_answers_and_passages_from_a_bom_file_are_verbatim(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "ru.txt").write_bytes(
        "\ufeffСовещание пограничных служб\n\nСовещание прошло в Бишкеке 12 октября 2022 года. "
        "Пограничники задержали 740 кг героина на посту Достык.\n".encode("utf-8")
    )
    (corpus / "en.txt").write_bytes(
        b"\xef\xbb\xbfCustoms cooperation\r\n\r\nThe meeting was held in Tashkent on 3 May 2021. "
        b"Officers of five states took part.\r\n"
    )
    service = QAService(Settings().with_(corpus_dir=corpus, index_dir=tmp_path / "index"), embedder=HashEmbedder())
    service.build()
    for question in ("Сколько героина задержали пограничники?", "Where was the customs meeting held?"):
        result = service.ask(question, 3)
        assert result.answer is not None
        for x in (result.answer, *(p.chunk for p in result.passages)):
            text = _file_text(corpus / x.doc)
            assert text[x.start:x.end] == x.text
        assert not result.answer.text.startswith("\ufeff")


def test_legacy_russian_encodings_decode_and_answers_index_the_decoded_text(tmp_path):
    russian = "Совещание прошло в Бишкеке 12 октября 2022 года.\nПограничники задержали груз героина."
    for codec in ("cp1251", "koi8_r"):
        assert decode(russian.encode(codec)) == russian
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "cp1251.txt").write_bytes(russian.encode("cp1251"))
    service = QAService(Settings().with_(corpus_dir=corpus, index_dir=tmp_path / "index"), embedder=HashEmbedder())
    service.build()
    answer = service.ask("Где прошло совещание?", 3).answer
    assert answer is not None and "Бишкеке" in answer.text
    # what `qa text cp1251.txt` prints, and README's check for legacy-encoded files
    stored = service.index().document_text("cp1251.txt")
    assert stored == russian and stored[answer.start:answer.end] == answer.text


def test_an_html_page_with_a_bom_is_read_like_one_without():
    from qa.ingest.files import parse_bytes

    page = (
        "<html><head><title>Совещание</title></head><body><article><h1>Совещание в Бишкеке</h1>"
        "<p>Совещание пограничных служб прошло в Бишкеке 12 октября 2022 года. В нём участвовали "
        "делегации пяти государств региона и эксперты международных организаций.</p>"
        "</article></body></html>"
    )
    plain = parse_bytes("a.html", page.encode("utf-8"))
    marked = parse_bytes("a.html", b"\xef\xbb\xbf" + page.encode("utf-8"))
    assert marked.text == plain.text and "Бишкеке" in marked.text and "\ufeff" not in marked.text
