"""Turn one processed document (source text, cleaned text, annotated ``Doc``) into RDF quads.

This is the only module that knows kg's RDF model (see ``ontology/README.md``); the extractors
only write spans and attributes on the ``Doc`` (see ``kg.extractors.base``). Every quad lands in
the document's own named graph, so rebuilding a document replaces exactly what it contributed.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
from typing import Iterable

from pyoxigraph import Literal, NamedNode, Quad

from kg import __version__
from kg.extractors.base import CATEGORIES, document_facts, mentions, reader_facts, span_attrs
from kg.pipeline import PipelineInfo
from kg.readers.contract import CleanedText, SourceText
from kg.vocab import (
    CATEGORY_CLASSES,
    DCTERMS,
    FOAF,
    ITSRDF,
    KGV,
    NIF,
    OPENGOV,
    ORG,
    PERSON,
    PROV,
    RDF,
    RDFS,
    SCHEMA,
    SKOS,
    XSD,
    Minter,
    build_key,
    koop_url,
    slug,
    source_slug,
)

_MINISTERIAL_ROLES = {"minister", "staatssecretaris"}
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@dataclass(frozen=True)
class DocumentResult:
    """What one document contributed: its graph, node and quads, plus counts for the build summary."""

    graph: NamedNode
    document: NamedNode
    quads: list[Quad]
    entities: dict[str, int]  # distinct entities per category


def _sentences_of(span):
    """The sentence holding ``span``, widened to the following sentences the span runs into."""
    first, last = span.doc[span.start].sent, span.doc[span.end - 1].sent
    return first if first.start == last.start else span.doc[first.start : last.end]


_QA_HEADING = re.compile(r"^\s*(?:(?:vraag|vragen|antwoord(?:en)?)\b[^\n]*|\d+[.)]?[ \t]*)\n", re.IGNORECASE)


def _body(text: str) -> str:
    """A question's or answer's text without its heading line ("Vraag 3", "Antwoord 3 & 4", "12")."""
    return " ".join(_QA_HEADING.sub("", text, count=1).split())


def _int(value: int) -> Literal:
    return Literal(str(value), datatype=XSD.nonNegativeInteger)


@lru_cache(maxsize=1)
def _concept_labels() -> dict[str, str]:
    """Concept path -> preferred label, from the gazetteer's vocabulary (one source of truth)."""
    from kg.extractors.gazetteer import load_vocabulary

    return {concept.path: concept.pref_label for concept in load_vocabulary()}


@lru_cache(maxsize=1)
def _party_paths() -> dict[str, str]:
    """Casefolded party label -> concept path, for parties written next to motion submitters."""
    from kg.extractors.gazetteer import load_vocabulary

    return {
        label.casefold(): concept.path
        for concept in load_vocabulary()
        if concept.category == "party"
        for label in concept.labels
    }


