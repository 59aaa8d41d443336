"""Human-readable documentation of kg's vocabulary, concept schemes and shapes, from ontology/*.ttl.

A small generator of its own (no pyLODE: heavy, and it wants network access for imported
vocabularies). The page is built as a list of blocks (headings, paragraphs, tables) rendered to
either HTML or Markdown, so both outputs always say the same thing.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path
from typing import Iterable, Union

from rdflib import OWL, RDF, RDFS, SKOS, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, SH

from kg.vocab import DEFAULT_BASE, KG, PREFIXES

VANN = Namespace("http://purl.org/vocab/vann/")
_PREFIXES = {**PREFIXES, "sh": str(SH), "dcmitype": "http://purl.org/dc/dcmitype/", "vann": str(VANN)}
ONTOLOGY_IRI = URIRef(KG.rstrip("#"))


@dataclass(frozen=True)
class Link:
    text: str
    href: str


Inline = Union[str, Link]
Cell = list  # of Inline


@dataclass(frozen=True)
class Heading:
    level: int
    text: str
    anchor: str | None = None


@dataclass(frozen=True)
class Paragraph:
    parts: list  # of Inline


@dataclass(frozen=True)
class Table:
    headers: list[str]
    rows: list[list[Cell]]


Block = Union[Heading, Paragraph, Table]


def load_ontology(base: str = DEFAULT_BASE) -> tuple[Graph, Graph]:
    """(vocabulary + concept schemes, shapes) parsed from the installed ontology files."""
    data, shapes = Graph(), Graph()
    for resource in sorted(files("kg.ontology").iterdir(), key=lambda r: r.name):
        if resource.name.endswith(".ttl"):
            target = shapes if resource.name == "shapes.ttl" else data
            target.parse(data=resource.read_bytes(), format="turtle", publicID=base)
    return data, shapes


def _compact(iri) -> str:
    text = str(iri)
    for prefix, namespace in _PREFIXES.items():
        if text.startswith(namespace) and len(text) > len(namespace):
            return f"{prefix}:{text[len(namespace):]}"
    return text


def _term(iri) -> Inline:
    """A kg term links to its anchor on the page, any other IRI to itself."""
    if isinstance(iri, URIRef) and str(iri).startswith(KG):
        return Link(_compact(iri), "#" + str(iri)[len(KG):])
    if isinstance(iri, URIRef):
        return Link(_compact(iri), str(iri))
    return str(iri)


def _label(graph: Graph, node, lang: str) -> str:
    for predicate in (SKOS.prefLabel, RDFS.label, DCTERMS.title):
        for value in graph.objects(node, predicate):
            if isinstance(value, Literal) and value.language == lang:
                return str(value)
    return ""


def _texts(graph: Graph, node, predicate, lang: str | None = None) -> list[str]:
    return sorted(
        str(v) for v in graph.objects(node, predicate) if lang is None or getattr(v, "language", None) == lang
    )


def _joined(items: Iterable) -> Cell:
    cell: Cell = []
    for item in sorted(items, key=str):
        if cell:
            cell.append(", ")
        cell.append(_term(item))
    return cell


def _vocabulary_blocks(graph: Graph) -> list[Block]:
    blocks: list[Block] = [Heading(1, _label(graph, ONTOLOGY_IRI, "en") or "kg vocabulary")]
    description = _texts(graph, ONTOLOGY_IRI, DCTERMS.description, "en")
    if description:
        blocks.append(Paragraph([" ".join(description[0].split())]))
    meta = [
        ["Namespace", [KG]],
        ["Preferred prefix", _texts(graph, ONTOLOGY_IRI, VANN.preferredNamespacePrefix)[:1]],
        ["Version", _texts(graph, ONTOLOGY_IRI, OWL.versionInfo)[:1]],
        ["Licence", _joined(graph.objects(ONTOLOGY_IRI, DCTERMS.license))],
    ]
    blocks.append(Table(["", ""], [[[name], value] for name, value in meta]))

    terms = sorted(s for s in graph.subjects(RDFS.isDefinedBy, ONTOLOGY_IRI) if isinstance(s, URIRef))
    classes = [t for t in terms if (t, RDF.type, OWL.Class) in graph]
    properties = [t for t in terms if t not in classes]

    blocks.append(Heading(2, "Classes"))
    for term in classes:
        blocks.extend(_term_blocks(graph, term, [("Subclass of", RDFS.subClassOf)]))
    blocks.append(Heading(2, "Properties"))
    for term in properties:
        blocks.extend(
            _term_blocks(
                graph,
                term,
                [("Type", RDF.type), ("Domain", RDFS.domain), ("Range", RDFS.range), ("Subproperty of", RDFS.subPropertyOf)],
            )
        )
    return blocks


def _term_blocks(graph: Graph, term: URIRef, relations: list[tuple[str, URIRef]]) -> list[Block]:
    local = str(term)[len(KG):]
    labels = " / ".join(x for x in (_label(graph, term, "en"), _label(graph, term, "nl")) if x)
    rows: list[list[Cell]] = [[["IRI"], [Link(str(term), str(term))]], [["Label (en / nl)"], [labels]]]
    for lang, name in (("en", "Comment"), ("nl", "Toelichting")):
        for comment in _texts(graph, term, RDFS.comment, lang):
            rows.append([[name], [" ".join(comment.split())]])
    for name, predicate in relations:
        values = list(graph.objects(term, predicate))
        if values:
            rows.append([[name], _joined(values)])
    return [Heading(3, f"kg:{local}", anchor=local), Table(["", ""], rows)]


def _reused_blocks(data: Graph, shapes: Graph) -> list[Block]:
    """External terms kg's vocabulary builds on or its shapes constrain, grouped by vocabulary."""
    used: set[URIRef] = set()
    for predicate in (RDFS.subClassOf, RDFS.subPropertyOf, RDFS.domain, RDFS.range):
        used.update(o for o in data.objects(None, predicate) if isinstance(o, URIRef))
    for predicate in (SH.targetClass, SH.path, SH["class"]):
        used.update(o for o in shapes.objects(None, predicate) if isinstance(o, URIRef))
    external = sorted(t for t in used if not str(t).startswith(KG))
    rows = [[[_compact(t).split(":", 1)[0] if ":" in _compact(t) else ""], [_term(t)]] for t in external]
    return [
        Heading(2, "Reused vocabularies"),
        Paragraph(["Terms of standard vocabularies that kg's vocabulary specialises or that its data uses."]),
        Table(["Prefix", "Term"], rows),
    ]


