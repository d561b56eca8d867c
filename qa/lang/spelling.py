"""English words written two ways, British and American: one spelling for the analyzer.

A question written "organised" must find a document written "organized", and "programme" a
"program": the stemmer keeps them apart ("organis" / "organiz", "programm" / "program"), so BM25,
the answer step's word overlap and its "the question names a word no passage holds" evidence all
miss. The pairs are breame's list of British spellings with their American ones (Apache-2.0),
kept only where a regular spelling rule turns one into the other ("-ise" / "-ize", "-our" / "-or",
"-tre" / "-ter", "-mme" / "-m", "ae" / "e", a doubled "l"). The rule leaves out the pairs that are
two words rather than two spellings ("tonne" / "ton", "tyre" / "tire", "draught" / "draft",
"philtre" / "filter") and the list's slips ("buses" / "busses").
"""

from __future__ import annotations

import functools

# (British, American) letter groups: a pair is kept when replacing these, in this order, in both
# words gives the same letters. Longer groups first ("ough" before "ou", "tred" before "tre").
_RULES = (
    ("ough", "ow"), ("our", "or"), ("ou", "o"), ("is", "iz"), ("ys", "yz"), ("tred", "tered"),
    ("tre", "ter"), ("bre", "ber"), ("vre", "ver"), ("ae", "e"), ("oe", "e"), ("ll", "l"),
    ("ence", "ense"), ("mme", "m"), ("ogue", "og"), ("eing", "ing"), ("ulph", "ulf"),
)


def _skeleton(word: str) -> str:
    for british, american in _RULES:
        word = word.replace(british, american)
    return word


@functools.cache
def american_spellings() -> dict[str, str]:
    """Lower-case British spelling -> its American one, for the pairs a spelling rule relates."""
    from breame.data.spelling_constants import BRITISH_ENGLISH_SPELLINGS

    return {b: a for b, a in BRITISH_ENGLISH_SPELLINGS.items() if _skeleton(b) == _skeleton(a)}
