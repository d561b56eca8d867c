"""The web app's service layer, without a browser: follow-ups, turns, sources, corpus, upload -> re-index -> ask."""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path

import pytest

from qa.app.chat import ChatService, Conversation
from qa.app.followups import content_words, is_followup, resolve_followup
from qa.app.render import esc
from qa.app.service import QAService
from qa.contracts import Filters

# ----------------------------------------------------------------------------- follow-ups
STANDALONE = [
    "Who hosted the workshop in Astana?",
    "When did the regional awareness workshop take place?",
    "How much did the CARICC-coordinated operations seize?",
    "Which customs administrations attended the Astana workshop?",
    "What is the capital of France?",
    "What did the programme that Japan funded train officers to detect?",
]


@pytest.mark.parametrize("q", STANDALONE)
def test_standalone_questions_pass_through_unchanged(q):
    assert not is_followup(q)
    assert resolve_followup(q, ["How much did the CARICC-coordinated operations seize?"], "Some title") == q


def test_no_history_means_no_rewrite():
    assert resolve_followup("And who organised it?", []) == "And who organised it?"


def test_whitespace_is_normalised_only():
    assert resolve_followup("  Who hosted   the workshop in Astana? ", []) == "Who hosted the workshop in Astana?"


@pytest.mark.parametrize(
    "q", ["And who organised it?", "Who coordinated them?", "What about 2021?", "Where was that?", "Why?", "And then?"]
)
def test_followups_are_detected(q):
    assert is_followup(q)


def test_pronoun_followup_gets_previous_topic():
    out = resolve_followup("And who organised it?", ["When was the Astana workshop held?"])
    assert out.startswith("Who organised it?")  # the opener goes, the question word stays first
    assert "Astana" in out and "workshop" in out
    assert "held" not in out and "When" not in out  # framing words are not carried over


def test_followup_carries_topic_words_once():
    out = resolve_followup(
        "Who coordinated them?",
        ["How much did the CARICC-coordinated operations seize?"],
        "A long first sentence used as title",
    )
    # the question's own words first, then the previous question's topic, then the title's; each once
    assert out.startswith("Who coordinated them? CARICC-coordinated operations seize")
    words = out.lower().split()
    assert len(words) == len(set(words))


def test_a_bare_question_phrase_takes_over_the_previous_question():
    prev = ["Where did the Astana workshop take place?"]
    assert resolve_followup("And on what dates?", prev) == "On what dates did the Astana workshop take place?"
    assert resolve_followup("When was it?", prev) == "When did the Astana workshop take place?"
    # the thing the previous question asked about stays in
    out = resolve_followup("And on what date?", ["Which Japanese ambassador did the director meet in Vienna?"])
    assert out.startswith("On what date did the director meet in Vienna") and "Japanese ambassador" in out


def test_short_questions_lean_on_the_conversation_but_named_ones_stand_alone():
    assert is_followup("Who gave the welcoming speech?")  # two content words, no name
    assert is_followup("Who else attended?")
    assert not is_followup("Who is Jun Yamada?")  # names stand alone
    assert not is_followup("Where will the regional council meet next?")
    # a possessive after a name in the question is that name's; other pronouns point back
    assert not is_followup("When did Kazakhstan pass its law on corruption?")
    assert is_followup("Which CARICC analyst spoke there?")


def test_the_other_spelling_is_searched_too():
    out = resolve_followup("Who organised it?", ["When was the Astana workshop held?"])
    assert "organized" in out and "Astana" in out


def test_followup_uses_title_words_when_previous_question_was_vague():
    out = resolve_followup("Who ran it?", ["What happened in Astana?"], "Regional Awareness Workshop in Astana")
    assert out.startswith("Who ran it? Astana") and "Regional" in out and "Workshop" in out
    assert out.count("Astana") == 1


def test_what_about_year_swaps_the_year():
    prev = ["How many operations were carried out in 2020?"]
    assert resolve_followup("What about 2021?", prev) == "How many operations were carried out in 2021?"


def test_what_about_without_year_extends_previous_question():
    out = resolve_followup("What about Uzbekistan?", ["Which agencies from Kazakhstan attended?"])
    assert out == "Which agencies from Kazakhstan attended Uzbekistan?"


def test_content_words():
    assert content_words("How much did the CARICC-coordinated operations seize?") == [
        "CARICC-coordinated", "operations", "seize",
    ]


