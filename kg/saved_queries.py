"""Saved SPARQL queries: ``.rq`` files with a comment header, run with safely bound parameters.

A saved query is plain SPARQL 1.1 (the same file an HTTP endpoint or another store can run); its
leading ``#`` comment lines carry the metadata kg shows and checks::

    # title: Mentions of an entity
    # description: Every mention of one entity, with its sentence and document.
    # param: entity iri required -- the entity IRI (see `kg query entities`)
    # param: limit integer default=100 -- at most this many rows (0: all)
    # param: offset integer default=0 -- skip this many rows first
    # example: kg query mentions-of --param entity=https://w3id.org/kamerstukken-kg/id/organisatie/uwv

Parameters are bound with pyoxigraph's ``substitutions`` (the variable ``?entity`` is replaced by
a typed term), never pasted into the query text.

**Paging.** SPARQL cannot bind a ``LIMIT``, so a query that declares both ``limit`` and ``offset``
(integers, with defaults) holds exactly one ``LIMIT <default> OFFSET <default>`` clause, where the
page is best cut: usually the subquery that picks and orders the rows, before the expensive joins
that fill in their columns. :meth:`SavedQuery.prepare` rewrites the two numbers of that one clause
(``limit=0`` drops the ``LIMIT``: every row); nothing else of the text changes, and the file stays
plain SPARQL that another endpoint runs as its default page. Pages are stable because each paged
query orders its rows by keys that end in a unique one.

**Windows.** A page ordered by a key that groups its rows (a file's name: every file gives at least
one row) lies within the first ``offset + limit`` groups, so a query may first cut that *window* of
groups and compute the rows of those groups only, not of the whole store. A window clause is a
``LIMIT n``, or a number ``n`` closing an expression (``HAVING (?before < n)``), followed on its
line by the comment ``# window`` (``n``: the default limit plus the default offset);
:meth:`SavedQuery.paged_text` sets it to ``offset + limit`` (no limit: the ``LIMIT`` goes and a
bound becomes larger than any count). A window of the groups *before* each group, joined to count
the rows ahead of it (``# window (earlier)``), keeps one group when there is no limit: every group
is then kept, and the join of all groups with all groups before them took longer than the rows.
As a plain SPARQL file the query still answers its default page.
"""

from __future__ import annotations

import difflib
import os
import re
from dataclasses import dataclass, field
from importlib.resources import files
from pathlib import Path

from pyoxigraph import Literal, NamedNode, Variable

from kg.vocab import PREFIXES

QUERIES_ENV = "KG_QUERIES"

_XSD = PREFIXES["xsd"]
PARAM_TYPES = {
    "iri": lambda v: NamedNode(_check_iri(v)),
    "string": lambda v: Literal(v),
    "integer": lambda v: Literal(str(int(v)), datatype=NamedNode(_XSD + "integer")),
    "date": lambda v: Literal(_check_date(v), datatype=NamedNode(_XSD + "date")),
}

_PARAM_LINE = re.compile(
    r"^(?P<name>[A-Za-z_][A-Za-z0-9_]*)\s+(?P<type>\w+)"
    r"(?:\s+(?P<required>required)|\s+default=(?P<default>\S+))?"
    r"\s*(?:--\s*(?P<help>.*))?$"
)


class QueryError(Exception):
    """A saved query that cannot be found, parsed or bound; ``str(e)`` is a one-line message."""


#: The parameters that page a query instead of binding a variable.
PAGE_PARAMS = ("limit", "offset")

_PAGE_CLAUSE = re.compile(r"\bLIMIT\s+(?P<limit>\d+)\s+OFFSET\s+(?P<offset>\d+)\b", re.IGNORECASE)
#: A window clause: ``LIMIT n``, or a bound ``n)``, with the comment ``# window`` after it on its line
#: (see the module's text).
_WINDOW_CLAUSE = re.compile(
    r"(?P<keyword>\bLIMIT\s+)?(?P<limit>\d+)(?=\)?[ \t]*#[ \t]*window\b(?P<earlier>[ \t]*\(earlier\))?)", re.IGNORECASE
)
#: A window bound with no limit: larger than any count.
_NO_BOUND = 2**63 - 1
_IRI_REF = re.compile(r'<[^<>"{}|^`\\\s]*>')


def _code_only(text: str) -> str:
    """``text`` with comments, string literals and IRIs blanked (same length), so that a search for
    a clause finds only SPARQL keywords."""
    out = list(text)
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if c == "#":
            end = text.find("\n", i)
            end = n if end < 0 else end
        elif c in "\"'":
            quote = c * 3 if text.startswith(c * 3, i) else c
            end = i + len(quote)
            while end < n and not text.startswith(quote, end):
                end += 2 if text[end] == "\\" else 1
            end = min(end + len(quote), n)
        elif c == "<" and (match := _IRI_REF.match(text, i)):
            end = match.end()
        else:
            i += 1
            continue
        for j in range(i, end):
            if out[j] != "\n":
                out[j] = " "
        i = end
    return "".join(out)


