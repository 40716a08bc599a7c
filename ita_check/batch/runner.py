"""``ita batch``: audit every agency of a list, in one process or through workers on Redis.

A batch folder belongs to one list and one year, like an audit folder belongs to one audit:

- ``DIR/batch.json`` names the run in the history database; ``DIR/sites/<code>/`` is each agency's audit
  folder, exactly as ``ita audit`` writes it; ``DIR/summary.csv``, ``summary.xlsx``, ``overview.html``,
  ``regressions.csv`` and ``agencies-skipped.csv`` are written when the run ends.
- A killed or interrupted run continues where it stopped when the same command is run again: sites done are
  not audited again, a site stopped mid-crawl resumes its crawl. A finished run, run again, starts the next
  run (the weekly one): every site is audited again, revalidating its pages through its HTTP cache, and the
  regressions since the previous run are listed and sent to ``--notify``.
"""

from __future__ import annotations

import fcntl
import json
import logging
import os
import signal
import threading
import time
from concurrent.futures import FIRST_COMPLETED, ThreadPoolExecutor, wait
from dataclasses import asdict, dataclass, fields, replace
from pathlib import Path

from crawler.politeness import Politeness
from history.db import open_history, shown
from history.store import Store
from ita_check.batch.logs import log_to
from ita_check.batch.progress import BatchProgress
from ita_check.batch.registry import AgencyList, read_agencies
from ita_check.options import AuditOptions
from model.batch import PENDING, TROUBLE
from model.errors import BadInput, FolderConflict, Interrupted
from model.files import write_text
from rules.loader import Selected

MANIFEST = "batch.json"
LOCK = ".batch.lock"
RESEND_SECONDS = 15.0
NO_WORKER_HINT_SECONDS = 60.0
log = logging.getLogger("ita.batch")


@dataclass
class BatchSettings:
    agencies: Path
    selected: Selected
    out_dir: Path
    options: AuditOptions
    db: str | None = None
    redis: str | None = None
    sites: int = 48  # sites audited at once in this process
    politeness: Politeness = Politeness()
    notify: str | None = None
    go_th_only: bool = False
    seed: int | None = None
    quiet: bool = False


@dataclass
class BatchReport:
    run_id: int
    counts: dict[str, int]
    outputs: dict[str, Path]
    regressions: int
    resumed: bool
    notified: str = ""


# -- the run's options, as the database keeps them for every worker --------------------------------------------

_NOT_STORED = {"quiet", "name", "fresh"}


def options_to_json(options: AuditOptions, politeness: Politeness) -> dict:
    audit = {k: (list(v) if isinstance(v, tuple) else v) for k, v in asdict(options).items() if k not in _NOT_STORED}
    return {"audit": audit, "politeness": asdict(politeness)}


def options_from_run(run) -> tuple[AuditOptions, dict]:
    stored = run.options or {}
    known = {f.name for f in fields(AuditOptions)}
    audit = {k: (tuple(v) if isinstance(v, list) else v) for k, v in stored.get("audit", {}).items() if k in known}
    return AuditOptions(**audit), stored.get("politeness", {})


# -- the folder ------------------------------------------------------------------------------------------------

def _read_manifest(out_dir: Path) -> dict:
    try:
        data = json.loads((out_dir / MANIFEST).read_text(encoding="utf-8"))
    except (FileNotFoundError, ValueError, OSError):
        return {}
    return data if isinstance(data, dict) else {}


def _write_manifest(out_dir: Path, **values) -> None:
    data = _read_manifest(out_dir)
    data.update(values)
    write_text(out_dir / MANIFEST, json.dumps(data, ensure_ascii=False, indent=2) + "\n")


