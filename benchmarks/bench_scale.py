"""Benchmark: every figure of kg's scale table, as ratios against baselines measured in the same run.

Prints figures, asserts nothing. The corpus (default: the five documents of ../shared/corpus, else
the bundled samples) is replicated to ``--documents`` files, each copy made unique by a last line.

    python benchmarks/bench_scale.py                      # 100 documents
    python benchmarks/bench_scale.py --documents 1000
    python benchmarks/bench_scale.py --documents 10000 --i-have-time   # hours on 2 cores

Figures: build throughput vs bare ``spacy.blank("nl")`` tokenization of the same cleaned text (one
process), store writes vs ``Store.bulk_load`` of the same quads, store size vs a bulk-loaded store,
peak RSS of ``kg build`` and ``kg export --format nquads``, speed-up with ``--workers`` (all cores),
and a no-change rebuild as a share of the full build. Saved-query times are measured by
``benchmarks/bench_queries.py``.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from itertools import groupby
from pathlib import Path

import spacy
from pyoxigraph import DefaultGraph, RdfFormat, Store, parse, serialize

from kg.build import sample_paths
from kg.readers import read_document
from kg.store import KGStore

from saved_query_timing import query_medians

KG = str(Path(sys.executable).with_name("kg"))
CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"


def replicate(target: Path, documents: int) -> list[Path]:
    """``documents`` unique copies of the corpus files (a last line names the copy)."""
    sources = sorted(CORPUS.glob("*.txt")) if CORPUS.is_dir() else sample_paths()
    texts = [s.read_text(encoding="utf-8") for s in sources]
    paths = []
    for index in range(documents):
        path = target / f"{index:05d}_{sources[index % len(sources)].name}"
        path.write_text(f"{texts[index % len(texts)]}\n\nKopie {index}\n", encoding="utf-8")
        paths.append(path)
    return paths


def measured_child(command: list[str], output: Path | None = None, allowed: tuple[int, ...] = (0,)) -> tuple[float, int, str]:
    """Wall seconds, peak RSS (bytes) and stderr of ``command`` run in a child process; an exit code
    outside ``allowed`` stops the benchmark."""
    started = time.perf_counter()
    with open(output or os.devnull, "wb") as sink, tempfile.TemporaryFile() as errors:
        child = subprocess.Popen(command, stdout=sink, stderr=errors)
        _, status, usage = os.wait4(child.pid, 0)
        errors.seek(0)
        stderr = errors.read().decode(errors="replace")
    if os.waitstatus_to_exitcode(status) not in allowed:
        raise SystemExit(f"{' '.join(command)} failed: {stderr[-500:]}")
    seconds = time.perf_counter() - started
    print(f"[{time.strftime('%H:%M:%S')}] {seconds:.1f} s: {' '.join(Path(c).name for c in command[:2])} ...", file=sys.stderr, flush=True)
    return seconds, usage.ru_maxrss * 1024, stderr


def bare_tokenization(paths: list[Path]) -> tuple[int, float]:
    nlp = spacy.blank("nl")
    texts = [read_document(p).cleaned.text for p in paths]
    started = time.perf_counter()
    tokens = sum(len(doc) for doc in nlp.pipe(texts))
    return tokens, time.perf_counter() - started


def size(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file())


def settled(path: Path, most: float = 180.0) -> int:
    """Bytes of the store at ``path`` once RocksDB's background compactions are done: they run only
    while a process holds the store for writing, so it is opened, watched until its size stays the
    same for 10 s, closed, and measured again."""
    import gc

    store, last, still, waited = Store(str(path)), size(path), 0, 0.0
    while still < 5 and waited < most:
        time.sleep(2)
        waited += 2
        now = size(path)
        still, last = (still + 1 if now == last else 0), now
    del store
    gc.collect()
    return size(path)


def write_vs_bulk(dump: Path, tmp: Path) -> tuple[float, float, int, int]:
    """Seconds of kg's writes and of ``bulk_load`` for the same quads, and both store sizes.

    ``dump`` holds every quad of a built store (named graphs in name order, then the merge): the
    named graphs go through ``kg.store.GraphWriter`` graph by graph as N-Quads lines, as a build
    writes what its extraction gives it, the whole dump through ``bulk_load``.
    """
    from kg.store import GraphWriter

    store = KGStore.open(tmp / "written")
    named, spans = tmp / "named.nq", []  # the named graphs' lines, and (graph, offset, length) of each graph
    with open(named, "wb") as out:
        quads = (q for q in parse(path=str(dump), format=RdfFormat.N_QUADS) if not isinstance(q.graph_name, DefaultGraph))
        for graph, group in groupby(quads, key=lambda q: q.graph_name):
            data = serialize(list(group), format=RdfFormat.N_QUADS)
            spans.append((graph, out.tell(), len(data)))
            out.write(data)
    started = time.perf_counter()
    with open(named, "rb") as lines, GraphWriter(store) as writer:
        for graph, _, length in spans:
            writer.add(graph, lines.read(length))
    store.compact()
    written = time.perf_counter() - started
    getattr(store, "drop_runs", lambda: None)()  # its scratch files are not the store
    named.unlink()
    bulk = Store(str(tmp / "bulk"))
    started = time.perf_counter()
    bulk.bulk_load(path=str(dump), format=RdfFormat.N_QUADS)
    bulk.flush()
    bulked = time.perf_counter() - started
    del store, bulk, writer  # the writer holds the store too
    import gc

    gc.collect()
    return written, bulked, settled(tmp / "written"), settled(tmp / "bulk")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=100)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--i-have-time", action="store_true", help="allow more than 1000 documents")
    args = parser.parse_args()
    if args.documents > 1000 and not args.i_have_time:
        raise SystemExit("more than 1000 documents takes hours on 2 cores; add --i-have-time")

    env = dict(os.environ, SOURCE_DATE_EPOCH="1700000000")
    os.environ.update(env)
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        corpus = tmp / "corpus"
        corpus.mkdir()
        paths = replicate(corpus, args.documents)
        text_bytes = sum(p.stat().st_size for p in paths)

        one_store, many_store = tmp / "one", tmp / "many"
        one_seconds, one_rss, _ = measured_child([KG, "build", str(corpus), "--store", str(one_store), "-q", "--workers", "1"])
        one_bytes, one_settled = size(one_store), settled(one_store)
        many_seconds, many_rss, _ = measured_child(
            [KG, "build", str(corpus), "--store", str(many_store), "-q", "--workers", str(args.workers)]
        )
        tokens, bare_seconds = bare_tokenization(paths)

        again_seconds, _, _ = measured_child([KG, "build", str(corpus), "--store", str(one_store), "-q", "--workers", "1"])
        with paths[0].open("a", encoding="utf-8") as changed:
            changed.write("Gewijzigd.\n")
        _, _, log = measured_child([KG, "build", str(corpus), "--store", str(one_store), "-q", "--workers", "1"])
        rebuilt_line = next((line for line in log.splitlines() if line.startswith("Built")), "?")

        dump = tmp / "dump.nq"
        export_seconds, export_rss, _ = measured_child(
            [KG, "export", "--format", "nquads", "--with-default-graph", "--store", str(many_store)], dump
        )
        many_bytes = size(many_store)
        store_bytes = settled(many_store)
        quads = sum(1 for _ in parse(path=str(dump), format=RdfFormat.N_QUADS))
        written, bulked, written_bytes, bulk_bytes = write_vs_bulk(dump, tmp)
        dump_bytes = dump.stat().st_size
        shutil.rmtree(corpus)

    build_rate, bare_rate = tokens / one_seconds, tokens / bare_seconds
    mb = 1024 * 1024
    print(f"documents                       {args.documents} ({text_bytes / mb:.1f} MB of text, {tokens:,} tokens, {quads:,} quads with the merge)")
    print(f"build, 1 process                {one_seconds:8.1f} s  {build_rate:10,.0f} tokens/s  (incl. start-up)")
    print(f"bare spacy.blank('nl') tokens   {bare_seconds:8.1f} s  {bare_rate:10,.0f} tokens/s")
    print(f"  build / bare tokenization     {build_rate / bare_rate:8.3f}   (goal >= 0.5)")
    print(f"build, {args.workers} workers               {many_seconds:8.1f} s")
    print(f"  speed-up on {args.workers} cores           {one_seconds / many_seconds:8.2f}x  (goal >= 1.7x on 2)")
    print(f"store writes (GraphWriter)     {written:8.1f} s   bulk_load of the same quads {bulked:.1f} s")
    print(f"  bulk speed share              {bulked / written:8.2f}   (goal >= 0.8)")
    print(f"store size right after build    {one_bytes / mb:8.1f} MB (1 process), {many_bytes / mb:.1f} MB ({args.workers} workers)")
    print(f"store size settled              {one_settled / mb:8.1f} MB (1 process), {store_bytes / mb:.1f} MB ({args.workers} workers)")
    print(f"  1 process settled / bulk      {one_settled / bulk_bytes:8.2f}")
    print(f"store size after build, settled {store_bytes / mb:8.1f} MB  bulk-loaded {bulk_bytes / mb:.1f} MB  "
          f"(written by GraphWriter alone, not compacted: {written_bytes / mb:.1f} MB)")
    print(f"  size / bulk-loaded            {store_bytes / bulk_bytes:8.2f}   (goal <= 1.5; "
          f"{written_bytes / bulk_bytes:.2f} without the automatic compaction)")
    print(f"peak RSS kg build               {one_rss / mb:8.0f} MB (1 process), {many_rss / mb:.0f} MB (writer, {args.workers} workers)")
    print(f"peak RSS kg export --nquads     {export_rss / mb:8.0f} MB  for a {dump_bytes / mb:.0f} MB dump with the merge ({export_seconds:.1f} s)")
    print(f"no-change rebuild               {again_seconds:8.1f} s = {again_seconds / one_seconds:.1%} of the full build (goal < 5%)")
    print(f"one file changed                {rebuilt_line.split(';')[0]}")
    print(f"bytes of store per document     {store_bytes / args.documents / 1024:8.0f} KB; quads per document (with the merge) {quads / args.documents:,.0f}")
    print(f"bulk_load rate                  {quads / bulked:10,.0f} quads/s")


if __name__ == "__main__":
    main()
