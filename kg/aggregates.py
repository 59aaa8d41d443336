"""Mention tallies: per file, how often its text mentions each entity, written with its mentions.

A 1000-document store holds about 250 000 NIF mentions; saved queries that count or list the
entities of documents (``entities``, ``organisations``, ``laws``, ``timeline``, …) joined every
one of them and took seconds to minutes. Each document graph therefore also holds one
``kg:MentionTally`` per (entity, class) its mentions point at, with the number of mentions and the
forms they were written in: those queries aggregate a few tallies per document instead.

A tally lives in the graph of the file it counts, so replacing or removing the document replaces
or removes its tallies: an incremental build stays exact without recomputing anything else.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterable

from pyoxigraph import Literal, NamedNode, Quad

from kg.vocab import ITSRDF, KGV, NIF, RDF, XSD

_PREDICATES = (ITSRDF.taIdentRef, ITSRDF.taClassRef, NIF.referenceContext, KGV.surfaceForm)


def mention_tallies(quads: Iterable[Quad]) -> list[Quad]:
    """The ``kg:MentionTally`` quads for one document graph's mentions (in the same graph).

    Counted as the queries counted the mentions: a mention node with two entities (or classes)
    counts once for each pair, and every distinct mention node counts once.
    """
    by_node: dict[NamedNode, dict[NamedNode, list]] = defaultdict(lambda: defaultdict(list))
    items: dict[NamedNode, NamedNode] = {}
    graph = None
    for quad in quads:
        graph = quad.graph_name
        if quad.predicate in _PREDICATES:
            by_node[quad.subject][quad.predicate].append(quad.object)
        elif quad.predicate == NIF.sourceUrl:
            items[quad.subject] = quad.object
    tallies: dict[tuple, tuple[set, set]] = {}
    for node, facts in by_node.items():
        for context in facts[NIF.referenceContext]:
            item = items.get(context)
            if item is None:
                continue
            for entity in facts[ITSRDF.taIdentRef]:
                for cls in facts[ITSRDF.taClassRef]:
                    mentions, forms = tallies.setdefault((item, entity, cls), (set(), set()))
                    mentions.add(node)
                    forms.update(facts[KGV.surfaceForm])
    out = []
    for (item, entity, cls), (mentions, forms) in sorted(tallies.items(), key=lambda kv: str(kv[0])):
        key = hashlib.sha256(f"{entity.value} {cls.value}".encode()).hexdigest()[:16]
        tally = NamedNode(f"{item.value}/tally/{key}")
        out += [
            Quad(tally, RDF.type, KGV.MentionTally, graph),
            Quad(tally, KGV.tallyOf, item, graph),
            Quad(tally, KGV.entity, entity, graph),
            Quad(tally, KGV.entityClass, cls, graph),
            Quad(tally, KGV.mentionCount, Literal(str(len(mentions)), datatype=XSD.nonNegativeInteger), graph),
        ]
        out += [Quad(tally, KGV.writtenAs, form, graph) for form in sorted(forms, key=str)]
    return out
