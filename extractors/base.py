"""The contract between kg's extractors and the RDF writer.

Every extractor is a spaCy component that reads a ``Doc`` made from the *cleaned* text of one
source file and writes what it found onto that ``Doc``; it never builds RDF itself. Keeping the
output on the ``Doc`` means each component can be tested alone on a hand-built ``Doc``, and the
RDF writer (``kg.rdf``) is the only place that knows the vocabulary.

What goes where:

* ``doc.spans[CATEGORY]`` for each name in :data:`CATEGORIES`: one span per mention. Spans may
  overlap (``31 234 en 27 111, nr. 5`` yields two ``kamerstuk`` spans over the same characters).
  ``span.label_`` is the category, ``span.kb_id_`` the entity key (see :data:`CATEGORIES`), and
  ``span._.kg`` an optional dict of extra attributes (see :func:`span_attrs`).
* ``doc.spans["question"]`` / ``doc.spans["answer"]``: numbered questions and answers; their
  ``span._.kg["numbers"]`` is a list of ints (``Antwoord 3 & 4`` -> ``[3, 4]``).
* ``doc._.kg_document``: document-level facts (type, own identifiers, date, title, ...); see
  :data:`DOCUMENT_FIELDS`.
* ``doc._.kg_relations``: actor-instrument associations, one dict per (sentence, actor,
  instrument): ``{"actor": Span, "instrument": Span, "sentence": Span, "verb": str | None}``.
* ``doc._.kg_footers``: the page footers the cleaner removed (list of str), set *before* the
  pipeline runs, so the document's own number can be read from them.
* ``doc._.kg_reader_facts``: what the reader learnt from the document's form (web-page metadata
  blocks, HTML ``<meta>`` tags), set *before* the pipeline runs; keys in
  ``kg.readers.contract.READER_FACTS`` (``persons`` with name, party, role and raw offsets,
  ``identifiers``, ``title``, ``type``, ``date``, ``dates``, ``sources``, ``metadata``). Its
  identifiers, title, type and date also seed ``doc._.kg_document`` (:func:`seed_reader_facts`),
  so the document's own number is never taken for a citation.
"""

from __future__ import annotations

from typing import Any, Callable

from spacy.tokens import Doc, Span

#: Mention categories, and what ``span.kb_id_`` holds for each.
CATEGORIES: dict[str, str] = {
    "kamerstuk": "normalized id, e.g. '34950-XV-2', '31234-J', 'h-tk-20072008-75', 'ah-tk-20192020-961'",
    "motion": "normalized Kamerstuk id of the motion when known (e.g. '28719-49'), else ''",
    "organisation": "concept path relative to the base IRI, e.g. 'id/organisatie/uwv'",
    "party": "concept path relative to the base IRI, e.g. 'id/partij/vvd'",
    "instrument": "concept path relative to the base IRI, e.g. 'id/instrument/ips'",
    "law": "concept path relative to the base IRI, e.g. 'id/wet/participatiewet'",
    "person": "'' (the RDF writer derives the key from span._.kg['name'])",
}

#: Keys of ``doc._.kg_document``; all optional.
DOCUMENT_FIELDS: dict[str, str] = {
    "type": "one of DOCUMENT_TYPES",
    "identifiers": "list of the document's own normalized ids, primary first",
    "date": "ISO date string (YYYY-MM-DD) of the document (answers received, letter date, ...)",
    "title": "the official title the document states (dossier title line, DC.title, a 'Titel' key): dcterms:title",
    "description": "what the document is about (the subject of vragen, 'Onderwerp', a page title): dcterms:description",
    "questioner": "name of the Kamerlid who asked (schriftelijke vragen)",
    "submitters": "names of the submitters when the document IS a motion",
}

DOCUMENT_TYPES = (
    "brief",
    "schriftelijke-vragen",
    "lijst-van-vragen-en-antwoorden",
    "motie",
    "verslag",
    "handelingen",
)

SPAN_GROUPS = (*CATEGORIES, "question", "answer")


def _attrs_key(span: Span) -> tuple:
    # spaCy keys plain span extensions by character range alone, so a person span and a motion span
    # over the same characters would share one dict; kg keys them by category and entity too.
    return ("kg.attrs", span.label_, span.start_char, span.end_char, span.kb_id_)


def _get_attrs(span: Span) -> dict[str, Any] | None:
    return span.doc.user_data.get(_attrs_key(span))


def _set_attrs(span: Span, value: dict[str, Any] | None) -> None:
    span.doc.user_data[_attrs_key(span)] = value


