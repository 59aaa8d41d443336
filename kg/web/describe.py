"""What the server says about one resource: its concise bounded description, with the graph of each statement.

Terms go into query text as ``str(term)``: pyoxigraph has validated the IRI and escapes literals in
N-Triples syntax, so a term cannot break out of its position. (pyoxigraph's ``substitutions`` need
the variable in the projection, which CONSTRUCT-like lookups here do not have.)

Every query here reads ``GRAPH ?g { ... }`` patterns only, so it neither depends on how the default
graph is kept (a merge, or not at all) nor counts a triple twice; the graph a statement sits in is
its provenance (the document it was read from, or the ontology/dataset graph).
"""

from __future__ import annotations

from pyoxigraph import BlankNode, DefaultGraph, Literal, NamedNode, Quad

from kg.vocab import DCTERMS, FOAF, PREFIXES, PROV, RDFS, SKOS

#: Predicates naming a resource, best first; the first one present (in Dutch, untagged, then any language) wins.
LABEL_PREDICATES = (SKOS.prefLabel, RDFS.label, FOAF.name, DCTERMS.title, DCTERMS.identifier)
_LANGUAGE_RANK = {"nl": 0, "": 1, "en": 2}
#: How deep blank nodes are followed (a CBD includes the blank nodes a resource points to).
_BLANK_DEPTH = 3


def named_quads(store, subjects, predicates) -> list[Quad]:
    """Statements ``subject predicate ?o`` in the named graphs, by index lookups.

    A SPARQL ``VALUES ?s {...} GRAPH ?g { ?s ?p ?o }`` is evaluated as a scan of every quad
    joined with the values; for the few dozen IRIs of a page, direct lookups are a hundred times faster.
    """
    raw = store.store
    found = []
    for subject in subjects:
        node = subject if isinstance(subject, NamedNode) else NamedNode(subject)
        for predicate in predicates:
            found.extend(q for q in raw.quads_for_pattern(node, predicate, None, None) if isinstance(q.graph_name, NamedNode))
    return found


def labels(store, iris, *, limit: int = 5000) -> dict[str, str]:
    """The display label of each IRI in ``iris`` that has one (see :data:`LABEL_PREDICATES`)."""
    wanted = sorted({iri for iri in iris if iri})[:limit]
    rank = {p.value: i for i, p in enumerate(LABEL_PREDICATES)}
    best: dict[str, tuple] = {}
    for quad in named_quads(store, wanted, LABEL_PREDICATES):
        literal = quad.object
        if not isinstance(literal, Literal):
            continue
        key = (rank[quad.predicate.value], _LANGUAGE_RANK.get(literal.language or "", 3), literal.value)
        subject = quad.subject.value
        if subject not in best or key < best[subject][0]:
            best[subject] = (key, " ".join(literal.value.split()))
    return {subject: label for subject, (_, label) in best.items()}


def statements(store, subject, *, limit: int) -> list[Quad]:
    """The statements about ``subject`` in every named graph, at most ``limit``, in a stable order."""
    rows = store.query(f"SELECT ?p ?o ?g WHERE {{ GRAPH ?g {{ {subject} ?p ?o }} }} ORDER BY ?p ?o ?g LIMIT {int(limit)}")
    return [Quad(subject, row["p"], row["o"], row["g"]) for row in rows]


def incoming(store, target: NamedNode, *, limit: int, skip: tuple[NamedNode, ...] = ()) -> list[Quad]:
    """Statements pointing at ``target`` (who cites, mentions, or is a member of it), at most ``limit``."""
    exclude = f"FILTER(?p NOT IN ({', '.join(str(p) for p in skip)}))" if skip else ""
    rows = store.query(f"SELECT ?s ?p ?g WHERE {{ GRAPH ?g {{ ?s ?p {target} }} {exclude} }} ORDER BY ?p ?s ?g LIMIT {int(limit)}")
    return [Quad(row["s"], row["p"], target, row["g"]) for row in rows]


