"""NIF text nodes: the item's text as a context, sentences and mention phrases with raw offsets."""

from __future__ import annotations

from pyoxigraph import Literal, NamedNode

from kg.rdf.graph import DocumentGraph, count, dutch
from kg.vocab import CATEGORY_CLASSES, DUTCH, ITSRDF, KGV, NIF, PROV, RDF


def sentences_of(span):
    """The sentence holding ``span``, widened to the following sentences the span runs into."""
    first, last = span.doc[span.start].sent, span.doc[span.end - 1].sent
    return first if first.start == last.start else span.doc[first.start : last.end]


def write_context(g: DocumentGraph) -> None:
    """The item's raw text, which every offset refers to."""
    context, raw = g.context, g.source.raw
    g.add(context, RDF.type, NIF.Context)
    g.add(context, RDF.type, NIF.RFC5147String)
    g.add(context, NIF.isString, Literal(raw))
    g.add(context, NIF.beginIndex, count(0))
    g.add(context, NIF.endIndex, count(len(raw)))
    g.add(context, NIF.sourceUrl, g.item)
    g.add(context, NIF.predLang, DUTCH)


def _phrase(g: DocumentGraph, node: NamedNode, raw_start: int, raw_end: int, surface: Literal) -> None:
    g.add(node, RDF.type, NIF.RFC5147String)
    g.add(node, NIF.beginIndex, count(raw_start))
    g.add(node, NIF.endIndex, count(raw_end))
    g.add(node, NIF.referenceContext, g.context)
    g.add(node, NIF.anchorOf, Literal(g.source.raw[raw_start:raw_end]))
    g.add(node, KGV.surfaceForm, surface)


def sentence_node(g: DocumentGraph, sent) -> NamedNode | None:
    """The NIF sentence for a spaCy sentence (or span of sentences), trimmed of surrounding whitespace.

    Described once per document graph: its mentions after the first reuse the node.
    """
    key = (sent.start_char, sent.end_char)
    if key not in g.sentences:
        g.sentences[key] = _sentence_node(g, sent)
    return g.sentences[key]


def _sentence_node(g: DocumentGraph, sent) -> NamedNode | None:
    text = sent.text
    stripped = text.strip()
    if not stripped:
        return None
    start = sent.start_char + (len(text) - len(text.lstrip()))
    raw_start, raw_end = g.raw_span(start, start + len(stripped))
    return sentence_at(g, raw_start, raw_end, stripped)


def sentence_at(g: DocumentGraph, raw_start: int, raw_end: int, surface: str) -> NamedNode:
    """The NIF sentence at raw ``raw_start:raw_end`` (``surface``: its cleaned text, Dutch)."""
    node = g.text_node(raw_start, raw_end)
    g.add(node, RDF.type, NIF.Sentence)
    _phrase(g, node, raw_start, raw_end, dutch(surface))  # a sentence is Dutch text; a name is not
    return node


def phrase(g: DocumentGraph, raw_start: int, raw_end: int, surface: Literal, entity: NamedNode,
           category: str) -> NamedNode:
    """The NIF phrase at raw ``raw_start:raw_end`` pointing at ``entity`` (no sentence)."""
    node = g.text_node(raw_start, raw_end)
    g.add(node, RDF.type, NIF.Phrase)
    _phrase(g, node, raw_start, raw_end, surface)
    g.add(node, ITSRDF.taIdentRef, entity)
    g.add(node, ITSRDF.taClassRef, CATEGORY_CLASSES[category])
    g.add(node, PROV.wasGeneratedBy, g.activity)
    g.entities[category].add(entity)
    return node


def mention(g: DocumentGraph, span, entity: NamedNode, category: str) -> None:
    """A NIF phrase for ``span`` pointing at ``entity``, with raw offsets and its sentence."""
    raw_start, raw_end = g.raw_span(span.start_char, span.end_char)
    sentence = sentence_node(g, sentences_of(span))
    # One node per offsets: a mention that is a whole sentence shares the sentence's Dutch string.
    whole = sentence is not None and sentence == g.text_node(raw_start, raw_end)
    node = phrase(g, raw_start, raw_end, dutch(span.text.strip()) if whole else Literal(span.text), entity, category)
    if sentence is not None:
        g.add(node, NIF.sentence, sentence)
