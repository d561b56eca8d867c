"""Asked in English of a Russian page and an English release, invented: the sentence that states when something starts
and who teaches at a seminar, not the news of the agreement or who takes part; and experts of another nationality
than the asked one are "not found" (qa.answer.asked_marks, qa.answer.country_swaps, qa.lang.countries)."""

from __future__ import annotations

import pytest


PILOT_RELEASE = (
    "Varnia and Ostland to screen road cargo jointly\n\n"
    "Tarsk, 20 November 2025\n\n"
    "The Customs Service of Varnia and the Revenue Agency of Ostland today agreed to screen road cargo jointly at the "
    "Tarsk–Velm border crossing. Under the agreement, the two services will exchange electronic pre-arrival "
    "information on every truck crossing the border. The pilot will start on 1 March 2026 and last four months. "
    "About 900 trucks cross at Tarsk–Velm every day.\n"
)
SEMINAR_PAGE = (
    "Passenger profiling seminar in Tarsk\n\n"
    "20 November 2025\n\n"
    "From 3 to 5 March 2026 the OSCE Centre in Tarsk, together with the Customs Service of Varnia, will hold a seminar "
    "in Tarsk on using advance passenger information to detect drug couriers. The seminar will bring together 25 "
    "officers of the customs and border services of Varnia working at Tarsk International Airport. The training "
    "sessions will be run by experts of the Irish Revenue Commissioners and the World Customs Organization. Special "
    "attention will be paid to flights from Rovno and Dubai.\n"
)
SEMINAR_PAGE_RU = (
    "Семинар по профилированию авиапассажиров в Тарске\n\n"
    "20 ноября 2025 года\n\n"
    "С 3 по 5 марта 2026 года в Тарске Центр ОБСЕ совместно с Таможенной службой Варнии проведёт семинар по "
    "профилированию авиапассажиров для выявления курьеров наркотиков. В семинаре примут участие 25 сотрудников "
    "таможенной и пограничной служб Варнии, работающих в международном аэропорту Тарска. Занятия проведут эксперты "
    "Таможенной администрации Ирландии и Всемирной таможенной организации. Особое внимание будет уделено рейсам из "
    "Ровно и Дубая.\n"
)


@pytest.fixture(scope="module")
def seminar_service(invented_service):
    return invented_service({"pilot_release.txt": PILOT_RELEASE, "seminar_tarsk.txt": SEMINAR_PAGE,
                             "seminar_tarsk_ru.txt": SEMINAR_PAGE_RU})


@pytest.mark.slow
def test_the_answer_states_the_asked_phase_and_who_teaches(seminar_service):
    answer = seminar_service.ask("When does the Tarsk–Velm road cargo screening pilot begin?").answer
    assert answer is not None and "1 March 2026" in answer.text
    # who runs the sessions, not who hosts the seminar
    answer = seminar_service.ask("Кто проведёт занятия на семинаре по профилированию авиапассажиров в Тарске?").answer
    assert answer is not None and "Ирландии" in answer.text
    # the experts come from another country than the one asked
    result = seminar_service.ask("Какие турецкие эксперты проведут занятия на семинаре в Тарске?")
    assert result.answer is None
    assert result.not_found == "Лучший фрагмент говорит о людях из другой страны: Ирландия, а не Турция."


MEMORANDUM = (
    "MEMORANDUM OF UNDERSTANDING\n\n"
    "between the Customs Service of Varnia and the Revenue Agency of Ostland on cooperation against drug smuggling\n\n"
    "The Customs Service of Varnia and the Revenue Agency of Ostland, hereinafter referred to as \"the Parties\", "
    "desiring to strengthen their cooperation at the common border, have agreed as follows:\n\n"
    "Article 1. Scope\nThe Parties shall exchange information on drug smuggling across the Tarsk–Velm crossing.\n\n"
    "Article 2. Duration\nThis Memorandum shall remain in force for a period of five years.\n\n"
    "Done at Velm on 14 March 2025 in two original copies, each in the Varnian and English languages.\n\n"
    "For the Customs Service of Varnia: Anton Keller, Director\n\n"
    "For the Revenue Agency of Ostland: Mira Holm, Head\n"
)


def test_an_agreements_closing_formula_and_signature_lines_state_its_signing(invented_service):
    # "Done at Velm on 14 March 2025" says where and when it was signed, "For the …: Name" who signed for a party; the
    # preamble shares every word of the question and states none of it
    from qa.answer.asked_marks import asked_marks

    assert asked_marks("Where was the memorandum between Varnia and Ostland signed?") == {"sign"}
    # the act is the question's last word, a verb: a name's word before "held" is none ("Coordinators")
    assert asked_marks("When was the 27th meeting of the Council of National Coordinators held?") == frozenset()
    service = invented_service({"memorandum.txt": MEMORANDUM})
    where = service.ask("Where was the memorandum between the Varnian customs and the Ostland agency signed?").answer
    assert where is not None and where.text.startswith("Done at Velm")
    who = service.ask("Who signed the memorandum for the Revenue Agency of Ostland?").answer
    assert who is not None and "Mira Holm" in who.text
