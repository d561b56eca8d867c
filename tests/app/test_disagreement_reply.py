"""When two documents give different figures for what was asked, the reply says so, with both dates (end to end on
invented documents: qa.answer.disagreement, rendered by the CLI, `--json` and the web reply)."""

from __future__ import annotations

import pytest

NEWS = ("Customs officers seize cocoa paste at Wenlow pier\n\nWenlow, 16 March 2023\n\n"
        "Officers of the Wenlow Customs Office seized 412 kilograms of cocoa paste hidden in a lorry of dried figs at "
        "the Wenlow pier on 14 March 2023. The driver was detained. The lorry was travelling from Tarrow to Skarn.\n")


def report(figure: str) -> str:
    return ("Harbour Liaison Offices: annual report 2023\n\nSkarn, 29 February 2024\n\n"
            "The liaison offices at four harbours exchanged information on 310 lorries in 2023. "
            f"The largest single seizure reported in 2023 was {figure} of cocoa paste (net weight) at the Wenlow pier "
            "on 14 March 2023. The offices trained 80 officers.\n")


QUESTION = "How much cocoa paste was seized at the Wenlow pier?"


@pytest.mark.slow
def test_the_reply_says_another_document_gives_another_figure_and_which_is_newer(invented_service):
    from qa.app.cli import render_short, render_text
    from qa.app.render import render_reply

    service = invented_service({"news.txt": NEWS, "report.txt": report("398 kg")})
    r = service.ask(QUESTION, 3)
    a = r.answer
    assert a is not None and a.doc == "news.txt" and "412 kilograms" in a.text
    d = a.disagreement
    assert d is not None and d.doc == "report.txt" and d.value.startswith("398 kg") and d.newer == "other"
    assert any(p.rank == d.passage_rank and p.doc == "report.txt" for p in r.passages)  # its citation works
    lines = render_text(r).splitlines()
    assert ("Another document says otherwise: 398 kg of cocoa (29 Feb 2024, newer than the answer's 16 Mar 2023)"
            in lines)
    assert any(line.startswith(f"  [{d.passage_rank}] ") and "report.txt" in line for line in lines)
    assert "Another document says otherwise: 398 kg" in render_short(r)
    js = r.to_json()["answer"]["disagreement"]
    assert js["value"].startswith("398 kg") and js["date"] == "2024-02-29" and js["n"] == d.passage_rank
    html = render_reply(1, a, [])
    assert ('class="qa-disagree"' in html and "<mark><strong>398 kg" in html
            and f'data-cite="1:{d.passage_rank}"' in html)


@pytest.mark.slow
def test_documents_that_agree_or_one_that_states_its_figure_twice_give_no_note(invented_service):
    service = invented_service({"news.txt": NEWS, "report.txt": report("412 kg")})
    a = service.ask(QUESTION, 3).answer
    assert a is not None and "412" in a.text and a.disagreement is None
    twice = NEWS + ("\nThe 412 kilograms of cocoa paste seized at the Wenlow pier were the largest seizure of the "
                    "year.\n")
    a = invented_service({"news.txt": twice}).ask(QUESTION, 3).answer
    assert a is not None and a.disagreement is None


@pytest.mark.slow
def test_a_figure_of_another_unit_is_no_disagreement(invented_service):
    service = invented_service({"news.txt": NEWS, "report.txt": report("0.4 tonnes")})
    a = service.ask(QUESTION, 3).answer
    assert a is not None and "412 kilograms" in a.text and a.disagreement is None


def test_the_shells_note_of_another_value_is_worded_in_the_questions_language():
    # a Russian question's reply had "Another document says otherwise" and "in:" under "Ответ:"
    from types import SimpleNamespace

    from qa.app.cli import render_short, render_text

    other = SimpleNamespace(value="398 кг", date="2024-02-29", newer="other", marked_text="… изъято 398 кг …",
                            passage_rank=2, doc="report.txt", title="Отчёт", date_label=None, page=None, start=10,
                            end=40, doc_title=None)
    answer = SimpleNamespace(text="Изъято 412 кг.", marked_text="Изъято **412 кг**.", span_text="412 кг", header=None,
                             score=0.7, passage_rank=1, doc="news.txt", title="Новости", date="2023-03-16", page=None,
                             start=0, end=14, disagreement=other, doc_title=None)
    result = SimpleNamespace(question="Сколько изъято пасты какао на причале?", answer=answer, passages=[], notes=[],
                             scope=None, not_found=None)
    text = render_text(result)
    assert "В другом документе сказано иначе: 398 кг (29 февраля 2024, позже, чем в ответе: 16 марта 2023)" in text
    assert "  в: … изъято 398 кг …" in text and "символы 10-40" in text
    assert "Another document" not in text and "  in: " not in text and "chars" not in text
    assert "В другом документе сказано иначе: 398 кг" in render_short(result)
