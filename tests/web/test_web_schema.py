"""Property-based tests of the API against its own OpenAPI document (schemathesis): requests
generated from /openapi.json to every operation, valid ones and invalid ones; no server error,
and every answer matches the documented status codes and shapes. Bounded: 40 examples per
operation and mode, derandomized (the same examples every run).

Schemathesis' pytest plugin does not run under pytest 9, so the operations' strategies are
driven by Hypothesis directly."""

from __future__ import annotations

from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from webdata import build_db

from dateline.web import create_app

OPERATIONS = [
    ("GET", "/api/events"), ("GET", "/api/events/{event_id}"),
    ("GET", "/api/articles/{article_id}"), ("GET", "/api/counts"), ("GET", "/api/status"),
    ("GET", "/api/stories/{story_id}"), ("GET", "/api/brief"), ("POST", "/api/articles"),
]
NO_PARAMETERS = {("GET", "/api/status")}
MODES = {"valid": schemathesis.GenerationMode.POSITIVE,
         "invalid": schemathesis.GenerationMode.NEGATIVE}


@pytest.fixture(scope="module")
def api_schema(tmp_path_factory: pytest.TempPathFactory) -> Any:
    db = build_db(tmp_path_factory.mktemp("schema") / "schema.db", hostile=True)
    app = create_app(db, token="schema-test-token")  # POSTs lack it: 401, nothing processed
    return schemathesis.openapi.from_asgi("/openapi.json", app)


def operation(api_schema: Any, method: str, path: str) -> Any:
    for result in api_schema.get_all_operations():
        found = result.ok()
        if (found.method.upper(), found.path) == (method, path):
            return found
    raise AssertionError(f"{method} {path} is not in /openapi.json")


def test_every_operation_is_exercised(api_schema: Any) -> None:
    documented = {(r.ok().method.upper(), r.ok().path) for r in api_schema.get_all_operations()}
    assert documented == set(OPERATIONS)


@pytest.mark.parametrize("mode", list(MODES))
@pytest.mark.parametrize(("method", "path"), OPERATIONS)
def test_operation_conforms_without_server_errors(api_schema: Any, method: str, path: str,
                                                  mode: str) -> None:
    if mode == "invalid" and (method, path) in NO_PARAMETERS:
        pytest.skip("nothing to make invalid: the operation takes no parameters")
    strategy = operation(api_schema, method, path).as_strategy(generation_mode=MODES[mode])

    @given(case=strategy)
    @settings(max_examples=40, deadline=None, derandomize=True, database=None,
              suppress_health_check=list(HealthCheck))
    def check(case: Any) -> None:
        case.call_and_validate()

    check()
