"""The web dashboard and JSON API over an event database (FastAPI + Jinja2 + plotly.js)."""

from .app import check_bind, create_app
from .server import serve

__all__ = ["check_bind", "create_app", "serve"]
