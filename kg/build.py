"""Build: read Kamerstuk texts, run the extractors, write one named graph per document."""

from __future__ import annotations

import hashlib
import os
import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, timezone
from importlib.resources import files
from pathlib import Path
from typing import Callable, Iterable, Iterator

from pyoxigraph import NamedNode, RdfFormat, serialize

from kg import __version__
from kg.errors import one_line
from kg.readers import read_document, suffixes
from kg.store import GraphWriter, KGStore, StoreError, batched
from kg.vocab import DEFAULT_BASE, Minter, build_key


@dataclass
class BuildReport:
    """What a build did, for the summary line and for callers."""

    mode: str = ""
    built: list[str] = field(default_factory=list)
    skipped_unchanged: list[str] = field(default_factory=list)
    #: Inputs given (or found) that could not be built: missing, unreadable, rejected or failed in
    #: extraction. The CLI's exit code tells "some" (PARTIAL) from "all" (NO_INPUT) from none.
    failed: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    triples: int = 0
    tokens: int = 0
    entities: Counter = field(default_factory=Counter)
    seconds: float = 0.0

    @property
    def documents(self) -> int:
        return len(self.built) + len(self.skipped_unchanged)


def sample_paths() -> list[Path]:
    """The sample Kamerstukken bundled with kg (the default input of ``kg build``)."""
    folder = files("kg.samples")
    return sorted(Path(str(item)) for item in folder.iterdir() if item.name.endswith(".txt"))


def collect_sources(paths: Iterable[str | os.PathLike]) -> tuple[list[Path], list[str]]:
    """Expand files and folders into a sorted list of files; every path left out becomes a warning.

    A folder is scanned for the suffixes kg has readers for (``kg.readers.suffixes()``); a file
    named explicitly is read whatever its suffix or permissions (reading it says what is wrong).
    Subfolders a scan cannot enter (unreadable, or symbolic links, which are not followed so a link
    loop cannot recur) are named in the warnings.
    """
    found: list[Path] = []
    warnings: list[str] = []
    readable = suffixes()
    for given in paths:
        path = Path(given)
        try:
            if path.is_dir():
                found.extend(_scan_folder(path, readable, warnings))
            elif path.exists():
                found.append(path)
            else:
                warnings.append(f"{path}: no such file or folder; skipped")
        except OSError as error:  # e.g. a file inside a folder kg may not enter
            warnings.append(f"{path}: cannot be reached ({error.strerror or error}); skipped")
    unique = sorted(set(found), key=lambda p: (p.name, str(p)))
    return unique, warnings


def _scan_folder(folder: Path, readable, warnings: list[str]) -> list[Path]:
    """The files under ``folder`` with a ``readable`` suffix; unreadable and symlinked subfolders go in ``warnings``."""
    found: list[Path] = []

    def unreadable(error: OSError) -> None:
        warnings.append(f"{error.filename}: folder cannot be read ({error.strerror}); its files were skipped")

    for top, folders, names in os.walk(folder, onerror=unreadable):
        for name in sorted(folders):
            if os.path.islink(os.path.join(top, name)):
                warnings.append(
                    f"{os.path.join(top, name)}: is a symbolic link to a folder, which kg does not follow; "
                    "pass its target as a path to build it"
                )
        found.extend(Path(top) / name for name in names if Path(name).suffix.lower() in readable)
    return found


