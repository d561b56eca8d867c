"""Russian: stemmer, stop words, sentence splitter, question patterns and follow-up word lists.

The question types mirror English's (number, date, person, place) so the fitted answer models
read a Russian question's type like an English one's; the span patterns find those types in
Russian sentences ("12 октября 2022 года", "более 57 000 человек", "в Душанбе").
"""

from __future__ import annotations

import functools
import re

from qa.lang.base import Followup, HolderWords, Language, NewsTitles, PageFurniture
from qa.lang.contacts import CONTACT_SPANS
from qa.lang.countries import country_names

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
# Cardinal numbers as words, in every case ("шестьдесят", "шестидесяти"; "двести", "двухсот"; not "семью", more
# often "family" than "seven"), and the words that stand for a number ("тысяча", "десятки", "несколько").
_NUMBER_WORDS = (
    r"(?:один|одн(?:а|о|и|у|ого|ой|ому|им|ом|ими|их)|два|две|двух|двум|двумя|три|тр[её]х|тр[её]м|тремя|четыре|"
    r"четыр[её]х|четыр[её]м|четырьмя|(?:пят|шест|девят|десят)(?:ь|и|ью)|семь|семи|восемь|восьми|восемью|восьмью|"
    r"(?:одиннадцат|двенадцат|тринадцат|четырнадцат|пятнадцат|шестнадцат|семнадцат|восемнадцат|девятнадцат|"
    r"двадцат|тридцат)(?:ь|и|ью)|сорок|сорока|(?:пят|шест|сем|восем)ьдесят|(?:пят|шест|сем|восьм)идесяти|"
    r"(?:пят|шест|сем|восем)ьюдесятью|девяност[оа]|сто|ста|двести|триста|четыреста|(?:пят|шест|сем|восем|девят)ьсот|"
    r"(?:двух|тр[её]х|четыр[её]х|пяти|шести|семи|восьми|девяти)сот|сотн\w*|тысяч\w*|миллион\w*|миллиард\w*|"
    r"десятк\w+|нескольк\w+)"
)


# Ordinals 1-10 as stems with their endings in every case and gender ("второе", "третьей",
# "пятого"), and a figure with a case ending ("5-й", "3-го"): what singles out one event of a series
# for qa.answer.types (the key is the number; "первый" reads as English "first")
ORDINAL_STEMS = ("перв", "втор", "трет", "четв[её]рт", "пят", "шест", "седьм", "восьм", "девят", "десят")
ORDINAL_ENDINGS = r"(?:ый|ий|ой|ая|ья|ое|ье|ые|ьи|ого|его|ьего|ой|ей|ьей|ому|ему|ьему|ым|им|ьим|ом|ем|ьем|ую|ью|ых|их|ьих)"


# The EVENT_WORDS that are verbs, as English's EVENT_VERBS.
_EVENT_VERBS = r"прош[её]л|прошл[аои]|состоял\w*|провед\w*|проводил\w*|посетил\w*|встретил\w*"
# As English's EVENT_WORDS: a question about a gathering or event ("заседание в Вене", "семинар прошёл в ...").
EVENT_WORDS = re.compile(
    r"(?<![\w-])(?:встреч\w*|совещани\w*|заседани\w*|семинар\w*|вебинар\w*|конференци\w*|тренинг\w*|"
    r"курс\w*|форум\w*|сесси\w*|саммит\w*|визит\w*|брифинг\w*|учени[яйе]\w*|операци\w*|переговор\w*|"
    r"консультаци\w*|кругл\w+\s+стол\w*|церемони\w*|съезд\w*|мероприяти\w*|"
    rf"{_EVENT_VERBS})(?![\w-])",
    re.I,
)
EVENT_VERBS = re.compile(_EVENT_VERBS, re.I)


def number_words() -> str:
    """Numbers written as words, a regex group (qa.answer.types counts with it)."""
    return _NUMBER_WORDS


_CAP = r"[А-ЯЁ][а-яёА-ЯЁ'’\-]+"
_INITIAL = r"[А-ЯЁ]\."
SPAN_PATTERNS = {
    **CONTACT_SPANS,
    # a title or theme is quoted (« », „ “ or " "): the words inside the quotes are group 1
    "title": re.compile(r"[«„“\"]([^«»„“”\"]{3,200}?)[»“”\"]"),
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
        # a scale, then a unit or a currency: "3,2 млн рублей", "42 тысячи тенге"
        rf"(?:\s+(?:млн|млрд|тыс\.|тыс|миллион\w*|миллиард\w*|тысяч\w*|сот\w*)(?![\w]))?"
        rf"(?:\s+(?:кг|килограмм\w*|тонн\w*|грамм\w*|км|километр\w*|доллар\w*|рубл\w*|евро|тенге|"
        rf"сом(?:а|ов|ы)?|сомони|фунт\w*|человек|раз)(?![\w]))?",
        re.I,
    ),
    "person": re.compile(
        rf"(?<![\w-])(?:(?:{_INITIAL}\s*){{1,2}}{_CAP}|{_CAP}(?:\s+(?:{_INITIAL}\s*){{1,2}}|"
        rf"(?:\s+(?:{_CAP}|(?:{_INITIAL}\s*){{1,2}})){{1,3}}))(?![\w])"
    ),
    # the place itself is group 1: "в Вене", "на Кипре", "из Душанбе"; also after the place's kind
    # ("в городе Алматы", "в г. Бишкеке", "в столице Казахстана")
    "place": re.compile(
        rf"(?<![\w-])(?:в|во|на|из|под|около|близ|возле|у)\s+(?:(?:город[еау]?|г\.|столиц[еуы]|сел[еоа]|"
        rf"деревн[еиюя]|посёлк[еау]|поселк[еау]|област[иь]|провинци[июя]|штат[еау]?)\s*)?((?:{_CAP})(?:\s+{_CAP}){{0,3}})"
    ),
}

