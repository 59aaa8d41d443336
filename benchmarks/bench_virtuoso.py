"""Benchmark: load kg's N-Quads dump into Virtuoso, against Oxigraph's bulk loader in the same run.

Prints figures, asserts nothing. It measures what the README's "Beyond one Oxigraph store" claims:
how fast a store built for billions of triples takes kg's output, and the extrapolation from that
rate to a national graph. Needs Virtuoso Open Source 7 (Debian: ``apt install
virtuoso-opensource-7-bin``, which gives ``virtuoso-t`` and ``isql-vt``); the server runs from a
scratch folder, listens on loopback only and is stopped at the end.

    python benchmarks/bench_virtuoso.py                        # builds 100 documents first
    python benchmarks/bench_virtuoso.py --store /tmp/q1000     # exports a store built before

Figures: ``kg export --format nquads`` time, Oxigraph ``bulk_load`` of the dump into a new on-disk
store, Virtuoso's bulk loader (``ld_dir`` + ``rdf_loader_run``, one loader per file of the dump,
``--loaders`` of them at once, then a checkpoint), the quad count each store holds afterwards and
one aggregate query on each.
"""

from __future__ import annotations

import argparse
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from pyoxigraph import RdfFormat, Store

from bench_scale import KG, measured_child, replicate, size

_COUNT_BY_GRAPH_KIND = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s a ?type } }"
_ISQL_TIMEOUT = 6 * 3600


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _ini(folder: Path, port: int, dump_dir: Path) -> Path:
    """A Virtuoso configuration for a scratch database (buffers sized for about 2 GB of RAM)."""
    ini = folder / "virtuoso.ini"
    ini.write_text(
        "[Database]\n"
        f"DatabaseFile = {folder}/virtuoso.db\nErrorLogFile = {folder}/virtuoso.log\n"
        f"LockFile = {folder}/virtuoso.lck\nTransactionFile = {folder}/virtuoso.trx\n"
        f"xa_persistent_file = {folder}/virtuoso.pxa\nErrorLogLevel = 7\nFileExtend = 200\n"
        "MaxCheckpointRemap = 2000\nStriping = 0\nTempStorage = TempDatabase\n\n"
        "[TempDatabase]\n"
        f"DatabaseFile = {folder}/virtuoso-temp.db\nTransactionFile = {folder}/virtuoso-temp.trx\n"
        "MaxCheckpointRemap = 2000\nStriping = 0\n\n"
        "[Parameters]\n"
        f"ServerPort = 127.0.0.1:{port}\nNumberOfBuffers = 170000\nMaxDirtyBuffers = 130000\n"
        f"DirsAllowed = ., {dump_dir}\nCheckpointInterval = 0\nMaxQueryMem = 1G\nVADInstallDir = {folder}\n",
        encoding="utf-8",
    )
    return ini


def _isql_command(port: int, statements: str) -> list[str]:
    return ["isql-vt", f"127.0.0.1:{port}", "dba", "dba", f"exec={statements}"]


def _isql(port: int, statements: str) -> str:
    done = subprocess.run(_isql_command(port, statements), capture_output=True, text=True, timeout=_ISQL_TIMEOUT)
    if done.returncode != 0 or "*** Error" in done.stdout + done.stderr:
        raise SystemExit(f"isql-vt failed on {statements[:80]!r}: {(done.stdout + done.stderr)[-400:]}")
    return done.stdout


