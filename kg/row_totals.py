"""Rows of the saved queries that aggregate the whole store, kept in the totals graph.

``people``, ``actor-instruments``, ``timeline``, ``laws``, ``most-cited`` and ``dossiers`` answer
one row per person, actor-instrument pair, document file, law, cited paper or dossier, each row an
aggregate over every document of the store (at 1000 documents 0.7-3.5 s per query). Their answers
change only when a document does, so :func:`kg.aggregates.store_totals` runs each of them once,
with the very text below (the saved query as it was before it read the totals), and keeps every
row as one node of the totals graph (``graph/totals``): the saved query then reads those nodes.
Running the query itself, rather than summing its parts anew, keeps every value the literal the
query computed, including the ``GROUP_CONCAT`` columns, whose order is the order Oxigraph yields
the rows it joins (joining the parts again in another query gave the same items in another order).

A row's node is named by its query's name and a hash of its key columns (then ``-2``, ``-3``, … for
further rows alike in them, in answer order); each bound column is one triple with the predicate of
:data:`ROW_TOTALS` (an unbound column none).
"""

from __future__ import annotations

from dataclasses import dataclass

from pyoxigraph import NamedNode

from kg.vocab import KGV


@dataclass(frozen=True)
class RowTotal:
    query: str  #: the saved query that reads these rows
    cls: NamedNode  #: the class of their nodes
    #: the columns that name a row's node (never a file name: renaming a file changes no IRI); rows
    #: alike in them (a document read from two files) are told apart by their turn in the answer
    keys: tuple[str, ...]
    columns: dict[str, NamedNode]  #: column -> predicate
    text: str  #: the SELECT that computes the rows (the saved query as it was before the totals)
    #: for a paged query's rows (the rows of the subquery that picks and orders its page): the
    #: predicate giving each row's position in that order, from 0, which the query cuts its page by
    rank: NamedNode | None = None


_PEOPLE = r"""
PREFIX kg: <https://w3id.org/kamerstukken-kg/def#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX foaf: <http://xmlns.com/foaf/0.1/>
PREFIX org: <http://www.w3.org/ns/org#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>

SELECT ?name ?roles ?parties ?documents ?names ?person
WHERE {
  {
    SELECT ?person (MIN(?family) AS ?familyName) (GROUP_CONCAT(DISTINCT ?fullName; separator="; ") AS ?names)
    WHERE {
      ?person a foaf:Person .
      OPTIONAL { ?person foaf:familyName ?family }
      OPTIONAL { ?person foaf:name ?fullName }
    }
    GROUP BY ?person
  }
  BIND(COALESCE(?familyName, ?names) AS ?name)
  OPTIONAL {
    SELECT ?person (GROUP_CONCAT(DISTINCT ?postLabel; separator="; ") AS ?roles)
    WHERE {
      ?person org:holds ?post .
      OPTIONAL { ?post rdfs:label ?label }
      OPTIONAL { ?post org:role/skos:prefLabel ?roleLabel }
      BIND(COALESCE(?label, ?roleLabel) AS ?postLabel)
    }
    GROUP BY ?person
  }
  OPTIONAL {
    SELECT ?person (GROUP_CONCAT(DISTINCT ?partyLabel; separator="; ") AS ?parties)
    WHERE {
      ?person org:memberOf ?party .
      ?party skos:prefLabel ?partyLabel FILTER(LANG(?partyLabel) IN ("nl", ""))
    }
    GROUP BY ?person
  }
  OPTIONAL {
    # Documents that mention the person, are signed or asked by them, or cite a motion they submitted.
    SELECT ?person (COUNT(DISTINCT ?document) AS ?documents)
    WHERE {
      ?person a foaf:Person .
      { ?document kg:mentions ?person } UNION { ?document dcterms:creator ?person } UNION { ?document kg:questioner ?person }
      UNION { ?motion dcterms:creator ?person . ?document dcterms:references ?motion }
      UNION { ?motion dcterms:creator ?person . ?document kg:mentions ?motion }
      ?document a kg:Document .
    }
    GROUP BY ?person
  }
}
ORDER BY DESC(COALESCE(?documents, 0)) ?name ?person
"""

