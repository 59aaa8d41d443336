"""kg's on-disk graph: an Oxigraph store with one named graph per source document.

This module must stay light: ``kg query`` imports it, and start-up may not pay for spaCy.
"""

from __future__ import annotations

import ctypes
import hashlib
import json
import os
import shutil
import tempfile
from contextlib import contextmanager
from dataclasses import dataclass
from io import BytesIO
from itertools import chain, islice
from pathlib import Path
from typing import IO, Callable, Iterable, Iterator

from pyoxigraph import (
    DefaultGraph,
    Literal,
    NamedNode,
    Quad,
    QueryBoolean,
    QuerySolutions,
    QueryTriples,
    RdfFormat,
    Store,
    Triple,
    parse,
    serialize,
)

from kg.errors import one_line
from kg.integrity import damaged_table
from kg.export import declared_types, sorted_items, write_jsonld
from kg.vocab import KG, KGV, PREFIXES, PROV, RDF

#: The terms of kg's item bookkeeping (which file, which content, which build), looked up per document.
_RDF_TYPE, _KG_ITEM, _SOURCE_FILE, _CONTENT_SHA256 = RDF.type, KGV.Item, KGV.sourceFile, KGV.contentSha256
_GENERATED_BY = PROV.wasGeneratedBy

STORE_ENV = "KG_STORE"
#: kg's record of where each file was read (absolute path -> content SHA-256), a JSON file in the store
#: directory beside Oxigraph's: it tells a file edited in place (same path, other bytes: the old version
#: goes) from a namesake in another folder (a document of its own). Being outside the RDF, no query,
#: export or publication can carry a local path, and exports stay the same bytes on any machine.
FILE_RECORD = "kg-files.json"
DEFAULT_STORE = "kg-store"
#: Quads per bulk load when :meth:`KGStore.rewrite` copies a store. Oxigraph's bulk loader holds
#: what it is given (one load of 0.5 M quads peaked at 432 MB, 0.8 M at 606 MB, 4 M at 1.65 GB), so
#: runs keep a rewrite's memory flat; each run adds files of its own (the corpus store's quads loaded
#: in 10 runs took 1.42x the space of one load, in 40 runs 1.58x). Measured 2 December 2026.
REWRITE_CHUNK_QUADS = 500_000
#: Lines (document graphs' quads plus their merge) per bulk load when :class:`GraphWriter` writes
#: graphs the store does not hold yet: as large as a rewrite's runs, in the memory a rewrite takes.
#: Beyond two runs (about 100 documents) RocksDB merges them into uncompressed files; the first
#: build's runs are then kept for the rewrite (see :meth:`KGStore.rewrite`).
RUN_QUADS = REWRITE_CHUNK_QUADS
#: Triples per update when :meth:`KGStore.replace_own_graph` removes part of a large graph: an
#: update holds its changes in memory (deleting 426 000 triples and their merge copies in one took
#: 0.9 GB at 1000 documents).
UPDATE_TRIPLES = 25_000
#: Quads per bulk load of :meth:`KGStore.replace_own_graph`: with their merge lines a document run's
#: :data:`RUN_QUADS` lines. Smaller runs took less memory (runs of 100 000 quads: the totals graph
#: of 1000 documents peaked at 641 MB instead of 1.1 GB) but each run adds files, and one more
#: run had RocksDB merge a 40-document store into uncompressed files, which the automatic
#: rewrite then undid (a build 1.4x slower).
OWN_GRAPH_RUN_QUADS = RUN_QUADS // 2
#: Quads serialized at a time when :meth:`KGStore.replace_own_graph` spills a run to its scratch file.
SPILL_QUADS = 10_000

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


