"""A report is dated by the day it came out and is about the period its title names (qa.filters.mentions.items_titled,
qa.answer.types.type_features). Invented documents and questions."""

from __future__ import annotations

HALF_YEAR = "\n".join([
    "Half-Year Report on Drug Seizures in the Skarn Region, January–June 2031",
    "Reporting period: 1 January – 30 June 2031",
    "Published: 29 August 2031",
    "In the first half of 2031 the agencies of the five states of the region seized 9,874 kg of narcotic drugs.",
    "",
    "Country | Heroin (kg) | Opium (kg) | Hashish (kg)",
    "Ostravia | 96 | 12 | 2,310",
    "Velania | 41 | 205 | 1,122",
    "Wenland | 618 | 734 | 1,389",
    "",
    "Seizures of hashish grew most in Velania.",
])
ANNUAL = "\n".join([
    "Годовой отчёт о незаконном обороте наркотиков в регионе Скарн за 2030 год",
    "Отчётный период: 1 января – 31 декабря 2030 г.",
    "Дата публикации: 15 марта 2031 г.",
    "В 2030 году компетентными органами изъято 18 452 кг наркотических средств.",
    "",
    "Страна | Героин, кг | Опий, кг | Гашиш, кг",
    "Остравия | 203 | 31 | 4 870",
    "Велания | 88 | 402 | 2 016",
    "Уэнланд | 1 274 | 1 530 | 2 455",
    "",
    "Наибольший объём изъятий героина по-прежнему приходится на Уэнланд.",
])
NEWS = ("Harbour agencies open a new scanner\n\nWENLOW, {} — The harbour agencies of the Skarn region opened a new "
        "scanner for lorries and containers at the Wenlow ferry terminal.\n")


def test_a_report_published_after_its_period_answers_for_the_period_its_title_names(invented_service):
    # dated by their publication lines (August 2031, March 2031), the half-year report on January–June 2031 had been
    # left out of the items dated in that half, and the 2030 report's row clashed with "… in 2030?"
    service = invented_service({"half_year_2031.txt": HALF_YEAR, "annual_2030.txt": ANNUAL,
                                "news_a.txt": NEWS.format("3 May 2031"), "news_b.txt": NEWS.format("9 May 2030"),
                                "news_c.txt": NEWS.format("12 April 2031")})
    answer = service.ask("How much hashish did Velania seize in the first half of 2031?").answer
    assert answer is not None and "1,122" in answer.text
    answer = service.ask("Сколько опия изъяла Велания в 2030 году?").answer
    assert answer is not None and "402" in answer.text
    assert answer.date == "2031-03-15"  # the report's citation shows the day it came out


BULLETIN = """<html><head><title>Skarn Harbour Bulletin No. 2 (2031)</title></head><body>
<h1>Skarn Harbour Bulletin No. 2 (2031)</h1>
<p>Released: 3 September 2031</p>
<p>This bulletin covers the second quarter of 2031 (1 April – 30 June 2031).</p>
<h2>Overview</h2>
<p>During the second quarter of 2031 the harbour agencies reported 1 386 seizure cases.</p>
<p>Heroin seizures fell to 402 kg, from 479 kg in the first quarter.</p>
</body></html>"""


def test_when_a_bulletin_on_a_quarter_came_out_is_its_release_line(invented_service):
    # the "Released:" line under the title had dated the bulletin and was no sentence of it; once it was, it lay
    # after the quarter the question names and was dropped for an answer of that quarter
    service = invented_service({"bulletin.html": BULLETIN, "news_a.txt": NEWS.format("3 May 2031")})
    answer = service.ask("When was the harbour bulletin on the second quarter of 2031 released?").answer
    assert answer is not None and answer.text == "Released: 3 September 2031"
    assert answer.date == "2031-09-03"
    answer = service.ask("How much heroin was seized in the second quarter of 2031?").answer
    assert answer is not None and "402 kg" in answer.text
