"""Writing query results: a readable table, or the SPARQL 1.1 / RDF formats other tools read."""

from __future__ import annotations

import io
import shutil
from typing import IO

from pyoxigraph import (
    BlankNode,
    Literal,
    NamedNode,
    QueryBoolean,
    QueryResultsFormat,
    QuerySolutions,
    QueryTriples,
    RdfFormat,
)

from kg.vocab import PREFIXES

SELECT_FORMATS = {
    "csv": QueryResultsFormat.CSV,
    "tsv": QueryResultsFormat.TSV,
    "json": QueryResultsFormat.JSON,
    "xml": QueryResultsFormat.XML,
}
GRAPH_FORMATS = {
    "turtle": RdfFormat.TURTLE, "ntriples": RdfFormat.N_TRIPLES, "jsonld": RdfFormat.JSON_LD, "rdfxml": RdfFormat.RDF_XML,
}
ALL_FORMATS = ("table", *SELECT_FORMATS, *GRAPH_FORMATS)

_MIN_COLUMN = 6


class OutputError(Exception):
    """A format that does not fit the result kind; ``str(e)`` is a one-line message."""


def shorten(term, prefixes: dict[str, str] = PREFIXES) -> str:
    """A term as a person reads it: prefixed IRIs, plain literal values."""
    if term is None:
        return ""
    if isinstance(term, NamedNode):
        for prefix, namespace in prefixes.items():
            if term.value.startswith(namespace) and len(term.value) > len(namespace):
                return f"{prefix}:{term.value[len(namespace):]}"
        return term.value
    if isinstance(term, BlankNode):
        return f"_:{term.value}"
    if isinstance(term, Literal):
        return " ".join(term.value.split())
    return str(term)


def format_table(variables: list[str], rows: list[list[str]], width: int | None = None) -> str:
    """Fit columns to ``width`` (default: the terminal), cutting long cells with an ellipsis."""
    width = width or shutil.get_terminal_size((120, 24)).columns
    if not variables:
        return ""
    natural = [max([len(v)] + [len(r[i]) for r in rows]) for i, v in enumerate(variables)]
    budget = max(width - 2 * (len(variables) - 1), _MIN_COLUMN * len(variables))
    widths = list(natural)
    while sum(widths) > budget:
        widest = max(range(len(widths)), key=lambda i: widths[i])
        if widths[widest] <= _MIN_COLUMN:
            break
        widths[widest] -= 1

    def cut(text: str, size: int) -> str:
        return text if len(text) <= size else text[: max(size - 1, 0)] + "…"

    lines = ["  ".join(cut(v, w).ljust(w) for v, w in zip(variables, widths)).rstrip()]
    lines.append("  ".join("-" * w for w in widths))
    for row in rows:
        lines.append("  ".join(cut(c, w).ljust(w) for c, w in zip(row, widths)).rstrip())
    return "\n".join(lines) + "\n"


def write_result(result, fmt: str, out: IO[bytes], *, limit: int | None = None) -> int:
    """Write ``result`` as ``fmt`` to the binary stream ``out``; return the number of rows/triples."""
    if isinstance(result, QueryBoolean):
        if fmt in GRAPH_FORMATS:
            raise OutputError(f"an ASK query gives a yes/no answer; use --format table, json, csv or tsv, not {fmt}")
        if fmt == "table":
            out.write(b"true\n" if bool(result) else b"false\n")
        else:
            result.serialize(out, SELECT_FORMATS[fmt])
        return 1
    if isinstance(result, QueryTriples):
        if fmt in SELECT_FORMATS:
            raise OutputError(f"a CONSTRUCT/DESCRIBE query gives triples; use --format turtle, ntriples or jsonld, not {fmt}")
        triples = list(result)[:limit] if limit is not None else list(result)
        from pyoxigraph import serialize

        rdf_format = GRAPH_FORMATS.get(fmt, RdfFormat.TURTLE)
        serialize(triples, out, format=rdf_format, prefixes=PREFIXES if rdf_format != RdfFormat.N_TRIPLES else None)
        return len(triples)
    assert isinstance(result, QuerySolutions)
    if fmt in GRAPH_FORMATS:
        raise OutputError(f"a SELECT query gives rows; use --format table, csv, tsv or json, not {fmt}")
    variables = [v.value for v in result.variables]
    solutions = []
    for index, solution in enumerate(result):
        if limit is not None and index >= limit:
            break
        solutions.append(solution)
    if fmt == "table":
        rows = [[shorten(s[v]) for v in variables] for s in solutions]
        out.write(format_table(variables, rows).encode("utf-8"))
        return len(rows)
    _serialize_solutions(variables, solutions, fmt, out)
    return len(solutions)


def _serialize_solutions(variables: list[str], solutions: list, fmt: str, out: IO[bytes]) -> None:
    """Re-serialize already-consumed solutions through pyoxigraph's own SPARQL results writers."""
    from pyoxigraph import Store

    # pyoxigraph serializes a live QuerySolutions only; replay the rows through VALUES in an empty store.
    scratch = Store()
    if not solutions:
        query = f"SELECT {' '.join('?' + v for v in variables)} WHERE {{ FILTER(false) }}" if variables else "SELECT * WHERE {}"
        scratch.query(query).serialize(out, SELECT_FORMATS[fmt])
        return
    body = io.StringIO()
    body.write(f"SELECT {' '.join('?' + v for v in variables)} WHERE {{ VALUES ({' '.join('?' + v for v in variables)}) {{\n")
    for solution in solutions:
        cells = [str(solution[v]) if solution[v] is not None else "UNDEF" for v in variables]
        body.write(f"({' '.join(cells)})\n")
    body.write("} }")
    scratch.query(body.getvalue()).serialize(out, SELECT_FORMATS[fmt])
