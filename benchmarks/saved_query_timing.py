"""Timing saved queries in-process, shared by bench_queries.py and bench_scale.py."""

from __future__ import annotations

import shlex
import statistics
import time
from pathlib import Path

from kg.saved_queries import SavedQuery, saved_queries
from kg.store import KGStore


def example_params(saved: SavedQuery) -> dict[str, str]:
    """The ``--param``/``-p`` values of the query's first documented example (what a user runs first)."""
    words = shlex.split(saved.examples[0]) if saved.examples else []
    params = {}
    for flag, value in zip(words, words[1:]):
        if flag in ("--param", "-p"):
            key, _, given = value.partition("=")
            params[key] = given
    return params


def query_medians(store_dir: Path, repeats: int) -> dict[str, tuple[float, int]]:
    """Median seconds and rows of every saved query, run with its first example's parameters (a
    paged query: its default page, as ``kg query`` runs it)."""
    store = KGStore.open(store_dir, read_only=True)
    results = {}
    for name, saved in sorted(saved_queries().items()):
        text, substitutions = saved.prepare(example_params(saved))
        times, rows = [], 0
        for _ in range(repeats):
            started = time.perf_counter()
            rows = sum(1 for _ in store.query(text, substitutions=substitutions))
            times.append(time.perf_counter() - started)
        results[name] = (statistics.median(times), rows)
    return results
