"""The JSON API through FastAPI's test client: filters, formats, one event, one article,
counts, the error shape, security headers, and the token on POST /api/articles."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from webdata import PAYLOADS, SCRIPT, build_db, hostile_document

from dateline.export import ACLED_COLUMNS
from dateline.store import MergeStore, open_store
from dateline.web import WebOptions, create_app
from dateline.web.security import CONTENT_SECURITY_POLICY

TOKEN = "test-token-Zx9"
ARTICLE = """Gunmen kill five in attack on village in northern Burkina Faso – 12/03/2024

Suspected jihadists attacked the village of Tawori in Burkina Faso on Monday, killing five \
civilians, local sources said on Tuesday.
"""


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_db(tmp_path_factory.mktemp("web") / "web.db", hostile=True)


@pytest.fixture(scope="module")
def client(db: Path) -> TestClient:
    return TestClient(create_app(db))


def ids(response: Any) -> list[str]:
    assert response.status_code == 200, response.text
    return [event["event_id"] for event in response.json()["events"]]


def assert_error(response: Any, status: int, *words: str) -> dict[str, Any]:
    assert response.status_code == status, response.text
    body = response.json()
    assert set(body) == {"error"}
    error = body["error"]
    assert set(error) == {"status", "code", "message", "hint", "details"}
    assert error["status"] == status and error["message"] and error["hint"]
    text = (error["message"] + " " + error["hint"]).lower()
    for word in words:
        assert word.lower() in text
    return error


def test_events_are_listed_by_date_with_the_total(client: TestClient) -> None:
    response = client.get("/api/events")
    assert ids(response) == ["XSS" + PAYLOADS[1], "EV1", "EV2", "EV3"]
    assert response.json()["total"] == 4
    assert response.headers["x-total-count"] == "4"


@pytest.mark.parametrize(("query", "expected"), [
    ("country=Syria", ["EV1", "EV3"]),
    ("country=ukr", ["EV2"]),
    ("admin1=idlib", ["EV3"]),
    ("type=Battles", ["EV1"]),
    ("sub_type=Peaceful protest", ["EV3"]),
    ("actor=russia", ["EV2"]),
    ("q=market", ["EV2"]),  # evidence and notes text
    ("q=100%25_", []),  # LIKE wildcards are literal
    ("from=2024-03-13&to=2024-03-14", ["EV2"]),
    ("min_confidence=0.85", ["EV1"]),
    ("bbox=35,32,42.5,37.5", ["XSS" + PAYLOADS[1], "EV1", "EV3"]),
    ("bbox=170,-10,-170,10", []),  # across the antimeridian
    ("bbox=35,37.5,42.5,32", ["XSS" + PAYLOADS[1], "EV1", "EV3"]),  # latitudes either way
    ("bbox=36,35,38,49&country=Ukraine", ["EV2"]),
    ("sort=-fatalities&country=Syria", ["EV1", "EV3"]),
    ("sort=-event_date&type=Battles", ["EV1"]),
    ("sort=-event_date&q=on", ["EV3", "EV2", "EV1", "XSS" + PAYLOADS[1]]),
])
def test_event_filters_and_sorting(client: TestClient, query: str, expected: list[str]) -> None:
    assert ids(client.get(f"/api/events?{query}")) == expected


def test_pagination_links_to_the_next_page(client: TestClient) -> None:
    first = client.get("/api/events?limit=3").json()
    assert (first["total"], first["limit"], first["offset"]) == (4, 3, 0)
    assert first["next"] == "/api/events?limit=3&offset=3"
    second = client.get(first["next"]).json()
    assert [e["event_id"] for e in second["events"]] == ["EV3"]
    assert second["next"] is None
    assert client.get("/api/events?offset=50").json()["events"] == []


def test_geojson_for_a_country_is_a_valid_feature_collection(client: TestClient) -> None:
    response = client.get("/api/events?country=Syria&format=geojson")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/geo+json")
    collection = response.json()
    assert collection["type"] == "FeatureCollection"
    assert [f["id"] for f in collection["features"]] == ["EV1", "EV3"]
    for feature in collection["features"]:
        assert feature["type"] == "Feature"
        assert feature["geometry"]["type"] == "Point"
        lon, lat = feature["geometry"]["coordinates"]
        assert -180 <= lon <= 180 and -90 <= lat <= 90
        assert feature["properties"]["event_id"] == feature["id"]
        assert feature["properties"]["evidence"]


def test_acled_csv_has_acleds_columns(client: TestClient) -> None:
    response = client.get("/api/events?format=acled-csv&country=Ukraine")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert tuple(rows[0]) == ACLED_COLUMNS
    assert [(r["event_id_cnty"], r["country"], r["fatalities"]) for r in rows] == [
        ("EV2", "Ukraine", "8")]


def test_one_event_with_its_evidence_and_sources(client: TestClient) -> None:
    body = client.get("/api/events/EV2").json()
    assert body["event"]["event_id"] == "EV2"
    (source,) = body["sources"]
    assert source["stored"] is True
    assert source["title"] == "Kramatorsk report" and source["url"] == "https://example.org/2"
    (evidence,) = source["evidence"]
    article = client.get(f"/api/articles/{source['article_id']}").json()
    assert article["clean_text"][evidence["start"]:evidence["end"]] == evidence["text"]
    assert "market in Kramatorsk" in evidence["text"]
    assert evidence["fields"] == ["event_type", "location"]
    assert body["event"]["evidence"][0]["fields"] == ["event_type", "location"]


def test_one_article_with_clean_text_edits_and_annotations(client: TestClient) -> None:
    article_id = client.get("/api/events/EV1").json()["sources"][0]["article_id"]
    article = client.get(f"/api/articles/{article_id}").json()
    assert article["clean_text"].startswith("BAGHUZ - SDF fighters")
    assert article["raw_text"].startswith("BAGHUZ -  SDF")
    (edit,) = article["edits"]
    assert (edit["before"], edit["after"], edit["rule"]) == ("  ", " ", "whitespace")
    assert article["entities"][0]["actor"] == "SDF: Syrian Democratic Forces"
    assert article["places"][0]["name"] == "Baghuz"
    assert [e["event_id"] for e in article["events"]] == ["EV1"]


def test_counts_by_day_type_and_country(client: TestClient) -> None:
    timeline = client.get("/api/counts?by=day&by=type").json()
    assert timeline["by"] == ["day", "type"] and timeline["total"] == 4
    assert {"day": "2024-03-14", "type": "Explosions/Remote violence", "count": 1,
            "fatalities": 8} in timeline["rows"]
    countries = client.get("/api/counts?by=country&type=Battles").json()
    assert countries["rows"] == [{"country": "Syria", "count": 1, "fatalities": 7}]


def test_the_briefing_of_a_day(client: TestClient) -> None:
    briefing = client.get("/api/brief?date=2024-03-14").json()
    assert briefing["day"] == "2024-03-14"
    events = [item["event"]["event_id"] for country in briefing["countries"]
              for item in country["items"]]
    assert events == ["EV2"]
    assert client.get("/api/brief").json()["day"] == "2024-03-15"  # the latest day with events
    page = client.get("/brief?date=2024-03-14")
    assert page.status_code == 200 and "Kramatorsk" in page.text
    policy = page.headers["content-security-policy"]
    assert "style-src 'self' 'sha256-" in policy and "script-src 'self';" in policy
    assert 'href="/brief"' in client.get("/").text  # linked from every page


def test_story_threads(tmp_path: Path) -> None:
    db = build_db(tmp_path / "story.db")
    with open_store(db) as store:
        assert isinstance(store, MergeStore)
        store.link_stories({"EV1": "story-1", "EV3": "story-1"}, {})
    client = TestClient(create_app(db))
    assert client.get("/api/events/EV1").json()["story_id"] == "story-1"
    assert client.get("/api/events/EV2").json()["story_id"] is None
    story = client.get("/api/stories/story-1").json()
    assert [e["event_id"] for e in story["events"]] == ["EV1", "EV3"]
    assert 'href="/events/EV3"' in client.get("/events/EV1").text
    assert_error(client.get("/api/stories/none"), 404, "story_id")


@pytest.mark.parametrize(("url", "status", "words"), [
    ("/api/events/nope", 404, ("no event", "GET /api/events")),
    ("/api/articles/nope", 404, ("no article",)),
    ("/api/nothing", 404, ("nothing at", "openapi")),
    ("/api/events?limit=0", 422, ("limit", "fix the parameter")),
    ("/api/events?limit=100000", 422, ("limit",)),
    ("/api/events?from=yesterday", 422, ("from",)),
    ("/api/events?to=0", 422, ("to", "YYYY-MM-DD")),  # not a Unix time
    ("/api/brief?date=1700000000", 422, ("date",)),
    ("/api/events?bbox=1,2,3", 422, ("four numbers", "bbox=")),
    ("/api/events?bbox=200,10,5,-10", 422, ("longitudes",)),
    ("/api/events?bbox=1e3,10,5,-10", 422, ("four numbers",)),
    ("/api/events?min_confidence=2", 422, ("min_confidence",)),
    ("/api/events?sort=actor1", 422, ("sort",)),
    ("/api/events?format=xml", 422, ("format",)),
    ("/api/counts?by=weekday", 422, ("by",)),
    ("/api/brief?date=0001-01-01", 404, ("no briefing",)),
])
def test_errors_share_one_shape_and_say_what_to_do(client: TestClient, url: str, status: int,
                                                   words: tuple[str, ...]) -> None:
    assert_error(client.get(url), status, *words)


def test_method_not_allowed_uses_the_error_shape(client: TestClient) -> None:
    assert_error(client.delete("/api/events"), 405, "not allowed")


def test_errors_do_not_reveal_the_database_path(client: TestClient, db: Path) -> None:
    error = assert_error(client.get("/api/events/nope"), 404)
    assert str(db) not in error["message"] + error["hint"]


def test_openapi_is_served_and_describes_the_api(client: TestClient) -> None:
    schema = client.get("/openapi.json").json()
    assert {"/api/events", "/api/events/{event_id}", "/api/articles/{article_id}",
            "/api/counts", "/api/articles", "/api/status", "/api/brief",
            "/api/stories/{story_id}"} <= set(schema["paths"])
    assert "bearer" in str(schema["components"]["securitySchemes"]).lower()
    assert client.get("/docs").status_code == 404  # Swagger UI would need a CDN


@pytest.mark.parametrize("url", ["/", "/api/events", "/static/dashboard.js", "/api/nope",
                                 "/events/EV1"])
def test_every_response_carries_a_strict_csp(client: TestClient, url: str) -> None:
    headers = client.get(url).headers
    assert headers["content-security-policy"] == CONTENT_SECURITY_POLICY
    assert "script-src 'self'" in CONTENT_SECURITY_POLICY
    assert "unsafe-inline" not in CONTENT_SECURITY_POLICY
    assert headers["x-content-type-options"] == "nosniff"


def test_pages_have_no_inline_script_or_style(client: TestClient) -> None:
    for url in ("/", "/events/EV1", f"/events/XSS{PAYLOADS[1]}"):
        html = client.get(url).text
        assert "<script>" not in html and " style=" not in html
        assert "<script type=\"module\" src=\"/static/" in html or "/static/" in html


def test_event_page_highlights_the_evidence_and_lists_the_edits(client: TestClient) -> None:
    html = client.get("/events/EV2").text
    assert ('<mark class="evidence" id="evidence-1">A Russian missile struck a market in '
            "Kramatorsk on Thursday, killing eight people.</mark>") in html
    assert "whitespace" in html  # the edit log


def test_hostile_fields_are_escaped_in_every_page_and_link(client: TestClient) -> None:
    doc = hostile_document()
    pages = [client.get(f"/events/{doc.events[0].event_id}").text,
             client.get(f"/articles/{doc.id}").text]
    for html in pages:
        for payload in PAYLOADS:
            assert payload not in html
        assert "&lt;script&gt;" in html
        assert "javascript:" not in html  # the article's url is not made a link
    assert SCRIPT in client.get(f"/api/articles/{doc.id}").json()["clean_text"]


def test_html_error_page_for_a_browser(client: TestClient) -> None:
    response = client.get("/events/nope", headers={"accept": "text/html"})
    assert response.status_code == 404
    assert response.headers["content-type"].startswith("text/html")
    assert "no event" in response.text and "dashboard" in response.text


# -- writing ---------------------------------------------------------------------------------


def writer_client(db: Path, token: str | None, **options: Any) -> TestClient:
    return TestClient(create_app(db, token, WebOptions(**options)))


def test_post_without_a_token_is_refused_with_401(db: Path) -> None:
    client = writer_client(db, TOKEN)
    response = client.post("/api/articles", content=ARTICLE)
    assert_error(response, 401, "Authorization: Bearer")
    assert response.headers["www-authenticate"] == "Bearer"
    wrong = client.post("/api/articles", content=ARTICLE,
                        headers={"Authorization": "Bearer nope"})
    assert_error(wrong, 401, "wrong token")
    basic = client.post("/api/articles", content=ARTICLE,
                        headers={"Authorization": f"Basic {TOKEN}"})
    assert_error(basic, 401)


def test_post_is_off_without_a_server_token(db: Path) -> None:
    response = writer_client(db, None).post(
        "/api/articles", content=ARTICLE, headers={"Authorization": "Bearer anything"})
    assert_error(response, 403, "--token")


def test_token_is_compared_in_constant_time(db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import dateline.web.api_write as api_write

    calls: list[tuple[bytes, bytes]] = []

    def spy(a: bytes, b: bytes) -> bool:
        calls.append((a, b))
        return False

    monkeypatch.setattr(api_write.hmac, "compare_digest", spy)
    writer_client(db, TOKEN).post("/api/articles", content="x",
                                  headers={"Authorization": "Bearer guess"})
    assert calls == [(b"guess", TOKEN.encode())]


def test_oversized_bodies_are_refused_with_413(db: Path) -> None:
    client = writer_client(db, TOKEN, max_body_bytes=100)
    auth = {"Authorization": f"Bearer {TOKEN}"}
    assert_error(client.post("/api/articles", content="x" * 101, headers=auth), 413,
                 "--max-bytes")

    def chunks():  # type: ignore[no-untyped-def]  # no Content-Length: counted while read
        yield b"x" * 60
        yield b"x" * 60

    assert_error(client.post("/api/articles", content=chunks(), headers=auth), 413)
    assert_error(client.post("/api/articles", content=" \n", headers=auth), 422, "empty")


def test_posted_articles_are_processed_and_their_events_appear(
        tmp_path: Path, pipeline: Any) -> None:
    built: list[int] = []

    def factory() -> Any:
        built.append(1)
        return pipeline

    db = build_db(tmp_path / "post.db")
    client = writer_client(db, TOKEN, pipeline_factory=factory)
    assert built == []  # nothing loaded until the first POST
    auth = {"Authorization": f"Bearer {TOKEN}", "Content-Type": "text/plain"}
    response = client.post("/api/articles?published=2024-03-12&source=Test%20Desk",
                           content=ARTICLE, headers=auth)
    assert response.status_code == 200, response.text
    result = response.json()
    assert result["counts"]["processed"] == 1 and result["event_ids"]
    for event_id in result["event_ids"]:
        event = client.get(f"/api/events/{event_id}").json()
        assert event["sources"][0]["outlet"] == "Test Desk"
    burkina = client.get("/api/events?country=Burkina Faso").json()
    assert set(result["event_ids"]) <= {e["event_id"] for e in burkina["events"]}

    lines = ('{"text": "Protesters marched in Bamako, Mali, on Friday against power cuts.", '
             '"published": "2024-03-15"}\n{"text": ""}\n')
    again = client.post("/api/articles", content=ARTICLE + "\n", headers=auth).json()
    jsonl = client.post("/api/articles", content=lines,
                        headers={**auth, "Content-Type": "application/x-ndjson"}).json()
    assert again["counts"]["processed"] == 1
    assert [o["status"] for o in jsonl["outcomes"]][0] == "processed"
    assert len(jsonl["outcomes"]) == 2
    assert built == [1]  # loaded once
    garbage = client.post("/api/articles", content=b"\x00\x01\x02" * 50, headers=auth)
    assert_error(garbage, 422, "nothing in the body")
