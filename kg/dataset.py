"""The VoID + DCAT description of a kg store, kept in its own named graph ``{base}graph/dataset``.

Everything is computed from the store with SPARQL over all graphs except the dataset graph itself,
and every node gets an IRI derived from the base (no blank nodes, no wall-clock time:
``dcterms:modified`` is the end of the latest build), so describing the same store twice gives the
same quads.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from pyoxigraph import Literal, NamedNode, Quad, Store

from kg.vocab import DCAT, DCTERMS, PREFIXES, PROV, RDF, VOID, XSD, check_base

TITLE = {"nl": "Kennisgraaf van Kamerstukken", "en": "Knowledge graph of Kamerstukken"}
DESCRIPTION = {
    "nl": "Personen, organisaties, partijen, beleidsinstrumenten, wetten, moties en verwijzingen die kg "
    "uit Nederlandse parlementaire documenten haalde, met hun vindplaats in de brontekst (NIF) en de "
    "herkomst van elke build (PROV-O).",
    "en": "People, organisations, parties, policy instruments, laws, motions and references kg extracted "
    "from Dutch parliamentary documents, with where they occur in the source text (NIF) and the "
    "provenance of each build (PROV-O).",
}
LICENSE = "http://creativecommons.org/publicdomain/zero/1.0/"

#: The datasets kg links out to: (key, its IRI, the namespace its link targets start with, the
#: link predicate, what the links are). Each becomes a void:Linkset counted from the store.
LINKSETS = (
    ("wikidata", "http://www.wikidata.org/", "http://www.wikidata.org/entity/", PREFIXES["skos"] + "exactMatch",
     "persons, parties and cabinets of the person register (from OpenKamer's public data)"),
    ("parlement-com", "https://www.parlement.com/", "https://www.parlement.com/id/", PREFIXES["foaf"] + "isPrimaryTopicOf",
     "persons of the person register: their biography page at the Parlementair Documentatie Centrum"),
    ("wetten-overheid", "https://wetten.overheid.nl/", "https://wetten.overheid.nl/jci1.3:c:", PREFIXES["skos"] + "exactMatch",
     "laws with a BWB id: their JCI identifier on wetten.overheid.nl"),
    ("tooi", "https://identifier.overheid.nl/tooi/", "https://identifier.overheid.nl/tooi/id/", PREFIXES["skos"] + "exactMatch",
     "municipalities: their TOOI identifier, from their CBS code (CBS open data table 45042NED)"),
)

#: File suffix -> IANA media type of the dump formats kg writes (a trailing .gz is a compression).
MEDIA_TYPES = {
    ".nq": "application/n-quads",
    ".trig": "application/trig",
    ".ttl": "text/turtle",
    ".nt": "application/n-triples",
    ".jsonld": "application/ld+json",
    ".rdf": "application/rdf+xml",
}


def _int(value: int) -> Literal:
    return Literal(str(value), datatype=XSD.integer)


def _namespace(iri: str) -> str:
    """The namespace of a vocabulary term: up to and including the last '#' or '/'."""
    cut = max(iri.rfind("#"), iri.rfind("/"))
    return iri[: cut + 1] if cut >= 0 else iri


def _local_key(iri: str) -> str:
    """A readable, stable path segment for a class or property: ``foaf-Person``."""
    for prefix, namespace in PREFIXES.items():
        if iri.startswith(namespace) and re.fullmatch(r"[A-Za-z0-9_.-]+", iri[len(namespace) :] or "-"):
            return f"{prefix}-{iri[len(namespace):]}"
    return re.sub(r"[^A-Za-z0-9]+", "-", iri.split("://", 1)[-1]).strip("-")


def _media_type(url: str) -> tuple[str | None, str | None]:
    """(media type, compression media type) from a dump URL's file name."""
    name = urlsplit(url).path.rsplit("/", 1)[-1].lower()
    compressed = None
    if name.endswith(".gz"):
        name, compressed = name[:-3], "application/gzip"
    for suffix, media in MEDIA_TYPES.items():
        if name.endswith(suffix):
            return media, compressed
    return None, compressed


