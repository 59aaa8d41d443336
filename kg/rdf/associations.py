"""Actor-instrument associations: a claim per (actor, instrument) pair with its evidence sentences."""

from __future__ import annotations

from collections import defaultdict

from pyoxigraph import Literal, NamedNode

from kg.rdf.graph import DocumentGraph, count
from kg.rdf.nif import sentence_node
from kg.vocab import DCTERMS, KGV, RDF, slug


def write_associations(g: DocumentGraph) -> None:
    evidence: dict[tuple[str, str], set[NamedNode]] = defaultdict(set)
    verbs: dict[tuple[str, str], set[str]] = defaultdict(set)
    for relation in g.doc._.kg_relations or []:
        actor, instrument = relation["actor"].kb_id_, relation["instrument"].kb_id_
        if not actor or not instrument:
            continue
        sentence = sentence_node(g, relation["sentence"])
        if sentence is None:
            continue
        evidence[actor, instrument].add(sentence)
        if relation.get("verb"):
            verbs[actor, instrument].add(relation["verb"])
    for (actor, instrument), sentences in evidence.items():
        name = f"{slug(actor.rsplit('/', 1)[-1])}--{slug(instrument.rsplit('/', 1)[-1])}"
        node = g.derived(f"associatie/{name}")
        g.add(node, RDF.type, KGV.ActorInstrumentAssociation)
        g.add(node, KGV.actor, g.iri(actor))
        g.add(node, KGV.instrument, g.iri(instrument))
        g.add(node, KGV.evidenceCount, count(len(sentences)))
        g.add(node, DCTERMS.isPartOf, g.work)
        for sentence in sentences:
            g.add(node, KGV.evidence, sentence)
        for verb in verbs[actor, instrument]:
            g.add(node, KGV.verb, Literal(verb))
