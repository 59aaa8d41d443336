"""The ontology, SKOS concept schemes (the gazetteers' source of truth) and SHACL shapes."""
