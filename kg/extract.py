"""Extraction: read documents in, one document graph per document out, in this process or elsewhere.

:class:`Extractor` runs kg's spaCy pipeline document by document (``kg.pipeline.run_pipeline``
cuts over-long texts into pieces; ``nlp.pipe`` would gain nothing, kg's components being plain
functions, and would let one failing document stop a batch). What it returns,
:class:`ExtractedDocument`, pickles as N-Quads bytes, so the same results travel from worker
processes and Dask workers to the one process that writes the store.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable, Iterator

from pyoxigraph import NamedNode, Quad, RdfFormat, parse, serialize

from kg.vocab import Minter


@dataclass
class ExtractedDocument:
    """One document's graph and its quads, plus counts for the build summary.

    ``error`` is set (one line) instead when extraction failed: one document never stops a build.
    """

    path: str
    name: str
    graph: NamedNode | None = None
    quads: list[Quad] = field(default_factory=list)
    tokens: int = 0
    entities: dict[str, int] = field(default_factory=dict)
    error: str | None = None

    def __getstate__(self) -> dict:
        # pyoxigraph terms do not pickle; N-Quads is compact and parses at Rust speed.
        state = dict(self.__dict__)
        state["graph"] = self.graph.value if self.graph is not None else None
        state["quads"] = serialize(self.quads, format=RdfFormat.N_QUADS)
        return state

    def __setstate__(self, state: dict) -> None:
        self.__dict__.update(state)
        self.graph = NamedNode(state["graph"]) if state["graph"] is not None else None
        self.quads = list(parse(state["quads"], format=RdfFormat.N_QUADS))


class Extractor:
    """kg's pipeline loaded once, turning read documents into :class:`ExtractedDocument` s."""

    def __init__(self, model: str | None, base: str) -> None:
        from kg.pipeline import load_pipeline

        self.nlp, self.info = load_pipeline(model)
        self.minter = Minter(base)

    def extract(self, documents: Iterable) -> Iterator[ExtractedDocument]:
        """Extract each ``kg.readers`` document, in the order given, reading ``documents`` lazily."""
        for document in documents:
            yield self.extract_one(document)

    def extract_one(self, document) -> ExtractedDocument:
        from kg.build import _one_line, build_time
        from kg.pipeline import run_pipeline
        from kg.rdf import document_quads

        source, cleaned = document.source, document.cleaned
        try:
            started = build_time()
            doc = run_pipeline(self.nlp, cleaned.text, footers=cleaned.footers, reader_facts=document.facts)
            result = document_quads(source, cleaned, doc, self.info, self.minter, started, build_time())
        except Exception as error:  # noqa: BLE001 - one document must never stop a build
            return ExtractedDocument(str(source.path), source.name, error=_one_line(error))
        return ExtractedDocument(str(source.path), source.name, result.graph, result.quads, len(doc), result.entities)
