"""Check a kg store against the SHACL shapes of ``ontology/shapes.ttl``.

pySHACL (>= 0.40) validates a ``pyoxigraph.Store`` in place, so the union of all named graphs is
checked without copying ~10^5 triples into rdflib. No inference is run ("none"): the writer states
every class it relies on explicitly (``kg:Question`` *and* ``schema:Question``), and SHACL's
``sh:class`` / ``sh:targetClass`` already follow the ``rdfs:subClassOf`` links of ``kg.ttl``, which
sit in the ontology graph of the same union. RDFS inference would mean cloning the store and would
make shapes fire on superclasses (every Kamerstuk would become a ``foaf:Document`` target).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from importlib.resources import files
from pathlib import Path

import pyoxigraph
from rdflib import RDF, RDFS, Graph, Literal, URIRef
from rdflib.namespace import SH

from kg.vocab import PREFIXES

_SEVERITY_ORDER = {"Violation": 0, "Warning": 1, "Info": 2}
_PREFIXES = {**PREFIXES, "sh": str(SH), "kgsh": "https://w3id.org/kamerstukken-kg/def/shapes#"}


@dataclass(frozen=True)
class ValidationResult:
    """One SHACL result, reduced to what a reader needs."""

    severity: str  # "Violation", "Warning" or "Info"
    focus: str
    path: str | None
    message: str
    value: str | None = None
    component: str = ""  # e.g. "MinCountConstraintComponent"
    shape: str | None = None


@dataclass(frozen=True)
class ValidationReport:
    conforms: bool  # True when there is no sh:Violation (warnings do not count)
    violations: int
    warnings: int
    text: str
    results: tuple[ValidationResult, ...] = field(default_factory=tuple)


def default_shapes() -> Graph:
    """kg's shapes, read from the installed package (ontology/shapes.ttl)."""
    graph = Graph()
    graph.parse(data=files("kg.ontology").joinpath("shapes.ttl").read_bytes(), format="turtle")
    return graph


def _shapes_graph(shapes: Graph | str | Path | None) -> Graph:
    if shapes is None:
        return default_shapes()
    if isinstance(shapes, Graph):
        return shapes
    graph = Graph()
    graph.parse(str(shapes), format="turtle")
    return graph


def validate(store, shapes: Graph | str | Path | None = None, *, on_progress=None) -> ValidationReport:
    """Validate the union of all graphs in ``store`` (a ``pyoxigraph.Store`` or a ``KGStore``).

    ``shapes`` is an rdflib Graph or a Turtle file; default: kg's own ``ontology/shapes.ttl``.
    ``on_progress`` receives a one-line note as each phase starts and ends (pySHACL reports nothing
    while it runs, so the phases are what a caller can show).
    """
    import time

    note = on_progress or (lambda line: None)
    started = time.perf_counter()
    from pyshacl import validate as shacl_validate

    ox_store = getattr(store, "store", store)
    if not isinstance(ox_store, pyoxigraph.Store):
        raise TypeError(f"expected a pyoxigraph.Store or KGStore, got {type(store).__name__}")
    shapes_graph = _shapes_graph(shapes)
    note(f"Validating {len(ox_store)} quads against {len(set(shapes_graph.subjects(RDF.type, SH.NodeShape)))} shapes…")
    core_shapes, whole_store_checks = _split_sparql_constraints(shapes_graph)
    _conforms, report_graph, _ = shacl_validate(
        _data_graph(ox_store),
        shacl_graph=core_shapes,
        inference="none",
        allow_warnings=True,
        allow_infos=True,
    )
    note(f"Core constraints checked in {time.perf_counter() - started:.1f} s; "
         f"{len(whole_store_checks)} SPARQL constraints next…")
    results = _results(report_graph) + tuple(r for check in whole_store_checks for r in check.run(ox_store))
    results = tuple(sorted(results, key=_result_order))
    note(f"Checked in {time.perf_counter() - started:.1f} s")
    violations = sum(r.severity == "Violation" for r in results)
    warnings = sum(r.severity == "Warning" for r in results)
    return ValidationReport(violations == 0, violations, warnings, _text(results, violations, warnings), results)


