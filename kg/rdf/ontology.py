"""The ontology graph: kg's vocabulary, concept schemes and person register, parsed against the base."""

from __future__ import annotations

from typing import Iterable

from pyoxigraph import Quad

from kg.vocab import Minter


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