_ACTOR_INSTRUMENTS = r"""
PREFIX kg: <https://w3id.org/kamerstukken-kg/def#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX foaf: <http://xmlns.com/foaf/0.1/>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>

SELECT ?actorLabel ?instrumentLabel ?evidence ?documents ?verbs ?example ?actor ?instrument
WHERE {
  {
    # One association node per (document, actor, instrument): sum its per-document evidence count.
    SELECT ?actor ?instrument (SUM(?count) AS ?evidence) (COUNT(DISTINCT ?document) AS ?documents)
    WHERE {
      {
        SELECT DISTINCT ?association ?actor ?instrument ?count ?document
        WHERE {
          ?association a kg:ActorInstrumentAssociation ; kg:actor ?actor ; kg:instrument ?instrument ;
                       kg:evidenceCount ?count ; dcterms:isPartOf ?document .
        }
      }
    }
    GROUP BY ?actor ?instrument
  }
  OPTIONAL {
    SELECT ?actor ?instrument (GROUP_CONCAT(DISTINCT ?verb; separator=", ") AS ?verbs)
    WHERE { ?association a kg:ActorInstrumentAssociation ; kg:actor ?actor ; kg:instrument ?instrument ; kg:verb ?verb }
    GROUP BY ?actor ?instrument
  }
  OPTIONAL {
    # The shortest evidence sentence (then the first alphabetically) reads best as an example:
    # the shortest of each association's own (kg:exampleEvidence, written with it at build time).
    SELECT ?actor ?instrument (MIN(CONCAT(SUBSTR(STR(10000 + STRLEN(?text)), 2), ?text)) AS ?keyed)
    WHERE { ?association a kg:ActorInstrumentAssociation ; kg:actor ?actor ; kg:instrument ?instrument ; kg:exampleEvidence ?text }
    GROUP BY ?actor ?instrument
  }
  BIND(SUBSTR(?keyed, 5) AS ?example)
  OPTIONAL {
    SELECT ?actor (MIN(?l) AS ?actorLabel)
    WHERE {
      { ?actor skos:prefLabel ?l FILTER(LANG(?l) IN ("nl", "")) } UNION { ?actor foaf:name ?l }
      # an organisation found by its shape ("Gemeente Rotterdam") has only its name as written
      UNION { ?actor rdfs:label ?l FILTER(LANG(?l) IN ("nl", "")) FILTER NOT EXISTS { ?actor skos:prefLabel ?p } }
    }
    GROUP BY ?actor
  }
  OPTIONAL {
    SELECT ?instrument (MIN(?l) AS ?instrumentLabel)
    WHERE { ?instrument skos:prefLabel ?l FILTER(LANG(?l) IN ("nl", "")) }
    GROUP BY ?instrument
  }
}
ORDER BY DESC(?evidence) ?actorLabel ?instrumentLabel ?actor ?instrument
"""

_TIMELINE = r"""
PREFIX kg: <https://w3id.org/kamerstukken-kg/def#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>

SELECT ?date ?year ?identifier ?type ?instruments ?laws ?source ?document
WHERE {
  {
    SELECT ?document ?source ?k1 ?k2 ?k3 (MIN(?d) AS ?date) (GROUP_CONCAT(DISTINCT ?id; separator=" ") AS ?identifier)
           (MIN(?typeKey) AS ?type)
    WHERE {
      ?document a kg:Document ; ^kg:itemOf/kg:sourceFile ?source .
      OPTIONAL { ?document dcterms:date ?d }
      OPTIONAL { ?document dcterms:identifier ?id }
      OPTIONAL { ?document dcterms:type ?typeConcept BIND(REPLACE(STR(?typeConcept), "^.*/", "") AS ?typeKey) }
      # The file name also in pieces of 15 characters, which Oxigraph keeps in the row and compares
      # without reading the store: sorting by the names alone read each name again for every comparison.
      BIND(SUBSTR(?source, 1, 15) AS ?k1) BIND(SUBSTR(?source, 16, 15) AS ?k2) BIND(SUBSTR(?source, 31, 15) AS ?k3)
    }
    GROUP BY ?document ?source ?k1 ?k2 ?k3
  }
  # "" for an undated document, so that a bound ?year parameter never matches it.
  BIND(COALESCE(YEAR(?date), "") AS ?year)
  OPTIONAL {
    SELECT ?document (GROUP_CONCAT(DISTINCT ?label; separator="; ") AS ?instruments)
    WHERE {
      ?tally kg:entityClass kg:Instrument ; kg:entity ?instrument ; kg:tallyOf/kg:itemOf ?document .
      ?instrument skos:prefLabel ?label FILTER(LANG(?label) IN ("nl", ""))
    }
    GROUP BY ?document
  }
  OPTIONAL {
    SELECT ?document (GROUP_CONCAT(DISTINCT ?label; separator="; ") AS ?laws)
    WHERE {
      ?tally kg:entityClass kg:Law ; kg:entity ?law ; kg:tallyOf/kg:itemOf ?document .
      ?law skos:prefLabel ?label FILTER(LANG(?label) IN ("nl", ""))
    }
    GROUP BY ?document
  }
}
ORDER BY DESC(BOUND(?date)) ?date ?k1 ?k2 ?k3 ?source
"""

