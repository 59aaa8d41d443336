"""Persons: ministers, state secretaries, Kamerleden, committee officials, debate speakers.

Names in Kamerstukken almost always come with a cue: a role word (``Minister Koolmees``), a
member phrase (``het lid De Kort (VVD)``), a form of address (``mevrouw Terpstra-de Groot``), a
motion named after its submitters (``motie-Van Hijum c.s.``), a speaker label (``De heer X
(PvdA):``) or a signature block (``De Minister van ...,`` above ``J. P. H. Donner``). A bare
capitalised word is not enough, so only cued names are taken; a surname already introduced with a
cue is then also recognised on its own later in the text.

The span covers the name only (initials and tussenvoegsels included, titles excluded); role,
ministry, party and the signatory/speaker flags go into ``span._.kg``. Parties and ministries come
from the gazetteer's spans, never from a list of our own.
"""

from __future__ import annotations

import regex as re  # the regex module: names.py's \p{Lu}/\p{Ll} letter classes
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from spacy.attrs import LOWER
from spacy.language import Language
from spacy.tokens import Doc, Span

from kg.datafiles import load_json
from kg.extractors import names as nameparts
from kg.extractors.base import add_mention, mentions, reader_facts, text_of
from kg.extractors.vocabulary import local_offices, municipality_names
from kg.vocab import slug

_UP = nameparts.UPPER
_WS = r"(?:[ \t]+\n?|\n)[ \t]*"  # one whitespace run, at most one line break
_OTHER_CATEGORIES = ("organisation", "party", "instrument", "law")


def _reference_words() -> list[str]:
    """The words that open a Kamerstuk or Handelingen citation (``Kamerstuk 34 352, nr. 274``): a
    document word, never a name ('motie-Bikker/Palland, Kamerstuk …')."""
    data = load_json("kg.extractors.data", "kamerstuk.json")
    phrases = [*data["kamerstuk_words"], *data["handelingen_words"], *data["aanhangsel_words"]]
    return sorted({phrase.split()[0] for phrase in phrases})


@lru_cache(maxsize=1)
def _data() -> dict[str, Any]:
    return load_json("kg.extractors.data", "persons.json")


def _entries(table: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in table.items() if not k.startswith("_")}


def _alternation(words, first_case: str = "any") -> str:
    """Regex alternation of ``words``, longest first; ``first_case`` sets the first letter's case."""
    parts = []
    for word in sorted(set(words), key=len, reverse=True):
        head, tail = word[0], re.escape(word[1:]).replace(r"\ ", " ").replace(" ", _WS)
        if first_case == "any" and head.isalpha():
            head = f"[{head.upper()}{head.lower()}]"
        elif first_case == "upper":
            head = re.escape(head.upper())
        else:
            head = re.escape(head.lower())
        parts.append(head + tail)
    return "|".join(parts)


class _CueFirst:
    """A pattern whose every match starts with a match of ``cue`` (its leading lookbehind and cue
    words alone), searched only where the cue is: :meth:`finditer` gives what
    ``pattern.finditer`` gives.

    The cue is found at every position it matches (``overlapped``), so no start of a match of the
    whole pattern is missed; each is tried left to right with ``pattern.match``, which finds at a
    position what a search finds there, and the next try starts after the match, as a search
    goes on. The regex module tried the whole pattern at every character of the text: these three
    searches were a third of the person finder's time.
    """

    __slots__ = ("pattern", "cue")

    def __init__(self, pattern: str, cue: str) -> None:
        self.pattern, self.cue = re.compile(pattern), re.compile(cue)

    def finditer(self, text: str):
        end = 0
        for found in self.cue.finditer(text, overlapped=True):
            start = found.start()
            if start < end:
                continue
            match = self.pattern.match(text, start)
            if match is not None:
                end = match.end()  # never empty: it holds its cue
                yield match


@dataclass(frozen=True)
class _Patterns:
    tussenvoegsels: frozenset[str]
    not_names: frozenset[str]
    titles: frozenset[str]
    place_words: frozenset[str]
    roles: dict[str, str | None]
    signature_roles: dict[str, str]
    role_cue: _CueFirst
    member_cue: re.Pattern
    title_cue: _CueFirst
    title_lookback: re.Pattern
    motion_hyphen: re.Pattern
    amendment_header: re.Pattern
    appositive: _CueFirst
    function_before: _CueFirst
    function_after: re.Pattern
    function_below: re.Pattern
    amendment_names_end: re.Pattern
    header_chars: int
    motion_van: re.Pattern
    signature: re.Pattern
    signature_below: re.Pattern
    label: re.Pattern
    attendance: re.Pattern
    listed_name: re.Pattern
    listed_role: re.Pattern
    list_separator: re.Pattern
    list_tail: re.Pattern
    given_name: re.Pattern
    before_paren: re.Pattern
    listed_surname_before_paren: re.Pattern
    member_fractie: re.Pattern
    inverted_before_paren: re.Pattern
    full_name: re.Pattern
    paren: re.Pattern
    fraction: re.Pattern
    speaker_colon: re.Pattern
    #: a local office right before a name ('Wethouder ', 'de burgemeester ')
    local_office: re.Pattern


