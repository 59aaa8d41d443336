"""Saved SPARQL queries: ``.rq`` files with a comment header, run with safely bound parameters.

A saved query is plain SPARQL 1.1 (the same file an HTTP endpoint or another store can run); its
leading ``#`` comment lines carry the metadata kg shows and checks::

    # title: Mentions of an entity
    # description: Every mention of one entity, with its sentence and document.
    # param: entity iri required -- the entity IRI (see `kg query entities`)
    # param: limit integer default=100 -- at most this many rows
    # example: kg query mentions-of --param entity=https://w3id.org/kamerstukken-kg/id/organisatie/uwv

Parameters are bound with pyoxigraph's ``substitutions`` (the variable ``?entity`` is replaced by
a typed term), never pasted into the query text.
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

    def substitutions(self, given: dict[str, str]) -> dict[Variable, object]:
        """Typed bindings for ``given`` plus defaults; one-line errors name the accepted parameters."""
        known = {p.name: p for p in self.params}
        accepted = ", ".join(f"{p.name} ({p.type}{', required' if p.required else ''})" for p in self.params) or "none"
        for name in given:
            if name not in known:
                raise QueryError(f"query {self.name!r} has no parameter {name!r}; accepted: {accepted}")
        bindings: dict[Variable, object] = {}
        for param in self.params:
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
    return SavedQuery(name, path, text, title, description, tuple(params), tuple(examples), builtin)


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