def damaged_store_message(where: Path | None, error: BaseException) -> str:
    """One line for a store whose files are damaged: what the store says, and how to recover."""
    detail = " ".join(str(error).split())
    return (
        f"the store at {where} is damaged ({detail[:200]}); rebuild it from the sources into a fresh store "
        "(kg build SOURCES --store NEW-DIR), see README 'When things go wrong'"
    )


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
        self._memory_record: dict[str, str] = {}  # the file record of a store without a directory
        self._runs: _KeptRuns | None = None  # a first build's runs, while they still hold the store (see rewrite)

    @classmethod
    def open(cls, path: str | os.PathLike | None = None, *, read_only: bool = False) -> "KGStore":
        """Open (and for writing, create) the store at ``path`` (default: :func:`default_store_path`).

        Raises :class:`StoreError` with a one-line message when the directory is held by another
        process, is not an Oxigraph store, or (read-only) does not exist.
        """
        where = Path(path) if path is not None else default_store_path()
        if not where.exists() and _sibling(where, "replaced").is_dir():
            os.rename(_sibling(where, "replaced"), where)  # a 'kg compact' killed between its two renames
        if where.exists() and not where.is_dir():
            raise StoreError(f"{where} is a file, not a store directory; choose another --store DIR")
        if read_only and not (where / "CURRENT").exists():
            raise StoreError(f"no kg store at {where}; build one first with 'kg build' (or pass --store DIR)")
        if not read_only:
            try:  # RocksDB creates the store's own directory only, not missing folders above it
                where.parent.mkdir(parents=True, exist_ok=True)
            except OSError as error:
                raise StoreError(f"cannot create the folder {where.parent} for the store ({error.strerror or error}); "
                                 "choose another --store DIR") from None
        problem = damaged_table(where) if (where / "CURRENT").exists() else None
        if problem:
            raise StoreError(damaged_store_message(where, problem))
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
        except RuntimeError as error:  # RocksDB reports corruption (a truncated or missing file) this way
            raise StoreError(damaged_store_message(where, error)) from None
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

    def content_graphs(self, content_sha256: str) -> dict[str, tuple[str, set[str]]]:
        """Graph IRI -> (build activity IRI, file names) for every document graph of an item with this content.

        Index look-ups only: the build's skip check is keyed by content, so a renamed or copied file
        is recognised without a query over the store.
        """
        return {graph.value: (activity, names) for graph, _, activity, names in self._content_items(content_sha256)}

    def _content_items(self, content_sha256: str) -> Iterator[tuple[NamedNode, NamedNode, str, set[str]]]:
        """(graph, item, build activity IRI, file names) for each document graph of an item with this content."""
        for quad in self.store.quads_for_pattern(None, _CONTENT_SHA256, Literal(content_sha256), None):
            graph = quad.graph_name
            if isinstance(graph, DefaultGraph) or not any(self.store.quads_for_pattern(quad.subject, _RDF_TYPE, _KG_ITEM, graph)):
                continue
            activity = next(iter(self.store.quads_for_pattern(graph, _GENERATED_BY, None, graph)), None)
            names = {q.object.value for q in self.store.quads_for_pattern(quad.subject, _SOURCE_FILE, None, graph)}
            yield graph, quad.subject, activity.object.value if activity else "", names

    def set_file_names(self, content_sha256: str, names: set[str]) -> None:
        """Make the item with this content carry exactly ``names`` as its ``kg:sourceFile``, in its graph and the merge."""
        self._check_writable()
        for graph, item, _, current in list(self._content_items(content_sha256)):
            self._change(graph, {Triple(item, _SOURCE_FILE, Literal(name)) for name in current - names},
                         {Triple(item, _SOURCE_FILE, Literal(name)) for name in names - current})

    def remove_content(self, content_sha256: str) -> list[str]:
        """Remove every document graph of the item with this content (an old version of an edited file)."""
        graphs = list(self.content_graphs(content_sha256))
        for graph in graphs:
            self.remove_graph(NamedNode(graph))
        return graphs

    def forget_file_names(self, names: set[str], keep: set[str]) -> list[str]:
        """Unlink ``names`` from every item whose content is not in ``keep``; an item left without a file
        name loses its graph. ``kg load``'s rule: shards carry no paths, so a load settles by file name."""
        self._check_writable()
        removed: list[str] = []
        for name in sorted(names):
            for quad in list(self.store.quads_for_pattern(None, _SOURCE_FILE, Literal(name), None)):
                graph = quad.graph_name
                if isinstance(graph, DefaultGraph) or not any(
                    self.store.quads_for_pattern(quad.subject, _RDF_TYPE, _KG_ITEM, graph)
                ):
                    continue
                sha = next(iter(self.store.quads_for_pattern(quad.subject, _CONTENT_SHA256, None, graph)), None)
                if sha is None or sha.object.value in keep:
                    continue
                others = {q.object.value for q in self.store.quads_for_pattern(quad.subject, _SOURCE_FILE, None, graph)}
                if others <= {name}:
                    self.remove_graph(graph)
                    removed.append(graph.value)
                else:
                    self._change(graph, {quad.triple}, set())
        return removed

    # -- where files were read: bookkeeping no query, export or publication sees -------------------

    def file_record(self) -> dict[str, str]:
        """Absolute path -> SHA-256 of the content last built from it (see :data:`FILE_RECORD`)."""
        if self.path is None:
            return dict(self._memory_record)
        where = self.path / FILE_RECORD
        try:
            record = json.loads(where.read_text(encoding="utf-8"))["files"]
            if isinstance(record, dict) and all(isinstance(k, str) and isinstance(v, str) for k, v in record.items()):
                return record
        except FileNotFoundError:
            return {}
        except (OSError, ValueError, KeyError, TypeError):
            pass
        raise StoreError(f"kg's record of the files read, {where}, is damaged; remove it and run 'kg build SOURCES' "
                         "again to record them anew (see README 'When things go wrong')")

    def save_file_record(self, record: dict[str, str]) -> None:
        """Replace the record atomically (a kill leaves the old one or the new one, never half of one)."""
        self._check_writable()
        if self.path is None:
            self._memory_record = dict(record)
            return
        partial = self.path / (FILE_RECORD + ".partial")
        with open(partial, "w", encoding="utf-8") as out:
            json.dump({"files": dict(sorted(record.items()))}, out, indent=0, ensure_ascii=False)
            out.flush()
            os.fsync(out.fileno())
        os.replace(partial, self.path / FILE_RECORD)

    def __len__(self) -> int:
        return len(self.store)

    # -- writing ----------------------------------------------------------------------------------

    def write_graphs(self, graphs: Iterable[tuple[NamedNode, Iterable[Quad]]]) -> None:
        """Make each named graph hold exactly the given quads, keeping the default graph their merge.

        The default graph is the deduplicated merge of all named graphs. Oxigraph's "union default
        graph" returns a triple once per graph holding it, so a Kamerstuk cited by fifty documents
        would multiply every join; a real merge keeps queries linear.

        Graphs the store does not hold yet (every graph of a first build) go in with one bulk load
        for the whole batch: its files are ingested at once, so a reader (or a build killed
        half-way) sees each document entirely or not at all. Measured on 100 documents, bulk
        writes are 5x faster than transactional ``Store.extend`` and leave a store 7x smaller (no
        write-ahead log). The batch travels as N-Quads, its merge made from the lines: building
        the merge's quads in Python took a third of the write time. A graph already present is replaced
        in its own SPARQL update carrying only the difference (a forced rebuild of an unchanged
        document changes its build times, nothing else), with the merge kept in step. Writing the
        same quads twice changes nothing.
        """
        self._check_writable()
        fresh: list[Quad] = []
        for graph, quads in graphs:
            quads = [q if q.graph_name == graph else Quad(q.subject, q.predicate, q.object, graph) for q in quads]
            if self.store.contains_named_graph(graph):
                self._replace_existing(graph, quads)
                continue
            fresh.extend(quads)
        if fresh:
            named = serialize(fresh, format=RdfFormat.N_QUADS)
            _bulk_load(self.store, named + _merge(named))

    def replace_graph(self, graph: NamedNode, quads: Iterable[Quad]) -> None:
        """Replace the content of one named graph (see :meth:`write_graphs`)."""
        self.write_graphs([(graph, quads)])

    def replace_own_graph(self, graph: NamedNode, quads: Iterable[Quad]) -> int:
        """Replace a graph that only describes nodes of its own (the totals graph: no other graph
        has a triple about its subjects) in parts of bounded size, however large it is; returns
        the number of quads given.

        :meth:`write_graphs` loads a new graph in one bulk load and replaces an existing one in one
        update: at 1000 documents the 426 000 quads of the totals graph took the build's writer to
        1.6 GB, and one update deleting them all to 1.2 GB. Here a new graph goes in by bulk loads
        of :data:`OWN_GRAPH_RUN_QUADS` quads and their merge lines, read from ``quads`` (an iterator
        is never held whole) and spilled to a scratch file part by part; of an existing one only the
        difference changes, the removed triples by updates of :data:`UPDATE_TRIPLES` (their copies
        in the merge can be nobody else's), the added ones by such bulk loads. While it is
        written a reader sees part of the change, and a process killed half-way leaves part of it,
        so the caller must be able to tell (``kg.build.write_dataset_graph`` writes the dataset
        description only after it).
        """
        self._check_writable()
        quads = (q if q.graph_name == graph else Quad(q.subject, q.predicate, q.object, graph) for q in quads)
        if not self.store.contains_named_graph(graph):
            count = self._load_in_runs(quads)
            if not count:  # a bulk load names the graph; an empty one is added (a write in place)
                self.store.add_graph(graph)
            return count
        self.drop_runs()  # the kept runs no longer hold what the store holds (a new graph: a rewrite reads it)
        # The two graphs compared by a digest of each triple's N-Triples line, their lines kept in
        # scratch files: sets of the triples themselves held 1.25 GB for the 627 000 quads of the
        # totals of 1000 documents (the graph grows with the store).
        with tempfile.TemporaryFile(dir=self.path) as added, tempfile.TemporaryFile(dir=self.path) as removed:
            new: set[bytes] = set()
            for part in batched(quads, SPILL_QUADS):
                for line in _lines(q.triple for q in part):
                    key = _digest(line)
                    if key not in new:
                        new.add(key)
                        added.write(line)
            old: set[bytes] = set()
            for part in batched(self.store.quads_for_pattern(None, None, None, graph), SPILL_QUADS):
                for line in _lines(q.triple for q in part):
                    key = _digest(line)
                    old.add(key)
                    if key not in new:
                        removed.write(line)
            removed.seek(0)
            for part in batched(removed, UPDATE_TRIPLES):
                body = b"".join(part).decode()
                self.store.update(f"DELETE DATA {{ GRAPH {graph} {{ {body} }} }} ; DELETE DATA {{ {body} }}")
            added.seek(0)
            suffix = f" {graph} .\n".encode()
            self._load_nquads_in_runs(
                b"".join(line[:-3] + suffix for line in part)  # 's p o .' -> 's p o <graph> .'
                for part in batched((line for line in added if _digest(line) not in old), SPILL_QUADS))
            return len(new)

    def _load_in_runs(self, quads: Iterable[Quad]) -> int:
        """Bulk-load ``quads`` of graphs no other graph shares a triple with, and their merge lines,
        in runs of :data:`OWN_GRAPH_RUN_QUADS` quads, serialized in parts of :data:`SPILL_QUADS`
        (:class:`_Spill`). Returns the number of quads."""
        return self._load_nquads_in_runs(serialize(part, format=RdfFormat.N_QUADS) for part in batched(quads, SPILL_QUADS))

    def _load_nquads_in_runs(self, parts: Iterable[bytes]) -> int:
        """Bulk-load N-Quads ``parts`` of own graphs and their merge lines, in runs of about
        :data:`OWN_GRAPH_RUN_QUADS` lines (:meth:`_load_in_runs`). Returns the number of quads."""
        count = 0
        with _Spill(self.store, self.path) as spill:
            for named in parts:
                lines = named.count(b"\n")
                spill.write(named + _merge(named), lines)
                count += lines
                if spill.lines >= OWN_GRAPH_RUN_QUADS:
                    spill.load()
            spill.load()
        return count

    def _replace_existing(self, graph: NamedNode, quads: list[Quad]) -> None:
        old = {q.triple for q in self.store.quads_for_pattern(None, None, None, graph)}
        new = {q.triple for q in quads}
        self._change(graph, old - new, new - old)

    def _change(self, graph: NamedNode, removed: set[Triple], added: set[Triple]) -> None:
        """Remove and add triples of one named graph in one update, keeping the merge in step."""
        if not removed and not added:
            return
        self.drop_runs()  # the kept runs no longer hold what the store holds
        # A removed triple leaves the merge only when no other named graph still holds it.
        unshared = [t for t in removed if not self._held_elsewhere(t, graph)]
        parts = []
        if removed:
            parts.append(f"DELETE DATA {{ GRAPH {graph} {{ {_triples(removed)} }} }}")
        if unshared:
            parts.append(f"DELETE DATA {{ {_triples(unshared)} }}")
        if added:
            parts.append(f"INSERT DATA {{ GRAPH {graph} {{ {_triples(added)} }} {_triples(added)} }}")
        self.store.update(" ;\n".join(parts))

    def _held_elsewhere(self, triple: Triple, graph: NamedNode) -> bool:
        return any(
            not isinstance(q.graph_name, DefaultGraph) and q.graph_name != graph
            for q in self.store.quads_for_pattern(triple.subject, triple.predicate, triple.object, None)
        )

    def remove_graph(self, graph: NamedNode) -> None:
        """Remove a named graph and what only it contributed to the default graph."""
        self._check_writable()
        if self.store.contains_named_graph(graph):
            self.drop_runs()
        self._replace_existing(graph, [])
        self.store.remove_graph(graph)

    def build_keys(self) -> dict[str, str]:
        """Graph IRI -> the build activity its graph records (content hash, kg version and model in one IRI).

        One index lookup per named graph, no SPARQL: the skip check of a 1000-document rebuild
        costs milliseconds.
        """
        keys = {}
        for graph in self.store.named_graphs():
            for quad in self.store.quads_for_pattern(graph, _GENERATED_BY, None, graph):
                keys[graph.value] = quad.object.value
        return keys

    def compact(self) -> None:
        """Flush the write-ahead log, so no log outlives the build that wrote it.

        After a flush RocksDB keeps the log it flushed until the store is next opened (transactional
        updates, as an incremental build's replacements make, write one; bulk loads do not), and a
        log left in the folder reads as a recovery to come (:func:`kg.check.recovery_pending`).
        Reopening the store drops it (50 ms). ``Store.optimize``, which did it before, rewrote every
        file of the store, uncompressed: 31 s of a one-file rebuild of 1000 documents.
        """
        if not self.read_only:
            self.store.flush()
            if self.path is not None and sum(write_ahead_logs(self.path)) > LOG_BYTES:
                self.store = None  # closes it: nothing else holds the store
                self.store = Store(str(self.path))

    def rewrite(self) -> None:
        """Replace the store's files by a bulk-loaded copy of the same quads (``kg compact``).

        RocksDB (as pyoxigraph configures it) merges bulk-loaded files that overlap into one
        uncompressed file per index: a store written as more than two overlapping bulk loads ends
        at about 1.8x one bulk load (README "Compaction"). The copy is written next to the store
        and swapped in by two renames; :meth:`open` puts the old files back when a kill fell
        between them. The copy is loaded in runs of :data:`REWRITE_CHUNK_QUADS`, so memory stays
        flat however large the store, and in the order of the store's graph index (the order of
        a dump too), which begins the keys of three of its indexes, so that those runs do not
        overlap. After a first build the lines come from the build's kept runs (:meth:`keep_runs`,
        read graph by graph in that order, then their merge lines) and the graphs written after
        them, without a dump of the store; otherwise from a dump.
        """
        self._check_writable()
        if self.path is None:
            return
        fresh, replaced = _sibling(self.path, "compacting"), _sibling(self.path, "replaced")
        shutil.rmtree(fresh, ignore_errors=True)
        try:
            with tempfile.TemporaryDirectory(dir=self.path.parent) as scratch:
                copy = Store(str(fresh))
                if self._runs is not None:
                    empty = self._load_runs(copy, Path(scratch))
                else:
                    empty = []
                    dump = Path(scratch) / "dump.nq"
                    self.store.dump(str(dump), format=RdfFormat.N_QUADS)
                    with open(dump, "rb") as lines:  # one quad per line: any run of lines is N-Quads
                        while chunk := b"".join(islice(lines, REWRITE_CHUNK_QUADS)):
                            _bulk_load(copy, chunk)
                for graph in empty:
                    copy.add_graph(graph)
                copy.flush()
                del copy
        except BaseException:
            shutil.rmtree(fresh, ignore_errors=True)  # the store itself was not touched
            raise
        finally:
            self.drop_runs()  # the copy holds them now, or the store was left as it was
        for own in self.path.iterdir():  # kg's own files (build markers), not Oxigraph's
            if own.is_file() and own.name.startswith("kg-"):
                shutil.copy2(own, fresh / own.name)
        self.store = None  # closes the old store: nothing else may hold it
        os.rename(self.path, replaced)
        os.rename(fresh, self.path)
        shutil.rmtree(replaced)
        self.store = Store(str(self.path))

    def keep_runs(self, runs: "_KeptRuns") -> None:
        """Hold a first build's runs (see :class:`GraphWriter`) for :meth:`rewrite`, until
        :meth:`drop_runs` or any change in place (an update, a removed graph)."""
        self.drop_runs()
        self._runs = runs

    def drop_runs(self) -> None:
        """Remove the kept runs' files (the build is over, or the store changed in place)."""
        if self._runs is not None:
            self._runs.close()
            self._runs = None

    def _load_runs(self, copy: Store, scratch: Path) -> list[NamedNode]:
        """Bulk-load into ``copy`` every quad of this store from the kept runs and the graphs
        written after them, in runs spilled to ``scratch`` (:class:`_Spill`); returns the empty
        named graphs (no line brings those)."""
        runs, limit = self._runs, REWRITE_CHUNK_QUADS
        later: list[bytes] = []  # the merge lines of graphs written after the runs (the shared ones)
        empty: list[NamedNode] = []
        with _Spill(copy, scratch) as spill:
            for graph in self.store.named_graphs():  # in the order of the graph index
                data = runs.read(graph.value)
                if data is None:
                    data = serialize(self.store.quads_for_pattern(None, None, None, graph), format=RdfFormat.N_QUADS)
                    later.append(_merge(data))
                if not data:
                    empty.append(graph)
                    continue
                spill.write(data, data.count(b"\n"))
                if spill.lines >= limit:
                    spill.load()
            spill.load()  # the merge: each run's lines (at most a run's worth), then the later graphs'
            for data in chain(runs.merges(), later):
                count = data.count(b"\n")
                if spill.lines and spill.lines + count > limit:
                    spill.load()
                spill.write(data, count)
            spill.load()
        return empty

    def size(self) -> int:
        """Bytes of the store's files on disk (0 in memory), without a build's scratch files."""
        if self.path is None:
            return 0
        total = 0
        for entry in os.scandir(self.path):
            if entry.name.startswith(_RUN_PREFIX):  # a build's scratch files, not the store
                continue
            try:
                total += entry.stat().st_size if entry.is_file() else 0
            except FileNotFoundError:  # RocksDB's background compaction removed it meanwhile
                pass
        return total

    def triple_count(self) -> int:
        """Distinct triples in the graph (the default graph, i.e. the merge of all named graphs)."""
        for row in self.store.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"):
            return int(row["n"].value)
        return 0

    def flush(self) -> None:
        if not self.read_only:
            self.store.flush()

    def delete(self) -> None:
        """Close the store and remove its directory (a store the current command created for nothing).

        RocksDB writes its files when the last handle goes, so the handle is dropped before the
        directory is removed; otherwise the close would write a fresh store into the removed place.
        """
        import gc

        self.drop_runs()
        path, self.store = self.path, None
        gc.collect()
        if path is not None:
            shutil.rmtree(path, ignore_errors=True)

    def _check_writable(self) -> None:
        if self.read_only:
            raise StoreError("this store was opened read-only")

    # -- export -----------------------------------------------------------------------------------

    def export(self, format: str = "turtle", output: IO[bytes] | None = None, *,
               with_default_graph: bool = False) -> bytes | None:
        """Serialize the store deterministically (sorted) as ``format``; see :data:`EXPORT_FORMATS`.

        TriG and N-Quads keep the named graphs, and add the default graph (their merge) only
        ``with_default_graph``; Turtle, N-Triples and JSON-LD (compact, kg's context) give the merge.
        Integers kg declares ``xsd:nonNegativeInteger`` are written so. Returns the bytes when
        ``output`` is None, else streams to ``output`` in bounded memory (see :mod:`kg.export`).
        """
        try:
            rdf_format, keeps_graphs = EXPORT_FORMATS[format]
        except KeyError:
            raise StoreError(f"unknown export format {format!r}; choose one of {', '.join(EXPORT_FORMATS)}") from None
        items = declared_types(sorted_items(self.store, keep_graphs=keeps_graphs, with_default_graph=with_default_graph))
        if rdf_format == RdfFormat.JSON_LD:
            target = output if output is not None else BytesIO()
            write_jsonld(items, target)
            return None if output is not None else target.getvalue()
        prefixes = PREFIXES if rdf_format in (RdfFormat.TURTLE, RdfFormat.TRIG) else None
        return serialize(items, output, format=rdf_format, prefixes=prefixes)


