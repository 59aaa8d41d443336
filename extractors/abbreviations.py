"""Abbreviations a document defines for itself: ``de Tijdelijke noodmaatregel overbrugging voor
behoud van werkgelegenheid (NOW)``, ``de NOW (Tijdelijke noodmaatregel ...)``.

Writers define an abbreviation once, in parentheses next to its expansion, and use it bare from then
on. Runs after ``kg_gazetteer`` and ``kg_organisation_names``; in one document:

* an expansion the vocabulary knows (an instrument or organisation mention directly before or
  inside the parentheses) gives the abbreviation its concept: every bare use of the abbreviation in
  the document is a mention of that concept;
* an expansion the vocabulary does not know is a scheme (an instrument) when a word of it ends in a
  cue head (``…regeling``, ``…maatregel``, ``…subsidie``: ``extractors/data/abbreviations.json``),
  and a body (an organisation, ``id/organisatie/<slug>``, its ``rdfs:label``s the forms written)
  when the first such word names one (``Landelijk instituut sociale verzekeringen (Lisv)``,
  ``Gemeenschappelijk Administratiekantoor (GAK)``),
  and the abbreviation's letters are, in order, initials of its words (``TOGS`` from ``Tegemoetkoming
  ondernemers getroffen sectoren``, ``SMW`` from ``Scholingsregeling
  mkb-werknemers``, a hyphenated word giving one initial per part). It is keyed ``id/instrument/<slug of the abbreviation>``
  (never a vocabulary concept's IRI), its ``skos:prefLabel`` is the abbreviation and its
  ``rdfs:label``s the forms written (the expansion, ``TOGS``, ``TOGS-regeling``); the expansion and
  every bare use are its mentions.

Only a case-exact, whole-word abbreviation counts (``NOW``, ``NOW-regeling``, never ``now``), and
never where another mention already is.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from kg.datafiles import load_json
from kg.extractors.base import CATEGORIES, add_mention, mentions, run_guarded, text_of
from kg.extractors.gazetteer import concept_category
from kg.vocab import slug

_ABBREVIATION = r"[A-Z][A-Za-z]{1,7}"
#: ``(ABBR)`` right after the expansion
_DEFINED_AFTER = re.compile(rf"\((?P<abbr>{_ABBREVIATION})\)")
#: ``ABBR (expansion)``
_DEFINED_BEFORE = re.compile(rf"(?<![\w-])(?P<abbr>{_ABBREVIATION})[ \t]+\((?P<long>[A-Z][^()\n;:]{{4,160}}?)\)")
_WORD = re.compile(r"[^\W\d_][\w'’]*(?:-[\w'’]+)*")
_STOP = re.compile(r"[.;:!?()\[\]\n,]")


@lru_cache(maxsize=1)
def _data() -> dict[str, Any]:
    return load_json("kg.extractors.data", "abbreviations.json")


def _letters(abbreviation: str) -> str:
    return abbreviation.lower()


def _initials(words: list[str]) -> str:
    return "".join(part[0].lower() for word in words for part in word.split("-") if part)


def _is_subsequence(letters: str, initials: str) -> bool:
    at = 0
    for letter in letters:
        at = initials.find(letter, at)
        if at < 0:
            return False
        at += 1
    return True


def _head_category(words: list[str]) -> str | None:
    """``instrument`` or ``organisation``: the kind the first word ending in a cue head names
    (``…noodmaatregel …`` a scheme, ``Landelijk instituut …`` a body), None without one."""
    data = _data()
    heads = (("instrument", tuple(data["cue_heads"])), ("organisation", tuple(data["organisation_heads"])))
    for word in words:
        for part in word.lower().split("-"):
            for category, endings in heads:
                if part.rstrip("s").endswith(endings) or part.endswith(endings):
                    return category
    return None


def _expansion_category(abbreviation: str, words: list[str]) -> str | None:
    """The kind of thing ``words`` (the expansion, its first word capitalised) names when it can be
    what ``abbreviation`` abbreviates: a cue head in one word, the abbreviation's letters initials
    of the words in order, its first letter the initial of one of the first two words."""
    data = _data()
    if not words or words[0].lower() in data["not_first_words"] or len(words) > data["max_words"]:
        return None
    phrase = " ".join(words).lower()
    if any(bad in phrase for bad in data["not_expansions"]):
        return None
    category = _head_category(words)
    letters = _letters(abbreviation)
    if category is None or len(letters) < 2 or len(words) < 2 or letters[0] not in _initials(words[:2]):
        return None
    return category if _is_subsequence(letters, _initials(words)) or _compound_letters(letters, words) else None


def _compound_letters(letters: str, words: list[str]) -> bool:
    """``GAK`` for ``Gemeenschappelijk Administratiekantoor``: every word of four letters or more
    gives its initial, in order, and the other letters come from inside the words (a compound's part)."""
    content = [w for w in words if len(w) >= 4]
    return bool(content) and _is_subsequence(_initials(content), letters) and _is_subsequence(letters, "".join(words).lower())


def _key(abbreviation: str, category: str) -> str:
    return f"id/{'instrument' if category == 'instrument' else 'organisatie'}/{slug(abbreviation)}"


def _unlisted(abbreviation: str, category: str) -> bool:
    """What kg mints for an abbreviation must not take the IRI of a vocabulary concept."""
    return concept_category(_key(abbreviation, category)) is None


class _Finder:
    def __init__(self, doc: Doc) -> None:
        self.doc, self.text = doc, text_of(doc)
        self.taken = [(s.start_char, s.end_char) for c in CATEGORIES for s in mentions(doc, c)]
        self.known = sorted(
            ((s.start_char, s.end_char, c, s.kb_id_) for c in ("instrument", "organisation") for s in mentions(doc, c) if s.kb_id_),
        )

    def _free(self, start: int, end: int) -> bool:
        return not any(s < end and start < e for s, e in self.taken)

    def _known_ending(self, at: int) -> tuple[int, int, str, str] | None:
        """A vocabulary mention ending at ``at`` (spaces before the parenthesis allowed)."""
        stripped = self.text[:at].rstrip(" \t")
        return next((k for k in self.known if k[1] == len(stripped)), None)

    def _known_inside(self, start: int, end: int) -> tuple[int, int, str, str] | None:
        inner = self.text[start:end].strip()
        first = start + self.text[start:end].index(inner[:1]) if inner else start
        return next((k for k in self.known if k[0] == first and k[1] == first + len(inner)), None)

    def _expansion_before(self, at: int, abbreviation: str) -> tuple[int, list[str], str] | None:
        """The expansion ending at ``at`` and its kind: back over the words of its clause, the
        farthest start at a capitalised word that passes :func:`_expansion_category`."""
        begin = max(0, at - 240)
        for stop in _STOP.finditer(self.text, begin, at):
            begin = stop.end()
        words = [(m.start(), m.group()) for m in _WORD.finditer(self.text, begin, at)]
        words = words[-_data()["max_words"]:]
        skip = set(_data()["skip_words"])
        for i, (start, word) in enumerate(words):
            if not word[:1].isupper() or word.lower() in skip:
                continue
            tail = [w for _, w in words[i:]]
            category = _expansion_category(abbreviation, tail)
            if category is not None:
                return start, tail, category
        return None

    @staticmethod
    def _lends(abbreviation: str, expansion: str) -> bool:
        """A vocabulary expansion lends its concept to an abbreviation of two capitals or more that
        starts with its first letter ('Landelijk Werkgeversservicepunt (LWSP)'), not to a word
        in parentheses ('UWV (Utrecht)')."""
        return sum(c.isupper() for c in abbreviation) >= 2 and expansion[:1].lower() == abbreviation[0].lower()

    def definitions(self) -> dict[str, tuple[str, str, str | None, list[tuple[int, int]]]]:
        """abbreviation -> (category, key, label of an unlisted scheme or None, expansion spans)."""
        found: dict[str, tuple[str, str, str | None, list[tuple[int, int]]]] = {}
        for match in _DEFINED_AFTER.finditer(self.text):
            abbreviation = match.group("abbr")
            if abbreviation in found or not self._free(*match.span("abbr")):
                continue
            known = self._known_ending(match.start())
            if known is not None:
                start, end, category, key = known
                if self._lends(abbreviation, self.text[start:end]):
                    found[abbreviation] = (category, key, None, [])
                continue
            expansion = self._expansion_before(match.start(), abbreviation)
            if expansion is not None:
                start, words, category = expansion
                end = len(self.text[:match.start()].rstrip(" \t"))
                if self._free(start, end) and _unlisted(abbreviation, category):
                    found[abbreviation] = (category, _key(abbreviation, category), " ".join(words), [(start, end)])
        for match in _DEFINED_BEFORE.finditer(self.text):
            abbreviation = match.group("abbr")
            if abbreviation in found or not self._free(*match.span("abbr")):
                continue
            known = self._known_inside(*match.span("long"))
            if known is not None:
                start, end, category, key = known
                if self._lends(abbreviation, self.text[start:end]):
                    found[abbreviation] = (category, key, None, [])
                continue
            long_start, long_end = match.span("long")
            words = [m.group() for m in _WORD.finditer(self.text, long_start, long_end)]
            category = _expansion_category(abbreviation, words)
            if category and self._free(long_start, long_end) and _unlisted(abbreviation, category):
                label = " ".join(self.text[long_start:long_end].split())
                found[abbreviation] = (category, _key(abbreviation, category), label, [(long_start, long_end)])
        return found

    def run(self) -> None:
        for abbreviation, (category, key, label, expansions) in self.definitions().items():
            # an unlisted scheme is labelled as each mention writes it: the expansion, the
            # abbreviation, 'SLIM-regeling'
            spans = [(start, end, label) for start, end in expansions]
            use = re.compile(rf"(?<![\w-]){re.escape(abbreviation)}(?:-regeling(?!\w))?(?!\w)")
            spans += [(*m.span(), label and m.group()) for m in use.finditer(self.text) if self._free(*m.span())]
            for start, end, name in sorted(spans):
                span = self.doc.char_span(start, end, alignment_mode="expand")
                if span is None or not self._free(span.start_char, span.end_char):
                    continue
                attrs = {"name": name, **({"pref_label": abbreviation} if category == "instrument" else {})} if name else {}
                add_mention(self.doc, category, span, key=key, **attrs)
                self.taken.append((span.start_char, span.end_char))


@Language.component("kg_abbreviations")
def abbreviations(doc: Doc) -> Doc:
    """Mentions of the abbreviations a document defines in parentheses (see the module docstring)."""
    return run_guarded("kg_abbreviations", lambda d: _Finder(d).run(), doc)
