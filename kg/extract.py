"""Extraction: read documents in, one document graph per document out, in this process or elsewhere.

:class:`Extractor` runs kg's spaCy pipeline document by document (``kg.pipeline.run_pipeline``
cuts over-long texts into pieces; ``nlp.pipe`` would gain nothing, kg's components being plain
functions, and would let one failing document stop a batch). What it returns,
:class:`ExtractedDocument`, pickles as N-Quads bytes, so the same results travel from worker
processes and Dask workers to the one process that writes the store.
"""

from __future__ import annotations

import multiprocessing
import os
from collections import deque
from concurrent.futures import ProcessPoolExecutor
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator

from pyoxigraph import Literal, NamedNode, Quad, RdfFormat, parse, serialize

from kg.errors import one_line
from kg.store import batched
from kg.vocab import KGV, RDF, Minter

_RDF_TYPE, _KG_ITEM, _SOURCE_FILE = RDF.type, KGV.Item, KGV.sourceFile


@dataclass
class ExtractedDocument:
    """One document's graph and its quads, plus counts for the build summary.

    ``error`` is set (one line) instead when extraction failed: one document never stops a build;
    ``warnings`` name the components that failed on it while the others' findings were kept.
    """

    path: str
    name: str
    graph: NamedNode | None = None
    #: the graph's quads as N-Quads lines, each in ``graph``: what the store's writer bulk-loads and
    #: what travels from worker processes (pyoxigraph terms do not pickle), so the writer parses nothing
    nquads: bytes = b""
    tokens: int = 0
    entities: dict[str, int] = field(default_factory=dict)
    error: str | None = None
    warnings: list[str] = field(default_factory=list)
    #: set (the whole warning) instead when the file could not be read; ``read_warnings`` are the reader's
    unread: str | None = None
    read_warnings: list[str] = field(default_factory=list)

    @property
    def quads(self) -> list[Quad]:
        """The graph's quads, parsed from :attr:`nquads`."""
        return list(parse(self.nquads, format=RdfFormat.N_QUADS)) if self.nquads else []

    @property
    def quad_count(self) -> int:
        return self.nquads.count(b"\n")

    def __getstate__(self) -> dict:
        state = dict(self.__dict__)
        state["graph"] = self.graph.value if self.graph is not None else None
        return state

    def __setstate__(self, state: dict) -> None:
        self.__dict__.update(state)
        self.graph = NamedNode(state["graph"]) if state["graph"] is not None else None


def unread_message(path: str | Path, error: BaseException) -> str:
    """The build's warning for a file a reader refused: the reader's own line for a
    :class:`~kg.readers.SourceError`, else what failed, on one line."""
    from kg.readers import SourceError

    if isinstance(error, SourceError):
        return f"{error}; skipped"
    return f"{path}: could not be read ({one_line(error)}); skipped"


@dataclass(frozen=True)
class SourceToRead:
    """A file a build extracts, read (cleaned) by the extractor, in a worker process when there are
    workers, so the process that writes the store does not also clean every text: where it is, the
    bytes the build's skip check hashed (so a Dask worker on another machine needs no access to the
    file) and their SHA-256."""

    path: str
    data: bytes
    sha256: str

    @property
    def name(self) -> str:
        return Path(self.path).name