@dataclass(frozen=True)
class _WholeStoreCheck:
    """A SHACL-SPARQL constraint of a node shape, run once over the whole store.

    pySHACL runs a SPARQL constraint once per focus node, with ``$this`` bound: 4 175 queries took
    142 of the 158 s of validating the corpus store. Unbound, with the shape's targets joined in,
    each constraint is one query, and its solutions are the same (focus node, value) pairs.
    """

    shape: str | None
    query: str
    prefixes: dict[str, str]
    message: str
    severity: str

    def run(self, store: pyoxigraph.Store) -> list[ValidationResult]:
        results = []
        for row in store.query(self.query, prefixes=self.prefixes, use_default_graph_as_union=_no_merge(store)):
            value = row["value"]
            shown = None if value is None else _short(
                Literal(value.value) if isinstance(value, pyoxigraph.Literal) else URIRef(value.value))
            results.append(ValidationResult(self.severity, row["this"].value, None, self.message, shown,
                                            "SPARQLConstraintComponent", self.shape))
        return results


def _no_merge(store: pyoxigraph.Store) -> bool:
    """True for a store whose default graph is empty (a dump loaded without the merge, a test
    graph): the SPARQL constraints then read the union of the named graphs. A kg store's default
    graph is the merge already, and reading it is about fifteen times faster than the union."""
    return next(iter(store.quads_for_pattern(None, None, None, pyoxigraph.DefaultGraph())), None) is None


def _split_sparql_constraints(shapes: Graph) -> tuple[Graph, list[_WholeStoreCheck]]:
    """The shapes without the SPARQL constraints of node shapes that target classes or nodes, and
    those constraints as whole-store queries (see :class:`_WholeStoreCheck`); any other SPARQL
    constraint stays with pySHACL."""
    core = Graph()
    for triple in shapes:
        core.add(triple)
    checks = []
    for shape, constraint in list(shapes.subject_objects(SH.sparql)):
        classes, nodes = list(shapes.objects(shape, SH.targetClass)), list(shapes.objects(shape, SH.targetNode))
        select = shapes.value(constraint, SH.select)
        others = any(shapes.value(shape, target) is not None for target in (SH.targetSubjectsOf, SH.targetObjectsOf))
        if (shape, RDF.type, SH.NodeShape) not in shapes or select is None or others or not (classes or nodes):
            continue
        if str(shapes.value(constraint, SH.deactivated)).lower() == "true":
            core.remove((shape, SH.sparql, constraint))
            continue
        targets = [f"{{ ?this <{RDF.type}>/<{RDFS.subClassOf}>* <{c}> }}" for c in classes]
        if nodes:
            targets.append("{ VALUES ?this { " + " ".join(f"<{n}>" for n in nodes) + " } }")
        query = f"SELECT DISTINCT ?this ?value WHERE {{ {' UNION '.join(targets)} {{ {select} }} }}"
        severity = shapes.value(constraint, SH.severity) or shapes.value(shape, SH.severity) or SH.Violation
        message = shapes.value(constraint, SH.message) or shapes.value(shape, SH.message)
        checks.append(_WholeStoreCheck(
            str(shape) if isinstance(shape, URIRef) else None, query, _declared_prefixes(shapes, constraint),
            str(message) if message is not None else "SPARQL constraint not met", str(severity).rsplit("#", 1)[-1]))
        core.remove((shape, SH.sparql, constraint))
    return core, checks


def _declared_prefixes(shapes: Graph, constraint) -> dict[str, str]:
    """The ``sh:declare`` prefixes of the ontologies a constraint's ``sh:prefixes`` names."""
    prefixes = {}
    for ontology in shapes.objects(constraint, SH.prefixes):
        for declaration in shapes.objects(ontology, SH.declare):
            prefixes[str(shapes.value(declaration, SH.prefix))] = str(shapes.value(declaration, SH.namespace))
    return prefixes


def _data_graph(store: pyoxigraph.Store):
    """pySHACL's view of the Oxigraph store, made always truthy.

    pySHACL tests ``datagraph or shapes_graph`` for every result it records, and truth-testing its
    Oxigraph graph runs ``len()``, a COUNT over the whole store: validation became quadratic in
    the number of results (minutes for a few thousand). A store with data is never empty, so
    ``__bool__`` can answer without counting.
    """
    from pyshacl.graph_abstraction import DataGraph

    graph = DataGraph.from_oxigraph_store(store)
    graph.__class__ = type("TruthyOxigraphDataGraph", (type(graph),), {"__bool__": lambda self: True})
    return graph


