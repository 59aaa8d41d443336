"""Mention tallies: per file, how often its text mentions each entity, written with its mentions.

A 1000-document store holds about 250 000 NIF mentions; saved queries that count or list the
entities of documents (``entities``, ``organisations``, ``laws``, ``timeline``, …) joined every
one of them and took seconds to minutes. Each document graph therefore also holds one
``kg:MentionTally`` per (entity, class) its mentions point at, with the number of mentions and the
forms they were written in: those queries aggregate a few tallies per document instead.

Queries that aggregate other walks across the store get tallies of their own, in the same style:

- ``kg:ActorPairTally`` (``actor-network``, sentence scope): per file and pair of actors
  (organisations, persons, parties) named in one sentence, the number of such sentences;
- ``kg:CitationTally`` (``citations``): per file and Kamerstuk its work cites, the number of the
  file's mentions of it, whatever their class (the mention tallies count only classed mentions);
- ``kg:mentionedClass`` on each file (``entities``): the classes of its mention tallies, so a page
  ordered by file name and category finds its files without reading every tally;
- ``kg:exampleEvidence`` on each actor-instrument association (``actor-instruments``): its shortest
  evidence sentence on one line, so the query need not rewrite every evidence sentence.

A tally lives in the graph of the file it counts, so replacing or removing the document replaces
or removes its tallies: an incremental build stays exact without recomputing anything else. Each
count is one file's, and a sentence or mention belongs to one file, so summing over files gives the
store-wide count the queries used to compute.
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator

from pyoxigraph import DefaultGraph, Literal, NamedNode, Quad, Store

from kg.vocab import DCTERMS, FOAF, ITSRDF, KGV, NIF, ORG, RDF, SKOS, XSD

_PREDICATES = (ITSRDF.taIdentRef, ITSRDF.taClassRef, NIF.referenceContext, KGV.surfaceForm, NIF.sentence)
_PREDICATE_SET = frozenset(_PREDICATES)
#: The classes whose entities ``actor-network`` pairs.
ACTOR_CLASSES = (ORG.Organization, FOAF.Person, KGV.PoliticalParty)
#: What SPARQL's (XPath's) ``\s`` matches: not Python's wider Unicode ``\s``.
_XPATH_SPACE = re.compile(r"[ \t\n\r]+")


def all_tallies(quads: Iterable[Quad]) -> list[Quad]:
    """Every derived quad kg writes into one document graph next to its mentions."""
    quads = list(quads)
    found = _mentions(quads)  # read once for the three tallies that need it (each read it: 5% of a build)
    return (mention_tallies(quads, found) + actor_pair_tallies(quads, found) + citation_tallies(quads, found)
            + association_examples(quads))


def _count(value: int) -> Literal:
    return Literal(str(value), datatype=XSD.nonNegativeInteger)


def _key(*terms: NamedNode) -> str:
    return hashlib.sha256(" ".join(t.value for t in terms).encode()).hexdigest()[:16]


def _mentions(quads: list[Quad]) -> tuple[dict[NamedNode, dict[NamedNode, list]], dict[NamedNode, NamedNode], object]:
    """Mention facts by node, the item (file) of each NIF context, and the graph."""
    by_node: dict[NamedNode, dict[NamedNode, list]] = defaultdict(lambda: defaultdict(list))
    items: dict[NamedNode, NamedNode] = {}
    source_url = NIF.sourceUrl
    for quad in quads:
        predicate = quad.predicate  # each attribute read makes a new term object: read it once
        if predicate in _PREDICATE_SET:
            by_node[quad.subject][predicate].append(quad.object)
        elif predicate == source_url:
            items[quad.subject] = quad.object
    return by_node, items, quads[-1].graph_name if quads else None


def actor_pair_tallies(quads: Iterable[Quad], found: tuple | None = None) -> list[Quad]:
    """One ``kg:ActorPairTally`` per file and pair of actors named in one of its sentences.

    As ``actor-network`` counted: the actors of a sentence are the entities of its mentions that
    carry an actor class; a pair is ordered by IRI (``kg:firstActor`` < ``kg:secondActor``) and
    counts the distinct sentences naming both.
    """
    by_node, items, graph = found or _mentions(list(quads))
    actors: dict[tuple[NamedNode, NamedNode], set[NamedNode]] = defaultdict(set)  # (item, sentence) -> actors
    for facts in by_node.values():
        if not any(cls in ACTOR_CLASSES for cls in facts[ITSRDF.taClassRef]):
            continue
        for context in facts[NIF.referenceContext]:
            item = items.get(context)
            if item is None:
                continue
            for sentence in facts[NIF.sentence]:
                actors[item, sentence].update(facts[ITSRDF.taIdentRef])
    pairs: dict[tuple[NamedNode, NamedNode, NamedNode], int] = defaultdict(int)
    for (item, _sentence), named in actors.items():
        ordered = sorted(named, key=lambda e: e.value)
        for i, first in enumerate(ordered):
            for second in ordered[i + 1:]:
                if first.value < second.value:
                    pairs[item, first, second] += 1
    out = []
    for (item, first, second), sentences in sorted(pairs.items(), key=lambda kv: str(kv[0])):
        tally = NamedNode(f"{item.value}/pair/{_key(first, second)}")
        out += [
            Quad(tally, RDF.type, KGV.ActorPairTally, graph),
            Quad(tally, KGV.tallyOf, item, graph),
            Quad(tally, KGV.firstActor, first, graph),
            Quad(tally, KGV.secondActor, second, graph),
            Quad(tally, KGV.sentenceCount, _count(sentences), graph),
        ]
    return out


def citation_tallies(quads: Iterable[Quad], found: tuple | None = None) -> list[Quad]:
    """One ``kg:CitationTally`` per file and node its work cites (``dcterms:references``: a
    Kamerstuk, a motion) that the file's mentions point at, with the number of those mentions
    whatever their class."""
    quads = list(quads)
    cited = {q.object for q in quads if q.predicate == DCTERMS.references}
    by_node, items, graph = found or _mentions(quads)
    mentions: dict[tuple[NamedNode, NamedNode], set[NamedNode]] = defaultdict(set)
    for node, facts in by_node.items():
        for entity in facts[ITSRDF.taIdentRef]:
            if entity not in cited:
                continue
            for context in facts[NIF.referenceContext]:
                if context in items:
                    mentions[items[context], entity].add(node)
    out = []
    for (item, entity), nodes in sorted(mentions.items(), key=lambda kv: str(kv[0])):
        tally = NamedNode(f"{item.value}/cites/{_key(entity)}")
        out += [
            Quad(tally, RDF.type, KGV.CitationTally, graph),
            Quad(tally, KGV.tallyOf, item, graph),
            Quad(tally, KGV.entity, entity, graph),
            Quad(tally, KGV.mentionCount, _count(len(nodes)), graph),
        ]
    return out


def association_examples(quads: Iterable[Quad]) -> list[Quad]:
    """``kg:exampleEvidence`` for each actor-instrument association: its shortest evidence sentence
    with runs of white space made one space (then the first in code-point order), as
    ``actor-instruments`` picked it among all of them."""
    quads = list(quads)
    evidence: dict[NamedNode, list[NamedNode]] = defaultdict(list)
    surfaces: dict[NamedNode, list[str]] = defaultdict(list)
    graph = None
    for quad in quads:
        graph = quad.graph_name
        if quad.predicate == KGV.evidence:
            evidence[quad.subject].append(quad.object)
        elif quad.predicate == KGV.surfaceForm:
            surfaces[quad.subject].append(quad.object.value)
    out = []
    for association in sorted(evidence, key=lambda n: n.value):
        texts = [_XPATH_SPACE.sub(" ", s) for sentence in evidence[association] for s in surfaces[sentence]]
        if texts:
            example = min(texts, key=lambda t: (len(t), t))
            out.append(Quad(association, KGV.exampleEvidence, Literal(example), graph))
    return out


def mention_tallies(quads: Iterable[Quad], found: tuple | None = None) -> list[Quad]:
    """The ``kg:MentionTally`` quads for one document graph's mentions (in the same graph), and
    each file's ``kg:mentionedClass`` (the classes of its tallies).

    Counted as the queries counted the mentions: a mention node with two entities (or classes)
    counts once for each pair, and every distinct mention node counts once.
    """
    by_node, items, graph = found or _mentions(list(quads))
    tallies: dict[tuple, tuple[set, set]] = {}
    for node, facts in by_node.items():
        for context in facts[NIF.referenceContext]:
            item = items.get(context)
            if item is None:
                continue
            for entity in facts[ITSRDF.taIdentRef]:
                for cls in facts[ITSRDF.taClassRef]:
                    mentions, forms = tallies.setdefault((item, entity, cls), (set(), set()))
                    mentions.add(node)
                    forms.update(facts[KGV.surfaceForm])
    out = []
    for (item, entity, cls), (mentions, forms) in sorted(tallies.items(), key=lambda kv: str(kv[0])):
        tally = NamedNode(f"{item.value}/tally/{_key(entity, cls)}")
        out += [
            Quad(tally, RDF.type, KGV.MentionTally, graph),
            Quad(tally, KGV.tallyOf, item, graph),
            Quad(tally, KGV.entity, entity, graph),
            Quad(tally, KGV.entityClass, cls, graph),
            Quad(tally, KGV.mentionCount, _count(len(mentions)), graph),
        ]
        out += [Quad(tally, KGV.writtenAs, form, graph) for form in sorted(forms, key=str)]
    # Each file's classes once (``entities`` finds the first files of a page by them).
    out += [Quad(item, KGV.mentionedClass, cls, graph) for item, cls in sorted({(i, c) for i, _, c in tallies}, key=str)]
    return out


# -- store-wide totals: one graph summed from the per-file tallies ------------------------------------

#: The sums :func:`store_totals` asks for, SELECTs over the default graph (the merge of the named
#: graphs) that read the per-file tallies only, as the saved queries did before they read the
#: totals; the totals graph uses predicates of its own, so a recompute never reads its own output.
_ENTITY_TOTALS = """
SELECT ?entity ?class (SUM(?count) AS ?mentions) (COUNT(DISTINCT ?item) AS ?files)
WHERE { ?tally kg:entityClass ?class ; kg:entity ?entity ; kg:tallyOf ?item ; kg:mentionCount ?count }
GROUP BY ?entity ?class
"""
#: ``organisations``' forms column as it computed it from the tallies (this very subquery), so the
#: joined string keeps the order Oxigraph gave it.
_ORGANISATION_FORMS = """
SELECT ?entity (GROUP_CONCAT(DISTINCT ?form; separator="; ") AS ?forms)
WHERE {
  { SELECT DISTINCT ?entity ?surface WHERE { ?tally kg:entityClass org:Organization ; kg:entity ?entity ; kg:writtenAs ?surface } }
  BIND(REPLACE(LCASE(?surface), "\\\\s+", " ") AS ?form)
}
GROUP BY ?entity
"""
_FILE_ACTORS = """
SELECT DISTINCT ?item ?entity
WHERE { VALUES ?class { org:Organization foaf:Person kg:PoliticalParty } ?tally kg:entityClass ?class ; kg:entity ?entity ; kg:tallyOf ?item }
"""
_PAIR_SENTENCES = """
SELECT ?first ?second (SUM(?sentences) AS ?count)
WHERE { ?tally a kg:ActorPairTally ; kg:firstActor ?first ; kg:secondActor ?second ; kg:sentenceCount ?sentences }
GROUP BY ?first ?second
"""
#: ``describe-entity``'s mentions per entity and text, counted as it counted them: per file the
#: largest of the file's tallies of the entity (one per class, and a citation tally).
_TEXT_MENTIONS = """
SELECT ?entity ?context (MAX(?count) AS ?mentions)
WHERE { ?tally kg:entity ?entity ; kg:tallyOf ?item ; kg:mentionCount ?count . ?context nif:sourceUrl ?item }
GROUP BY ?entity ?item ?context
"""
_TOTAL_PREFIXES = {"kg": KGV.Tally.value[:-len("Tally")], "org": ORG.Organization.value[:-len("Organization")],
                   "foaf": FOAF.Person.value[:-len("Person")], "nif": NIF.sourceUrl.value[:-len("sourceUrl")]}


def _integer(value: int) -> Literal:
    """A count as a SPARQL aggregate gives it (xsd:integer), so a query reading the total returns
    the very literal its earlier version computed with SUM or COUNT."""
    return Literal(str(value), datatype=XSD.integer)


def store_totals(store, base: str) -> Iterator[Quad]:
    """The quads of the totals graph ``{base}graph/totals``, summed from the per-file tallies of
    ``store`` (a ``pyoxigraph.Store`` whose default graph is the merge of its named graphs), one
    kind after another: the sums are held, their quads are made as they are read (at 1000
    documents the graph's 426 000 quads as one list took 250 MB).

    - one ``kg:EntityTotal`` per (entity, class) of the mention tallies: ``kg:totalMentions`` (their
      mention counts summed), ``kg:totalFiles`` (the files whose tallies name it) and each form the
      tallies wrote it in: ``organisations``, ``entity-labels``;
    - one ``kg:MentionWindow`` per entity and text naming it, where ``describe-entity``'s pages
      begin (:func:`mention_windows`);
    - one ``kg:ActorPairTotal`` per pair of actors (organisations, persons, parties; first < second
      by IRI) named in one file: ``kg:totalFiles`` (the files naming both), and
      ``kg:totalSentences`` when they share a sentence (the actor pair tallies summed), with its
      place in ``actor-network``'s order per scope (:func:`pair_order`);
    - the rows of the saved queries that aggregate the whole store (:func:`answer_rows`, see
      :mod:`kg.row_totals`): one node per row of ``people``, ``actor-instruments``, ``timeline``,
      ``laws``, ``most-cited`` and ``dossiers``, and the rows of ``instrument-mentions``,
      ``questions`` and ``citations`` with their place in the query's order, which those queries cut
      their pages by.

    A full recompute (see the README's "Scale" for its time): after a build that replaced or
    removed documents, the totals are exactly what the remaining tallies sum to. Nodes are named
    by a hash of what they total, so the same store gives the same quads.
    """
    graph = NamedNode(base + "graph/totals")
    # A store without the merge (a dump of the named graphs only) is read as their union.
    union = next(iter(store.quads_for_pattern(None, None, None, DefaultGraph())), None) is None

    def rows(query: str):
        return store.query(query, prefixes=_TOTAL_PREFIXES, use_default_graph_as_union=union)

    # Summed by SPARQL: Oxigraph joins the tallies without making a Python term of each tally's IRI
    # (reading them with quads_for_pattern and summing here took twice as long at 1000 documents).
    mentions, files = {}, {}
    for row in rows(_ENTITY_TOTALS):
        key = row["entity"], row["class"]
        mentions[key], files[key] = int(row["mentions"].value), int(row["files"].value)
    forms = {(row["entity"], ORG.Organization): row["forms"] for row in rows(_ORGANISATION_FORMS)}
    actors: dict[NamedNode, set[NamedNode]] = defaultdict(set)  # file -> its actors
    for row in rows(_FILE_ACTORS):
        actors[row["item"]].add(row["entity"])
    sentences = {(row["first"], row["second"]): int(row["count"].value)
                 for row in rows(_PAIR_SENTENCES)}
    for (entity, cls), total in mentions.items():
        node = NamedNode(f"{base}total/entity/{_key(entity, cls)}")
        yield Quad(node, RDF.type, KGV.EntityTotal, graph)
        yield Quad(node, KGV.totalOf, entity, graph)
        yield Quad(node, KGV.totalClass, cls, graph)
        yield Quad(node, KGV.totalMentions, _integer(total), graph)
        yield Quad(node, KGV.totalFiles, _integer(files[entity, cls]), graph)
        if (entity, cls) in forms:
            yield Quad(node, KGV.formsWritten, forms[entity, cls], graph)
    del mentions, files, forms
    yield from mention_windows(rows, graph, base)
    # Pairs of actors named in one file (first < second by IRI, as STR() compares them), counted
    # here: a SPARQL join of each file's actors with themselves took 6 s at 1000 documents.
    shared: dict[tuple[NamedNode, NamedNode], int] = defaultdict(int)
    for named in actors.values():
        ordered = sorted(named, key=lambda e: e.value)
        for i, first in enumerate(ordered):
            for second in ordered[i + 1:]:
                if first.value < second.value:
                    shared[first, second] += 1
    pairs: list[Quad] = []
    for pair in set(shared) | set(sentences):
        first, second = pair
        node = NamedNode(f"{base}total/pair/{_key(first, second)}")
        pairs += [
            Quad(node, RDF.type, KGV.ActorPairTotal, graph),
            Quad(node, KGV.pairFirst, first, graph),
            Quad(node, KGV.pairSecond, second, graph),
        ]
        if pair in shared:
            pairs.append(Quad(node, KGV.totalFiles, _integer(shared[pair]), graph))
        if pair in sentences:
            pairs.append(Quad(node, KGV.totalSentences, _integer(sentences[pair]), graph))
    del shared, sentences, actors
    yield from pairs
    yield from pair_order(store, pairs, union)
    del pairs
    yield from answer_rows(store, base, union)


def mention_windows(rows, graph: NamedNode, base: str) -> Iterator[Quad]:
    """Where the pages of ``describe-entity`` begin, so it reads only the texts its page can reach
    instead of summing and sorting the tallies of every text naming the entity (270 ms for UWV at
    1000 documents): one ``kg:MentionWindow`` per entity and text that mentions it, with
    ``kg:mentionsBefore``, its mentions in the texts before it by IRI (the order of its mentions'
    IRIs, which begin with the text's). ``rows`` runs a SELECT over the tallies (as in
    :func:`store_totals`)."""
    by_entity: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for row in rows(_TEXT_MENTIONS):
        by_entity[row["entity"].value][row["context"].value] += int(row["mentions"].value)
    for entity in sorted(by_entity):  # code-point order, as SPARQL orders IRIs
        counts, before, named = by_entity.pop(entity), 0, NamedNode(entity)
        for context in sorted(counts):
            text = NamedNode(context)
            node = NamedNode(f"{base}total/window/{_key(named, text)}")
            yield Quad(node, RDF.type, KGV.MentionWindow, graph)
            yield Quad(node, KGV.windowEntity, named, graph)
            yield Quad(node, KGV.windowText, text, graph)
            yield Quad(node, KGV.mentionsBefore, _integer(before), graph)
            before += counts[context]


#: ``actor-network``'s order (as it was before it read these ranks): sentence pairs first, then by
#: count, the actors' labels and IRIs; run on the pair totals and their actors' names alone.
_PAIR_ORDER = """
PREFIX kg: <https://w3id.org/kamerstukken-kg/def#>
PREFIX foaf: <http://xmlns.com/foaf/0.1/>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT ?total ?scope
WHERE {
  { SELECT ?total ?scope ?actorA ?actorB ?count WHERE {
      VALUES (?scope ?measure) { ("sentence" kg:totalSentences) ("document" kg:totalFiles) }
      ?total a kg:ActorPairTotal ; kg:pairFirst ?actorA ; kg:pairSecond ?actorB ; ?measure ?count } }
  OPTIONAL { SELECT ?actorA (MIN(?l) AS ?labelA) WHERE {
      { SELECT DISTINCT ?actorA WHERE { ?pair kg:pairFirst ?actorA } }
      { ?actorA skos:prefLabel ?l FILTER(LANG(?l) IN ("nl", "")) } UNION { ?actorA foaf:name ?l } } GROUP BY ?actorA }
  OPTIONAL { SELECT ?actorB (MIN(?l) AS ?labelB) WHERE {
      { SELECT DISTINCT ?actorB WHERE { ?pair kg:pairSecond ?actorB } }
      { ?actorB skos:prefLabel ?l FILTER(LANG(?l) IN ("nl", "")) } UNION { ?actorB foaf:name ?l } } GROUP BY ?actorB }
}
ORDER BY DESC(?scope = "sentence") DESC(?count) ?labelA ?labelB ?actorA ?actorB
"""


def pair_order(store, pairs: list[Quad], union: bool = False) -> list[Quad]:
    """Each actor pair total's place in ``actor-network``'s order within its scope
    (``kg:sentencePairRank``, ``kg:filePairRank``, from 0), so the query reads one page of pairs and
    labels only those, instead of labelling and sorting them all. The order is Oxigraph's own: the
    query runs on an in-memory store holding the pairs and their actors' names only. One quad per
    pair and scope (labels kept per pair as well made the totals graph a third larger)."""
    if not pairs:
        return []
    graph = pairs[0].graph_name
    names = Store()
    names.extend(Quad(q.subject, q.predicate, q.object) for q in pairs)
    where = None if union else DefaultGraph()
    for actor in {q.object for q in pairs if q.predicate in (KGV.pairFirst, KGV.pairSecond)}:
        for predicate in (SKOS.prefLabel, FOAF.name):
            names.extend(Quad(q.subject, q.predicate, q.object) for q in store.quads_for_pattern(actor, predicate, None, where))
    rank_of = {"sentence": KGV.sentencePairRank, "document": KGV.filePairRank}
    turns = {"sentence": 0, "document": 0}
    out: list[Quad] = []
    for row in names.query(_PAIR_ORDER):
        scope = row["scope"].value
        out.append(Quad(row["total"], rank_of[scope], _integer(turns[scope]), graph))
        turns[scope] += 1
    return out


def answer_rows(store, base: str, union: bool = False) -> Iterator[Quad]:
    """The rows of the store-wide aggregate queries (:data:`kg.row_totals.ROW_TOTALS`), one node each
    in the totals graph, every bound column the term the query computed. Each query's rows are
    read whole before its quads are given, so writing them meanwhile cannot change what it reads."""
    from kg.row_totals import ROW_TOTALS

    graph = NamedNode(base + "graph/totals")
    for view in ROW_TOTALS:
        seen: dict[str, int] = defaultdict(int)
        for rank, row in enumerate(list(store.query(view.text, use_default_graph_as_union=union))):
            key = _key(*(row[k] for k in view.keys))
            seen[key] += 1
            node = NamedNode(f"{base}total/{view.query}/{key}" + (f"-{seen[key]}" if seen[key] > 1 else ""))
            yield Quad(node, RDF.type, view.cls, graph)
            if view.rank is not None:
                yield Quad(node, view.rank, _integer(rank), graph)
            for column, predicate in view.columns.items():
                value = row[column]
                if value is not None:
                    yield Quad(node, predicate, value, graph)


def write_totals(store, base: str) -> int:
    """Recompute the totals graph of a ``kg.store.KGStore`` from its tallies and write it in
    bounded runs (:meth:`kg.store.KGStore.replace_own_graph`, the merge kept in step). Works on any
    kg store, also one built before the totals existed. Returns the number of quads of the graph."""
    graph = NamedNode(base + "graph/totals")
    # every subject is a total node (total/…), no other graph's
    return store.replace_own_graph(graph, store_totals(store.store, base))
