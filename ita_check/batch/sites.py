"""One site of a batch: claim it, audit it with the audit pipeline itself, store what became of it.

The audit is ``ita audit``'s own three stages (ita_check/audit.py: prepare → crawl → finish), with the crawl
on the process's shared reactor and every request through the batch's rate limiter, so each agency's folder
``DIR/sites/<code>/`` holds exactly what ``ita audit`` writes. A site that cannot be audited gets a status
(dns, tls, timeout, refused, blocked, soft-404 everywhere…), never a silent zero.
"""

from __future__ import annotations

import hashlib
import logging
import os
import socket
import threading
import traceback
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path

from crawler.multi import CrawlAbandoned, SiteCrawls
from crawler.politeness import Limiter, PoliteGuard
from history.store import SiteResult, Store
from ita_check.audit import AuditRun, finish_audit, prepare_audit
from ita_check.options import AuditOptions
from model.batch import SiteStatus, status_for_failure
from model.errors import FolderConflict, Interrupted, ItaError, SiteUnreachable
from model.results import Caution
from model.urls import canonical
from model.verdicts import Note
from rules.loader import Selected
from rules.patterns import CompiledRules

log = logging.getLogger("ita.batch")
LEASE_SECONDS = 180.0  # a claim whose holder sent no heartbeat for this long may be taken over
HEARTBEAT_SECONDS = 30.0
SITES = "sites"


def worker_name() -> str:
    return f"{socket.gethostname()}:{os.getpid()}"


def site_dir(out_dir: Path, code: str) -> Path:
    return Path(out_dir) / SITES / code


@dataclass
class SiteContext:
    """What every site of one run shares in this process."""

    store: Store
    run_id: int
    selected: Selected
    options: AuditOptions
    out_dir: Path
    crawls: SiteCrawls
    limiter: Limiter
    compiled: CompiledRules = field(init=False)
    worker: str = field(default_factory=worker_name)

    def __post_init__(self):
        self.compiled = CompiledRules(self.selected.rules)


class Heartbeats:
    """One thread per process keeps the claims of the sites it is auditing alive."""

    def __init__(self, store: Store, every: float = HEARTBEAT_SECONDS):
        self.store = store
        self.every = every
        self.held: set[int] = set()
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._beat, name="ita-heartbeat", daemon=True)
        self._thread.start()

    def hold(self, audit_id: int) -> None:
        with self._lock:
            self.held.add(audit_id)

    def drop(self, audit_id: int) -> None:
        with self._lock:
            self.held.discard(audit_id)

    def _beat(self) -> None:
        while not self._stop.wait(self.every):
            with self._lock:
                held = list(self.held)
            try:
                self.store.heartbeat(held)
            except Exception:  # noqa: BLE001 - a database hiccup must not kill the heartbeat
                log.exception("heartbeat failed")

    def stop(self) -> None:
        self._stop.set()


def run_site(ctx: SiteContext, code: str, name: str, heartbeats: Heartbeats | None = None,
             lease_seconds: float = LEASE_SECONDS) -> SiteStatus | None:
    """Claim and audit one site; None when it was done already or another worker holds it."""
    audit = ctx.store.claim(ctx.run_id, code, ctx.worker, lease_seconds)
    if audit is None:
        return None
    if heartbeats is not None:
        heartbeats.hold(audit.id)
    try:
        try:
            result = audit_site(ctx, audit.url, code, name)
        except Exception as exc:  # noqa: BLE001 - one site's failure must not stop the batch
            log.error("site %s (%s): %s", code, audit.url, traceback.format_exc())
            result = SiteResult(SiteStatus.ERROR, f"{type(exc).__name__}: {exc}")
        if result.status is SiteStatus.INTERRUPTED:
            ctx.store.release(audit.id, SiteStatus.INTERRUPTED, result.message)
        else:
            ctx.store.save(audit.id, result)
        log.info("site %s %s: %s", code, audit.url, result.status.value)
        return result.status
    finally:
        if heartbeats is not None:
            heartbeats.drop(audit.id)


def audit_site(ctx: SiteContext, url: str, code: str, name: str) -> SiteResult:
    options = replace(ctx.options, name=name or None, quiet=True)
    folder = site_dir(ctx.out_dir, code)
    try:
        plan = prepare_audit(url, ctx.selected, folder, options, compiled=ctx.compiled)
    except FolderConflict:  # the registry now gives the agency another website: its old folder goes
        plan = prepare_audit(url, ctx.selected, folder, replace(options, fresh=True), compiled=ctx.compiled)
    if ctx.crawls.stopping:  # the batch is stopping: leave the site for the next run
        return SiteResult(SiteStatus.INTERRUPTED, plan.interrupted().message)
    try:
        summary = ctx.crawls.crawl(plan.url, plan.crawl_dir, plan.config, on_record=plan.on_record,
                                   prioritize=plan.prioritize(), limiter=ctx.limiter)
    except CrawlAbandoned:  # the batch is stopping and this crawl did not close: resumed next run
        return SiteResult(SiteStatus.INTERRUPTED, plan.interrupted().message)
    try:
        run = finish_audit(plan, summary, wrap_guard=lambda guard: PoliteGuard(guard, ctx.limiter))
    except SiteUnreachable as exc:
        return SiteResult(status_for_failure(exc.failure), exc.message)
    except Interrupted as exc:
        return SiteResult(SiteStatus.INTERRUPTED, exc.message)
    except ItaError as exc:
        return SiteResult(SiteStatus.ERROR, exc.message)
    return outcome(run)


def site_status(run: AuditRun) -> SiteStatus:
    codes = {c.code for c in run.results.cautions}
    for caution, status in ((Caution.SITE_NOT_FOUND_PAGES, SiteStatus.SOFT_404), (Caution.CRAWL_BLOCKED, SiteStatus.CRAWL_BLOCKED),
                            (Caution.SITE_BROKEN, SiteStatus.SITE_BROKEN)):
        if caution in codes:
            return status
    return SiteStatus.OK if run.results.complete else SiteStatus.INCOMPLETE


def outcome(run: AuditRun) -> SiteResult:
    """The stored outcome: status, results, each evidence URL's content hash, and the URLs that failed."""
    wanted = {url for item in run.results.items for url in item.urls}
    fetched: dict[str, tuple[str, str, int]] = {}
    dead: dict[str, str] = {}
    for record in run.records:
        if record.kind == "probe":
            continue
        if not record.ok:
            dead[record.url] = record.error or f"HTTP {record.status}"
        if record.url in wanted or canonical(record.url) in wanted:
            if record.sha256:
                fetched[record.url] = (record.sha256, "body", record.status)
            else:
                text = "\n".join([record.title, *record.headings, *record.blocks, record.text])
                fetched[record.url] = (hashlib.sha256(text.encode("utf-8")).hexdigest(), "text", record.status)
    for item in run.results.items:
        for note in item.notes:
            if note.code is Note.EVIDENCE_DROPPED:
                dead[note.detail.get("url", "")] = str(note.detail.get("why", ""))
    created = datetime.fromisoformat(run.results.created) if run.results.created else datetime.now(UTC)
    return SiteResult(site_status(run), "", run.results, str(run.out_dir / "results.json"), fetched, dead, created)
