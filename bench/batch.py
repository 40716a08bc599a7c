"""`make bench` (batch part): batch runs over local agency sites, printed as tables (never asserted by tests).

1. 200 small local sites (a registry-format file with dirty rows): end to end in one process on SQLite and on
   PostgreSQL, and on Redis with one and with two workers: sites per minute, CPU and memory.
2. Memory per 1,000 queued sites: Redis's memory, and the coordinator's, as the queue grows 1,000 → 10,000.
3. A simulated national run (8,300 sites of ~300 pages, ≤ 1 request/s per host, hosting companies sharing an
   IP) from the measured per-site and per-page costs: the projected wall time on N workers.

Everything runs on 127.0.0.1: the sites (ita_check/batch/sitefarm.py in its own process), a redis-server and a
PostgreSQL cluster started in temporary folders.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from services import new_database, postgres_server, redis_server  # noqa: E402

from reports.text import table  # noqa: E402

PY = sys.executable
ENV = {**os.environ, "PYTHAINLP_READ_ONLY": "1", "PYTHAINLP_OFFLINE": "1"}


@dataclass
class Measured:
    label: str
    sites: int
    statuses: dict
    seconds: float  # first site started → last site finished (from the database)
    cpu: float  # CPU seconds of the processes that audited
    rss_mb: float  # the largest peak RSS among them
    requests: int  # pages + documents + errors fetched

    @property
    def per_minute(self) -> float:
        return self.sites / self.seconds * 60 if self.seconds else 0.0


def ita(*args: str, pipe: bool = False) -> subprocess.Popen:
    """``ita`` in a process of its own; its output goes to a temporary file (a full pipe would block it)."""
    output = subprocess.PIPE if pipe else tempfile.TemporaryFile("w+", encoding="utf-8")
    process = subprocess.Popen([PY, "-m", "ita_check.cli", *args], stdout=subprocess.DEVNULL, stderr=output,
                               text=True, cwd=ROOT, env=ENV)
    process.output = output
    return process


def finish(process: subprocess.Popen, timeout: float = 3600) -> tuple[int, float, float, str]:
    """Wait for a process; its exit code, CPU seconds, peak RSS (MB) and stderr."""
    deadline = time.monotonic() + timeout
    err = ""
    while True:
        pid, status, usage = os.wait4(process.pid, os.WNOHANG)
        if pid:
            break
        if time.monotonic() > deadline:
            process.kill()
        time.sleep(0.2)
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.output is not subprocess.PIPE:
        process.output.seek(0)
        err = process.output.read()
    return process.returncode, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, err


def farm(count: int, registry: Path, seed: int, news: int = 0) -> subprocess.Popen:
    process = subprocess.Popen([PY, "-m", "ita_check.batch.sitefarm", str(count), str(registry), str(seed), str(news)],
                               stdout=subprocess.PIPE, text=True, cwd=ROOT, env=ENV)
    if process.stdout.readline().strip() != "ready":
        raise RuntimeError("the site farm did not start")
    return process


def db_figures(url: str) -> tuple[dict, float, int, int]:
    from sqlalchemy import create_engine, text

    engine = create_engine(url.replace("postgresql://", "postgresql+psycopg://"))
    with engine.connect() as conn:
        statuses = dict(conn.execute(text("SELECT status, count(*) FROM site_audits GROUP BY status")).all())
        first, last = conn.execute(text("SELECT min(started_at), max(finished_at) FROM site_audits")).one()
        requests = conn.execute(text("SELECT coalesce(sum(pages + documents + errors), 0) FROM site_audits")).scalar()
        sites = conn.execute(text("SELECT count(*) FROM site_audits")).scalar()
    engine.dispose()
    if isinstance(first, str):
        from datetime import datetime

        first, last = datetime.fromisoformat(first), datetime.fromisoformat(last)
    return statuses, (last - first).total_seconds(), int(requests), int(sites)


def run_local(label: str, registry: Path, out: Path, db: str | None, sites: int) -> Measured:
    args = ["batch", str(registry), "--year", "2569", "--out", str(out), "--sites", str(sites), "--quiet"]
    if db:
        args += ["--db", db]
    code, cpu, rss, err = finish(ita(*args))
    if code != 0:
        raise RuntimeError(f"{label}: exit {code}\n{err[-2000:]}")
    url = db or f"sqlite:///{out / 'history.sqlite'}"
    statuses, seconds, requests, count = db_figures(url)
    return Measured(label, count, statuses, seconds, cpu, rss, requests)


def run_workers(label: str, registry: Path, out: Path, db: str, redis_url: str, workers: int, sites: int,
                rates: tuple[str, ...] = ()) -> Measured:
    import redis

    redis.Redis.from_url(redis_url).flushdb()
    batch = ita("batch", str(registry), "--year", "2569", "--out", str(out), "--db", db, "--redis", redis_url, "--quiet",
                *rates)
    time.sleep(3)  # the batch queues the sites; the workers start on a full queue
    started = [ita("worker", "--redis", redis_url, "--out", str(out), "--db", db, "--sites", str(sites), "--burst")
               for _ in range(workers)]
    code, _, _, err = finish(batch)
    if code != 0:
        raise RuntimeError(f"{label}: exit {code}\n{err[-2000:]}")
    cpu, rss = 0.0, 0.0
    for worker in started:
        wcode, wcpu, wrss, werr = finish(worker, 300)
        if wcode != 0:
            raise RuntimeError(f"{label}: worker exit {wcode}\n{werr[-2000:]}")
        cpu, rss = cpu + wcpu, max(rss, wrss)
    statuses, seconds, requests, count = db_figures(db if "://" in db and not db.startswith("sqlite") else db)
    return Measured(label, count, statuses, seconds, cpu, rss, requests)


def queue_memory(redis_url: str, folder: Path) -> list[list[str]]:
    """Redis memory and the coordinator's RSS with 1,000 and 10,000 sites on the queue and no worker."""
    import redis

    from ita_check.batch.sitefarm import Site, write_registry

    client = redis.Redis.from_url(redis_url)
    rows = []
    for count in (1_000, 10_000):
        client.flushdb()
        before = client.info("memory")["used_memory"]
        sites = [Site(f"7{n:06d}", f"องค์การบริหารส่วนตำบลคิว{n}", port=10_000 + n % 50_000, province="กระบี่")
                 for n in range(count)]
        registry = folder / f"queue-{count}.csv"
        write_registry(registry, sites, dirty=0)
        out = folder / f"queue-{count}"
        process = ita("batch", str(registry), "--year", "2569", "--out", str(out), "--redis", redis_url, pipe=True)
        deadline = time.monotonic() + 600
        line = ""
        while "queued" not in line and time.monotonic() < deadline:
            line = process.stderr.readline()
            if not line and process.poll() is not None:
                raise RuntimeError("the coordinator stopped")
        time.sleep(2)
        rss = _rss_mb(process.pid)
        after = client.info("memory")["used_memory"]
        waiting = client.llen("ita:ita-sites")
        process.terminate()
        process.wait(60)
        rows.append([f"{count:,}", f"{waiting:,}", f"{(after - before) / count * 1000 / 1024 / 1024:.2f} MB",
                     f"{rss:.0f} MB"])
    client.flushdb()
    return rows


