"""Benchmark: build throughput against bare spaCy tokenization, and `kg query` cold start.

Prints figures, asserts nothing: the ratios (kg vs. a baseline measured in the same run) are
what to watch. Run with the project installed:

    python benchmarks/bench_build.py [--documents 100] [--repeats 5]
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import spacy

from kg.build import build, sample_paths
from kg.store import KGStore
from kg.readers import read_document


def replicate_samples(target: Path, documents: int) -> list[Path]:
    """Copy the bundled samples under distinct names until there are ``documents`` files."""
    samples = sample_paths()
    paths = []
    for index in range(documents):
        source = samples[index % len(samples)]
        path = target / f"{index:04d}_{source.name}"
        shutil.copyfile(source, path)
        paths.append(path)
    return paths


def bare_tokenization(paths: list[Path]) -> tuple[int, float]:
    """Tokens and seconds for spaCy's blank Dutch tokenizer over the same cleaned texts."""
    nlp = spacy.blank("nl")
    texts = [read_document(p).text for p in paths]
    started = time.perf_counter()
    tokens = sum(len(doc) for doc in nlp.pipe(texts))
    return tokens, time.perf_counter() - started


def cold_start(command: list[str], repeats: int) -> float:
    """Median wall time of running ``command`` in a fresh process."""
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=100)
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus"
        corpus.mkdir()
        paths = replicate_samples(corpus, args.documents)
        store = KGStore.open(Path(tmp) / "store")
        started = time.perf_counter()
        report = build(store, paths, force=True)
        build_seconds = time.perf_counter() - started
        base_tokens, base_seconds = bare_tokenization(paths)

        kg = str(Path(sys.executable).with_name("kg"))
        store_dir = str(store.path)
        del store  # release the store's lock before `kg query` opens it
        query_cold = cold_start([kg, "query", "documents", "--store", store_dir], args.repeats)
        python_cold = cold_start([sys.executable, "-c", "pass"], args.repeats)

    build_rate = report.tokens / build_seconds
    base_rate = base_tokens / base_seconds
    print(f"documents                 {args.documents} ({report.mode})")
    print(f"tokens                    {report.tokens}")
    print(f"kg build                  {build_seconds:8.2f} s  {build_rate:12,.0f} tokens/s")
    print(f"bare spaCy tokenization   {base_seconds:8.2f} s  {base_rate:12,.0f} tokens/s")
    print(f"build / tokenization      {build_rate / base_rate:8.3f}  (share of bare tokenizer speed)")
    print(f"kg query cold start       {query_cold:8.3f} s  (median of {args.repeats})")
    print(f"python -c pass            {python_cold:8.3f} s")
    print(f"cold start ratio          {query_cold / python_cold:8.1f}x")


if __name__ == "__main__":
    main()
