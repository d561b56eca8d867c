"""The sentence that states what a question asks, among near ties that only share its topic (qa.answer.asked_marks):
the asked role's or act's holder for a who-question, the total for a how-many question about how many there are.
Invented documents and questions."""

from __future__ import annotations

import pytest

from qa.answer.asked_marks import (adds_count, marks, phases, prefer_asked_mark, prefer_phase,
                                   prefer_total, states_total)
from qa.answer.features import Candidate
from qa.contracts import ChunkRow, ItemInfo, Passage
from qa.store import SentenceRow
from tests.candidates import lone_candidate

LEAD = "The Border Academy in Ostrava graduated 40 officers from a three-week course on document fraud on 12 May 2025."
DIRECTOR = "The course director was Lieutenant Colonel Anna Berg from Norway."
DEPUTY = "• Olaf Strand, Deputy Commander, Border Guard of Norway"
PLAN = ("In 2026 the programme plans to open a second liaison office at Varna and to start a sniffer dog course in "
        "Tarsk.")
FUNDED_RU = "Подготовку финансировало Правительство Республики Исландия, выделившее 90 тысяч долларов США."
FUNDED_EN = "The programme was funded by the Government of Iceland with USD 90,000."


def candidate(text: str, score: float, typed: float = 1.0, doc: str = "news.txt", lang: str | None = None) -> Candidate:
    return lone_candidate(text, "2025-05-12", score, doc, features={"typed": typed}, lang=lang)


@pytest.mark.parametrize("question", [
    "Who was the course director of the document fraud course in Ostrava?",
    "Кто был руководителем курса по выявлению поддельных документов в Остраве?",
])
def test_a_who_question_takes_the_near_tie_naming_the_asked_role(question):
    ranked = [candidate(LEAD, 30.0), candidate(DIRECTOR, 28.5)]
    assert prefer_asked_mark(question, ranked)[0].text == DIRECTOR


@pytest.mark.parametrize("question, funder", [
    ("Who funded the sniffer dog course in Tarsk?", FUNDED_RU),
    ("Кто профинансировал курс для служебных собак в Тарске?", FUNDED_RU),
    ("Кто профинансировал курс для служебных собак в Тарске?", FUNDED_EN),
])
def test_a_who_question_about_an_act_takes_the_sentence_that_names_its_doer(question, funder):
    ranked = [candidate(PLAN, 28.0, doc="report.pdf"), candidate(funder, 24.0)]
    assert prefer_asked_mark(question, ranked)[0].text == funder


def test_a_deputy_holds_another_office():
    ranked = [candidate(LEAD, 30.0), candidate(DEPUTY, 28.0)]
    assert prefer_asked_mark("Who is the Commander of the Border Academy?", ranked)[0].text == LEAD


def test_the_best_naming_the_role_or_no_role_asked_stays():
    ranked = [candidate(DIRECTOR, 30.0), candidate("Anna Berg, Director of the Academy, thanked them.", 29.0)]
    assert prefer_asked_mark("Who was the course director in Ostrava?", ranked)[0].text == DIRECTOR
    ranked = [candidate(LEAD, 30.0), candidate(DIRECTOR, 28.5)]
    assert prefer_asked_mark("Who graduated from the course in Ostrava?", ranked)[0].text == LEAD
    # a near tie naming the role but no one is no answer
    ranked = [candidate(LEAD, 30.0), candidate("The course director's report is due in June.", 28.5, typed=0.0)]
    assert prefer_asked_mark("Who was the course director in Ostrava?", ranked)[0].text == LEAD


def test_a_role_is_held_by_a_person_and_asked_near_the_question_word():
    lead = "On 3 March 2025, in Varna, a regular meeting of the Council of Coordinators was held."
    attended = ("The meeting was attended by members of the Council, staff of the UNODC office and heads of the "
                "Centre's divisions.")
    ranked = [candidate(lead, 30.0), candidate(attended, 29.0)]
    # heads of divisions are no one who chaired the meeting
    assert prefer_asked_mark("Who chaired the March 2025 meeting of the Council of Coordinators?",
                             ranked)[0].text == lead
    # the question asks who led, not who directs the Centre it names further on
    ranked = [candidate(lead, 30.0), candidate("Dana Holm, Director of the Centre, welcomed the guests.", 29.0)]
    assert prefer_asked_mark("Who led the Icelandic delegation at the meeting with the Centre's Director?",
                             ranked)[0].text == lead


