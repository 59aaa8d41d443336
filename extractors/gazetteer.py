"""Find organisations, parties, instruments and laws by the names kg's reference vocabularies give them.

The vocabularies are the SKOS concept schemes in ``kg.ontology`` (``organisaties.ttl``,
``partijen.ttl``, ``instrumenten.ttl``, ``wetten.ttl``): every ``skos:prefLabel``, ``skos:altLabel``
and ``skos:hiddenLabel`` of a concept is a name to look for, and the concept's IRI, relative to
the base IRI, is the key a mention carries (``id/instrument/ips``). The class of the concept gives
the mention category (:data:`CATEGORY_CLASSES`).

Labels are tokenized with the pipeline's own tokenizer and matched token by token. spaCy's
PhraseMatcher is not used because PDF text needs two things it cannot do: skip the newline
tokens that a line break leaves inside a name ("beschut\\nwerk"), and see a name inside one
Dutch compound token ("VVD-fractie", "IPS-trajecten", "WAO/WIA/ZW" are single tokens).
Case: a label token with a capital after its first letter (UWV, PvdA) matches only as written,
other tokens ignore case; ``extractors/data/gazetteer.json`` makes whole labels or categories
case-sensitive where the lower-case form is an ordinary word ("denk", "volt").
Overlaps: the longest match wins, across categories too, so "Wet banenafspraak" is a law and not
also the instrument "banenafspraak", and "Inspectie SZW" is the inspectorate, not the ministry.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Iterable

import pyoxigraph as ox
from spacy.attrs import IS_SPACE, ORTH
from spacy.language import Language
from spacy.tokens import Doc

from kg.datafiles import load_json
from kg.extractors.base import add_mention

log = logging.getLogger(__name__)

#: The vocabulary files in ``kg.ontology`` the gazetteer reads.
VOCABULARY_FILES = ("organisaties.ttl", "partijen.ttl", "instrumenten.ttl", "wetten.ttl")

_KG = "https://w3id.org/kamerstukken-kg/def#"
_RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
_SKOS = "http://www.w3.org/2004/02/skos/core#"
_LABELS = (_SKOS + "prefLabel", _SKOS + "altLabel", _SKOS + "hiddenLabel")

#: Concept class -> mention category, in order of precedence (a party is also an org:Organization).
CATEGORY_CLASSES: tuple[tuple[str, str], ...] = (
    (_KG + "PoliticalParty", "party"),
    (_KG + "Law", "law"),
    ("http://schema.org/Legislation", "law"),
    (_KG + "Instrument", "instrument"),
    (_KG + "ActorGroup", "organisation"),
    ("http://www.w3.org/ns/org#Organization", "organisation"),
    ("http://schema.org/GovernmentOrganization", "organisation"),
)

# Relative concept IRIs are resolved against this stand-in and cut back to a path afterwards.
_PLACEHOLDER_BASE = "https://kg-vocabulary.invalid/"
# Typographic apostrophes and Unicode hyphens match their plain forms.
_CHARACTER_VARIANTS = str.maketrans({"\u2019": "'", "\u2018": "'", "`": "'", "\u00b4": "'", "\u2010": "-", "\u2011": "-"})


@dataclass(frozen=True)
class Concept:
    """One concept of the reference vocabularies, as the gazetteer and the RDF writer need it."""

    path: str  # IRI relative to the base, e.g. "id/instrument/ips"
    category: str  # organisation, party, instrument or law
    pref_label: str
    labels: tuple[str, ...]  # prefLabel first, then altLabels and hiddenLabels


@dataclass(frozen=True)
class Settings:
    """Matching settings from ``extractors/data/gazetteer.json``."""

    case_sensitive_categories: frozenset[str]
    case_sensitive_labels: frozenset[str]
    separators: str
    variant_categories: frozenset[str] = frozenset()
    compound_heads: tuple[str, ...] = ()
    generic_phrases: tuple[str, ...] = ()


@lru_cache(maxsize=1)
def load_settings() -> Settings:
    data = load_json("kg.extractors.data", "gazetteer.json")
    return Settings(
        frozenset(data.get("case_sensitive_categories", ())),
        frozenset(data.get("case_sensitive_labels", ())),
        data.get("compound_separators", "-/'"),
        frozenset(data.get("variant_categories", ())),
        tuple(data.get("compound_heads", ())),
        tuple(data.get("generic_phrases", ())),
    )


@lru_cache(maxsize=8)
def load_vocabulary(extra_files: tuple[str, ...] = ()) -> list[Concept]:
    """All concepts of the bundled vocabularies plus ``extra_files`` (Turtle paths), in file order.

    A file that cannot be read or parsed is logged and skipped, so a bad extra vocabulary never
    stops a build; concepts whose IRI is not relative to the base are skipped the same way.
    """
    sources: list[tuple[str, bytes]] = []
    package = resources.files("kg.ontology")
    for name in VOCABULARY_FILES:
        sources.append((name, package.joinpath(name).read_bytes()))
    for name in extra_files:
        try:
            sources.append((name, Path(name).read_bytes()))
        except OSError as exc:
            log.warning("gazetteer: cannot read vocabulary %s: %s", name, exc)
    concepts: dict[str, Concept] = {}
    for name, data in sources:
        try:
            for concept in _concepts(data):
                concepts.setdefault(concept.path, concept)
        except (SyntaxError, ValueError) as exc:
            log.warning("gazetteer: cannot parse vocabulary %s: %s", name, exc)
    return list(concepts.values())


def concept_category(path: str) -> str | None:
    """The mention category of a bundled concept (``'id/partij/vvd'`` -> ``'party'``), or None."""
    return _categories().get(path)


@lru_cache(maxsize=1)
def _categories() -> dict[str, str]:
    return {concept.path: concept.category for concept in load_vocabulary()}


def _concepts(data: bytes) -> Iterable[Concept]:
    types: dict[str, set[str]] = {}
    labels: dict[str, dict[str, list[tuple[str, str]]]] = {}
    order: list[str] = []
    for triple in ox.parse(data, ox.RdfFormat.TURTLE, base_iri=_PLACEHOLDER_BASE):
        subject, predicate, obj = triple.subject, triple.predicate.value, triple.object
        if not isinstance(subject, ox.NamedNode):
            continue
        if subject.value not in types:
            types[subject.value] = set()
            order.append(subject.value)
        if predicate == _RDF_TYPE and isinstance(obj, ox.NamedNode):
            types[subject.value].add(obj.value)
        elif predicate in _LABELS and isinstance(obj, ox.Literal) and obj.value.strip():
            labels.setdefault(subject.value, {}).setdefault(predicate, []).append((obj.value.strip(), obj.language or ""))
    for iri in order:
        category = next((cat for cls, cat in CATEGORY_CLASSES if cls in types[iri]), None)
        names = labels.get(iri, {})
        prefs = names.get(_SKOS + "prefLabel", [])
        if category is None or not prefs:
            continue
        if not iri.startswith(_PLACEHOLDER_BASE):
            log.warning("gazetteer: skipping %s: concept IRIs must be relative to the base", iri)
            continue
        pref = next((value for value, lang in prefs if lang == "nl"), prefs[0][0])
        ordered = [pref] + [value for p in _LABELS for value, _ in names.get(p, []) if value != pref]
        yield Concept(iri[len(_PLACEHOLDER_BASE):], category, pref, tuple(dict.fromkeys(ordered)))


# --------------------------------------------------------------------------------------------
# Matching
# --------------------------------------------------------------------------------------------

_Entry = tuple[str, str]  # (category, concept path)
#: a generic phrase: matched (so no shorter label inside it matches) but not a mention
_GENERIC: _Entry = ("", "")
_CONJUNCTIONS = {"en", "of", "en/of"}
_MIN_TAIL = 3


class _Node:
    __slots__ = ("children", "entry")

    def __init__(self) -> None:
        self.children: dict[str, _Node] = {}
        self.entry: _Entry | None = None


def _norm(text: str) -> str:
    return text.translate(_CHARACTER_VARIANTS)


def _has_inner_capital(token: str) -> bool:
    return any(ch.isupper() for ch in token[1:])


def _exact_key(text: str) -> str:
    return "=" + text


def _folded_key(text: str) -> str:
    return "~" + text.lower()


def _words(doc: Doc) -> list[tuple[int, str, tuple[str, ...]]]:
    """(token index, normalised text, its trie keys) of every non-space token.

    Read from the Doc's arrays, and normalised once per distinct word: creating a ``Token`` per
    word and the keys at every trie step was a tenth of a build's time. The keys come in a fixed
    order (a set's order would change with the process's hash seed, and so could a tie between
    two labels of one length in worker processes).
    """
    strings = doc.vocab.strings
    keys: dict[int, tuple[str, tuple[str, ...]]] = {}
    words = []
    for i, (orth, is_space) in enumerate(doc.to_array([ORTH, IS_SPACE]).tolist()):
        if is_space:
            continue
        known = keys.get(orth)
        if known is None:
            text = _norm(strings[orth])
            known = keys[orth] = (text, (_exact_key(text), _folded_key(text)))
        words.append((i, *known))
    return words


# -- spelling variants by rule ---------------------------------------------------------------------
# Writers join, split and hyphenate Dutch compounds freely ("no-riskpolis", "no risk polis",
# "noriskpolis") and inflect them ("loonwaardebepalingen", "praktijkroutes"). A label's *squashed*
# form (lower case, letters and digits only) is the same for all of these; plural and singular forms
# are made by the regular Dutch rules, not listed.

_SQUASH = re.compile(r"[^\w]|_")
_JOINABLE = re.compile(r"[\w'’\-]+")
_MAX_VARIANT_TOKENS = 6
_MIN_HEAD_STEM = 4
_VOWELS = "aeiouy"


def _squash(text: str) -> str:
    return _SQUASH.sub("", text.lower())


def _variant_key(word: str) -> str | None:
    """A text word's squashed form, or None for punctuation and elided compounds ('werkgevers-')."""
    lower = word.lower()
    if lower.isalnum():
        return lower
    if not _JOINABLE.fullmatch(word) or word.endswith("-"):
        return None
    return _squash(lower)


