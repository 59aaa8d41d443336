"""Find organisations, parties, instruments and laws by the names kg's reference vocabularies give them.

The vocabularies are the SKOS concept schemes in ``kg.ontology`` (``organisaties.ttl``,
``partijen.ttl``, ``instrumenten.ttl``, ``wetten.ttl``): every ``skos:prefLabel``, ``skos:altLabel``
and ``skos:hiddenLabel`` of a concept is a name to look for, and the concept's IRI, relative to
the base IRI, is the key a mention carries (``id/instrument/ips``). The class of the concept gives
the mention category (:data:`CATEGORY_CLASSES`).

Labels are tokenized with the pipeline's own tokenizer and matched token by token. spaCy's
PhraseMatcher is not used because PDF text needs two things it cannot do: skip the newline
tokens that a line break leaves inside a name ("beschut\\nwerk"), and see a name inside one
Dutch compound token ("VVD-fractie", "IPS-trajecten", "WAO/WIA/ZW" are single tokens).
Case: a label token with a capital after its first letter (UWV, PvdA) matches only as written
(or the whole label in capitals, as a heading writes it: PVDA, TWEEDE KAMER DER STATEN-GENERAAL),
other tokens ignore case; ``extractors/data/gazetteer.json`` makes whole labels or categories
case-sensitive where the lower-case form is an ordinary word ("denk", "volt").
Overlaps: the longest match wins, across categories too, so "Wet banenafspraak" is a law and not
also the instrument "banenafspraak", and "Inspectie SZW" is the inspectorate, not the ministry;
but a compound label's modifier that is a proper name of another kind is a mention too
("Wsw-indicatie" names the Wsw), by its own characters (span attribute ``part``).
"""

from __future__ import annotations

import logging
import re

from spacy.attrs import IS_SPACE, ORTH
from spacy.language import Language
from spacy.tokens import Doc

from kg.extractors.base import add_mention, text_of
from kg.extractors.vocabulary import (  # noqa: F401 - the public names are re-exported
    _DIAERESIS,
    _MAX_VARIANT_TOKENS,
    _MIN_HEAD_STEM,
    CATEGORY_CLASSES,
    VOCABULARY_FILES,
    Concept,
    Settings,
    _has_inner_capital,
    _norm,
    _squash,
    _variant_key,
    concept_category,
    has_variants,
    load_settings,
    load_vocabulary,
    matched_forms,
    number_forms,
    number_variants,
)

log = logging.getLogger(__name__)

# --------------------------------------------------------------------------------------------
# Matching
# --------------------------------------------------------------------------------------------

_Entry = tuple[str, str]  # (category, concept path)
#: a generic phrase: matched (so no shorter label inside it matches) but not a mention
_GENERIC: _Entry = ("", "")
_CONJUNCTIONS = {"en", "of", "en/of"}
_MIN_TAIL = 3
#: what may follow a party's name of several words in one hyphenated token ('Leefbaar Nederland-fractie')
_FRACTIE_HEADS = frozenset({"fractie", "fracties", "fractievoorzitter", "fractieleden"})
#: a text without it holds none of those tokens (the heads are compared ignoring case)
_FRACTIE_IN_TEXT = re.compile("-fractie", re.IGNORECASE)


class _Node:
    __slots__ = ("children", "entry")

    def __init__(self) -> None:
        self.children: dict[str, _Node] = {}
        self.entry: _Entry | None = None


def _exact_key(text: str) -> str:
    return "=" + text


def _folded_key(text: str) -> str:
    return "~" + text.lower()


def _words(doc: Doc) -> list[tuple[int, str, tuple[str, ...]]]:
    """(token index, normalised text, its trie keys) of every non-space token.

    Read from the Doc's arrays, and normalised once per distinct word: creating a ``Token`` per
    word and the keys at every trie step was a tenth of a build's time. The keys come in a fixed
    order (a set's order would change with the process's hash seed, and so could a tie between
    two labels of one length in worker processes).
    """
    strings = doc.vocab.strings
    keys: dict[int, tuple[str, tuple[str, ...]]] = {}
    words = []
    for i, (orth, is_space) in enumerate(doc.to_array([ORTH, IS_SPACE]).tolist()):
        if is_space:
            continue
        known = keys.get(orth)
        if known is None:
            text = _norm(strings[orth])
            known = keys[orth] = (text, (_exact_key(text), _folded_key(text)))
        words.append((i, *known))
    return words



