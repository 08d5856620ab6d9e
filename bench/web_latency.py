"""Suite `web_latency`: latency of ``GET /api/events`` under load, on loopback.

10,000 synthetic events (deterministic: seeded) go into a temporary database; ``dateline serve``
runs on it in its own process; ten client threads, each with one keep-alive connection, send a
fixed mix of filtered, sorted and paged queries (100 events a page, JSON and GeoJSON) until
``MAX_REQUESTS`` (or ``--limit``) have been answered or ``MAX_SECONDS`` have passed. Reported:
p50 and p95 latency and throughput, beside the same queries run in-process on the store (count,
page, JSON encoding; one thread, no HTTP), measured in the same run. Not gated: it measures the
machine as much as dateline. Results go to bench/README.md.
"""

from __future__ import annotations

import http.client
import json
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from dateline.benchmarks import BenchContext, Score, SuiteResult, hash_files
from dateline.model import Event, Evidence, to_dict
from dateline.store import EventQuery, open_store

EVENTS = 10_000
CONCURRENCY = 10
MAX_REQUESTS = 2_000
MAX_SECONDS = 60.0
WARMUP = 50
SEED = 20240314

# (country, iso3, admin1, latitude, longitude)
PLACES = (
    ("Syria", "SYR", "Idlib", 35.93, 36.63), ("Syria", "SYR", "Deir ez-Zor", 35.33, 40.14),
    ("Ukraine", "UKR", "Donetsk", 48.0, 37.8), ("Ukraine", "UKR", "Kharkiv", 49.99, 36.23),
    ("Sudan", "SDN", "Khartoum", 15.5, 32.56), ("Sudan", "SDN", "North Darfur", 13.63, 25.35),
    ("Somalia", "SOM", "Banadir", 2.04, 45.34), ("Yemen", "YEM", "Taiz", 13.58, 44.02),
    ("Myanmar", "MMR", "Sagaing", 21.88, 95.98), ("Mali", "MLI", "Mopti", 14.49, -4.2),
    ("Burkina Faso", "BFA", "Sahel", 14.1, -1.63), ("Nigeria", "NGA", "Borno", 11.85, 13.16),
    ("Democratic Republic of the Congo", "COD", "Nord-Kivu", -1.68, 29.22),
)
TYPES = (
    ("Battles", "Armed clash"), ("Explosions/Remote violence", "Air/drone strike"),
    ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
    ("Violence against civilians", "Attack"), ("Protests", "Peaceful protest"),
    ("Riots", "Violent demonstration"), ("Strategic developments", "Arrests"),
)
ACTORS = ("Military Forces of Russia (2000-)", "Military Forces of Ukraine (2019-)",
          "RSF: Rapid Support Forces", "Al Shabaab", "HTS: Hayat Tahrir al Sham",
          "SDF: Syrian Democratic Forces", "Protesters", "Unidentified Armed Group")
WORDS = ("market", "checkpoint", "village", "convoy", "school", "hospital", "bridge", "camp")

# The query mix: (query string, the same query for the store).
QUERIES: tuple[tuple[str, dict[str, Any]], ...] = (
    ("limit=100", {}),
    ("country=Syria&limit=100", {"country": "Syria"}),
    ("from=2024-03-01&to=2024-03-31&limit=100", {"date_from": "2024-03-01",
                                                 "date_to": "2024-03-31"}),
    ("type=Battles&sort=-fatalities&limit=100", {"event_type": "Battles",
                                                 "order_by": "fatalities", "descending": True}),
    ("bbox=35,32,43,38&limit=100", {"bbox": (35.0, 32.0, 43.0, 38.0)}),
    ("q=market&limit=100", {"text": "market"}),
    ("actor=Forces&limit=100&offset=500", {"actor": "Forces", "offset": 500}),
    ("country=Ukraine&format=geojson&limit=100", {"country": "Ukraine"}),
    ("min_confidence=0.8&sort=-event_date&limit=100&offset=2000",
     {"min_confidence": 0.8, "descending": True, "offset": 2000}),
)


def synthetic_events(count: int = EVENTS, seed: int = SEED) -> list[Event]:
    rng = random.Random(seed)
    events = []
    for i in range(count):
        country, iso3, admin1, lat, lon = rng.choice(PLACES)
        event_type, sub_type = rng.choice(TYPES)
        day = 1 + rng.randrange(365)
        date = time.strftime("%Y-%m-%d", time.gmtime(1704067200 + (day - 1) * 86400))
        sentence = (f"Fighting near the {rng.choice(WORDS)} in {admin1} killed "
                    f"{rng.randrange(12)} people, witnesses said.")
        article = f"{i // 3:016x}"
        events.append(Event(
            event_id=f"syn{i:05d}", event_date=date, time_precision=1,
            disorder_type="Political violence", event_type=event_type, sub_event_type=sub_type,
            actor1=rng.choice(ACTORS), actor2=rng.choice(("", *ACTORS)), country=country,
            iso3=iso3, admin1=admin1, location=admin1,
            latitude=round(lat + rng.uniform(-0.8, 0.8), 5),
            longitude=round(lon + rng.uniform(-0.8, 0.8), 5), fatalities=rng.randrange(12),
            confidence=round(rng.uniform(0.3, 1.0), 2), notes=f"On {date}, {sentence}",
            evidence=(Evidence(article, 0, len(sentence), sentence),), article_ids=(article,),
        ))
    return events


