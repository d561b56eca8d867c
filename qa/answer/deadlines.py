"""A question asking for a deadline is answered by the sentence that states one.

"What is the deadline for nominations to the OSCE course in Dushanbe?" was answered by the course's announcement
("… will hold a two-week course … from 18 to 29 November 2024"), which holds more of the question's words and a date,
over the sentence just below it, "Nominations must reach the College by 25 October 2024." Both hold a date; what
tells them apart is that one states a date something must happen by. Among the near ties of a question asking for a
deadline ("deadline", "closing date", "by when", "крайний срок", "до какого числа"), the first that states a date as a
limit ("by 25 October 2024", "no later than 1 March", "deadline: …", "не позднее 10 марта", "до 1 сентября 2025 г.")
takes the best's place when the best states none (qa.answer.neighbours). Another document's date is a disagreement
with the answer's only when it too states a limit (qa.answer.disagreement): a course's dates do not say otherwise about
a report's deadline.
"""

from __future__ import annotations

import re

from qa.filters.question import EN_MONTHS as _EN_MONTH
from qa.lang.ru import MONTH_WORDS as _RU_MONTHS

# a question that asks for a deadline
_ASKS = re.compile(
    r"\b(?:deadlines?|due\s+dates?|closing\s+dates?|cut-?off\s+dates?)\b(?!\s+extension)|\b(?:by|until|till)\s+when\b"
    r"|\bby\s+(?:what|which)\s+(?:date|day|time)\b"
    r"|(?<!\w)(?:(?:крайн|последн)\w*\s+срок\w*|срок\w*\s+(?:подачи|представления|направления|регистрации|при[её]ма)"
    r"|(?:к|до)\s+какого\s+(?:срока|числа|дня)|к\s+какому\s+(?:сроку|числу|дню))(?!\w)", re.I)
# a day and month, or a month and year: "25 October", "October 25", "June 2025", "25.10.2024"
_DAY_MONTH = (rf"(?:\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_EN_MONTH}\b|{_EN_MONTH}\s+\d{{1,2}}(?!\d)"
              rf"|{_EN_MONTH},?\s+(?:19|20)\d\d|\d{{1,2}}\.\d{{1,2}}\.\d{{4}})")
# a date stated as a limit
_STATES = re.compile(
    rf"\b(?:by|no\s+later\s+than|not\s+later\s+than|before|until|deadline(?:\s+is|\s+of)?:?|closing\s+date(?:\s+is)?:?"
    rf"|due(?:\s+on)?)\s+(?:the\s+)?{_DAY_MONTH}"
    rf"|(?<!\w)(?:не\s+позднее|не\s+позже|до|к|срок\w*:?)\s+(?:\d{{1,2}}(?:\s+{_RU_MONTHS}|\.\d{{1,2}}\.\d{{4}})"
    rf"|{_RU_MONTHS}\s+(?:19|20)\d\d)"
    # a validity's end: "Срок действия циркуляра: с 25 марта 2025 г. по 30 сентября 2025 г.", "действует по …" (not any
    # "по": "с 10 по 21 марта" are a course's dates)
    rf"|(?<!\w)(?:срок\w*\s+действия|действу\w*|действител\w*)(?:г\.|[^.]){{0,60}}?(?<!\w)по\s+\d{{1,2}}"
    rf"\s+{_RU_MONTHS}", re.I)


def asks_deadline(question: str) -> bool:
    """Whether the question asks for a deadline."""
    return bool(_ASKS.search(question))


def states_deadline(text: str) -> bool:
    """Whether a sentence states a date as a limit ("by 25 October 2024", "не позднее 10 марта")."""
    return bool(_STATES.search(text))