def test_a_role_stated_by_its_verb_or_not_asked_stays():
    invented = "The first working loom of the valley was the Holm loom, invented by Per Holm in 1712."
    patent = "The Danish inventor Ole Vik obtained the first patent for a loom in 1690."
    ranked = [candidate(invented, 30.0), candidate(patent, 29.0)]
    assert prefer_asked_mark("Who was the inventor of the Holm loom?", ranked)[0].text == invented
    # the emperors are who the question is about; it asks whom they were cut off from
    cut_off = "Uninterested in rule, they were cut off from the army and the people."
    ranked = [candidate(cut_off, 30.0),
              candidate("Few men of the south reached the post of Minister Ivo Tarn held.", 29.0)]
    assert prefer_asked_mark("Who were the later Varn emperors cut off from?", ranked)[0].text == cut_off


def test_marks_are_read_in_every_language():
    assert "head" in marks("Кто возглавляет Программный офис в Варне?")
    assert "head" in marks("• Ingrid Sol, Head of the Programme Office in Varna (chair)")
    assert "fund" in marks("Средства предоставило Правительство Исландии.")
    assert "head" not in marks("The headquarters of the mobile groups is in Tarsk.")
    assert "fund" not in marks("This is a fundamental change.")


ADDED = "В Северной области в 2025 году созданы ещё три мобильные группы: в Тарске, Варне и Орле."
TOTAL = "Таким образом, общее количество таких групп в области достигло восьми."
ADDED_EN = "In 2025 the region set up two more mobile groups, in Tarsk and Varna."
TOTAL_EN = "This brings the total number of mobile groups in the region to eight."


def neighbours(first: str, second: str, lang: str) -> list[Candidate]:
    """`first` and the sentence after it in one item, `first` scored well above, and a third sentence elsewhere."""
    text = f"{first} {second}"
    item = ItemInfo(doc="bulletin.txt", index=0, title="Bulletin", date="2025-07-01", start=0, end=len(text))
    chunk = ChunkRow(id=1, doc="bulletin.txt", item=0, start=0, end=len(text), text=text, first_sentence=0,
                     n_sentences=2)
    passage = Passage(rank=1, chunk=chunk, item=item, score=1.0, dense=0.5, lexical=1.0, bm25=3.0)
    a = SentenceRow(id=0, doc="bulletin.txt", item=0, start=0, end=len(first), text=first, lang=lang)
    b = SentenceRow(id=1, doc="bulletin.txt", item=0, start=len(first) + 1, end=len(text), text=second, lang=lang)
    other = lone_candidate("В 2024 году в области действовали пять мобильных групп.", "2024-12-31", 26.0, "report.pdf")
    return [Candidate(a, passage, {"unit": 1.0, "typed": 1.0, "lex": 0.6}, 30.0), other,
            Candidate(b, passage, {"unit": 0.0, "typed": 0.0, "lex": 0.2}, 20.0)]


@pytest.mark.parametrize("question, first, second, lang", [
    ("Сколько мобильных групп действует в Северной области?", ADDED, TOTAL, "ru"),
    ("How many mobile groups operate in the region?", ADDED_EN, TOTAL_EN, "en"),
])
def test_how_many_there_are_is_answered_by_the_total_not_the_addition(question, first, second, lang):
    ranked = prefer_total(question, neighbours(first, second, lang))
    assert ranked[0].text == second
    # it states the count asked, and reads the pair's evidence of matching the question
    assert ranked[0].features["typed"] == 1.0 and ranked[0].features["lex"] == 0.6