class Gazetteer:
    """Token trie over all vocabulary labels; see the module docstring for the matching rules."""

    def __init__(self, nlp: Language, concepts: list[Concept], settings: Settings) -> None:
        self.root = _Node()
        self.not_followed_by = settings.not_followed_by
        self.sentence_cues = dict(settings.sentence_cues)
        self.party_position = dict(settings.party_position)
        #: first words of those labels, so a match starting elsewhere is let through at once
        self._refusable = frozenset(label.split()[0] for label, _ in settings.not_followed_by)
        #: single-token label keys -> entry, for names inside compound tokens
        self.single: dict[str, _Entry] = {}
        #: the subset of ``single`` whose label starts with a capital (proper names, abbreviations)
        self.single_proper: dict[str, _Entry] = {}
        #: squashed spelling variants (see :func:`number_forms`) -> entry, and the same keys sorted
        self.variants: dict[str, _Entry] = {}
        #: squashed labels of concepts that may head a compound ("loonkostensubsidie|regeling")
        self.compound_stems: dict[str, _Entry] = {}
        self._first_words: set[str] = set()
        capitals: list[tuple[str, _Entry]] = []
        for concept in concepts:
            exact = concept.category in settings.case_sensitive_categories
            for label in concept.labels:
                if self.party_position.get(label) == concept.path:
                    continue  # named so only where a party stands (_in_party_position)
                case_sensitive = exact or label in settings.case_sensitive_labels
                self._add(nlp, label, (concept.category, concept.path), case_sensitive)
                if any(_has_inner_capital(word) for word in label.split()) and label.upper() != label:
                    capitals.append((label.upper(), (concept.category, concept.path)))
                if concept.category in settings.variant_categories and not case_sensitive:
                    self._add_variants(label, (concept.category, concept.path))
        for phrase in settings.generic_phrases:
            self._add(nlp, phrase, _GENERIC, False)
        # a heading in capitals ('TWEEDE KAMER DER STATEN-GENERAAL', '(GROENLINKS)'); after every
        # label, which it gives way to ('RVS' is the RVS's, not the Raad van State's 'RvS')
        for label, entry in capitals:
            self._add(nlp, label, entry, True, quiet=True)
        self._variant_prefixes = frozenset(k[:i] for k in self.variants for i in range(1, len(k)))
        self._stem_starts = frozenset(k[:_MIN_HEAD_STEM] for k in self.compound_stems)
        # A text word can start a variant when it is a prefix of three letters or more, or a label's
        # own first word ('no' of 'no-riskpolis'): so 'de' and 'in' are not tried at every turn.
        self._variant_starts = frozenset(
            {p for p in self._variant_prefixes if len(p) >= 3} | set(self.variants) | self._first_words
        )
        heads = sorted({_squash(h) for h in settings.compound_heads}, key=len, reverse=True)
        self._head = re.compile("(?:" + "|".join(map(re.escape, heads)) + ")$") if heads else None
        self.separators = settings.separators
        self._split = re.compile("[" + re.escape(settings.separators) + "]")

    def _add_variants(self, label: str, entry: _Entry) -> None:
        if not has_variants(label):
            return
        self._first_words.add(_squash(re.split(r"[\s\-/]", label.strip(), maxsplit=1)[0]))
        for form in number_variants(label):
            key = _squash(form)
            if len(key) >= _MIN_HEAD_STEM:
                self.variants.setdefault(key, entry)
        if entry[0] == "instrument":
            self.compound_stems.setdefault(_squash(label), entry)

    def _add(self, nlp: Language, label: str, entry: _Entry, exact: bool, quiet: bool = False) -> None:
        """Put ``label`` in the trie; ``quiet``: a form made by kg, which gives way to any label."""
        tokens = [_norm(t.text) for t in nlp.make_doc(label) if not t.is_space]
        if not tokens:
            return
        keys = [_exact_key(t) if exact or _has_inner_capital(t) else _folded_key(t) for t in tokens]
        node = self.root
        for key in keys:
            node = node.children.setdefault(key, _Node())
        if node.entry is not None and node.entry != entry:
            if not quiet:
                log.warning("gazetteer: label %r of %s is also a label of %s; keeping the first", label, entry[1], node.entry[1])
            return
        node.entry = entry
        if len(keys) == 1:
            self.single.setdefault(keys[0], entry)
            if label[:1].isupper():
                self.single_proper.setdefault(keys[0], entry)

    def __call__(self, doc: Doc) -> Doc:
        for category, path, start, end, part in self.matches(doc):
            attrs = {"part": part} if part else {}
            add_mention(doc, category, doc[start:end], key=path, **attrs)
        return doc

    def matches(self, doc: Doc) -> list[tuple[str, str, int, int, tuple[int, int] | None]]:
        """``(category, path, start, end, part)`` of every accepted match, in text order (token
        offsets); ``part`` is ``(start_char, end_char)`` of a name inside a compound token
        ('VVD' of 'VVD-fractie'), None when the match is its tokens."""
        words = _words(doc)
        # (length, start, end, [(entry, part)]): a longer match wins over the matches inside it
        candidates: list[tuple[int, int, int, list[tuple[_Entry, tuple[int, int] | None]]]] = []
        worth_trying: dict[str, bool] = {}  # per distinct word: can a spelling variant start here?
        any_fractie = _FRACTIE_IN_TEXT.search(text_of(doc)) is not None  # 'Partij voor de Dieren-fractie' (_party_fractie)
        for n in range(len(words)):
            found = self._longest(words, n)
            text = words[n][1]
            tried = worth_trying.get(text)
            if tried is None:
                first = text.lower().translate(_DIAERESIS)
                tried = worth_trying[text] = (
                    first[:_MIN_HEAD_STEM] in self._stem_starts or first in self._variant_starts or not first.isalnum()
                )
            variant = self._variant(words, n) if tried else None
            if variant is not None and (found is None or variant[0] > found[0]):
                found = variant  # 'Werkgevers Servicepunten' is more than 'Werkgevers'
            offset = doc[words[n][0]].idx
            fractie = self._party_fractie(words, n) if any_fractie else None
            if fractie is not None and (found is None or fractie[0] > found[0]):
                last, entry, cut = fractie  # 'de Partij voor de Dieren-fractie'
                part = (offset, doc[words[last][0]].idx + cut)
                candidates.append((last - n + 1, words[n][0], words[last][0] + 1, [(entry, part)]))
                continue
            if found is not None:
                last, entry = found
                entries = [(entry, None)]
                modifier = self._named_modifier(words, n, last, entry)
                if modifier is not None:
                    entries.append((modifier[0], (offset + modifier[1][0], offset + modifier[1][1])))
                candidates.append((last - n + 1, words[n][0], words[last][0] + 1, entries))
                continue
            inside = [(entry, (offset + a, offset + b)) for entry, (a, b) in self._inside(text)]
            inside = inside or [(entry, None) for entry in self._elided(words, n)]
            if inside:
                candidates.append((1, words[n][0], words[n][0] + 1, inside))
        candidates.sort(key=lambda c: (-c[0], c[1]))
        taken = bytearray(len(doc))
        accepted: list[tuple[str, str, int, int, tuple[int, int] | None]] = []
        for _, start, end, entries in candidates:
            if any(taken[start:end]) or self._refused(doc, start, end) or self._out_of_field(doc, start, entries):
                continue
            taken[start:end] = b"\x01" * (end - start)
            if self.party_position:
                entries = self._in_party_position(doc, start, end, entries)
            if entries[0][0][0]:  # a generic phrase names nothing, not even in its modifier
                accepted.extend((category, path, start, end, part) for (category, path), part in entries)
        accepted.sort(key=lambda m: (m[2], m[3], m[0], m[1], m[4] or (0, 0)))
        return accepted

    def _named_modifier(
        self, words: list[tuple[int, str, tuple[str, ...]]], n: int, last: int, entry: _Entry
    ) -> tuple[_Entry, tuple[int, int]] | None:
        """What the modifier of a compound label names when it is a proper name of another kind:
        'Wsw-indicatie' and 'WIW-baan' mention the Wsw and the WIW as well as the instrument, as
        'VVD-fractie' mentions the VVD. Returns the entry and the modifier's characters in the
        first word."""
        text = words[n][1]
        if last == n:
            cut = self._split.search(text)
            end = cut.start() if cut else 0
        elif words[n + 1][1] in self.separators:
            end = len(text)
        else:
            return None
        modifier = self._lookup(text[:end], self.single_proper) if end else None
        if modifier is None or modifier[0] == entry[0]:
            return None
        return modifier, (0, end)

    def _out_of_field(self, doc: Doc, start: int, entries: list) -> bool:
        """A label that names its concept only in a sentence of its field (``sentence_cues``)."""
        cue = self.sentence_cues.get(entries[0][0][1])
        if cue is None:
            return False
        sentence = doc[start].sent if doc.has_annotation("SENT_START") else doc[:]
        return cue.search(sentence.text) is None

    def _in_party_position(self, doc: Doc, start: int, end: int, entries: list) -> list:
        """``entries`` with a ``party_position`` label written where a party stands, in parentheses
        ('Krajíček-Hoogland (AOV)') or before '-fractie', as that party."""
        text = text_of(doc)
        placed = []
        for entry, part in entries:
            a, b = part or (doc[start].idx, doc[end - 1].idx + len(doc[end - 1]))
            party = self.party_position.get(text[a:b])
            if party and (text[a - 1:a] == "(" and text[b:b + 1] == ")" or text[b:b + 8].casefold() == "-fractie"):
                entry = ("party", party)
            placed.append((entry, part))
        return placed

    def _refused(self, doc: Doc, start: int, end: int) -> bool:
        """A label followed by what makes it something else (``CD 6/7``: a commissiedebat's date)."""
        if doc[start].text not in self._refusable:
            return False
        written = doc[start:end].text
        for label, after in self.not_followed_by:
            if written == label and after.match(text_of(doc), doc[end - 1].idx + len(doc[end - 1])):
                return True
        return False

    def _longest(self, words: list[tuple[int, str, tuple[str, ...]]], n: int) -> tuple[int, _Entry] | None:
        """The longest label starting at word ``n``: (index of its last word, entry)."""
        best: tuple[int, _Entry] | None = None
        stack = [(self.root, n)]
        while stack:
            node, m = stack.pop()
            if node.entry is not None and m > n and (best is None or m - 1 > best[0]):
                best = (m - 1, node.entry)
            if m >= len(words):
                continue
            for key in words[m][2]:
                child = node.children.get(key)
                if child is not None:
                    stack.append((child, m + 1))
        return best

    def _party_fractie(self, words: list[tuple[int, str, tuple[str, ...]]], n: int) -> tuple[int, _Entry, int] | None:
        """A party name of several words whose last word is hyphenated onto ``fractie`` (or
        ``fracties``, ``fractievoorzitter``): ``Partij voor de Dieren-fractie``, ``Leefbaar
        Nederland-fractie``, read as one token there. Returns the last word's index, the party and
        where the name ends in that word (the one-word ``VVD-fractie`` is :meth:`_inside`'s)."""
        node, m = self.root, n
        while m < len(words):
            text = words[m][1]
            cut = text.find("-")
            if m > n and cut > 0 and text[cut + 1:].casefold() in _FRACTIE_HEADS:
                name = text[:cut]
                for key in (_exact_key(name), _folded_key(name)):
                    child = node.children.get(key)
                    if child is not None and child.entry is not None and child.entry[0] == "party":
                        return m, child.entry, cut
                return None
            for key in words[m][2]:
                child = node.children.get(key)
                if child is not None:
                    break
            else:
                return None
            node, m = child, m + 1
        return None

    def _variant(self, words: list[tuple[int, str, tuple[str, ...]]], n: int) -> tuple[int, _Entry] | None:
        """The longest spelling variant of a label starting at word ``n`` (see :func:`number_forms`),
        or an instrument heading a compound word ("loonkostensubsidieregeling", "IRO-trajecten",
        "begeleid werken-regeling")."""
        joined, best = "", None
        for m in range(n, min(n + _MAX_VARIANT_TOKENS, len(words))):
            piece = _variant_key(words[m][1])
            if piece is None:
                break
            joined += piece
            entry = self.variants.get(joined)
            if entry is not None and not (best and best[1] == entry and len(piece) <= 4):
                best = (m, entry)  # but 'no risk polis en' is not a plural of 'no risk polis'
            elif (m == n or "-" in words[m][1]) and len(joined) > _MIN_HEAD_STEM + 3 and joined[:_MIN_HEAD_STEM] in self._stem_starts:
                # one compound word, or a name of several words whose last one is hyphenated onto
                # the head ('begeleid werken-regeling', 'Work First-projecten')
                head = self._head.search(joined) if self._head is not None else None
                stem = joined[: head.start()] if head else ""
                if stem in self.compound_stems:
                    best = (m, self.compound_stems[stem])
            if joined not in self._variant_prefixes:
                break
        return best

    def _inside(self, text: str) -> list[tuple[_Entry, tuple[int, int]]]:
        """Names inside one compound token, with their characters in it: each member of a slash
        list ("WAO/WIA/ZW") that is a label, else the longest proper-name label before a hyphen or
        apostrophe ("VVD-fractie", "GroenLinks-PvdA-fractie", "CDA'ers"). Common nouns are not
        split off ("werkgevers-")."""
        if not self._split.search(text):
            return []
        found: list[tuple[_Entry, tuple[int, int]]] = []
        at = 0
        for chunk in text.split("/") if "/" in self.separators else [text]:
            entry, end = (self._lookup(chunk, self.single), len(chunk)) if chunk != text else (None, 0)
            if entry is None:
                cuts = [m.start() for m in self._split.finditer(chunk) if m.group() != "/"]
                for end in reversed(cuts):
                    entry = self._lookup(chunk[:end], self.single_proper)
                    if entry is not None:
                        break
            if entry is not None and all(entry != seen for seen, _ in found):
                found.append((entry, (at, at + end)))
            at += len(chunk) + 1
        return found

    def _elided(self, words: list[tuple[int, str, tuple[str, ...]]], n: int) -> list[_Entry]:
        """A compound whose tail was left out before a conjunction: "werkgevers-" in
        "werkgevers- en werknemersorganisaties" is "werkgeversorganisaties". The tail is taken from
        the word after the conjunction and must be at least three letters long."""
        text = words[n][1]
        if len(text) < 2 or not text.endswith("-") or n + 2 >= len(words):
            return []
        if words[n + 1][1].lower() not in _CONJUNCTIONS:
            return []
        head, following = text[:-1], words[n + 2][1]
        for cut in range(1, len(following) - _MIN_TAIL + 1):
            entry = self._lookup(head + following[cut:], self.single)
            if entry is not None:
                return [entry]
        return []

    @staticmethod
    def _lookup(text: str, index: dict[str, _Entry]) -> _Entry | None:
        if not text:
            return None
        return index.get(_exact_key(text)) or index.get(_folded_key(text))


@Language.factory("kg_gazetteer", default_config={"extra_vocabularies": []})
def make_gazetteer(nlp: Language, name: str, extra_vocabularies: list[str]) -> Gazetteer:
    """Mentions of vocabulary concepts; ``extra_vocabularies`` adds Turtle files of more concepts."""
    return Gazetteer(nlp, load_vocabulary(tuple(str(p) for p in extra_vocabularies)), load_settings())