_LAWS = r"""
PREFIX kg: <https://w3id.org/kamerstukken-kg/def#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX schema: <http://schema.org/>

SELECT ?label ?bwb ?link ?mentions ?documents ?sources ?law
WHERE {
  {
    # Summed over the files' mention tallies (one per file and law), not over every mention.
    SELECT ?law (SUM(?count) AS ?mentions)
    WHERE { ?tally kg:entityClass kg:Law ; kg:entity ?law ; kg:mentionCount ?count }
    GROUP BY ?law
  }
  {
    SELECT ?law (COUNT(DISTINCT ?document) AS ?documents) (GROUP_CONCAT(DISTINCT ?source; separator=" ") AS ?sources)
    WHERE {
      # Each (law, document) once before its files are joined: a work read from many files has a
      # tally per file, and joining every tally with every file of the work grew with their square.
      { SELECT DISTINCT ?law ?document WHERE { ?tally kg:entityClass kg:Law ; kg:entity ?law ; kg:tallyOf/kg:itemOf ?document } }
      ?document ^kg:itemOf/kg:sourceFile ?source .
    }
    GROUP BY ?law
  }
  OPTIONAL {
    SELECT ?law (MIN(?l) AS ?label)
    WHERE { ?law skos:prefLabel ?l FILTER(LANG(?l) IN ("nl", "")) }
    GROUP BY ?law
  }
  OPTIONAL {
    SELECT ?law (MIN(STR(?id)) AS ?bwb)
    WHERE { ?law schema:legislationIdentifier ?id }
    GROUP BY ?law
  }
  BIND(IRI(CONCAT("https://wetten.overheid.nl/", ?bwb)) AS ?link)
}
ORDER BY DESC(?documents) DESC(?mentions) ?label ?law
"""

_MOST_CITED = r"""
PREFIX kg: <https://w3id.org/kamerstukken-kg/def#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX itsrdf: <http://www.w3.org/2005/11/its/rdf#>

SELECT ?kamerstuk ?citedBy ?dossier ?dossierCitedBy ?mentions ?title ?citingSources ?cited
WHERE {
  {
    SELECT ?cited ?kamerstuk ?dossier (COUNT(DISTINCT ?document) AS ?citedBy)
           (GROUP_CONCAT(DISTINCT ?citingSource; separator=" ") AS ?citingSources)
    WHERE {
      ?document a kg:Document ; dcterms:references ?cited ; ^kg:itemOf/kg:sourceFile ?citingSource .
      ?cited dcterms:identifier ?kamerstuk .
      FILTER(STRENDS(STR(?cited), CONCAT("/", ?kamerstuk)))
      # A document's own number (in its header or footer) is not a citation.
      FILTER NOT EXISTS { ?document dcterms:identifier ?kamerstuk }
      OPTIONAL { ?cited dcterms:isPartOf/dcterms:identifier ?partOf }
      # Handelingen items belong to no dossier: "" (so a bound ?dossier parameter never matches them).
      BIND(COALESCE(?partOf, "") AS ?dossier)
    }
    GROUP BY ?cited ?kamerstuk ?dossier
  }
  OPTIONAL {
    SELECT ?cited (COUNT(DISTINCT ?mention) AS ?mentions)
    WHERE { ?mention itsrdf:taIdentRef ?cited . ?cited a kg:ParliamentaryDocument }
    GROUP BY ?cited
  }
  OPTIONAL {
    SELECT ?dossier (COUNT(DISTINCT ?document) AS ?dossierCitedBy)
    WHERE {
      ?document a kg:Document ; dcterms:references ?other .
      ?other dcterms:isPartOf/dcterms:identifier ?dossier ; dcterms:identifier ?otherId .
      FILTER NOT EXISTS { ?document dcterms:identifier ?otherId }
    }
    GROUP BY ?dossier
  }
  OPTIONAL {
    SELECT ?kamerstuk (MIN(?t) AS ?title)
    WHERE { ?citedDocument a kg:Document ; dcterms:identifier ?kamerstuk ; (dcterms:title|dcterms:description) ?t }
    GROUP BY ?kamerstuk
  }
}
ORDER BY DESC(?citedBy) DESC(COALESCE(?dossierCitedBy, 0)) DESC(COALESCE(?mentions, 0)) ?kamerstuk
"""