@pytest.mark.parametrize("question", [
    "Сколько мобильных групп создано в Северной области в 2025 году?",  # asks for the addition
    "Сколько новых мобильных групп действует в области?",
    "How many more mobile groups were set up in 2025?",
])
def test_a_question_about_the_addition_keeps_it(question):
    assert prefer_total(question, neighbours(ADDED, TOTAL, "ru"))[0].text == ADDED


def test_additions_and_totals():
    assert adds_count(ADDED, "ru") and adds_count(ADDED_EN, "en")
    assert not adds_count("В области действуют восемь мобильных групп.", "ru")
    assert states_total(TOTAL, frozenset({"групп"}), "ru") and states_total(TOTAL_EN, frozenset({"group"}), "en")
    assert not states_total("Группы работают круглосуточно.", frozenset({"групп"}), "ru")


ACADEMY_NEWS = (
    "Border Academy graduates 40 officers\n\n"
    "12 May 2025\n\n"
    "The Border Academy in Ostrava graduated 40 officers from a three-week course on document fraud and "
    "passport checks on 12 May 2025. The participants came from Czechia, Poland and Slovakia. "
    "The course director was Lieutenant Colonel Anna Berg from Norway.\n"
)
BULLETIN = (
    "Бюллетень № 7\n\n"
    "Новые мобильные группы\n\n"
    "В Северной области в 2025 году созданы ещё три межведомственные мобильные группы: в Тарске, Варне и Орле. "
    "Таким образом, общее количество таких групп в области достигло восьми.\n"
)


@pytest.fixture(scope="module")
def service(invented_service):
    return invented_service({"academy.txt": ACADEMY_NEWS, "bulletin.txt": BULLETIN})


@pytest.mark.slow
def test_the_answer_names_the_asked_role_and_the_total(service):
    answer = service.ask("Who was the course director of the document fraud course in Ostrava?").answer
    assert answer is not None and "Anna Berg" in answer.text
    answer = service.ask("Сколько межведомственных мобильных групп действует в Северной области?").answer
    assert answer is not None and "восьми" in answer.text


# A seminar and a pilot project, invented: what the news is (an agreement, who takes part) shares the question's words,
# the sentence stating the asked phase or act comes next.
AGREED = ("The customs services of Varnia and Ostland today agreed to screen road cargo jointly at the Tarsk–Velm "
          "crossing.")
STARTS = "The pilot will start on 1 March 2026 and last four months."
STARTS_RU = "Пилотный проект начнётся 1 марта 2026 года и продлится четыре месяца."
ENDS = "The pilot will close on 30 June 2026, when its results are reviewed."
PARTICIPANTS = "В семинаре примут участие 25 сотрудников пограничной службы Варнии, работающих в аэропорту Тарска."
TRAINERS = "Занятия проведут эксперты Таможенной администрации Ирландии и Всемирной таможенной организации."
HOSTS = "С 3 по 5 марта 2026 года в Тарске Центр ОБСЕ совместно с таможней Варнии проведёт семинар по профилированию."


def same_item(*texts: str, scores: tuple[float, ...], typed: tuple[float, ...], doc: str = "release.html",
              lang: str = "en") -> list[Candidate]:
    """`texts` as the sentences of one item of `doc`, scored `scores`, holding what is asked as `typed` says."""
    whole = " ".join(texts)
    item = ItemInfo(doc=doc, index=0, title="Release", date="2025-11-20", start=0, end=len(whole))
    chunk = ChunkRow(id=7, doc=doc, item=0, start=0, end=len(whole), text=whole, first_sentence=0,
                     n_sentences=len(texts))
    passage = Passage(rank=1, chunk=chunk, item=item, score=1.0, dense=0.5, lexical=1.0, bm25=3.0)
    out, start = [], 0
    for i, (text, score, kind) in enumerate(zip(texts, scores, typed)):
        row = SentenceRow(id=i, doc=doc, item=0, start=start, end=start + len(text), text=text, lang=lang)
        out.append(Candidate(row, passage, {"typed": kind, "lex": 0.5 - i / 10}, score))
        start += len(text) + 1
    return out


