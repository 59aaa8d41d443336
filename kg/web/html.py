"""Jinja2 templates of kg's pages, shared by the server and the static site."""

from __future__ import annotations

import functools

import jinja2

from kg import __version__


@functools.lru_cache(maxsize=1)
def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("kg.web", "templates"),
        autoescape=jinja2.select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals["kg_version"] = __version__
    return env


def render(name: str, **context) -> str:
    return environment().get_template(name).render(**context)
