"""Pattern and gazetteer data for the extractors (data files, not code)."""
