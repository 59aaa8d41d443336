"""Saved SPARQL queries shipped with kg."""