@lru_cache(maxsize=1)
def _patterns() -> _Patterns:
    data = _data()
    tvs = nameparts.tussenvoegsels()
    tv_any, tv_up, tv_low = (_alternation(tvs, case) for case in ("any", "upper", "lower"))
    cap = nameparts.CAPITALISED
    core = rf"{cap}(?:-(?:(?:{tv_low}){_WS})?{cap})*"  # justified PDF text: 'Blanksma-van  den  Heuvel'
    initials = rf"(?:(?:{nameparts.DIGRAPH_INITIALS}|[{_UP}])\.[ \t]?){{1,6}}"
    end = r"(?![\w’'-])"
    # the Tweede Kamer's own form: 'A. (Aukje) de Vries', initials and then the first name in parentheses
    given_in_parens = rf"(?:\({cap}\)[ \t]+)?"
    initials_joined = rf"(?:(?:{nameparts.DIGRAPH_INITIALS}|[{_UP}])\.)+"
    # a PDF line may wrap between the initials and the surname ('mevrouw H.\nMaréchal-Köhler')
    after_initials = r"[ \t]*(?:\n[ \t]*)?"

    def name(first_tv: str, given_gap: str = r"[ \t]+") -> str:
        return (
            rf"(?:{initials}{after_initials}{given_in_parens}(?:(?:{tv_any}){_WS})?{core}"
            rf"|{cap}{given_gap}(?:(?:{tv_low}){_WS})?{core}"
            rf"|{cap}-{cap}{given_gap}{core}"  # 'Anne-Marie Ğünay-Hoekstra'; not 'Bektaşoğlu-Verhoef van Volt'
            rf"|(?:(?:{first_tv}){_WS})?{core}){end}"
        )

    strict, loose = name(tv_up), name(tv_any)
    # inside a comma-separated list a line may wrap between a first name and its surname ('Jimmy\nDijk')
    listed = name(tv_any, _WS)
    roles = _entries(data["roles"])
    members = [w for w in roles if w.split()[-1] in data["bare_member_words"]["words"]]
    role_words = [w for w in roles if w not in members]
    titles = data["titles"]["words"]
    title_alt = f"(?i:{_alternation(titles)})"
    titles_opt = rf"(?:{_WS}(?:{title_alt}))*"
    motion = data["motion_prefixes"]
    sig_roles = _entries(data["signature_roles"])
    sig_alt = f"(?i:{_alternation(sig_roles)})"  # 'De Vice-President van de Raad van State,'
    qualifiers = rf"(?:(?i:{_alternation(data['signature_qualifiers']['words'])})[ \t]+)?"
    titled = rf"(?:(?:{title_alt})[ \t]+)*"
    attendance = data["attendance"]
    start = r"(?<![\w-])"
    role_alt = _alternation(role_words)
    appositive_alt = _alternation([*(r for r in roles if roles[r]), *data["appositive_roles"]["words"]])
    function_alt = _alternation(data["appositive_roles"]["words"])
    # a first name (also 'Jan-Willem') or initials, then the surname
    given_and_surname = rf"(?:{initials}{after_initials}|{cap}(?:-{cap})?[ \t]+)(?:(?:{tv_any}){_WS})?{core}"
    role_alt_all = _alternation([*sig_roles, *roles])
    return _Patterns(
        tussenvoegsels=nameparts.tussenvoegsel_words(),
        not_names=frozenset(w.casefold() for w in [*data["not_names"]["words"], *_reference_words()]),
        titles=frozenset(t.casefold() for t in titles),
        place_words=frozenset(w.casefold() for w in data["place_prepositions"]["words"]),
        roles={k.casefold(): v for k, v in roles.items()},
        signature_roles={k.casefold(): v for k, v in sig_roles.items()},
        # a role word may end a compound: 'VVD-Kamerlid Jansen', 'oud-minister Donner'
        role_cue=_CueFirst(rf"(?<!\w)(?P<cue>(?i:{role_alt}))(?![\w-]){titles_opt}{_WS}(?P<name>{strict})", rf"(?<!\w)(?i:{role_alt})"),
        member_cue=re.compile(rf"{start}(?P<cue>(?i:{_alternation(members)}))(?![\w-]){titles_opt}{_WS}(?P<name>{loose})"),
        title_cue=_CueFirst(rf"{start}(?P<cue>{title_alt})(?:{_WS}(?:{title_alt}))*{_WS}(?P<name>{strict})", rf"{start}{title_alt}"),
        local_office=re.compile(rf"(?<![\w-])(?i:{_alternation(local_offices())})[ \t]+$"),
        title_lookback=re.compile(
            rf"(?i:{start}(?P<cue>{_alternation(r for r in roles if roles[r])}))(?P<rest>[^.;:()]{{0,120}}),\s*$"
        ),
        # 'Brief van de staatssecretaris Participatie en Integratie, J.N.J. Nobel, d.d. …', 'Minister van
        # Onderwijs, Cultuur en Wetenschap, R.H. Dijkgraaf - 22 februari 2023', 'de voorzitter van de
        # CNV Jongeren, Lotte de Wit,': a name with initials or a first name set off after a role; a
        # surname alone ('de minister van SZW, Asscher,') only after a parliamentary post and when it
        # is a register person's
        appositive=_CueFirst(
            rf"{start}(?P<cue>(?i:{appositive_alt}))"
            rf"(?![\w-])(?P<rest>[^.;:()\n]{{0,120}}?),"
            rf"[ \t]*(?P<name>(?:{initials}{after_initials}|{cap}[ \t]+)(?:(?:{tv_any}){_WS})?{core}|(?P<bare>(?:(?:{tv_up}){_WS})?{core})){end}"
            rf"(?=[ \t]*(?:,|[-–][ \t]))",
            rf"{start}(?i:{appositive_alt})",
        ),
        # 'voorzitter Anneke Dijkstra-van der Molen vertelde', and a signature line with the function
        # after the name ('Ilse Kuijpers-Mäkinen, voorzitter Landelijke Cliëntenraad'): a function
        # outside parliament, with a first name or initials (a bare capitalised word after
        # 'voorzitter' is as often a body: 'voorzitter Cedris')
        function_before=_CueFirst(
            rf"{start}(?P<cue>(?i:{function_alt}))(?![\w-])[ \t]+(?P<name>{given_and_surname}){end}(?![ \t]+[{_UP}])",
            rf"{start}(?i:{function_alt})",
        ),
        # ... or any function in lower case held at a body ('H. Ouahid, programmadirecteur van De
        # Normaalste Zaak'), as a participants' list writes them, one to a line
        function_after=re.compile(
            rf"^[ \t]*{titled}(?P<name>{given_and_surname}){end}[ \t]*,[ \t]*"
            rf"(?:(?P<cue>(?i:{appositive_alt}))(?![\w-])|(?=(?:\p{{Ll}}[\w-]*[ \t]+){{1,5}}"
            rf"(?:{_alternation(data['function_prepositions']['words'], 'lower')})[ \t]+(?:(?:de|het)[ \t]+)?[{_UP}]))"
            rf"(?P<rest>[^\n.;:]*)$",
            re.MULTILINE,
        ),
        # a letter's signature: the name on a line of its own, the function on the next ('Marjolein
        # Kuźmińska-Braam' / 'voorzitter Divosa')
        function_below=re.compile(
            rf"^[ \t]*{titled}(?P<name>{given_and_surname}){end}[ \t]*\n[ \t]*"
            rf"(?P<cue>(?i:{function_alt}))(?![\w-])(?P<rest>[^\n.;:]*)$",
            re.MULTILINE,
        ),
        amendment_header=re.compile(
            rf"(?<![\w-])(?:{_alternation(data['amendment_headers']['words'])})[ \t]+(?P<names>[^\n]+)"
        ),
        header_chars=data["amendment_headers"]["header_chars"],
        amendment_names_end=re.compile(rf"\s(?:{'|'.join(map(re.escape, data['amendment_headers']['names_end']))})\b"),
        motion_hyphen=re.compile(rf"{start}(?i:{'|'.join(map(re.escape, motion['hyphenated']))})-(?P<name>{strict})"),
        motion_van=re.compile(
            rf"{start}(?i:{'|'.join(map(re.escape, motion['with_van']))}){_WS}van{_WS}(?P<name>{strict})"
        ),
        # 'De Minister van ...,' over 'J. P. H. Donner', blank lines between, or all on one line in
        # web layout ('De voorzitter van de commissie, Jansen De griffier van de commissie, De Vries');
        # at a line's start also without 'De' ('Adjunct-griffier van de commissie,'); a name alone on
        # its line may have a surname of two words ('H. D. Tjeenk Willink').
        signature=re.compile(
            rf"(?:^[ \t]*|(?:^|(?<=[ \t]))[ \t]*[Dd]e[ \t]+){qualifiers}(?P<cue>{sig_alt})(?![\w-])"
            rf"(?P<rest>[^\n:;.]*?(?:\n[^\n:;.]*?)?),(?:[ \t]*\n){{0,3}}[ \t]*{titled}(?P<name>{loose}(?:[ \t]+{cap}{end})?)"
            rf"(?=[ \t]*(?:\n|$)|[ \t]+[Dd]e[ \t]+{qualifiers}(?:{sig_alt})(?![\w-]))",
            re.MULTILINE,
        ),
        # the Eerste Kamer's letters sign with the function under the name:
        # 'A.J.M. Swinkels-Teunissen' / (blank line) / 'Voorzitter van de vaste commissie voor ...',
        # under initials also without 'van' ('T.M. Kaldenhoven-Mos' / 'Griffier vaste commissie SZW')
        # (a line with no full stop: a sentence starting 'Voorzitter van ...' is no signature)
        signature_below=re.compile(
            rf"^[ \t]*{titled}(?P<name>{loose})[ \t]*\n(?:[ \t]*\n)?[ \t]*{qualifiers}(?P<cue>{sig_alt})(?![\w-])"
            rf"(?P<rest>[ \t]+[^\n.]*)$",
            re.MULTILINE,
        ),
        # 'Voorzitter: Jansen' / 'Griffier: De Vries' on a line of their own, a table row of a saved
        # page ('Voorzitter<TAB>Jansen'), a key line over its value line ('Griffier' / 'J.A.M.
        # Kraaijeveld') or a field of a line of fields ('Status: gecorrigeerd  | Voorzitter: Arib')
        label=re.compile(
            rf"(?:^|(?<=[|·]))[ \t]*{qualifiers}(?P<cue>{sig_alt})(?:[ \t]*:[ \t]*|\t+|[ \t]*\n[ \t]*){titled}(?P<name>{loose})"
            rf"(?=[ \t]*(?:\([^()\n]{{1,60}}\))?[ \t]*(?:$|[|·]))",
            re.MULTILINE,
        ),
        attendance=re.compile(
            rf"(?<![\w-])(?i:{_alternation(attendance['opening'])})(?![\w-])[^:\n]{{0,160}}?"
            rf"(?i:{_alternation(attendance['list_start'])})[ \t]*:\s*"
            rf"|(?<![\w-])(?i:{_alternation(attendance['opening'])})[ \t]*:[ \t]*(?:(?i:{_alternation(attendance['members'])})[ \t]+)?"
        ),
        # a wrapped name never runs into the next line's key ('Sörensen' / 'Bewindspersonen: n.v.t.')
        listed_name=re.compile(rf"{titled}(?P<name>{listed})(?![ \t]*:)"),
        # ', voorzitter van X' or '(voorzitter)' (the regex module lets both alternatives name their groups alike)
        listed_role=re.compile(rf"[ \t]*,\s*(?P<cue>(?i:{role_alt_all}))(?![\w-])(?P<rest>[^,.;:()\n]*)"
                               rf"|[ \t]*\((?P<cue>(?i:{role_alt_all}))\)(?P<rest>)"),
        # both are searched in a short window ending at a cue (a '(' / a register surname), so they end in '$'
        before_paren=re.compile(rf"(?<![\w’'.-])(?P<name>{strict})[ \t]*$"),
        # an item of a list of members, each with a party ('..., Van Haersma Buma (CDA), Van den
        # Broek-Laman Trip (VVD)'), or a speaker ('Mevrouw Van den Broek-Laman Trip (VVD):'): after a
        # tussenvoegsel at the item's start every word is surname
        listed_surname_before_paren=re.compile(
            rf"(?:^|(?<=[,:;][ \t])|(?<=[ \t]en[ \t])|(?<=(?<![\w-]){title_alt}[ \t]))"
            rf"(?P<name>(?:{tv_up}){_WS}{core}(?:[ \t]+{core}){{1,2}})[ \t]*$",
            re.MULTILINE,
        ),
        # a fractie of the Eerste Kamer named after its one member: 'Nanninga (Fractie-Nanninga)'
        member_fractie=re.compile(rf"[ \t]*\((?i:fractie)-(?:(?:{tv_any}){_WS})?{core}\)"),
        # the sorted form of the Kamer's registers: 'Kalma P.', 'Raak van A.A.G.M.', 'Beek, W.I.I. van',
        # 'Ham, van der': a surname, then initials and/or (after a comma) the tussenvoegsel
        inverted_before_paren=re.compile(
            rf"(?<![\w’'.-])(?P<surname>{core})"
            rf"(?:[ \t]+(?P<tv>{tv_low})[ \t]+(?P<initials>{initials_joined})"
            rf"|,?[ \t]+(?P<initials_only>{initials_joined})(?:[ \t]+(?P<tv_after>{tv_low}))?"
            rf"|,[ \t]+(?P<tv_only>{tv_low}))[ \t]*$"
        ),
        full_name=re.compile(rf"(?<![\w’'.-])(?P<name>(?:{initials}[ \t]*{given_in_parens}|{cap}(?:[ \t]+{cap})?[ \t]+)(?:(?:{tv_any})[ \t]+)?{core})$"),
        given_name=re.compile(rf"(?<![\w’'.-])(?P<given>{cap})[ \t]+$"),
        list_separator=re.compile(r"\s*,\s*(?:en\s+)?|\s+en\s+"),
        list_tail=re.compile(rf"(?:[ \t]*(?:,|/)[ \t]*|{_WS}en{_WS})(?P<name>{strict})"),
        paren=re.compile(r"^[ \t]*\n?[ \t]*\((?P<inner>[^()]{1,120})\)"),
        fraction=re.compile(rf"^{_WS}van{_WS}de{_WS}fractie{_WS}van{_WS}(?:(?:de|het){_WS})?"),
        speaker_colon=re.compile(r"^[ \t]*(?:\([^()\n]{1,80}\))?[ \t]*:"),
    )