class Extractor:
    """kg's pipeline loaded once, turning read documents into :class:`ExtractedDocument` s."""

    def __init__(self, model: str | None, base: str) -> None:
        from kg.pipeline import load_pipeline, rules_only_info

        self.model, self.minter = model, Minter(base)
        self.info = rules_only_info(model)
        self._nlp = None
        if self.info is None:  # a statistical model: its name and version come from loading it
            self._nlp, self.info = load_pipeline(model)

    @property
    def nlp(self):
        """The pipeline, loaded at the first document that needs it."""
        if self._nlp is None:
            from kg.pipeline import load_pipeline

            self._nlp, self.info = load_pipeline(self.model)
        return self._nlp

    def extract(self, documents: Iterable) -> Iterator[ExtractedDocument]:
        """Extract each ``kg.readers`` document, in the order given, reading ``documents`` lazily."""
        for document in documents:
            yield self.extract_one(document)

    def extract_one(self, document) -> ExtractedDocument:
        """One document's graph: ``document`` is a ``kg.readers.ReadDocument``, or a :class:`SourceToRead`
        that is read here first."""
        from kg.build import build_time
        from kg.extractors.base import failures
        from kg.pipeline import run_pipeline
        from kg.rdf import document_quads
        from kg.readers import read_document

        read_warnings: list[str] = []
        if isinstance(document, SourceToRead):
            try:
                document = read_document(document.path, document.data)
            except Exception as error:  # noqa: BLE001 - a reader failing on one file must not stop the build
                return ExtractedDocument(document.path, document.name, unread=unread_message(document.path, error))
            read_warnings = list(document.warnings)
        source, cleaned = document.source, document.cleaned
        try:
            started = build_time()
            doc = run_pipeline(self.nlp, cleaned.text, footers=cleaned.footers, reader_facts=document.facts)
            result = document_quads(source, cleaned, doc, self.info, self.minter, started, build_time())
        except Exception as error:  # noqa: BLE001 - one document must never stop a build
            return ExtractedDocument(str(source.path), source.name, error=one_line(error), read_warnings=read_warnings)
        return ExtractedDocument(str(source.path), source.name, result.graph,
                                 serialize(result.quads, format=RdfFormat.N_QUADS), len(doc), result.entities,
                                 warnings=failures(doc), read_warnings=read_warnings)


class SchedulerError(Exception):
    """The Dask scheduler named cannot be reached; ``str(e)`` is a one-line message."""


# -- other processes ---------------------------------------------------------------------------------

#: Documents per task sent to a worker process or a Dask worker.
TASK_DOCUMENTS = 4

_extractors: dict[tuple[str | None, str], Extractor] = {}


def _extractor(model: str | None, base: str) -> Extractor:
    """This process's extractor: the pipeline is loaded once per worker, at its first task."""
    key = (model, base)
    if key not in _extractors:
        _extractors[key] = Extractor(model, base)
    return _extractors[key]


def pipeline_info_task(model: str | None, base: str):
    """Loads the pipeline in a worker and says which one it is (the build key depends on it)."""
    return _extractor(model, base).info


def extract_task(documents: list, model: str | None, base: str) -> list[ExtractedDocument]:
    """One task: a batch of read documents in, their graphs out (pickled as N-Quads)."""
    extractor = _extractor(model, base)
    return [extractor.extract_one(document) for document in documents]


def shard_task(job: tuple, model: str | None, base: str) -> tuple[list[ExtractedDocument], int]:
    """One task that writes its batch's graphs as one N-Quads shard file (``kg build --shards``).

    ``job`` is ``(documents, shard path, more_names)``; ``more_names`` (content hash -> names of
    byte copies of that document) go into the item's graph, as a build into a store records them.
    Runs where the documents are extracted (a Dask worker writes to the shared folder itself), so
    only the results without their quads travel back, with the number of quads written. The file
    appears complete or not at all (see :func:`write_shard`).
    """
    documents, shard, more_names = job
    outcomes = extract_task(documents, model, base)
    lines: list[bytes] = []
    for document, outcome in zip(documents, outcomes):
        if outcome.error is None:
            lines.append(outcome.nquads)
            names = more_names.get(document.sha256, [])
            if names:
                lines.append(serialize(file_name_quads(outcome.graph, outcome.quads, names), format=RdfFormat.N_QUADS))
            outcome.nquads = b""
    data = b"".join(lines)
    if data:
        write_shard(Path(shard), data)
    return outcomes, data.count(b"\n")


