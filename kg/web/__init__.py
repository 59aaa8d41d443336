"""kg on the web: ``create_app`` builds the ASGI application behind ``kg serve``; ``kg publish`` reuses its pages."""

from kg.web.app import create_app
from kg.web.config import ServeConfig

__all__ = ["create_app", "ServeConfig"]