def describe_dataset(
    store: Store,
    base: str,
    *,
    dumps: list[str] | None = None,
    sparql_endpoint: str | None = None,
    merged: bool = False,
) -> list[Quad]:
    """Quads describing the data in ``store`` as one ``void:Dataset`` / ``dcat:Dataset``.

    ``dumps`` are download URLs of exports (their media type is read from the suffix);
    ``sparql_endpoint`` the public query URL, if any. ``void:triples`` counts distinct triples of
    the union (a triple repeated in several document graphs counts once); ``void:entities`` counts
    distinct IRI subjects under ``base`` (the dataset's ``void:uriSpace``).

    ``merged``: the store's default graph already is that union without the dataset graph (a kg
    store whose old description was removed), so the counts read it directly: no DISTINCT over
    every named graph, which at 1000 documents is most of the cost.
    """
    base = check_base(base)
    graph = NamedNode(base + "graph/dataset")
    dataset = NamedNode(base + "dataset")
    quads: list[Quad] = []

    def add(s: NamedNode, p: NamedNode, o) -> None:
        quads.append(Quad(s, p, o, graph))

    def union(pattern: str = "?s ?p ?o") -> str:
        """``pattern`` in every named graph but this one (kg's default graph is only their merge)."""
        return pattern if merged else f"GRAPH ?g {{ {pattern} }} FILTER (?g != {graph})"

    def distinct_triples() -> str:
        return union() if merged else f"SELECT DISTINCT ?s ?p ?o WHERE {{ {union()} }}"

    def scalar(select: str, where: str) -> int:
        for row in store.query(f"SELECT ({select} AS ?n) WHERE {{ {where} }}"):
            return int(row["n"].value)
        return 0

    add(dataset, RDF.type, VOID.Dataset)
    add(dataset, RDF.type, DCAT.Dataset)
    for lang in sorted(TITLE):
        add(dataset, DCTERMS.title, Literal(TITLE[lang], language=lang))
        add(dataset, DCTERMS.description, Literal(DESCRIPTION[lang], language=lang))
    add(dataset, DCTERMS.license, NamedNode(LICENSE))
    add(dataset, VOID.uriSpace, Literal(base))
    # One pass over the distinct subjects gives both counts: the filter runs once per subject, not
    # once per triple (that filter alone was over half of the description's time at 30 documents).
    subjects = entities = 0
    for row in store.query(
        f"SELECT (COUNT(*) AS ?n) (SUM(IF(isIRI(?s) && STRSTARTS(STR(?s), {_quote(base)}), 1, 0)) AS ?e) "
        f"WHERE {{ SELECT DISTINCT ?s WHERE {{ {union()} }} }}"
    ):
        subjects, entities = int(row["n"].value), int(row["e"].value)
    properties = store.query(
        f"SELECT ?p (COUNT(*) AS ?n) WHERE {{ {distinct_triples()} }} GROUP BY ?p"
    )
    property_rows = sorted((row["p"].value, int(row["n"].value)) for row in properties)
    # every triple has one predicate: the partitions' counts add up to the triples
    add(dataset, VOID.triples, _int(sum(count for _, count in property_rows)))
    add(dataset, VOID.distinctSubjects, _int(subjects))
    add(dataset, VOID.distinctObjects, _int(scalar("COUNT(DISTINCT ?o)", union())))
    add(dataset, VOID.entities, _int(entities))

    namespaces: set[str] = set()
    classes = store.query(
        f"SELECT ?c (COUNT(DISTINCT ?s) AS ?n) WHERE {{ {union('?s a ?c')} FILTER isIRI(?c) }} GROUP BY ?c"
    )
    class_rows = sorted((row["c"].value, int(row["n"].value)) for row in classes)
    add(dataset, VOID.classes, _int(len(class_rows)))
    for iri, count in class_rows:
        partition = NamedNode(f"{base}dataset/class/{_local_key(iri)}")
        add(dataset, VOID.classPartition, partition)
        add(partition, VOID["class"], NamedNode(iri))
        add(partition, VOID.entities, _int(count))
        namespaces.add(_namespace(iri))

    add(dataset, VOID.properties, _int(len(property_rows)))
    for iri, count in property_rows:
        partition = NamedNode(f"{base}dataset/property/{_local_key(iri)}")
        add(dataset, VOID.propertyPartition, partition)
        add(partition, VOID.property, NamedNode(iri))
        add(partition, VOID.triples, _int(count))
        namespaces.add(_namespace(iri))

    for namespace in sorted(namespaces):
        add(dataset, VOID.vocabulary, NamedNode(namespace))

    for url in sorted(set(dumps or [])):
        download = NamedNode(url)
        distribution = NamedNode(f"{base}dataset/distribution/{_local_key(url)}")
        add(dataset, VOID.dataDump, download)
        add(dataset, DCAT.distribution, distribution)
        add(distribution, RDF.type, DCAT.Distribution)
        add(distribution, DCAT.downloadURL, download)
        add(distribution, DCTERMS.license, NamedNode(LICENSE))
        media, compression = _media_type(url)
        if media:
            add(distribution, DCAT.mediaType, NamedNode(f"https://www.iana.org/assignments/media-types/{media}"))
        if compression:
            add(distribution, DCAT.compressFormat, NamedNode(f"https://www.iana.org/assignments/media-types/{compression}"))
    if sparql_endpoint:
        add(dataset, VOID.sparqlEndpoint, NamedNode(sparql_endpoint))

    for key, target, namespace, predicate, description in LINKSETS:
        links = scalar(
            "COUNT(*)",
            f"SELECT DISTINCT ?s ?o WHERE {{ {union(f'?s <{predicate}> ?o')} "
            f"FILTER (isIRI(?o) && STRSTARTS(STR(?o), {_quote(namespace)})) }}",
        )
        if not links:
            continue
        linkset = NamedNode(f"{base}dataset/linkset/{key}")
        add(dataset, VOID.subset, linkset)
        add(linkset, RDF.type, VOID.Linkset)
        add(linkset, VOID.subjectsTarget, dataset)
        add(linkset, VOID.objectsTarget, NamedNode(target))
        add(linkset, VOID.linkPredicate, NamedNode(predicate))
        add(linkset, VOID.triples, _int(links))
        add(linkset, DCTERMS.description, Literal(description, language="en"))

    activity = f"?a a {PROV.Activity}"
    for row in sorted(store.query(f"SELECT DISTINCT ?a WHERE {{ {union(activity)} }}"), key=lambda r: r["a"].value):
        add(dataset, PROV.wasGeneratedBy, row["a"])
    for row in store.query(f"SELECT (MAX(?end) AS ?latest) WHERE {{ {union(f'{activity} ; {PROV.endedAtTime} ?end')} }}"):
        if row["latest"] is not None:
            add(dataset, DCTERMS.modified, row["latest"])
    return sorted(quads, key=str)


def _quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'
