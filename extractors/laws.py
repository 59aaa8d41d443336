"""Law titles outside kg's vocabulary, recognized by their shape.

New laws keep appearing (``Wet vereenvoudiging Wajong``, ``Verzamelwet SZW 2018``) and no list
keeps up, but Dutch law titles have a fixed shape:

* ``Wet`` (capitalised) plus a title of lower-case words: ``Wet werk en zekerheid``, ``Wet op de
  loonbelasting 1964``, ``Wet arbeidsmarkt in balans``. The title may end in a year, an
  abbreviation or a known law name (``Wet vereenvoudiging Wajong``); it ends at punctuation, a
  parenthesis, a paragraph break, a verb, adverb or pronoun (``extractors/data/laws.json``; any
  present-tense verb with a separable particle, ``aankondigt``, by its shape), and a
  preposition only continues it when a bare title word follows (``in balans`` but not ``in de
  praktijk``);
* ``Wet`` plus one capitalised word, the name a law is called by (``Wet Pemba``, ``Wet Walvis``);
* a capitalised compound ending in ``wet`` (``Arbeidstijdenwet``, ``Kieswet 1989``); compounds
  that name a kind of law (``Invoeringswet``, ``Verzamelwet``) count only with the law, year or
  abbreviation that completes them (``Invoeringswet Participatiewet``, ``Verzamelwet SZW 2018``).

``het wetsvoorstel banenafspraak en quotum arbeidsbeperkten`` names a vocabulary law without its
``Wet``; it gets that law's key. Besluiten and regelingen are left alone: their titles are too
varied to tell from running text.

Runs after ``kg_gazetteer`` and never duplicates its law spans: a title that starts inside one is
skipped. A new title gets the key ``id/wet/<slug of the title>`` and ``name`` = the title as
written. Instrument and organisation spans inside a title are dropped, the same longest-match rule
the gazetteer applies to vocabulary laws (``banenafspraak`` in ``Wet banenafspraak``); a law named
inside a title (``Participatiewet`` in ``Invoeringswet Participatiewet``) stays a mention.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from kg.datafiles import load_json
from kg.extractors.base import add_mention, mentions, run_guarded, text_of
from kg.extractors.gazetteer import load_vocabulary
from kg.vocab import slug

_YEAR = re.compile(r"(?:19|20)\d{2}")
_ACRONYM = re.compile(r"[A-Z][A-Z0-9]{1,7}")
_NICKNAME = re.compile(r"[A-ZÀ-Þ][a-zà-ÿ]{3,}")
_TITLE_WORD = re.compile(r"[a-zà-ÿ][a-zà-ÿ'’\-]*")
_COMPOUND = re.compile(r"(?P<stem>[A-ZÀ-Þ][a-zà-ÿ\-]{2,})wet")
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")
_INNER_CATEGORIES = ("instrument", "organisation")


@lru_cache(maxsize=1)
def vocabulary() -> dict[str, Any]:
    """The word lists of ``kg/extractors/data/laws.json``."""
    data = load_json("kg.extractors.data", "laws.json")
    return {k: (frozenset(v) if isinstance(v, list) else v) for k, v in data.items() if not k.startswith("_")}


@dataclass(frozen=True)
class _Found:
    start: int  # token offsets
    end: int
    key: str
    name: str = ""


class LawNames:
    """Finds law titles by shape and ``wetsvoorstel`` + vocabulary title (see the module docstring)."""

    def __init__(self, nlp: Language) -> None:
        self.v = vocabulary()
        # Lower-cased token sequences of vocabulary law titles without their leading "Wet".
        self.remainders: dict[tuple[str, ...], str] = {}
        for concept in load_vocabulary():
            if concept.category != "law":
                continue
            for label in concept.labels:
                if label.startswith("Wet "):
                    words = tuple(t.lower_ for t in nlp.make_doc(label[4:]) if not t.is_space)
                    if words:
                        self.remainders.setdefault(words, concept.path)
        self.cues = [tuple(c.split()) for c in self.v["proposal_cues"]]

    def __call__(self, doc: Doc) -> Doc:
        return run_guarded("kg_law_names", self._annotate, doc)

    # -- the document ------------------------------------------------------------------------------

    def _annotate(self, doc: Doc) -> None:
        words = [t for t in doc if not t.is_space]
        laws = mentions(doc, "law")
        law_at = {s.start: s for s in laws}
        in_law = {i for s in laws for i in range(s.start, s.end)}
        named = {i for c in ("organisation", "party") for s in mentions(doc, c) for i in range(s.start, s.end)}
        instrument_at = {s.start: s for s in mentions(doc, "instrument")}
        # past the first word of a programme's or body's name ('programma Participatiewet in balans')
        within_name = {i for c in _INNER_CATEGORIES for s in mentions(doc, c) for i in range(s.start + 1, s.end)}
        org_at = {s.start: s for s in mentions(doc, "organisation")}
        context = _Context(doc, words, law_at, in_law, named, self.v, instrument_at, within_name, org_at)
        found: list[_Found] = []
        for n, token in enumerate(words):
            if token.i in in_law or (found and token.i < found[-1].end):
                continue
            item = context.wet_title(n) or context.compound(n) or self._proposal(context, n)
            if item is not None:
                found.append(item)
        if not found:
            return
        for item in found:
            span = doc[item.start : item.end]
            if item.name:
                add_mention(doc, "law", span, key=item.key, name=item.name)
            else:
                add_mention(doc, "law", span, key=item.key)
        for category in _INNER_CATEGORIES:
            kept = [s for s in mentions(doc, category) if not any(f.start <= s.start and s.end <= f.end for f in found)]
            if len(kept) < len(mentions(doc, category)):
                doc.spans[category] = kept

    def _proposal(self, context: "_Context", n: int) -> _Found | None:
        """``wetsvoorstel banenafspraak en quotum arbeidsbeperkten`` -> the vocabulary's Wet banenafspraak."""
        words, lowers = context.words, context.lowers
        for cue in self.cues:
            after = n + len(cue)
            if lowers[n] != cue[0] or tuple(lowers[n:after]) != cue or context.broken(n, after):
                continue
            best = None
            for length in range(1, min(12, len(words) - after) + 1):
                key = self.remainders.get(tuple(lowers[after : after + length]))
                if key and not context.broken(after, after + length - 1):
                    best = (length, key)
            if best is None:
                continue
            length, key = best
            first, last = words[after], words[after + length - 1]
            if any(i in context.in_law for i in range(first.i, last.i + 1)):
                return None
            return _Found(first.i, last.i + 1, key)
        return None


