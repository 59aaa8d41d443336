"""Motions: the motion as a Kamerstuk (or a node minted from its label), its title and submitters.

The first submitter is the indiener (``dcterms:creator``); the others are medeindieners
(``kg:coSubmitter``, a ``dcterms:contributor``), in the order the motion lists them.
"""

from __future__ import annotations

from pyoxigraph import NamedNode

from kg.rdf.graph import DocumentGraph, dutch
from kg.rdf.labels import party_paths
from kg.rdf.persons import person
from kg.rdf.work import publication
from kg.vocab import DCTERMS, KGV, OPENGOV, RDF, RDFS, slug


def submitters(g: DocumentGraph, motion: NamedNode, names: list[str], parties: list[str | None] = ()) -> None:
    for index, name in enumerate(n for n in names if isinstance(n, str) and n.strip()):
        party = parties[index] if index < len(parties) else None
        node = person(g, name, {"party": party, "role": "Kamerlid"})
        if index == 0:
            g.add(motion, DCTERMS.creator, node)
        else:  # stated with its super-property too, so a consumer without inference sees a contributor
            g.add(motion, KGV.coSubmitter, node)
            g.add(motion, DCTERMS.contributor, node)


def motion(g: DocumentGraph, key: str, attrs: dict) -> NamedNode:
    """The motion a mention names: its Kamerstuk when the id is known, else a node minted from its label."""
    label = attrs.get("label")
    if key:
        node = publication(g, key)
    else:
        name = f"{attrs.get('dossier') or ''} {label or attrs.get('number') or ''}"
        node = g.iri(f"id/motie/{slug(name)}")
    g.add(node, RDF.type, OPENGOV.Motion)
    if label:
        g.add(node, RDFS.label, dutch(label))
    parties = [party_paths().get(p.casefold()) for p in attrs.get("parties") or []]
    submitters(g, node, list(attrs.get("submitters") or []), parties)
    return node