def _short(term) -> str:
    """A compact, readable form of an IRI (prefixed name for vocabulary terms) or literal."""
    if isinstance(term, Literal):
        text = str(term)
        return repr(text if len(text) <= 80 else text[:77] + "...")
    iri = str(term)
    for prefix, namespace in _PREFIXES.items():
        if iri.startswith(namespace) and len(iri) > len(namespace):
            local = iri[len(namespace):]
            if "/" not in local and "#" not in local:
                return f"{prefix}:{local}"
    return f"<{iri}>"


def _path(graph: Graph, node) -> str | None:
    """A SHACL path as text; inverse and sequence paths are rare in kg's shapes but rendered."""
    if node is None:
        return None
    if isinstance(node, URIRef):
        return _short(node)
    inverse = graph.value(node, SH.inversePath)
    if inverse is not None:
        return f"^{_path(graph, inverse)}"
    if graph.value(node, RDF.first) is not None:
        return "/".join(_path(graph, item) or "?" for item in graph.items(node))
    return str(node)


def _results(report: Graph) -> tuple[ValidationResult, ...]:
    results = []
    for result in report.subjects(RDF.type, SH.ValidationResult):
        severity_iri = report.value(result, SH.resultSeverity)
        severity = str(severity_iri).rsplit("#", 1)[-1] if severity_iri is not None else "Violation"
        component = report.value(result, SH.sourceConstraintComponent)
        messages = sorted(str(m) for m in report.objects(result, SH.resultMessage))
        value = report.value(result, SH.value)
        shape = report.value(result, SH.sourceShape)
        results.append(
            ValidationResult(
                severity=severity,
                focus=str(report.value(result, SH.focusNode)),
                path=_path(report, report.value(result, SH.resultPath)),
                message="; ".join(messages) or "constraint not met",
                value=_short(value) if value is not None else None,
                component=str(component).rsplit("#", 1)[-1] if component is not None else "",
                shape=str(shape) if isinstance(shape, URIRef) else None,
            )
        )
    return tuple(results)


def _result_order(r: ValidationResult) -> tuple:
    return _SEVERITY_ORDER.get(r.severity, 9), r.focus, r.path or "", r.message, r.value or ""


#: Focus nodes listed for a group of identical results before "and N more".
_GROUP_SHOWN = 3


def _text(results: tuple[ValidationResult, ...], violations: int, warnings: int) -> str:
    """One block per kind of result: a single result in full, a repeated one once with its count.

    The same rule failing on many nodes (a law without its BWB id, fifty times) is one finding to
    a reader, so results that differ only in their focus node and value are grouped.
    """
    groups: dict[tuple, list[ValidationResult]] = {}
    for r in results:
        groups.setdefault((r.severity, r.path, r.message, r.component, r.shape), []).append(r)
    head = "conforms" if violations == 0 else "does not conform"
    kinds = f" of {len(groups)} kind(s)" if len(groups) < len(results) else ""
    lines = [f"{head}: {violations} violation(s), {warnings} warning(s){kinds}"]
    for group in groups.values():
        first = group[0]
        lines.append("")
        if len(group) == 1:
            lines.append(f"{first.severity}: <{first.focus}>")
        else:
            lines.append(f"{first.severity} ×{len(group)}: {first.message}")
        if first.path:
            lines.append(f"  path:    {first.path}")
        if len(group) == 1 and first.value is not None:
            lines.append(f"  value:   {first.value}")
        if len(group) == 1:
            lines.append(f"  message: {first.message}")
        else:
            shown = ", ".join(f"<{r.focus}>" for r in group[:_GROUP_SHOWN])
            more = f" and {len(group) - _GROUP_SHOWN} more" if len(group) > _GROUP_SHOWN else ""
            lines.append(f"  focus:   {shown}{more}")
        if first.component:
            lines.append(f"  rule:    {first.component}" + (f" in {_short(URIRef(first.shape))}" if first.shape else ""))
    return "\n".join(lines) + "\n"
