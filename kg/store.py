"""kg's on-disk graph: an Oxigraph store with one named graph per source document.

This module must stay light: ``kg query`` imports it, and start-up may not pay for spaCy.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Iterable

from pyoxigraph import (
    DefaultGraph,
    NamedNode,
    Quad,
    QueryBoolean,
    QuerySolutions,
    QueryTriples,
    RdfFormat,
    Store,
    Triple,
    serialize,
)

from kg.vocab import KG, PREFIXES

STORE_ENV = "KG_STORE"
DEFAULT_STORE = "kg-store"

#: Export format names -> (pyoxigraph format, keeps named graphs?)
EXPORT_FORMATS: dict[str, tuple[RdfFormat, bool]] = {
    "turtle": (RdfFormat.TURTLE, False),
    "trig": (RdfFormat.TRIG, True),
    "nquads": (RdfFormat.N_QUADS, True),
    "ntriples": (RdfFormat.N_TRIPLES, False),
    "jsonld": (RdfFormat.JSON_LD, False),
}


class StoreError(Exception):
    """A store kg cannot open or use; ``str(e)`` is a one-line message for the user."""


def default_store_path() -> Path:
    """``$KG_STORE`` if set, else ``./kg-store``."""
    return Path(os.environ.get(STORE_ENV) or DEFAULT_STORE)


@dataclass(frozen=True)
class GraphInfo:
    graph: str
    source: str | None
    triples: int


class KGStore:
    """An Oxigraph store holding kg's graphs; open it with :meth:`open`."""

    def __init__(self, store: Store, path: Path | None, read_only: bool) -> None:
        self.store, self.path, self.read_only = store, path, read_only

    @classmethod
    def open(cls, path: str | os.PathLike | None = None, *, read_only: bool = False) -> "KGStore":
        """Open (and for writing, create) the store at ``path`` (default: :func:`default_store_path`).

        Raises :class:`StoreError` with a one-line message when the directory is held by another
        process, is not an Oxigraph store, or (read-only) does not exist.
        """
        where = Path(path) if path is not None else default_store_path()
        if read_only and not (where / "CURRENT").exists():
            raise StoreError(f"no kg store at {where}; build one first with 'kg build' (or pass --store DIR)")
        if where.exists() and not where.is_dir():
            raise StoreError(f"{where} is a file, not a store directory; choose another --store DIR")
        try:
            store = Store.read_only(str(where)) if read_only else Store(str(where))
        except OSError as error:
            message = str(error)
            if "lock" in message.lower():
                raise StoreError(
                    f"the store at {where} is in use by another process (a running 'kg build' or server); "
                    "wait for it to finish or use another --store DIR"
                ) from None
            raise StoreError(f"cannot open the store at {where}: {message.splitlines()[0]}") from None
        return cls(store, where, read_only)

    @classmethod
    def in_memory(cls) -> "KGStore":
        """A temporary store kept in memory (tests, notebooks)."""
        return cls(Store(), None, False)

    # -- reading ----------------------------------------------------------------------------------

    def query(self, sparql: str, *, substitutions: dict | None = None, base_iri: str | None = None):
        """Run a SPARQL query; returns pyoxigraph's result object.

        The default graph is the merge of all named graphs (see :meth:`replace_graph`); ``GRAPH ?g``
        patterns reach the per-document graphs.
        ``substitutions`` binds variables safely (values, never pasted into the query text).
        Raises :class:`SyntaxError` for a malformed query.
        """
        return self.store.query(
            sparql,
            substitutions=substitutions or None,
            prefixes=PREFIXES,
            base_iri=base_iri,
        )

    def graphs(self) -> list[GraphInfo]:
        """Every named graph with its source file (if a document graph) and triple count, sorted."""
        rows = self.store.query(
            f"""SELECT ?g (SAMPLE(?src) AS ?source) (COUNT(*) AS ?n) WHERE {{
                  GRAPH ?g {{ ?s ?p ?o }}
                  OPTIONAL {{ GRAPH ?g {{ ?g <{KG}sourceFile> ?src }} }}
                }} GROUP BY ?g ORDER BY ?g"""
        )
        return [
            GraphInfo(row["g"].value, row["source"].value if row["source"] else None, int(row["n"].value))
            for row in rows
        ]

    def source_build_key(self, graph: NamedNode) -> str | None:
        """The build activity recorded for a document graph (its IRI encodes content hash, kg version and model)."""
        for quad in self.store.quads_for_pattern(
            graph, NamedNode(PREFIXES["prov"] + "wasGeneratedBy"), None, graph
        ):
            return quad.object.value
        return None

    def __len__(self) -> int:
        return len(self.store)

    # -- writing ----------------------------------------------------------------------------------

    def replace_graph(self, graph: NamedNode, quads: Iterable[Quad]) -> None:
        """Replace the content of ``graph`` with ``quads``, and keep the default graph in step, in one transaction.

        The default graph is the deduplicated merge of all named graphs. Oxigraph's "union default
        graph" returns a triple once per graph holding it, so a Kamerstuk cited by fifty documents
        would multiply every join; a real merge keeps queries linear.
        """
        self._check_writable()
        data = "\n".join(f"{q.subject} {q.predicate} {q.object} ." for q in quads)
        self.store.update(
            f"{_drop_from_merge(graph)} ; DROP SILENT GRAPH {graph} ;"
            f" INSERT DATA {{ GRAPH {graph} {{\n{data}\n}} }} ; INSERT DATA {{\n{data}\n}}"
        )

    def remove_graph(self, graph: NamedNode) -> None:
        """Remove a named graph and what only it contributed to the default graph."""
        self._check_writable()
        self.store.update(f"{_drop_from_merge(graph)} ; DROP SILENT GRAPH {graph}")

    def triple_count(self) -> int:
        """Distinct triples in the graph (the default graph, i.e. the merge of all named graphs)."""
        for row in self.store.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"):
            return int(row["n"].value)
        return 0

    def flush(self) -> None:
        if not self.read_only:
            self.store.flush()

    def _check_writable(self) -> None:
        if self.read_only:
            raise StoreError("this store was opened read-only")

    # -- export -----------------------------------------------------------------------------------

    def export(self, format: str = "turtle", output: IO[bytes] | None = None) -> bytes | None:
        """Serialize the store deterministically (sorted) as ``format``; see :data:`EXPORT_FORMATS`.

        TriG and N-Quads keep the named graphs (and the default graph, their merge); Turtle,
        N-Triples and JSON-LD give the merge.
        Returns the bytes when ``output`` is None, else writes to ``output``.
        """
        try:
            rdf_format, keeps_graphs = EXPORT_FORMATS[format]
        except KeyError:
            raise StoreError(f"unknown export format {format!r}; choose one of {', '.join(EXPORT_FORMATS)}") from None
        if keeps_graphs:
            items: list = sorted(self.store, key=_quad_sort_key)
        else:
            default = self.store.quads_for_pattern(None, None, None, DefaultGraph())
            items = sorted((Triple(q.subject, q.predicate, q.object) for q in default), key=_quad_sort_key)
        prefixes = PREFIXES if rdf_format in (RdfFormat.TURTLE, RdfFormat.TRIG, RdfFormat.JSON_LD) else None
        return serialize(items, output, format=rdf_format, prefixes=prefixes)


def _drop_from_merge(graph: NamedNode) -> str:
    """SPARQL deleting from the default graph the triples that only ``graph`` holds."""
    return (
        f"DELETE {{ ?s ?p ?o }} WHERE {{ GRAPH {graph} {{ ?s ?p ?o }}"
        f" FILTER NOT EXISTS {{ GRAPH ?other {{ ?s ?p ?o }} FILTER (?other != {graph}) }} }}"
    )


def _quad_sort_key(item: Quad | Triple) -> tuple[str, str, str, str]:
    graph = getattr(item, "graph_name", DefaultGraph())
    return (str(graph) if not isinstance(graph, DefaultGraph) else "", str(item.subject), str(item.predicate), str(item.object))


__all__ = ["KGStore", "StoreError", "EXPORT_FORMATS", "default_store_path", "QuerySolutions", "QueryBoolean", "QueryTriples"]
