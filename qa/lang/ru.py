"""Russian: stemmer, stop words, sentence splitter, question patterns and follow-up word lists.

The question types mirror English's (number, date, person, place) so the fitted answer models
read a Russian question's type like an English one's; the span patterns find those types in
Russian sentences ("12 октября 2022 года", "более 57 000 человек", "в Душанбе").
"""

from __future__ import annotations

import re

from qa.lang.base import Followup, Language

# Snowball's Russian list (via bm25s) misses the words questions are made of, and the forms of
# "какой" / "который" / "являться" that frame a question; left in, they look like rare terms.
_QUESTION_WORDS = """
сколько какие каких каким какими какую каком какого какому какое каков какова каково каковы
чей чья чье чьи чьего чьей чьих кем кого кому ком чему чем что где откуда куда почему зачем
который которая которое которые которого которой котором которых которому которым которыми
был была было были являлся являлась являлось являлись является являются это этих этим
также либо именно ли свой своей своего своих своим своими свои свое своем
""".split()


def _stop_words() -> frozenset[str]:
    return _bm25s_stop_words() | frozenset(_QUESTION_WORDS)


def _bm25s_stop_words() -> frozenset[str]:
    """bm25s's Russian list (Snowball's), read from its module file without importing bm25s
    (its __init__ imports scipy: see qa.lang.en)."""
    import importlib.util
    from pathlib import Path

    spec = importlib.util.find_spec("bm25s")
    if spec is None or not spec.submodule_search_locations:
        raise ImportError("bm25s is not installed")
    path = Path(next(iter(spec.submodule_search_locations))) / "stopwords.py"
    mod_spec = importlib.util.spec_from_file_location("_qa_bm25s_stopwords_ru", path)
    module = importlib.util.module_from_spec(mod_spec)
    mod_spec.loader.exec_module(module)
    return frozenset(w.replace("ё", "е") for w in module.STOPWORDS_RUSSIAN)


# Month names in every case ("октябрь", "октября", "октябре"; "май", "мая", "мае").
_MONTH = (
    r"(?:январ[ьяюе]|феврал[ьяюе]|март[ауе]?|апрел[ьяюе]|ма[йяюе]|июн[ьяюе]|июл[ьяюе]|август[ауе]?|"
    r"сентябр[ьяюе]|октябр[ьяюе]|ноябр[ьяюе]|декабр[ьяюе])"
)
_YEAR_WORD = r"(?:\s+(?:год(?:а|у|е|ы|ов|ах|ами)?|гг?\.))?"
_NUMBER_WORDS = (
    r"(?:один|одн[аоиу]|два|две|двух|три|трех|трёх|четыре|четырех|пять|пяти|шесть|шести|семь|семи|"
    r"восемь|восьми|девять|девяти|десять|десяти|двенадцать|пятнадцать|двадцать|тридцать|сорок|"
    r"пятьдесят|сто|ста|сотни|тысяч[аиу]?|миллион\w*|миллиард\w*|десятк\w+|нескольк\w+)"
)
_CAP = r"[А-ЯЁ][а-яёА-ЯЁ'’\-]+"
_INITIAL = r"[А-ЯЁ]\."
SPAN_PATTERNS = {
    "date": re.compile(
        rf"(?<![\w-])(?:(?:\d{{1,2}}(?:\s*[-–]\s*\d{{1,2}})?\s+{_MONTH}(?:\s+\d{{4}}{_YEAR_WORD})?)|"
        rf"(?:{_MONTH}\s+\d{{4}}{_YEAR_WORD})|"
        rf"(?:(?:1[0-9]|20)\d\d(?:\s*[-–]\s*(?:1[0-9]|20)?\d\d)?(?:-?х)?{_YEAR_WORD})|"
        rf"(?:[XVI]{{1,5}}\s+(?:век[ауе]?|в\.)))(?![\w])",
        re.I,
    ),
    "number": re.compile(
        rf"(?:(?<![\w-])(?:более|свыше|около|почти|примерно|приблизительно|порядка|до|не менее|не более|"
        rf"менее|от)\s+)?"
        rf"(?:\$|€|£)?(?<![\w-])(?:\d+(?:[  ]\d{{3}})*(?:[.,]\d+)?|{_NUMBER_WORDS})(?![\w])"
        rf"(?:\s*(?:%|процент\w*))?"
        rf"(?:\s+(?:кг|килограмм\w*|тонн\w*|грамм\w*|км|километр\w*|млн|млрд|тыс\.?|миллион\w*|"
        rf"миллиард\w*|тысяч\w*|сот\w*|доллар\w*|рубл\w*|евро|человек|раз))?",
        re.I,
    ),
    "person": re.compile(
        rf"(?<![\w-])(?:(?:{_INITIAL}\s*){{1,2}}{_CAP}|{_CAP}(?:\s+(?:{_INITIAL}\s*){{1,2}}|"
        rf"(?:\s+(?:{_CAP}|(?:{_INITIAL}\s*){{1,2}})){{1,3}}))(?![\w])"
    ),
    # the place itself is group 1: "в Вене", "на Кипре", "из Душанбе"
    "place": re.compile(rf"(?<![\w-])(?:в|во|на|из|под|около|близ|возле|у)\s+((?:{_CAP})(?:\s+{_CAP}){{0,3}})"),
}

