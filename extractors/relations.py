"""Actor-instrument associations: which organisation does what with which instrument.

A sentence naming an organisation (the actor: ``UWV``, ``gemeenten``) and an instrument (``IPS``,
``jobcoaching``) is evidence that they are associated; the verb says how (``UWV koopt IPS-trajecten
in`` -> ``inkopen``). With a dependency parse the verb is the one the actor is subject of and whose
subtree holds the instrument, its ``compound:prt`` child being the separable particle. Without one,
a table of inflected forms and particles (``data/relations.json``) finds the verb in the clause
that holds both, nearest to the actor.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from kg.datafiles import load_json
from kg.extractors.base import mentions, relations

_SUBJECT_DEPS = ("nsubj", "nsubj:pass", "obl:agent")
# After these words 'in'/'aan'/'uit' is a preposition, not a separable particle ('in het kader').
_PREPOSITION_FOLLOWERS = frozenset("de het een deze dit die dat haar hun zijn mijn ons onze elk elke alle".split())


@dataclass(frozen=True)
class _Verb:
    lemma: str
    particle: str | None
    forms: frozenset[str]


@dataclass(frozen=True)
class _Table:
    verbs: tuple[_Verb, ...]
    by_parts: dict[tuple[str, str], str]  # (particle or "", bare form) -> lemma
    clause_breaks: frozenset[str]
    governing: frozenset[str]
    skip_before_actor: frozenset[str]


@lru_cache(maxsize=1)
def _table() -> _Table:
    data = load_json("kg.extractors.data", "relations.json")
    verbs = tuple(
        _Verb(v["lemma"], v.get("particle"), frozenset(f.casefold() for f in v["forms"])) for v in data["verbs"]
    )
    by_parts: dict[tuple[str, str], str] = {}
    for verb in verbs:
        for form in verb.forms:
            by_parts.setdefault((verb.particle or "", form), verb.lemma)
    governed = data["non_subject_prepositions"]
    return _Table(
        verbs,
        by_parts,
        frozenset(data["clause_breaks"]),
        frozenset(governed["words"]),
        frozenset(governed["skip"]),
    )


def lemma_from_parts(lemma: str, particle: str | None) -> str:
    """Canonical lemma of a verb lemma plus its separable particle (``'kopen'`` + ``'in'`` -> ``'inkopen'``)."""
    lemma, particle = lemma.casefold(), (particle or "").casefold()
    known = _table().by_parts.get((particle, lemma))
    if known:
        return known
    return particle + lemma


# -- rules-only ------------------------------------------------------------------------------------


def _clause_bounds(sent: Span, index: int) -> tuple[int, int]:
    """Token range of the clause around token ``index`` (clauses split at ';', ':', bullets)."""
    breaks = _table().clause_breaks
    start = index
    while start > sent.start and sent.doc[start - 1].text not in breaks:
        start -= 1
    end = index
    while end < sent.end and sent.doc[end].text not in breaks:
        end += 1
    return start, end


def _particle_at(doc: Doc, index: int, particle: str) -> bool:
    token = doc[index]
    if token.lower_ != particle:
        return False
    following = doc[index + 1] if index + 1 < len(doc) else None
    return following is None or not (following.lower_ in _PREPOSITION_FOLLOWERS or following.like_num)


def _table_verbs(doc: Doc, start: int, end: int) -> list[tuple[int, str]]:
    """(token index, lemma) of every verb from the table in tokens ``start:end``."""
    found = []
    for i in range(start, end):
        word = doc[i].lower_
        for verb in _table().verbs:
            particle = verb.particle
            if particle is None:
                if word in verb.forms:
                    found.append((i, verb.lemma))
                continue
            if word.startswith(particle) and word[len(particle) :] in verb.forms:
                found.append((i, verb.lemma))
            elif word in verb.forms and (
                (i > start and doc[i - 1].lower_ == particle)
                or any(_particle_at(doc, j, particle) for j in range(i + 1, end))
            ):
                found.append((i, verb.lemma))
    return found


def _governed(sent: Span, actor: Span) -> bool:
    """True when a preposition governs the actor ('aan gemeenten'): then it is not the one acting."""
    table = _table()
    i = actor.start - 1
    while i >= sent.start and sent.doc[i].lower_ in table.skip_before_actor:
        i -= 1
    return i >= sent.start and sent.doc[i].lower_ in table.governing


def _rules_verb(sent: Span, actor: Span, instrument: Span, verbs: dict | None = None) -> str | None:
    """``verbs``: the table verbs found per clause so far in this Doc (each pair in a clause reads
    the same clause)."""
    if _governed(sent, actor):
        return None
    start, end = _clause_bounds(sent, actor.start)
    if not (start <= instrument.start and instrument.end <= end):
        return None
    found = verbs.get((start, end)) if verbs is not None else None
    if found is None:
        found = _table_verbs(sent.doc, start, end)
        if verbs is not None:
            verbs[start, end] = found
    candidates = [
        (i, lemma) for i, lemma in found if not (actor.start <= i < actor.end)
        and not (instrument.start <= i < instrument.end)
    ]
    if not candidates:
        return None
    return min(candidates, key=lambda c: (abs(c[0] - actor.start), c[0]))[1]


# -- with a dependency parse -------------------------------------------------------------------------


def _parsed_verb(actor: Span, instrument: Span) -> str | None:
    """Lemma of the verb the actor is subject (or passive agent) of, when the instrument hangs below it."""
    token: Token = actor.root
    while token.dep_ == "conj" and token.head is not token:
        token = token.head
    if token.dep_ not in _SUBJECT_DEPS or token.head is token:
        return None
    verb = token.head
    target = instrument.root
    if target not in verb.subtree or target in token.subtree:
        return None
    particle = next((c.lemma_ or c.text for c in verb.children if c.dep_ == "compound:prt"), None)
    return lemma_from_parts(verb.lemma_ or verb.text, particle)


def relation_verb(sent: Span, actor: Span, instrument: Span, *, parsed: bool | None = None,
                  verbs: dict | None = None) -> str | None:
    """How ``actor`` relates to ``instrument`` in ``sent``: a verb lemma, or None when the text does not say.

    ``parsed`` (whether the Doc has a dependency parse) and ``verbs`` (see :func:`_rules_verb`)
    are what :func:`find_relations` knows of the Doc already: ``has_annotation`` reads every token.
    """
    if sent.doc.has_annotation("DEP") if parsed is None else parsed:
        verb = _parsed_verb(actor, instrument)
        if verb:
            return verb
    return _rules_verb(sent, actor, instrument, verbs)


@Language.component("kg_relations")
def find_relations(doc: Doc) -> Doc:
    """Append one relation per sentence, actor and instrument to ``doc._.kg_relations``."""
    actors = mentions(doc, "organisation")
    instruments = mentions(doc, "instrument")
    if not actors or not instruments:
        return doc
    try:
        sentences = list(doc.sents)
    except ValueError:  # no sentence boundaries: nothing to pair within
        return doc
    chosen: dict[tuple[int, str, str], dict] = {}
    parsed, verbs = doc.has_annotation("DEP"), {}
    actors, instruments = sorted(actors, key=_start), sorted(instruments, key=_start)
    actor_starts, instrument_starts = [a.start for a in actors], [i.start for i in instruments]
    for sent in sentences:
        in_actors = _within(sent, actors, actor_starts)
        in_instruments = _within(sent, instruments, instrument_starts)
        for actor in in_actors:
            for instrument in in_instruments:
                if actor.start < instrument.end and instrument.start < actor.end:
                    continue
                key = (sent.start, actor.kb_id_, instrument.kb_id_)
                if key in chosen and chosen[key]["verb"]:
                    continue
                try:
                    verb = relation_verb(sent, actor, instrument, parsed=parsed, verbs=verbs)
                except (ValueError, IndexError):
                    verb = None
                if key not in chosen or verb:
                    chosen[key] = {"actor": actor, "instrument": instrument, "sentence": sent, "verb": verb}
    relations(doc).extend(chosen.values())
    return doc


def _start(span) -> int:
    return span.start


def _within(sent, spans: list, starts: list[int]) -> list:
    """The spans (sorted by start, ``starts`` their starts) lying inside ``sent``: a bisect, so
    pairing stays linear in the number of sentences on long documents."""
    first, last = bisect_left(starts, sent.start), bisect_left(starts, sent.end)
    return [span for span in spans[first:last] if span.end <= sent.end]