# -- names ----------------------------------------------------------------------------------------


def _split_given(words: list[str]) -> int:
    """Index where the surname starts in ``words`` (initials already removed)."""
    tvs = _patterns().tussenvoegsels
    for index, word in enumerate(words):
        if word.casefold() in tvs:
            return index
    if len(words) > 1 and "-" in words[0] and words[0].rsplit("-", 1)[1].casefold() in tvs:
        return 0  # 'Terpstra-de Groot'
    return len(words) - 1 if len(words) > 1 else 0


def _capitalise(word: str) -> str:
    return word[:1].upper() + word[1:]


def family_name(name: str) -> str:
    """The surname with its tussenvoegsel, capitalised as when it stands alone.

    ``'T. van Ark'`` -> ``'Van Ark'``, ``'Jasper van Dijk'`` -> ``'Van Dijk'``,
    ``'J. P. H. Donner'`` -> ``'Donner'``, ``'Terpstra-de Groot'`` -> ``'Terpstra-de Groot'``.
    """
    words = [w for w in name.split() if not nameparts.is_initials(w)]
    if not words:
        return " ".join(name.split())
    surname = words[_split_given(words):]
    return " ".join([_capitalise(surname[0]), *surname[1:]])


def plausible_name(name: str) -> bool:
    """False for a 'name' made only of words that never are one ('Sociale Zaken', 'Tweede Kamerlid'):
    a guard for names that come from elsewhere (a reader's metadata facts) rather than a cue."""
    pat = _patterns()
    words = [w.strip(",.()") for w in name.split()]
    return any(w and w.casefold() not in pat.not_names | pat.titles and not nameparts.is_initials(w) for w in words)