@dataclass
class _Context:
    doc: Doc
    words: list[Token]
    law_at: dict[int, Span]
    in_law: set[int]
    named: set[int]
    v: dict[str, Any]
    instrument_at: dict[int, Span] = field(default_factory=dict)
    #: words inside an instrument's or organisation's name after its first: a law compound there is
    #: part of the name, not a mention of its own (the longest-match rule of the gazetteer)
    within_name: set[int] = field(default_factory=set)
    #: organisations by their first token: a title may end in the body it is about
    org_at: dict[int, Span] = field(default_factory=dict)
    #: ``words``' lower-cased texts, read once: the proposal cues are tried at every word.
    lowers: list[str] = field(init=False)

    def __post_init__(self) -> None:
        self.lowers = [w.lower_ for w in self.words]

    def broken(self, n: int, m: int) -> bool:
        """True when a paragraph break lies between word ``n`` and word ``m``."""
        if m >= len(self.words):
            return True
        start = self.words[n].idx
        return bool(_PARAGRAPH_BREAK.search(text_of(self.doc), start, self.words[m].idx))

    def _word(self, n: int) -> Token | None:
        return self.words[n] if n < len(self.words) else None

    def _title_word(self, n: int, first: bool) -> bool:
        token = self._word(n)
        if token is None or token.i in self.in_law or not _TITLE_WORD.fullmatch(token.text):
            return False
        lower = token.lower_
        if lower in self.v["stop_words"] or lower in self.v["title_connectors"] or lower in self.v["title_prepositions"]:
            return False
        if not first and self._separable_verb(lower):
            return False
        return first or not (token.doc.has_annotation("POS") and token.pos_ in self.v["stop_pos"])

    def _separable_verb(self, lower: str) -> bool:
        """A present-tense verb with a separable particle ends a clause, never a law title ('… het
        wetsvoorstel Wet verbetering beschut werk aankondigt;'): particle + stem + t, unless it ends
        like a noun ('toezicht', 'overgangsrecht', 'invaliditeit')."""
        particle = next((p for p in self.v["verb_particles"] if lower.startswith(p)), None)
        if particle is None or not lower.endswith("t") or len(lower) - len(particle) < 4:
            return False
        return not lower.endswith(tuple(self.v["noun_endings"]))

    def _law_span_at(self, n: int) -> Span | None:
        token = self._word(n)
        return self.law_at.get(token.i) if token is not None else None

    def _end_index(self, span: Span) -> int:
        """Index in ``words`` of the first word after ``span``."""
        m = next(k for k, w in enumerate(self.words) if w.i == span.start)
        while m < len(self.words) and self.words[m].i < span.end:
            m += 1
        return m

    def _found(self, n: int, end: int, key_end: int | None = None) -> _Found:
        """The title of words ``n`` to ``end``, keyed by its words up to ``key_end`` (default: all)."""
        start, stop = self.words[n].i, self.words[end - 1].i + 1
        name = " ".join(self.doc[start:stop].text.split())
        key_name = name if key_end is None else " ".join(self.doc[start : self.words[key_end - 1].i + 1].text.split())
        return _Found(start, stop, f"id/wet/{slug(key_name)}", name)

    def _other_laws_after(self, m: int) -> int:
        """``m``, or the index after an 'en enkele andere wetten' tail that starts there."""
        for tail in self.v["other_laws_tails"]["tails"]:
            words = tail.split()
            at = [self._word(m + i) for i in range(len(words))]
            if all(t is not None and t.lower_ == w for t, w in zip(at, words)) and not any(
                self.broken(m + i - 1, m + i) for i in range(len(words))
            ):
                return m + len(words)
        return m

    def _compound_end(self, m: int) -> int | None:
        """The index after a compound's tail glued to word ``m - 1`` by a hyphen ('WW' + '-' + 'stelsel'),
        or None when word ``m`` does not join a lower-case word to it."""
        hyphen, tail = self._word(m), self._word(m + 1)
        if hyphen is None or tail is None or hyphen.text != "-" or self.words[m - 1].whitespace_ or hyphen.whitespace_:
            return None
        return m + 2 if tail.is_alpha and tail.text.islower() else None

    def _year_after(self, m: int) -> int:
        token = self._word(m)
        return m + 1 if token is not None and _YEAR.fullmatch(token.text) and not self.broken(m - 1, m) else m

    def wet_title(self, n: int) -> _Found | None:
        """``Wet`` + a title of lower-case words (see the module docstring)."""
        if self.words[n].text != "Wet":
            return None
        m = n + 1
        nxt = self._word(m)
        if nxt is None or self.broken(n, m) or self._law_span_at(m) is not None:
            return None  # "Wet WIA": the gazetteer found the law
        if _ACRONYM.fullmatch(nxt.text):
            return None if nxt.i in self.named else self._found(n, self._year_after(m + 1))
        if _NICKNAME.fullmatch(nxt.text):
            return self._nickname(n, m)
        if nxt.lower_ in self.v["title_openers"]:
            m += 1
            if self._word(m) is not None and self._word(m).lower_ in self.v["title_articles"]:
                m += 1
        if not self._title_word(m, first=True) or self.words[m].lower_ in self.v["not_titles"]:
            return None
        count, end, m = 1, m + 1, m + 1
        while m < len(self.words) and count < self.v["max_title_words"] and not self.broken(m - 1, m):
            token = self.words[m]
            law = self._law_span_at(m)
            if law is not None:
                after = self._end_index(law)
                compound = self._compound_end(after)
                if compound is not None:  # 'Wet wijziging WW-stelsel': the law's name begins a word of the title
                    return self._found(n, self._year_after(compound))
                end = self._year_after(after)
                return self._found(n, self._other_laws_after(end), key_end=end)
            if _YEAR.fullmatch(token.text):
                return self._found(n, m + 1)
            if _ACRONYM.fullmatch(token.text) and token.i not in self.named:
                return self._found(n, self._year_after(m + 1))
            if self._title_word(m, first=False):
                count, end, m = count + 1, m + 1, m + 1
                continue
            lower = token.lower_
            joins = lower in self.v["title_connectors"] or lower in self.v["title_prepositions"]
            if joins and m + 1 < len(self.words) and not self.broken(m, m + 1) and (
                self._title_word(m + 1, first=False) or self._law_span_at(m + 1) is not None
            ):
                m += 1
                continue
            if count >= 2 and end == m:
                end = self._body_ending_title(m, end)
            break
        if count >= 3 and end == m and self._participle(end - 1):
            end -= 1  # '... in het wetsvoorstel Wet breed offensief verruimd, maar ...'
        return self._found(n, end)

    def _clause_goes_on(self, k: int) -> bool:
        """A word follows word ``k`` in the same line: no punctuation, line end or paragraph between."""
        after = self._word(k + 1)
        return after is not None and not self.broken(k, k + 1) and after.text[:1].isalnum()

    def _participle(self, k: int) -> bool:
        """Word ``k`` is a past participle closing the clause ('verruimd', 'samengevoegd', 'ingevoerd'
        before a comma or full stop): the sentence's verb, not the title's last word."""
        if self._clause_goes_on(k):
            return False
        lower = self.words[k].lower_
        if lower.endswith(tuple(self.v["noun_endings"])):
            return False
        particles = "|".join(self.v["verb_particles"])
        return bool(re.fullmatch(rf"(?:(?:{particles})?ge|ver|be|ont|her)[a-zà-ÿ]{{3,}}[dt]", lower))

    def _body_ending_title(self, m: int, end: int) -> int:
        """``Wet elektronische dienstverlening UWV``, ``Wet openbaarmaking uitkomsten onderzoek
        Arbeidsinspectie``: a body right after the title's words ends the title where the clause ends
        with it (punctuation or a line's end follows); ``de Wet werk en bijstand UWV heeft`` it does not."""
        body = self.org_at.get(self.words[m].i)
        if body is None:
            return end
        after = self._end_index(body)
        return end if self._clause_goes_on(after - 1) else after

    def _nickname(self, n: int, m: int) -> _Found | None:
        """``Wet Pemba``, ``Wet Walvis``, ``Wet Linschoten``: a law called by one capitalised word,
        not the start of a capitalised title (``Wet Werk en Bijstand``) nor a name kg found."""
        if self.words[m].i in self.named:
            return None
        instrument = self.instrument_at.get(self.words[m].i)
        if instrument is not None:  # 'Wet Breed offensief': the law named after a programme
            return self._found(n, self._year_after(self._end_index(instrument)))
        after, then = self._word(m + 1), self._word(m + 2)
        if after is not None and not self.broken(m, m + 1):
            if _NICKNAME.fullmatch(after.text):
                return None  # 'Wet Modernisering Ziekteverzuim': a title in capitals, not a name
            capitalised_next = then is not None and then.text[:1].isupper() and then.text != "Wet"
            if after.lower_ in self.v["title_connectors"] and capitalised_next:
                return None
        return self._found(n, self._year_after(m + 1))

    def compound(self, n: int) -> _Found | None:
        """``Arbeidstijdenwet``, ``Invoeringswet Participatiewet``, ``Verzamelwet SZW 2018``."""
        match = _COMPOUND.fullmatch(self.words[n].text)
        if match is None or self.words[n].i in self.within_name:
            return None
        generic = match["stem"].lower() in self.v["generic_compounds"]
        m = n + 1
        while m < len(self.words) and m - n <= 3 and not self.broken(m - 1, m):
            token = self.words[m]
            law = self._law_span_at(m)
            if generic and law is not None:
                m = self._end_index(law)
            elif _YEAR.fullmatch(token.text) or (_ACRONYM.fullmatch(token.text) and (generic or token.i not in self.named)):
                m += 1
            elif generic and _COMPOUND.fullmatch(token.text):
                m += 1
            else:
                break
        if generic and m == n + 1:
            return None
        return self._found(n, m)


@Language.factory("kg_law_names")
def make_law_names(nlp: Language, name: str) -> LawNames:
    """Law titles outside the vocabulary; runs after ``kg_gazetteer``."""
    return LawNames(nlp)