class DocumentWriter:
    """Collects the quads of one document graph."""

    def __init__(
        self,
        source: SourceText,
        cleaned: CleanedText,
        doc,
        info: PipelineInfo,
        minter: Minter,
        started: datetime,
        ended: datetime,
    ) -> None:
        self.source, self.cleaned, self.doc, self.info, self.mint = source, cleaned, doc, info, minter
        self.started, self.ended = started, ended
        self.slug = source_slug(source.name)
        self.graph = minter.document_graph(self.slug)
        self.facts = document_facts(doc)
        own = [i for i in self.facts.get("identifiers") or [] if i]
        self.own_ids = set(own)
        self.node = minter.kamerstuk(own[0]) if own else minter.document(self.slug)
        self.context = minter.text(self.slug)
        digest = build_key(source.sha256, __version__, info.model)
        self.activity = minter.iri(f"build/{self.slug}/{digest}")
        self.quads: set[Quad] = set()
        self.entities: dict[str, set[NamedNode]] = defaultdict(set)

    # -- helpers ------------------------------------------------------------------------------

    def add(self, s: NamedNode, p: NamedNode, o) -> None:
        self.quads.add(Quad(s, p, o, self.graph))

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        return self.cleaned.raw_span(start, end)

    def sentence_node(self, sent) -> NamedNode | None:
        """The NIF sentence for a spaCy sentence (or span of sentences), trimmed of surrounding whitespace."""
        text = sent.text
        stripped = text.strip()
        if not stripped:
            return None
        start = sent.start_char + (len(text) - len(text.lstrip()))
        end = start + len(stripped)
        raw_start, raw_end = self.raw_span(start, end)
        return self.sentence_at(raw_start, raw_end, stripped)

    def sentence_at(self, raw_start: int, raw_end: int, surface: str) -> NamedNode:
        """The NIF sentence at raw ``raw_start:raw_end`` (``surface``: its cleaned text)."""
        node = self.mint.text(self.slug, raw_start, raw_end)
        # A sentence is described again for each of its mentions; the quad set keeps one copy.
        self.add(node, RDF.type, NIF.Sentence)
        self.add(node, RDF.type, NIF.RFC5147String)
        self.add(node, NIF.beginIndex, _int(raw_start))
        self.add(node, NIF.endIndex, _int(raw_end))
        self.add(node, NIF.referenceContext, self.context)
        self.add(node, NIF.anchorOf, Literal(self.source.raw[raw_start:raw_end]))
        self.add(node, KGV.surfaceForm, Literal(surface))
        return node

    def mention(self, span, entity: NamedNode, category: str) -> None:
        """A NIF phrase for ``span`` pointing at ``entity``, with raw offsets and its sentence."""
        raw_start, raw_end = self.raw_span(span.start_char, span.end_char)
        node = self.phrase(raw_start, raw_end, span.text, entity, category)
        sentence = self.sentence_node(_sentences_of(span))
        if sentence is not None:
            self.add(node, NIF.sentence, sentence)

    def phrase(self, raw_start: int, raw_end: int, surface: str, entity: NamedNode, category: str) -> NamedNode:
        """The NIF phrase at raw ``raw_start:raw_end`` pointing at ``entity`` (no sentence)."""
        node = self.mint.text(self.slug, raw_start, raw_end)
        self.add(node, RDF.type, NIF.Phrase)
        self.add(node, RDF.type, NIF.RFC5147String)
        self.add(node, NIF.beginIndex, _int(raw_start))
        self.add(node, NIF.endIndex, _int(raw_end))
        self.add(node, NIF.anchorOf, Literal(self.source.raw[raw_start:raw_end]))
        self.add(node, KGV.surfaceForm, Literal(surface))
        self.add(node, NIF.referenceContext, self.context)
        self.add(node, ITSRDF.taIdentRef, entity)
        self.add(node, ITSRDF.taClassRef, CATEGORY_CLASSES[category])
        self.add(node, PROV.wasGeneratedBy, self.activity)
        self.entities[category].add(entity)
        return node

    def person(self, name: str, attrs: dict | None = None) -> NamedNode:
        """The person node for ``name``, with the party and post from a mention's ``attrs``."""
        attrs = attrs or {}
        from kg.extractors.persons import family_name, person_key

        node = self.mint.person(person_key(name))
        self.add(node, RDF.type, FOAF.Person)
        self.add(node, RDF.type, PERSON.Person)
        self.add(node, FOAF.name, Literal(name))
        self.add(node, FOAF.familyName, Literal(family_name(name)))
        party = attrs.get("party")
        if party:
            self.add(node, ORG.memberOf, self.mint.iri(party))
        role = attrs.get("role")
        if role:
            self.add(node, ORG.holds, self.post(role, attrs.get("organisation")))
        return node

    def post(self, role: str, organisation: str | None) -> NamedNode:
        role_node = self.mint.iri(f"id/rol/{slug(role)}")
        self.add(role_node, RDF.type, ORG.Role)
        self.add(role_node, SKOS.prefLabel, Literal(role, language="nl"))
        if organisation:
            org_label = _concept_labels().get(organisation, organisation.rsplit("/", 1)[-1])
            post = self.mint.iri(f"id/post/{slug(role)}--{slug(organisation.rsplit('/', 1)[-1])}")
            self.add(post, RDFS.label, Literal(f"{role}, {org_label}", language="nl"))
            self.add(post, ORG.postIn, self.mint.iri(organisation))
        else:
            post = self.mint.iri(f"id/post/{slug(role)}")
            self.add(post, RDFS.label, Literal(role, language="nl"))
        self.add(post, RDF.type, ORG.Post)
        self.add(post, ORG.role, role_node)
        return post

    def describe_unlisted(self, entity: NamedNode, category: str, name: str) -> None:
        """Type and label an entity found by its shape or by the model, not in kg's vocabulary.

        Its label is an ``rdfs:label`` as written (not a ``skos:prefLabel``): it belongs to no
        concept scheme, and two documents may spell it differently.
        """
        self.add(entity, RDF.type, CATEGORY_CLASSES[category])
        if category == "law":
            self.add(entity, RDF.type, SCHEMA.Legislation)
        self.add(entity, RDFS.label, Literal(name, language="nl"))

    def kamerstuk(self, identifier: str) -> NamedNode:
        node = self.mint.kamerstuk(identifier)
        self.add(node, RDF.type, KGV.Kamerstuk)
        self.add(node, DCTERMS.identifier, Literal(identifier))
        self.add(node, RDFS.label, Literal(identifier))
        self.add(node, DCTERMS.source, NamedNode(koop_url(identifier)))
        if re.match(r"^a?h-", identifier):
            self.add(node, RDF.type, KGV.HandelingenItem)
        else:
            dossier = self.mint.dossier(identifier.split("-", 1)[0])
            self.add(dossier, RDF.type, KGV.Dossier)
            self.add(dossier, DCTERMS.identifier, Literal(identifier.split("-", 1)[0]))
            self.add(node, DCTERMS.isPartOf, dossier)
        return node

    def motion(self, key: str, attrs: dict) -> NamedNode:
        label = attrs.get("label")
        if key:
            node = self.kamerstuk(key)
        else:
            name = f"{attrs.get('dossier') or ''} {label or attrs.get('number') or ''}"
            node = self.mint.iri(f"id/motie/{slug(name)}")
        self.add(node, RDF.type, OPENGOV.Motion)
        if label:
            self.add(node, RDFS.label, Literal(label, language="nl"))
        parties = [_party_paths().get(p.casefold()) for p in attrs.get("parties") or []]
        for index, name in enumerate(attrs.get("submitters") or []):
            party = parties[index] if index < len(parties) else None
            self.add(node, DCTERMS.creator, self.person(name, {"party": party}))
        return node

    # -- the document ----------------------------------------------------------------------------

    def write(self) -> DocumentResult:
        self.write_document()
        for category in CATEGORIES:
            for span in mentions(self.doc, category):
                self.write_mention(category, span)
        self.write_questions()
        self.write_associations()
        self.write_reader_facts()
        return DocumentResult(
            self.graph,
            self.node,
            sorted(self.quads, key=str),
            {category: len(nodes) for category, nodes in self.entities.items()},
        )

    def write_document(self) -> None:
        node, facts, source = self.node, self.facts, self.source
        self.add(node, RDF.type, KGV.Document)
        self.add(node, RDF.type, FOAF.Document)
        for identifier in facts.get("identifiers") or []:
            self.add(node, RDF.type, KGV.Kamerstuk)
            self.add(node, DCTERMS.identifier, Literal(identifier))
            self.add(node, DCTERMS.source, NamedNode(koop_url(identifier)))
            if not re.match(r"^a?h-", identifier):
                dossier = self.mint.dossier(identifier.split("-", 1)[0])
                self.add(dossier, RDF.type, KGV.Dossier)
                self.add(dossier, DCTERMS.identifier, Literal(identifier.split("-", 1)[0]))
                self.add(node, DCTERMS.isPartOf, dossier)
        doc_type = facts.get("type")
        if doc_type:
            self.add(node, DCTERMS.type, self.mint.iri(f"id/documenttype/{doc_type}"))
            if doc_type == "motie":
                self.add(node, RDF.type, OPENGOV.Motion)
                for name in facts.get("submitters") or []:
                    self.add(node, DCTERMS.creator, self.person(name))
        date = facts.get("date")
        if date and _ISO_DATE.match(str(date)):
            self.add(node, DCTERMS.date, Literal(str(date), datatype=XSD.date))
        if facts.get("title"):
            self.add(node, DCTERMS.title, Literal(" ".join(str(facts["title"]).split()), language="nl"))
        if facts.get("questioner"):
            self.add(node, KGV.questioner, self.person(facts["questioner"]))
        self.add(node, KGV.sourceFile, Literal(source.name))
        self.add(node, KGV.contentSha256, Literal(source.sha256))
        self.add(node, PROV.wasGeneratedBy, self.activity)

        context = self.context
        self.add(context, RDF.type, NIF.Context)
        self.add(context, RDF.type, NIF.RFC5147String)
        self.add(context, NIF.isString, Literal(source.raw))
        self.add(context, NIF.beginIndex, _int(0))
        self.add(context, NIF.endIndex, _int(len(source.raw)))
        self.add(context, NIF.sourceUrl, node)

        activity = self.activity
        agent = self.mint.iri(f"agent/kg/{__version__}")
        self.add(activity, RDF.type, PROV.Activity)
        self.add(activity, PROV.used, context)
        self.add(activity, PROV.startedAtTime, Literal(self.started.isoformat(), datatype=XSD.dateTime))
        self.add(activity, PROV.endedAtTime, Literal(self.ended.isoformat(), datatype=XSD.dateTime))
        self.add(activity, PROV.wasAssociatedWith, agent)
        self.add(activity, KGV.nlpModel, Literal(self.info.model))
        self.add(activity, KGV.nlpMode, Literal(self.info.mode))
        self.add(activity, KGV.spacyVersion, Literal(self.info.spacy_version))
        self.add(activity, KGV.contentSha256, Literal(source.sha256))
        self.add(activity, KGV.sourceFile, Literal(source.name))
        self.add(agent, RDF.type, PROV.SoftwareAgent)
        self.add(agent, RDFS.label, Literal(f"kg {__version__}"))
        self.add(self.graph, PROV.wasGeneratedBy, activity)
        self.add(self.graph, KGV.sourceFile, Literal(source.name))

    def write_mention(self, category: str, span) -> None:
        attrs = span_attrs(span)
        key = span.kb_id_
        if category == "kamerstuk":
            if not key or key in self.own_ids:
                return
            entity = self.kamerstuk(key)
            self.add(self.node, DCTERMS.references, entity)
        elif category == "motion":
            entity = self.motion(key, attrs)
            if key not in self.own_ids:  # a motion document names itself in its header
                self.add(self.node, DCTERMS.references if key else KGV.mentions, entity)
        elif category == "person":
            name = attrs.get("name") or span.text
            entity = self.person(" ".join(name.split()), attrs)
            self.add(self.node, KGV.mentions, entity)
            if attrs.get("signatory"):
                self.add(self.node, DCTERMS.creator, entity)
        elif key or (category == "organisation" and attrs.get("name")):
            # Vocabulary concepts come with a key; a name without a key is an organisation only the
            # statistical model knew, minted from its name.
            entity = self.mint.iri(key or f"id/organisatie/{slug(attrs['name'])}")
            if attrs.get("name"):
                self.describe_unlisted(entity, category, " ".join(attrs["name"].split()))
            if attrs.get("member_of"):  # a municipality of the actor group gemeenten, ...
                self.add(entity, ORG.memberOf, self.mint.iri(attrs["member_of"]))
            self.add(self.node, DCTERMS.subject if category in ("instrument", "law") else KGV.mentions, entity)
        else:
            return
        self.mention(span, entity, category)

    def write_questions(self) -> None:
        questions: dict[int, NamedNode] = {}
        first_question = None
        for span in mentions(self.doc, "question"):
            numbers = span_attrs(span).get("numbers") or []
            first_question = span.start_char if first_question is None else min(first_question, span.start_char)
            for number in numbers:
                node = self.mint.iri(f"id/document/{self.slug}/vraag/{number}")
                questions[number] = node
                self.add(node, RDF.type, KGV.Question)
                self.add(node, RDF.type, SCHEMA.Question)
                self.add(node, KGV.number, _int(number))
                self.add(node, DCTERMS.isPartOf, self.node)
                self.add(node, SCHEMA.text, Literal(_body(span.text)))
                if self.facts.get("questioner"):
                    self.add(node, KGV.questioner, self.person(self.facts["questioner"]))
        answerers = [
            span
            for span in mentions(self.doc, "person")
            if str(span_attrs(span).get("role", "")).casefold() in _MINISTERIAL_ROLES
            and (first_question is None or span.start_char < first_question or span_attrs(span).get("signatory"))
        ]
        for span in mentions(self.doc, "answer"):
            numbers = span_attrs(span).get("numbers") or []
            if not numbers:
                continue
            node = self.mint.iri(f"id/document/{self.slug}/antwoord/{'-'.join(str(n) for n in numbers)}")
            self.add(node, RDF.type, KGV.Answer)
            self.add(node, RDF.type, SCHEMA.Answer)
            self.add(node, DCTERMS.isPartOf, self.node)
            self.add(node, SCHEMA.text, Literal(_body(span.text)))
            for number in numbers:
                question = questions.get(number) or self.mint.iri(f"id/document/{self.slug}/vraag/{number}")
                self.add(node, KGV.answers, question)
            for person in answerers:
                attrs = span_attrs(person)
                self.add(node, DCTERMS.creator, self.person(" ".join((attrs.get("name") or person.text).split()), attrs))

    def write_associations(self) -> None:
        evidence: dict[tuple[str, str], set[NamedNode]] = defaultdict(set)
        verbs: dict[tuple[str, str], set[str]] = defaultdict(set)
        for relation in self.doc._.kg_relations or []:
            actor, instrument = relation["actor"].kb_id_, relation["instrument"].kb_id_
            if not actor or not instrument:
                continue
            sentence = self.sentence_node(relation["sentence"])
            if sentence is None:
                continue
            evidence[actor, instrument].add(sentence)
            if relation.get("verb"):
                verbs[actor, instrument].add(relation["verb"])
        for (actor, instrument), sentences in evidence.items():
            name = f"{slug(actor.rsplit('/', 1)[-1])}--{slug(instrument.rsplit('/', 1)[-1])}"
            node = self.mint.iri(f"id/document/{self.slug}/associatie/{name}")
            self.add(node, RDF.type, KGV.ActorInstrumentAssociation)
            self.add(node, KGV.actor, self.mint.iri(actor))
            self.add(node, KGV.instrument, self.mint.iri(instrument))
            self.add(node, KGV.evidenceCount, _int(len(sentences)))
            self.add(node, DCTERMS.isPartOf, self.node)
            for sentence in sentences:
                self.add(node, KGV.evidence, sentence)
            for verb in verbs[actor, instrument]:
                self.add(node, KGV.verb, Literal(verb))


    def write_reader_facts(self) -> None:
        """What the reader found in the document's form rather than its prose (kg.readers.contract):
        the persons of a metadata block as mentions with their party, submitters as creators,
        co-submitters as contributors, answerers as creators of the answers; the source links."""
        from kg.extractors.persons import plausible_name  # as self.person does: spaCy only when writing

        facts = reader_facts(self.doc)
        answers = [q for q in self.quads if q.predicate == RDF.type and q.object == KGV.Answer]
        for person in facts.get("persons") or []:
            name = " ".join(str(person.get("name") or "").split())
            if not name or not plausible_name(name):
                continue  # a ministry or a role split off a metadata line is no person
            attrs = {"party": _party_paths().get(str(person.get("party") or "").casefold())}
            if person.get("post"):
                attrs["role"] = person["post"]
            entity = self.person(name, attrs)
            self.add(self.node, KGV.mentions, entity)
            role = person.get("role")
            if role == "indiener":
                self.add(self.node, DCTERMS.creator, entity)
            elif role == "medeindiener":
                self.add(self.node, DCTERMS.contributor, entity)
            elif role == "beantwoorder":
                for answer in answers:
                    self.add(answer.subject, DCTERMS.creator, entity)
            start, end = person.get("start"), person.get("end")
            if isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(self.source.raw):
                # the metadata line holding the name is the mention's sentence
                raw = self.source.raw
                line_start = raw.rfind("\n", 0, start) + 1
                line_end = raw.find("\n", end)
                line_end = len(raw) if line_end < 0 else line_end
                line = raw[line_start:line_end]
                line_start += len(line) - len(line.lstrip())
                line_end = line_start + len(line.strip())
                sentence = self.sentence_at(line_start, line_end, " ".join(raw[line_start:line_end].split()))
                self.add(self.phrase(start, end, name, entity, "person"), NIF.sentence, sentence)
        for source in facts.get("sources") or []:
            url = str(source.get("url") or "")
            if re.match(r"^https?://[^\s<>\"{}|\\^`]+$", url):
                self.add(self.node, DCTERMS.source, NamedNode(url))


def document_quads(
    source: SourceText,
    cleaned: CleanedText,
    doc,
    info: PipelineInfo,
    minter: Minter,
    started: datetime,
    ended: datetime,
) -> DocumentResult:
    """All quads one document contributes, in its own named graph."""
    return DocumentWriter(source, cleaned, doc, info, minter, started, ended).write()


def ontology_quads(minter: Minter) -> Iterable[Quad]:
    """The kg vocabulary and every concept scheme, parsed against the base, in the ontology graph."""
    from importlib.resources import files

    from pyoxigraph import RdfFormat, parse

    graph = minter.ontology_graph
    for resource in sorted(files("kg.ontology").iterdir(), key=lambda r: r.name):
        if not resource.name.endswith(".ttl") or resource.name == "shapes.ttl":
            continue
        for triple in parse(resource.read_bytes(), format=RdfFormat.TURTLE, base_iri=minter.base):
            yield Quad(triple.subject, triple.predicate, triple.object, graph)
