"""The SPARQL 1.1 Protocol endpoint: query by GET or POST, results by ``Accept``, updates refused.

Queries run in :class:`kg.web.pool.QueryPool` workers under the server's time and row limits.
"""

from __future__ import annotations

import json

import anyio.to_thread
from starlette.requests import Request
from starlette.responses import HTMLResponse, PlainTextResponse, Response

from kg.query_text import is_update, uses_service
from kg.web.html import render
from kg.web.negotiation import GRAPH_FORMATS, HTML, RESULT_FORMATS, choose
from kg.web.pool import QueryRefused, QueryRequest

READ_ONLY = "this endpoint is read-only: SPARQL updates are refused (the store is opened read-only)"
NO_SERVICE = ("SERVICE clauses are refused: this endpoint does not call other endpoints on a client's behalf; "
              "run the federated query in your own client")
SD = "http://www.w3.org/ns/sparql-service-description#"
W3_FORMATS = {
    "json": "SPARQL_Results_JSON", "xml": "SPARQL_Results_XML", "csv": "SPARQL_Results_CSV", "tsv": "SPARQL_Results_TSV",
    "turtle": "Turtle", "ntriples": "N-Triples", "jsonld": "JSON-LD", "rdfxml": "RDF_XML",
}


def wants_html(request: Request) -> bool:
    """A browser asking for a page (explicit text/html, preferred over the data formats)."""
    accept = request.headers.get("accept", "")
    return "text/html" in accept and choose(accept, [HTML, *RESULT_FORMATS, *GRAPH_FORMATS]) is HTML


def service_description(endpoint: str, dataset: str) -> str:
    """SPARQL 1.1 Service Description (Turtle) of the endpoint."""
    formats = " , ".join(f"<http://www.w3.org/ns/formats/{name}>" for name in W3_FORMATS.values())
    return (
        f"@prefix sd: <{SD}> .\n@prefix void: <http://rdfs.org/ns/void#> .\n\n"
        f"<{endpoint}> a sd:Service ;\n"
        f"  sd:endpoint <{endpoint}> ;\n"
        f"  sd:supportedLanguage sd:SPARQL11Query ;\n"
        f"  sd:resultFormat {formats} ;\n"
        f"  sd:defaultDataset [ a sd:Dataset ; void:inDataset <{dataset}> ] .\n"
    )


class SparqlEndpoint:
    """``/sparql``: one instance per app, holding the pool and the limits."""

    def __init__(self, pool_getter, *, endpoint: str, dataset: str, max_rows: int, site) -> None:
        self.pool_getter, self.endpoint, self.dataset, self.max_rows, self.site = pool_getter, endpoint, dataset, max_rows, site

    async def handle(self, request: Request) -> Response:
        if request.method == "POST":
            content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
            if content_type == "application/sparql-update":
                return PlainTextResponse(READ_ONLY, status_code=403)
            if content_type == "application/sparql-query":
                query = (await request.body()).decode("utf-8", "replace")
                params = request.query_params
            elif content_type in ("application/x-www-form-urlencoded", "multipart/form-data"):
                params = await request.form()
                if "update" in params:
                    return PlainTextResponse(READ_ONLY, status_code=403)
                query = params.get("query")
            else:
                return PlainTextResponse(
                    "POST a query as application/sparql-query or as a form (application/x-www-form-urlencoded) with query=...",
                    status_code=415,
                )
        else:
            params = request.query_params
            if "update" in params:
                return PlainTextResponse(READ_ONLY, status_code=403)
            query = params.get("query")
        if params.get("default-graph-uri") or params.get("named-graph-uri"):
            return PlainTextResponse("default-graph-uri and named-graph-uri are not supported; use FROM / GRAPH in the query", status_code=400)
        if query is None:
            if wants_html(request):
                return HTMLResponse(render("sparql.html", site=self.site, query="", result=None, error=None))
            return Response(service_description(self.endpoint, self.dataset), media_type="text/turtle; charset=utf-8")
        if not str(query).strip():
            return PlainTextResponse("empty query: pass SPARQL in the query parameter", status_code=400)
        return await self.answer(request, str(query), None, params.get("format"), template="sparql.html")

    async def answer(self, request: Request, query: str, substitutions, fmt: str | None, *, template: str, **page) -> Response:
        """Run ``query`` and answer in the negotiated format, or as an HTML table for a browser."""
        html = wants_html(request) and not fmt
        refusal = READ_ONLY if is_update(query) else NO_SERVICE if uses_service(query) else None
        if refusal:
            if html:
                return HTMLResponse(render(template, site=self.site, query=query, result=None, error=refusal, **page), status_code=403)
            return PlainTextResponse(refusal, status_code=403)
        # A page shows rows from SPARQL JSON and triples as Turtle.
        accept = "application/sparql-results+json, text/turtle" if html else request.headers.get("accept")
        job = QueryRequest(query, substitutions, accept, fmt, self.max_rows)
        try:
            reply = await anyio.to_thread.run_sync(self.pool_getter().run, job)
        except QueryRefused as refused:
            if html:
                return HTMLResponse(render(template, site=self.site, query=query, result=None, error=str(refused), **page),
                                    status_code=refused.status)
            return PlainTextResponse(str(refused), status_code=refused.status)
        headers = {"Vary": "Accept"}
        if reply.truncated:
            headers["X-KG-Truncated"] = f"results cut at the server's limit of {self.max_rows} rows"
        if html:
            result = table(reply, self.site) if reply.format.name == "json" else {"text": reply.body.decode("utf-8")}
            result["truncated"] = reply.truncated
            return HTMLResponse(render(template, site=self.site, query=query, result=result, error=None, **page), headers=headers)
        return Response(reply.body, media_type=reply.format.content_type, headers=headers)


def table(reply, site) -> dict:
    """SPARQL JSON results -> columns and rows of cells (text, href) for the HTML table."""
    data = json.loads(reply.body)
    if "boolean" in data:
        return {"boolean": data["boolean"]}
    columns = data["head"]["vars"]
    rows = []
    for binding in data["results"]["bindings"]:
        row = []
        for column in columns:
            cell = binding.get(column)
            if cell is None:
                row.append(("", None))
            elif cell["type"] == "uri":
                row.append((site.short(cell["value"]), site.href(cell["value"])))
            else:
                row.append((cell["value"], None))
        rows.append(row)
    return {"columns": columns, "rows": rows}
