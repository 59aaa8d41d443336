"""kg's exit codes: one per kind of failure, so scripts can tell them apart.

Every command that fails prints one line (``Error: what went wrong; what to do``) and exits with
one of these codes. The README's "When things go wrong" section lists them.
"""

from __future__ import annotations

#: The command did what it was asked.
OK = 0
#: The command ran but found problems it reports (``kg validate`` violations, ``kg check`` findings).
FINDINGS = 1
#: Bad usage: an unknown option, a malformed parameter, a bad base IRI (click uses 2 as well).
USAGE = 2
#: The store cannot be used: missing, locked by another process, damaged, or built under another base.
STORE = 3
#: The input gave nothing to build: no such path, no readable document, every file rejected.
NO_INPUT = 4
#: A query failed: malformed, an update given to a read-only command, or stopped by its time limit.
QUERY = 5
#: Writing the output failed (disk full, unwritable file).
OUTPUT = 6
#: Some documents were built but others could not be (each one was named in a warning).
PARTIAL = 7
#: The NLP pipeline could not be loaded (a --model that is not installed or not a spaCy pipeline).
MODEL = 8


def one_line(error: BaseException) -> str:
    """An exception as one short line for a message: its words, else its type's name."""
    text = " ".join(str(error).split()) or type(error).__name__
    return text if len(text) <= 200 else text[:199] + "…"
