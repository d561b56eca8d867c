"""Russian page furniture (qa/lang/ru.py's PageFurniture, read by qa/ingest/furniture.py,
captions.py and datelines.py; Russian datelines are tested with the English ones in
test_furniture_media.py): rating widgets, pagination, share bars, photo credits, captions
and datelines of invented Russian pages stay out of items, titles and answer sentences; real
sentences that merely mention a photo, a page or a subscription stay."""

from __future__ import annotations

import pytest

from qa import store
from qa.build import build_index
from qa.ingest import parse_text
from qa.ingest.captions import ends_with_credit, has_caption_cue, is_caption_by_form, is_photo_credit
from qa.ingest.furniture import furniture_rule

HEADLINE = "Казахстан и Узбекистан договорились о совместных пограничных патрулях"
LEAD = (
    "Пограничные службы Казахстана и Узбекистана договорились о совместном патрулировании участка "
    "границы протяжённостью 40 км. Первый патруль выйдет из Жибек Жолы на следующей неделе."
)
SECOND = "Представители ведомств отметили, что соглашение будет пересмотрено через шесть месяцев."
PHOTO_SENTENCE = "Фотографии изъятых наркотиков были показаны журналистам после операции."

PAGE = f"""Главная | Новости | Контакты

{HEADLINE}

АЛМАТЫ, 12 мая 2023 — {LEAD}

Пограничники обеих стран на пункте пропуска «Жибек Жолы»

Фото пресс-службы КНБ

{SECOND}

{PHOTO_SENTENCE}

Фото с сайта mvd.gov.kz

Источник: МВД РК

Теги: граница, патрули

Просмотров: 1234

Оцените материал

(12 голосов)

Поделиться в Facebook

Версия для печати

Подписывайтесь на наш канал в Telegram!

Читать далее

Другие новости

Страница 1 из 5

« Первая ‹ Предыдущая 1 2 3 Следующая › Последняя »

Нашли ошибку? Выделите текст и нажмите Ctrl+Enter

При использовании материалов сайта ссылка на источник обязательна.

Мы используем файлы cookie. Продолжая использовать сайт, вы соглашаетесь с политикой конфиденциальности.

Принять
"""


def block_texts(text, items):
    return [text[b.start : b.end] for it in items for b in it.blocks]


def test_a_russian_news_page_keeps_only_its_story():
    [item] = parse_text(PAGE)
    assert item.title == HEADLINE
    assert item.date == "2023-05-12"
    # no dateline, caption, credit or widget in any block: only the story's own sentences
    assert block_texts(PAGE, [item]) == [LEAD, SECOND, PHOTO_SENTENCE]


def test_rating_widgets_between_russian_stories_separate_them():
    one = "12 мая 2023 года пограничники Казахстана задержали 40 кг героина на границе."
    two = "15 мая 2023 года таможенники Узбекистана провели учения в Ташкенте."
    text = f"{one}\n\nОцените материал\n\n(3 голоса)\n\n{two}\n\nОцените материал\n"
    assert [block_texts(text, [it]) for it in parse_text(text)] == [[one], [two]]


@pytest.mark.parametrize(
    "line, rule",
    [
        ("Оцените материал", "rating"),
        ("Оцените статью:", "rating"),
        ("Рейтинг: 4.5 / 5", "rating"),
        ("Страница 1 из 5", "pagination"),
        ("Стр. 2/7", "pagination"),
        ("« Первая ‹ Предыдущая 1 2 3 Следующая › Последняя »", "pagination"),
        ("Читать далее", "read-more"),
        ("Подробнее →", "read-more"),
        ("Поделиться", "share"),
        ("Поделиться в Facebook", "share"),
        ("Версия для печати", "share"),
        ("Отправить по e-mail", "share"),
        ("Другие новости раздела", "related"),
        ("Читайте также:", "related"),
        ("Вернуться к списку новостей", "related"),
        ("Просмотров: 1 234", "views"),
        ("Автор: Иван Петров", "label"),
        ("Опубликовано: 12.05.2023", "label"),
        ("Принять все", "consent"),
        ("Подписывайтесь на наш канал в Telegram!", "chrome"),
        ("Подпишитесь на рассылку", "chrome"),
        ("Все права защищены.", "chrome"),
        ("Нашли ошибку? Выделите текст и нажмите Ctrl+Enter", "chrome"),
        ("При использовании материалов сайта ссылка на источник обязательна.", "reprint"),
        ("Этот сайт использует файлы cookie для удобства пользователей.", "cookie"),
    ],
)
def test_russian_furniture_lines_are_recognised_by_their_rule(line, rule):
    found = furniture_rule(line)
    assert found is not None and found[1] == rule