# Matched against the lower-cased, stripped question; the first that matches gives the type.
# (?<!\w) / (?!\w) instead of \b so "кто" does not match inside "некто".
_W = r"(?<![\w-])"
_E = r"(?![\w-])"
# A question about a time of day: "в котором часу", "во сколько" (not "во сколько раз / лет / обошёлся"), "в какое
# время суток". It asks for a date of the grain "clock" (DATE_QUESTIONS), not for a count: "Во сколько открылась
# выставка?" is answered by "в 9 часов".
CLOCK_QUESTION = re.compile(rf"{_W}(?:в\s+котором\s+часу|во\s+сколько(?!\s+(?:раз|лет|обош\w*|обойд\w*|оцен\w*|стал\w*))"
                            rf"|(?:в\s+)?как\w*\s+(?:время|часы)\s+суток|(?:в\s+)?котор\w*\s+час(?:а|у|ов)?){_E}", re.I)

QUESTION_TYPES = (
    ("date", CLOCK_QUESTION),
    ("number", re.compile(
        rf"{_W}(?:сколько|скольки|скольких)|{_W}как(?:ое|ого|ому|им)\s+(?:количеств|числ(?:о|у|ом)|процент|дол|"
        rf"сумм|размер|объ[её]м|площад|длин|высот|возраст)|{_W}как(?:ой|ова|ов|ая)\s+(?:процент|доля|"
        rf"численность|количество|сумма|размер|объ[её]м|площадь|длина|высота|возраст|население|бюджет|цена|стоимость)"
        rf"|{_W}как(?:ова|ов)\s+(?:численность|площадь|длина|высота|стоимость|сумма)"
        # English's "how much", "how long"
        rf"|{_W}насколько{_E}|{_W}как\s+долго{_E}")),
    ("date", re.compile(
        rf"^(?:\S+\s+){{0,2}}когда{_E}|{_W}в\s+как(?:ом|ие|ой|ую)\s+(?:год|годы|году|месяц|месяце|"
        rf"день|дни|век|веке|период|время|эпоху|десятилетие)|{_W}как(?:ого|ой|ое|ие|ая)\s+"
        rf"(?:числа|года|год|годы|даты|дата|день|дни|период|время)|{_W}с\s+каких\s+пор|{_W}до\s+какого\s+(?:года|времени)"
        rf"|{_W}в\s+каком\s+(?:году|месяце|веке)")),
    ("person", re.compile(
        rf"^(?:кто|кого|кому|кем|ком|чей|чья|чь[её]|чьи){_E}|{_W}(?:кто|кого|кому|кем|чей|чья|чь[её]|чьи|"
        rf"чьего|чьей|чьих|чьим|чьему){_E}|"
        rf"{_W}как(?:ой|ая|ого|ому|им)\s+(?:чиновник|человек|министр|посол|директор|президент|учен|"
        rf"автор|руководител|офицер|представител)")),
    # how to reach someone (qa.lang.contacts): "Какой адрес электронной почты указан?", "На каком сайте ...?",
    # "Какой номер телефона у центра?"; not a question about what a site or a call said ("Что сообщается на сайте?")
    ("email", re.compile(rf"{_W}адрес\w*\s+(?:электронн\w*\s+почт\w*|e-?mail|(?:и|е)?мейл\w*)|"
                         rf"{_W}как\w*\s+(?:\w+\s+){{0,2}}?(?:e-?mail|(?:и|е)?мейл\w*|электронн\w*\s+адрес\w*)")),
    ("web", re.compile(rf"{_W}адрес\w*\s+(?:веб-?)?сайт\w*|{_W}как\w*\s+(?:\w+\s+){{0,2}}?(?:(?:веб-?)?сайт|"
                       rf"(?:интернет|веб)-?(?:страниц|ресурс|адрес))\w*")),
    ("phone", re.compile(rf"{_W}номер\w*\s+(?:телефон|факс)\w*|{_W}как\w*\s+(?:\w+\s+){{0,2}}?(?:телефон|факс)\w*")),
    ("place", re.compile(
        rf"^(?:где|откуда|куда){_E}|{_W}(?:где|откуда|куда){_E}|{_W}в\s+как(?:ом|ой)\s+"
        rf"(?:город|стран|регион|мест|област|район|государств)|{_W}как(?:ой|ая|ое)\s+"
        rf"(?:город|страна|регион|место|область|район|государство)")),
    # the title of a work or an event, as the English type: "под каким названием", "какова тема"
    ("title", re.compile(rf"{_W}под\s+каким\s+(?:названием|заголовком|девизом|лозунгом){_E}|"
                         rf"{_W}как(?:ова|ая)(?:\s+была)?\s+тем[аы]|{_W}как(?:ов|ой)(?:\s+был)?\s+(?:девиз|лозунг)")),
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
    he=frozenset("он его ему него нему".split()),
    she=frozenset("она ее её ей нее неё ней".split()),
    titles_he=frozenset({"г-н", "господин"}),
    titles_she=frozenset({"г-жа", "госпожа"}),
)