def file_name_quads(graph: NamedNode, quads: Iterable[Quad], names: Iterable[str]) -> list[Quad]:
    """``kg:sourceFile`` quads adding ``names`` to the item described in ``graph`` (byte copies of its file)."""
    items = [q.subject for q in quads if q.predicate == _RDF_TYPE and q.object == _KG_ITEM]
    return [Quad(item, _SOURCE_FILE, Literal(name), graph) for item in items for name in names]


def write_shard(path: Path, quads: Iterable[Quad] | bytes) -> None:
    """Write ``quads`` (or N-Quads bytes) to ``path`` through a temporary file renamed into place, so a
    killed build leaves whole shards only (a left-over ``.tmp`` file is not a shard)."""
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        with open(temporary, "wb") as out:
            if isinstance(quads, bytes):
                out.write(quads)
            else:
                serialize(quads, out, format=RdfFormat.N_QUADS)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)


def _ordered(submit: Callable[[list], Any], batches: Iterable[list], window: int) -> Iterator[list]:
    """Results of ``submit`` on ``batches`` in input order, at most ``window`` batches in flight.

    The window bounds memory whatever the corpus size; keeping input order makes a parallel build
    write what a build in one process writes.
    """
    batches = iter(batches)
    pending: deque = deque()
    while True:
        while len(pending) < window and (batch := next(batches, None)) is not None:
            pending.append(submit(batch))
        if not pending:
            return
        yield pending.popleft().result()


@dataclass
class Extraction:
    """Where extraction runs: ``run(task, batches, *args)`` yields ``task(batch, model, base, *args)``
    for each batch, in order, computed in this process, in worker processes or on Dask."""

    info: Any
    run: Callable[..., Iterator[list]]

    def extract(self, documents: Iterable) -> Iterator[ExtractedDocument]:
        """Each read document's :class:`ExtractedDocument`, in input order."""
        for outcomes in self.run(extract_task, batched(documents, TASK_DOCUMENTS)):
            yield from outcomes


@contextmanager
def extraction(model: str | None, base: str, *, workers: int = 1, scheduler: str | None = None):
    """An :class:`Extraction` that runs in this process, in worker processes or on Dask.

    ``scheduler``: run on a Dask cluster (``tcp://HOST:8786``) or on a ``LocalCluster`` of
    ``workers`` processes (``"local"``). Else ``workers`` > 1 runs that many worker processes
    (spawned, each loading the pipeline once), and 1 runs in this process.
    """
    if scheduler:
        from distributed import Client, LocalCluster

        with ExitStack() as stack:
            if scheduler == "local":
                cluster = stack.enter_context(
                    LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None)
                )
                client = stack.enter_context(Client(cluster))
            else:
                try:
                    client = stack.enter_context(Client(scheduler, timeout="20s"))
                except (OSError, ValueError, TypeError) as error:
                    raise SchedulerError(
                        f"cannot reach the Dask scheduler at {scheduler} ({' '.join(str(error).split())[:160]}); "
                        "start one with 'dask scheduler', or use --scheduler local"
                    ) from None

            info = client.submit(pipeline_info_task, model, base, pure=False).result()
            window = 2 * max(1, len(client.scheduler_info().get("workers", {})))

            def run(task, batches, *args):
                return _ordered(lambda batch: client.submit(task, batch, model, base, *args, pure=False), batches, window)

            yield Extraction(info, run)
    elif workers > 1:
        context = multiprocessing.get_context("spawn")
        with ProcessPoolExecutor(workers, mp_context=context) as pool:
            infos = [pool.submit(pipeline_info_task, model, base) for _ in range(workers)]
            info = infos[0].result()

            def run(task, batches, *args):
                return _ordered(lambda batch: pool.submit(task, batch, model, base, *args), batches, 2 * workers)

            yield Extraction(info, run)
    else:
        key = (model, base)
        _extractors[key] = extractor = Extractor(model, base)
        try:
            yield Extraction(extractor.info, lambda task, batches, *args: (task(b, model, base, *args) for b in batches))
        finally:
            del _extractors[key]  # the pipeline goes with the build that loaded it