def _scheme_blocks(graph: Graph, base: str) -> list[Block]:
    blocks: list[Block] = [Heading(2, "Concept schemes")]
    for scheme in sorted(s for s in graph.subjects(RDF.type, SKOS.ConceptScheme) if isinstance(s, URIRef)):
        concepts = sorted(c for c in graph.subjects(SKOS.inScheme, scheme) if isinstance(c, URIRef))
        title = _label(graph, scheme, "nl") or _label(graph, scheme, "en") or str(scheme)
        relative = str(scheme)[len(base):] if str(scheme).startswith(base) else str(scheme)
        blocks.append(Heading(3, f"{title} ({len(concepts)} concepts)", anchor=relative.replace("/", "-")))
        blocks.append(Paragraph([Link(str(scheme), str(scheme))]))
        rows = []
        for concept in concepts:
            alternatives = sorted({str(v) for v in graph.objects(concept, SKOS.altLabel)})
            definition = " ".join((_texts(graph, concept, SKOS.definition, "nl") or _texts(graph, concept, SKOS.definition) or [""])[0].split())
            path = str(concept)[len(base):] if str(concept).startswith(base) else str(concept)
            rows.append(
                [[Link(path, str(concept))], [_label(graph, concept, "nl")], ["; ".join(alternatives)], [definition]]
            )
        blocks.append(Table(["Concept", "Label", "Alternative labels", "Definition"], rows))
    return blocks


def _shape_blocks(shapes: Graph) -> list[Block]:
    rows = []
    for shape in sorted(s for s in shapes.subjects(RDF.type, SH.NodeShape) if isinstance(s, URIRef)):
        targets = _joined(shapes.objects(shape, SH.targetClass))
        for prop in shapes.objects(shape, SH.property):
            path = shapes.value(prop, SH.path)
            severity = shapes.value(prop, SH.severity)
            message = " ".join(_texts(shapes, prop, SH.message))
            rows.append(
                [
                    targets or [_compact(shape)],
                    [_term(path)] if path is not None else [""],
                    ["warning" if severity == SH.Warning else "violation"],
                    [message],
                ]
            )
        for constraint in shapes.objects(shape, SH.sparql):
            rows.append([targets, ["(SPARQL)"], ["violation"], [" ".join(_texts(shapes, constraint, SH.message))]])
    rows.sort(key=lambda r: [_plain(c) for c in r])
    return [
        Heading(2, "Validation rules"),
        Paragraph(["The SHACL shapes in ontology/shapes.ttl, checked by kg.validate; warnings do not fail validation."]),
        Table(["Applies to", "Property", "Severity", "Rule"], rows),
    ]