def number_forms(word: str) -> set[str]:
    """Regular Dutch plural and singular forms of ``word`` (lower case), including ``word`` itself.

    ``polis`` -> ``polissen``, ``afspraak`` -> ``afspraken``, ``route`` -> ``routes``,
    ``punten`` -> ``punt``, ``plekken`` -> ``plek``. Where the stress decides (``polissen`` but
    ``vouchers``) both forms are made: a form that is not a word never occurs. Forms Dutch spelling
    never writes are not made (``baanen``, ``routeen``, ``bedrijfen``, ``voucher's``, ``regelingenen``):
    these forms are also the concepts' hidden labels in the graph.
    """
    forms = {word}
    plural = not (word.endswith("en") and len(word) > 4)  # 'regelingen' is a plural already
    if not word.endswith("s"):
        forms.add(word + "s")
    if word[-1:] in "aiouyé":
        forms.add(word + "'s")
    long_vowel = len(word) > 3 and word[-1] not in _VOWELS and word[-2] == word[-3] and word[-2] in _VOWELS
    if plural and word[-1:] not in "ef" and not long_vowel:
        forms.add(word + "en")
    if word.endswith("e"):
        forms.add(word + "n")
    if plural and len(word) > 2 and word[-1] not in _VOWELS and word[-2] in _VOWELS and word[-3] not in _VOWELS:
        forms.add(word + word[-1] + "en")  # polis -> polissen, plek -> plekken
    if len(word) > 3 and word[-1] not in _VOWELS and word[-2] == word[-3] and word[-2] in "aeou":
        forms.add(word[:-2] + word[-1] + "en")  # afspraak -> afspraken, loon -> lonen
    if word.endswith("f"):
        forms.add(word[:-1] + "ven")
    if word.endswith("en") and len(word) > 4:
        stem = word[:-2]
        forms.add(stem)
        if len(stem) > 2 and stem[-1] == stem[-2] and stem[-1] not in _VOWELS:
            forms.add(stem[:-1])  # plekken -> plek
        elif len(stem) > 2 and stem[-1] not in _VOWELS and stem[-2] in "aeou" and stem[-3] not in _VOWELS:
            forms.add(stem[:-1] + stem[-2] + stem[-1])  # afspraken -> afspraak
    if word.endswith("s") and len(word) > 4:
        forms.add(word[:-1].rstrip("'’"))
    return forms


