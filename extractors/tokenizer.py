"""Tokenizer adjustments for Kamerstukken, applied to the blank and the model pipeline alike.

spaCy's Dutch tokenizer keeps hyphenated and slashed compounds whole. In Kamerstukken these glue
names onto other words: ``motie-Hamer``, ``motie-Azmani/Dijkgraaf``, ``IPS-trajecten``,
``UWV-kantoren``, ``SZW-begroting``. Splitting them lets the gazetteer and the person rules see the
names, while ordinary compounds (``re-integratie``, ``en/of``, ``2019/20``) stay whole.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.util import compile_infix_regex

KG_INFIXES = (
    r"(?<=[A-Z]{2})-(?=[a-z])",  # acronym-headed compounds: IPS-trajecten, SZW-begroting
    r"(?<=[a-z])-(?=[A-Z])",  # a name after a hyphen: motie-Hamer, niet-Nederlandse
    r"(?<=[A-Za-z])/(?=[A-Z])",  # names joined by a slash: Azmani/Dijkgraaf
)


def customize_tokenizer(nlp: Language) -> None:
    """Add kg's infix rules to ``nlp``'s tokenizer (in place)."""
    infixes = list(nlp.Defaults.infixes or []) + list(KG_INFIXES)
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