# The words of Russian page furniture (see qa.lang.en.FURNITURE): what Russian news sites put
# around a story ("Оцените материал", "Страница 1 из 5", "Фото пресс-службы МВД", "Поделиться").
_PHOTO = r"(?:фото(?:графи[яи])?|снимок|снимки)"
_SOCIAL = r"(?:в ?контакте|одноклассники|телеграм|ватсап|фейсбук|твиттер|facebook|twitter|telegram|vk|ok)"
FURNITURE = PageFurniture(
    lines={
        "rating": r"оцените (?:(?:этот |эту |данн\w+ )?(?:материал|статью|новость|публикацию|запись|пост))\W*"
        r"|\(?\d+ голос(?:ов|а)?\)?|(?:рейтинг|(?:средняя )?оценка|голосов|проголосовало)\s*:?\s*[\d.,]+"
        r"\s*(?:(?:/|из)\s*\d+)?",
        # "Страница 1 из 5", "Стр. 2/5"; "« Первая ‹ Предыдущая 1 2 3 Следующая › Последняя »"
        "pagination": r"(?:страница|стр\.)\s*\d+\s*(?:из|/)\s*\d+"
        r"|(?=.*(?:[«»‹›]|предыдущ|следующ|\bназад\b|\bвпер[её]д\b))(?:[«»‹›<>|…←→]|\.\.\.|\d+"
        r"|в начало|начало|перв(?:ая|ой)|предыдущ(?:ая|ие|ей)|пред\.|следующ(?:ая|ие|ей)|след\.|назад"
        r"|впер[её]д|в конец|конец|последн(?:яя|ей)|\s)+",
        "read-more": r"(?:читать|смотреть) (?:далее|дальше|полностью|подробнее|ещ[её]|всю новость|всю статью)\W*"
        r"|(?:подробнее|далее|ещ[её]|показать ещ[её]|читать)\W*",
        "share": rf"(?:поделиться|поделитесь|распечатать|печать|версия для печати|{_SOCIAL}"
        r"|отправить(?: другу| по (?:e-?mail|почте|электронной почте))?)"
        r"(?: (?:новостью|материалом|стать[её]й|ссылкой))?(?:\s+(?:в|во|на|через)\s+[\w-]+)?\W*",
        "related": r"(?:другие|похожие|последние|свежие|главные|популярные|все|ещ[её])\s+(?:новости|материалы"
        r"|статьи|публикации)(?:\s+(?:раздела|рубрики|по теме|по тегу)\b[^.!?]{0,50})?\W*"
        r"|(?:новости|материалы|статьи) по теме\W*|(?:читайте|смотрите) (?:также|ещ[её])\W*|см\. также\W*"
        r"|наверх\W*|(?:назад|вернуться)(?: (?:к списку(?: новостей)?|к новостям|на главную|назад))?\W*",
        "views": r"(?:просмотр(?:ов|ы)|прочитано|прочтений)\s*:?\s*\d[\d\s.,]*|\d[\d\s.,]*\s+просмотр(?:ов|а)?",
        "label": r"(?:источник|фото|фотографии|изображение|автор|авторы|теги|метки|ключевые слова|рубрика"
        r"|категория|опубликовано|опубликовал[аи]?|дата публикации|обновлено)\s*:.{0,80}",
        # "ПРЕСС-РЕЛИЗ", "Пресс-релиз ЦАРИКЦ", "Совместный пресс-релиз № 12", "Информационное сообщение для СМИ"
        "press-release": r"(?:[\w.&'’/-]+\s+){0,3}пресс-релиз(?:\s+[\w.&'’/-]+){0,2}?(?:\s+№\s*[\w/.-]+)?\W*"
        r"|(?:информационное\s+)?сообщение\s+для\s+(?:печати|прессы|сми)\W*",
        # a press release's end mark and contact label (see qa.lang.en.FURNITURE): "Контакты для СМИ: …",
        # "За дополнительной информацией обращайтесь: …"
        "press-end": r"(?:#\s*){3}|[-–—]+\s*конец\s*[-–—]+",
        "press-contact": r"(?:контакт(?:ы|ная информация|ное лицо)?|справки|аккредитация)\s+(?:для|по вопросам)\s+"
        r"(?:сми|прессы|печати|журналистов|сми и прессы)\s*:.*"
        r"|(?:для\s+(?:сми|прессы|журналистов|справок)|за\s+(?:дополнительной|подробной)\s+информацией"
        r"(?:\s+(?:обращайтесь|просьба обращаться))?(?:\s+(?:к|в|по\s+(?:адресу|телефону)))?"
        r"|дополнительная\s+информация|справки\s+по\s+телефону)\s*:.*",
        # its signature ("Пресс-служба ЦАРИКЦ", "Пресс-центр МВД Кыргызской Республики"): closing only where
        # nothing of a story follows it, as English's
        "press-signature": r"(?:[\w.&'’/«»\"-]+\s+){0,2}(?:пресс-служба|пресс-центр|пресс-секретариат"
        r"|информационная служба|(?:отдел|управление|служба) (?:по связям с общественностью|информации"
        r"|информационной политики))(?:\s+[\w.&'’/«»\"()-]+){0,10}",
        "consent": r"(?:принять(?: все)?(?: (?:файлы )?cookie)?|принимаю|согласен|соглашаюсь|понятно"
        r"|отклонить(?: все)?|(?:настройки|параметры|настроить) (?:файлов )?cookie"
        r"|политика конфиденциальности|политика (?:использования )?(?:файлов )?cookie)\W*",
        # Imperatives only ("Подписывайтесь на наш канал"): "Подписка на издание выросла." is news.
        "chrome": r"главная(?: страница)?|меню|поиск|найти|войти|вход|выход|регистрация|зарегистрироваться"
        r"|подписаться|подписка|(?:подпишитесь|подписывайтесь)(?:\s+(?:на|в)\b[^.!?]{0,60})?[!.]?"
        r"|закрыть|реклама|на правах рекламы|партн[её]рский материал|все права защищены\W*"
        r"|перейти к (?:основному )?(?:содержимому|содержанию)|версия для слабовидящих"
        r"|.*\b(?:ошибк|опечатк)\w*\b.*\bctrl\s*\+\s*enter\b.*",
    },
    notices={
        "cookie": r"\bиспольз\w+ (?:файлы )?(?:cookie|куки)\b|\bпродолжая (?:использовать|пользоваться"
        r"|просмотр\w*|работу с) (?:наш |этот |данный )?сайт|\bполитик\w+ (?:использования )?(?:файлов )?"
        r"(?:cookie|куки)\b",
        # "При использовании материалов ссылка на источник обязательна": under every story of a site
        "reprint": r"\bпри (?:полном или частичном |любом )?(?:использовании|цитировании|копировании"
        r"|перепечатке|воспроизведении) (?:материалов|информации)\b[^.]{0,100}\bссылк\w+[^.]{0,80}"
        r"\bобязательн\w*|\b(?:полное или частичное )?(?:копирование|воспроизведение|перепечатка)"
        r" материалов\b[^.]{0,80}\b(?:запрещ\w+|только с|допускается только)",
    },
    # "Фото: пресс-служба МВД", "Фото пресс-службы КНБ", "Фото предоставлено ...", "Фотограф: ..."
    credit_any=rf"{_PHOTO}\s*[:©]|(?:фото|снимок)\s+(?:с (?:официального )?сайта|(?:любезно )?предоставлен\w*)"
    r"|(?:автор(?:ы)? (?:фото|снимка|снимков)|фотограф)\s*:",
    credit_named=r"(?:фото|снимок)\s*[—–-]",  # "Фото — Иван Петров"
    credit_names=r"(?:фото|снимок)(?=\s)",  # "Фото Ивана Петрова", "Фото ИА «Казинформ»"
    # complete in themselves, a source may follow ("Фото из архива МВД")
    credit_whole=r"(?:фото|снимок) (?:пресс-служб\w*|из (?:открытых источников|архива|соцсетей"
    r"|социальных сетей|интернета)|автора|с места событий)|иллюстративное фото|фото (?:носит )?иллюстративн\w*"
    r"(?: характер\w*)?|фото для иллюстрации",
    # "На фото: ...", "На снимке министр ..." (a line that ends with a full stop after "На фото"
    # without a colon is a sentence: "На фотографии, опубликованной МВД, видны мешки.")
    caption_cue=r"на\s+(?:фото(?:графи(?:и|ях))?|снимк(?:е|ах))\s*(?:[:—–-]|(?=.*[^.!?…]$))"
    r"|(?:слева направо|справа налево)\s*[:,]|\(\s*слева направо\s*\)",
    short_date=r"\d{1,2}\s+(?:января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря)",
    not_places=frozenset(
        "в во на с со из к ко у о об от до по за при для как это этот эта он она они мы его их после "
        "перед между также однако".split()
    ),
    date_filler=r"понедельник|вторник|среда|четверг|пятница|суббота|воскресенье|опубликовано|обновлено"
    r"|дата|г|гг|года?|в",
)  # fmt: skip