def has_variants(label: str) -> bool:
    """Abbreviations and proper names with inner capitals keep their exact form."""
    return not any(_has_inner_capital(word) for word in label.split())


def number_variants(label: str) -> list[str]:
    """``label`` with its last word in each regular number form (:func:`number_forms`), as written
    otherwise: ``sociaal ontwikkelbedrijf`` -> ``sociaal ontwikkelbedrijven``, ...; ``label`` first."""
    head, _, last = _norm(label).rpartition(" ")
    forms = sorted(number_forms(last.lower()) - {last.lower()})
    return [_norm(label), *(f"{head} {form}" if head else form for form in forms)]


def matched_forms(concept: Concept, settings: Settings | None = None) -> list[str]:
    """The forms the gazetteer matches for ``concept`` beyond its labels: the regular plural and
    singular of each label of a variant category (what ``skos:hiddenLabel`` is for, so that a
    found ``garantiebanen`` carries that form as a label of the concept it links to)."""
    settings = settings or load_settings()
    if concept.category not in settings.variant_categories:
        return []
    known = {label.casefold() for label in concept.labels}
    forms = []
    for label in concept.labels:
        if label in settings.case_sensitive_labels or not has_variants(label):
            continue
        for form in number_variants(label)[1:]:
            if form.casefold() not in known and len(_squash(form)) >= _MIN_HEAD_STEM:
                known.add(form.casefold())
                forms.append(form)
    return forms