def person_key(name: str) -> str:
    """Entity key of a person: slug of the surname with tussenvoegsel (``'T. van Ark'`` -> ``'van-ark'``)."""
    return slug(family_name(name))


def display_name(raw: str) -> str:
    """A name as written, whitespace collapsed, tussenvoegsel capitalised only when the name starts with it."""
    if nameparts.is_upper_name(raw):
        raw = nameparts.proper_case(raw)  # 'DE WIT' in a header or list -> 'De Wit'
    words = raw.split()
    tvs = _patterns().tussenvoegsels
    out, seen_tv = [], False
    for index, word in enumerate(words):
        if word.casefold() in tvs and not seen_tv:
            word = _capitalise(word) if index == 0 else word[:1].lower() + word[1:]
            seen_tv = True
        out.append(word)
    return " ".join(out)


def _uninverted(match: re.Match) -> str:
    """``Raak van A.A.G.M.`` -> ``A.A.G.M. van Raak``; ``Ham, van der`` -> ``Van der Ham``."""
    initials = match["initials"] or match["initials_only"] or ""
    tv = match["tv"] or match["tv_after"] or match["tv_only"] or ""
    name = " ".join(x for x in (initials, tv.lower(), match["surname"]) if x)
    return display_name(name)


def _signed_below(match: re.Match) -> bool:
    """A name over its function signs: not a one-word line (a heading more often), and with 'van'
    after the function unless the name has initials ('T.M. Kaldenhoven-Mos' / 'Griffier vaste
    commissie SZW')."""
    name = match.group("name")
    if not re.search(r"[. ]", name):
        return False
    return match.group("rest").lstrip().startswith("van ") or nameparts.is_initials(name.split()[0])