def _rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


# -- the national projection -------------------------------------------------------------------------------------

@dataclass
class Costs:
    cpu_per_site: float  # seconds of one core: set-up, matching, re-check, files, database
    cpu_per_request: float  # seconds of one core per page or document fetched and read


def costs_from(small: Measured, medium: Measured) -> Costs:
    """Two runs of different site sizes give the fixed and the per-request CPU cost (two equations)."""
    a1, b1, c1 = small.sites, small.requests, small.cpu
    a2, b2, c2 = medium.sites, medium.requests, medium.cpu
    det = a1 * b2 - a2 * b1
    per_site = (c1 * b2 - c2 * b1) / det
    per_request = (a1 * c2 - a2 * c1) / det
    if per_site < 0 or per_request < 0:  # noise: fall back to all cost per request
        return Costs(0.0, (c1 + c2) / (b1 + b2))
    return Costs(per_site, per_request)


def hosting(sites: int, rng: random.Random) -> list[int]:
    """The IP address of each site: 55 % on an address of their own, 45 % on shared hosting, from a few big
    hosting companies (150 and 80 sites on one address) down to many small ones (2-5 sites)."""
    shared = int(sites * 0.45)
    groups = [150, 120, 80, 80, 60] + [40] * 8 + [20] * 15 + [10] * 40
    while sum(groups) < shared:
        groups.append(rng.randint(2, 5))
    ips: list[int] = []
    for ip, size in enumerate(groups):
        ips += [ip] * size
    ips = ips[:shared]
    ips += list(range(len(groups), len(groups) + sites - len(ips)))
    rng.shuffle(ips)
    return ips


