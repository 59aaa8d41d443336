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
from spacy.util import compile_infix_regex, compile_suffix_regex, registry

KG_INFIXES = (
    rf"(?<=[{ALPHA_UPPER}]{{2}})-(?=[{ALPHA_LOWER}])",  # acronym-headed compounds: IPS-trajecten, SZW-begroting
    rf"(?<=[{ALPHA_LOWER}])-(?=[{ALPHA_UPPER}])",  # a name after a hyphen: motie-Hamer, motie-Öztürk
    rf"(?<=[{ALPHA}])/(?=[{ALPHA_UPPER}])",  # names joined by a slash: Azmani/Dijkgraaf, Jansen/Şahin
    rf"(?<=[{ALPHA_LOWER}][{ALPHA_UPPER}])-(?=[{ALPHA_LOWER}])",  # a name ending in a capital: PvdA-fractie
)
#: A full stop after a name ending in a capital ends the sentence: ``PvdA.`` (initials are ``J.A.``).
KG_SUFFIXES = (rf"(?<=[{ALPHA_LOWER}][{ALPHA_UPPER}])\.",)


def kg_special_cases(rules: dict) -> dict:
    """``rules`` without the capitalised abbreviations of one word and a full stop (``WW.``,
    ``BW.``, ``AFD.``): spaCy writes every Dutch abbreviation in capitals too (``ww.``, werkwoord,
    becomes ``WW.``), and in Kamerstukken those are acronyms ending a sentence (``recht op WW.``),
    whose stop must come off for the acronym to be seen. Dotted ones (``B.V.``) stay."""
    return {k: v for k, v in rules.items() if not (len(k) > 2 and k[-1] == "." and k[:-1].isalpha() and k[:-1].isupper())}


def _affix_rules(nlp: Language) -> tuple:
    """``nlp``'s language defaults' suffix search and infix finditer with kg's rules added."""
    infixes = list(nlp.Defaults.infixes or []) + list(KG_INFIXES)
    suffixes = list(nlp.Defaults.suffixes or []) + list(KG_SUFFIXES)
    return compile_suffix_regex(suffixes).search, compile_infix_regex(infixes).finditer


def customize_tokenizer(nlp: Language) -> None:
    """Add kg's infix and suffix rules to ``nlp``'s tokenizer and drop the special cases
    :func:`kg_special_cases` leaves out (in place).

    Setting a tokenizer's affix rules reloads all its special cases (some 14 000 for Dutch, about
    0.4 s each time), so they are emptied while the rules change and loaded once afterwards.
    """
    tokenizer = nlp.tokenizer
    rules = tokenizer.rules
    tokenizer.rules = {}
    tokenizer.suffix_search, tokenizer.infix_finditer = _affix_rules(nlp)
    tokenizer.rules = kg_special_cases(rules)


def kg_tokenizer(nlp: Language):
    """A tokenizer for ``nlp`` (a blank pipeline) with the language's defaults and kg's rules,
    made in one step: :func:`customize_tokenizer` on the default tokenizer gives the same one, but
    the default tokenizer has loaded its special cases once before. See :func:`blank_pipeline`."""
    from spacy.tokenizer import Tokenizer
    from spacy.util import compile_prefix_regex

    defaults = nlp.Defaults
    suffix_search, infix_finditer = _affix_rules(nlp)
    return Tokenizer(
        nlp.vocab,
        rules=kg_special_cases(defaults.tokenizer_exceptions),
        prefix_search=compile_prefix_regex(defaults.prefixes).search if defaults.prefixes else None,
        suffix_search=suffix_search,
        infix_finditer=infix_finditer,
        token_match=defaults.token_match,
        url_match=defaults.url_match,
    )


@registry.tokenizers("kg.Tokenizer.v1")
def _kg_tokenizer_factory():
    return kg_tokenizer


def blank_pipeline(lang: str = "nl") -> Language:
    """``spacy.blank(lang)`` with :func:`kg_tokenizer` as its tokenizer: its special cases are
    loaded once (the default tokenizer, then customized, loaded them three times: 1.2 s of the
    pipeline's start-up in every build and worker process)."""
    import spacy

    return spacy.blank(lang, config={"nlp": {"tokenizer": {"@tokenizers": "kg.Tokenizer.v1"}}})
