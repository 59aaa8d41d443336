"""kg's letter classes are Unicode's upper- and lower-case letters: every letter spaCy's Dutch
tables know, and the letters of names beyond Latin-1 (Öztürk, Ağaoğlu, Şahin, Çelik)."""

from __future__ import annotations

import re

import pytest
import regex
from spacy.lang.char_classes import ALPHA_LOWER, ALPHA_UPPER

from kg.extractors import names

#: The Latin, Greek and Cyrillic blocks, where Dutch texts find their letters.
_SCRIPTS = "".join(chr(c) for c in [*range(0x41, 0x250), *range(0x370, 0x530), *range(0x1E00, 0x1F00)])


@pytest.mark.parametrize("ours, spacys", [(names.UPPER, ALPHA_UPPER), (names.LOWER, ALPHA_LOWER)])
def test_the_classes_hold_spacys_letters(ours, spacys):
    found = regex.findall(f"[{ours}]", _SCRIPTS)
    assigned = {c for c in re.findall(f"[{spacys}]", _SCRIPTS) if not regex.fullmatch(r"\p{Cn}", c)}
    assert assigned <= set(found) and len(found) > 400


def test_names_beyond_latin_1_are_capitalised_words():
    for name in ("Öztürk", "Ağaoğlu", "Şahin", "Çelik", "Yılmaz", "IJzerman", "Dell’Anna"):
        assert regex.fullmatch(names.CAPITALISED, name), name
    for word in ("öztürk", "ÇELIK", "3Jansen"):
        assert not regex.fullmatch(names.CAPITALISED, word), word
