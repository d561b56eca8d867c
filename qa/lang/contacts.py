"""How an e-mail address, a web address and a phone number are written, in any language's text.

A question that asks for one has the answer type "email", "web" or "phone" (each language's question_types
say which questions do: "What e-mail address is given for enquiries?", "Какой номер телефона у центра?"). How
an address is written is the same in every language, so each language's span_patterns take these from here.
"""

from __future__ import annotations

import re

# the answer types of a question that asks how to reach someone
CONTACT_KINDS = ("email", "web", "phone")

# the top-level domains a bare web address ("osce.org", "CBSSports.com") is recognised by, written in lower case:
# a missing space after a full stop ("Kazakhstan.It was") is no address
_TLD = (r"org|com|net|int|gov|edu|info|eu|un|kz|kg|tj|uz|tm|ru|ge|am|az|af|cn|uk|de|fr|it|jp|ch|at|be|nl|us|io|"
        r"by|ua|pl|tr|ir|pk|in")

# the words a short number to call follows (a lookbehind each: Python's are of fixed width)
_CALL_WORDS = "(?:" + "|".join(
    f"(?<=(?i:{w}) )" for w in ("hotline", "helpline", "hotline number", "dial", "call", "phone", "telephone",
                                "линии", "линию", "доверия", "номеру", "телефону", "телефон")) + ")"

CONTACT_SPANS = {
    "email": re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[^\W\d_]{2,}\b"),
    "web": re.compile(
        r"\b(?:https?://|www\.)[^\s<>\"'«»()\[\]]*[^\s<>\"'«»()\[\].,;:!?]"
        rf"|(?<![\w.@/-])(?:[A-Za-z0-9][A-Za-z0-9-]*\.)+(?:{_TLD})(?:/[^\s<>\"'«»()\[\]]*[^\s<>\"'«»()\[\].,;:!?])?"
        r"(?![\w@-]|\.[a-z])"
    ),
    # an international number ("+7 727 250 45 67", "+32 (2) 209 92 11") or one with its area code in
    # brackets ("(727) 250-45-67", "8 (727) 250-45-67"): digits alone would read dates and figures; or a short
    # number right after a word for a line to call ("the 24-hour hotline 1207", "по телефону доверия 102")
    "phone": re.compile(
        r"(?:\+\d{1,3}[\s.-]?(?:\(\d{1,5}\)[\s.-]?)?|(?<!\d)(?:8[\s.-]?)?\(\d{1,5}\)[\s.-]?)"
        r"\d{1,4}(?:[\s.-]?\d{2,4}){1,4}(?!\d)"
        rf"|{_CALL_WORDS}\d{{3,6}}(?![\d.,]\d|[\w%])"
    ),
}
