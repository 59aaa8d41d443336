"""Bridge from the statistical model's NER to kg's mentions.

When ``nl_core_news_sm`` runs, its PERSON and ORG entities can find names no cue or gazetteer
covers (a person named without role or title, an organisation missing from the concept schemes).
They are added only where kg's own components found nothing, and only when they look like names:
the model also tags fragments, numbers and whole clauses. Persons get just a ``name``; organisations
get key ``""`` and a ``name``, from which the RDF writer mints an IRI.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from kg.extractors.base import CATEGORIES, add_mention, mentions
from kg.extractors.persons import strip_titles

_MAX_TOKENS = 6
_CATEGORY = {"PERSON": "person", "ORG": "organisation"}


def _plausible(ent: Span) -> bool:
    """A name-like entity: not one lower-case word, not too long, no digits, no line-spanning junk."""
    text = " ".join(ent.text.split())
    if not text or len(ent) > _MAX_TOKENS or any(ch.isdigit() for ch in text):
        return False
    if len(ent) == 1 and not ent[0].text[:1].isupper():
        return False
    if not any(token.text[:1].isupper() for token in ent):
        return False
    return ent.text.count("\n") <= 1 and all(token.is_alpha or token.text in "-'’." for token in ent)


def _covered(doc: Doc, ent: Span) -> bool:
    """True when any kg mention overlaps ``ent`` (kg's own components know better than the model)."""
    return any(span.start < ent.end and ent.start < span.end for category in CATEGORIES for span in mentions(doc, category))


class ModelEntities:
    """Adds PERSON and ORG entities of the model as mentions (no-op without an NER component)."""

    def __init__(self, nlp: Language) -> None:
        self.nlp = nlp

    def __call__(self, doc: Doc) -> Doc:
        if not doc.ents or not self.nlp.has_pipe("ner"):
            return doc
        for ent in doc.ents:
            category = _CATEGORY.get(ent.label_)
            if category is None or not _plausible(ent) or _covered(doc, ent):
                continue
            span = strip_titles(ent) if category == "person" else ent
            if len(span):
                add_mention(doc, category, span, "", name=" ".join(span.text.split()))
        return doc


@Language.factory("kg_model_entities")
def make_model_entities(nlp: Language, name: str) -> ModelEntities:
    """Factory for :class:`ModelEntities`."""
    return ModelEntities(nlp)