@pytest.mark.parametrize(
    "sentence",
    [
        PHOTO_SENTENCE,
        "На фотографии, опубликованной МВД, видны мешки с героином.",
        "Фото пресс-службы МВД были опубликованы в социальных сетях и вызвали широкий резонанс.",
        "Подписка на издание выросла на 20 процентов.",
        "Печать документов заняла у таможенников три дня.",
        "Страница 5 доклада посвящена контрабанде героина.",
        "Поделиться опытом в Алматы приехали эксперты из Вены.",
        "Далее делегаты посетили пункт пропуска «Кордай».",
        "Все новости о работе пограничников публикуются на сайте ведомства.",
        "Источник в МВД сообщил, что операция продолжается.",
        "Оценка ущерба составила 40 млн тенге.",
        "Просмотр видеозаписей занял у следователей неделю.",
        "Автор доклада, Иван Петров, выступил на конференции в Вене.",
    ],
)
def test_russian_sentences_that_use_the_same_words_stay(sentence):
    assert furniture_rule(sentence) is None
    assert not is_photo_credit(sentence) and not is_caption_by_form(sentence)
    text = f"{LEAD}\n\n{sentence}\n\n{SECOND}\n"
    assert block_texts(text, parse_text(text)) == [LEAD, sentence, SECOND]


@pytest.mark.parametrize(
    "line",
    [
        "Фото: пресс-служба КНБ",
        "Фото пресс-службы МВД Казахстана",
        "Фото с сайта mvd.gov.kz",
        "Фото из открытых источников",
        "Фото из архива МВД",
        "Фото Ивана Петрова",
        "Фото ИА «Казинформ»",
        "Фото — Иван Петров",
        "Фото предоставлено пресс-службой ДП",
        "(Фото: Reuters)",
        "Иллюстративное фото",
        "Автор фото: Анна Ли",
        "Фотограф: Иван Петров",
    ],
)
def test_russian_photo_credits_are_recognised(line):
    assert is_photo_credit(line)


@pytest.mark.parametrize(
    "line",
    [
        "Фото изъятых наркотиков показали журналистам",  # the source of a credit is capitalised
        "Фото — главное доказательство по делу",
        "Фотографии изъятых наркотиков были показаны журналистам",
    ],
)
def test_russian_lines_about_a_photo_are_not_credits(line):
    assert not is_photo_credit(line)


def test_russian_captions():
    assert ends_with_credit("Пограничники на пункте пропуска. Фото: КНБ")
    assert ends_with_credit("Участники семинара (Фото пресс-службы МВД)")
    assert has_caption_cue("На фото: участники семинара")
    assert has_caption_cue("На снимке министр внутренних дел Ержан Саденов")
    assert has_caption_cue("Слева направо: И. Петров, А. Ли")
    # a sentence that opens like a caption but ends with a full stop is a sentence
    assert not has_caption_cue("На фотографии, опубликованной МВД, видны мешки с героином.")


def test_russian_furniture_never_reaches_the_index(tmp_path, settings_for, hash_embedder):
    """Every stored sentence (what an answer can be) and passage of an indexed Russian page is
    the story's own text."""
    corpus = tmp_path / "docs"
    corpus.mkdir()
    (corpus / "novosti.txt").write_text(PAGE, encoding="utf-8")
    build_index(settings_for(corpus), hash_embedder)
    index = store.Index.open(settings_for(corpus).index_dir)
    sentences = [r.text for r in index.sentences(0, len(index.sentence_vectors))]
    chunks = [r.text for r in index.chunks(list(range(index.faiss.ntotal)))]
    index.close()
    story = " ".join([LEAD, SECOND, PHOTO_SENTENCE])
    assert sentences and all(s in story for s in sentences)
    assert chunks and all(c in PAGE and not any(w in c for w in ("Фото ", "Оцените", "АЛМАТЫ")) for c in chunks)
