"""kg: a knowledge graph of Dutch parliamentary documents (Kamerstukken), queried with SPARQL."""

__version__ = "0.1.0"
