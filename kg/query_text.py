"""What a SPARQL text asks for, read before it runs: outbound SERVICE calls, or an update.

pyoxigraph offers no parse tree to Python and no switch for federated queries, so these checks
read the text itself, after blanking what cannot hold a keyword: string literals, IRIs and
comments. ``?service`` or ``"SERVICE"`` inside a string never counts.
"""

from __future__ import annotations

import re

_NOT_KEYWORDS = re.compile(
    r'"""(?:[^"\\]|\\.|"(?!""))*"""'  # long strings
    r"|'''(?:[^'\\]|\\.|'(?!''))*'''"
    r'|"(?:[^"\\\n]|\\.)*"'  # short strings
    r"|'(?:[^'\\\n]|\\.)*'"
    r"|<[^<>\"{}|^`\\\s]*>"  # IRIs
    r"|#[^\n]*",  # comments
    re.S,
)
_SERVICE = re.compile(r"(?<![?$\w:])SERVICE\s+(?:SILENT\s+)?(?:<>|[?$]\w|[A-Za-z_][\w.-]*:|:)", re.I)
_PROLOGUE = re.compile(r"\s*(?:(?:PREFIX\s+[\w.-]*:\s*<>|BASE\s+<>)\s*)*", re.I)
_UPDATE_START = re.compile(r"(?:INSERT|DELETE|LOAD|CLEAR|CREATE|DROP|COPY|MOVE|ADD|WITH)\b", re.I)


def _keywords_only(sparql: str) -> str:
    """``sparql`` with strings and comments removed and IRIs emptied to ``<>``."""
    return _NOT_KEYWORDS.sub(lambda m: "<>" if m.group(0).startswith("<") else " ", sparql)


def uses_service(sparql: str) -> bool:
    """True when the query has a ``SERVICE`` clause (a call to another SPARQL endpoint)."""
    return bool(_SERVICE.search(_keywords_only(sparql)))


def is_update(sparql: str) -> bool:
    """True when the text is a SPARQL Update (INSERT, DELETE, LOAD, DROP, ...) rather than a query."""
    text = _keywords_only(sparql)
    return bool(_UPDATE_START.match(text, _PROLOGUE.match(text).end()))