def page_clause(text: str) -> re.Match | None:
    """The one ``LIMIT n OFFSET m`` clause of a paged query's text (None when there is none);
    QueryError when there are several (kg could not tell which one pages)."""
    found = list(_PAGE_CLAUSE.finditer(_code_only(text)))
    if len(found) > 1:
        raise QueryError(f"a paged query holds {len(found)} 'LIMIT n OFFSET m' clauses; it must hold exactly one")
    return found[0] if found else None


def window_clauses(text: str) -> list[re.Match]:
    """The ``LIMIT n  # window`` clauses of a paged query's text (outside strings and IRIs)."""
    code = _code_only(text)
    return [m for m in _WINDOW_CLAUSE.finditer(text) if code[m.start():m.end()] == m.group(0)]


@dataclass(frozen=True)
class Param:
    name: str
    type: str
    required: bool = False
    default: str | None = None
    help: str = ""

    def bind(self, value: str):
        try:
            return PARAM_TYPES[self.type](value)
        except (ValueError, TypeError) as error:
            raise QueryError(f"parameter {self.name}={value!r} is not a valid {self.type}: {error}") from None


@dataclass(frozen=True)
class SavedQuery:
    name: str
    path: str
    text: str
    title: str = ""
    description: str = ""
    params: tuple[Param, ...] = ()
    examples: tuple[str, ...] = field(default=())
    builtin: bool = True

    @property
    def paged(self) -> bool:
        """Whether the query pages: it declares ``limit`` and ``offset`` and holds their clause."""
        return {p.name for p in self.params if p.type == "integer"} >= set(PAGE_PARAMS)

    def page_defaults(self) -> tuple[int, int]:
        known = {p.name: p for p in self.params}
        return int(known["limit"].default or 0), int(known["offset"].default or 0)

    def paged_text(self, limit: int | None = None, offset: int | None = None) -> str:
        """The query text with its page set (None: the declared default; ``limit=0``: every row).

        A query that does not page is returned unchanged (``limit``/``offset`` must then be None).
        """
        if not self.paged:
            if limit is not None or offset is not None:
                raise QueryError(f"query {self.name!r} does not page; it declares no limit and offset parameters")
            return self.text
        default_limit, default_offset = self.page_defaults()
        limit = default_limit if limit is None else limit
        offset = default_offset if offset is None else offset
        if limit < 0 or offset < 0:
            raise QueryError(f"query {self.name!r}: limit and offset must be 0 or more, not {limit} and {offset}")
        clause = page_clause(self.text)
        assert clause is not None  # checked when the file was read
        cuts = [(clause.start(), clause.end(), f"LIMIT {limit} OFFSET {offset}" if limit else f"OFFSET {offset}")]
        # A window holds the groups of every row up to the page's end; with no limit, every group.
        for w in window_clauses(self.text):
            end = offset + limit if limit else None
            if w["keyword"]:  # with no limit every group is kept, so one earlier group is enough to join
                cuts.append((w.start(), w.end(), f"LIMIT {end}" if end else ("LIMIT 1" if w["earlier"] else "")))
            else:  # a bound in an expression (HAVING (?before < n)): no limit, no bound
                cuts.append((w.start(), w.end(), str(end or _NO_BOUND)))
        text = self.text
        for start, end, replacement in sorted(cuts, reverse=True):
            text = text[:start] + replacement + text[end:]
        return text

    def prepare(self, given: dict[str, str]) -> tuple[str, dict[Variable, object]]:
        """The text to run and its bindings for ``given`` (``limit``/``offset`` set the page)."""
        page = {}
        if self.paged:
            known = {p.name: p for p in self.params}
            for name in PAGE_PARAMS:
                if name in given:
                    page[name] = int(known[name].bind(given[name]).value)
        substitutions = self.substitutions(given)
        return self.paged_text(page.get("limit"), page.get("offset")), substitutions

    def substitutions(self, given: dict[str, str]) -> dict[Variable, object]:
        """Typed bindings for ``given`` plus defaults; one-line errors name the accepted parameters."""
        known = {p.name: p for p in self.params}
        accepted = ", ".join(f"{p.name} ({p.type}{', required' if p.required else ''})" for p in self.params) or "none"
        for name in given:
            if name not in known:
                raise QueryError(f"query {self.name!r} has no parameter {name!r}; accepted: {accepted}")
        bindings: dict[Variable, object] = {}
        for param in self.params:
            if self.paged and param.name in PAGE_PARAMS:
                continue  # they set the page (prepare), they bind no variable
            value = given.get(param.name, param.default)
            if value is None:
                if param.required:
                    raise QueryError(
                        f"query {self.name!r} needs --param {param.name}=VALUE; accepted: {accepted}"
                    )
                continue
            bindings[Variable(param.name)] = param.bind(value)
        return bindings