#: Scratch files of :class:`GraphWriter` runs, in the store directory (not Oxigraph's, not kg's own ``kg-`` files).
_RUN_PREFIX = ".run-"


class GraphWriter:
    """Writes many document graphs, each given as its N-Quads lines, keeping the merge in step.

    A graph the store does not hold yet goes into the current *run*: its lines are spilled to a
    scratch file in the store directory and its distinct triples gathered for the merge, and a run of
    :data:`RUN_QUADS` lines is bulk-loaded at once. A run holds whole documents with their merge
    lines, and its files are ingested together, so a reader, or a build killed half-way, sees a
    document entirely or not at all. Up to two runs leave the store as compact as one bulk load;
    a third has RocksDB merge them into uncompressed files (README "Compaction"), so a writer
    that starts on an empty store keeps its runs' files and hands them to the store
    (:meth:`KGStore.keep_runs`) for a rewrite that needs no dump of the store.
    A graph already in the store (or in the current run, as when two shards hold it) is replaced
    at once as :meth:`KGStore.write_graphs` replaces it, the later version winning (and the runs
    are not kept).
    Use as a context manager: leaving it normally loads the last run; an exception drops it.
    """

    def __init__(self, store: "KGStore", run_quads: int | None = None) -> None:
        store._check_writable()
        store.drop_runs()  # what this writer adds is not in them
        if store.path is not None:  # a run a killed build left behind (only one process can hold the store)
            for stale in store.path.glob(_RUN_PREFIX + "*"):
                stale.unlink(missing_ok=True)
        self.kg, self.run_quads = store, run_quads or RUN_QUADS
        self.quads = 0  # lines of named graphs written (or pending in the run)
        self._scratch: IO[bytes] | None = None
        self._lines = 0
        self._merge: set[bytes] = set()
        self._pending: set[str] = set()
        # A first write into an empty store keeps its runs (one file each) and where each graph's lines are.
        self._keep = store.path is not None and _empty(store.store)
        self._files: list[IO[bytes]] = []
        self._spans: dict[str, tuple[int, int, int]] = {}
        self._merges: list[tuple[int, int, int]] = []

    def __enter__(self) -> "GraphWriter":
        return self

    def __exit__(self, kind, error, trace) -> None:
        if kind is None:
            self.flush()
            if self._keep and self._files:
                self.kg.keep_runs(_KeptRuns(self._files, self._spans, self._merges))
                self._files, self._scratch = [], None
        self._close()

    def add(self, graph: NamedNode, nquads: bytes) -> None:
        """Write one graph: ``nquads`` are N-Quads lines, every one of them in ``graph``."""
        if graph.value in self._pending:
            self.flush()  # its first version must be in the store for the second to replace it
        lines = nquads.count(b"\n")
        self.quads += lines
        if self.kg.store.contains_named_graph(graph):
            self._stop_keeping()
            with self._failing("replacing a document graph"):
                self.kg._replace_existing(graph, list(parse(nquads, format=RdfFormat.N_QUADS)))
            return
        if self._scratch is None:
            self._scratch = tempfile.NamedTemporaryFile(prefix=_RUN_PREFIX, suffix=".nq", dir=self.kg.path)
            self._files.append(self._scratch)
        if self._keep:
            self._spans[graph.value] = (len(self._files) - 1, self._scratch.tell(), len(nquads))
        self._scratch.write(nquads)
        self._lines += lines
        self._merge.update(_merge_lines(nquads))
        self._pending.add(graph.value)
        if self._lines + len(self._merge) >= self.run_quads:
            self.flush()

    def flush(self) -> None:
        """Bulk-load the current run (nothing when it is empty)."""
        if not self._lines:
            return
        scratch = self._scratch
        merge = b"".join(self._merge)
        if self._keep:
            self._merges.append((len(self._files) - 1, scratch.tell(), len(merge)))
        scratch.write(merge)
        scratch.flush()
        documents = len(self._pending)
        self._merge, self._lines, self._pending = set(), 0, set()
        with self._failing(f"writing {documents} document(s)"):
            _bulk_load(self.kg.store, path=scratch.name)
        if self._keep:
            self._scratch = None  # the next run gets a file of its own
        else:
            scratch.seek(0)
            scratch.truncate()

    def _stop_keeping(self) -> None:
        """A graph changed in place: the runs no longer hold the store, so they go."""
        if self._keep:
            self._keep, self._spans, self._merges = False, {}, []
            for done in self._files[:-1] if self._scratch is not None else self._files:
                done.close()
            self._files = [self._scratch] if self._scratch is not None else []

    @contextmanager
    def _failing(self, what: str) -> Iterator[None]:
        """A disk or store failure as a one-line :class:`StoreError`."""
        try:
            yield
        except (OSError, RuntimeError) as error:
            raise StoreError(f"{what} into the store at {self.kg.path} failed: {one_line(error)}") from error

    def _close(self) -> None:
        for scratch in self._files:
            scratch.close()  # removes the file
        self._files, self._scratch = [], None
        self._merge, self._lines, self._pending = set(), 0, set()


