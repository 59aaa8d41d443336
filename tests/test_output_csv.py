"""CSV results stay valid RFC 4180 when an IRI holds a comma, as NIF offset IRIs do (``#char=1,2``)."""

from __future__ import annotations

import csv
import io

from pyoxigraph import Literal, NamedNode, Quad, Store

from kg.output import write_result


def _result():
    store = Store()
    store.add(Quad(NamedNode("http://example.org/text#char=598,601"), NamedNode("http://example.org/p"), Literal("a, b")))
    return store.query("SELECT ?s ?o WHERE { ?s ?p ?o }")


def test_unlimited_csv_quotes_an_iri_holding_a_comma():
    out = io.BytesIO()
    assert write_result(_result(), "csv", out) == 1
    rows = list(csv.reader(io.StringIO(out.getvalue().decode())))
    assert rows == [["s", "o"], ["http://example.org/text#char=598,601", "a, b"]]


def test_limited_and_unlimited_csv_agree():
    unlimited, limited = io.BytesIO(), io.BytesIO()
    write_result(_result(), "csv", unlimited)
    write_result(_result(), "csv", limited, limit=10)
    assert unlimited.getvalue() == limited.getvalue()
