"""The work (the document as published, named by its official id) and the item (the file kg read).

A Kamerstuk read from a PDF and from an HTML copy is one work with two items; renaming a file
changes the item's ``kg:sourceFile`` and nothing else. Publication series are sibling classes with
their own IRI paths, and only ids of KOOP's own shapes link to officielebekendmakingen.nl.
"""

from __future__ import annotations

import mimetypes

from pyoxigraph import Literal, NamedNode

from kg import __version__
from kg.rdf.graph import DocumentGraph
from kg.vocab import DCTERMS, FOAF, KGV, OWL, PROV, RDF, RDFS, XSD, koop_url, series

SERIES_CLASSES = {
    "kamerstuk": KGV.Kamerstuk,
    "handelingen": KGV.HandelingenItem,
    "aanhangsel": KGV.AanhangselItem,
}


def media_type(file_name: str) -> str:
    guessed, _ = mimetypes.guess_type(file_name)
    return guessed or "application/octet-stream"


def publication(g: DocumentGraph, identifier: str, dossiers: tuple[str, ...] = ()) -> NamedNode:
    """A Kamerstuk, Handelingen or Aanhangsel item by its official id; a joint Kamerstuk is part of
    each of its ``dossiers`` (default: the dossier in its id)."""
    kind = series(identifier)
    node = g.mint.publication(identifier)
    g.add(node, RDF.type, SERIES_CLASSES[kind])
    g.add(node, RDF.type, KGV.ParliamentaryDocument)
    g.add(node, DCTERMS.identifier, Literal(identifier))
    g.add(node, RDFS.label, Literal(identifier))
    url = koop_url(identifier)
    if url:
        g.add(node, DCTERMS.source, NamedNode(url))
    if kind == "kamerstuk":
        for dossier in dossiers or (identifier.split("-", 1)[0],):
            number = dossier.split("-", 1)[0]
            dossier_node = g.mint.dossier(number)
            g.add(dossier_node, RDF.type, KGV.Dossier)
            g.add(dossier_node, DCTERMS.identifier, Literal(number))
            g.add(node, DCTERMS.isPartOf, dossier_node)
    return node


def write_work(g: DocumentGraph) -> None:
    """The work's identity: its class, official id(s), dossiers and the build that described it."""
    work = g.work
    g.add(work, RDF.type, KGV.Document)
    g.add(work, RDF.type, FOAF.Document)
    for index, (identifier, dossiers) in enumerate(g.own_groups):
        node = publication(g, identifier, dossiers)
        if index:  # a second own id (the answers' Aanhangsel number of a Kamerstuk) names the same work
            g.add(work, OWL.sameAs, node)
    g.add(work, PROV.wasGeneratedBy, g.activity)


def write_item(g: DocumentGraph) -> None:
    """The file read: content hash, name and media type, as an item of the work."""
    item, source = g.item, g.source
    g.add(item, RDF.type, KGV.Item)
    g.add(item, KGV.itemOf, g.work)
    g.add(item, KGV.contentSha256, Literal(source.sha256))
    g.add(item, KGV.sourceFile, Literal(source.name))
    g.add(item, DCTERMS.format, Literal(media_type(source.name)))


def write_provenance(g: DocumentGraph) -> None:
    activity, source = g.activity, g.source
    agent = g.iri(f"agent/kg/{__version__}")
    g.add(activity, RDF.type, PROV.Activity)
    g.add(activity, PROV.used, g.item)
    g.add(activity, PROV.used, g.context)
    g.add(activity, PROV.startedAtTime, Literal(g.started.isoformat(), datatype=XSD.dateTime))
    g.add(activity, PROV.endedAtTime, Literal(g.ended.isoformat(), datatype=XSD.dateTime))
    g.add(activity, PROV.wasAssociatedWith, agent)
    g.add(activity, KGV.nlpModel, Literal(g.info.model))
    g.add(activity, KGV.nlpMode, Literal(g.info.mode))
    g.add(activity, KGV.spacyVersion, Literal(g.info.spacy_version))
    g.add(activity, KGV.contentSha256, Literal(source.sha256))
    g.add(activity, KGV.sourceFile, Literal(source.name))
    g.add(agent, RDF.type, PROV.SoftwareAgent)
    g.add(agent, RDFS.label, Literal(f"kg {__version__}"))
    g.add(g.graph, PROV.wasGeneratedBy, activity)
    g.add(g.graph, PROV.wasDerivedFrom, g.item)
    g.add(g.graph, KGV.sourceFile, Literal(source.name))
