"""Rendering to HTML: everything from documents and users is escaped, highlights land where cited."""

from __future__ import annotations

import re

from qa.contracts import Answer
from qa.app.render import Citation, esc, mark_span, render_corpus, render_question, render_reply, render_source


def _cite(**kw) -> Citation:
    base = dict(n=1, doc="a.txt", title="Title", date="2022-08-10", item=0, start=0, end=10, text="x", score=0.5)
    base.update(kw)
    return Citation(**base)


def test_esc_neutralises_html_and_markdown():
    out = esc('<script>alert(1)</script> [click](http://evil) **bold** `code` $$x$$ ${v} {{v}} _i_ # h')
    for bad in ("<script", "[click]", "(http", "**", "`", "$$", "${", "{{", "_i_", "# h"):
        assert bad not in out
    assert "&lt;script&gt;" in out


def test_esc_keeps_text_readable_after_html_decoding():
    import html

    text = 'A & B <c> [d](e) *f* "g" \'h\' ~i~ |j| \\k !l'
    assert html.unescape(esc(text)) == text


def test_question_is_escaped():
    assert "<b>" not in render_question("<b>hi</b> [x](y)")
    # a very long question shows its start and its length, so the reply below it stays in view
    long = "Who hosted the workshop " * 120
    shown = render_question(long.strip())
    assert len(shown) < 600 and "(2,879 characters)" in shown and shown.count("Who hosted") < 20


def test_reply_marks_span_and_numbers_citations():
    answer = Answer(
        text="As a result, 740 kg of drugs were seized.", doc="d.txt", title="Ops", date="2022-06-29",
        start=100, end=141, score=0.61, passage_rank=2, span=(113, 128),
    )
    cites = [_cite(n=1, doc="d.txt"), _cite(n=2, doc="d.txt", title="Ops", date="2022-06-29")]
    html = render_reply(3, answer, cites, searched="who? ops")
    assert "<mark><strong>740 kg of drugs</strong></mark>" in html
    assert "As a result, <mark>" in html
    assert "Confidence 0.61" in html
    assert 'href="#cite-3-1"' in html and 'href="#cite-3-2"' in html
    assert "&#91;2&#93;" in html  # the visible "[2]"
    assert "Searched for:" in html and "Sources:" in html
    assert "\n" not in html  # one line: Markdown never re-reads it


def test_passages_of_one_news_item_are_listed_once_with_all_their_numbers():
    cites = [
        _cite(n=1, doc="d.txt", item=3, title="CNC meeting", text="first passage"),
        _cite(n=2, doc="e.txt", item=0, title="Other news", text="other passage"),
        _cite(n=3, doc="d.txt", item=3, title="CNC meeting", text="second passage"),
    ]
    html = render_reply(0, None, cites)
    assert html.count("CNC meeting") == 1 and html.count("Other news") == 1
    item = html[html.index("<li>"):html.index("</li>")]
    assert 'href="#cite-0-1"' in item and 'href="#cite-0-3"' in item  # both numbers open their passage
    assert "first passage" in item and "second passage" in item
    # sources appear in the order of their best passage; each excerpt says which number it is
    assert html.index("first passage") < html.index("second passage") < html.index("Other news")
    assert "&#91;3&#93;</span> second passage" in html


def test_reply_without_answer_says_so_and_lists_related():
    html = render_reply(0, None, [_cite(n=1, title="Close one")])
    assert "Not found in the documents." in html
    assert "Possibly related:" in html and "Close one" in html


def test_a_not_found_says_what_the_passages_lack_when_known():
    why = "None of the best passages states an amount of money."
    html = render_reply(0, None, [_cite(n=1, title="Close one")], not_found=why)
    assert html.index("Not found in the documents.") < html.index(why) < html.index("Possibly related:")
    assert "qa-why" not in render_reply(0, None, [_cite(n=1, title="Close one")])
    assert "<b>" not in render_reply(0, None, [], not_found="<b>x</b>")  # escaped like every text


def test_reply_hides_passages_when_asked():
    cites = [_cite(text="passage body text")]
    assert "passage body text" in render_reply(0, None, cites, show_passages=True)
    assert "passage body text" not in render_reply(0, None, cites, show_passages=False)


def test_reply_escapes_document_text_and_titles():
    evil = '<script>alert("x")</script> see [here](http://evil.example) <img src=x onerror=alert(1)>'
    answer = Answer(text=evil, doc="<b>.txt", title=evil, date=None, start=0, end=len(evil), score=0.5, passage_rank=1)
    html = render_reply(0, answer, [_cite(doc="<b>.txt", title=evil, text=evil, end=len(evil))])
    assert "<script" not in html and "<img" not in html and "<b>" not in html
    assert "](http" not in html
    assert "&lt;script&gt;" in html


