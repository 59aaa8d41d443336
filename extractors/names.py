"""What a Dutch personal name is made of, shared by the person and motion rules.

Letter classes are Unicode's upper- and lower-case categories, so ``Öztürk``, ``Ağaoğlu`` and ``Şahin`` are
names like ``Jansen``. The tussenvoegsels (``van der``, ``’t``, ``el``) come from one data file
(``data/names.json``) so that the person and motion components split names the same way.
"""

from __future__ import annotations

from functools import lru_cache

import regex as re

from kg.datafiles import load_json

#: Regex character-class bodies (without brackets) of upper- and lower-case letters: Unicode's
#: categories Lu and Ll, which the ``regex`` module reads as such. Patterns built from them are
#: compiled with ``regex``: Python's ``re`` has no category classes, and spaCy's letter tables
#: written out as ranges cost ``re`` seconds to compile per process (hundreds of uses).
UPPER = r"\p{Lu}"
LOWER = r"\p{Ll}"

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
