"""``kg publish``: the static site, and Debian's nginx serving it with the generated config (303s, media types).

nginx comes from .ci/install-test-tools.sh (nginx-light); locally the nginx test skips when it is
absent, under CI (CI=true) that is a failure.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from pyoxigraph import RdfFormat, parse

from kg import errors

KG = shutil.which("kg", path=str(Path(sys.executable).parent)) or "kg"
BASE = "https://w3id.org/kamerstukken-kg/"
MEDIA = {
    "text/html": ".html", "text/turtle": ".ttl", "application/ld+json": ".jsonld",
    "application/n-triples": ".nt", "application/trig": ".trig", "application/n-quads": ".nq",
}
PARSERS = {".ttl": RdfFormat.TURTLE, ".jsonld": RdfFormat.JSON_LD, ".nt": RdfFormat.N_TRIPLES,
           ".trig": RdfFormat.TRIG, ".nq": RdfFormat.N_QUADS}


def nginx_binary() -> str:
    path = shutil.which("nginx") or ("/usr/sbin/nginx" if Path("/usr/sbin/nginx").exists() else None)
    if path is None:
        message = "nginx is not installed (run .ci/install-test-tools.sh)"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    return path


@pytest.fixture(scope="module")
def published(served_samples, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("published")
    result = subprocess.run([KG, "publish", str(out), "--store", str(served_samples.store), "--force", "-q"],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    return out


def test_publish_writes_pages_descriptions_dumps_and_void(published, served_samples):
    site = published / "site"
    for name in ("index.html", "entities.html", "dataset.html", "dataset.ttl", "static/kg.css", "dumps/kg.nq", "dumps/kg.ttl"):
        assert (site / name).is_file(), name
    page = (site / "doc/organisatie/uwv.html").read_text()
    assert "<h1>UWV</h1>" in page and "<mark>UWV</mark>" in page
    assert 'href="../../static/kg.css"' in page and 'href="../../doc/kamerstuk/29544-1101.html"' in page
    for suffix, rdf_format in PARSERS.items():
        quads = list(parse((site / f"doc/organisatie/uwv{suffix}").read_bytes(), format=rdf_format))
        assert any(q.subject.value == BASE + "id/organisatie/uwv" for q in quads), suffix
    # The same description as the server gives.
    served = httpx.get(served_samples.url + "doc/organisatie/uwv.nt").content
    assert set(parse(served, format=RdfFormat.N_TRIPLES)) == set(parse((site / "doc/organisatie/uwv.nt").read_bytes(), format=RdfFormat.N_TRIPLES))
    exported = subprocess.run([KG, "export", "--format", "nquads", "--store", str(served_samples.store)], capture_output=True).stdout
    assert (site / "dumps/kg.nq").read_bytes() == exported
    void = list(parse((site / "dataset.ttl").read_bytes(), format=RdfFormat.TURTLE))
    assert any(t.predicate.value == "http://rdfs.org/ns/void#dataDump" and t.object.value == BASE + "dumps/kg.nq" for t in void)
    # Every page under doc/ that a page links to exists.
    for target in set(re.findall(r'href="((?:\.\./)+doc/[^"#]+\.html)"', page)):
        assert (site / "doc/organisatie" / target).resolve().is_file(), target


def test_publish_refuses_a_non_empty_folder(tmp_path, served_samples):
    (tmp_path / "something").write_text("keep me")
    result = subprocess.run([KG, "publish", str(tmp_path), "--store", str(served_samples.store)], capture_output=True, text=True)
    assert result.returncode == errors.USAGE and "not empty" in result.stderr and (tmp_path / "something").exists()


@pytest.fixture(scope="module")
def nginx_site(published, tmp_path_factory, start_server):
    """Debian's nginx on a loopback port with the config ``kg publish`` generated (only the listen line changed)."""
    binary = nginx_binary()
    work = tmp_path_factory.mktemp("nginx")
    port = start_server.free_port()
    config = (published / "nginx.conf").read_text()
    config, replaced = re.subn(r"listen [^;]+;", f"listen 127.0.0.1:{port};", config)
    assert replaced == 1
    (work / "kg.conf").write_text(config)
    temp = " ".join(f"{kind}_temp_path {work / kind};" for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))
    (work / "nginx.conf").write_text(
        f"daemon off; master_process off; worker_processes 1; pid {work / 'nginx.pid'}; error_log {work / 'error.log'};\n"
        f"events {{ worker_connections 64; }}\nhttp {{ access_log off; {temp} include {work / 'kg.conf'}; }}\n"
    )
    process = subprocess.Popen([binary, "-c", str(work / "nginx.conf"), "-p", str(work)], stderr=subprocess.PIPE, text=True)
    url = f"http://127.0.0.1:{port}/"
    deadline = time.monotonic() + 20
    while True:
        try:
            httpx.get(url, timeout=2)
            break
        except httpx.TransportError:
            if process.poll() is not None or time.monotonic() > deadline:
                process.kill()
                pytest.fail(f"nginx did not start: {process.stderr.read() if process.stderr else ''}")
            time.sleep(0.1)
    yield url
    process.terminate()
    process.wait(10)


def test_nginx_serves_303s_and_negotiates_media_types(nginx_site, published):
    site = published / "site"
    iris = sorted(p.relative_to(site / "doc").with_suffix("").as_posix() for p in (site / "doc").rglob("*.html"))
    kinds: dict[str, str] = {}
    for path in iris:
        kinds.setdefault(path.split("/", 1)[0], path)
    assert {"organisatie", "persoon", "instrument", "wet", "kamerstuk", "dossier"} <= set(kinds)
    with httpx.Client(base_url=nginx_site, follow_redirects=False, timeout=10) as http:
        for path in kinds.values():
            redirect = http.get(f"id/{path}", headers={"Accept": "text/turtle"})
            assert redirect.status_code == 303 and redirect.headers["location"] == f"/doc/{path}", path
            assert "Accept" in redirect.headers["vary"]
            for media, suffix in MEDIA.items():
                negotiated = http.get(f"doc/{path}", headers={"Accept": media})
                direct = http.get(f"doc/{path}{suffix}")
                for response in (negotiated, direct):
                    assert response.status_code == 200 and response.headers["content-type"].split(";")[0] == media, (path, media)
                assert negotiated.content == (site / "doc" / f"{path}{suffix}").read_bytes()
                if suffix in PARSERS:
                    assert any(q.subject.value == f"{BASE}id/{path}" for q in parse(negotiated.content, format=PARSERS[suffix]))
        browser = http.get("doc/organisatie/uwv", headers={"Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"})
        assert browser.headers["content-type"].startswith("text/html") and "<h1>UWV</h1>" in browser.text
        void = http.get(".well-known/void", headers={"Accept": "text/turtle"})
        assert void.headers["content-type"].startswith("text/turtle")
        assert any(t.predicate.value == "http://rdfs.org/ns/void#sparqlEndpoint" for t in parse(void.content, format=RdfFormat.TURTLE))
        assert http.get("").headers["content-type"].startswith("text/html")
        dump = http.get("dumps/kg.nq")
        assert dump.headers["content-type"] == "application/n-quads" and dump.content == (site / "dumps/kg.nq").read_bytes()
        assert http.get("doc/organisatie/no-such-thing").status_code == 404