def _holds_a_non_name(name: str) -> bool:
    """A word of ``name`` (split at spaces and hyphens) is one no name holds ('Stichting', 'Generaal')."""
    not_names = _patterns().not_names
    return any(word.casefold() in not_names for word in re.split(r"[ \t-]+", name))


def _clean_name(text: str, start: int) -> tuple[int, int] | None:
    """Trim a matched name at the first word that cannot be part of a name; None when nothing is left."""
    pat = _patterns()
    end = start
    last_ok = None
    for match in re.finditer(r"\S+", text):
        word = match.group()
        if word.casefold() in pat.not_names or word.split("-")[0].casefold() in pat.not_names:
            break  # also 'Fractie-Nanninga', 'Kabinet-Rutte': a body named after a person
        end = start + match.end()
        if word.casefold() not in pat.tussenvoegsels and not nameparts.is_initials(word):
            last_ok = end
    if last_ok is None:
        return None
    return start, last_ok


def _name_key(name: str) -> str:
    """Comparison form of a full name: whitespace collapsed, initials joined, case folded."""
    return re.sub(r"(?<=\.)\s+(?=\w\.)", "", " ".join(name.split())).casefold()


@lru_cache(maxsize=1)
def _register_full_names() -> frozenset[str]:
    """Every name form of a register person that is more than the surname alone."""
    from kg.register import load_register  # parsed on first use only

    return frozenset(
        _name_key(label)
        for person in load_register()
        for label in (person.name, *person.labels)
        if len(label.split()) > 1 and label.casefold() != person.family_name.casefold()
    )


@lru_cache(maxsize=1)
def _register_long_surnames() -> frozenset[str]:
    """Register surnames of two capitalised words after any tussenvoegsel (``De Hoop Scheffer``),
    case folded: a cue's name pattern stops after one word, so the second is added back."""
    from kg.register import load_register

    tussenvoegsels = nameparts.tussenvoegsel_words()
    return frozenset(
        _name_key(person.family_name)
        for person in load_register()
        if len([w for w in person.family_name.split() if w.casefold() not in tussenvoegsels]) > 1
    )


@lru_cache(maxsize=1)
def _register_family_names() -> frozenset[str]:
    """Every register person's family name, as :func:`_name_key` folds it."""
    from kg.register import load_register

    return frozenset(_name_key(person.family_name) for person in load_register())


@lru_cache(maxsize=1)
def _register_surnames() -> frozenset[str]:
    """The last word of those name forms, lower case: the tokens worth looking back from."""
    return frozenset(form.split()[-1].split(".")[-1] for form in _register_full_names())


# -- finding persons -----------------------------------------------------------------------------


@dataclass
class _Found:
    start: int
    end: int
    attrs: dict[str, Any] = field(default_factory=dict)


