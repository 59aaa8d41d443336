"""The spaCy pipeline kg runs: the Dutch model when installed, else blank Dutch plus kg's rules.

``nl_core_news_sm`` is not on PyPI, so kg cannot depend on it. It is used whenever it is installed
(or another pipeline is named with ``model=``); otherwise kg runs in *rules-only* mode on
``spacy.blank("nl")``: spaCy's Dutch tokenizer, a punctuation sentencizer and kg's rule, matcher and
gazetteer components. Nothing is ever downloaded.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING, Iterable, Iterator

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

# spaCy is imported where a pipeline is loaded or run, not here: a no-change rebuild asks
# :func:`rules_only_info` which mode it would run and never loads a pipeline, and importing spaCy
# (with thinc and its registry) took 1.5-2 s of its 4-5 s.

DEFAULT_MODEL = "nl_core_news_sm"

#: kg's own components, in the order they run; each is registered by its module in kg.extractors.
KG_COMPONENTS = (
    "kg_layout",
    "kg_kamerstuk_refs",
    "kg_motions",
    "kg_gazetteer",
    "kg_law_names",
    "kg_organisation_names",
    "kg_abbreviations",
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
        abbreviations,
        documents,
        gazetteer,
        kamerstuk,
        laws,
        layout,
        model_entities,
        motions,
        organisations,
        persons,
        relations,
    )


def model_installed(name: str = DEFAULT_MODEL) -> bool:
    """True when the spaCy pipeline package ``name`` is installed (what ``spacy.util.is_package``
    checks, without importing spaCy)."""
    try:
        metadata.distribution(name)
    except Exception:  # noqa: BLE001 - spaCy's check treats any failure as "not installed"
        return False
    return True


def spacy_version() -> str:
    """The installed spaCy's version, read from its package metadata (``spacy.__version__``
    without importing spaCy)."""
    return metadata.version("spacy")


def _load_spacy_pipeline(name: str) -> Language:
    """``spacy.load(name)``, with a folder that is not a spaCy pipeline reported as :class:`ModelNotFound`."""
    import spacy

    try:
        return spacy.load(name)
    except (OSError, ValueError, KeyError) as error:  # spaCy's E050/E053 (no config.cfg/meta.json), bad config
        reason = " ".join(str(error).split())
        raise ModelNotFound(
            f"{name!r} cannot be loaded as a spaCy pipeline ({reason[:160]}); pass an installed pipeline "
            "or a folder saved with nlp.to_disk(), or leave out --model to run rules-only"
        ) from None


def rules_only_info(model: str | None = None) -> PipelineInfo | None:
    """What :func:`load_pipeline` reports when it would run rules-only, else None, without loading.

    A build checks which documents changed before it needs the pipeline; a no-change rebuild
    never loads it.
    """
    if model or model_installed(DEFAULT_MODEL):
        return None
    return PipelineInfo("rules-only", "spacy.blank('nl')", spacy_version())


def load_pipeline(model: str | None = None) -> tuple[Language, PipelineInfo]:
    """Load ``model`` (default: ``nl_core_news_sm`` if installed, else rules-only) and add kg's components.

    ``model`` may be an installed pipeline package or a pipeline directory. Raises
    :class:`ModelNotFound` when it is named explicitly but cannot be found.
    """
    import spacy

    from kg.extractors.tokenizer import blank_pipeline, customize_tokenizer

    _register_components()
    name = model or DEFAULT_MODEL
    if model_installed(name) or Path(name).is_dir():
        nlp = _load_spacy_pipeline(name)
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
        nlp = blank_pipeline("nl")  # spacy.blank("nl") with customize_tokenizer's rules, made in one step
        nlp.add_pipe("sentencizer")
        nlp.add_pipe("kg_layout")
        info = rules_only_info()
    for component in KG_COMPONENTS[1:]:
        if component == "kg_model_entities" and not nlp.has_pipe("ner"):
            continue
        nlp.add_pipe(component)
    return nlp, info


def run_pipeline(nlp: Language, text: str, *, footers: Iterable[str] = (), reader_facts: dict | None = None) -> Doc:
    """Run ``nlp`` on ``text`` of any length and return one Doc whose character offsets are ``text``'s.

    spaCy refuses texts over ``nlp.max_length`` (E088) because its statistical components need
    about 1 GB per 100,000 characters; whole Handelingen of a sitting are longer. Such a text is
    cut at paragraph (else line) boundaries into pieces under the limit, spaCy's own components
    (and, before the parser, ``kg_layout``) run piece by piece so their memory stays bounded, the
    pieces are joined with ``Doc.from_docs`` into one Doc with exactly the original text, and kg's
    components, which need the whole document (header facts, signatures), run on that.
    ``footers`` and ``reader_facts`` (what the reader found, see ``kg.readers.contract``) are set on
    the Doc before kg's components run.
    """
    from spacy.tokens import Doc

    from kg.extractors.base import seed_reader_facts, seed_text

    if len(text) <= nlp.max_length:
        doc = nlp.make_doc(text)
        seed_text(doc, text)
        doc._.kg_footers = list(footers)
        seed_reader_facts(doc, reader_facts or {})
        return nlp(doc)
    split = _first_whole_document_component(nlp)
    pieces = []
    for piece in text_pieces(text, nlp.max_length):
        doc = nlp.make_doc(piece)
        for _name, component in nlp.pipeline[:split]:
            doc = component(doc)
        pieces.append(doc)
    doc = Doc.from_docs(pieces, ensure_whitespace=False)
    if doc.text != text:  # from_docs joins texts verbatim; a change would shift every offset
        raise RuntimeError("joining the pieces of a long document changed its text")
    seed_text(doc, text)
    doc._.kg_footers = list(footers)
    seed_reader_facts(doc, reader_facts or {})
    for _name, component in nlp.pipeline[split:]:
        doc = component(doc)
    return doc


def _first_whole_document_component(nlp: Language) -> int:
    """Index of the first of the trailing kg components (everything before it works per piece)."""
    split = len(nlp.pipe_names)
    while split and nlp.pipe_names[split - 1].startswith("kg_"):
        split -= 1
    return split


def text_pieces(text: str, limit: int) -> Iterator[str]:
    """Consecutive pieces of ``text`` of at most ``limit`` characters that join back to ``text``.

    Each piece ends after a blank line if there is one in its second half, else after a line
    break, else after a space; only text without any of these is cut mid-word.
    """
    start = 0
    while len(text) - start > limit:
        end = start + limit
        floor = start + limit // 2
        for boundary in ("\n\n", "\n", " "):
            cut = text.rfind(boundary, floor, end)
            if cut >= 0:
                end = cut + len(boundary)
                break
        yield text[start:end]
        start = end
    yield text[start:]
