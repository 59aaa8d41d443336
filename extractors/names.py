"""What a Dutch personal name is made of, shared by the person and motion rules.

Letter classes come from spaCy's Unicode tables, so ``Öztürk``, ``Ağaoğlu`` and ``Şahin`` are
names like ``Jansen``. The tussenvoegsels (``van der``, ``’t``, ``el``) come from one data file
(``data/names.json``) so that the person and motion components split names the same way.
"""

from __future__ import annotations

import array
import re
from functools import lru_cache

from spacy.lang.char_classes import ALPHA_LOWER, ALPHA_UPPER

from kg.datafiles import load_json

#: Every code point but the surrogates, as one string (a regex class's members are read off it).
EVERY_CHARACTER = array.array("I", [*range(0xD800), *range(0xE000, 0x110000)]).tobytes().decode("utf-32-le")


def _compact_class(body: str) -> str:
    """The characters of the regex class ``[body]`` as ranges of literal characters.

    spaCy writes its letter classes as about 3 000 characters, mostly ``\\uXXXX`` escapes, and
    Python's ``re`` parses the escapes again wherever a pattern uses the class (hundreds of times
    in the person and motion rules); the same set written as ranges compiles about a fifth faster.
    The set is read off every code point, so it is exactly spaCy's.
    """
    def char(code: int) -> str:
        return chr(code) if chr(code).isalnum() else f"\\U{code:08X}"

    parts = []
    for match in re.finditer(f"[{body}]+", EVERY_CHARACTER):
        first, last = ord(match.group()[0]), ord(match.group()[-1])
        parts.append(char(first) if first == last else f"{char(first)}-{char(last)}")
    return "".join(parts)


#: Regex character-class bodies (without brackets) of upper- and lower-case letters.
UPPER = _compact_class(ALPHA_UPPER)
LOWER = _compact_class(ALPHA_LOWER)

#: A capitalised name word: ``Jansen``, ``IJzerman``, ``Öztürk``, ``D’Hondt``.
CAPITALISED = rf"(?:IJ|[{UPPER}])[{LOWER}]+(?:['’][{UPPER}{LOWER}][{LOWER}]+)?"

# initials of two or three letters: 'Th.C. de Graaf', 'Chr. Jansen', 'IJ. de Boer'
DIGRAPH_INITIALS = "Chr|Th|Ch|Ph|IJ"
_INITIALS = re.compile(rf"^(?:(?:{DIGRAPH_INITIALS}|[{UPPER}])\.)+$")


@lru_cache(maxsize=1)
def tussenvoegsels() -> tuple[str, ...]:
    """The name prefixes, longest first (``van der`` before ``van``)."""
    data = load_json("kg.extractors.data", "names.json")
    return tuple(sorted(dict.fromkeys(data["tussenvoegsels"]["words"]), key=len, reverse=True))


@lru_cache(maxsize=1)
def tussenvoegsel_words() -> frozenset[str]:
    """Every word that occurs in a tussenvoegsel, casefolded (``van``, ``der``, ``in``, ``’t``)."""
    return frozenset(word.casefold() for prefix in tussenvoegsels() for word in prefix.split())


def is_initials(word: str) -> bool:
    """``J.``, ``J.P.H.``, ``Ö.``."""
    return bool(_INITIALS.match(word))


def proper_case(name: str) -> str:
    """A name as written in ordinary spelling: ``VAN ’T WOUT`` -> ``Van ’t Wout``,
    ``ÖZTÜRK`` -> ``Öztürk``, ``TERPSTRA-DE GROOT`` -> ``Terpstra-de Groot``. Initials stay."""
    prefixes = tussenvoegsel_words()

    def part(text: str, first: bool) -> str:
        if is_initials(text):
            return text
        if text.casefold() in prefixes and not first:
            return text.lower()
        return text[:1].upper() + text[1:].lower()

    out = []
    for index, word in enumerate(name.split()):
        pieces = word.split("-")
        out.append("-".join(part(p, index == 0 and i == 0) for i, p in enumerate(pieces)))
    return " ".join(out)


def is_upper_name(text: str) -> bool:
    """True for a name written in capitals (``JANSEN``, ``DE WIT``), not for initials or ``IJ``."""
    letters = [ch for ch in text if ch.isalpha()]
    return len(letters) >= 3 and all(ch.isupper() for ch in letters) and not all(is_initials(w) for w in text.split())
