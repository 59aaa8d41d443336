"""Timing saved queries in-process, shared by bench_queries.py and bench_scale.py."""

from __future__ import annotations

import shlex
import statistics
import time
from pathlib import Path

from kg.saved_queries import SavedQuery, parse_query_file, saved_queries
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


def _answer(store, text: str, substitutions) -> list[tuple]:
    result = store.query(text, substitutions=substitutions)
    if hasattr(result, "variables"):
        return [tuple(row[c] for c in result.variables) for row in result]
    return sorted(str(t) for t in result)


def paired_medians(store_dir: Path, repeats: int, against: Path) -> dict[str, tuple[float, float, int, bool]]:
    """Each saved query against the file of the same name in ``against`` (another version of the
    queries), run alternately on one store, first example's parameters: median seconds of the other
    version, of this one, this one's rows, and whether both gave the same rows (terms and order)."""
    store = KGStore.open(store_dir, read_only=True)
    results = {}
    for name, saved in sorted(saved_queries().items()):
        path = against / f"{name}.rq"
        if not path.is_file():
            continue
        other = parse_query_file(name, path.read_text(encoding="utf-8"), str(path))
        params = example_params(saved)
        mine, theirs = saved.prepare(params), other.prepare(params)
        same = _answer(store, *mine) == _answer(store, *theirs)
        times: dict[str, list[float]] = {"other": [], "this": []}
        rows = 0
        for _ in range(repeats):
            for key, (text, substitutions) in (("other", theirs), ("this", mine)):
                started = time.perf_counter()
                count = sum(1 for _ in store.query(text, substitutions=substitutions))
                times[key].append(time.perf_counter() - started)
                if key == "this":
                    rows = count
        results[name] = (statistics.median(times["other"]), statistics.median(times["this"]), rows, same)
    return results