# Sentence openers that refer back to the sentence before (qa.answer.shown), as English's
# (qa.lang.en.ANAPHOR_OPENERS): a demonstrative or personal pronoun first ("Это позволит", "Данное
# мероприятие", "Он отметил", "Их целью"), a preposition before one ("С этой целью", "По его словам",
# "При этом", "Кроме того", "В связи с этим"), and connectives ("Также", "Однако", "В результате",
# "Таким образом", "Затем"). "Последние" is left out: it means "recent" as often as "the latter".
_RU_DEMONSTRATIVE = (
    r"эт(?:от|а|о|и|ого|ой|ому|им|ом|у|их|ими)|т(?:от|а|о|е|ого|ой|ому|ем|ом|у|ех|еми)|"
    r"так(?:ой|ая|ое|ие|ого|их|им|ими|ую|ому)|данн\w+|указанн\w+|вышеуказанн\w+"
)
_RU_PRONOUN = r"он|она|оно|они|его|е[её]|их|ему|ей|им|ими|н(?:его|е[её]|их|ему|ей|им|ими)"
_RU_PREPOSITION = (
    r"в|во|на|для|с|со|по|при|после|до|из|от|к|о|об|за|под|над|перед|среди|кроме|помимо|благодаря|"
    r"согласно|вследствие|несмотря\s+на|в\s+ходе|в\s+рамках|в\s+результате|в\s+связи\s+с|наряду\s+с|"
    r"вместе\s+с|в\s+течение|в\s+целях|с\s+целью"
)
_RU_CONNECTIVE = (
    r"также|более\s+того|однако|поэтому|таким\s+образом|в\s+результате|тем\s+не\s+менее|вместе\s+с\s+тем|"
    r"в\s+то\s+же\s+время|затем|потом|далее|впоследствии|позднее|позже|следовательно|соответственно|итак|"
    r"в\s+частности|например|в\s+свою\s+очередь|в\s+том\s+числе|тогда|там|оба|обе"
)
ANAPHOR_OPENERS = re.compile(
    rf"[\"'«„“(\[]?(?:(?:{_RU_PREPOSITION})\s+(?:{_RU_DEMONSTRATIVE}|{_RU_PRONOUN})|{_RU_DEMONSTRATIVE}|"
    rf"{_RU_PRONOUN}|{_RU_CONNECTIVE})\b",
    re.IGNORECASE,
)

# A number question that asks for money (English's MONEY_QUESTION): the price, the cost, the budget,
# "сколько стоил", "сколько денег выделено"; not how an amount changed or what share it is.
_RU_RATE_WORDS = (r"процент\w*|дол[яиюе]|вырос\w*|рост\w*|увеличи\w*|уменьши\w*|снизи\w*|сократи\w*|упал\w*|"
                  r"измени\w*|врем\w*|долго")