_DOSSIERS = r"""
PREFIX kg: <https://w3id.org/kamerstukken-kg/def#>
PREFIX dcterms: <http://purl.org/dc/terms/>

SELECT ?dossier ?citedBy ?kamerstukken ?cited ?citingSources ?node
WHERE {
  {
    SELECT ?node ?dossier (COUNT(DISTINCT ?document) AS ?citedBy) (COUNT(DISTINCT ?kamerstuk) AS ?kamerstukken)
           (GROUP_CONCAT(DISTINCT ?id; separator=" ") AS ?cited)
           (GROUP_CONCAT(DISTINCT ?source; separator=" ") AS ?citingSources)
    WHERE {
      ?document a kg:Document ; ^kg:itemOf/kg:sourceFile ?source ; dcterms:references ?kamerstuk .
      ?kamerstuk dcterms:isPartOf ?node ; dcterms:identifier ?id .
      FILTER(STRENDS(STR(?kamerstuk), CONCAT("/", ?id)))
      # A document's own number (in its header or footer) is not a citation.
      FILTER NOT EXISTS { ?document dcterms:identifier ?id }
      ?node a kg:Dossier ; dcterms:identifier ?dossier .
    }
    GROUP BY ?node ?dossier
  }
}
ORDER BY DESC(?citedBy) DESC(?kamerstukken) ?dossier
"""

_INSTRUMENT_MENTIONS_PAGE = r"""
PREFIX kg: <https://w3id.org/kamerstukken-kg/def#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>

SELECT DISTINCT ?label ?year ?source ?mentions ?instrument ?document
WHERE {
  {
    # Summed over the files' mention tallies (one per file and instrument), not over every mention.
    SELECT ?instrument ?document (SUM(?count) AS ?mentions)
    WHERE { ?tally kg:entityClass kg:Instrument ; kg:entity ?instrument ; kg:mentionCount ?count ; kg:tallyOf/kg:itemOf ?document }
    GROUP BY ?instrument ?document
  }
  ?document ^kg:itemOf/kg:sourceFile ?source .
  OPTIONAL {
    SELECT ?document (YEAR(MIN(?date)) AS ?year)
    WHERE { ?document a kg:Document ; dcterms:date ?date }
    GROUP BY ?document
  }
  OPTIONAL {
    SELECT ?instrument (MIN(?l) AS ?label)
    WHERE { ?instrument skos:prefLabel ?l FILTER(LANG(?l) IN ("nl", "")) }
    GROUP BY ?instrument
  }
}
ORDER BY ?label ?instrument ?year ?source
"""

