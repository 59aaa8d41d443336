"""kg's extractors: small spaCy components, one job each (see ``base`` for the contract)."""
