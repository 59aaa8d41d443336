"""The entry point: one document's quads, from its work and item to every mention."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime

from pyoxigraph import Literal, NamedNode, Quad

from kg.aggregates import all_tallies
from kg.extractors.base import CATEGORIES, mentions, span_attrs, text_of
from kg.pipeline import PipelineInfo
from kg.rdf.associations import write_associations
from kg.rdf.graph import DocumentGraph, dutch, joint_groups
from kg.rdf.motions import motion, submitters
from kg.rdf.nif import mention, write_context
from kg.rdf.persons import person
from kg.rdf.questions import write_questions
from kg.rdf.reader_facts import write_reader_facts
from kg.rdf.web_references import write_web_references
from kg.rdf.work import publication, write_item, write_provenance, write_work
from kg.readers.contract import CleanedText, SourceText
from kg.vocab import CATEGORY_CLASSES, DCTERMS, KGV, OPENGOV, ORG, RDF, RDFS, SCHEMA, SKOS, XSD, slug

#: Signature roles that sign for a committee: the committee is the creator, they contribute.
_COMMITTEE_POSTS = {"commissievoorzitter", "griffier", "adjunct-griffier"}


@dataclass(frozen=True)
class DocumentResult:
    """What one document contributed: its graph, work, item and quads, plus counts for the build summary."""

    graph: NamedNode
    document: NamedNode  # the work
    item: NamedNode
    quads: list[Quad]
    entities: dict[str, int]  # distinct entities per category


def _describe_unlisted(g: DocumentGraph, entity: NamedNode, category: str, name: str, pref: str = "") -> None:
    """Type and label an entity found by its shape or by the model, not in kg's vocabulary.

    Its label is an ``rdfs:label`` as written (not a ``skos:prefLabel``): it belongs to no
    concept scheme, and two documents may spell it differently. An instrument is a
    ``skos:Concept`` all the same (``kg:Instrument``), so it also gets the one ``skos:prefLabel``
    its IRI is minted from (``pref``: a scheme's abbreviation, ``kg.extractors.abbreviations``).
    """
    g.add(entity, RDF.type, CATEGORY_CLASSES[category])
    if category == "law":
        g.add(entity, RDF.type, SCHEMA.Legislation)
    if category == "instrument" and pref:
        g.add(entity, SKOS.prefLabel, dutch(pref))
    g.add(entity, RDFS.label, dutch(name))


def _committee(g: DocumentGraph) -> NamedNode | None:
    """The committee a document speaks for: the first committee it names."""
    for span in mentions(g.doc, "organisation"):
        if span.kb_id_.startswith("id/organisatie/commissie-"):
            return g.iri(span.kb_id_)
    return None


def _stated_dates(text: str) -> dict[str, str]:
    """ISO dates of "(ingezonden 2 oktober 2019)" (questions submitted) and "(ontvangen 6 december
    2019)" (answers received), as Kamervragen and their answers print them; the first of each."""
    from kg.extractors.kamerstuk import vocabulary

    months = vocabulary()["months"]
    found: dict[str, str] = {}
    pattern = rf"\((ingezonden|ontvangen)\s+(\d{{1,2}})\s+({'|'.join(months)})\s+((?:19|20)\d{{2}})\)"
    for match in re.finditer(pattern, text):
        day, month, year = int(match[2]), months[match[3]], int(match[4])
        try:
            found.setdefault(match[1], date(year, month, day).isoformat())
        except ValueError:
            continue
    return found


def write_metadata(g: DocumentGraph) -> None:
    work, facts = g.work, g.facts
    stated = _stated_dates(text_of(g.doc))
    if "ingezonden" in stated:
        g.add(work, DCTERMS.dateSubmitted, Literal(stated["ingezonden"], datatype=XSD.date))
    if "ontvangen" in stated:
        g.add(work, DCTERMS.dateAccepted, Literal(stated["ontvangen"], datatype=XSD.date))
    doc_type = facts.get("type")
    if doc_type:
        g.add(work, DCTERMS.type, g.iri(f"id/documenttype/{doc_type}"))
        if doc_type == "motie":
            g.add(work, RDF.type, OPENGOV.Motion)
            submitters(g, work, list(facts.get("submitters") or []))
    if g.date:
        g.add(work, DCTERMS.date, Literal(g.date, datatype=XSD.date))
    # 'title' is the official title the document states (dossier title line, DC.title, a 'Titel'
    # key); 'description' what it is about (the subject of vragen, 'Onderwerp', the page title).
    if facts.get("title"):
        g.add(work, DCTERMS.title, dutch(" ".join(str(facts["title"]).split())))
    if facts.get("description"):
        g.add(work, DCTERMS.description, dutch(" ".join(str(facts["description"]).split())))
    if facts.get("questioner"):
        g.add(work, KGV.questioner, person(g, facts["questioner"], {"role": "Kamerlid"}))


