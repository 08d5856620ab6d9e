"""Assets installed by the project's set-up rather than kept in the repository: the country
outlines (Natural Earth 1:50m, as TopoJSON from the npm package world-atlas, ISC licence),
installed by ``make install`` with ``npm ci --prefix dateline/web``."""

from __future__ import annotations

from pathlib import Path

from fastapi import APIRouter
from fastapi.responses import FileResponse, PlainTextResponse, Response

from dateline.web.errors import ApiError

ATLAS_DIR = Path(__file__).with_name("node_modules") / "world-atlas"
ATLAS_FILE = "countries-50m.json"
_MISSING_HINT = ("install it with `make install` (or `npm ci --prefix dateline/web`); the "
                 "map shows the events without country outlines meanwhile")
_NOTICE = ("Country outlines: Natural Earth 1:50m Admin 0 countries (public domain), packaged "
           "as TopoJSON by the npm package world-atlas 2.0.2 under this licence:\n\n")

router = APIRouter(prefix="/assets", include_in_schema=False)


def atlas_path(directory: Path = ATLAS_DIR) -> Path | None:
    path = directory / ATLAS_FILE
    return path if path.is_file() else None


@router.get("/world.json")
def world() -> Response:
    path = atlas_path()
    if path is None:
        raise ApiError(404, "the country outlines (world-atlas) are not installed", _MISSING_HINT)
    return FileResponse(path, media_type="application/json",
                        headers={"Cache-Control": "public, max-age=86400"})


@router.get("/world-license.txt")
def world_license() -> Response:
    licence = ATLAS_DIR / "LICENSE"
    if not licence.is_file():
        raise ApiError(404, "the country outlines (world-atlas) are not installed", _MISSING_HINT)
    return PlainTextResponse(_NOTICE + licence.read_text(encoding="utf-8"))
