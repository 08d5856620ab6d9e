"""``dateline serve``: the JSON API and the dashboard over a database."""

from __future__ import annotations

import click

from dateline.cli.common import fail, pack_option, stderr
from dateline.errors import DatelineError
from dateline.store import DEFAULT_PATH, describe_location, store_exists
from dateline.web.state import DEFAULT_MAX_BODY


@click.command()
@pack_option
@click.option("--db", default=str(DEFAULT_PATH), show_default=True,
              help="SQLite file or postgresql:// URL.")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on (the default serves this machine only).")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535))
@click.option("--token", envvar="DATELINE_TOKEN", default=None,
              help="Token that POST /api/articles must send as 'Authorization: Bearer TOKEN' "
                   "(default: $DATELINE_TOKEN; without one, writing is off).")
@click.option("--max-bytes", default=DEFAULT_MAX_BODY, show_default=True,
              type=click.IntRange(1), help="Largest body POST /api/articles accepts.")
def serve(db: str, host: str, port: int, token: str | None, max_bytes: int) -> None:
    """Serve the JSON API (/api/, /openapi.json) and the dashboard (/) over the database."""
    import uvicorn

    from dateline.web import WebOptions, create_app

    if not store_exists(db) and not token:
        fail(f"no database at {db} (create it with `dateline run INPUT --db {db}`, or give "
             "--token to start an empty one that POST /api/articles fills)")
    try:
        app = create_app(db, token, WebOptions(max_body_bytes=max_bytes))
    except DatelineError as exc:
        fail(str(exc))
        return
    writing = "on (POST /api/articles with the token)" if token else "off (no --token)"
    stderr.print(f"dateline: serving {describe_location(db)} at http://{host}:{port}/ (API "
                 f"/api/, OpenAPI /openapi.json); writing {writing}. Ctrl-C stops.")
    uvicorn.run(app, host=host, port=port, log_level="warning", server_header=False,
                proxy_headers=False, ws="none", lifespan="off")