# "средства" are funds, but not after another adjective: "наркотических / транспортных / технических средств"
# are drugs, vehicles, equipment ("денежных / финансовых / бюджетных средств" stay funds)
_FUNDS = r"(?:(?<![а-яё](?:их|ых)\s)|(?<=денежных\s)|(?<=финансовых\s)|(?<=бюджетных\s))средств\w*"
MONEY_QUESTION = re.compile(
    rf"^(?!.*{_W}(?:{_RU_RATE_WORDS}){_E}).*{_W}(?:сто(?:ит|ил|ила|ило|или|ят|имост\w*)|обош\w+|цен[аыуе]|бюджет\w*|"
    rf"финансировани\w*|затрат\w*|расход\w*|зарплат\w*|доход\w*|выручк\w*|штраф\w*|взнос\w*|инвестици\w*|"
    rf"грант\w*|денег|деньг\w*|{_FUNDS}|потрач\w*|выделен\w*|выделил\w*|заплати\w*|заплачен\w*|выплачен\w*|"
    rf"выплат\w*|доллар\w*|рубл\w*|евро){_E}",
    re.IGNORECASE | re.DOTALL,
)
CURRENCY = re.compile(
    r"[$€£¥₹₽]|(?<![\w])(?:доллар\w*|долл\.|рубл\w*|руб\.|евро|фунт\w*\s+стерлинг\w*|тенге|сом(?:ов|а|ы)?|сомони|"
    r"сум(?:ов|а)?|манат\w*|юан\w*|иен\w*|йен\w*|франк\w*|USD|EUR|KZT|RUB|KGS|TJS|UZS)(?![\w])",
    re.IGNORECASE,
)

# A question about a measure, and the units that answer it (qa.lang.base.Language.measure_questions);
# "сколько лет / километров" counts a noun (qa.answer.needs.needs().units).
MEASURE_QUESTIONS = (
    (("time", "range"), re.compile(
        rf"{_W}как\s+долго{_E}|{_W}сколько\s+времени{_E}|{_W}в\s+течение\s+какого\s+(?:времени|срока|периода){_E}|"
        rf"{_W}как(?:ова|ой|ую)\s+(?:продолжительность|длительность|срок){_E}", re.I)),
    (("length", "time"), re.compile(
        rf"{_W}как(?:ова|ой|ую)\s+(?:длина|длину|протяж[её]нность){_E}|{_W}какой\s+(?:длины|протяж[её]нности){_E}|"
        rf"{_W}как\s+далеко{_E}|{_W}на\s+каком\s+расстоянии{_E}|{_W}как(?:ово|ое)\s+расстояние{_E}", re.I)),
    (("length", "floors"), re.compile(
        rf"{_W}как(?:ова|ой|ую)\s+(?:высота|высоту|ширина|ширину|глубина|глубину|толщина|толщину){_E}|"
        rf"{_W}какой\s+(?:высоты|ширины|глубины|толщины){_E}", re.I)),
    (("age",), re.compile(rf"{_W}(?:какого\s+возраста|в\s+каком\s+возрасте|каков\s+(?:был\s+)?возраст){_E}", re.I)),
)
# A range of days in one month, with its year when one follows (Language.day_range, as English's DAY_RANGE): "с 3 по 7
# февраля 2025 года", "3-7 февраля", "между 3 и 7 февраля".
DAY_RANGE = re.compile(rf"(?<![\w-])(?:(?:с|со|между)\s+)?\d{{1,2}}\s*(?:[-–—]|по|до|и)\s*\d{{1,2}}\s+{_MONTH}(?![\w])"
                       r"(?:\s+\d{4}(?:\s*(?:г\.|года))?)?", re.I)
MEASURE_UNITS = {
    "length": re.compile(r"(?:км|километр\w*|метр\w*|м|миль|мили|миля|милю|сантиметр\w*|см|мм|миллиметр\w*|"
                         r"нанометр\w*|микрометр\w*|микрон\w*|ярд\w*|фут\w*|дюйм\w*|верст\w*|световых\s+лет)(?![\w])",
                         re.I),
    "time": re.compile(r"(?:секунд\w*|сек|минут\w*|мин|час\w*|ч|сут(?:ки|ок)|дн(?:я|ей|ям)|день|ноч\w*|недел\w*|"
                       r"месяц\w*|мес|год(?:а|у)?|лет|десятилети\w*|век\w*|столети\w*|тысячелети\w*|поколени\w*|"
                       r"семестр\w*|:\d\d(?!\d))\.?(?![\w])", re.I),  # ":08": minutes and seconds ("3:08")
    # "т" and "г" only before the word they weigh ("1,2 т героина", "500 г"): "2021 г." is a year, "т. е." no tonne
    "mass": re.compile(r"(?:кг|килограмм\w*|кило|(?:гига|мега|кило)?тонн\w*|грамм\w*|гр|мг|миллиграмм\w*|фунт\w*|"
                       r"унци\w*|карат\w*)\.?(?![\w])|(?:т\.?|г)(?=\s+[а-яё]{3,})", re.I),
    # "кв." alone too: a sentence splitter may end the sentence there ("160 000 кв. | миль")
    "area": re.compile(r"(?:квадратн\w+\s*(?:километр\w*|метр\w*|мил\w*|км|м)|кв\.?(?:\s*(?:километр\w*|метр\w*|мил\w*|"
                       r"км|м)(?![\w]))?|км2|км²|м2|м²|гектар\w*|га)(?![\w])", re.I),
    "volume": re.compile(r"(?:литр\w*|л|мл|миллилитр\w*|галлон\w*|баррел\w*|(?:кубическ\w+|куб\.?)\s*(?:метр\w*|"
                         r"километр\w*|м|км)|м3|м³)\.?(?![\w])", re.I),
    "floors": re.compile(r"(?:этаж\w*)(?![\w])", re.I),
    "range": re.compile(r"(?<![\w-])(?:с|со|от|между|до|по)\s+(?:\w+\s+){0,3}?(?:1\d|20)\d\d(?![\w])|"
                        r"(?<![\w-])(?:1\d|20)\d\d\s*(?:[-–—]|по|до)\s*(?:(?:1\d|20)?\d\d)(?![\d])|"
                        # days of one month: "с 3 по 7 февраля", "3-7 февраля"
                        + DAY_RANGE.pattern, re.I),
}
MEASURE_QUANTIFIERS = re.compile(r"(?<![\w-])(?:несколько|нескольких|пар[уыа]|полтор[аы]|много|многих|около|"
                                 r"десятки|десятков|сотни|сотен|тысячи|тысяч|миллионы|миллионов)\s+$", re.I)