def test_an_answer_cut_from_a_long_sentence_shows_where_the_sentence_goes_on():
    answer = Answer(
        text="the Drug Enforcement Administration of the US Department of Justice,", doc="d.txt", title="Ops",
        date="2021-10-28", start=200, end=268, score=0.65, passage_rank=1, cut_before=True, cut_after=True,
    )
    html = render_reply(1, answer, [_cite(n=1, doc="d.txt")])
    assert "… the Drug Enforcement Administration of the US Department of Justice, …" in html
    whole = Answer(text="The course ran for five days.", doc="d.txt", title="Ops", date=None, start=0, end=29,
                   score=0.7, passage_rank=1)
    assert "…" not in render_reply(2, whole, [_cite(n=1, doc="d.txt")])


def test_a_table_row_answer_shows_under_its_header_with_the_asked_cell_marked():
    row = "Osgate | 5,100 cubic metres | 9"
    answer = Answer(text=row, doc="report.pdf", title="Report", date=None, start=700, end=700 + len(row), score=0.58,
                    passage_rank=1, span=(709, 727), page=3, header="Station | Output per day | Staff")
    html = render_reply(1, answer, [_cite(n=1, doc="report.pdf")])
    assert '<div class="qa-short">5,100 cubic metres</div>' in html
    assert "<th>Station</th><th>Output per day</th><th>Staff</th>" in html
    assert "<td>Osgate</td><td><mark><strong>5,100 cubic metres</strong></mark></td><td>9</td>" in html


def test_a_low_confidence_answers_short_answer_is_marked_in_its_sentence_not_set_above_it():
    row = "Osgate | 5,100 cubic metres | 9"
    answer = Answer(text=row, doc="report.pdf", title="Report", date=None, start=700, end=700 + len(row), score=0.12,
                    passage_rank=1, span=(709, 727), page=3, header="Station | Output per day | Staff")
    html = render_reply(1, answer, [_cite(n=1, doc="report.pdf")])
    assert 'class="qa-short"' not in html
    assert "<mark><strong>5,100 cubic metres</strong></mark>" in html


def test_mark_span_ignores_span_outside_sentence():
    assert mark_span("abc", 10, (0, 5)) == "abc"
    assert mark_span("hello world", 10, (16, 21)) == "hello <mark><strong>world</strong></mark>"


def test_source_highlights_passage_answer_and_span_in_item():
    doc = "HEADLINE\nIntro sentence. The answer is 42 here. Tail text.\nNext para."
    item_start = 0
    p0 = doc.index("Intro")
    a0 = doc.index("The answer")
    a1 = doc.index("Tail") - 1
    s0 = doc.index("42")
    c = _cite(start=p0, end=len(doc), text=doc[p0:], answer=(a0, a1), span=(s0, s0 + 2))
    html = render_source(c, doc, item_start)
    assert '<mark class="qa-hl-passage" id="qa-focus">Intro sentence. </mark>' in html
    assert '<mark class="qa-hl-answer"><strong>42</strong></mark>' in html
    assert "HEADLINE\n" in html  # context around the passage, newlines kept for pre-wrap
    assert "a.txt" in html and esc("Title (10 Aug 2022)") in html
    # removing tags gives back the item text exactly
    assert __import__("html").unescape(re.sub(r"<[^>]+>", "", html.split('qa-source-body">', 1)[1])) == doc


def test_a_two_sentence_answer_is_named_for_what_each_highlight_is():
    # "It ..." refers back: the answer shows the sentence before it too (qa.answer.shown)
    doc = "HEADLINE\nThe pier was rebuilt in 2021. It cost 42 million crowns. Tail text."
    b0, a0 = doc.index("The pier"), doc.index("It cost")
    a1, s0 = doc.index("Tail") - 1, doc.index("42")
    c = _cite(start=b0, end=len(doc), text=doc[b0:], answer=(b0, a1), span=(s0, s0 + 10), sentence_start=a0)
    html = render_source(c, doc, 0)
    assert '<mark class="qa-hl-before" id="qa-focus">The pier was rebuilt in 2021. </mark>' in html
    assert '<mark class="qa-hl-answer">It cost </mark>' in html
    legend = html.split('class="qa-legend">', 1)[1]
    assert legend.index("sentence the answer refers to") < legend.index("answer sentence")
    one = render_source(_cite(start=b0, end=len(doc), text=doc[b0:], answer=(a0, a1)), doc, 0)
    assert "refers to" not in one and "qa-hl-before" not in one

    answer = Answer(text=doc[b0:a1], doc="a.txt", title="Pier", date=None, start=b0, end=a1, score=0.5,
                    passage_rank=1, span=(s0, s0 + 10), sentence_start=a0)
    reply = render_reply(0, answer, [c])
    assert ('<span class="qa-before">The pier was rebuilt in 2021. </span>It cost '
            "<mark><strong>42 million</strong></mark> crowns.") in reply