class _KeptRuns:
    """The scratch files of a first write's runs, and where each graph's lines and each run's merge lines are."""

    def __init__(self, files: list[IO[bytes]], spans: dict[str, tuple[int, int, int]],
                 merges: list[tuple[int, int, int]]) -> None:
        self.files, self.spans, self._merges = files, spans, merges

    def _read(self, where: tuple[int, int, int]) -> bytes:
        index, offset, length = where
        self.files[index].seek(offset)
        return self.files[index].read(length)

    def read(self, graph: str) -> bytes | None:
        """The N-Quads lines of ``graph`` as its run wrote them, or None when no run wrote it."""
        where = self.spans.get(graph)
        return None if where is None else self._read(where)

    def merges(self) -> Iterator[bytes]:
        """Each run's merge lines (the distinct triples of its graphs), run by run."""
        for where in self._merges:
            yield self._read(where)

    def close(self) -> None:
        for scratch in self.files:
            try:
                scratch.close()  # removes the file
            except FileNotFoundError:  # its folder went already
                pass
        self.files = []


def _bulk_load(store: Store, data: bytes | None = None, *, path: str | None = None) -> None:
    """Bulk-load N-Quads (``data``, or the file at ``path``) into ``store``, then hand the memory the
    loader freed back to the operating system.

    glibc keeps what the loader's threads freed in their arenas: in a 1000-document build the
    writer stayed at 295–415 MB between loads of 500 000 lines, 150–200 MB with ``malloc_trim``
    after each load (README "Scale"). Where the C library has no ``malloc_trim`` (musl, macOS),
    memory stays as the allocator keeps it.
    """
    if path is None:
        store.bulk_load(data, format=RdfFormat.N_QUADS)
    else:
        store.bulk_load(path=path, format=RdfFormat.N_QUADS)
    _trim()


