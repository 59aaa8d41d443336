"""Tokenizer adjustments for Kamerstukken, applied to the blank and the model pipeline alike.

spaCy's Dutch tokenizer keeps hyphenated and slashed compounds whole. In Kamerstukken these glue
names onto other words: ``motie-Hamer``, ``motie-Azmani/Dijkgraaf``, ``IPS-trajecten``,
``UWV-kantoren``, ``SZW-begroting``. Splitting them lets the gazetteer and the person rules see the
names, while ordinary compounds (``re-integratie``, ``en/of``, ``2019/20``) stay whole. Names with
an inner capital (``PvdA``) are split off what follows them too (``GroenLinks-PvdA-fractie``,
``van GroenLinks-PvdA.``), so the longest name matches, not the part before the hyphen.
"""

from __future__ import annotations

from spacy.lang.char_classes import ALPHA, ALPHA_LOWER, ALPHA_UPPER
from spacy.language import Language
from spacy.util import compile_infix_regex, compile_suffix_regex

KG_INFIXES = (
    rf"(?<=[{ALPHA_UPPER}]{{2}})-(?=[{ALPHA_LOWER}])",  # acronym-headed compounds: IPS-trajecten, SZW-begroting
    rf"(?<=[{ALPHA_LOWER}])-(?=[{ALPHA_UPPER}])",  # a name after a hyphen: motie-Hamer, motie-Öztürk
    rf"(?<=[{ALPHA}])/(?=[{ALPHA_UPPER}])",  # names joined by a slash: Azmani/Dijkgraaf, Jansen/Şahin
    rf"(?<=[{ALPHA_LOWER}][{ALPHA_UPPER}])-(?=[{ALPHA_LOWER}])",  # a name ending in a capital: PvdA-fractie
)
#: A full stop after a name ending in a capital ends the sentence: ``PvdA.`` (initials are ``J.A.``).
KG_SUFFIXES = (rf"(?<=[{ALPHA_LOWER}][{ALPHA_UPPER}])\.",)


def customize_tokenizer(nlp: Language) -> None:
    """Add kg's infix and suffix rules to ``nlp``'s tokenizer (in place)."""
    infixes = list(nlp.Defaults.infixes or []) + list(KG_INFIXES)
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
    suffixes = list(nlp.Defaults.suffixes or []) + list(KG_SUFFIXES)
    nlp.tokenizer.suffix_search = compile_suffix_regex(suffixes).search