def _check_iri(value: str) -> str:
    if not re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*:[^\s<>\"{}|\\^`]*$", value):
        raise ValueError("expected an absolute IRI such as https://w3id.org/kamerstukken-kg/id/organisatie/uwv")
    return value


def _check_date(value: str) -> str:
    if not re.match(r"^\d{4}-\d{2}-\d{2}$", value):
        raise ValueError("expected YYYY-MM-DD")
    return value


def parse_query_file(name: str, text: str, path: str, *, builtin: bool = True) -> SavedQuery:
    """Read the ``# key: value`` header of a saved query."""
    title, description = "", ""
    params: list[Param] = []
    examples: list[str] = []
    for line in text.splitlines():
        stripped = line.strip()
        if not stripped:
            continue
        if not stripped.startswith("#"):
            break
        key, _, value = stripped.lstrip("#").strip().partition(":")
        key, value = key.strip().lower(), value.strip()
        if key == "title":
            title = value
        elif key == "description":
            description = value
        elif key == "example":
            examples.append(value)
        elif key == "param":
            match = _PARAM_LINE.match(value)
            if not match or match["type"] not in PARAM_TYPES:
                raise QueryError(
                    f"{path}: bad '# param:' line {value!r}; write 'NAME TYPE [required|default=VALUE] -- help' "
                    f"with TYPE one of {', '.join(PARAM_TYPES)}"
                )
            params.append(
                Param(match["name"], match["type"], bool(match["required"]), match["default"], (match["help"] or "").strip())
            )
    saved = SavedQuery(name, path, text, title, description, tuple(params), tuple(examples), builtin)
    if saved.paged:
        clause = page_clause(text)
        defaults = saved.page_defaults()
        if clause is None or (int(clause["limit"]), int(clause["offset"])) != defaults:
            raise QueryError(
                f"{path}: a query declaring limit and offset must hold one 'LIMIT {defaults[0]} OFFSET {defaults[1]}' "
                "clause (the declared defaults) where its page is cut"
            )
        for window in window_clauses(text):
            if int(window["limit"]) != sum(defaults):
                raise QueryError(f"{path}: a window clause must read 'LIMIT {sum(defaults)}  # window' (or bound {sum(defaults)}) "
                                 "(the default limit plus the default offset)")
    elif window_clauses(text):
        raise QueryError(f"{path}: a '# window' clause needs limit and offset parameters")
    return saved


def query_dirs(extra: list[str | os.PathLike] | None = None) -> list[tuple[Path | None, bool]]:
    """Where saved queries come from: kg's own, then ``$KG_QUERIES`` (os.pathsep-separated), then ``extra``."""
    dirs: list[tuple[Path | None, bool]] = [(None, True)]
    env = os.environ.get(QUERIES_ENV)
    user = [Path(p) for p in env.split(os.pathsep) if p] if env else []
    user += [Path(p) for p in extra or []]
    for folder in user:
        if not folder.is_dir():
            raise QueryError(f"query folder {folder} does not exist; check --queries or ${QUERIES_ENV}")
        dirs.append((folder, False))
    return dirs


def saved_queries(extra: list[str | os.PathLike] | None = None) -> dict[str, SavedQuery]:
    """Every saved query by name; a user's query with a built-in name overrides it."""
    found: dict[str, SavedQuery] = {}
    for folder, builtin in query_dirs(extra):
        entries = files("kg.queries").iterdir() if folder is None else folder.iterdir()
        for entry in sorted(entries, key=lambda e: e.name):
            if entry.name.endswith(".rq"):
                name = entry.name[: -len(".rq")]
                found[name] = parse_query_file(name, entry.read_text(encoding="utf-8"), str(entry), builtin=builtin)
    return found


def resolve_query(name_or_path: str, extra: list[str | os.PathLike] | None = None) -> SavedQuery:
    """A saved query by name, or a ``.rq`` file by path; unknown names get close suggestions."""
    path = Path(name_or_path)
    if name_or_path.endswith(".rq") or os.sep in name_or_path:
        if not path.is_file():
            raise QueryError(f"query file {name_or_path} not found")
        return parse_query_file(path.stem, path.read_text(encoding="utf-8"), str(path), builtin=False)
    queries = saved_queries(extra)
    if name_or_path in queries:
        return queries[name_or_path]
    close = difflib.get_close_matches(name_or_path, list(queries), n=3, cutoff=0.5)
    hint = f"did you mean {', '.join(close)}?" if close else "run 'kg queries' to list them"
    raise QueryError(f"no saved query named {name_or_path!r}; {hint}")
