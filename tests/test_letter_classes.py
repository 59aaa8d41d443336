"""kg's compact letter classes hold exactly spaCy's letters, with and without IGNORECASE."""

from __future__ import annotations

import re

import pytest
from spacy.lang.char_classes import ALPHA_LOWER, ALPHA_UPPER

from kg.extractors import names


@pytest.mark.parametrize("ours, spacys", [(names.UPPER, ALPHA_UPPER), (names.LOWER, ALPHA_LOWER)])
@pytest.mark.parametrize("flags", [0, re.IGNORECASE])
def test_compact_class_matches_the_same_characters(ours, spacys, flags):
    assert len(ours) < len(spacys) / 3
    found = re.findall(f"[{ours}]", names.EVERY_CHARACTER, flags)
    assert found == re.findall(f"[{spacys}]", names.EVERY_CHARACTER, flags) and len(found) > 100_000
