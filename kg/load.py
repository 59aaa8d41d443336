"""Load: fill a store from N-Quads shards (``kg build --shards``), on this machine or from elsewhere.

A store loaded from the shards of a build is the store that build would have written directly:
the same document graphs, their merge as the default graph, the ontology graph and the dataset
description (written here, since it describes the whole store).
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator

from pyoxigraph import DefaultGraph, NamedNode, Quad, RdfFormat, parse, serialize

from kg.build import SHARD_SUFFIX, compact_if_bloated, write_dataset_graph
from kg.store import GraphWriter, KGStore, StoreError
from kg.vocab import KGV, RDF, Minter

_ONTOLOGY = "graph/ontology"


class ShardError(Exception):
    """A shard path that is missing, not a shard, or not valid N-Quads; ``str(e)`` is one line.

    ``missing`` tells "nothing there" (nothing to load) from "something there that is wrong".
    """

    def __init__(self, message: str, *, missing: bool) -> None:
        super().__init__(message)
        self.missing = missing


@dataclass
class LoadReport:
    """What a load did, for the summary line and for callers."""

    shards: int = 0
    graphs: int = 0
    quads: int = 0
    triples: int = 0
    seconds: float = 0.0
    bases: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def shard_files(paths: Iterable[str | os.PathLike]) -> list[Path]:
    """The shard files named by ``paths`` (files, or folders whose ``*.nq`` files are shards), sorted by name.

    Raises :class:`ShardError` for a path that does not exist, a folder without shards, or a file
    that is not an ``.nq`` file, before anything is loaded.
    """
    found: list[Path] = []
    for given in paths:
        path = Path(given)
        if path.is_dir():
            inside = sorted(p for p in path.iterdir() if p.suffix == SHARD_SUFFIX and p.is_file() and not p.name.startswith("."))
            if not inside:
                raise ShardError(f"{path} holds no shards (*{SHARD_SUFFIX} files); build some with 'kg build SOURCES --shards {path}'", missing=True)
            found.extend(inside)
        elif path.is_file():
            if path.suffix != SHARD_SUFFIX:
                raise ShardError(f"{path} is not a shard (N-Quads files end in {SHARD_SUFFIX}); pass shard files or their folder", missing=False)
            found.append(path)
        else:
            raise ShardError(f"{path}: no such shard or folder; pass the folder given to 'kg build --shards'", missing=True)
    return sorted(set(found), key=lambda p: (p.name, str(p)))


def check_shards(shards: list[Path]) -> list[str]:
    """Parse every shard once (nothing is kept) so a damaged one stops the load before the store changes.

    Returns the base IRIs of the ontology graphs found. Raises :class:`ShardError` for a shard that
    cannot be read, is not N-Quads, or holds a triple outside a named graph (kg's shards never do).
    """
    bases = set()
    for shard in shards:
        for quad in _quads(shard):
            if isinstance(quad.graph_name, DefaultGraph):
                raise ShardError(f"{shard} holds triples outside a named graph, so it was not written by "
                                 "'kg build --shards'; rebuild the shards", missing=False)
            if quad.graph_name.value.endswith(_ONTOLOGY):
                bases.add(quad.graph_name.value[: -len(_ONTOLOGY)])
    return sorted(bases)


def load(store: KGStore, paths: Iterable[str | os.PathLike], *,
         progress: Callable[[list[Path]], Iterator[Path]] | None = None) -> LoadReport:
    """Bulk-load the shards named by ``paths`` into ``store``, as a build of their documents would.

    Every shard is checked first (see :func:`check_shards`). Graphs are then written by a
    :class:`kg.store.GraphWriter` (a graph already in the store is replaced; when several
    shards hold a graph, the last by name wins), older graphs of the same contents and file names
    that now name other contents are settled as a build settles them, and the dataset description
    is rewritten. The base IRI comes from the shards' ontology graph and must match the store's.
    """
    from kg.check import mark_build_finished, mark_build_started, store_bases

    started = time.perf_counter()
    shards = shard_files(paths)
    bases = check_shards(shards)
    known = store_bases(store)
    if len(set(bases) | set(known)) > 1:
        raise StoreError(f"the shards and the store at {store.path} hold graphs of several base IRIs "
                         f"({', '.join(sorted(set(bases) | set(known)))}); load shards of one base into a store of that base")
    if not bases and not known:
        raise ShardError("none of the shards holds kg's ontology graph, so their base IRI is unknown; "
                         "pass the whole folder 'kg build --shards' wrote", missing=False)
    minter = Minter((bases or known)[0])
    report = LoadReport(shards=len(shards), bases=bases or known)
    loaded: set[str] = set()
    mark_build_started(store)
    with GraphWriter(store) as writer:
        for shard in progress(shards) if progress else shards:
            for graph, quads in _graphs(shard):
                writer.add(graph, serialize(quads, format=RdfFormat.N_QUADS))
                loaded.add(graph.value)
    report.quads += writer.quads
    _settle(store, loaded)
    write_dataset_graph(store, minter, changed=True)
    report.graphs = len(loaded)
    report.triples = store.triple_count()
    compact_if_bloated(store, report.quads, report.triples, report.warnings)
    mark_build_finished(store)
    report.seconds = time.perf_counter() - started
    return report


def _quads(shard: Path) -> Iterator[Quad]:
    try:
        yield from parse(path=str(shard), format=RdfFormat.N_QUADS)
    except SyntaxError as error:
        raise ShardError(f"{shard} is not valid N-Quads ({' '.join(str(error).split())[:160]}); "
                         "rebuild it with 'kg build --shards' or leave it out", missing=False) from None
    except OSError as error:
        raise ShardError(f"{shard} cannot be read ({error.strerror or error}); check the file", missing=False) from None


def _graphs(shard: Path) -> Iterator[tuple[NamedNode, list[Quad]]]:
    """The graphs of one shard with their quads (a shard holds a few documents: it fits in memory)."""
    graphs: dict[NamedNode, list[Quad]] = {}
    for quad in _quads(shard):
        graphs.setdefault(quad.graph_name, []).append(quad)
    yield from graphs.items()


def _settle(store: KGStore, loaded: set[str]) -> None:
    """What a build does after writing: drop graphs an older build gave the same contents, and
    unlink the loaded items' file names from items of other contents (the file changed since)."""
    rdf_type, kg_item, content, source_file = RDF.type, KGV.Item, KGV.contentSha256, KGV.sourceFile
    contents: set[str] = set()
    names: set[str] = set()
    for graph in map(NamedNode, sorted(loaded)):
        for typed in store.store.quads_for_pattern(None, rdf_type, kg_item, graph):
            contents.update(q.object.value for q in store.store.quads_for_pattern(typed.subject, content, None, graph))
            names.update(q.object.value for q in store.store.quads_for_pattern(typed.subject, source_file, None, graph))
    for sha in sorted(contents):
        for other in store.content_graphs(sha):
            if other not in loaded:
                store.remove_graph(NamedNode(other))
    store.forget_file_names(names, keep=contents)
