"""The spaCy pipeline kg runs: the Dutch model when installed, else blank Dutch plus kg's rules.

``nl_core_news_sm`` is not on PyPI, so kg cannot depend on it. It is used whenever it is installed
(or another pipeline is named with ``model=``); otherwise kg runs in *rules-only* mode on
``spacy.blank("nl")``: spaCy's Dutch tokenizer, a punctuation sentencizer and kg's rule, matcher and
gazetteer components. Nothing is ever downloaded.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import spacy
from spacy.language import Language

from kg.extractors.tokenizer import customize_tokenizer

DEFAULT_MODEL = "nl_core_news_sm"

#: kg's own components, in the order they run; each is registered by its module in kg.extractors.
KG_COMPONENTS = (
    "kg_layout",
    "kg_kamerstuk_refs",
    "kg_motions",
    "kg_gazetteer",
    "kg_law_names",
    "kg_persons",
    "kg_model_entities",
    "kg_document_facts",
    "kg_relations",
)


class ModelNotFound(Exception):
    """A pipeline named explicitly with ``model=`` is not installed."""


@dataclass(frozen=True)
class PipelineInfo:
    """Which NLP mode ran: recorded in every build's provenance and shown by ``kg info``."""

    mode: str  # "model" or "rules-only"
    model: str  # e.g. "nl_core_news_sm 3.8.0" or "spacy.blank('nl')"
    spacy_version: str

    def describe(self) -> str:
        if self.mode == "model":
            return f"NLP mode: model ({self.model}, spaCy {self.spacy_version}) plus kg's rules"
        return (
            f"NLP mode: rules-only (spacy.blank('nl') + kg's rules; {DEFAULT_MODEL} is not installed, "
            f"spaCy {self.spacy_version})"
        )


def _register_components() -> None:
    # Importing the modules registers their factories with spaCy.
    from kg.extractors import (  # noqa: F401
        documents,
        gazetteer,
        kamerstuk,
        laws,
        layout,
        model_entities,
        motions,
        persons,
        relations,
    )


def model_installed(name: str = DEFAULT_MODEL) -> bool:
    """True when the spaCy pipeline package ``name`` can be loaded."""
    return spacy.util.is_package(name)


def load_pipeline(model: str | None = None) -> tuple[Language, PipelineInfo]:
    """Load ``model`` (default: ``nl_core_news_sm`` if installed, else rules-only) and add kg's components.

    ``model`` may be an installed pipeline package or a pipeline directory. Raises
    :class:`ModelNotFound` when it is named explicitly but cannot be found.
    """
    _register_components()
    name = model or DEFAULT_MODEL
    if model_installed(name) or Path(name).is_dir():
        nlp = spacy.load(name)
        customize_tokenizer(nlp)
        info = PipelineInfo("model", f"{nlp.meta.get('name', name)} {nlp.meta.get('version', '?')}", spacy.__version__)
        if not nlp.has_pipe("parser") and not nlp.has_pipe("senter"):
            nlp.add_pipe("sentencizer", first=True)
        # Layout boundaries go before the parser, which respects sentence starts set before it.
        nlp.add_pipe("kg_layout", before="parser" if nlp.has_pipe("parser") else None)
    elif model:
        raise ModelNotFound(
            f"spaCy pipeline {model!r} is not installed; install it (see README, 'The Dutch model') "
            "or leave out --model to run rules-only"
        )
    else:
        nlp = spacy.blank("nl")
        customize_tokenizer(nlp)
        nlp.add_pipe("sentencizer")
        nlp.add_pipe("kg_layout")
        info = PipelineInfo("rules-only", "spacy.blank('nl')", spacy.__version__)
    for component in KG_COMPONENTS[1:]:
        if component == "kg_model_entities" and not nlp.has_pipe("ner"):
            continue
        nlp.add_pipe(component)
    return nlp, info
