"""Turn one processed document (source text, cleaned text, annotated ``Doc``) into RDF quads.

This package is the only code that knows kg's RDF model (see ``ontology/README.md``); the
extractors only write spans and attributes on the ``Doc`` (see ``kg.extractors.base``). One module
per concern: the work and its item (:mod:`.work`), NIF text and mentions (:mod:`.nif`), persons and
posts (:mod:`.persons`), motions (:mod:`.motions`), questions and answers (:mod:`.questions`),
actor-instrument associations (:mod:`.associations`); :func:`document_quads` is the one entry point.
"""


__all__ = ["DocumentResult", "document_quads", "ontology_quads"]


def __getattr__(name: str):
    # Imported on first use: the document writer needs spaCy (through kg.extractors.base), the
    # ontology graph does not, and a no-change rebuild writes the ontology graph without
    # extracting anything, so it need not import spaCy.
    if name in ("DocumentResult", "document_quads"):
        from kg.rdf import document

        return getattr(document, name)
    if name == "ontology_quads":
        from kg.rdf.ontology import ontology_quads

        return ontology_quads
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
