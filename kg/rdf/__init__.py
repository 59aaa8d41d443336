"""Turn one processed document (source text, cleaned text, annotated ``Doc``) into RDF quads.

This package is the only code that knows kg's RDF model (see ``ontology/README.md``); the
extractors only write spans and attributes on the ``Doc`` (see ``kg.extractors.base``). One module
per concern: the work and its item (:mod:`.work`), NIF text and mentions (:mod:`.nif`), persons and
posts (:mod:`.persons`), motions (:mod:`.motions`), questions and answers (:mod:`.questions`),
actor-instrument associations (:mod:`.associations`); :func:`document_quads` is the one entry point.
"""

from kg.rdf.document import DocumentResult, document_quads
from kg.rdf.ontology import ontology_quads

__all__ = ["DocumentResult", "document_quads", "ontology_quads"]