# ----------------------------------------------------------------------------- service
@pytest.fixture
def chat(corpus_copy, settings_for, hash_embedder):
    service = QAService(settings_for(corpus_copy), embedder=hash_embedder)
    service.build()
    return ChatService(service)


def test_ask_adds_turns_with_citations_and_messages(chat):
    conv = Conversation()
    turn = chat.ask(conv, "Who hosted the workshop in Astana?", k=3)
    assert turn.error is None and turn.citations
    assert [c.n for c in turn.citations][:3] == [1, 2, 3]
    msgs = conv.messages()
    assert [m["role"] for m in msgs] == ["user", "assistant"]
    assert "qa-reply" in msgs[1]["content"]
    if turn.answer:
        cited = conv.citation(0, turn.answer.passage_rank)
        assert cited is not None and cited.answer == (turn.answer.start, turn.answer.end)


def test_followup_turn_shows_what_was_searched(chat):
    conv = Conversation()
    chat.ask(conv, "When was the Astana workshop held?")
    turn = chat.ask(conv, "And who organised it?")
    assert turn.searched != turn.question and "Astana" in turn.searched
    assert "Searched for:" in turn.reply_html
    standalone = chat.ask(conv, "Who hosted the workshop in Astana?")
    assert "Searched for:" not in standalone.reply_html


def test_errors_become_short_messages(chat, monkeypatch):
    conv = Conversation()
    turn = chat.ask(conv, "   ")
    assert turn.error and "empty" in turn.error and "Traceback" not in turn.reply_html

    def boom(*a, **k):
        raise RuntimeError("secret internals")

    monkeypatch.setattr(chat.service, "ask", boom)
    turn = chat.ask(conv, "Who hosted the workshop?")
    assert "secret internals" not in turn.reply_html and "server log" in turn.reply_html


def test_missing_index_is_a_message(tmp_path, hash_embedder, corpus_copy, settings_for):
    chat = ChatService(QAService(settings_for(corpus_copy), embedder=hash_embedder))
    turn = chat.ask(Conversation(), "Who hosted the workshop?")
    assert "qa index" in turn.error
    panel = chat.corpus_panel()
    assert panel["error"] and len(panel["pending"]) == 5


def test_source_view_shows_the_passage_inside_its_item(chat):
    conv = Conversation()
    turn = chat.ask(conv, "Who hosted the workshop in Astana?", k=3)
    c = turn.citations[0]
    html = chat.source_html(conv, 0, c.n)
    assert 'id="qa-focus"' in html and "qa-hl-" in html
    assert esc(c.doc) in html
    item = chat.service.index().item(c.doc, c.item)
    assert item.start <= c.start and c.end <= item.end
    assert "no longer available" in chat.source_html(conv, 5, 1)
    assert chat.source_choices(conv)[0] == (c.label(), f"0:{c.n}")
    assert chat.parse_ref("0:2") == (0, 2) and chat.parse_ref("x") is None


def test_corpus_panel_data(chat):
    panel = chat.corpus_panel()
    assert panel["counts"]["documents"] == 5 == len(panel["documents"])
    assert all(d["items"] >= 1 and d["chunks"] >= 1 for d in panel["documents"])
    assert panel["built_at"] and panel["pending"] == [] and panel["missing"] == []
    assert "Last indexed" in chat.corpus_html()


def _save_again(path: Path) -> None:
    """What an editor does when a file is saved with nothing edited: same bytes, a newer modification time."""
    later = path.stat().st_mtime_ns + 2_000_000_000
    os.utime(path, ns=(later, later))


def test_the_corpus_panel_lists_files_edited_since_indexed_as_re_index_will_report_them(chat):
    corpus = Path(chat.settings.corpus_dir)
    edited, saved_again = sorted(p.name for p in corpus.iterdir())[:2]
    with open(corpus / edited, "a", encoding="utf-8") as fh:
        fh.write("\nThe Quellton ferry now also sails on Sundays.\n")
    _save_again(corpus / saved_again)  # not edited: not listed, as Re-index will call it unchanged

    panel = chat.corpus_panel()
    assert panel["changed"] == [edited] and panel["pending"] == [] and panel["missing"] == []
    listed = 'Changed since indexed (click Re-index):</div><ul class="qa-pending"><li>' + esc(edited)
    assert listed in chat.corpus_html()
    assert chat.corpus_panel(Filters(since="2099"))["changed"] == [edited]  # a filter narrows the documents only

    report = chat.reindex(poll=0.01)
    assert "changed 1," in report and f"Changed: {edited}" in report
    assert chat.corpus_panel()["changed"] == []


