"""The web server: a JSON API and an offline dashboard over a dateline database.

    from dateline.web import create_app
    app = create_app("dateline.db", token="...")   # run with uvicorn, or `dateline serve`
"""

from dateline.web.app import create_app
from dateline.web.state import WebOptions

__all__ = ["WebOptions", "create_app"]
