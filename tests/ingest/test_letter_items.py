"""A letter laid out in short lines is one item (qa.ingest.letters): its letterhead, addressee and signature block
were read as headlines that each opened an item of their own. Small invented letters."""

from __future__ import annotations

from docgen import HARBOUR_LETTER as LETTER

from qa.ingest.chunking import document_sentences
from qa.ingest.files import parse_bytes



def _parsed(text: str, name: str = "letter.txt"):
    doc = parse_bytes(name, text.encode("utf-8"))
    return doc, [doc.text[s.start:s.end] for s in document_sentences(doc)]


def test_a_letter_is_one_item_titled_by_its_subject_and_dated_by_its_date_line():
    doc, _ = _parsed(LETTER)
    assert [(item.title, item.date) for item in doc.items] == [('Joint exercise "Tamsin Tide 2025"', "2025-03-04")]


def test_a_letters_signature_block_and_contact_lines_are_its_sentences():
    _, sentences = _parsed(LETTER)
    for line in ("Teodor Ansel", "Deputy Head", "Tel.: +44 000 555 1212", "E-mail: t.ansel@harbour.example",
                 "Ref. No. 12-07/5531", "Yours sincerely,"):
        assert line in sentences, line


def test_a_thread_of_two_messages_is_not_one_letter():
    thread = LETTER + "\n" + LETTER.replace("Dear Ms. Varga", "Dear Mr. Ansel").replace("Teodor Ansel", "Lina Varga")
    doc, _ = _parsed(thread)
    assert len(doc.items) > 1