class Gazetteer:
    """Token trie over all vocabulary labels; see the module docstring for the matching rules."""

    def __init__(self, nlp: Language, concepts: list[Concept], settings: Settings) -> None:
        self.root = _Node()
        #: single-token label keys -> entry, for names inside compound tokens
        self.single: dict[str, _Entry] = {}
        #: the subset of ``single`` whose label starts with a capital (proper names, abbreviations)
        self.single_proper: dict[str, _Entry] = {}
        #: squashed spelling variants (see :func:`number_forms`) -> entry, and the same keys sorted
        self.variants: dict[str, _Entry] = {}
        #: squashed labels of concepts that may head a compound ("loonkostensubsidie|regeling")
        self.compound_stems: dict[str, _Entry] = {}
        self._first_words: set[str] = set()
        for concept in concepts:
            exact = concept.category in settings.case_sensitive_categories
            for label in concept.labels:
                case_sensitive = exact or label in settings.case_sensitive_labels
                self._add(nlp, label, (concept.category, concept.path), case_sensitive)
                if concept.category in settings.variant_categories and not case_sensitive:
                    self._add_variants(label, (concept.category, concept.path))
        for phrase in settings.generic_phrases:
            self._add(nlp, phrase, _GENERIC, False)
        self._variant_prefixes = frozenset(k[:i] for k in self.variants for i in range(1, len(k)))
        self._stem_starts = frozenset(k[:_MIN_HEAD_STEM] for k in self.compound_stems)
        # A text word can start a variant when it is a prefix of three letters or more, or a label's
        # own first word ('no' of 'no-riskpolis'): so 'de' and 'in' are not tried at every turn.
        self._variant_starts = frozenset(
            {p for p in self._variant_prefixes if len(p) >= 3} | set(self.variants) | self._first_words
        )
        heads = sorted({_squash(h) for h in settings.compound_heads}, key=len, reverse=True)
        self._head = re.compile("(?:" + "|".join(map(re.escape, heads)) + ")$") if heads else None
        self.separators = settings.separators
        self._split = re.compile("[" + re.escape(settings.separators) + "]")

    def _add_variants(self, label: str, entry: _Entry) -> None:
        if not has_variants(label):
            return
        self._first_words.add(_squash(re.split(r"[\s\-/]", label.strip(), maxsplit=1)[0]))
        for form in number_variants(label):
            key = _squash(form)
            if len(key) >= _MIN_HEAD_STEM:
                self.variants.setdefault(key, entry)
        if entry[0] == "instrument":
            self.compound_stems.setdefault(_squash(label), entry)

    def _add(self, nlp: Language, label: str, entry: _Entry, exact: bool) -> None:
        tokens = [_norm(t.text) for t in nlp.make_doc(label) if not t.is_space]
        if not tokens:
            return
        keys = [_exact_key(t) if exact or _has_inner_capital(t) else _folded_key(t) for t in tokens]
        node = self.root
        for key in keys:
            node = node.children.setdefault(key, _Node())
        if node.entry is not None and node.entry != entry:
            log.warning("gazetteer: label %r of %s is also a label of %s; keeping the first", label, entry[1], node.entry[1])
            return
        node.entry = entry
        if len(keys) == 1:
            self.single.setdefault(keys[0], entry)
            if label[:1].isupper():
                self.single_proper.setdefault(keys[0], entry)

    def __call__(self, doc: Doc) -> Doc:
        for category, path, start, end in self.matches(doc):
            add_mention(doc, category, doc[start:end], key=path)
        return doc

    def matches(self, doc: Doc) -> list[tuple[str, str, int, int]]:
        """``(category, path, start, end)`` of every accepted match, in text order (token offsets)."""
        words = _words(doc)
        candidates: list[tuple[int, int, int, list[_Entry]]] = []  # (length, start, end, entries)
        worth_trying: dict[str, bool] = {}  # per distinct word: can a spelling variant start here?
        for n in range(len(words)):
            found = self._longest(words, n)
            text = words[n][1]
            tried = worth_trying.get(text)
            if tried is None:
                first = text.lower()
                tried = worth_trying[text] = (
                    first[:_MIN_HEAD_STEM] in self._stem_starts or first in self._variant_starts or not first.isalnum()
                )
            variant = self._variant(words, n) if tried else None
            if variant is not None and (found is None or variant[0] > found[0]):
                found = variant  # 'Werkgevers Servicepunten' is more than 'Werkgevers'
            if found is not None:
                last, entry = found
                candidates.append((last - n + 1, words[n][0], words[last][0] + 1, [entry]))
                continue
            inside = self._inside(words[n][1]) or self._elided(words, n)
            if inside:
                candidates.append((1, words[n][0], words[n][0] + 1, inside))
        candidates.sort(key=lambda c: (-c[0], c[1]))
        taken = bytearray(len(doc))
        accepted: list[tuple[str, str, int, int]] = []
        for _, start, end, entries in candidates:
            if any(taken[start:end]):
                continue
            taken[start:end] = b"\x01" * (end - start)
            accepted.extend((category, path, start, end) for category, path in entries if category)
        accepted.sort(key=lambda m: (m[2], m[3], m[0], m[1]))
        return accepted

    def _longest(self, words: list[tuple[int, str, tuple[str, ...]]], n: int) -> tuple[int, _Entry] | None:
        """The longest label starting at word ``n``: (index of its last word, entry)."""
        best: tuple[int, _Entry] | None = None
        stack = [(self.root, n)]
        while stack:
            node, m = stack.pop()
            if node.entry is not None and m > n and (best is None or m - 1 > best[0]):
                best = (m - 1, node.entry)
            if m >= len(words):
                continue
            for key in words[m][2]:
                child = node.children.get(key)
                if child is not None:
                    stack.append((child, m + 1))
        return best

    def _variant(self, words: list[tuple[int, str, tuple[str, ...]]], n: int) -> tuple[int, _Entry] | None:
        """The longest spelling variant of a label starting at word ``n`` (see :func:`number_forms`),
        or an instrument heading a compound word ("loonkostensubsidieregeling", "IRO-trajecten",
        "begeleid werken-regeling")."""
        joined, best = "", None
        for m in range(n, min(n + _MAX_VARIANT_TOKENS, len(words))):
            piece = _variant_key(words[m][1])
            if piece is None:
                break
            joined += piece
            entry = self.variants.get(joined)
            if entry is not None and not (best and best[1] == entry and len(piece) <= 4):
                best = (m, entry)  # but 'no risk polis en' is not a plural of 'no risk polis'
            elif (m == n or "-" in words[m][1]) and len(joined) > _MIN_HEAD_STEM + 3 and joined[:_MIN_HEAD_STEM] in self._stem_starts:
                # one compound word, or a name of several words whose last one is hyphenated onto
                # the head ('begeleid werken-regeling', 'Work First-projecten')
                head = self._head.search(joined) if self._head is not None else None
                stem = joined[: head.start()] if head else ""
                if stem in self.compound_stems:
                    best = (m, self.compound_stems[stem])
            if joined not in self._variant_prefixes:
                break
        return best

    def _inside(self, text: str) -> list[_Entry]:
        """Names inside one compound token: each member of a slash list ("WAO/WIA/ZW") that is a
        label, else the longest proper-name label before a hyphen or apostrophe ("VVD-fractie",
        "GroenLinks-PvdA-fractie", "CDA'ers"). Common nouns are not split off ("werkgevers-")."""
        if not self._split.search(text):
            return []
        found: list[_Entry] = []
        for chunk in text.split("/") if "/" in self.separators else [text]:
            entry = self._lookup(chunk, self.single) if chunk != text else None
            if entry is None:
                cuts = [m.start() for m in self._split.finditer(chunk) if m.group() != "/"]
                for cut in reversed(cuts):
                    entry = self._lookup(chunk[:cut], self.single_proper)
                    if entry is not None:
                        break
            if entry is not None and entry not in found:
                found.append(entry)
        return found

    def _elided(self, words: list[tuple[int, str, tuple[str, ...]]], n: int) -> list[_Entry]:
        """A compound whose tail was left out before a conjunction: "werkgevers-" in
        "werkgevers- en werknemersorganisaties" is "werkgeversorganisaties". The tail is taken from
        the word after the conjunction and must be at least three letters long."""
        text = words[n][1]
        if len(text) < 2 or not text.endswith("-") or n + 2 >= len(words):
            return []
        if words[n + 1][1].lower() not in _CONJUNCTIONS:
            return []
        head, following = text[:-1], words[n + 2][1]
        for cut in range(1, len(following) - _MIN_TAIL + 1):
            entry = self._lookup(head + following[cut:], self.single)
            if entry is not None:
                return [entry]
        return []

    @staticmethod
    def _lookup(text: str, index: dict[str, _Entry]) -> _Entry | None:
        if not text:
            return None
        return index.get(_exact_key(text)) or index.get(_folded_key(text))


@Language.factory("kg_gazetteer", default_config={"extra_vocabularies": []})
def make_gazetteer(nlp: Language, name: str, extra_vocabularies: list[str]) -> Gazetteer:
    """Mentions of vocabulary concepts; ``extra_vocabularies`` adds Turtle files of more concepts."""
    return Gazetteer(nlp, load_vocabulary(tuple(str(p) for p in extra_vocabularies)), load_settings())