# Words that frame a question without naming what it asks about (Language.frame_words), as English's
# FRAME_WORDS: "примерно сколько ...", "сколько всего ...", "кто сейчас ...".
FRAME_WORDS = frozenset("""
примерно приблизительно около почти порядка ровно точно именно всего
сейчас ныне нынешний нынешняя текущий текущая ещё еще уже включая исключая учитывая считая
""".split())
# Language.contact_words, as English's CONTACT_WORDS
CONTACT_WORDS = frozenset("""
электронный электронной электронная почта почты почту адрес адреса сайт сайта сайте страница страницы ссылка
телефон телефона номер номера факс связаться написать позвонить обращаться контакт контакты
""".split())
# A figure ("48", "1 050", "2022-2023", "1990-х"), thousands or millions ("2 млн"), then a unit or a year written
# short and a capital (Language.unit_end): pysbd reads "кг.", "г.", "руб." as inside a sentence, but after a figure
# they end one as often as not ("изъято 48 кг. | Водитель задержан", "4 мая 2024 г. | Её провели"). Not a city
# ("в г. Алматы": no figure), "т.е." or initials (no space after the stop), nor "5 млн. долларов" (lower case) or
# "млн долл. США" (the dollar's country). A Latin capital must start a word: "2020 г. N 5" is a law's number.
UNIT_END = re.compile(
    r"\d(?:-[а-яё]{1,3})?\s+(?:(?:тыс|млн|млрд|трлн)\.?\s+)*"
    r"(?:гг|г|кг|км|т|руб|тыс|млн|млрд|трлн|долл(?!\.\s+США\b))\."
    r"(?=\s+[«\"“„(]?(?:[А-ЯЁ]|[A-Z][A-Za-z]))"
)

# Units a count may be written in (Language.unit_names), as English's UNIT_NAMES.
UNIT_NAMES = (
    "килограмм килограммов килограмма кг",
    "тонна тонн тонны",
    "грамм граммов грамма",
    "километр километров километра км",
    "гектар гектаров гектара га",
)

# A question that asks for a date of one grain (Language.date_questions), as English's DATE_QUESTIONS: "в каком
# году", "какого года" (year), "в каком месяце", "какого числа", "в какой день", "какова дата" (any date), "в каком
# веке / десятилетии". Only a question word before the grain's noun: "год" alone is in "в прошлом году".
_ASKING = rf"{_W}(?:как|котор)\w*\s+(?:именно\s+)?"
DATE_QUESTIONS = (
    ("month", re.compile(rf"{_W}(?:в\s+)?как\w*\s+(?:время|времена)\s+года{_E}", re.I)),  # a season answers it
    ("clock", CLOCK_QUESTION),
    ("year", re.compile(rf"{_ASKING}год(?:а|у|ы|ах|ов)?{_E}", re.I)),
    ("month", re.compile(rf"{_ASKING}месяц\w*{_E}", re.I)),
    ("date", re.compile(rf"{_ASKING}дат\w*{_E}", re.I)),
    ("day", re.compile(rf"{_ASKING}(?:числа|день|дня|дне|дни|дней){_E}", re.I)),
    ("century", re.compile(rf"{_ASKING}(?:век\w*|столети\w*|десятилети\w*){_E}", re.I)),
)
# What may state a date of each grain (Language.date_grains), as English's DATE_GRAINS: any number of three or
# four digits may be a year, a season a month ("весной", "летом"), a weekday or "накануне" a day.
_NUMERIC_DATE = r"(?<![\d.])\d{1,2}[./]\d{1,2}[./]\d{2,4}(?!\d)"  # "12.03.2021"
_DATE_GRAINS = {
    "year": rf"(?<![\d,.])\d{{3,4}}(?!\d)(?![,.]\d)|{_W}(?:век(?:а|е|у|ом|ов|ами|ах)?|столети\w*|десятилети\w*){_E}"
            rf"|(?<![\w-])\d0-?(?:х|е|ые|ых){_E}|{_NUMERIC_DATE}",
    "month": rf"{_W}(?:{_MONTH}|весн(?:а|ы|е|у|ой|ою)|весен\w+|лет(?:о|ом|а|е|н\w+)|осен(?:ь|и|ью|н\w+)|"
             rf"зим(?:а|ы|е|у|ой|ою|н\w+)){_E}",
    "day": (
        rf"(?<![\w-])\d{{1,2}}(?:-?(?:го|е|й))?(?:\s*[-–]\s*\d{{1,2}}(?:-?(?:го|е|й))?)?\s+{_MONTH}{_E}"
        rf"|{_W}(?:понедельник\w*|вторник\w*|сред[аеуы]|четверг\w*|пятниц\w*|суббот\w*|воскресень\w*|сегодня|"
        rf"вчера|завтра|накануне|день|дня|дне|дн[её]м|сутки|суток){_E}|{_NUMERIC_DATE}"
    ),
}
# a time of day: "в 10:30", "в 10.00", "в 9 часов", "утром", "в полдень"
_DATE_GRAINS["clock"] = (
    rf"(?<![\d.])\d{{1,2}}[:.]\d\d(?!\d|[./]\d)|{_W}(?:час(?:а|ов|у|ом|ы)?|утр(?:о|а|ом|у)|вечер(?:ом|а|у)?|ноч(?:ь|и|ью)|"
    rf"дн[её]м|полдень|полудн\w*|полноч\w*|рассвет\w*|закат\w*){_E}"
)
# a century or a decade ("в XII веке", "в 1990-х", "в 90-е") is read as a year is
_DATE_GRAINS["century"] = _DATE_GRAINS["year"]
_DATE_GRAINS["date"] = "|".join(_DATE_GRAINS[g] for g in ("year", "month", "day"))  # any of them
DATE_GRAINS = {grain: re.compile(pattern, re.I) for grain, pattern in _DATE_GRAINS.items()}

