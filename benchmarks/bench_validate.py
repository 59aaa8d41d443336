"""Benchmark: ``kg validate`` (and ``kg check``) time as a ratio of the build time of the same store.

Prints figures, asserts nothing. The corpus is replicated to ``--documents`` unique files with
``bench_scale.replicate``, built with ``kg build --workers 1`` (one process, as ``kg validate`` is),
then validated and checked; all three are timed in child processes of this run. Issue 12 asks
validate ≤ 10× the build.

    nice -n 10 python benchmarks/bench_validate.py --documents 300
"""

from __future__ import annotations

import argparse
import os
import tempfile
from pathlib import Path

from bench_scale import KG, measured_child, replicate

from kg.errors import FINDINGS, OK


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=100)
    args = parser.parse_args()
    os.environ["SOURCE_DATE_EPOCH"] = "1700000000"
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        corpus, store = tmp / "corpus", tmp / "store"
        corpus.mkdir()
        replicate(corpus, args.documents)
        built, build_rss, _ = measured_child([KG, "build", str(corpus), "--store", str(store), "--quiet", "--workers", "1"])
        validated, validate_rss, _ = measured_child([KG, "validate", "--store", str(store)], tmp / "report.txt",
                                                    allowed=(OK, FINDINGS))
        report = (tmp / "report.txt").read_text(encoding="utf-8")
        checked, check_rss, _ = measured_child([KG, "check", "--store", str(store)])
    summary = next((line for line in report.splitlines() if "violation(s)" in line), "")
    print(f"{args.documents} documents")
    print(f"  kg build --workers 1: {built:8.1f} s  peak RSS {build_rss / 2**20:6.0f} MB")
    print(f"  kg validate:          {validated:8.1f} s  peak RSS {validate_rss / 2**20:6.0f} MB  ({summary.strip()})")
    print(f"  kg check:             {checked:8.1f} s  peak RSS {check_rss / 2**20:6.0f} MB")
    print(f"  validate / build = {validated / built:.2f} (target ≤ 10); check / build = {checked / built:.2f}")


if __name__ == "__main__":
    main()
