"""``kg publish``: the server's pages and descriptions as static files, plus an nginx config for the 303s.

The site holds, per resource under ``{base}id/``, ``doc/{type}/{ref}.html`` and its descriptions
(``.ttl``, ``.jsonld``, ``.nt``, ``.trig``, ``.nq``), the home page, an index of all entities, the
VoID/DCAT description and the dumps. Any static host can serve it; the generated ``nginx.conf``
adds what a static host cannot: ``/id/...`` -> 303 -> ``/doc/...`` and content negotiation by ``Accept``.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path
from typing import Callable, Iterable

from pyoxigraph import Literal, NamedNode

from kg.web import describe
from kg.web.app import dataset_description, json_ld_context, store_base
from kg.web.config import DUMPS
from kg.web.html import render
from kg.web.negotiation import DATASET_FORMATS, GRAPH_FORMATS, HTML
from kg.web.views import Site, Views

#: Description files written beside each page (RDF/XML is left to the server).
FILE_FORMATS = tuple(f for f in (*GRAPH_FORMATS, *DATASET_FORMATS) if f.name != "rdfxml")


@dataclass
class PublishReport:
    site: Path
    pages: int
    files: int
    nginx_config: Path


def resources(store, base: str) -> list[str]:
    """Every IRI under ``{base}id/`` that is the subject of a statement, sorted."""
    rows = store.query(
        f"SELECT DISTINCT ?s WHERE {{ GRAPH ?g {{ ?s ?p ?o }} FILTER(isIRI(?s) && STRSTARTS(STR(?s), {Literal(base + 'id/')})) }}"
    )
    return sorted(row["s"].value for row in rows)


class _StaticSite:
    """One Views per link depth, since a static page links relative to where it sits."""

    def __init__(self, store, base: str) -> None:
        self.store, self.base = store, base
        self._views: dict[int, Views] = {}

    def views(self, depth: int) -> Views:
        if depth not in self._views:
            self._views[depth] = Views(self.store, Site(self.base, root="../" * depth, suffix=".html", static=True))
        return self._views[depth]


def nginx_config(site_dir: Path, listen: str = "127.0.0.1:8080") -> str:
    """An nginx ``http {}`` fragment serving ``site_dir``: 303 for /id/, content negotiation for /doc/ and the VoID."""
    suffix_map = "\n".join(
        f'    "~*{f.media_type.replace("+", "[+]")}" {f.suffix};' for f in FILE_FORMATS
    )
    types = " ".join(f"{f.media_type} {f.suffix[1:]};" for f in (*FILE_FORMATS, HTML)) + " text/css css;"
    return f"""# kg publish: include this file inside nginx's http {{ }} block (e.g. /etc/nginx/conf.d/kg.conf).
# /id/TYPE/REF answers 303 See Other to /doc/TYPE/REF; /doc/... picks .html/.ttl/.jsonld/.nt/.trig/.nq by Accept.
# Adjust "listen" (and add server_name / TLS) for your host.

# Accept -> file suffix. A browser's Accept starts with text/html; the first data type named wins otherwise.
map $http_accept $kg_suffix {{
    default .html;
    "~*^text/html" .html;
{suffix_map}
}}

server {{
    listen {listen};
    root {site_dir.resolve()};
    index index.html;
    absolute_redirect off;
    types {{ {types} }}
    default_type application/octet-stream;
    add_header Access-Control-Allow-Origin "*" always;

    location ~ ^/id/(.+)$ {{
        add_header Vary Accept always;
        add_header Access-Control-Allow-Origin "*" always;
        return 303 /doc/$1;
    }}
    location /doc/ {{
        add_header Vary Accept always;
        add_header Access-Control-Allow-Origin "*" always;
        try_files $uri $uri$kg_suffix =404;
    }}
    location = /.well-known/void {{
        add_header Vary Accept always;
        try_files /dataset$kg_suffix =404;
    }}
    location = /dataset {{
        add_header Vary Accept always;
        try_files /dataset$kg_suffix =404;
    }}
}}
"""


def publish(
    store,
    out_dir: str | Path,
    *,
    base: str | None = None,
    public_url: str | None = None,
    max_rows: int = 10_000,
    progress: Callable[[list[str]], Iterable[str]] | None = None,
) -> PublishReport:
    """Write the static site of ``store`` (a :class:`kg.store.KGStore`) to ``out_dir/site`` and its nginx config to ``out_dir/nginx.conf``."""
    base = store_base(store, base)
    public = public_url or base
    out = Path(out_dir)
    site_dir = out / "site"
    site_dir.mkdir(parents=True, exist_ok=True)
    static = _StaticSite(store, base)
    written = 0

    def write(relative: str, content: bytes | str) -> None:
        nonlocal written
        path = site_dir / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
        written += 1

    iris = resources(store, base)
    pages = 0
    for iri in progress(iris) if progress else iris:
        path = "doc/" + iri[len(base) + len("id/"):]
        depth = path.count("/")
        views = static.views(depth)
        entity = views.entity(iri)
        if entity is None:
            continue
        write(path + ".html", render("entity.html", site=views.site, entity=entity, doc_path=path, formats=FILE_FORMATS))
        quads = describe.describe(store, NamedNode(iri), document=NamedNode(base + path), limit=max_rows)
        for fmt in FILE_FORMATS:
            write(path + fmt.suffix, describe.serialize_description(quads, fmt.name))
        pages += 1

    home_views = static.views(0)
    write("index.html", render("home.html", site=home_views.site, home=home_views.home()))
    write("entities.html", render("entities.html", site=home_views.site, groups=_entity_index(home_views, iris)))
    void = dataset_description(store, base, public)
    write("dataset.html", render("dataset.html", site=home_views.site, quads=void, dumps=DUMPS, public=public, base=base))
    for fmt in FILE_FORMATS:
        write("dataset" + fmt.suffix, describe.serialize_description(void, fmt.name))
    for name, fmt in DUMPS.items():
        (site_dir / "dumps").mkdir(exist_ok=True)
        with open(site_dir / "dumps" / name, "wb") as stream:
            store.export(fmt, stream)
        written += 1
    context = json_ld_context()
    if context is not None:
        write("context.jsonld", context)
    (site_dir / "static").mkdir(exist_ok=True)
    shutil.copyfile(str(files("kg.web").joinpath("static/kg.css")), site_dir / "static" / "kg.css")
    written += 1
    config = out / "nginx.conf"
    config.write_text(nginx_config(site_dir), encoding="utf-8")
    return PublishReport(site_dir, pages, written, config)


def _entity_index(views: Views, iris: list[str]) -> list[tuple[str, list]]:
    """Entities grouped by their first type's label (the static site's stand-in for the search box)."""
    links = views.links(iris)
    types = views.types_of(iris)
    groups: dict[str, list] = {}
    for iri in iris:
        kinds = types.get(iri) or []
        heading = kinds[0].label if kinds else "other"
        groups.setdefault(heading, []).append(links[iri])
    return sorted((heading, sorted(items, key=lambda l: l.label.lower())) for heading, items in groups.items())


__all__ = ["publish", "PublishReport", "nginx_config", "resources"]
