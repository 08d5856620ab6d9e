"""The application factory: ``create_app(db_path, token)`` gives the FastAPI app that
``dateline serve`` runs (JSON API under /api/, dashboard at /, OpenAPI at /openapi.json)."""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

from dateline import __version__
from dateline.store import open_store
from dateline.web import api_read, api_write, assets, briefing, pages
from dateline.web.errors import install_error_handlers
from dateline.web.security import SecurityHeaders
from dateline.web.state import WebOptions, WebState
from dateline.web.writer import Writer

STATIC_DIR = Path(__file__).with_name("static")
DESCRIPTION = (
    "Events extracted from news about armed conflict, each with the characters of the articles "
    "that support it. Reading needs no token; `POST /api/articles` needs "
    "`Authorization: Bearer TOKEN`. Every error is `{\"error\": {status, code, message, hint, "
    "details}}`, its message saying what went wrong and its hint what to do."
)


def create_app(db_path: str | Path, token: str | None = None,
               options: WebOptions | None = None) -> FastAPI:
    """The app serving the database at ``db_path`` (opened, and migrated if older, once here;
    then once per request). ``token`` enables ``POST /api/articles``; None or "" leaves
    writing off. Raises :class:`dateline.errors.StoreError` if the database cannot be used."""
    options = options or WebOptions()
    with open_store(db_path):
        pass
    app = FastAPI(title="dateline", version=__version__, description=DESCRIPTION,
                  docs_url=None, redoc_url=None, openapi_url="/openapi.json")
    app.state.web = WebState(str(db_path), token or None, options,
                             Writer(options.pipeline_factory))
    app.state.templates = pages.make_templates()
    install_error_handlers(app)
    app.add_middleware(SecurityHeaders)
    for module in (api_read, api_write, briefing, pages, assets):
        app.include_router(module.router)
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    return app
