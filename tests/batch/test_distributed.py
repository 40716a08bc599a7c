"""Two `ita worker` processes on a real Redis over 20 local sites, results in a real PostgreSQL database:
every site audited exactly once, and the server never saw a host (or the shared IP) above its rate."""

from __future__ import annotations

import csv
import subprocess
import sys

from services import new_database
from support import ROOT

from ita_check.batch.sitefarm import make_farm, max_in_window, write_registry

HOST_RATE = 4  # requests per second per host (host:port)
IP_RATE = 20  # requests per second for 127.0.0.1: every site of the farm shares it, like one hosting server


def ita(*args: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "ita_check.cli", *args], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, cwd=ROOT)


def test_two_workers_audit_each_site_once_within_the_rate(tmp_path, redis_url, postgres_url):
    import redis
    from sqlalchemy import create_engine, text

    redis.Redis.from_url(redis_url).flushdb()
    db = new_database(postgres_url, "distributed")
    farm = make_farm(20, items=2, seed=11).start()
    try:
        registry = tmp_path / "registry.csv"
        write_registry(registry, farm.sites, dirty=3, seed=11)
        out = tmp_path / "out"
        batch = ita("batch", str(registry), "--year", "2569", "--out", str(out), "--redis", redis_url, "--db", db,
                    "--host-rate", str(HOST_RATE), "--ip-rate", str(IP_RATE), "--seed", "5")
        workers = [ita("worker", "--redis", redis_url, "--out", str(out), "--db", db, "--sites", "6", "--burst")
                   for _ in range(2)]
        _, err = batch.communicate(timeout=240)
        assert batch.returncode == 0, err[-3000:]
        for worker in workers:
            _, werr = worker.communicate(timeout=120)
            assert worker.returncode == 0, werr[-3000:]
    finally:
        farm.stop()

    engine = create_engine(db.replace("postgresql://", "postgresql+psycopg://"))
    with engine.connect() as conn:
        rows = conn.execute(text("SELECT agency_code, status, claims, worker FROM site_audits")).all()
    engine.dispose()
    assert len(rows) == 20
    assert all(status == "ok" and claims == 1 for _, status, claims, _ in rows), rows
    assert len({worker for *_, worker in rows}) == 2  # both workers took sites

    by_port = farm.requests_by_port()
    assert set(by_port) == {site.port for site in farm.sites}
    assert max(max_in_window(times) for times in by_port.values()) <= HOST_RATE
    assert max_in_window([t for times in by_port.values() for t in times]) <= IP_RATE

    with (out / "summary.csv").open(encoding="utf-8-sig") as fh:
        assert {row["status"] for row in csv.DictReader(fh)} == {"ok"}
    assert (out / "overview.html").exists() and (out / "summary.xlsx").exists()
    assert all((out / "sites" / site.code / "results.json").exists() for site in farm.sites)
