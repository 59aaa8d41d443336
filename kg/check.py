"""``kg check``: is a store whole, and is kg's bookkeeping in it consistent?

A build writes each document graph in one transaction, so a document is never half there; what
an interrupted or failed build can leave is bookkeeping out of step: a marker saying a build never
finished, shared graphs (ontology, dataset description) missing or stale, or a default graph that
is no longer the merge of the named graphs, or a damaged record of where files were read. Damaged files (a truncated or corrupted block) show
when the data is read, so the check reads every quad.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from kg.store import LOG_BYTES, KGStore, StoreError, damaged_store_message, write_ahead_logs
from kg.vocab import KG, PREFIXES

#: A file in the store directory that exists while a build runs; left behind, the build was cut off.
BUILD_MARKER = "kg-build-in-progress"
_PROV = PREFIXES["prov"]


def mark_build_started(store: KGStore) -> None:
    """Mark ``store`` as being built, until :func:`mark_build_finished` (an in-memory store needs no mark)."""
    if store.path is not None:
        (store.path / BUILD_MARKER).write_text(f"kg build started by process {os.getpid()}\n", encoding="utf-8")


def mark_build_finished(store: KGStore) -> None:
    if store.path is not None:
        (store.path / BUILD_MARKER).unlink(missing_ok=True)


def interrupted_build(path: Path) -> bool:
    """True when a build in the store at ``path`` started and never finished."""
    return (Path(path) / BUILD_MARKER).exists()


def recovery_pending(path: Path) -> bool:
    """True when opening the store at ``path`` will replay a write-ahead log (after a kill), which can be slow."""
    try:  # another process may rotate its logs meanwhile
        return interrupted_build(path) or any(size > LOG_BYTES for size in write_ahead_logs(path))
    except OSError:
        return False


def store_bases(store: KGStore) -> list[str]:
    """The base IRIs the store's shared graphs were built under (normally one; none for a new store)."""
    suffixes = ("graph/ontology", "graph/dataset", "graph/totals")
    bases = set()
    for graph in store.store.named_graphs():
        for suffix in suffixes:
            if graph.value.endswith(suffix):
                bases.add(graph.value[: -len(suffix)])
    return sorted(bases)


@dataclass
class CheckReport:
    """What ``kg check`` found; ``consistent`` when ``findings`` is empty."""

    store: str
    documents: int = 0
    quads: int = 0
    bases: list[str] = field(default_factory=list)
    findings: list[str] = field(default_factory=list)

    @property
    def consistent(self) -> bool:
        return not self.findings

    def text(self) -> str:
        head = (f"{self.store}: consistent" if self.consistent else f"{self.store}: {len(self.findings)} problem(s)")
        lines = [f"{head} ({self.documents} document graph(s), {self.quads} quads, base {', '.join(self.bases) or 'none'})"]
        lines.extend(f"  - {finding}" for finding in self.findings)
        if not self.consistent:
            lines.append("  To recover: rebuild from the sources (kg build SOURCES --force, or into a fresh --store DIR);"
                         " see README 'When things go wrong'")
        return "\n".join(lines) + "\n"


def check_store(store: KGStore) -> CheckReport:
    """Read every quad of ``store`` and check kg's bookkeeping; never raises for a damaged store."""
    report = CheckReport(str(store.path) if store.path is not None else "(in memory)")
    if store.path is not None and interrupted_build(store.path):
        report.findings.append("a build was interrupted (killed or stopped) before it finished; "
                               "run the same 'kg build' again to complete it")
    try:
        report.quads = sum(1 for _ in store.store)  # reads every block of the main index
        _check_bookkeeping(store, report)
    except (OSError, RuntimeError) as error:
        report.findings.append(damaged_store_message(store.path, error))
    return report


def _check_bookkeeping(store: KGStore, report: CheckReport) -> None:
    graphs = [g.value for g in store.store.named_graphs()]
    ontologies = [g for g in graphs if g.endswith("graph/ontology")]
    datasets = [g for g in graphs if g.endswith("graph/dataset")]
    report.bases = store_bases(store)
    if len(report.bases) > 1:
        report.findings.append(f"graphs under {len(report.bases)} base IRIs ({', '.join(report.bases)}); "
                               "rebuild everything under one with 'kg build --force --base-uri IRI'")
    totals = [g for g in graphs if g.endswith("graph/totals")]
    documents = [g for g in graphs if not g.endswith(("graph/ontology", "graph/dataset", "graph/totals"))]
    report.documents = len(documents)
    if documents and not ontologies:
        report.findings.append("the ontology graph is missing")
    if documents and not datasets:
        report.findings.append("the dataset description graph is missing")
    if documents and not totals:
        report.findings.append("the store-wide totals graph is missing (a store built before kg wrote it): "
                               "run 'kg build' again on the same sources to write it")
    incomplete = _incomplete_documents(store, documents)
    if incomplete:
        report.findings.append(f"{len(incomplete)} document graph(s) without a finished build activity and source file: "
                               f"{', '.join(incomplete[:3])}{' …' if len(incomplete) > 3 else ''}")
    undescribed = _undescribed_builds(store, report.bases)
    if undescribed:
        report.findings.append(f"the dataset description is out of date: it does not list {undescribed} document build(s)")
    try:
        store.file_record()
    except StoreError as error:
        report.findings.append(str(error))
    missing_from_merge, only_in_default = _merge_differences(store)
    if missing_from_merge or only_in_default:
        report.findings.append(f"the default graph is not the merge of the named graphs ({missing_from_merge} triple(s) "
                               f"missing from it, {only_in_default} held by no named graph)")


def _incomplete_documents(store: KGStore, documents: list[str]) -> list[str]:
    complete = {
        row["g"].value
        for row in store.query(
            f"""SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{
                  ?g <{_PROV}wasGeneratedBy> ?a ; <{KG}sourceFile> ?file .
                  ?a a <{_PROV}Activity> ; <{_PROV}endedAtTime> ?end }} }}"""
        )
    }
    return sorted(g for g in documents if g not in complete)


def _undescribed_builds(store: KGStore, bases: list[str]) -> int:
    """Document build activities the dataset description does not list (it was written before them)."""
    if not bases:
        return 0
    described = " ".join(f"<{base}graph/dataset>" for base in bases)
    for row in store.query(
        f"""SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE {{
              GRAPH ?g {{ ?g <{_PROV}wasGeneratedBy> ?a }}
              FILTER NOT EXISTS {{ VALUES ?dg {{ {described} }} GRAPH ?dg {{ ?d <{_PROV}wasGeneratedBy> ?a }} }} }}"""
    ):
        return int(row["n"].value)
    return 0


def _merge_differences(store: KGStore) -> tuple[int, int]:
    """(named-graph triples missing from the default graph, default-graph triples in no named graph)."""

    def count(where: str) -> int:
        return int(next(iter(store.query(f"SELECT (COUNT(*) AS ?n) WHERE {{ {where} }}")))["n"].value)

    missing = count("SELECT DISTINCT ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } FILTER NOT EXISTS { ?s ?p ?o } }")
    extra = count("?s ?p ?o FILTER NOT EXISTS { GRAPH ?g { ?s ?p ?o } }")
    return missing, extra
