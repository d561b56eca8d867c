"""What is counted, in English and Russian: the nouns a count of one thing is written with in either language.

A count is read against the question's noun ("How many suspects were detained?" wants "17 *suspects*",
qa.answer.types.counts_asked_noun), by the stems of the two. Across languages the stems share nothing: "Задержаны
17 подозреваемых" held no count of suspects for the English question, and "14 border crossing points" none of
"пунктов пропуска" for the Russian one, so the answer step read the right sentence as one without the asked count
and refused. Each line below names one thing: its English forms, then its Russian ones; every stem of a line stands
for the line's first English stem. Units of measure are lines too ("kg" and "кг" weigh the same). The things are
those counts in this field are of (people by role, cases, offices, checkpoints, meetings, courses); a noun not
here is matched within its language only, as before. A line's English forms are not synonyms of each other within
English ("states" are no "countries" in an English text): the table is read across scripts only
(qa.answer.types.same_counted).
"""

from __future__ import annotations

import functools

from qa.lang import analyze

# English forms | Russian forms
ACROSS = (
    "suspect suspects | подозреваемый подозреваемых подозреваемые подозреваемого",
    "detainee detainees detained | задержанный задержанных задержанные",
    "arrest arrests detention detentions | арест арестов задержание задержаний",
    "case cases | дело дел дела уголовное уголовных",
    "crime crimes offence offences | преступление преступлений правонарушение правонарушений",
    "point points checkpoint checkpoints post posts | пункт пунктов пост постов КПП",
    "laboratory laboratories lab labs | лаборатория лабораторий нарколаборатория нарколабораторий",
    "dog dogs | собака собак собаки",
    "handler handlers | кинолог кинологов кинологи",
    "fellowship fellowships scholarship scholarships | стипендия стипендий стипендии",
    "course courses | курс курсов курса",
    "trainee trainees student students | слушатель слушателей студент студентов",
    "trainer trainers instructor instructors | тренер тренеров инструктор инструкторов",
    "meeting meetings session sessions | заседание заседаний совещание совещаний встреча встреч",
    "operation operations | операция операций",
    "country countries state states | страна стран государство государств",
    "vehicle vehicles truck trucks car cars | автомобиль автомобилей грузовик грузовиков машина машин",
    "seizure seizures | изъятие изъятий",
    "weapon weapons firearm firearms | оружие единиц стволов",
    "round rounds cartridge cartridges | патрон патронов",
    "tablet tablets pill pills | таблетка таблеток",
    "office offices | офис офисов представительство представительств",
    "project projects | проект проектов",
    "agency agencies | ведомство ведомств агентство агентств",
    "woman women | женщина женщин",
    "man men | мужчина мужчин",
    "day days | день дней дня",
    "week weeks | неделя недель недели",
    "month months | месяц месяцев месяца",
    "year years | год лет года",
    "kilogram kilograms kilo kilos kg | килограмм килограммов килограмма кг",
    "tonne tonnes ton tons | тонна тонн тонны",
    "gram grams | грамм граммов грамма",
    "kilometre kilometres kilometer kilometers km | километр километров километра км",
    "patrol patrols | патруль патрулей патрули патрулирование патрулирований",
    "participant participants attendee attendees | участник участников участники",
    "delegate delegates | делегат делегатов делегаты",
    "officer officers official officials | сотрудник сотрудников сотрудники офицер офицеров должностное",
    "parcel parcels | посылка посылок посылки почтовое почтовых отправление отправлений",
    "container containers | контейнер контейнеров контейнеры",
    "contribution contributions donation donations | взнос взноса взносов взносы",
    "donor donors | донор доноров доноры",
    "budget budgets | бюджет бюджета бюджеты",
)


@functools.cache
def across() -> dict[str, str]:
    """Each stem of every line's forms -> the stem of the line's first English form."""
    out: dict[str, str] = {}
    for line in ACROSS:
        english, russian = line.split("|")
        first = analyze(english.split()[0], "en")[0]
        for language, forms in (("en", english), ("ru", russian)):
            out.update((t, first) for w in forms.split() for t in analyze(w, language))
    return out
