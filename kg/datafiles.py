"""kg's JSON data files (patterns, vocabularies, reader rules), shipped inside the package."""

from __future__ import annotations

import json
from importlib.resources import files
from typing import Any


def load_json(package: str, name: str) -> Any:
    """The data file ``name`` of ``package`` (``kg.extractors.data``, ``kg.readers.data``), parsed.

    Callers cache what they build from it; this reads the file each time so no caller can change
    another's copy.
    """
    return json.loads(files(package).joinpath(name).read_text(encoding="utf-8"))