def test_source_escapes_script_and_markdown_in_documents():
    doc = "Before <script>alert(1)</script> and [a link](http://x.example) after."
    c = _cite(start=0, end=len(doc), text=doc)
    html = render_source(c, doc, 0)
    assert "<script" not in html and "](http" not in html
    assert "&lt;script&gt;alert&#40;1&#41;&lt;/script&gt;" in html


def test_corpus_panel_lists_documents_skipped_and_pending():
    html = render_corpus({
        "built_at": "2025-01-02T03:04:05+0000", "generation": "gen-000002",
        "counts": {"documents": 1, "items": 3, "chunks": 7},
        "documents": [{"doc": "<x>.txt", "items": 3, "chunks": 7, "chars": 12345, "sha256": "0"}],
        "skipped": [{"path": "bad.pdf", "reason": "unsupported type .pdf"}],
        "pending": ["new.txt"], "missing": [],
    })
    assert "&lt;x&gt;.txt" in html and "<td>3</td><td>7</td>" in html
    assert "2025-01-02T03:04:05+0000" in html
    assert "bad.pdf" in html and "unsupported type .pdf" in html
    assert "new.txt" in html and "Re-index" in html


def test_corpus_panel_lists_files_changed_since_indexed_apart_from_new_and_gone_ones():
    html = render_corpus({
        "counts": {"documents": 2}, "documents": [],
        "pending": ["new.txt"], "changed": ["edited <1>.txt"], "missing": ["gone.txt"],
    })
    lists = re.findall(r'<div class="qa-sub">([^<]*)</div><ul class="qa-pending">(.*?)</ul>', html)
    assert lists == [("Not indexed yet (click Re-index):", "<li>new.txt</li>"),
                     ("Changed since indexed (click Re-index):", "<li>edited &lt;1&gt;.txt</li>"),
                     ("Indexed but no longer in the corpus folder:", "<li>gone.txt</li>")]


def test_corpus_panel_in_russian_words_its_own_words_and_keeps_numbers_names_and_dates():
    html = render_corpus({
        "built_at": "2025-01-02T03:04:05+0000", "generation": "gen-000002",
        "counts": {"documents": 1, "items": 3, "chunks": 7},
        "documents": [{"doc": "<x>.txt", "items": 3, "items_matching": 2, "chunks": 7, "chars": 12345, "pages": 4}],
        "skipped": [{"path": "bad.pdf", "reason": "unsupported type .pdf"}],
        "pending": ["new.txt"], "changed": ["edited.txt"], "missing": ["gone.txt"],
    }, "ru")
    assert "Документов: 1 · материалов: 3 · фрагментов: 7<br>Последняя индексация: 2025-01-02T03:04:05+0000" in html
    assert "<th>Документ</th><th>Материалы</th><th>Фрагменты</th><th>Страницы</th><th>Размер</th>" in html
    assert "<td>&lt;x&gt;.txt</td><td>2 из 3</td><td>7</td><td>4</td><td>12 тыс. симв.</td>" in html
    subs = re.findall(r'<div class="qa-sub">([^<]*)</div>', html)
    assert subs == ["Пропущенные файлы:", "Ещё не проиндексированы (нажмите «Переиндексировать»):",
                    "Изменены после индексации (нажмите «Переиндексировать»):",
                    "Проиндексированы, но их больше нет в папке документов:"]
    assert "<li>bad.pdf: unsupported type .pdf</li>" in html  # the build's reason for skipping stays as it is
    assert "Последняя индексация: не проводилась" in render_corpus({"counts": {}}, "ru")


def test_human_title_is_the_main_label_and_the_file_name_a_detail():
    from qa.app.render import main_label

    story = _cite(doc="003_62543a975d45d663.txt", title="De-briefing on controlled deliveries", date="2022-07-19",
                  doc_title="CARICC news")
    assert story.label() == (
        "[1] CARICC news, 19 Jul 2022 — De-briefing on controlled deliveries · 003_62543a975d45d663.txt")
    html = render_reply(0, None, [story])
    title_at = html.index(esc("CARICC news, 19 Jul 2022"))
    name = esc("003_62543a975d45d663.txt")
    assert html.index(name) > title_at  # the file name after the title
    assert f'<span class="qa-doc">{name}</span>' in html
    # a file that is one story: its title and date; nothing known: the file name alone
    assert main_label("Kyrgyz Republic strengthens capacities", "2024-03-04") == (
        "Kyrgyz Republic strengthens capacities (4 Mar 2024)")
    assert _cite(doc="a.txt", title="a.txt", date=None).label() == "[1] a.txt"