def simulate(costs: Costs, machines: int, processes_per_machine: int = 2, in_flight: int = 60, sites: int = 8_300,
             pages: int = 300, host_rate: float = 1.0, ip_rate: float = 8.0, margin: float = 1.1,
             seed: int = 1) -> tuple[float, float]:
    """A fluid simulation, one-second steps: each process audits ``in_flight`` sites at once on one core;
    every site is paced by its host's rate, every shared address by its address's rate (split among its
    sites in flight), every process by its core. Returns (hours, the busiest core's utilisation)."""
    rng = random.Random(seed)
    ips = hosting(sites, rng)
    queue = list(range(sites))
    rng.shuffle(queue)  # the batch's shuffled order
    host_step = host_rate / margin
    ip_step = ip_rate / margin
    procs = [[] for _ in range(machines * processes_per_machine)]  # [site, pages left, finishing CPU left]
    busy = [0.0] * len(procs)
    now = 0
    while queue or any(procs):
        for proc in procs:
            while len(proc) < in_flight and queue:
                site = queue.pop()
                proc.append([site, float(pages), costs.cpu_per_site])
        crawling: dict[int, int] = {}
        for proc in procs:
            for site, left, _ in proc:
                if left > 0:
                    crawling[ips[site]] = crawling.get(ips[site], 0) + 1
        for index, proc in enumerate(procs):
            wanted = []
            for entry in proc:
                if entry[1] > 0:
                    share = ip_step / crawling[ips[entry[0]]]
                    wanted.append(min(host_step, share, entry[1]))
                else:
                    wanted.append(0.0)
            cpu_need = sum(w * costs.cpu_per_request for w in wanted) + sum(
                min(entry[2], 1.0) for entry in proc if entry[1] <= 0)
            scale = min(1.0, 1.0 / cpu_need) if cpu_need > 0 else 1.0
            busy[index] += min(cpu_need, 1.0)
            for entry, want in zip(proc, wanted, strict=True):
                if entry[1] > 0:
                    entry[1] -= want * scale
                else:
                    entry[2] -= min(entry[2], 1.0) * scale
            proc[:] = [e for e in proc if e[1] > 1e-9 or e[2] > 1e-9]
        now += 1
    return now / 3600, max(busy) / now if now else 0.0