def build_time() -> datetime:
    """Now, or ``$SOURCE_DATE_EPOCH`` for reproducible builds."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        return datetime.fromtimestamp(int(epoch), tz=timezone.utc)
    return datetime.now(timezone.utc).replace(microsecond=0)


#: Bytes a bulk-loaded store takes per triple of its merged default graph (with the named graphs
#: holding them): 28.8 MB for the 115 493 triples of 20 corpus documents (``kg compact`` output).
BULK_BYTES_PER_TRIPLE = 250
#: A store larger than this many times its bulk-loaded estimate is rewritten after a build.
#: RocksDB's own compactions write the merged files uncompressed (its first levels are configured
#: without compression, pyoxigraph offers no option), which leaves a built store at about 1.9x a
#: bulk-loaded one; 1.4 keeps the result below 1.5x when the estimate is a little off.
AUTO_COMPACT_RATIO = 1.4
#: ... but only after a build that wrote at least this share of the store: the rewrite costs
#: about a bulk load of the whole store, so a one-document rebuild of a large store does not pay
#: for it (a first build always qualifies; ``kg compact`` is there for the rest).
AUTO_COMPACT_SHARE = 0.25
#: Fewer documents than this per worker process, and starting the workers costs more than it saves.
MIN_DOCUMENTS_PER_WORKER = 10


def build(
    store: KGStore | None,
    paths: Iterable[str | os.PathLike] | None = None,
    *,
    model: str | None = None,
    force: bool = False,
    base: str = DEFAULT_BASE,
    on_mode: Callable[[str], None] | None = None,
    progress: Callable[[Iterable[Path]], Iterator[Path]] | None = None,
    workers: int = 1,
    scheduler: str | None = None,
    shards: str | os.PathLike | None = None,
) -> BuildReport:
    """Extract every source in ``paths`` (default: the bundled samples) into ``store``.

    Each document lands in its own named graph; documents are written many per bulk load, each one
    complete or absent for a reader (see :class:`kg.store.GraphWriter`). A document whose content,
    kg version and model are unchanged is skipped unless ``force``. Unreadable files and documents
    whose extraction fails are skipped with a warning in the report. ``on_mode`` receives the
    one-line NLP mode description as soon as the pipeline is loaded.

    ``workers`` > 1 extracts in that many worker processes while this process writes; with
    ``scheduler`` (a Dask scheduler address, or ``"local"`` for a ``LocalCluster`` of ``workers``
    processes) extraction runs on Dask. Either way the store ends up as a one-process build leaves it.

    ``shards`` (with ``store`` None): write N-Quads shard files into that folder instead of a
    store, for :func:`kg.load.load` to bulk-load later (see :func:`_build_shards`).
    """
    if shards is not None:
        return _build_shards(Path(shards), paths, model=model, base=base, on_mode=on_mode, progress=progress,
                             workers=workers, scheduler=scheduler)
    from kg.check import mark_build_finished, mark_build_started
    from kg.extract import extraction
    from kg.rdf import ontology_quads

    started = time.perf_counter()
    minter = Minter(base)
    report = BuildReport()
    sources, report.warnings = collect_sources(sample_paths() if paths is None else paths)
    report.failed.extend(report.warnings)  # each names an input left out before reading
    record = store.file_record()  # a damaged record stops the build before anything is read or written
    with extraction(model, base, workers=_worker_count(workers, sources, scheduler), scheduler=scheduler) as run:
        report.mode = run.info.describe()
        if on_mode:
            on_mode(report.mode)
        mark_build_started(store)  # left behind if the build is cut off: kg check and kg info say so
        # The shared graphs go in first, so a store that holds documents says what it is. In a new
        # store the ontology goes into the first run of document graphs: a bulk load of its own
        # before the runs had RocksDB merge them all into uncompressed files (a first build of 100
        # documents took 200 MB instead of 120; see README "Compaction").
        ontology = list(ontology_quads(minter))
        fresh = not store.store.contains_named_graph(minter.ontology_graph)
        written = 0
        if not fresh:
            store.replace_graph(minter.ontology_graph, ontology)
        seen = _Seen()
        built: dict[str, str] = {}  # content sha256 of each document extracted and written -> its graph
        try:
            with GraphWriter(store) as writer:
                if fresh:
                    writer.add(minter.ontology_graph, serialize(ontology, format=RdfFormat.N_QUADS))
                for outcome in run.extract(_to_extract(sources, progress, run.info.model, minter, store, force, seen, report)):
                    if not _count(outcome, report):
                        continue
                    writer.add(outcome.graph, outcome.nquads)
                    built[seen.at[_place(Path(outcome.path))]] = outcome.graph.value
            written += writer.quads
            _settle_files(store, record, seen, built)
        finally:
            write_dataset_graph(store, minter, changed=bool(report.built))
        report.triples = store.triple_count()
        compact_if_bloated(store, written, report.triples, report.warnings)
        mark_build_finished(store)  # after the compaction: a kill during it is an interrupted build
    report.seconds = time.perf_counter() - started
    return report


def _worker_count(workers: int, sources: list, scheduler: str | None) -> int:
    """``workers``, but no more local processes than the documents keep busy."""
    return workers if scheduler else max(1, min(workers, len(sources) // MIN_DOCUMENTS_PER_WORKER))


def _count(outcome, report: BuildReport) -> bool:
    """Put one extraction result in ``report``; False when the document failed (it is named in a warning)."""
    if outcome.unread is not None:
        report.failed.append(outcome.path)
        report.warnings.append(outcome.unread)
        return False
    report.warnings.extend(outcome.read_warnings)
    if outcome.error is not None:
        report.failed.append(outcome.path)
        report.warnings.append(f"{outcome.path}: could not be built ({outcome.error}); skipped")
        return False
    report.warnings.extend(f"{outcome.path}: {failure}; built without what that step finds" for failure in outcome.warnings)
    report.built.append(outcome.name)
    report.tokens += outcome.tokens
    report.entities.update(outcome.entities)
    return True


#: Shard file names: ``documents-HASH.nq`` for a batch of documents, ``ontology-HASH.nq`` for the shared graph.
SHARD_SUFFIX = ".nq"


def _build_shards(folder: Path, paths, *, model, base, on_mode, progress, workers, scheduler) -> BuildReport:
    """``kg build --shards DIR``: each batch of documents becomes one N-Quads file in ``folder``.

    A shard is named by a hash of what decides its content (kg version, NLP model, base IRI, and
    its documents' content hashes and file names), so the same input gives the same file names and
    a rerun (after a kill, or with more files) extracts only the batches whose shard is missing.
    Shards are written where extraction runs (by the Dask workers themselves with ``scheduler``:
    ``folder`` must then be a folder they all see), each through a temporary file renamed into
    place. Byte copies of a file are found first (their bytes are hashed) so their names go into
    the shard of the document they copy, as a build into a store records them. The ontology graph
    gets a shard of its own; the dataset description is written by ``kg load``, which sees the
    whole store.
    """
    from kg.extract import extraction, shard_task, write_shard
    from kg.rdf import ontology_quads

    started = time.perf_counter()
    minter = Minter(base)
    report = BuildReport()
    sources, report.warnings = collect_sources(sample_paths() if paths is None else paths)
    report.failed.extend(report.warnings)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise StoreError(f"cannot create the shard folder {folder} ({error.strerror or error}); choose another --shards DIR") from None
    copies = _byte_copies(sources)
    with extraction(model, base, workers=_worker_count(workers, sources, scheduler), scheduler=scheduler) as run:
        report.mode = run.info.describe()
        if on_mode:
            on_mode(report.mode)
        ontology = list(ontology_quads(minter))
        write_shard(folder / f"ontology-{_digest(__version__, base)}{SHARD_SUFFIX}", ontology)
        report.triples += len(ontology)
        documents = _to_extract(sources, progress, run.info.model, minter, KGStore.in_memory(), True, _Seen(), report)
        jobs = _shard_jobs(documents, folder, copies, (__version__, run.info.model, base), report)
        for outcomes, quads in run.run(shard_task, jobs):
            report.triples += quads
            for outcome in outcomes:
                _count(outcome, report)
    report.seconds = time.perf_counter() - started
    return report


def _shard_jobs(documents: Iterator, folder: Path, copies: dict[str, list[str]], key: tuple, report: BuildReport) -> Iterator[tuple]:
    """``(documents, shard path, names of their byte copies)`` for each batch whose shard is not there yet."""
    from kg.extract import TASK_DOCUMENTS

    for batch in batched(documents, TASK_DOCUMENTS):
        names = [(d.sha256, copies.get(d.sha256, [d.name])) for d in batch]
        shard = folder / f"documents-{_digest(*key, repr(names))}{SHARD_SUFFIX}"
        if shard.exists():
            report.skipped_unchanged.extend(d.name for d in batch)
            continue
        yield batch, str(shard), {sha: more[1:] for sha, more in names if len(more) > 1}


def _byte_copies(sources: list[Path]) -> dict[str, list[str]]:
    """Content hash -> the names of the files holding those bytes, in build order, for contents held by several."""
    names: dict[str, list[str]] = {}
    for path in sources:
        try:
            names.setdefault(hashlib.sha256(path.read_bytes()).hexdigest(), []).append(path.name)
        except OSError:
            continue  # reading it properly says what is wrong
    return {sha: found for sha, found in names.items() if len(found) > 1}


def _digest(*parts: str) -> str:
    return hashlib.sha256("\x00".join(parts).encode()).hexdigest()[:24]


@dataclass
class _Seen:
    """What one build read. Graphs, activities and items are named by content, so a renamed file is
    the same item and two files with the same bytes are one item with two names; where each file
    was read tells a file edited in place (same path, other bytes) from a namesake in another folder."""

    first: set[str] = field(default_factory=set)  # content sha256 of each content met (built or found built)
    at: dict[str, str] = field(default_factory=dict)  # absolute path -> content sha256 read there
    rebuilt: set[str] = field(default_factory=set)  # content sha256 of each content the store held before


def _place(path: Path) -> str:
    """Where a file was read, as the file record keeps it: absolute, not resolved (a link is its own place)."""
    return os.path.abspath(path)


def _to_extract(sources: list[Path], progress, model: str, minter: Minter, store: KGStore, force: bool,
                seen: _Seen, report: BuildReport) -> Iterator:
    """The files that need extracting, as :class:`kg.extract.SourceToRead` (read where they are
    extracted); unchanged ones go in ``report``.

    A document is unchanged when the store holds exactly one graph of its content, built by the
    same kg version and model, whose item already carries this file name (a rename is rebuilt, so
    the item's name is right). Only the bytes are read and hashed here: reading (cleaning) the text
    is done by the extractor, in a worker process when there are workers, so this process only
    writes. A file whose bytes cannot be read is read here, to say what is wrong.
    """
    from kg.extract import SourceToRead

    for path in progress(sources) if progress else sources:
        try:
            data = path.read_bytes()
        except OSError:
            _report_unreadable(path, report)
            continue
        digest = hashlib.sha256(data).hexdigest()
        place = _place(path)
        if digest in seen.first:  # a byte copy of a file met before in this build
            seen.at[place] = digest
            report.skipped_unchanged.append(path.name)
            continue
        seen.at[place] = digest
        seen.first.add(digest)
        activity = minter.activity(build_key(digest, __version__, model)).value
        built = store.content_graphs(digest)
        if not force and [(a, path.name in names) for a, names in built.values()] == [(activity, True)]:
            report.skipped_unchanged.append(path.name)
            continue
        if built:
            seen.rebuilt.add(digest)
        yield SourceToRead(str(path), data, digest)


def _report_unreadable(path: Path, report: BuildReport) -> None:
    """Read a file whose bytes could not be hashed, so its warning says what is wrong."""
    from kg.extract import unread_message

    try:
        read_document(path)
        message = f"{path}: could not be read (it changed while the build ran); skipped"
    except Exception as error:  # noqa: BLE001 - a reader failing on one file must not stop the build
        message = unread_message(path, error)
    report.failed.append(str(path))
    report.warnings.append(message)


def _settle_files(store: KGStore, record: dict[str, str], seen: _Seen, built: dict[str, str]) -> None:
    """After the documents are written: drop what is stale, name each item after the files it was
    read from, and record where each file was read (last, so a kill before it repeats this next time).

    A place (path) that now holds other bytes leaves its old content, whose graphs go when no recorded
    place holds it any more: that is how an edited file's old version is replaced, and why a file of
    the same name in another folder is never touched. Nothing is removed because a file is missing;
    a content read at a new place only forgets recorded places that no longer exist (a rename or move).
    """
    for sha256 in seen.rebuilt:
        if sha256 in built:
            for graph in store.content_graphs(sha256):
                if graph != built[sha256]:  # an older build named this content's graph otherwise
                    store.remove_graph(NamedNode(graph))
    read, left = set(), set()
    for place, sha256 in seen.at.items():
        if not store.content_graphs(sha256):
            continue  # nothing was built from these bytes (extraction failed): the old version stays
        if record.get(place, sha256) != sha256:
            left.add(record[place])
        record[place] = sha256
        read.add(sha256)
    record = {place: sha256 for place, sha256 in record.items()
              if not (sha256 in read and place not in seen.at and not os.path.exists(place))}
    for sha256 in sorted(read | left):
        names = {os.path.basename(place) for place, held in record.items() if held == sha256}
        if names:
            store.set_file_names(sha256, names)
        else:
            store.remove_content(sha256)
    store.save_file_record(record)


def compact_if_bloated(store: KGStore, written: int, triples: int, warnings: list[str]) -> bool:
    """Rewrite the store as bulk loads (:meth:`KGStore.rewrite`) after a build or load that
    wrote ``written`` quads, when it grew beyond :data:`AUTO_COMPACT_RATIO` times the size of a
    bulk-loaded store of its ``triples`` (see :data:`AUTO_COMPACT_SHARE`). True when it did.

    The documents are in the store already: a rewrite that fails (disk full) leaves the store as
    it was and becomes a warning, not a failed build.
    """
    try:
        if store.path is None or written < AUTO_COMPACT_SHARE * triples:
            return False
        estimate = triples * BULK_BYTES_PER_TRIPLE
        if store.size() <= AUTO_COMPACT_RATIO * estimate:
            return False
        try:
            store.rewrite()
        except (OSError, RuntimeError) as error:
            warnings.append(f"the store at {store.path} could not be compacted ({one_line(error)}); "
                            "it holds every document; run 'kg compact' when there is disk space for a copy")
            return False
        return True
    finally:
        store.drop_runs()  # a first build's runs (see GraphWriter): the rewrite read them, or none was needed


def write_dataset_graph(store: KGStore, minter: Minter, *, changed: bool) -> None:
    """The dataset graph, written whatever happened to the documents (the ontology graph went in first).

    The totals and the description are recomputed only when a document changed (or either is
    missing): the description counts the default graph, the merge, after the old one left it.
    """
    from kg.aggregates import write_totals
    from kg.dataset import describe_dataset

    described = store.store.contains_named_graph(minter.dataset_graph)
    if changed or not described or not store.store.contains_named_graph(minter.iri("graph/totals")):
        # The description goes first and comes back last: a build killed while the totals load
        # (in runs, so a part may be in the store) leaves no description, and the next recomputes both.
        if described:
            store.remove_graph(minter.dataset_graph)
        write_totals(store, minter.base)  # before the description, which counts its triples
        changed = True
    if changed:
        store.replace_graph(minter.dataset_graph, describe_dataset(store.store, minter.base, merged=True))
        store.compact()