_QUESTIONS = r"""
PREFIX kg: <https://w3id.org/kamerstukken-kg/def#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX schema: <http://schema.org/>
PREFIX foaf: <http://xmlns.com/foaf/0.1/>
PREFIX org: <http://www.w3.org/ns/org#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>

SELECT ?source ?number ?question ?questioner ?party ?answer ?answeredBy ?questionNode ?document
WHERE {
  {
    # The page is cut here, on the keys it is ordered by; texts, people and answers are joined to
    # the questions of the page only.
    SELECT ?source ?k1 ?k2 ?k3 ?document ?questionNode (MIN(?n) AS ?number)
    WHERE {
      ?questionNode a kg:Question ; kg:number ?n ; dcterms:isPartOf ?document .
      ?document ^kg:itemOf/kg:sourceFile ?source .
      # The file name also in pieces of 15 characters, which Oxigraph keeps in the row and compares
      # without reading the store: sorting by the names alone read each name again for every comparison.
      BIND(SUBSTR(?source, 1, 15) AS ?k1) BIND(SUBSTR(?source, 16, 15) AS ?k2) BIND(SUBSTR(?source, 31, 15) AS ?k3)
    }
    GROUP BY ?source ?k1 ?k2 ?k3 ?document ?questionNode
    ORDER BY ?k1 ?k2 ?k3 ?source ?number ?questionNode
    OFFSET 0
  }
  {
    SELECT ?questionNode (MIN(?q) AS ?question)
           (GROUP_CONCAT(DISTINCT ?questionerName; separator="; ") AS ?questioner)
           (GROUP_CONCAT(DISTINCT ?partyLabel; separator="; ") AS ?party)
    WHERE {
      ?questionNode a kg:Question .
      OPTIONAL { ?questionNode schema:text ?q }
      OPTIONAL {
        ?questionNode kg:questioner ?person .
        # Names vary across documents ("T. van Ark", "Van Ark"); the family name does not.
        OPTIONAL { ?person foaf:familyName ?family }
        OPTIONAL { ?person foaf:name ?fullName }
        BIND(COALESCE(?family, ?fullName) AS ?questionerName)
        OPTIONAL {
          ?person org:memberOf ?partyNode .
          ?partyNode skos:prefLabel ?partyLabel FILTER(LANG(?partyLabel) IN ("nl", ""))
        }
      }
    }
    GROUP BY ?questionNode
  }
  OPTIONAL {
    SELECT ?questionNode (MIN(?a) AS ?answer) (GROUP_CONCAT(DISTINCT ?ministerName; separator="; ") AS ?answeredBy)
    WHERE {
      ?answerNode a kg:Answer ; kg:answers ?questionNode .
      OPTIONAL { ?answerNode schema:text ?a }
      OPTIONAL {
        ?answerNode dcterms:creator ?minister .
        OPTIONAL { ?minister foaf:familyName ?family }
        OPTIONAL { ?minister foaf:name ?fullName }
        BIND(COALESCE(?family, ?fullName) AS ?ministerName)
      }
    }
    GROUP BY ?questionNode
  }
}
ORDER BY ?source ?number ?questionNode
"""

_CITATIONS = r"""
PREFIX kg: <https://w3id.org/kamerstukken-kg/def#>
PREFIX dcterms: <http://purl.org/dc/terms/>

SELECT ?source ?kamerstuk ?mentions ?citedTitle ?citedSource ?document ?cited ?link
WHERE {
  {
    # The page is cut here, on the keys it is ordered by, before counts and titles are joined.
    SELECT DISTINCT ?document ?source ?k1 ?k2 ?k3 ?cited ?kamerstuk
    WHERE {
      ?document a kg:Document ; ^kg:itemOf/kg:sourceFile ?source ; dcterms:references ?cited .
      ?cited dcterms:identifier ?kamerstuk .
      # A cited node that is also a document with several own ids: keep the id its IRI was minted from.
      FILTER(STRENDS(STR(?cited), CONCAT("/", ?kamerstuk)))
      # A document's own number (in its header or footer) is not a citation.
      FILTER NOT EXISTS { ?document dcterms:identifier ?kamerstuk }
      # The file name also in pieces of 15 characters, which Oxigraph keeps in the row and compares
      # without reading the store: sorting by the names alone read each name again for every comparison.
      BIND(SUBSTR(?source, 1, 15) AS ?k1) BIND(SUBSTR(?source, 16, 15) AS ?k2) BIND(SUBSTR(?source, 31, 15) AS ?k3)
    }
    ORDER BY ?k1 ?k2 ?k3 ?source ?kamerstuk ?cited
    OFFSET 0
  }
  OPTIONAL {
    # The document's mentions of the cited paper, whatever their class: summed over its files'
    # citation tallies, not joined over every mention of the paper in the store.
    SELECT ?document ?cited (SUM(?count) AS ?counted)
    WHERE { ?tally a kg:CitationTally ; kg:entity ?cited ; kg:mentionCount ?count ; kg:tallyOf/kg:itemOf ?document }
    GROUP BY ?document ?cited
  }
  BIND(COALESCE(?counted, 0) AS ?mentions)
  OPTIONAL {
    SELECT ?cited (MIN(STR(?l)) AS ?linkText)
    WHERE { ?cited dcterms:source ?l }
    GROUP BY ?cited
  }
  OPTIONAL {
    # The cited Kamerstuk is itself one of the documents read (matched on any of its own ids).
    SELECT ?kamerstuk (MIN(?t) AS ?citedTitle) (MIN(?s) AS ?citedSource)
    WHERE {
      ?citedDocument a kg:Document ; dcterms:identifier ?kamerstuk ; ^kg:itemOf/kg:sourceFile ?s .
      OPTIONAL { ?citedDocument (dcterms:title|dcterms:description) ?t }
    }
    GROUP BY ?kamerstuk
  }
  BIND(IRI(?linkText) AS ?link)
}
ORDER BY ?source ?kamerstuk ?cited
"""


