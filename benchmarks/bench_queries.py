"""Benchmark: every saved query's median time on a store of N documents, against a trivial query.

Prints figures, asserts nothing. Each saved query runs in-process with its first documented
example's parameters (a paged query: its default page of 100 rows, as ``kg query`` runs it); the
baseline is ``SELECT (COUNT(*) AS ?n) { ?d a kg:Document }`` measured in
the same run, so the ratio says how much work a query does beyond touching the store at all.

    python benchmarks/bench_queries.py                         # builds 100 documents
    python benchmarks/bench_queries.py --documents 100 1000    # 100, then 1000 (the 1000 build: ~20 min on 2 cores)
    python benchmarks/bench_queries.py --store /tmp/q1000      # reuses a store built before
    python benchmarks/bench_queries.py --store /tmp/q1000 --against OLD/queries   # paired with other versions

The corpus (../shared/corpus, else the bundled samples) is replicated as ``bench_scale.py`` does.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from datetime import datetime, timezone
from pathlib import Path

from kg.store import KGStore

from bench_scale import KG, measured_child, replicate
from saved_query_timing import paired_medians, query_medians

GOAL_MS = 200
BASELINE = "SELECT (COUNT(*) AS ?n) WHERE { ?d a kg:Document }"


def baseline_ms(store_dir: Path, repeats: int) -> float:
    store = KGStore.open(store_dir, read_only=True)
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        sum(1 for _ in store.query(BASELINE))
        times.append(time.perf_counter() - started)
    return statistics.median(times) * 1000


def report(store_dir: Path, repeats: int) -> None:
    documents = int(next(iter(KGStore.open(store_dir, read_only=True).query(BASELINE)))["n"].value)
    base = baseline_ms(store_dir, max(repeats, 5))
    print(f"{datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC, {os.cpu_count()} cores, store {store_dir}")
    print(f"works (kg:Document) {documents}; baseline (counting them) {base:.2f} ms, median of {max(repeats, 5)}")
    print(f"saved queries (median of {repeats}, in-process, first documented example's parameters):")
    results = query_medians(store_dir, repeats)
    slow = []
    for name, (seconds, rows) in results.items():
        ms = seconds * 1000
        if ms >= GOAL_MS:
            slow.append(name)
        print(f"  {name:22} {ms:9.1f} ms {rows:9,} rows  {ms / base:9.0f}x baseline  {'ok' if ms < GOAL_MS else 'SLOW'}")
    p50 = statistics.median(seconds for seconds, _ in results.values()) * 1000
    print(f"  median over the queries {p50:.1f} ms; goal: each < {GOAL_MS} ms: "
          f"{'met' if not slow else 'not met by ' + ', '.join(slow)}")


def paired_report(store_dir: Path, repeats: int, against: Path) -> None:
    """The queries of ``against`` and this checkout's, alternately on one store in one run."""
    print(f"{datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC, {os.cpu_count()} cores, load average "
          f"{os.getloadavg()[0]:.1f}, store {store_dir}")
    print(f"median of {repeats}, in-process, first example's parameters; {against} against this checkout:")
    for name, (other, this, rows, same) in paired_medians(store_dir, repeats, against).items():
        print(f"  {name:22} {other * 1000:9,.0f} ms {this * 1000:9,.0f} ms {rows:7,} rows  "
              f"{other / this if this else 0:6.1f}x  {'same rows' if same else 'ROWS DIFFER'}")
    print(f"  load average after: {os.getloadavg()[0]:.1f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, nargs="+", default=[100], help="one store per size, reported in turn")
    parser.add_argument("--store", type=Path, help="reuse this store (built before) instead of building one")
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--against", type=Path, help="with --store: a folder of other versions of the queries, "
                        "run alternately with this checkout's (same rows?, both medians)")
    args = parser.parse_args()
    if args.store:
        if not args.store.is_dir():
            raise SystemExit(f"no store at {args.store}; build one with kg build DIR --store {args.store}")
        if args.against:
            paired_report(args.store, args.repeats, args.against)
            return
        report(args.store, args.repeats)
        return
    os.environ["SOURCE_DATE_EPOCH"] = "1700000000"
    for documents in args.documents:
        with tempfile.TemporaryDirectory() as tmp_name:
            tmp = Path(tmp_name)
            corpus = tmp / "corpus"
            corpus.mkdir()
            replicate(corpus, documents)
            seconds, _, _ = measured_child([KG, "build", str(corpus), "--store", str(tmp / "store"), "-q", "--workers", "1"])
            print(f"built {documents} documents in {seconds:.1f} s", file=sys.stderr)
            report(tmp / "store", args.repeats)


if __name__ == "__main__":
    main()