@pytest.mark.parametrize("question, stated", [
    ("When does the joint cargo screening pilot at Tarsk–Velm begin?", STARTS),
    ("When will the Varnia-Ostland cargo screening pilot start?", STARTS),
    ("Когда начнётся пилотный проект по совместному досмотру грузов?", STARTS),
    ("When does the joint cargo screening pilot at Tarsk–Velm end?", ENDS),
    ("Когда завершится пилотный проект на переходе Тарск – Велм?", ENDS),
])
def test_a_when_question_about_a_start_or_an_end_takes_the_sentence_stating_it(question, stated):
    ranked = same_item(AGREED, STARTS, ENDS, scores=(27.0, 26.0, 25.5), typed=(1.0, 1.0, 1.0))
    ranked = sorted(ranked, key=lambda c: c.text != AGREED and c.text != stated)
    won = prefer_phase(question, ranked)[0]
    assert won.text == stated
    # the pair's evidence of matching the question is the best's, as in the item it came from
    assert won.features["lex"] == 0.5


def test_the_phase_is_read_in_either_language():
    ranked = [lone_candidate(AGREED, "2025-11-20", 27.0),
              lone_candidate(STARTS_RU, "2025-11-20", 26.0, "reliz.html", lang="ru")]
    assert prefer_phase("When does the joint cargo screening pilot begin?", ranked)[0].text == STARTS_RU
    assert phases(STARTS_RU) == {"start"} and phases(ENDS) == {"end"}
    assert phases("Проект продлится до конца июня.") == {"end"} and not phases("Начальник службы подписал протокол.")


@pytest.mark.parametrize("question, ranked", [
    # no phase asked, or both
    ("When did Varnia and Ostland agree on the pilot?",
     same_item(AGREED, STARTS, scores=(27.0, 26.0), typed=(1.0, 1.0))),
    ("When does the pilot start and when does it end?",
     same_item(AGREED, STARTS, scores=(27.0, 26.0), typed=(1.0, 1.0))),
    # the best states a range of dates: where it starts is there
    ("When does the profiling seminar in Tarsk begin?",
     same_item(HOSTS, "Registration opens on 10 February 2026.", scores=(27.0, 26.0), typed=(1.0, 1.0), lang="ru")),
    # the near tie states the phase but no date
    ("When does the joint cargo screening pilot begin?",
     same_item(AGREED, "The start of the pilot was welcomed by both services.", scores=(27.0, 26.0),
               typed=(1.0, 0.0))),
])
def test_a_when_question_keeps_the_best_that_states_its_phase_or_no_phase_asked(question, ranked):
    assert prefer_phase(question, ranked)[0].text == ranked[0].text


@pytest.mark.parametrize("question", [
    "Who will run the training sessions at the Tarsk profiling seminar?",
    "Who will teach at the profiling seminar in Tarsk?",
    "Кто проведёт занятия на семинаре по профилированию в Тарске?",
])
def test_who_teaches_is_not_who_takes_part(question):
    ranked = same_item(PARTICIPANTS, HOSTS, TRAINERS, scores=(27.2, 26.5, 25.7), typed=(0.0, 1.0, 0.0), lang="ru")
    assert prefer_asked_mark(question, ranked)[0].text == TRAINERS


def test_the_contact_is_not_a_lecturer_of_the_agenda():
    rows = ["Monday 2 March | 09:30-12:30 | Selection of working dogs | Dr. Ilse Varga, veterinary surgeon",
            "Venue: Dog Training Centre of the Customs Service, Tarsk",
            "Tuesday 3 March | 09:30-17:00 | Searching baggage at Tarsk airport | Piet Moll",
            "Contact: Ms. Lena Orsk, National Programme Officer, OSCE Office in Velm."]
    ranked = same_item(*rows, scores=(28.0, 27.7, 26.2, 25.5), typed=(1.0, 1.0, 1.0, 1.0), doc="agenda.docx")
    assert prefer_asked_mark("Who is the contact person for the dog handlers' course in Tarsk?",
                             ranked)[0].text == rows[3]
    # who teaches there is the agenda's
    assert prefer_asked_mark("Who teaches the selection of working dogs in Tarsk?", ranked)[0].text == rows[0]


