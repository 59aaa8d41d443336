"""Deterministic dumps of a store in bounded memory.

A dump is sorted (graph, subject, predicate, object) so that the same store always gives the same
bytes. Sorting a 1000-document store in memory took 5.4 GB; here the named graphs are written one
after the other in name order (one graph is one document, small), and the one large graph, the
default graph (the merge), is sorted externally: sorted runs of N-Triples lines spilled to
temporary files and merged. Comparing N-Triples lines orders like comparing the terms one by one,
since a term never ends with a character below the separating space.
"""

from __future__ import annotations

import heapq
import tempfile
from contextlib import ExitStack
from itertools import islice
from typing import IO, Iterable, Iterator

from pyoxigraph import DefaultGraph, NamedNode, Quad, RdfFormat, Store, Triple, parse

#: Lines sorted in memory before a run is spilled to disk (about 50 MB of strings).
RUN_LINES = 200_000
#: Lines parsed back into terms at a time.
PARSE_LINES = 20_000


def sorted_items(store: Store, *, keep_graphs: bool) -> Iterator[Quad | Triple]:
    """Every quad (``keep_graphs``) or the default graph's triples, in dump order, streamed."""
    default = (_line(q) for q in store.quads_for_pattern(None, None, None, DefaultGraph()))
    if not keep_graphs:
        yield from _terms(_sorted_lines(default), None)
        return
    yield from _terms(_sorted_lines(default), DefaultGraph())
    for graph in sorted(store.named_graphs(), key=str):
        if isinstance(graph, NamedNode):
            yield from _terms(sorted(_line(q) for q in store.quads_for_pattern(None, None, None, graph)), graph)


def _line(quad: Quad) -> str:
    return f"{quad.subject} {quad.predicate} {quad.object} .\n"


def _sorted_lines(lines: Iterable[str]) -> Iterator[str]:
    """``lines`` sorted, with at most :data:`RUN_LINES` of them in memory."""
    with ExitStack() as stack:
        runs: list[IO[str]] = []
        while True:
            run = sorted(islice(lines, RUN_LINES))
            if len(run) < RUN_LINES and not runs:
                yield from run
                return
            if run:
                spill = stack.enter_context(tempfile.TemporaryFile("w+", encoding="utf-8"))
                spill.writelines(run)
                spill.seek(0)
                runs.append(spill)
            if len(run) < RUN_LINES:
                break
            del run
        yield from heapq.merge(*runs)


def _terms(lines: Iterable[str], graph) -> Iterator[Quad | Triple]:
    """Parse sorted N-Triples lines back into triples (``graph`` None) or quads of ``graph``, in order."""
    lines = iter(lines)
    while chunk := "".join(islice(lines, PARSE_LINES)):
        for triple in parse(chunk.encode(), format=RdfFormat.N_TRIPLES):
            yield triple if graph is None else Quad(triple.subject, triple.predicate, triple.object, graph)