def joint_citations(doc) -> dict[str, tuple[str, tuple[str, ...]]]:
    """Cited id -> (the id of its joint Kamerstuk, its dossiers), for citations such as
    "Kamerstukken 30 982 en 26 448, nr. 26": one document in two dossiers, whose citation spans
    (one per dossier) end together."""
    by_end: dict[int, list[str]] = {}
    for span in mentions(doc, "kamerstuk"):
        if span.kb_id_:
            by_end.setdefault(span.end_char, []).append(span.kb_id_)
    joint: dict[str, tuple[str, tuple[str, ...]]] = {}
    for ids in by_end.values():
        for primary, dossiers in joint_groups(list(dict.fromkeys(ids))):
            if len(dossiers) > 1:
                number = primary.rsplit("-", 1)[1]
                for dossier in dossiers:
                    joint[f"{dossier}-{number}"] = (primary, dossiers)
    return joint


def write_mention(g: DocumentGraph, category: str, span, joint: dict) -> None:
    attrs = span_attrs(span)
    key = span.kb_id_
    if category == "kamerstuk":
        if not key or key in g.own_ids:
            return
        key, dossiers = joint.get(key, (key, ()))
        entity = publication(g, key, dossiers)
        g.add(g.work, DCTERMS.references, entity)
    elif category == "motion":
        entity = motion(g, key, attrs)
        if key not in g.own_ids:  # a motion document names itself in its header
            g.add(g.work, DCTERMS.references if key else KGV.mentions, entity)
    elif category == "person":
        entity = person(g, attrs.get("name") or span.text, attrs)
        g.add(g.work, KGV.mentions, entity)
        if attrs.get("signatory"):
            committee_post = slug(str(attrs.get("role") or "")) in _COMMITTEE_POSTS
            committee = _committee(g) if committee_post else None
            if committee is not None:
                g.add(g.work, DCTERMS.creator, committee)
                g.add(g.work, DCTERMS.contributor, entity)
            else:
                g.add(g.work, DCTERMS.creator, entity)
    elif key or (category == "organisation" and attrs.get("name")):
        # Vocabulary concepts come with a key; a name without a key is an organisation only the
        # statistical model knew, minted from its name.
        entity = g.iri(key or f"id/organisatie/{slug(attrs['name'])}")
        if attrs.get("name"):
            _describe_unlisted(g, entity, category, " ".join(attrs["name"].split()), str(attrs.get("pref_label") or ""))
        if attrs.get("member_of"):  # a municipality of the actor group gemeenten, ...
            g.add(entity, ORG.memberOf, g.iri(attrs["member_of"]))
        g.add(g.work, DCTERMS.subject if category in ("instrument", "law") else KGV.mentions, entity)
    else:
        return
    mention(g, span, entity, category)


def document_quads(
    source: SourceText,
    cleaned: CleanedText,
    doc,
    info: PipelineInfo,
    minter,
    started: datetime,
    ended: datetime,
) -> DocumentResult:
    """All quads one document contributes, in the named graph of its item."""
    g = DocumentGraph(source, cleaned, doc, info, minter, started, ended)
    write_work(g)
    write_item(g)
    write_context(g)
    write_provenance(g)
    write_metadata(g)
    joint = joint_citations(doc)
    for category in CATEGORIES:
        for span in mentions(doc, category):
            write_mention(g, category, span, joint)
    write_web_references(g)
    write_questions(g)
    write_associations(g)
    write_reader_facts(g)
    g.quads.update(all_tallies(g.quads))
    return DocumentResult(
        g.graph,
        g.work,
        g.item,
        sorted(g.quads, key=str),
        {category: len(nodes) for category, nodes in g.entities.items()},
    )