class _Finder:
    """Collects cued names in one document's text."""

    def __init__(self, doc: Doc) -> None:
        self.doc, self.text, self.pat = doc, text_of(doc), _patterns()
        self.found: dict[tuple[int, int], _Found] = {}
        self.blocked = [(s.start_char, s.end_char) for c in _OTHER_CATEGORIES for s in mentions(doc, c)]
        self.parties = {" ".join(s.text.split()).casefold(): s.kb_id_ for s in mentions(doc, "party") if s.kb_id_}

    # spans written by the gazetteer
    def _span_key(self, category: str, start: int, end: int, prefix: str = "") -> str | None:
        for span in mentions(self.doc, category):
            if span.kb_id_.startswith(prefix) and span.start_char >= start and span.end_char <= end:
                return span.kb_id_
        return None

    def _overlaps_other(self, start: int, end: int) -> bool:
        return any(s < end and start < e for s, e in self.blocked)

    def _context_after(self, end: int) -> dict[str, Any]:
        """Party or ministry in parentheses (or 'van de fractie van X') right after a name."""
        attrs: dict[str, Any] = {}
        rest = self.text[end : end + 160]
        paren = self.pat.paren.match(rest)
        if paren:
            inner_start, inner_end = end + paren.start("inner"), end + paren.end("inner")
            party = self._party_of(paren, end)
            if party:
                attrs["party"] = party
            organisation = self._span_key("organisation", inner_start, inner_end)
            if organisation:
                attrs["organisation"] = organisation
        fraction = self.pat.fraction.match(rest)
        if fraction:
            for span in mentions(self.doc, "party"):
                if span.start_char == end + fraction.end() and span.kb_id_:
                    attrs["party"] = span.kb_id_
        if self.pat.speaker_colon.match(rest):
            attrs["speaker"] = True
        return attrs

    def add(self, start: int, end: int, **attrs: Any) -> None:
        cleaned = _clean_name(self.text[start:end], start)
        if cleaned is None:
            return
        start, end = self._without_office_town(*cleaned)
        end = self._register_surname_end(start, end)
        if self._overlaps_other(start, end):
            return
        attrs = {k: v for k, v in attrs.items() if v not in (None, "")}
        after = self._context_after(end)
        if not attrs.get("speaker_line"):
            after.pop("speaker", None)
        attrs.pop("speaker_line", None)
        for key, value in after.items():
            attrs.setdefault(key, value)
        attrs.setdefault("name", display_name(self.text[start:end]))
        attrs.setdefault("signatory", False)
        attrs.setdefault("speaker", False)
        known = self.found.get((start, end))
        if known is None:
            self.found[start, end] = _Found(start, end, attrs)
        else:
            for key, value in attrs.items():
                if value and not known.attrs.get(key):
                    known.attrs[key] = value

    def _without_office_town(self, start: int, end: int) -> tuple[int, int]:
        """``wethouder Maas-Wróblewski van Venlo``: after a local office, a double surname followed
        by ``van`` and a municipality is the holder and the town of the office, not a longer
        surname (one word before ``van`` may be a first name: ``wethouder Jan van Tilburg``)."""
        town = re.fullmatch(r"(\S+-\S+)[ \t]+van[ \t]+(.+)", self.text[start:end])
        if (town and town.group(2) in municipality_names()
                and _patterns().local_office.search(self.text[max(0, start - 30):start])):
            return start, start + town.end(1)
        return start, end

    def _register_surname_end(self, start: int, end: int) -> int:
        """``end``, or the end of the next word when the two make a register surname
        (``fractievoorzitter De Hoop`` + ``Scheffer``)."""
        following = re.match(r"[ \t]+[^\W\d_][\w’'-]*", self.text[end : end + 40])
        if following and _name_key(family_name(self.text[start : end + following.end()])) in _register_long_surnames():
            return end + following.end()
        return end

    def _line_start(self, index: int) -> bool:
        line_start = self.text.rfind("\n", 0, index) + 1
        return not self.text[line_start:index].strip()

    def _list(self, match: re.Match, **attrs: Any) -> None:
        """The name of ``match`` and any further names joined by ',', '/' or 'en'."""
        end = match.end("name")
        self.add(match.start("name"), end, **attrs)
        while True:
            tail = self.pat.list_tail.match(self.text, end)
            if not tail:
                return
            end = tail.end("name")
            self.add(tail.start("name"), end, **attrs)

    def run(self) -> list[_Found]:
        pat, text = self.pat, self.text
        for signature in (pat.signature, pat.signature_below):
            for match in signature.finditer(text):
                if signature is pat.signature_below and not _signed_below(match):
                    continue
                cue = " ".join(match.group("cue").split()).casefold()
                self.add(
                    match.start("name"),
                    match.end("name"),
                    role=pat.signature_roles.get(cue),
                    organisation=self._span_key("organisation", match.start("rest"), match.end("rest")),
                    signatory=True,
                )
        for match in pat.label.finditer(text):
            cue = " ".join(match.group("cue").split()).casefold()
            self.add(match.start("name"), match.end("name"), role=pat.signature_roles.get(cue), signatory=True)
        for match in pat.attendance.finditer(text):
            self._attendance(match.end())
        for match in pat.role_cue.finditer(text):
            cue = " ".join(match.group("cue").split()).casefold()
            self.add(
                match.start("name"),
                match.end("name"),
                role=pat.roles.get(cue),
                speaker_line=self._line_start(match.start()),
            )
        for match in pat.member_cue.finditer(text):
            cue = " ".join(match.group("cue").split()).casefold()
            self._list(match, role=pat.roles.get(cue))
        for match in pat.title_cue.finditer(text):
            before = pat.title_lookback.search(text, max(0, match.start() - 160), match.start())
            attrs: dict[str, Any] = {"speaker_line": self._line_start(match.start())}
            if before:
                attrs["role"] = pat.roles.get(" ".join(before.group("cue").split()).casefold())
                attrs["organisation"] = self._span_key("organisation", before.start("rest"), before.end("rest"))
            self.add(match.start("name"), match.end("name"), **attrs)
        for match in pat.appositive.finditer(text):
            cue = " ".join(match.group("cue").split()).casefold()
            if match.group("bare") and (not pat.roles.get(cue) or _name_key(match.group("bare")) not in _register_family_names()):
                continue  # a bare surname only after a bewindspersoon's or member's post, and a register one
            rest = (match.start("rest"), match.end("rest"))
            self.add(match.start("name"), match.end("name"), role=pat.roles.get(cue), organisation=self._span_key("organisation", *rest))
        for match in pat.function_before.finditer(text):
            if _holds_a_non_name(match.group("name")):
                continue  # 'voorzitter Stichting Werk', 'secretaris Generaal Jansen'
            self.add(match.start("name"), match.end("name"), role=pat.roles.get(" ".join(match.group("cue").split()).casefold()))
        for match in (*pat.function_after.finditer(text), *pat.function_below.finditer(text)):
            if _holds_a_non_name(match.group("name")):
                continue  # as before the name
            cue = " ".join((match.group("cue") or "").split()).casefold()
            self.add(match.start("name"), match.end("name"), role=pat.roles.get(cue),
                     organisation=self._span_key("organisation", match.start("rest"), match.end("rest")))
        for regex in (pat.motion_hyphen, pat.motion_van):
            for match in regex.finditer(text):
                self._list(match, role=self.pat.roles.get("kamerlid"))
        self._motion_submitters()
        self._amendment_submitters()
        self._with_party()
        self._register_names()
        self._repeat_surnames()
        self._drop_nested()
        self._share_attributes()
        return sorted(self.found.values(), key=lambda f: (f.start, f.end))

    def _drop_nested(self) -> None:
        """A name inside a longer one is the longer one: ``Boer (VVD)`` read before the party in
        ``amendement-Wiersma-de Boer (VVD)`` gives its party to ``Wiersma-de Boer``."""
        outer: _Found | None = None  # the span reaching furthest of those starting before
        for (start, end), inner in sorted(self.found.items(), key=lambda kv: (kv[0][0], -kv[0][1])):
            if outer is None or end > outer.end:
                outer = inner
                continue
            for key, value in inner.attrs.items():
                if key != "name" and value and not outer.attrs.get(key):
                    outer.attrs[key] = value
            del self.found[start, end]

    def _with_party(self) -> None:
        """A name right before its party in parentheses (``Piet Jansen (VVD)``, a web page's
        'Indiener' line, a list of questioners, the Kamer's sorted ``Raak van A.A.G.M. (SP)``):
        the party is the cue."""
        for paren_at in (m.start() for m in re.finditer(r"\(", self.text)):
            window = max(0, paren_at - 100)
            inverted = self.pat.inverted_before_paren.search(self.text, window, paren_at)
            if inverted and inverted["surname"].casefold() not in self.pat.not_names:
                party = self._party_in_parens(paren_at)
                if party:
                    self.add(inverted.start("surname"), inverted.end("surname"), name=_uninverted(inverted), party=party)
                continue
            listed = self.pat.listed_surname_before_paren.search(self.text, window, paren_at)
            if listed and not self._holds_a_role(listed.group("name")) and self._group_in_parens(paren_at):
                self.add(listed.start("name"), listed.end("name"), party=self._party_in_parens(paren_at))
                continue
            match = self.pat.before_paren.search(self.text, window, paren_at)
            if not match:
                continue
            words = list(re.finditer(r"\S+", match.group("name")))
            while words and words[0].group().casefold() in self.pat.not_names | self.pat.titles:
                words.pop(0)  # 'Volgens Jansen (PvdA)', 'Mevrouw Jansen (PvdA)'
            if words and self._group_in_parens(paren_at):
                self.add(match.start("name") + words[0].start(), match.end("name"))

    def _holds_a_role(self, name: str) -> bool:
        """A word no name holds, a title or a role word: 'De Staatssecretaris Van Hoof' is no surname."""
        words = {w.casefold() for w in re.split(r"[ \t-]+", name)}
        return _holds_a_non_name(name) or bool(words & (self.pat.titles | self.pat.roles.keys()))

    def _group_in_parens(self, at: int) -> bool:
        """A party, or a fractie named after its member, in parentheses opening at ``at``."""
        return bool(self._party_in_parens(at) or self.pat.member_fractie.match(self.text, at, at + 160))

    def _party_in_parens(self, at: int) -> str | None:
        """The party named in parentheses opening at ``at`` (after blanks), if any."""
        paren = self.pat.paren.match(self.text[at : at + 160])
        return self._party_of(paren, at) if paren else None

    def _party_of(self, paren: re.Match, at: int) -> str | None:
        """The party ``paren`` (a ``paren`` match of the text from ``at``) holds: a party span, or a
        party name the document writes elsewhere."""
        party = self._span_key("party", at + paren.start("inner"), at + paren.end("inner"))
        return party or self.parties.get(" ".join(paren.group("inner").split()).casefold())

    def _register_names(self) -> None:
        """Full names of persons in the register (``Jasper van Dijk``, ``A.J. de Geus``) without a cue."""
        forms, surnames = _register_full_names(), _register_surnames()
        strings = self.doc.vocab.strings
        for i, lower in enumerate(self.doc.to_array([LOWER]).tolist()):
            if strings[lower] not in surnames:
                continue
            token = self.doc[i]
            end = token.idx + len(token.text)
            match = self.pat.full_name.search(self.text, max(0, token.idx - 60), end)
            if not match:
                continue
            words = list(re.finditer(r"\S+", match.group("name")))
            for first in words[:-1]:  # 'Ook Jasper van Dijk' -> 'Jasper van Dijk'
                if _name_key(match.group("name")[first.start() :]) in forms:
                    self.add(match.start("name") + first.start(), match.end("name"))
                    break

    def _attendance(self, position: int) -> None:
        """The names of an attendance list, each with the role written after it (``Jansen,
        voorzitter,`` / ``de heer Koolmees, minister van ...``), up to the first item that is neither."""
        pat = self.pat
        while True:
            listed = pat.listed_name.match(self.text, position)
            if not listed:
                return
            attrs: dict[str, Any] = {}
            position = listed.end()
            role = pat.listed_role.match(self.text, position)
            if role:
                cue = " ".join(role.group("cue").split()).casefold()
                attrs["role"] = pat.signature_roles.get(cue) or pat.roles.get(cue)
                attrs["organisation"] = self._span_key("organisation", role.start("rest"), role.end("rest"))
                position = role.end()
            self.add(listed.start("name"), listed.end("name"), **attrs)
            separator = pat.list_separator.match(self.text, position)
            if not separator:
                return
            position = separator.end()

    def _motion_submitters(self) -> None:
        """The submitters of a document that IS a motion (``kg_motions`` records them in the
        document facts): their signature lines at the end, else their names in the all-caps header
        (``MOTIE VAN HET LID KARABULUT``), written in proper case."""
        facts = self.doc._.kg_document or {}
        if facts.get("type") != "motie":
            return
        submitters = facts.get("submitters") or []
        header = next((s for s in mentions(self.doc, "motion") if (s._.kg or {}).get("submitters") == submitters), None)
        for name in submitters:
            if isinstance(name, str) and name.strip():
                self._submitter(name, (header.start_char, header.end_char) if header is not None else None)

    def _amendment_submitters(self) -> None:
        """The submitters of an amendment, named in its all-caps header (``AMENDEMENT VAN DE LEDEN
        NOORMAN-DEN UYL EN BRULS``) and signing it at the end, as for a motion document."""
        from kg.extractors.motions import header_lines, header_submitters

        match = self.pat.amendment_header.search(self.text, 0, self.pat.header_chars)
        if match is None:
            return
        upper, end = header_lines(self.text, match["names"], match.end())  # 'KERSTENS EN' / 'SCHOUTEN'
        names_text = re.split(self.pat.amendment_names_end, upper)[0]  # '… TER VERVANGING VAN …'
        names, _ = header_submitters(names_text)
        for name in names:
            self._submitter(name, (match.start("names"), end))
        self._co_signers(names)

    def _co_signers(self, names: list[str]) -> None:
        """The lines signed under an amendment with the header's submitters: the 'c.s.' of
        ``AMENDEMENT VAN HET LID GIJS VAN DIJK C.S.`` sign below him (``Smeulders``, ``Van Kent``)."""
        from kg.extractors.motions import clean_name, is_signature_line

        lines = [m.span() for m in re.finditer(r"(?m)^.*$", self.text)]
        signed = {n.casefold() for n in names}
        block = [i for i, (a, b) in enumerate(lines) if " ".join(self.text[a:b].split()).casefold() in signed]
        if not block:
            return
        for i in range(block[-1] + 1, len(lines)):
            start, end = lines[i]
            line = self.text[start:end]
            if not is_signature_line(line) or clean_name(line.strip()).casefold() in self.pat.not_names:
                break
            begin = start + len(line) - len(line.lstrip())
            self.add(begin, begin + len(line.strip()), role=self.pat.roles.get("kamerlid"), signatory=True)

    def _submitter(self, name: str, header: tuple[int, int] | None) -> None:
        """``name``'s last signature line, else its upper-case form inside ``header``."""
        words = _WS.join(re.escape(w) for w in name.split())
        signed = list(re.finditer(rf"^[ \t]*(?P<name>{words})[ \t]*$", self.text, re.MULTILINE))
        if signed:
            self.add(signed[-1].start("name"), signed[-1].end("name"), role=self.pat.roles.get("kamerlid"), signatory=True)
        elif header is not None:
            upper = _WS.join(re.escape(w.upper()) for w in name.split())
            match = re.compile(rf"(?<![\w’'-]){upper}(?![\w’'-])").search(self.text, *header)
            if match:
                self.add(match.start(), match.end(), role=self.pat.roles.get("kamerlid"), name=name, signatory=True)

    def _given_name_before(self, start: int) -> bool:
        before = self.pat.given_name.search(self.text, max(0, start - 40), start)
        return bool(before) and before.group("given").casefold() not in self.pat.not_names

    def _share_attributes(self) -> None:
        """Give every mention of a person the role, ministry and party seen at any of its mentions."""
        shared: dict[str, dict[str, Any]] = {}
        for found in sorted(self.found.values(), key=lambda f: f.start):
            known = shared.setdefault(person_key(found.attrs["name"]), {})
            for key in ("role", "organisation", "party"):
                if found.attrs.get(key) and key not in known:
                    known[key] = found.attrs[key]
        for found in self.found.values():
            for key, value in shared[person_key(found.attrs["name"])].items():
                found.attrs.setdefault(key, value)

    def _repeat_surnames(self) -> None:
        """Later mentions by surname alone of persons introduced with a cue, or named in the
        document's metadata block (the reader's facts: ``Indiener Piet Jansen (VVD)``)."""
        introduced: dict[str, dict[str, Any]] = {}
        for person in reader_facts(self.doc).get("persons") or []:
            name = " ".join(str(person.get("name") or "").split())
            surname = family_name(name) if name else ""
            if len(surname) >= 3 and surname.casefold() not in self.pat.not_names:
                party = self.parties.get(str(person.get("party") or "").casefold())
                introduced.setdefault(surname, {"name": name, **({"party": party} if party else {})})
        for found in sorted(self.found.values(), key=lambda f: f.start):
            surname = family_name(found.attrs["name"])
            if len(surname) < 3 or surname.casefold() in self.pat.not_names:
                continue
            merged = introduced.setdefault(surname, {})
            for key, value in found.attrs.items():
                if value and not merged.get(key):
                    merged[key] = value
        taken = [(f.start, f.end) for f in self.found.values()]
        for surname, attrs in introduced.items():
            first, rest = surname[:1], re.escape(surname[1:]).replace(r"\ ", _WS)
            leads_with_prefix = surname.split()[0].casefold() in self.pat.tussenvoegsels
            first_letter = f"[{first}{first.lower()}]" if leads_with_prefix else re.escape(first)
            for match in re.finditer(rf"(?<![\w’'-]){first_letter}{rest}(?![\w’'-])", self.text):
                start, end = match.span()
                if any(s < end and start < e for s, e in taken) or self._overlaps_other(start, end):
                    continue
                if match.group()[:1] != first and not self._given_name_before(start):
                    continue  # 'de Wit' only after a given name: 'zoals Anna de Wit al zei'
                previous = self.text[max(0, start - 30) : start].split()
                if previous and previous[-1].casefold() in self.pat.place_words:
                    continue
                taken.append((start, end))
                self.found[start, end] = _Found(start, end, {**attrs, "signatory": False, "speaker": False})