# Matched against the lower-cased, stripped question; the first that matches gives the type.
# (?<!\w) / (?!\w) instead of \b so "кто" does not match inside "некто".
_W = r"(?<![\w-])"
_E = r"(?![\w-])"
QUESTION_TYPES = (
    ("number", re.compile(
        rf"{_W}(?:сколько|скольки|скольких)|{_W}как(?:ое|ого|ому|им)\s+(?:количеств|числ(?:о|у|ом)|процент|дол|"
        rf"сумм|размер|объ[её]м|площад|длин|высот|возраст)|{_W}как(?:ой|ова|ов|ая)\s+(?:процент|доля|"
        rf"численность|количество|сумма|размер|объ[её]м|площадь|длина|высота|возраст|население)"
        rf"|{_W}как(?:ова|ов)\s+(?:численность|площадь|длина|высота|стоимость|сумма)")),
    ("date", re.compile(
        rf"^(?:\S+\s+){{0,2}}когда{_E}|{_W}в\s+как(?:ом|ие|ой|ую)\s+(?:год|годы|году|месяц|месяце|"
        rf"день|дни|век|веке|период|время|эпоху|десятилетие)|{_W}как(?:ого|ой|ие|ая)\s+"
        rf"(?:числа|года|год|даты|дата|день)|{_W}с\s+каких\s+пор|{_W}до\s+какого\s+(?:года|времени)"
        rf"|{_W}в\s+каком\s+(?:году|месяце|веке)")),
    ("person", re.compile(
        rf"^(?:кто|кого|кому|кем|ком|чей|чья|чь[её]|чьи){_E}|{_W}(?:кто|кого|кому|кем|чей|чья|чь[её]|чьи|"
        rf"чьего|чьей|чьих|чьим|чьему){_E}|"
        rf"{_W}как(?:ой|ая|ого|ому|им)\s+(?:чиновник|человек|министр|посол|директор|президент|учен|"
        rf"автор|руководител|офицер|представител)")),
    ("place", re.compile(
        rf"^(?:где|откуда|куда){_E}|{_W}(?:где|откуда|куда){_E}|{_W}в\s+как(?:ом|ой)\s+"
        rf"(?:город|стран|регион|мест|област|район|государств)|{_W}как(?:ой|ая|ое)\s+"
        rf"(?:город|страна|регион|место|область|район|государство)")),
)  # fmt: skip

FOLLOWUP = Followup(
    pronouns=frozenset(
        "он она оно они его ее её их ему ей им него нее неё них нему ней ним этот эта это эти этого "
        "этой этих тот та то те того той тех там тогда такой такая такие тот же".split()
    ),
    openers=re.compile(
        r"^\s*(?:а\s+как\s+насч[её]т|а\s+что\s+насч[её]т|как\s+насч[её]т|что\s+насч[её]т|"
        r"а\s+также|а|и|но|также|тогда|ну)(?![\w-])[\s,]*",
        re.I,
    ),
    about=re.compile(
        r"^\s*(?:а\s+)?(?:что|как)\s+насч[её]т\s+(?P<rest>.+?)\s*[?.!]*\s*$", re.I
    ),
    question_words=frozenset(
        "кто кого кому кем что чего чем где когда куда откуда почему зачем как какой какая какое "
        "какие каких сколько чей чья чьё чьи".split()
    ),
    light_verbs=frozenset(
        "был была было были быть есть прошел прошёл прошла прошло прошли проходил проходила проходило "
        "состоялся состоялась состоялось состоялись случилось произошло сделал сделала сделали "
        "место город страна дата даты год день время".split()
    ),
)

LANGUAGE = Language(
    code="ru",
    stemmer="russian",
    pysbd="ru",
    stop_words=_stop_words,
    question_types=QUESTION_TYPES,
    span_patterns=SPAN_PATTERNS,
    span_ignore=frozenset({"в", "во", "на", "из", "под", "около", "у", "г", "гг", "год", "года", "году"}),
    head_words=frozenset(
        "какой какая какое какие каких каким какими какую каком какого какому который которая "
        "которое которые сколько".split()
    ),
    count_words=frozenset(),  # "сколько" is a head word itself: the counted noun follows it
    head_skip=frozenset(
        "был была было были является являлся являлась являются это из в во на у".split()
    ),
    verb_questions=frozenset(),
    followup=FOLLOWUP,
    script="cyrillic",
)