def test_acts_of_teaching_contact_and_organising_are_read_in_every_language():
    assert "teach" in marks(TRAINERS) and "teach" in marks("The sessions will be taught by two Irish instructors.")
    assert "teach" not in marks(PARTICIPANTS) and "teach" not in marks(AGREED)
    assert "contact" in marks("Контактное лицо: Лена Орск, координатор программы.")
    assert "organise" in marks("The seminar is organised by the OSCE Centre.")
    assert "organise" not in marks("Всемирной таможенной организации") and "organise" not in marks(HOSTS)


def test_who_accepted_asks_for_the_one_who_received_it_and_taking_part_is_no_such_act():
    from qa.answer.asked_marks import asked_marks

    assert asked_marks("Who accepted the pump on behalf of the water board?") == frozenset({"receive"})
    assert asked_marks("Кто принял насос от имени водного управления?") == frozenset({"receive"})
    assert asked_marks("Кто принял участие в учениях?") == frozenset()  # taking part


@pytest.mark.parametrize("question", ["Who coordinated Operation Dry Steppe 2023?",
                                      "Кто координировал операцию «Сухая степь – 2023»?"])
def test_who_coordinated_asks_for_the_person_not_the_body_said_to_coordinate(question):
    lead = ("The regional operation \"Dry Steppe 2023\", coordinated by the Skarn Centre, was conducted from 2 to 29 "
            "October 2023.")
    coordinator = "The results were presented by the operation's coordinator, Lieutenant Colonel Oren Vale."
    ranked = [candidate(lead, 30.0, typed=0.0), candidate(coordinator, 27.5)]
    assert prefer_asked_mark(question, ranked)[0].text == coordinator
    # a person named as coordinating in the best stays; so does a body when no one is named
    named = "The operation, coordinated by Colonel Ilse Marr of the Skarn Centre, ran from 2 to 29 October 2023."
    assert prefer_asked_mark(question, [candidate(named, 30.0), candidate(coordinator, 27.5)])[0].text == named
    body = "Officers of four states took part in it."
    assert prefer_asked_mark(question, [candidate(lead, 30.0, typed=0.0),
                                        candidate(body, 29.0, typed=0.0)])[0].text == lead


@pytest.mark.parametrize("question", ["Who opened the harbour safety seminar in Tarsk?",
                                      "Кто открыл семинар по безопасности гаваней в Тарске?"])
def test_who_opened_is_not_when_or_where_the_event_took_place(question):
    held = "С 13 по 15 мая 2025 года в Тарске прошёл семинар по безопасности гаваней, организованный Советом гаваней."
    opened = "Семинар открыл заместитель председателя Совета гаваней Арман Скарнов."
    ranked = same_item(held, opened, scores=(26.9, 26.3), typed=(1.0, 1.0), lang="ru")
    assert prefer_asked_mark(question, ranked)[0].text == opened
    assert "open" not in marks("The course is open to 24 officers from the three harbours.")


def test_who_was_relieved_of_a_post_is_not_who_was_appointed_to_it():
    order = ["5. Назначить Аманова Довлета офицером связи от гавани Тарск.",
             "3. Назначить Орскую Лену начальником правового отдела.",
             "4. Освободить Курбанова Мердана от должности офицера связи от гавани Тарск."]
    ranked = same_item(*order, scores=(28.0, 26.5, 26.1), typed=(1.0, 1.0, 1.0), lang="ru")
    assert prefer_asked_mark("Who was relieved of the post of liaison officer from Tarsk harbour?",
                             ranked)[0].text == order[2]
    assert marks("The memorandum was signed by Ilse Marr.") >= {"sign"} and "sign" in marks("Меморандум подписали …")
