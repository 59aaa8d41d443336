"""kg: a knowledge graph of Dutch parliamentary documents (Kamerstukken), queried with SPARQL."""

from pathlib import Path as _Path

__version__ = "0.1.0"

# The checkout's kg/ folder is only part of the package: kg.extractors, kg.ontology and kg.queries are
# installed from extractors/, ontology/ and queries/. Python started in the repository root imports
# the folder instead of the installed kg and fails later with "No module named 'kg.extractors'".
_here = _Path(__file__).resolve().parent
if not (_here / "extractors").exists() and (_here.parent / "extractors" / "__init__.py").exists():
    raise ImportError(
        f"Python imported kg from the source folder {_here} instead of the installed package; "
        "run it with -P (python -P, Python 3.11+) or from another directory"
    )