def national(costs: Costs) -> list[list[str]]:
    rows = []
    for machines in (1, 2, 4, 6, 8):
        hours, busy = simulate(costs, machines)
        rows.append([str(machines), str(machines * 2), str(machines * 2 * 60), f"{hours:.2f} h",
                     f"{busy * 100:.0f} %", "≤ 2 h ✓" if machines == 4 and hours <= 2 else ""])
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sites", type=int, default=200)
    parser.add_argument("--threads", type=int, default=12, help="sites at once per worker process")
    args = parser.parse_args(argv)
    tmp = Path(tempfile.mkdtemp(prefix="ita-bench-batch-"))
    load_seen = os.getloadavg()
    try:
        with redis_server() as redis_url, postgres_server() as pg:
            registry = tmp / "registry.csv"
            sites = farm(args.sites, registry, seed=2569)
            runs: list[Measured] = []
            try:
                runs.append(run_local("one process, SQLite", registry, tmp / "local-sqlite", None, args.threads))
                runs.append(run_local("one process, PostgreSQL", registry, tmp / "local-pg", new_database(pg, "localpg"),
                                      args.threads))
                runs.append(run_workers("Redis, 1 worker, PostgreSQL", registry, tmp / "w1", new_database(pg, "w1"),
                                        redis_url, 1, args.threads))
                runs.append(run_workers("Redis, 2 workers, PostgreSQL", registry, tmp / "w2", new_database(pg, "w2"),
                                        redis_url, 2, args.threads))
                runs.append(run_workers("Redis, 2 workers, SQLite", registry, tmp / "w2s",
                                        f"sqlite:///{tmp / 'w2s' / 'history.sqlite'}", redis_url, 2, args.threads))
                # The national regime: politeness, not the CPU, bounds each site (4 requests/s per host here).
                polite = ("--host-rate", "4", "--ip-rate", "10000")
                runs.append(run_workers("polite: Redis, 1 worker, PostgreSQL", registry, tmp / "p1", new_database(pg, "p1"),
                                        redis_url, 1, 8, polite))
                runs.append(run_workers("polite: Redis, 2 workers, PostgreSQL", registry, tmp / "p2",
                                        new_database(pg, "p2"), redis_url, 2, 8, polite))
            finally:
                sites.terminate()
                sites.wait()
            medium_registry = tmp / "medium.csv"
            sites = farm(20, medium_registry, seed=7, news=60)
            try:
                medium = run_workers("20 sites of ~65 pages, 1 worker", medium_registry, tmp / "medium",
                                     new_database(pg, "medium"), redis_url, 1, args.threads)
            finally:
                sites.terminate()
                sites.wait()
            memory = queue_memory(redis_url, tmp)
        print(f"\n## Batch: {args.sites} small local sites (registry format, with dirty rows), "
              f"{args.threads} sites at once per process, {os.cpu_count()} cores")
        rows = [[m.label, str(m.sites), " ".join(f"{k} {v}" for k, v in sorted(m.statuses.items())), f"{m.seconds:.1f}",
                 f"{m.per_minute:.0f}", f"{m.cpu:.0f}", f"{m.rss_mb:.0f} MB", str(m.requests)] for m in [*runs, medium]]
        print(table(rows, ["run", "sites", "statuses", "seconds", "sites/min", "CPU s", "peak RSS/process", "requests"],
                    "lrlrrrrr", max_width=200))
        one, two = runs[2], runs[3]
        print(f"two workers / one worker, CPU-bound (no rate limit): {two.per_minute / one.per_minute:.2f}×; "
              f"politeness-bound (4 requests/s per host, 8 sites at once per worker): "
              f"{runs[6].per_minute / runs[5].per_minute:.2f}× (target ≥ 1.7×)")
        print(f"load average while measuring: {load_seen[0]:.2f} at the start, {os.getloadavg()[0]:.2f} at the end "
              f"(other processes on the machine take CPU from the CPU-bound runs)")
        print("\n## Memory per 1,000 queued sites (no worker running)")
        print(table(memory, ["sites queued", "messages in Redis", "Redis memory per 1,000", "coordinator RSS"], "rrrr"))
        costs = costs_from(one, medium)
        print(f"\n## Simulated national run: 8,300 sites × 300 requests, ≤ 1 request/s per host and ≤ 8 per shared IP "
              f"(slots 10 % wider), 45 % of sites on shared hosting (largest: 150 sites on one IP); measured costs: "
              f"{costs.cpu_per_site:.3f} CPU s per site + {costs.cpu_per_request * 1000:.2f} CPU ms per request; "
              f"two worker processes per two-core machine, 60 sites in flight each")
        print(table(national(costs), ["machines", "processes", "sites in flight", "projected wall time",
                                      "busiest core", ""], "rrrrrl"))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