def _plain(cell: Cell) -> str:
    return "".join(part.text if isinstance(part, Link) else part for part in cell)


def document_blocks(base: str = DEFAULT_BASE) -> list[Block]:
    data, shapes = load_ontology(base)
    return [*_vocabulary_blocks(data), *_reused_blocks(data, shapes), *_scheme_blocks(data, base), *_shape_blocks(shapes)]


# -- renderers -----------------------------------------------------------------------------------


def _html_inline(parts: Iterable[Inline]) -> str:
    out = []
    for part in parts:
        if isinstance(part, Link):
            out.append(f'<a href="{html.escape(part.href, quote=True)}">{html.escape(part.text)}</a>')
        else:
            out.append(html.escape(part))
    return "".join(out)


def render_html(blocks: list[Block]) -> str:
    title = next((b.text for b in blocks if isinstance(b, Heading)), "kg vocabulary")
    out = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        f"<title>{html.escape(title)}</title>",
        "<style>body{font-family:sans-serif;max-width:70em;margin:2em auto;padding:0 1em;line-height:1.4}"
        "table{border-collapse:collapse;margin:.5em 0 1.5em}td,th{border:1px solid #ccc;padding:.3em .6em;"
        "vertical-align:top;text-align:left}th{background:#f2f2f2}code{font-size:95%}</style>",
        "</head><body>",
    ]
    for block in blocks:
        if isinstance(block, Heading):
            anchor = f' id="{html.escape(block.anchor, quote=True)}"' if block.anchor else ""
            out.append(f"<h{block.level}{anchor}>{html.escape(block.text)}</h{block.level}>")
        elif isinstance(block, Paragraph):
            out.append(f"<p>{_html_inline(block.parts)}</p>")
        else:
            out.append("<table>")
            if any(block.headers):
                out.append("<tr>" + "".join(f"<th>{html.escape(h)}</th>" for h in block.headers) + "</tr>")
            for row in block.rows:
                out.append("<tr>" + "".join(f"<td>{_html_inline(cell)}</td>" for cell in row) + "</tr>")
            out.append("</table>")
    out.append("</body></html>")
    return "\n".join(out) + "\n"


def _md_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("*", "\\*").replace("_", "\\_").replace("\n", " ")


def _md_inline(parts: Iterable[Inline]) -> str:
    out = []
    for part in parts:
        if isinstance(part, Link):
            out.append(f"[{_md_escape(part.text)}](<{part.href}>)")
        else:
            out.append(_md_escape(part))
    return "".join(out)


def render_markdown(blocks: list[Block]) -> str:
    out: list[str] = []
    for block in blocks:
        if isinstance(block, Heading):
            anchor = f'<a id="{block.anchor}"></a>' if block.anchor else ""
            out += [f"{'#' * block.level} {anchor}{block.text}", ""]
        elif isinstance(block, Paragraph):
            out += [_md_inline(block.parts), ""]
        else:
            headers = [h or " " for h in block.headers]
            out.append("| " + " | ".join(_md_escape(h) for h in headers) + " |")
            out.append("|" + "---|" * len(headers))
            for row in block.rows:
                out.append("| " + " | ".join(_md_inline(cell) for cell in row) + " |")
            out.append("")
    return "\n".join(out)


def write_docs(out_dir: Path, fmt: str = "html", base: str = DEFAULT_BASE) -> Path:
    """Write ``index.html`` (fmt "html") or ``index.md`` (fmt "markdown") into ``out_dir``; return its path.

    Concept IRIs are shown resolved against ``base`` (the base IRI the build uses).
    """
    renderers = {"html": (render_html, "index.html"), "markdown": (render_markdown, "index.md")}
    if fmt not in renderers:
        raise ValueError(f"unknown docs format {fmt!r}; choose html or markdown")
    render, name = renderers[fmt]
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    target = out_dir / name
    target.write_text(render(document_blocks(base)), encoding="utf-8")
    return target