@dataclass
class Load:
    """Requests answered, their latencies (seconds) and any failures, shared by the threads."""

    budget: int
    deadline: float
    latencies: list[float] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)
    sent: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)

    def next_index(self) -> int | None:
        with self.lock:
            if self.sent >= self.budget or time.perf_counter() > self.deadline:
                return None
            self.sent += 1
            return self.sent - 1


def _client(port: int, paths: list[str], load: Load, record: bool) -> None:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        while (index := load.next_index()) is not None:
            start = time.perf_counter()
            conn.request("GET", paths[index % len(paths)])
            response = conn.getresponse()
            response.read()
            elapsed = time.perf_counter() - start
            with load.lock:
                if response.status != 200:
                    load.failures.append(f"{response.status} {paths[index % len(paths)]}")
                elif record:
                    load.latencies.append(elapsed)
    finally:
        conn.close()


def run_load(port: int, paths: list[str], requests: int, seconds: float,
             record: bool = True) -> tuple[Load, float]:
    load = Load(requests, time.perf_counter() + seconds)
    threads = [threading.Thread(target=_client, args=(port, paths, load, record))
               for _ in range(CONCURRENCY)]
    start = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return load, time.perf_counter() - start


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _wait_ready(port: int, server: subprocess.Popen[bytes], seconds: float = 60.0) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"dateline serve exited with {server.returncode}")
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            conn.request("GET", "/api/status")
            if conn.getresponse().status == 200:
                return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError("dateline serve did not answer within a minute")


def in_process(db: Path, rounds: int) -> list[float]:
    """The same queries on the store in this process: count, page, JSON; one thread."""
    timings = []
    with open_store(db) as store:
        for i in range(rounds):
            options = QUERIES[i % len(QUERIES)][1]
            query = EventQuery(limit=100, **options)
            start = time.perf_counter()
            total = store.count_events(query)
            page = [to_dict(e) for e in store.events(query)]
            json.dumps({"total": total, "events": page})
            timings.append(time.perf_counter() - start)
    return timings


def _quantiles(values: list[float]) -> tuple[float, float]:
    cuts = statistics.quantiles(values, n=100, method="inclusive")
    return cuts[49] * 1000, cuts[94] * 1000


def run(ctx: BenchContext) -> SuiteResult:
    requests = ctx.limit or MAX_REQUESTS
    paths = [f"/api/events?{query}" for query, _ in QUERIES]
    with tempfile.TemporaryDirectory(prefix="dateline-web-bench-") as folder:
        db = Path(folder) / "bench.db"
        with open_store(db) as store:
            store.save_events(synthetic_events())
        port = _free_port()
        server = subprocess.Popen(
            [sys.executable, "-m", "dateline", "serve", "--db", str(db), "--port", str(port)],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            _wait_ready(port, server)
            run_load(port, paths, WARMUP, MAX_SECONDS, record=False)
            load, wall = run_load(port, paths, requests, MAX_SECONDS)
            floor, _ = run_load(port, ["/static/style.css"], min(requests, 500), 20.0)
        finally:
            server.terminate()
            server.wait(timeout=20)
        baseline = in_process(db, max(len(QUERIES) * 20, requests // 4))
    return _result(load, wall, floor, baseline)


def _result(load: Load, wall: float, floor: Load, baseline: list[float]) -> SuiteResult:
    if load.failures or not load.latencies:
        raise RuntimeError(f"{len(load.failures)} requests failed, e.g. {load.failures[:3]}")
    p50, p95 = _quantiles(load.latencies)
    base50, base95 = _quantiles(baseline)
    floor50, floor95 = _quantiles(floor.latencies)
    result = SuiteResult("web_latency", hash_files([Path(__file__)]),
                         baseline_name="same queries in-process, 1 thread, no HTTP")
    result.scores = [
        Score("p50 ms", p50, base50, higher_is_better=False, gated=False),
        Score("p95 ms", p95, base95, higher_is_better=False, gated=False),
        Score("requests/s", len(load.latencies) / wall, len(baseline) / sum(baseline),
              gated=False),
    ]
    result.details.append(
        f"{EVENTS} synthetic events; {len(load.latencies)} requests of {len(QUERIES)} kinds at "
        f"concurrency {CONCURRENCY} in {wall:.1f} s (cap {MAX_SECONDS:.0f} s); static-file floor "
        f"on the same server p50 {floor50:.1f} ms, p95 {floor95:.1f} ms")
    return result