def test_the_label_reads_as_ingest_titles_it():
    # render keeps its own copy (importing qa.ingest costs a one-question `qa ask` 0.3 s); both word the date
    # in the titles' language (qa.lang.written_date)
    from qa.app.render import main_label
    from qa.ingest.titles import item_label

    for args in [("CARICC news", "A de-briefing will be held in Almaty", "2022-07-19"),
                 ("Kyrgyz Republic strengthens", "Kyrgyz Republic strengthens", "2024-03-04"),
                 (None, "A title", None), ("Site news", "Story", "2022-07"),
                 ("Новости ЦАРИКЦ", "Встреча в Алматы", "2024-03-12"), (None, "Отчёт центра", "2024-03")]:
        assert main_label(args[1], args[2], args[0]) == item_label(*args)


# A PDF's extracted text keeps the line end of every printed line, inside sentences too.
PRINTED = "The evaluation\nrecommended that a second regional\ntraining centre open in Osh."


def test_a_pdf_answer_printed_on_several_lines_reads_as_one_line_in_the_bubble():
    span = (PRINTED.index("a second"), PRINTED.index(" open"))
    answer = Answer(text=PRINTED, doc="review.pdf", title="Review", date=None, start=0, end=len(PRINTED), score=0.7,
                    passage_rank=1, span=span, page=4)
    html = render_reply(1, answer, [_cite(n=1, doc="review.pdf", text=PRINTED)])
    assert "<br>" not in html
    assert ('The evaluation recommended that <mark><strong>a second regional training centre</strong></mark> open'
            in html)
    assert '<div class="qa-short">a second regional training centre</div>' in html


def test_the_sentence_an_answer_refers_to_reads_as_one_line_too():
    text = "The review covered\nthree regions. It also\nnamed Osh."
    answer = Answer(text=text, doc="review.pdf", title="Review", date=None, start=0, end=len(text), score=0.7,
                    passage_rank=1, sentence_start=text.index("It"))
    html = render_reply(1, answer, [_cite(n=1, doc="review.pdf")])
    assert "<br>" not in html
    assert '<span class="qa-before">The review covered three regions. </span>It also named Osh.' in html


def test_an_unsure_answer_says_its_confidence_is_low():
    sure, unsure = (Answer(text="The pier is 300 metres long.", doc="a.txt", title="Piers", date=None, start=0, end=28,
                           score=score, passage_rank=1) for score in (0.74, 0.05))
    assert "Confidence 0.74 ·" in render_reply(1, sure, [_cite(n=1)])
    assert "Confidence 0.05, low: the passage may not answer this ·" in render_reply(1, unsure, [_cite(n=1)])
    # and says so above the sentence, as `qa ask` does: testers read a low one as an answer like any other
    html = render_reply(1, unsure, [_cite(n=1)])
    label = '<div class="qa-unsure">Possible answer &#40;low confidence&#41;</div>'
    assert html.index(label) < html.index("The pier is")
    assert '<div class="qa-answer qa-low">' in html
    assert "qa-unsure" not in render_reply(1, sure, [_cite(n=1)])
    assert "Возможный ответ &#40;низкая уверенность&#41;" in render_reply(1, unsure, [_cite(n=1)], language="ru")


def test_an_answers_sources_leave_out_passages_far_less_likely_to_hold_it():
    # a tester saw the reply's "Sources" padded with documents the answer step scored 0.00
    answer = Answer(text="Officers seized 740 kg.", doc="d.txt", title="Ops", date="2022-06-29", start=0, end=23,
                    score=0.7, passage_rank=3)
    cites = [_cite(n=1, doc="d.txt", title="Best", score=1.0), _cite(n=2, doc="e.txt", title="Unrelated", score=0.01),
             _cite(n=3, doc="d.txt", title="Ops", score=0.02), _cite(n=4, doc="f.txt", title="Also", score=0.2),
             _cite(n=5, doc="g.txt", title="Far", score=0.0)]
    html = render_reply(1, answer, cites)
    assert "Best" in html and "Also" in html
    assert "Ops" in html  # the answer's own passage, however it scored
    assert "Unrelated" not in html and "Far" not in html
    assert "2 more passages, far less likely to hold the answer, in the sources panel." in html
    # with no answer, every passage found is "possibly related"
    html = render_reply(1, None, cites)
    assert "Unrelated" in html and "Far" in html and "more passage" not in html