def exists(store, iri: NamedNode) -> bool:
    """Whether the store says anything about ``iri`` (as subject or object, in any named graph)."""
    return bool(store.query(f"ASK {{ {{ GRAPH ?g {{ {iri} ?p ?o }} }} UNION {{ GRAPH ?g {{ ?s ?p {iri} }} }} }}"))


def hash_members(store, document: str, *, limit: int) -> list[NamedNode]:
    """Subjects ``document#...`` (hash IRIs such as ``def#Motion`` or ``text/x#char=1,5`` that dereference to ``document``)."""
    rows = store.query(
        f"SELECT DISTINCT ?s WHERE {{ GRAPH ?g {{ ?s ?p ?o }} FILTER(isIRI(?s) && STRSTARTS(STR(?s), {Literal(document + '#')})) }} "
        f"ORDER BY ?s LIMIT {int(limit)}"
    )
    return [row["s"] for row in rows]


def describe(
    store, iri: NamedNode, *, document: NamedNode | None = None, limit: int = 10_000, hash_namespace: bool = False
) -> list[Quad]:
    """The concise bounded description of ``iri`` plus the labels of what it links to, as quads.

    Each statement keeps its named graph. When ``document`` (the page about ``iri``) is given, the
    result also says ``document foaf:primaryTopic iri`` and ``document prov:wasDerivedFrom GRAPH``
    for each contributing graph, in the default graph, so triple-only formats keep the provenance.
    With ``hash_namespace``, the description also covers the hash IRIs ``iri#...`` (the ontology's
    ``def#Motion``, a text's ``#char=1,5``), which dereference to ``iri``.
    """
    quads = statements(store, iri, limit=limit)
    if hash_namespace and not iri.value.endswith(("/", "#")):
        for member in hash_members(store, iri.value, limit=limit):
            quads += statements(store, member, limit=max(1, limit - len(quads)))
            if len(quads) >= limit:
                break
    frontier = [q.object for q in quads if isinstance(q.object, BlankNode)]
    for _ in range(_BLANK_DEPTH):
        if not frontier or len(quads) >= limit:
            break
        found = [q for node in frontier for q in statements(store, node, limit=limit - len(quads))]
        quads += found
        frontier = [q.object for q in found if isinstance(q.object, BlankNode)]
    linked = sorted({q.object.value for q in quads if isinstance(q.object, NamedNode)} - {iri.value})
    quads += named_quads(store, linked[:limit], LABEL_PREDICATES[:-1])
    if document is not None:
        quads.append(Quad(document, FOAF.primaryTopic, iri, DefaultGraph()))
        for graph in sorted({q.graph_name.value for q in quads if isinstance(q.graph_name, NamedNode)}):
            quads.append(Quad(document, PROV.wasDerivedFrom, NamedNode(graph), DefaultGraph()))
    return list(dict.fromkeys(quads))


def serialize_description(quads: list[Quad], fmt: str) -> bytes:
    """Quads as ``fmt``: dataset formats (trig, nquads, jsonld) keep the graphs; turtle/ntriples give triples."""
    from pyoxigraph import RdfFormat, Triple, serialize

    formats = {
        "turtle": RdfFormat.TURTLE, "ntriples": RdfFormat.N_TRIPLES, "jsonld": RdfFormat.JSON_LD,
        "trig": RdfFormat.TRIG, "nquads": RdfFormat.N_QUADS, "rdfxml": RdfFormat.RDF_XML,
    }
    rdf_format = formats[fmt]
    items = quads if rdf_format.supports_datasets else list(dict.fromkeys(Triple(q.subject, q.predicate, q.object) for q in quads))
    prefixes = PREFIXES if rdf_format in (RdfFormat.TURTLE, RdfFormat.TRIG) else None
    return serialize(items, format=rdf_format, prefixes=prefixes)
