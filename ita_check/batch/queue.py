"""The distributed run: site-level jobs on Dramatiq over Redis.

``ita batch AGENCIES --redis URL`` puts one message per site (run id, agency code) on the ``ita-sites``
queue and waits until the history database says every site is done. ``ita worker --redis URL --out DIR``
processes, on any number of machines, consume the queue with Dramatiq's worker threads: each thread audits
one site at a time, and all the crawls of a process share its one Twisted reactor (crawler/multi.py), which
is started once and never restarted — Scrapy's rule. The per-host and per-IP rate limit lives in Redis
(crawler/politeness.py) and so holds across every worker.

A message is only a pointer: the site's URL, the year and the audit options are read from the run in the
database, and the site is claimed there before it is audited, so a message delivered twice (a worker killed
after taking it, a batch that re-sent it) never audits a site twice.
"""

from __future__ import annotations

import logging
import signal
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from model.errors import BadInput, ServiceUnreachable

QUEUE = "ita-sites"
NAMESPACE = "ita"
ACTOR = "ita_audit_site"
log = logging.getLogger("ita.worker")


def shown(url: str) -> str:
    from redis.connection import parse_url

    try:
        parsed = parse_url(url)
    except ValueError:
        return url
    return url.replace(":" + parsed["password"] + "@", ":***@") if parsed.get("password") else url


def connect(url: str):
    """A Redis client for ``url``, after checking that the server answers."""
    import redis

    try:
        client = redis.Redis.from_url(url, socket_connect_timeout=5, health_check_interval=30)
    except ValueError as exc:
        raise BadInput(f"--redis {shown(url)}: ไม่ใช่ URL ของ Redis (not a Redis URL: {exc})",
                       hint="ตัวอย่าง (e.g.): redis://127.0.0.1:6379/0") from None
    try:
        client.ping()
    except redis.RedisError as exc:
        raise ServiceUnreachable(f"ติดต่อ Redis ไม่ได้ (Redis does not answer): {shown(url)} — {exc}",
                                 hint="ตรวจว่า redis-server ทำงานอยู่ (check that redis-server runs)") from None
    return client


def make_broker(url: str):
    from dramatiq.brokers.redis import RedisBroker

    connect(url)
    return RedisBroker(url=url, namespace=NAMESPACE)


def declare(broker, fn=None):
    """The site actor on ``broker``. The batch declares it only to send; a worker gives the function."""
    import dramatiq

    return dramatiq.actor(fn or _not_here, actor_name=ACTOR, queue_name=QUEUE, broker=broker, max_retries=0,
                          time_limit=24 * 3600 * 1000)


def _not_here(run_id: int, code: str) -> None:  # pragma: no cover - only a worker performs the actor
    raise RuntimeError("the batch process does not audit sites")


def queued(client) -> int:
    """Messages waiting on the queue (not counting those a worker holds)."""
    return int(client.llen(f"{NAMESPACE}:{QUEUE}"))


# -- the worker --------------------------------------------------------------------------------------------------

@dataclass
class _Worker:
    out_dir: Path
    store: object
    client: object
    crawls: object = None
    actor: object = None
    contexts: dict = field(default_factory=dict)
    heartbeats: object = None
    busy: int = 0
    done: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)

    def context(self, run_id: int):
        """The site context of a run: its rules and options as the batch stored them, the shared limiter."""
        from crawler.politeness import Politeness, RedisLimiter
        from ita_check.batch.runner import options_from_run
        from ita_check.batch.sites import SiteContext
        from rules.loader import select_rules

        with self.lock:
            ctx = self.contexts.get(run_id)
            if ctx is not None:
                return ctx
        run = self.store.run(run_id)
        if run is None:
            return None
        selected = select_rules(str(run.year), None)
        options, politeness = options_from_run(run)
        limiter = RedisLimiter(Politeness(**politeness), self.client)
        ctx = SiteContext(self.store, run_id, selected, options, self.out_dir, self.crawls, limiter)
        if run.rules_sha256 and ctx_rules_sha(selected) != run.rules_sha256:
            log.warning("run %s: this worker's rules for %s differ from the batch's", run_id, run.year)
        with self.lock:
            self.contexts[run_id] = ctx
        return ctx

    def perform(self, run_id: int, code: str) -> None:
        from ita_check.batch.sites import run_site

        ctx = self.context(run_id)
        if ctx is None:  # a worker on another database: put the message back for a worker that has the run
            log.error("run %s is not in this worker's database (%s): give the worker the batch's --db", run_id,
                      self.store.history.url.render_as_string(hide_password=True))
            self.actor.send_with_options(args=(run_id, code), delay=30_000)
            return
        with self.lock:
            self.busy += 1
        try:
            agency = self.store.find_agency(code)
            name = agency[0].name if agency else ""
            status = run_site(ctx, code, name, self.heartbeats)
            log.info("run %s site %s: %s", run_id, code, status.value if status else "taken elsewhere")
        finally:
            with self.lock:
                self.busy -= 1
                self.done += 1


def ctx_rules_sha(selected) -> str:
    import hashlib

    return hashlib.sha256(Path(selected.path).read_bytes()).hexdigest()


def run_worker(redis_url: str, out_dir: Path, db: str | None, sites: int, burst: bool = False,
               say=print, idle_seconds: float = 5.0) -> int:
    """Consume the queue until stopped (SIGTERM/Ctrl-C), or with ``burst`` until it is empty. Returns the
    number of messages handled."""
    import dramatiq

    from crawler.multi import SiteCrawls
    from history.db import open_history
    from history.store import Store
    from ita_check.batch.logs import log_to
    from ita_check.batch.sites import Heartbeats, worker_name

    client = connect(redis_url)
    store = Store(open_history(db, out_dir))
    log_to(Path(out_dir) / f"worker-{worker_name().replace(':', '-')}.log")
    broker = make_broker(redis_url)
    state = _Worker(Path(out_dir), store, client)
    state.crawls = SiteCrawls()
    state.heartbeats = Heartbeats(store)
    state.actor = declare(broker, state.perform)
    worker = dramatiq.Worker(broker, queues={QUEUE}, worker_threads=sites, worker_timeout=250)
    worker.queue_prefetch = sites  # no more messages held than threads: the others stay for other workers
    stop = threading.Event()
    signals = 0

    def on_signal(signum, frame):
        nonlocal signals
        signals += 1
        stop.set()
        if signals > 1:
            raise KeyboardInterrupt

    previous = {s: signal.signal(s, on_signal) for s in (signal.SIGINT, signal.SIGTERM)}
    worker.start()
    say(f"ita worker: {sites} เว็บไซต์พร้อมกัน รอคิว {QUEUE} บน {shown(redis_url)} "
        f"(auditing {sites} sites at a time from the queue)")
    idle_since = time.monotonic()
    try:
        while not stop.wait(0.5):
            if not burst:
                continue
            if state.busy or queued(client):
                idle_since = time.monotonic()
            elif time.monotonic() - idle_since > idle_seconds:
                break
    finally:
        if stop.is_set():
            say("ita worker: หยุด งานที่ค้างจะถูกทำต่อโดย worker อื่นหรือรอบถัดไป (stopping; unfinished sites resume later)")
            state.crawls.stop()
        worker.stop(timeout=600_000)
        state.heartbeats.stop()
        for s, handler in previous.items():
            signal.signal(s, handler)
        broker.close()
    return state.done