class _FolderLock:
    """One batch at a time in a folder: a second one (a cron job firing while the last still runs) stops."""

    def __init__(self, out_dir: Path):
        self.path = out_dir / LOCK
        self.fh = None

    def __enter__(self):
        self.fh = self.path.open("a")
        try:
            fcntl.flock(self.fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            self.fh.close()
            raise BadInput(f"--out {self.path.parent}: มีการตรวจชุดอื่นกำลังทำงานในโฟลเดอร์นี้ (another batch is running in this folder)",
                           hint="รอให้รอบเดิมจบ หรือหยุดรอบเดิมก่อน (wait for it, or stop it first)") from None
        return self

    def __exit__(self, *exc):
        fcntl.flock(self.fh, fcntl.LOCK_UN)
        self.fh.close()


def _rules_sha(selected: Selected) -> str:
    import hashlib

    return hashlib.sha256(Path(selected.path).read_bytes()).hexdigest()


def _tool_version() -> str:
    from importlib import metadata

    try:
        return metadata.version("ita-check")
    except metadata.PackageNotFoundError:
        return ""


def _open_run(store: Store, settings: BatchSettings, listing: AgencyList, say) -> tuple[object, bool]:
    """The run to work on: the folder's unfinished run, or a new one. Returns (run, resumed)."""
    out_dir = settings.out_dir
    year = settings.selected.rules.year
    manifest = _read_manifest(out_dir)
    previous = store.run(manifest["run_id"]) if manifest.get("run_id") else store.latest_run(str(out_dir))
    if previous is not None and previous.year != year and not settings.options.fresh:
        raise FolderConflict(f"โฟลเดอร์ {out_dir} เป็นการตรวจชุดของปี {previous.year} ไม่ใช่ปี {year} "
                             f"(the folder holds the {previous.year} batch)",
                             hint="ใช้โฟลเดอร์อื่นสำหรับปีอื่น หรือสั่ง --fresh (use another --out, or --fresh)")
    if previous is not None and previous.state in ("running", "interrupted"):
        if settings.options.fresh:
            store.set_run_state(previous.id, "abandoned")
        elif previous.source_sha256 != listing.sha256:
            raise FolderConflict(f"รอบที่ {previous.id} ใน {out_dir} ยังไม่จบ และเป็นรายชื่อจากไฟล์อื่น ({previous.source}) "
                                 f"(an unfinished run of another agency list is in this folder)",
                                 hint="สั่งคำสั่งเดิมกับไฟล์เดิมเพื่อทำต่อ หรือ --fresh เพื่อเริ่มรอบใหม่ "
                                      "(resume it with the same file, or --fresh to start a new run)")
        else:
            say(f"ทำต่อรอบที่ {previous.id} ที่หยุดไป (resuming run {previous.id})")
            store.set_run_state(previous.id, "running")
            return previous, True
    store.upsert_agencies(listing.agencies)
    run = store.create_run(year=year, rules_file=str(settings.selected.path), rules_sha256=_rules_sha(settings.selected),
                           source=str(listing.path), source_sha256=listing.sha256, out_dir=str(out_dir),
                           distributed=bool(settings.redis), options=options_to_json(settings.options, settings.politeness),
                           agencies=len(listing.agencies), skipped=len(listing.skipped), tool_version=_tool_version())
    store.queue_sites(run.id, listing.agencies, settings.seed)
    return run, False


# -- running ---------------------------------------------------------------------------------------------------

def run_batch(settings: BatchSettings, say) -> BatchReport:
    listing = read_agencies(settings.agencies, settings.go_th_only)
    if not listing.agencies:
        raise BadInput(f"{settings.agencies}: ไม่มีหน่วยงานที่มีเว็บไซต์ให้ตรวจ (no agency with a website to audit; "
                       f"{len(listing.skipped)} skipped)")
    out_dir = settings.out_dir
    if out_dir.exists() and not out_dir.is_dir():
        raise BadInput(f"--out {out_dir}: เป็นไฟล์ ไม่ใช่โฟลเดอร์ (is a file, not a folder)")
    out_dir.mkdir(parents=True, exist_ok=True)
    client = None
    if settings.redis:
        from ita_check.batch.queue import connect

        client = connect(settings.redis)  # before anything is written: an unreachable Redis is exit 3
    with _FolderLock(out_dir):
        store = Store(open_history(settings.db, out_dir))
        _say_listing(listing, say)
        run, resumed = _open_run(store, settings, listing, say)
        _write_manifest(out_dir, run_id=run.id, year=run.year, source=str(listing.path), source_sha256=listing.sha256,
                        db=shown(store.history.url), state="running")
        _write_listing(out_dir, listing)
        log_to(out_dir / "batch.log")
        progress = BatchProgress(len(listing.agencies), settings.quiet)
        if settings.redis:
            stopped = _run_distributed(store, run.id, settings, client, progress, say)
        else:
            stopped = _run_here(store, run, settings, listing, progress)
        progress.done()
        counts = store.counts(run.id)
        if stopped or any(counts.get(s, 0) for s in PENDING):
            store.set_run_state(run.id, "interrupted")
            _write_manifest(out_dir, state="interrupted")
            raise Interrupted(f"หยุดการตรวจชุดแล้ว ผลที่ได้เก็บไว้ (stopped; {sum(counts.get(s, 0) for s in PENDING)} "
                              f"sites left)", hint="สั่งคำสั่งเดิมอีกครั้งเพื่อทำต่อ (run the same command again to resume)")
        store.set_run_state(run.id, "finished")
        _write_manifest(out_dir, state="finished")
        return _finish(store, run.id, settings, listing, counts, resumed, say)


def _say_listing(listing: AgencyList, say) -> None:
    from collections import Counter

    from model.wording import skip_text

    reasons = Counter(s.reason for s in listing.skipped)
    skipped = ", ".join(f"{skip_text(r)} {n}" for r, n in reasons.most_common())
    say(f"{listing.path}: {listing.rows} แถว, หน่วยงานที่มีเว็บไซต์ให้ตรวจ {len(listing.agencies)}, "
        f"ข้าม {len(listing.skipped)}{' (' + skipped + ')' if skipped else ''}, แก้ไขที่อยู่เว็บไซต์ {len(listing.repaired)} "
        f"({listing.rows} rows, {len(listing.agencies)} sites to audit, {len(listing.skipped)} skipped, "
        f"{len(listing.repaired)} websites repaired)")


def _write_listing(out_dir: Path, listing: AgencyList) -> None:
    from reports.batch_summary import write_listing

    write_listing(out_dir, listing)


def _signals(on_stop):
    """SIGINT/SIGTERM stop the batch gently (running sites are left resumable); a second one ends it now."""
    count = 0

    def handler(signum, frame):
        nonlocal count
        count += 1
        if count > 1:
            os._exit(130)
        on_stop()

    try:
        return {s: signal.signal(s, handler) for s in (signal.SIGINT, signal.SIGTERM)}
    except ValueError:  # not the main thread
        return {}


def _restore(previous: dict) -> None:
    for s, handler in previous.items():
        signal.signal(s, handler)


def _run_here(store: Store, run, settings: BatchSettings, listing: AgencyList, progress: BatchProgress) -> bool:
    """Audit the sites in this process, ``settings.sites`` at a time, in the run's shuffled order."""
    import gc

    from crawler.multi import SiteCrawls
    from crawler.politeness import LocalLimiter
    from ita_check.batch.sites import Heartbeats, SiteContext, run_site

    options, politeness = options_from_run(run)
    crawls = SiteCrawls()
    ctx = SiteContext(store, run.id, settings.selected, options, settings.out_dir, crawls,
                      LocalLimiter(Politeness(**politeness)))
    names = {a.code: a.name for a in listing.agencies}
    stop = threading.Event()

    def on_stop():
        stop.set()
        crawls.stop()

    previous = _signals(on_stop)
    heartbeats = Heartbeats(store)
    gc.set_threshold(50_000, 20, 100)  # many records kept at once: fewer, larger young collections
    running: set = set()
    try:
        with ThreadPoolExecutor(settings.sites, thread_name_prefix="ita-site") as pool:
            # This process is the run's only one: a site left 'running' by a killed earlier run is taken over.
            for code, _url in store.iter_claimable(run.id, lease_seconds=0):
                while len(running) >= settings.sites and not stop.is_set():
                    finished, running = wait(running, timeout=1.0, return_when=FIRST_COMPLETED)
                    _raise_first(finished)
                    progress.show(store.counts(run.id))
                if stop.is_set():
                    break
                running.add(pool.submit(run_site, ctx, code, names.get(code, ""), heartbeats, 0))
            while running:
                finished, running = wait(running, timeout=1.0, return_when=FIRST_COMPLETED)
                _raise_first(finished)
                progress.show(store.counts(run.id))
        progress.show(store.counts(run.id), force=True)
    finally:
        heartbeats.stop()
        _restore(previous)
    return stop.is_set()


def _raise_first(finished) -> None:
    for future in finished:
        future.result()  # run_site catches each site's failures; anything here is the database's


def _run_distributed(store: Store, run_id: int, settings: BatchSettings, client, progress: BatchProgress, say) -> bool:
    """Put the sites on the Redis queue and wait until the workers have done them all."""
    from ita_check.batch.queue import declare, make_broker, queued
    from ita_check.batch.sites import LEASE_SECONDS

    broker = make_broker(settings.redis)
    actor = declare(broker)
    sent = 0
    for code, _url in store.iter_claimable(run_id, LEASE_SECONDS):
        actor.send(run_id, code)
        sent += 1
    say(f"ส่ง {sent} เว็บไซต์เข้าคิวแล้ว รอ worker (queued {sent} sites; waiting for the workers: "
        f"ita worker --redis {settings.redis} --out DIR)")
    stop = threading.Event()
    previous = _signals(stop.set)
    last_resend = last_change = time.monotonic()
    last_done = -1
    hinted = False
    try:
        while not stop.wait(1.0):
            counts = store.counts(run_id)
            progress.show(counts)
            pending = sum(counts.get(s, 0) for s in PENDING)
            if not pending:
                break
            done = sum(counts.values()) - pending
            now = time.monotonic()
            if done != last_done or counts.get("running", 0):
                last_done, last_change = done, now
            elif now - last_change > NO_WORKER_HINT_SECONDS and not hinted:
                hinted = True
                progress.done()
                say(f"ยังไม่มี worker รับงาน ({queued(client)} ในคิว): เริ่ม worker ด้วย "
                    f"ita worker --redis {settings.redis} --out DIR (no worker is taking sites)")
            if now - last_resend > RESEND_SECONDS:
                last_resend = now
                for code in store.stale(run_id, LEASE_SECONDS):  # interrupted, or a worker that died
                    actor.send(run_id, code)
        progress.show(store.counts(run_id), force=True)
    finally:
        _restore(previous)
        broker.close()
    if stop.is_set():
        say("หยุดรอแล้ว worker ยังทำงานต่อ สั่งคำสั่งเดิมอีกครั้งเพื่อรอผลและเขียนสรุป "
            "(stopped waiting; the workers go on — run the same command again to wait and write the summaries)")
    return stop.is_set()


def _finish(store: Store, run_id: int, settings: BatchSettings, listing: AgencyList, counts: dict, resumed: bool,
            say) -> BatchReport:
    from ita_check.batch.notify import notify, payload
    from reports.batch_summary import write_summaries

    outputs = write_summaries(store, run_id, settings.out_dir, settings.selected.rules, listing)
    regressions = store.regressions(run_id)
    report = BatchReport(run_id, counts, outputs, len(regressions), resumed)
    audited = sum(n for s, n in counts.items() if s not in TROUBLE and s not in PENDING)
    trouble = sum(n for s, n in counts.items() if s in TROUBLE)
    say(f"ตรวจชุดเสร็จ รอบที่ {run_id}: ตรวจได้ {audited}, ตรวจไม่ได้หรือผลไม่น่าเชื่อถือ {trouble}, "
        f"ถดถอยจากรอบก่อน {len(regressions)} รายการ (run {run_id} done: {audited} audited, {trouble} could not be "
        f"audited, {len(regressions)} regressions)")
    for name, path in outputs.items():
        say(f"  {name}: {path}")
    if settings.notify and regressions:
        report.notified = notify(settings.notify, payload(store, run_id, regressions))
        say(report.notified)
    return report


def with_politeness(options: AuditOptions, host_rate: float | None, ip_rate: float | None) -> Politeness:
    """The politeness of a batch: 1 request/s per host and 8 per IP address for real agency hosts. Given rates
    (or ``--delay``, read as one request per delay per host) apply to every host, loopback test sites included."""
    base = Politeness()
    if host_rate is None and options.delay:
        host_rate = 1.0 / options.delay
    if host_rate is None and ip_rate is None:
        return base
    return replace(base, host_rate=host_rate if host_rate is not None else base.host_rate,
                   ip_rate=ip_rate if ip_rate is not None else base.ip_rate, local_limits=True)