def register_extensions() -> None:
    """Register kg's custom attributes on spaCy's classes (idempotent)."""
    if not Span.has_extension("kg"):
        Span.set_extension("kg", getter=_get_attrs, setter=_set_attrs)
    for name in ("kg_document", "kg_relations", "kg_footers", "kg_reader_facts"):
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)


register_extensions()


def document_facts(doc: Doc) -> dict[str, Any]:
    """Return ``doc._.kg_document``, creating it on first use."""
    if doc._.kg_document is None:
        doc._.kg_document = {}
    return doc._.kg_document


def text_of(doc: Doc) -> str:
    """``doc.text``, joined once per Doc: spaCy rebuilds it from every token on each access, which
    made up a sixth of a build's time when each component read it."""
    text = doc.user_data.get("kg_text")
    if text is None:
        text = doc.user_data["kg_text"] = doc.text
    return text


def seed_text(doc: Doc, text: str) -> None:
    """Give :func:`text_of` the text ``doc`` was made from (a Doc's text is its input, character
    for character), so not even the first component joins it from the tokens again."""
    doc.user_data["kg_text"] = text


def seed_reader_facts(doc: Doc, facts: dict[str, Any]) -> None:
    """Hand a reader's facts to the pipeline: ``doc._.kg_reader_facts``, and the document fields
    they settle (own identifiers, title, description, type, date) in ``doc._.kg_document``, which the
    extractors extend but do not overwrite."""
    doc._.kg_reader_facts = facts
    document = document_facts(doc)
    for key in ("identifiers", "title", "description", "type", "date"):
        value = facts.get(key)
        if value and key not in document:
            document[key] = list(value) if key == "identifiers" else value


def reader_facts(doc: Doc) -> dict[str, Any]:
    """``doc._.kg_reader_facts`` or an empty dict."""
    return doc._.kg_reader_facts or {}


def relations(doc: Doc) -> list[dict[str, Any]]:
    """Return ``doc._.kg_relations``, creating it on first use."""
    if doc._.kg_relations is None:
        doc._.kg_relations = []
    return doc._.kg_relations


def add_mention(doc: Doc, category: str, span: Span, key: str = "", **attrs: Any) -> Span:
    """Add a mention of ``category`` to ``doc.spans[category]`` and return the stored span.

    ``span`` may come from any source (matcher, regex over ``doc.char_span``, ...); the stored span
    carries ``label_ == category`` and ``kb_id_ == key``, and ``attrs`` become ``span._.kg``.
    """
    if category not in CATEGORIES and category not in SPAN_GROUPS:
        raise ValueError(f"unknown mention category {category!r}")
    stored = Span(doc, span.start, span.end, label=category, kb_id=key)
    if attrs:
        stored._.kg = dict(attrs)
    group = doc.spans[category] if category in doc.spans else None
    if group is None:
        doc.spans[category] = [stored]
    else:
        group.append(stored)
    return stored


def mentions(doc: Doc, category: str) -> list[Span]:
    """The spans of one category (empty when no extractor wrote any)."""
    return list(doc.spans[category]) if category in doc.spans else []


def span_attrs(span: Span) -> dict[str, Any]:
    """``span._.kg`` or an empty dict.

    Attributes in use: person: ``name`` (as written, without role), ``role`` (``Minister``,
    ``Staatssecretaris``, ``Kamerlid``, ...), ``organisation`` (concept path of the ministry),
    ``party`` (concept path), ``signatory`` (bool), ``speaker`` (bool). motion: ``submitters``
    (list of names), ``parties`` (list of party concept paths), ``label`` (e.g.
    ``motie-Van Hijum c.s.``), ``dossier``, ``number``. question/answer: ``numbers``.
    """
    return span._.kg or {}


def run_guarded(name: str, annotate: Callable[[Doc], None], doc: Doc) -> Doc:
    """Run one component's work on ``doc``, recording a failure on the doc instead of raising.

    The other components' findings stay, and the build reports the failure as a warning naming the
    file (see :func:`failures`), so odd input costs one component's facts, never the document.
    """
    try:
        annotate(doc)
    except Exception as error:  # noqa: BLE001 - bad input must never stop the pipeline
        message = " ".join(str(error).split())[:160] or type(error).__name__
        doc.user_data.setdefault("kg_failures", []).append(f"{name} failed ({message})")
    return doc


def failures(doc: Doc) -> list[str]:
    """The components that failed on ``doc``, one line each (see :func:`run_guarded`)."""
    return list(doc.user_data.get("kg_failures", []))