class _Spill:
    """A scratch N-Quads file that a run is written to part by part and bulk-loaded from, so the
    run's lines are never in memory at once (joined in memory, a rewrite's run of 500 000 lines
    held 150 MB through its load). Each load empties it; leaving it removes the file."""

    def __init__(self, store: Store, directory: Path | None) -> None:
        self.store, self.directory, self.lines = store, directory, 0
        self._file: IO[bytes] | None = None

    def __enter__(self) -> "_Spill":
        return self

    def __exit__(self, *exc) -> None:
        self._close()

    def write(self, data: bytes, lines: int) -> None:
        if self._file is None:
            self._file = tempfile.NamedTemporaryFile(prefix=_RUN_PREFIX, suffix=".nq", dir=self.directory)
        self._file.write(data)
        self.lines += lines

    def load(self) -> None:
        """Bulk-load what was written since the last load (nothing when nothing was)."""
        if self._file is not None:
            self._file.flush()
            _bulk_load(self.store, path=self._file.name)
            self._close()

    def _close(self) -> None:
        if self._file is not None:
            self._file.close()
        self._file, self.lines = None, 0


def _malloc_trim() -> Callable[[], object]:
    try:
        trim = ctypes.CDLL(None).malloc_trim
    except (AttributeError, OSError):
        return lambda: None
    trim.argtypes, trim.restype = [ctypes.c_size_t], ctypes.c_int
    return lambda: trim(0)


