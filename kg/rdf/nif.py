"""NIF text nodes: the item's text as a context, sentences and mention phrases with raw offsets."""

from __future__ import annotations

from bisect import bisect_right

from pyoxigraph import Literal, NamedNode

from kg.extractors.base import span_attrs, text_of
from kg.rdf.graph import DocumentGraph, count, dutch
from kg.vocab import CATEGORY_CLASSES, DUTCH, ITSRDF, KGV, NIF, PROV, RDF


def sentences_of(span, g: DocumentGraph | None = None):
    """The sentence holding ``span``, widened to the following sentences the span runs into.

    With ``g`` (the graph of ``span``'s Doc) the sentences are found in the sentence starts read
    once per document, not by spaCy's ``Token.sent``, which walks token by token to both ends of
    the sentence at every call; both give the same span.
    """
    doc = span.doc
    starts = _sentence_starts(g) if g is not None else None
    if starts is None:
        first, last = doc[span.start].sent, doc[span.end - 1].sent
        return first if first.start == last.start else doc[first.start : last.end]
    k = bisect_right(starts, span.start) - 1
    m = bisect_right(starts, span.end - 1) - 1
    return doc[starts[k] : starts[m + 1] if m + 1 < len(starts) else len(doc)]


def _sentence_starts(g: DocumentGraph) -> list[int] | None:
    """The token indices where ``g.doc``'s sentences start (0 first), as ``Span.sent`` reads them
    (``sent_start == 1``); None when spaCy would find sentences otherwise (hooks, no boundaries)."""
    if g.sentence_starts is None:
        doc = g.doc
        if doc.user_hooks or doc.user_span_hooks or doc.user_token_hooks or not doc.has_annotation("SENT_START"):
            g.sentence_starts = False
        else:
            starts = [i for i, value in enumerate(doc.to_array("SENT_START").tolist()) if value == 1]
            g.sentence_starts = starts if starts[:1] == [0] else [0, *starts]
    return g.sentence_starts or None


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
    text = text_of(sent.doc)[sent.start_char : sent.end_char]  # sent.text joins its tokens again
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
    """A NIF phrase for ``span`` pointing at ``entity``, with raw offsets and its sentence.

    A name inside a compound token ('VVD' of 'VVD-fractie') is its own characters (attribute
    ``part``), so two names in one token are two phrases.
    """
    start, end = span_attrs(span).get("part") or (span.start_char, span.end_char)
    raw_start, raw_end = g.raw_span(start, end)
    sentence = sentence_node(g, sentences_of(span, g))
    # One node per offsets: a mention that is a whole sentence shares the sentence's Dutch string.
    whole = sentence is not None and sentence == g.text_node(raw_start, raw_end)
    written = text_of(span.doc)[start:end]
    node = phrase(g, raw_start, raw_end, dutch(written.strip()) if whole else Literal(written), entity, category)
    if sentence is not None:
        g.add(node, NIF.sentence, sentence)
