"""The reference vocabularies as the gazetteer reads them, and the spelling variants it matches.

The concepts of the SKOS schemes in ``kg.ontology`` with their labels and mention category, the
matching settings of ``extractors/data/gazetteer.json``, and the regular Dutch number forms the
gazetteer matches beyond the labels (also written into the ontology graph as ``skos:hiddenLabel``).
Kept apart from :mod:`kg.extractors.gazetteer` because none of it needs spaCy: a build that
extracts nothing (every document unchanged) still writes the ontology graph with these forms,
and should not import spaCy for it. The gazetteer module re-exports every name.
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

from kg.datafiles import load_json

log = logging.getLogger("kg.extractors.gazetteer")  # its warnings read as the gazetteer's, as before

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
    #: written label -> pattern of the text right after it that makes it no mention ('CD 6/7')
    not_followed_by: tuple[tuple[str, re.Pattern], ...] = ()
    #: concept path -> pattern its sentence must match: a word that names the concept only in one
    #: field ('taakstelling': the Wsw's and beschut werk's; elsewhere a budget cut)
    sentence_cues: tuple[tuple[str, re.Pattern], ...] = ()
    #: written label -> the party it names where a party stands ('(AOV)' after a member's name,
    #: 'AOV-fractie'), whatever concept it names elsewhere
    party_position: tuple[tuple[str, str], ...] = ()


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
        tuple((label, re.compile(pattern)) for label, pattern in data.get("not_followed_by", {}).items() if not label.startswith("_")),
        _sentence_cues(data),
        tuple((label, path) for label, path in data.get("party_position", {}).items() if not label.startswith("_")),
    )


def _sentence_cues(data: dict) -> tuple[tuple[str, re.Pattern], ...]:
    """``sentence_cues`` compiled, a value that names a ``cue_fields`` entry taking its pattern
    (compiled once for all the concepts of that field)."""
    fields = {name: re.compile(pattern) for name, pattern in data.get("cue_fields", {}).items() if not name.startswith("_")}
    return tuple((path, fields[value] if value in fields else re.compile(value))
                 for path, value in data.get("sentence_cues", {}).items() if not path.startswith("_"))


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



def _norm(text: str) -> str:
    return text.translate(_CHARACTER_VARIANTS)


def _has_inner_capital(token: str) -> bool:
    return any(ch.isupper() for ch in token[1:])



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
# Before the 2005 spelling a diaeresis marked the vowel clash a hyphen marks now ("reïntegratie",
# "re-integratie"): squashed forms drop both, so the two spellings are one variant.
_DIAERESIS = str.maketrans("äëïöüÿ", "aeiouy")


def _squash(text: str) -> str:
    return _SQUASH.sub("", text.lower().translate(_DIAERESIS))


def _variant_key(word: str) -> str | None:
    """A text word's squashed form, or None for punctuation and elided compounds ('werkgevers-')."""
    lower = word.lower().translate(_DIAERESIS)
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
    """Abbreviations, proper names with inner capitals and codes of letters and digits ('G40') keep
    their exact form."""
    return not any(_has_inner_capital(word) or _is_code(word) for word in label.split())


def _is_code(word: str) -> bool:
    return any(ch.isdigit() for ch in word) and any(ch.isalpha() for ch in word)


def number_variants(label: str) -> list[str]:
    """``label`` with its last word in each regular number form (:func:`number_forms`), as written
    otherwise: ``sociaal ontwikkelbedrijf`` -> ``sociaal ontwikkelbedrijven``, ...; ``label`` first."""
    head, _, last = _norm(label).rpartition(" ")
    forms = sorted(number_forms(last.lower()) - {last.lower()})
    return [_norm(label), *(f"{head} {form}" if head else form for form in forms)]


# The prefixes the 2005 spelling parts from a following vowel by a hyphen where the earlier one
# wrote a diaeresis ("re-integratie", "reïntegratie"); compounds of two words kept their hyphen.
_PREFIX_HYPHEN = re.compile(r"(?<![^\W\d_])(re|co|pre|de)-([aeiou])", re.IGNORECASE)
_WITH_DIAERESIS = dict(zip("aeiouAEIOU", "äëïöüÄËÏÖÜ"))


def old_spelling(form: str) -> str:
    """``form`` as Dutch wrote it before 2005: ``re-integratietraject`` -> ``reïntegratietraject``."""
    return _PREFIX_HYPHEN.sub(lambda m: m.group(1) + _WITH_DIAERESIS[m.group(2)], form)


def matched_forms(concept: Concept, settings: Settings | None = None) -> list[str]:
    """The forms the gazetteer matches for ``concept`` beyond its labels: the regular plural and
    singular of each label of a variant category and the pre-2005 spelling of each (what
    ``skos:hiddenLabel`` is for, so that a found ``garantiebanen`` or ``reïntegratiebudget``
    carries that form as a label of the concept it links to)."""
    settings = settings or load_settings()
    if concept.category not in settings.variant_categories:
        return []
    known = {label.casefold() for label in concept.labels}
    forms = []
    for label in concept.labels:
        if label in settings.case_sensitive_labels or not has_variants(label):
            continue
        variants = number_variants(label)
        for form in [*variants[1:], *map(old_spelling, variants)]:
            if form.casefold() not in known and len(_squash(form)) >= _MIN_HEAD_STEM:
                known.add(form.casefold())
                forms.append(form)
    return forms


@lru_cache(maxsize=1)
def municipality_names() -> frozenset[str]:
    """The municipality names of ``gemeenten.ttl`` (CBS's spelling): 'Emmen' in 'sw-bedrijf Emmen'
    is the company's town, 'van Venlo' after 'wethouder Maas' the office's."""
    text = resources.files("kg.ontology").joinpath("gemeenten.ttl").read_text(encoding="utf-8")
    return frozenset(re.findall(r'schema:name "([^"]+)"', text))


@lru_cache(maxsize=1)
def local_offices() -> tuple[str, ...]:
    """The local offices of ``persons.json`` (wethouder, burgemeester, ...), whose holder is named
    with the town: the persons extractor ends a surname at the town, the organisations extractor
    reads the town as the municipality."""
    return tuple(load_json("kg.extractors.data", "persons.json")["local_offices"]["words"])