# Words that say a figure covers only part of the period it names (Language.partial_period, as English's): "за
# девять месяцев 2023 года", "по итогам 9 месяцев", "в первом полугодии", "за III квартал", "с начала года", "по
# состоянию на 1 октября", "к концу сентября", "в январе–сентябре", "с января по сентябрь", "за истекший период".
_SOME_MONTHS = (r"(?:дв(?:а|ух)|тр(?:и|[её]х)|четыр(?:е|[её]х)|пят[ьи]|шест[ьи]|сем[ьи]|восьм[и]|восемь|девят[ьи]|"
                r"десят[ьи]|одиннадцат[ьи]|[2-9]|1[01])")
_MONTH_NOT_DEC = (r"(?:январ[ьяюе]|феврал[ьяюе]|март[ауе]?|апрел[ьяюе]|ма[йяюе]|июн[ьяюе]|июл[ьяюе]|август[ауе]?|"
                  r"сентябр[ьяюе]|октябр[ьяюе]|ноябр[ьяюе])")
PARTIAL_PERIOD = re.compile(
    rf"\b(?:за|в|в\s+течение|по\s+итогам)\s+(?:перв(?:ые|ых)\s+)?{_SOME_MONTHS}\s+месяц(?:а|ев)\b"
    r"|(?:\b(?:перв|втор|трет|четв[её]рт)\w*|\b(?:I{1,3}|IV))\s+(?:полугоди|квартал)\w*"
    r"|\b(?:за|по\s+итогам)\s+полугоди\w*"
    r"|\bс\s+начала\s+(?:года|этого\s+года|текущего\s+года|(?:19|20)\d\d\s+года)"
    r"|\bпо\s+состоянию\s+на\b"
    rf"|\bк\s+концу\s+(?:{_MONTH_NOT_DEC}|(?:перв|втор|трет)\w*\s+(?:квартал|полугоди)\w*)"
    rf"|\bянвар[ьеяю]\s*[-–—]\s*{_MONTH_NOT_DEC}|\bс\s+января\s+по\s+{_MONTH_NOT_DEC}"
    r"|\bистекш\w*\s+период\w*",
    re.I,
)

# A figure a sentence says is superseded by the one it gives (Language.superseded, Language.corrects, as English's):
# "1 320 кг, а не 1 230 кг, как сообщалось ранее", "52 вместо 47", "уточнено с 47 до 52", "1 320 кг (ранее — 1 230
# кг)", "вместо ранее сообщавшихся 1 230 кг". "а не", "не", "с", "ранее" say it only in a sentence that says it
# corrects a report ("как сообщалось ранее", "уточнённые данные", "исправлено", "ошибочно").
SUPERSEDED = re.compile(
    r"(?:(?<![\w-])(?:вместо(?:\s+(?:ранее\s+)?(?:сообщ|указ|заявл|объявл|опубликова)\w*)?"
    r"|(?:ранее|первоначально|ошибочно)\s+(?:сообщ|указ|заявл|объявл|опубликова)\w*(?:\s+(?:о|об|в))?)"
    r"|(?P<weak>(?<![\w-])(?:а\s+не|не|с|ранее|прежде)))"
    r"\s*[-–—:,]?\s+(?:(?:около|примерно|более|свыше|почти)\s+)?$",
    re.I,
)
CORRECTS = re.compile(
    r"(?<![\w-])(?:как\s+(?:и\s+)?(?:сообщалось|указывалось|говорилось|заявлялось|было\s+(?:объявлено|сообщено))"
    r"|ранее\s+сообщ\w*|уточн\w*|исправл\w*|скорректир\w*|пересмотр\w*|ошибочн\w*|по\s+ошибке|обновл[её]нн\w*)",
    re.I,
)

# A figure given before all reports were in, and the final one (Language.preliminary, Language.final,
# Language.asks_final, as English's): "по предварительным данным", "предварительные итоги", "промежуточные
# результаты", "ориентировочно", "по состоянию на 30 июня"; "итоговые показатели", "окончательные данные", "всего",
# "в общей сложности", "подтверждено". A question asks for the final figure with "окончательно", "итоговое", "в итоге".
PRELIMINARY = re.compile(
    r"(?<![\w-])(?:предварительн\w*|промежуточн\w*|ориентировочн\w*|неподтвержд\w*|по\s+первичным\s+данным"
    r"|по\s+состоянию\s+на)",
    re.I,
)
FINAL = re.compile(
    r"(?<![\w-])(?:итогов\w*|окончательн\w*|всего|в\s+общей\s+сложности|подтвержд[её]нн\w*|официальн\w+\s+(?:данн|итог|результат)\w*)",
    re.I,
)
ASKS_FINAL = re.compile(r"(?<![\w-])(?:окончательн\w*|итогов\w*|в\s+итоге|в\s+конечном\s+(?:сч[её]те|итоге)|подтвержд\w*)",
                        re.I)

