"""The ontology graph: kg's vocabulary, concept schemes and person register, parsed against the base,
plus the forms the gazetteer matches by rule (plural/singular) as ``skos:hiddenLabel``s of their
concepts: SKOS's label for forms used in matching but not for display, so anyone matching a found
``garantiebanen`` by its concept's labels finds it."""

from __future__ import annotations

from typing import Iterable

from pyoxigraph import Literal, Quad

from kg.vocab import SKOS, Minter


def ontology_quads(minter: Minter) -> Iterable[Quad]:
    """Every ``*.ttl`` of ``kg.ontology`` except the shapes, in the ontology graph."""
    from importlib.resources import files

    from pyoxigraph import RdfFormat, parse

    graph = minter.ontology_graph
    for resource in sorted(files("kg.ontology").iterdir(), key=lambda r: r.name):
        if not resource.name.endswith(".ttl") or resource.name == "shapes.ttl":
            continue
        for triple in parse(resource.read_bytes(), format=RdfFormat.TURTLE, base_iri=minter.base):
            yield Quad(triple.subject, triple.predicate, triple.object, graph)
    yield from matched_form_quads(minter)


def matched_form_quads(minter: Minter) -> Iterable[Quad]:
    """One ``skos:hiddenLabel`` per rule-made form of each vocabulary concept (see the module docstring)."""
    from kg.extractors.vocabulary import load_vocabulary, matched_forms

    for concept in load_vocabulary():
        subject = minter.iri(concept.path)
        for form in matched_forms(concept):
            yield Quad(subject, SKOS.hiddenLabel, Literal(form, language="nl"), minter.ontology_graph)