def test_the_corpus_panel_reads_a_file_again_only_when_its_size_or_time_moved(chat, monkeypatch):
    import qa.build.changes as changes

    chat.corpus_panel()  # the first panel reads and hashes every indexed file, as a build does
    reads = []
    real = changes.read_bytes
    monkeypatch.setattr(changes, "read_bytes", lambda path, *a: reads.append(path.name) or real(path, *a))
    chat.corpus_panel()
    chat.corpus_html(Filters(since="2022"))  # the panel is drawn again on every filter change
    assert reads == []
    saved_again = sorted(Path(chat.settings.corpus_dir).iterdir())[0]
    _save_again(saved_again)
    assert chat.corpus_panel()["changed"] == [] and reads == [saved_again.name]


def test_upload_reindex_ask_flow(chat, tmp_path):
    fact = "The Zorbulak river ferry carried 4321 passengers during the spring festival of Quellton."
    src = tmp_path / "ferry <news>.txt"
    src.write_text("Quellton ferry news\n\n" + fact + "\n")
    report = chat.upload([(src.name, src), ("../bad.exe", b"MZ")])
    assert report.saved == ["ferry _news.txt"] and report.refused
    assert chat.corpus_panel()["pending"] == ["ferry _news.txt"]

    seen = []
    text = chat.reindex(on_progress=lambda st: seen.append((st.phase, st.done, st.total)), poll=0.01)
    assert "added 1" in text and "unchanged 5" in text and "ferry _news.txt" in text
    assert chat.corpus_panel()["pending"] == []

    turn = chat.ask(Conversation(), "How many passengers did the Zorbulak river ferry carry?")
    assert turn.citations[0].doc == "ferry _news.txt"
    assert "4321" in turn.reply_html


def test_second_reindex_while_one_runs_is_refused(chat, monkeypatch):
    gate = threading.Event()
    real = chat.service.build

    def slow(*a, **k):
        gate.wait(5)
        return real(*a, **k)

    monkeypatch.setattr(chat.service, "build", slow)
    assert chat.start_reindex()
    assert "already running" in chat.reindex()
    # questions keep working while it runs
    assert chat.ask(Conversation(), "Who hosted the workshop in Astana?").error is None
    gate.set()
    for _ in range(200):
        if not chat.status().running:
            break
        time.sleep(0.05)
    assert chat.status().report is not None and chat.status().error is None


def test_reindex_errors_are_messages(chat, monkeypatch):
    from qa.build import BuildError

    def fail(*a, **k):
        raise BuildError("another `qa index` is already updating the index; wait for it to finish")

    monkeypatch.setattr(chat.service, "build", fail)
    assert chat.reindex(poll=0.01).startswith("Re-index failed: another")


def test_reindex_reports_reading_then_embedding_progress(chat, tmp_path):
    src = tmp_path / "kites.txt"
    src.write_text("Kite news\n\nThe Varrow kite club flew 77 kites over the dunes of Pelm.\n")
    chat.upload([(src.name, src)])
    seen = []
    from qa.build import run_build

    run_build(chat.settings, chat.service.embedder, progress=lambda *p: seen.append(p))
    assert seen[0] == ("Reading the corpus", 0, 0)
    phase, done, total = seen[-1]
    assert phase == "Embedding new files" and done == total > 0


def test_ask_api_shape(chat):
    out = chat.ask_api("Who hosted the workshop in Astana?", 3)
    assert set(out) >= {"question", "searched", "answer", "not_found", "citations", "reply_html"}
    assert out["citations"] and out["citations"][0]["n"] == 1
    followup = chat.ask_api("And who funded it?", 3, previous=["When was the Astana workshop held?"])
    assert "Astana" in followup["searched"]
    assert "error" in chat.ask_api("", 3)


def test_a_not_found_says_why_in_the_reply_the_api_and_the_export(chat):
    # no passage of the corpus prices anything: the money rule's "not found" carries its reason
    conv = Conversation()
    question = "What was the price of the workshop in Astana?"
    turn = chat.ask(conv, question, k=3)
    why = "None of the best passages states an amount of money."
    assert turn.answer is None and turn.not_found == why and why in turn.reply_html
    assert chat.ask_api(question, 3)["not_found"] == why
    assert chat.export_rows(conv)[0].answer == f"Not found in the documents. {why}"