ROW_TOTALS = (
    RowTotal("people", KGV.PersonTotal, ("person",), {
        "person": KGV.totalOf, "name": KGV.nameShown, "roles": KGV.rolesJoined, "parties": KGV.partiesJoined,
        "documents": KGV.totalDocuments, "names": KGV.namesJoined}, _PEOPLE),
    RowTotal("actor-instruments", KGV.ActorInstrumentTotal, ("actor", "instrument"), {
        "actor": KGV.totalActor, "instrument": KGV.totalInstrument, "actorLabel": KGV.actorLabelShown,
        "instrumentLabel": KGV.instrumentLabelShown, "evidence": KGV.totalEvidence, "documents": KGV.totalDocuments,
        "verbs": KGV.verbsJoined, "example": KGV.exampleSentence}, _ACTOR_INSTRUMENTS),
    RowTotal("timeline", KGV.TimelineEntry, ("document",), {
        "document": KGV.totalOf, "source": KGV.entrySource, "date": KGV.entryDate, "year": KGV.entryYear,
        "identifier": KGV.identifiersJoined, "type": KGV.typeShown, "instruments": KGV.instrumentsJoined,
        "laws": KGV.lawsJoined}, _TIMELINE),
    RowTotal("laws", KGV.LawTotal, ("law",), {
        "law": KGV.totalOf, "label": KGV.labelShown, "bwb": KGV.bwbShown, "link": KGV.linkShown,
        "mentions": KGV.totalMentions, "documents": KGV.totalDocuments, "sources": KGV.sourcesJoined}, _LAWS),
    RowTotal("most-cited", KGV.CitedTotal, ("cited", "kamerstuk", "dossier"), {
        "cited": KGV.totalOf, "kamerstuk": KGV.idShown, "dossier": KGV.dossierShown, "citedBy": KGV.totalDocuments,
        "dossierCitedBy": KGV.dossierDocuments, "mentions": KGV.totalMentions, "title": KGV.titleShown,
        "citingSources": KGV.sourcesJoined}, _MOST_CITED),
    RowTotal("dossiers", KGV.DossierTotal, ("node",), {
        "node": KGV.totalOf, "dossier": KGV.idShown, "citedBy": KGV.totalDocuments, "kamerstukken": KGV.totalCited,
        "cited": KGV.idsJoined, "citingSources": KGV.sourcesJoined}, _DOSSIERS),
    RowTotal("instrument-mentions", KGV.InstrumentMentionRow, ("instrument", "document"), {
        "instrument": KGV.totalInstrument, "document": KGV.totalOf, "source": KGV.entrySource, "year": KGV.entryYear,
        "mentions": KGV.totalMentions, "label": KGV.instrumentLabelShown}, _INSTRUMENT_MENTIONS_PAGE,
        rank=KGV.instrumentMentionRank),
    RowTotal("questions", KGV.QuestionRow, ("questionNode", "document"), {
        "questionNode": KGV.totalOf, "document": KGV.rowDocument, "source": KGV.entrySource,
        "number": KGV.numberShown, "questioner": KGV.questionersJoined, "party": KGV.partiesJoined,
        "answeredBy": KGV.answerersJoined}, _QUESTIONS, rank=KGV.questionRank),
    RowTotal("citations", KGV.CitationRow, ("document", "cited", "kamerstuk"), {
        "document": KGV.totalOf, "source": KGV.entrySource, "cited": KGV.citedNode, "kamerstuk": KGV.idShown,
        "mentions": KGV.totalMentions, "citedTitle": KGV.titleShown, "citedSource": KGV.citedSourceShown,
        "link": KGV.linkShown}, _CITATIONS, rank=KGV.citationRank),
)
