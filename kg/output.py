"""Writing query results: a readable table, or the SPARQL 1.1 / RDF formats other tools read.

Results are written as pyoxigraph yields them, row by row, so the first row appears at once and
memory stays flat however many rows a query gives. The SPARQL 1.1 result formats (CSV, TSV,
JSON, XML) are written here rather than by pyoxigraph because a ``--limit`` must be applied to a
live result and blank nodes must come out as the formats say (``_:b0``, ``{"type": "bnode"}``,
``<bnode>``).
"""

from __future__ import annotations

import itertools
import json
import shutil
from typing import IO, Iterable, Iterator
from xml.sax.saxutils import escape, quoteattr

from pyoxigraph import (
    BlankNode,
    Literal,
    NamedNode,
    QueryBoolean,
    QueryResultsFormat,
    QuerySolutions,
    QueryTriples,
    RdfFormat,
    serialize,
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
#: Rows a table reads before it fixes its column widths; later rows stream with those widths.
TABLE_PAGE = 1000

_XSD = PREFIXES["xsd"]
_XSD_STRING = _XSD + "string"
_RDF_LANG_STRING = PREFIXES["rdf"] + "langString"
_SPARQL_RESULTS_NS = "http://www.w3.org/2005/sparql-results#"


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


def column_widths(variables: list[str], rows: list[list[str]], width: int | None) -> list[int]:
    """Natural column widths, narrowed (widest first) to fit ``width``; None keeps them natural."""
    widths = [max([len(v)] + [len(r[i]) for r in rows]) for i, v in enumerate(variables)]
    if width is None:
        return widths
    budget = max(width - 2 * (len(variables) - 1), _MIN_COLUMN * len(variables))
    while sum(widths) > budget:
        widest = max(range(len(widths)), key=lambda i: widths[i])
        if widths[widest] <= _MIN_COLUMN:
            break
        widths[widest] -= 1
    return widths


def table_line(cells: Iterable[str], widths: list[int], cut: bool = True) -> str:
    """One table line; with ``cut`` a cell longer than its column ends in an ellipsis."""

    def fit(text: str, size: int) -> str:
        if cut and len(text) > size:
            text = text[: max(size - 1, 0)] + "…"
        return text.ljust(size)

    return "  ".join(fit(c, w) for c, w in zip(cells, widths)).rstrip()


def format_table(variables: list[str], rows: list[list[str]], width: int | None = None) -> str:
    """Fit columns to ``width`` (default: the terminal), cutting long cells with an ellipsis."""
    width = width or shutil.get_terminal_size((120, 24)).columns
    if not variables:
        return ""
    widths = column_widths(variables, rows, width)
    lines = [table_line(variables, widths), "  ".join("-" * w for w in widths)]
    lines.extend(table_line(row, widths) for row in rows)
    return "\n".join(lines) + "\n"


def write_result(result, fmt: str, out: IO[bytes], *, limit: int | None = None, width: int | None = None,
                 offset: int | None = None) -> int:
    """Write ``result`` as ``fmt`` to the binary stream ``out`` as it is computed; return the rows/triples written.

    ``width`` fits a table to that many columns, cutting long cells; None prints full values
    (what a pipe or file wants). ``offset`` skips that many rows (triples) first and ``limit`` stops
    after that many: both only cut the output (a paged saved query cuts its page in the query itself).
    """
    start = offset or 0
    stop = None if limit is None else start + limit
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
        counted = _Counter(itertools.islice(result, start, stop))
        rdf_format = GRAPH_FORMATS.get(fmt, RdfFormat.TURTLE)
        serialize(counted, out, format=rdf_format, prefixes=PREFIXES if rdf_format != RdfFormat.N_TRIPLES else None)
        return counted.count
    assert isinstance(result, QuerySolutions)
    if fmt in GRAPH_FORMATS:
        raise OutputError(f"a SELECT query gives rows; use --format table, csv, tsv or json, not {fmt}")
    variables = [v.value for v in result.variables]
    if limit is None and not start and fmt == "tsv":
        # Not CSV: pyoxigraph 0.5 leaves IRIs holding a comma (``#char=598,601``) unquoted there.
        return _write_natively(result, fmt, out)
    solutions = itertools.islice(result, start, stop)
    if fmt == "table":
        return _write_table(variables, solutions, out, width)
    return _SOLUTION_WRITERS[fmt](variables, solutions, out)


def _write_natively(result: QuerySolutions, fmt: str, out: IO[bytes]) -> int:
    """Unlimited TSV through pyoxigraph's own streaming writer, six times faster than row by row
    in Python (1 M rows: 5.6 s against 35 s, memory flat in both); returns the rows written, counted
    as line breaks after the header (TSV escapes line breaks inside values)."""
    lines = _LineCounter(out)
    result.serialize(lines, SELECT_FORMATS[fmt])
    return max(lines.count - 1, 0)


class _LineCounter:
    """A binary stream that counts the line breaks written through it."""

    def __init__(self, out: IO[bytes]) -> None:
        self.out, self.count = out, 0

    def write(self, data: bytes) -> int:
        self.count += data.count(b"\n")
        return self.out.write(data)

    def flush(self) -> None:
        self.out.flush()


class _Counter:
    """Passes items through, counting them (pyoxigraph's serializer consumes the iterator)."""

    def __init__(self, items: Iterator) -> None:
        self.items, self.count = items, 0

    def __iter__(self):
        for item in self.items:
            self.count += 1
            yield item


def _write_table(variables: list[str], solutions: Iterator, out: IO[bytes], width: int | None) -> int:
    """A first page fixes the column widths; the remaining rows stream with them."""
    if not variables:
        return sum(1 for _ in solutions)
    page = [[shorten(s[v]) for v in variables] for s in itertools.islice(solutions, TABLE_PAGE)]
    widths = column_widths(variables, page, width)
    cut = width is not None
    out.write((table_line(variables, widths, cut) + "\n" + "  ".join("-" * w for w in widths) + "\n").encode())
    count = 0
    for row in page:
        out.write((table_line(row, widths, cut) + "\n").encode())
        count += 1
    if hasattr(out, "flush"):
        out.flush()  # the first page shows while the rest is computed
    for solution in solutions:
        out.write((table_line([shorten(solution[v]) for v in variables], widths, cut) + "\n").encode())
        count += 1
    return count


def _csv_cell(term) -> str:
    """SPARQL 1.1 CSV: IRIs and literal values bare, blank nodes ``_:label``, quoted as RFC 4180 needs."""
    if term is None:
        text = ""
    elif isinstance(term, BlankNode):
        text = f"_:{term.value}"
    else:
        text = term.value
    if any(c in text for c in ',"\r\n'):
        text = '"' + text.replace('"', '""') + '"'
    return text


def _write_delimited(header: list[str], cells: Iterator[list[str]], out: IO[bytes], separator: str, newline: str) -> int:
    """CSV and TSV: a header line, then one line per row of already formatted cells."""
    out.write((separator.join(header) + newline).encode())
    count = 0
    for row in cells:
        out.write((separator.join(row) + newline).encode())
        count += 1
    return count


def _write_csv(variables: list[str], solutions: Iterator, out: IO[bytes]) -> int:
    rows = ([_csv_cell(s[v]) for v in variables] for s in solutions)
    return _write_delimited(variables, rows, out, ",", "\r\n")


def _tsv_cell(term) -> str:
    """SPARQL 1.1 TSV: terms in Turtle syntax (numbers abbreviated as Turtle allows), blank nodes ``_:label``."""
    if term is None:
        return ""
    if isinstance(term, Literal) and term.datatype.value == _XSD + "integer" and term.value.lstrip("+-").isdigit():
        return term.value
    return str(term)


def _write_tsv(variables: list[str], solutions: Iterator, out: IO[bytes]) -> int:
    rows = ([_tsv_cell(s[v]) for v in variables] for s in solutions)
    return _write_delimited(["?" + v for v in variables], rows, out, "\t", "\n")


def _json_term(term) -> dict:
    if isinstance(term, NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, Literal):
        value = {"type": "literal", "value": term.value}
        if term.language:
            value["xml:lang"] = term.language
        elif term.datatype.value != _XSD_STRING:
            value["datatype"] = term.datatype.value
        return value
    return {"type": "triple", "value": str(term)}


def _write_json(variables: list[str], solutions: Iterator, out: IO[bytes]) -> int:
    out.write(('{"head":{"vars":' + json.dumps(variables) + '},"results":{"bindings":[').encode())
    count = 0
    for solution in solutions:
        binding = {v: _json_term(solution[v]) for v in variables if solution[v] is not None}
        out.write(((",\n" if count else "\n") + json.dumps(binding, ensure_ascii=False)).encode())
        count += 1
    out.write(b"\n]}}\n")
    return count


def _xml_term(term) -> str:
    if isinstance(term, NamedNode):
        return f"<uri>{escape(term.value)}</uri>"
    if isinstance(term, BlankNode):
        return f"<bnode>{escape(term.value)}</bnode>"
    if isinstance(term, Literal):
        if term.language:
            return f"<literal xml:lang={quoteattr(term.language)}>{escape(term.value)}</literal>"
        if term.datatype.value not in (_XSD_STRING, _RDF_LANG_STRING):
            return f"<literal datatype={quoteattr(term.datatype.value)}>{escape(term.value)}</literal>"
        return f"<literal>{escape(term.value)}</literal>"
    return f"<literal>{escape(str(term))}</literal>"


def _write_xml(variables: list[str], solutions: Iterator, out: IO[bytes]) -> int:
    head = "".join(f"<variable name={quoteattr(v)}/>" for v in variables)
    out.write(f'<?xml version="1.0"?>\n<sparql xmlns="{_SPARQL_RESULTS_NS}"><head>{head}</head><results>\n'.encode())
    count = 0
    for solution in solutions:
        cells = "".join(
            f"<binding name={quoteattr(v)}>{_xml_term(solution[v])}</binding>" for v in variables if solution[v] is not None
        )
        out.write(f"<result>{cells}</result>\n".encode())
        count += 1
    out.write(b"</results></sparql>\n")
    return count


_SOLUTION_WRITERS = {"csv": _write_csv, "tsv": _write_tsv, "json": _write_json, "xml": _write_xml}