def _span(doc: Doc, start: int, end: int) -> Span | None:
    """Token span for a character range: exact or shrunk to whole tokens, else grown to them."""
    return doc.char_span(start, end, alignment_mode="contract") or doc.char_span(start, end, alignment_mode="expand")


@Language.component("kg_persons")
def find_persons(doc: Doc) -> Doc:
    """Add a ``person`` mention for every cued name (see the module docstring)."""
    try:
        found = _Finder(doc).run()
    except (re.error, ValueError, KeyError):
        return doc
    # spaCy keys span extension values by character range only, so a second span over exactly the
    # same characters (a motion span 'motie-Kromhout', another person) would share its ``_.kg``.
    occupied = {(s.start_char, s.end_char) for group in doc.spans.values() for s in group}
    for item in found:
        span = _span(doc, item.start, item.end)
        if span is None or (span.start_char, span.end_char) in occupied:
            continue
        occupied.add((span.start_char, span.end_char))
        add_mention(doc, "person", span, **item.attrs)
    return doc


def strip_titles(span: Span) -> Span:
    """``span`` without leading forms of address or titles (``'mevrouw Oudejans'`` -> ``'Oudejans'``)."""
    titles = {t.casefold() for t in _data()["titles"]["words"]}
    start = span.start
    while start < span.end:
        two = span.doc[start : min(start + 2, span.end)].text.casefold()
        if two in titles and start + 2 <= span.end:
            start += 2
        elif span.doc[start].lower_ in titles:
            start += 1
        else:
            break
    return span.doc[start : span.end]