def _start(folder: Path, ini: Path, port: int) -> subprocess.Popen:
    server = subprocess.Popen(["virtuoso-t", "-f", "-c", str(ini)], cwd=folder,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for _ in range(120):
        try:
            _isql(port, "select 1;")
            return server
        except (SystemExit, subprocess.TimeoutExpired):
            if server.poll() is not None:
                raise SystemExit(f"virtuoso-t stopped at start-up; see {folder}/virtuoso.log") from None
            time.sleep(0.5)
    server.terminate()
    raise SystemExit(f"virtuoso-t did not answer within a minute; see {folder}/virtuoso.log")


def _split(dump: Path, parts: int) -> list[Path]:
    """The dump cut at line ends into ``parts`` files of about equal size, one per loader."""
    if parts == 1:
        return [dump]
    files = [dump.with_name(f"part{index}.nq") for index in range(parts)]
    budget = dump.stat().st_size / parts
    with dump.open("rb") as lines:
        outputs = [path.open("wb") for path in files]
        written, index = 0, 0
        for line in lines:
            if written > budget * (index + 1) and index < parts - 1:
                index += 1
            outputs[index].write(line)
            written += len(line)
        for output in outputs:
            output.close()
    dump.unlink()
    return files


def virtuoso_load(dump: Path, work: Path, base: str, loaders: int) -> tuple[float, int, float, int]:
    """Seconds to bulk-load (and checkpoint), quads held, seconds of the aggregate query, database bytes."""
    folder = work / "virtuoso"
    folder.mkdir()
    port = _free_port()
    files = _split(dump, loaders)
    server = _start(folder, _ini(folder, port, dump.parent), port)
    try:
        started = time.perf_counter()
        for path in files:
            _isql(port, f"ld_dir('{path.parent}', '{path.name}', '{base}');")
        runs = [subprocess.Popen(_isql_command(port, "rdf_loader_run();"), stdout=subprocess.DEVNULL,
                                 stderr=subprocess.DEVNULL) for _ in files]
        for run in runs:
            run.wait(timeout=_ISQL_TIMEOUT)
        _isql(port, "checkpoint;")
        seconds = time.perf_counter() - started
        errors = _isql(port, "select count(*) from DB.DBA.load_list where ll_error is not null;")
        if _last_number(errors):
            raise SystemExit(f"Virtuoso's loader reported errors: {_isql(port, 'select ll_file, ll_error from DB.DBA.load_list;')[-400:]}")
        quads = _last_number(_isql(port, "SPARQL SELECT COUNT(*) WHERE { GRAPH ?g { ?s ?p ?o } "
                                         f"FILTER(STRSTARTS(STR(?g), '{base}')) }};"))
        started = time.perf_counter()
        _isql(port, f"SPARQL {_COUNT_BY_GRAPH_KIND};")
        query = time.perf_counter() - started
    finally:
        # "shutdown" checkpoints and exits; the connection it ends is no error of ours
        subprocess.run(_isql_command(port, "shutdown;"), capture_output=True, timeout=600)
        try:
            server.wait(timeout=120)
        except subprocess.TimeoutExpired:
            server.kill()
    return seconds, quads, query, sum(p.stat().st_size for p in folder.glob("virtuoso*.db"))


def _last_number(output: str) -> int:
    numbers = [line.strip() for line in output.splitlines() if line.strip().isdigit()]
    return int(numbers[-1]) if numbers else 0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--documents", type=int, default=100)
    parser.add_argument("--store", type=Path, help="export this store (built before) instead of building one")
    parser.add_argument("--loaders", type=int, default=os.cpu_count() or 1, help="Virtuoso loaders run at once (default: the cores)")
    args = parser.parse_args()
    if not shutil.which("virtuoso-t") or not shutil.which("isql-vt"):
        raise SystemExit("needs Virtuoso 7: apt install virtuoso-opensource-7-bin (gives virtuoso-t and isql-vt)")
    os.environ.setdefault("SOURCE_DATE_EPOCH", "1700000000")
    with tempfile.TemporaryDirectory(prefix="kg-bench-virtuoso-") as scratch:
        work = Path(scratch)
        store = args.store
        if store is None:
            sources = work / "sources"
            sources.mkdir()
            replicate(sources, args.documents)
            store = work / "store"
            measured_child([KG, "build", str(sources), "--store", str(store), "--workers", str(os.cpu_count() or 1)])
        dump = work / "dump" / "kg.nq"
        dump.parent.mkdir()
        export, _, _ = measured_child([KG, "export", "--format", "nquads", "--store", str(store), "-o", str(dump)])
        lines = sum(1 for _ in dump.open("rb"))
        # files read (kg:Item), not kg:Document: copies of one Kamerstuk are one document
        documents = int(next(Store.read_only(str(store)).query(
            "SELECT (COUNT(*) AS ?n) { GRAPH ?g { ?i a <https://w3id.org/kamerstukken-kg/def#Item> } }"))["n"].value)
        base = "https://w3id.org/kamerstukken-kg/"

        oxigraph = Store(str(work / "oxigraph"))
        started = time.perf_counter()
        oxigraph.bulk_load(path=str(dump), format=RdfFormat.N_QUADS)
        oxigraph.flush()
        bulk = time.perf_counter() - started
        started = time.perf_counter()
        list(oxigraph.query(_COUNT_BY_GRAPH_KIND))
        oxigraph_query = time.perf_counter() - started
        oxigraph_quads = len(oxigraph)
        del oxigraph
        oxigraph_bytes = size(work / "oxigraph")

        virtuoso, virtuoso_quads, virtuoso_query, virtuoso_bytes = virtuoso_load(dump, work, base, args.loaders)

    print(f"files read                    {documents:,} ({lines:,} N-Quads lines, export {export:.1f} s)")
    print(f"Oxigraph bulk_load            {bulk:8.1f} s  {lines / bulk:10,.0f} quads/s  {oxigraph_quads:,} quads held  {oxigraph_bytes / 1e6:,.0f} MB")
    print(f"Virtuoso ld_dir + {args.loaders} loader(s)  {virtuoso:8.1f} s  {lines / virtuoso:10,.0f} quads/s  {virtuoso_quads:,} quads held  {virtuoso_bytes / 1e6:,.0f} MB")
    print(f"  Virtuoso / Oxigraph load speed {bulk / virtuoso:5.2f}")
    print(f"typed subjects per graph query  Oxigraph {oxigraph_query * 1000:,.0f} ms, Virtuoso {virtuoso_query * 1000:,.0f} ms (isql round trip included)")
    per_document = lines / documents
    for target in (10_000, 1_000_000):
        quads = per_document * target
        print(f"{target:>9,} files  ≈ {quads / 1e6:,.0f} M quads: Oxigraph {quads / (lines / bulk) / 3600:,.1f} h, "
              f"Virtuoso {quads / (lines / virtuoso) / 3600:,.1f} h at these rates (extrapolated)")


if __name__ == "__main__":
    sys.exit(main())
