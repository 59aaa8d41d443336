"""``kg info``: what kg is, which NLP mode it can run, and what the store holds."""

from __future__ import annotations

import platform
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from kg import __version__
from kg.check import interrupted_build
from kg.store import KGStore, StoreError
from kg.vocab import KG, PREFIXES


def _version(package: str) -> str | None:
    try:
        return version(package)
    except PackageNotFoundError:
        return None


def gather_info(store_path: Path) -> dict:
    """Versions, model availability, and per-graph / per-class counts of the store (if any)."""
    model = _version("nl_core_news_sm") or _version("nl-core-news-sm")
    data: dict = {
        "kg": __version__,
        "python": platform.python_version(),
        "spacy": _version("spacy"),
        "pyoxigraph": _version("pyoxigraph"),
        "rdflib": _version("rdflib"),
        "nl_core_news_sm": model,
        "nlp_mode_available": f"model (nl_core_news_sm {model})" if model else "rules-only (nl_core_news_sm not installed)",
        "store": str(store_path),
    }
    try:
        store = KGStore.open(store_path, read_only=True)
    except StoreError as error:
        data["store_error"] = str(error)
        return data
    data["interrupted_build"] = interrupted_build(store_path)
    data["triples"] = store.triple_count()
    data["graphs"] = [{"graph": g.graph, "source": g.source, "triples": g.triples} for g in store.graphs()]
    data["classes"] = [
        {"class": row["class"].value, "instances": int(row["n"].value)}
        for row in store.query(
            "SELECT ?class (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s a ?class } GROUP BY ?class ORDER BY DESC(?n) ?class"
        )
    ]
    data["builds"] = sorted(
        {
            f"{row['mode'].value} ({row['model'].value})"
            for row in store.query(f"SELECT DISTINCT ?mode ?model WHERE {{ ?a <{KG}nlpMode> ?mode ; <{KG}nlpModel> ?model }}")
        }
    )
    return data


def _short(iri: str) -> str:
    for prefix, namespace in PREFIXES.items():
        if iri.startswith(namespace):
            return f"{prefix}:{iri[len(namespace):]}"
    return iri


def format_info(data: dict) -> str:
    from kg.output import format_table

    lines = [
        f"kg {data['kg']} (Python {data['python']}, spaCy {data['spacy']}, pyoxigraph {data['pyoxigraph']}, rdflib {data['rdflib']})",
        f"NLP mode for new builds: {data['nlp_mode_available']}",
        f"Store: {data['store']}",
    ]
    if "store_error" in data:
        lines.append(f"  {data['store_error']}")
        return "\n".join(lines) + "\n"
    if data["interrupted_build"]:
        lines.append("  INTERRUPTED: a build of this store never finished; run it again to complete it ('kg check' says more)")
    lines.append(f"  {data['triples']} distinct triples (the default graph merges {len(data['graphs'])} named graphs); built with: {', '.join(data['builds']) or 'nothing yet'}")
    lines.append("")
    lines.append(format_table(["graph", "source", "triples"], [[g["graph"], g["source"] or "", str(g["triples"])] for g in data["graphs"]]))
    lines.append(format_table(["class", "instances"], [[_short(c["class"]), str(c["instances"])] for c in data["classes"]]))
    return "\n".join(lines)
