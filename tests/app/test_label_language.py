"""A citation's label writes its date in the language of the document it names: a Russian news page's story is
"Новости ЦАРИКЦ, 12 марта 2024 — …", not "…, 12 Mar 2024 — …", in the shell, the web reply, its sources list and
the source view; the JSON keeps the ISO date a program reads."""

from __future__ import annotations

import html
import re

import pytest

from qa.app.chat import Conversation
from qa.app.cli import render_short, render_text

RU_NEWS = (
    "Источник: ЦАРИКЦ\n\n"
    "12 марта 2024 г. на посту «Айвадж» сотрудники таможни задержали грузовой автомобиль из Афганистана. "
    "В тайнике нашли 40 кг гашиша.\n\n"
    "3 апреля 2024 г. в Алматы состоялось совещание руководителей подразделений по борьбе с наркотиками. "
    "Совещание открыл директор регионального центра.\n"
)
EN_NEWS = (
    "Source: CARICC\n\n"
    "On 12 March 2024 customs officers stopped a truck coming from Afghanistan at the Aivaj post. "
    "A cache held 40 kg of hashish.\n\n"
    "On 3 April 2024 a meeting of the heads of counter-narcotics units took place in Almaty. "
    "The director of the regional centre opened the meeting.\n"
)


@pytest.fixture
def chat(chat_over):
    return chat_over({"novosti.txt": RU_NEWS, "news.txt": EN_NEWS})


def text_of(fragment: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", fragment))


def test_a_russian_storys_label_writes_its_date_in_russian_in_the_shell(chat):
    result = chat.service.ask("Сколько гашиша нашли в тайнике на посту «Айвадж»?", 3)
    assert result.answer is not None and result.answer.doc == "novosti.txt"
    out = render_text(result)
    russian = [line for line in out.splitlines() if "novosti.txt" in line]
    assert russian and all("Новости ЦАРИКЦ, " in line and " 2024 — " in line for line in russian)
    assert "Новости ЦАРИКЦ, 12 марта 2024 — " in out and "Новости ЦАРИКЦ, 12 Mar" not in out
    assert "Новости ЦАРИКЦ, 12 марта 2024 — " in render_short(result)
    # an English story beside it keeps English words, and the JSON its ISO date
    english = [line for line in out.splitlines() if "news.txt" in line]
    assert all("CARICC news, " in line and "Mar 2024" in line for line in english)
    assert result.to_json()["answer"]["date"] == "2024-03-12"


def test_a_russian_storys_label_writes_its_date_in_russian_on_the_web(chat):
    out = chat.ask_api("Сколько гашиша нашли в тайнике на посту «Айвадж»?", 3)
    assert out["answer"]["doc"] == "novosti.txt" and out["answer"]["date"] == "2024-03-12"
    reply = text_of(out["reply_html"])
    assert "Новости ЦАРИКЦ, 12 марта 2024 — " in reply and "Новости ЦАРИКЦ, 12 Mar" not in reply
    assert 'title="2024-03-12"' in out["reply_html"]  # the tooltip keeps the ISO date
    conv = Conversation()
    turn = chat.ask(conv, "Сколько гашиша нашли в тайнике на посту «Айвадж»?", 3)
    source = text_of(chat.source_html(conv, 0, turn.answer.passage_rank))
    assert "Новости ЦАРИКЦ, 12 марта 2024 — " in source
    labels = [label for label, _ in chat.source_choices(conv)]
    assert any("Новости ЦАРИКЦ, 12 марта 2024 — " in label for label in labels)
    assert any("CARICC news, 12 Mar 2024 — " in label for label in labels)
    # the other story, among the reply's sources (the reply itself lists only the likely ones: render.SOURCE_FLOOR)
    assert any("Новости ЦАРИКЦ, 3 апреля 2024 — " in label for label in labels)


def test_a_month_grain_is_written_as_a_russian_heading_names_a_month():
    from qa.app.render import main_label

    assert main_label("Отчёт о работе центра", "2024-03") == "Отчёт о работе центра (март 2024)"
    assert main_label("Report of the centre", "2024-03") == "Report of the centre (Mar 2024)"
