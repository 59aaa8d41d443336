"""kg's exports of a corpus build load into other RDF tools: rdflib, Raptor's rapper, a fresh Oxigraph server.

rapper and the oxigraph server come from .ci/install-test-tools.sh. Locally the tests skip when
they are absent; under CI (CI=true) a missing tool is a failure, so a broken install cannot pass
as a green run.
"""

from __future__ import annotations

import re
import subprocess
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from pyoxigraph import QueryResultsFormat

from kg.store import EXPORT_FORMATS

#: kg export format -> (rdflib parser, rapper parser or None when Raptor has no parser for it)
PARSERS = {
    "turtle": ("turtle", "turtle"),
    "trig": ("trig", "trig"),
    "nquads": ("nquads", "nquads"),
    "ntriples": ("nt", "ntriples"),
    "jsonld": ("json-ld", None),
}
QUERIES = Path(__file__).resolve().parents[1] / "queries"
SERVER_START_TIMEOUT = 30.0
HTTP_TIMEOUT = 60.0


@pytest.fixture(scope="module")
def exports(corpus_store, tmp_path_factory) -> dict[str, Path]:
    """Every export of the corpus; TriG and N-Quads with the merged default graph (``--with-default-graph``),
    so that a plain store loaded from them answers kg's saved queries, which read the default graph."""
    folder = tmp_path_factory.mktemp("exports")
    written = {}
    for fmt in EXPORT_FORMATS:
        path = folder / f"corpus.{fmt}"
        path.write_bytes(corpus_store.export(fmt, with_default_graph=EXPORT_FORMATS[fmt][1]))
        written[fmt] = path
    return written


def expected_count(store, fmt: str) -> int:
    """Quads for formats that keep graphs, distinct triples of the union for the others."""
    if EXPORT_FORMATS[fmt][1]:
        return len(store)
    rows = store.store.query("SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } } }")
    return int(next(iter(rows))["n"].value)


def test_every_export_format_is_covered():
    assert set(PARSERS) == set(EXPORT_FORMATS)


@pytest.mark.parametrize("fmt", sorted(PARSERS))
def test_rdflib_reads_each_export(corpus_store, exports, fmt):
    from rdflib import Dataset, Graph

    rdflib_format, _ = PARSERS[fmt]
    keeps_graphs = EXPORT_FORMATS[fmt][1]
    graph = Dataset() if keeps_graphs else Graph()
    graph.parse(exports[fmt], format=rdflib_format)
    count = len(list(graph.quads())) if keeps_graphs else len(graph)
    assert count == expected_count(corpus_store, fmt)


@pytest.mark.parametrize("fmt", sorted(f for f, (_, raptor) in PARSERS.items() if raptor))
def test_rapper_reads_each_export(corpus_store, exports, fmt, require_tool):
    rapper = require_tool("rapper")
    done = subprocess.run(
        [rapper, "-i", PARSERS[fmt][1], "-c", str(exports[fmt])], capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert "error" not in done.stderr.lower(), done.stderr[-2000:]
    match = re.search(r"returned (\d+) (?:triples|statements)", done.stderr)
    assert match, done.stderr[-2000:]
    assert int(match.group(1)) == expected_count(corpus_store, fmt)


def http(url: str, data: bytes | None = None, headers: dict[str, str] | None = None) -> bytes:
    request = urllib.request.Request(url, data=data, headers=headers or {}, method="POST" if data is not None else "GET")
    with urllib.request.urlopen(request, timeout=HTTP_TIMEOUT) as response:
        return response.read()


@pytest.fixture(scope="module")
def oxigraph_server(exports, tmp_path_factory, require_tool, start_server):
    """A fresh ``oxigraph serve`` on a free loopback port holding the N-Quads export; stopped afterwards."""
    binary = require_tool("oxigraph")
    port = start_server.free_port()
    base = f"http://127.0.0.1:{port}"
    log = (tmp_path_factory.mktemp("oxigraph") / "server.log").open("wb")
    process = subprocess.Popen(
        [binary, "serve", "--location", str(tmp_path_factory.mktemp("oxigraph-store")),
         "--bind", f"127.0.0.1:{port}"],
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        deadline = time.monotonic() + SERVER_START_TIMEOUT
        while True:
            if process.poll() is not None:
                pytest.fail(f"oxigraph serve exited with {process.returncode}; see {log.name}")
            try:
                http(f"{base}/query?query=" + urllib.parse.quote("ASK {}"))
                break
            except (urllib.error.URLError, ConnectionError, OSError):
                if time.monotonic() > deadline:
                    pytest.fail(f"oxigraph serve did not answer within {SERVER_START_TIMEOUT:.0f} s")
                time.sleep(0.2)
        http(f"{base}/store", data=exports["nquads"].read_bytes(), headers={"Content-Type": "application/n-quads"})
        yield base
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)
        log.close()


def test_the_server_holds_every_quad(corpus_store, oxigraph_server):
    body = http(
        f"{oxigraph_server}/query",
        # The named graphs plus the default graph, which kg keeps as their merge and exports too.
        data=b"SELECT (COUNT(*) AS ?n) WHERE { { GRAPH ?g { ?s ?p ?o } } UNION { ?s ?p ?o } }",
        headers={"Content-Type": "application/sparql-query", "Accept": "text/csv"},
    )
    assert int(body.decode().split()[1]) == len(corpus_store)


def portable_queries() -> list[str]:
    """Saved queries that run as-is, with no parameter bound (an endpoint has no substitutions):
    those whose ``# param:`` header lines declare neither ``required`` nor a ``default=``."""
    names = []
    for path in sorted(QUERIES.glob("*.rq")):
        params = re.findall(r"^#\s*param:(.*)$", path.read_text(encoding="utf-8"), re.MULTILINE)
        if not any(re.search(r"\brequired\b|\bdefault=", p.split("--")[0]) for p in params):
            names.append(path.stem)
    return names


def csv_rows(data: bytes) -> tuple[str, list[str]]:
    lines = data.decode("utf-8").replace("\r\n", "\n").rstrip("\n").split("\n")
    return lines[0], sorted(lines[1:])


@pytest.mark.parametrize("name", portable_queries())
def test_a_saved_query_gives_the_same_rows_on_the_server(corpus_store, oxigraph_server, name):
    text = (QUERIES / f"{name}.rq").read_text(encoding="utf-8")
    ours = corpus_store.query(text).serialize(format=QueryResultsFormat.CSV)
    theirs = http(
        f"{oxigraph_server}/query",
        data=text.encode(),
        headers={"Content-Type": "application/sparql-query", "Accept": "text/csv"},
    )
    header, rows = csv_rows(ours)
    if name == "entities":
        assert rows, "no entities in the corpus build: the comparison would prove nothing"
    assert csv_rows(theirs) == (header, rows)
