"""How a kg server (or a published static site) presents the graph: base IRI, public address and limits."""

from __future__ import annotations

from dataclasses import dataclass

from kg.vocab import check_base

#: Dump files offered at /dumps/ (and written by ``kg publish``): file name -> kg export format.
DUMPS = {"kg.nq": "nquads", "kg.trig": "trig", "kg.ttl": "turtle", "kg.nt": "ntriples"}


@dataclass(frozen=True)
class ServeConfig:
    """``base_uri`` is the IRI space of the store (None: read it from the store's VoID ``void:uriSpace``).

    ``public_url`` is where clients reach the server, used for the SPARQL endpoint and dump links
    in the VoID; it defaults to ``base_uri`` (a w3id.org base redirects every path to the server).
    """

    base_uri: str | None = None
    public_url: str | None = None
    timeout: float = 5.0
    max_rows: int = 10_000
    workers: int = 2
    query_dirs: tuple[str, ...] = ()

    def public(self, base: str) -> str:
        return check_base(self.public_url or base)