# Snowball reads the "-ан" of a noun as a verb ending, so a country's name loses its "н" in two cases and keeps
# it in the others: Казахстан, Казахстана -> "казахста"; Казахстане, Казахстаном -> "казахстан". A question "в
# Таджикистане" then missed a table or a sentence saying "Таджикистан". These names are stemmed by their case
# endings alone, to the name itself.
_CASE_ENDINGS = ("", "а", "у", "е", "ом", "ы", "ов", "ам", "ами", "ах")


@functools.cache
def whole_names() -> dict[str, str]:
    """Every case form of a country name in -ан / -ян that Snowball stems unevenly -> the name (Language.stems)."""
    import Stemmer

    stemmer = Stemmer.Stemmer("russian")
    out = {}
    for name in country_names("ru"):
        for word in name.replace("-", " ").split():
            if word.endswith(("ан", "ян")) and stemmer.stemWord(word) != word:
                out.update({word + ending: word for ending in _CASE_ENDINGS})
    return out


# Who holds a role now (Language.holder_words, as English's): "кто сейчас", "кто является", "возглавляет" ask for
# the present; "был", "раньше", "до" for the past; "бывший", "ранее", "до декабря 2023 года", "с 2021 по декабрь 2023
# года" mark a holder as past; "с января 2024 года", "назначен", "вступил в должность" state a start. The roles, by
# their starts, read as English's (qa.answer.short.roles): "руководитель проекта" is its manager or head.
_RU_MONTH = r"(?:январ|феврал|март|апрел|ма[йяе]|июн|июл|август|сентябр|октябр|ноябр|декабр)[а-яё]*"
_RU_WHEN = rf"(?:(?:\d{{1,2}}\s+)?{_RU_MONTH}\s+)?(?:19|20)\d\d"
HOLDER_WORDS = HolderWords(
    present=re.compile(r"(?<!\w)(?:сейчас|ныне|нынешн\w*|текущ\w*|в\s+настоящее\s+время|является|являются|"
                       r"возглавляет|руководит|занимает)(?!\w)", re.I),
    past=re.compile(r"(?<!\w)(?:был[аио]?|раньше|ранее|прежде|до|бывш\w*|прежн\w*|"
                    r"(?:руководил|возглавлял|занимал|являл(?:ся|ась|ись)|управлял)[аи]?)(?!\w)", re.I),
    held_before=re.compile(
        rf"(?<!\w)до\s+{_RU_WHEN}|(?<!\w)по\s+{_RU_WHEN}|(?<!\w)(?:бывш\w*|прежн\w*|ранее|покинул\w*)(?!\w)"
        r"|(?<!\w)(?:руководил|возглавлял|занимал|управлял)[аи]?(?!\w)", re.I),
    started=re.compile(
        rf"(?<!\w)с\s+{_RU_WHEN}|(?<!\w)(?:назнач\w*|избран\w*)(?!\w)|вступил\w*\s+в\s+должность", re.I),
    roles=(("руковод", "head"), ("возглав", "head"), ("начальник", "head"), ("глав", "head"), ("директор", "direct"),
           ("председател", "chair"), ("заместител", "deput"), ("координатор", "coordinat"), ("менеджер", "manag"),
           ("посол", "ambassad"), ("министр", "minist"), ("представител", "representat"), ("советник", "adviser"),
           ("эксперт", "expert"), ("аналитик", "analyst"), ("командир", "command"), ("секретар", "secretar")),
    other=re.compile(r"^\W*(?:кому|с\s+кем|перед\s+кем)(?!\w)|подчиняет\w*", re.I),
    who_is=frozenset({"кто", "такой", "такая", "такие"}),
)

LANGUAGE = Language(
    code="ru",
    stemmer="russian",
    stems=whole_names,
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
    furniture=FURNITURE,
    news_titles=NewsTitles(  # the nominative month: "Новости, март 2024", as a heading names a month
        "Новости {site}",
        "Новости, {months}",
        tuple("январь февраль март апрель май июнь июль август сентябрь октябрь ноябрь декабрь".split()),
        # the genitive after a day: "12 марта 2024" (also qa.ingest.dates.russian_month)
        tuple("января февраля марта апреля мая июня июля августа сентября октября ноября декабря".split()),
    ),
    countries=functools.partial(country_names, "ru"),
    rejoin_false_splits=True,
    name_initial=re.compile(r"(?:^|\s)[А-ЯЁ]\.$"),  # a Cyrillic initial: "Э."
    unit_end=UNIT_END,
    anaphor_openers=ANAPHOR_OPENERS,
    money_question=MONEY_QUESTION,
    currency=CURRENCY,
    measure_questions=MEASURE_QUESTIONS,
    measure_units=MEASURE_UNITS,
    measure_quantifiers=MEASURE_QUANTIFIERS,
    day_range=DAY_RANGE,
    unit_names=UNIT_NAMES,
    frame_words=FRAME_WORDS,
    contact_words=CONTACT_WORDS,
    date_questions=DATE_QUESTIONS,
    date_grains=DATE_GRAINS,
    partial_period=PARTIAL_PERIOD,
    superseded=SUPERSEDED,
    corrects=CORRECTS,
    preliminary=PRELIMINARY,
    final=FINAL,
    asks_final=ASKS_FINAL,
    holder_words=HOLDER_WORDS,
)