_trim = _malloc_trim()


def _empty(store: Store) -> bool:
    """True when ``store`` holds no quad and no (empty) named graph."""
    return next(iter(store.named_graphs()), None) is None and next(iter(store), None) is None


#: A RocksDB write-ahead log larger than this holds writes (opening the store replays them).
LOG_BYTES = 4096


def write_ahead_logs(path: Path) -> list[int]:
    """The sizes of the RocksDB write-ahead logs in the store directory (one may go while it is read)."""
    sizes = []
    for entry in os.scandir(path):
        try:
            if entry.name.endswith(".log") and entry.is_file():
                sizes.append(entry.stat().st_size)
        except FileNotFoundError:
            pass
    return sizes


def _merge_lines(named: bytes) -> set[bytes]:
    """The distinct triples of N-Quads ``named`` as default-graph N-Quads lines.

    Each line ends with its graph's IRI and ``.``; an IRI holds no space and no ``<``, so the
    graph term starts at the line's last ``' <'`` (a literal before it may hold that pair).
    """
    return {line[: line.rindex(b" <")] + b" .\n" for line in named.splitlines()}


def _merge(named: bytes) -> bytes:
    return b"".join(_merge_lines(named))


def _sibling(path: Path, role: str) -> Path:
    return path.with_name(f"{path.name}.{role}")


def batched(items: Iterable, size: int) -> Iterator[list]:
    """Consecutive lists of ``size`` items (the last one shorter)."""
    items = iter(items)
    while part := list(islice(items, size)):
        yield part


def _lines(triples: Iterable[Triple]) -> list[bytes]:
    """The N-Triples lines of ``triples``, each ending in `` .\\n``."""
    return serialize(triples, format=RdfFormat.N_TRIPLES).splitlines(keepends=True)


def _digest(line: bytes) -> bytes:
    return hashlib.blake2b(line, digest_size=16).digest()


def _triples(triples: Iterable[Triple]) -> str:
    return "\n".join(f"{t.subject} {t.predicate} {t.object} ." for t in triples)


__all__ = ["KGStore", "GraphWriter", "StoreError", "EXPORT_FORMATS", "default_store_path", "QuerySolutions", "QueryBoolean", "QueryTriples"]
