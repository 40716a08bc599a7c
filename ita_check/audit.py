"""One audit end to end: folder → crawl → records → match → live verification → OIT score → files in DIR.

The folder decides how the run starts (new, resumed, done again: see ita_check/folder.py). The crawl may
end early — a budget, Ctrl-C, SIGTERM — and then the results say so: they are written, marked incomplete,
items not found are "not reached" rather than absent, and the terminal says how to resume.
"""

from __future__ import annotations

import gc
import re
import signal
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from crawler.extract import extract_html
from crawler.guard import PrivateAddressGuard, system_resolver
from crawler.run import CrawlConfig, CrawlSummary, crawl
from crawler.verify import check_urls
from ita_check.folder import CACHE, CRAWL, AuditFolder, Identity, Start, State
from ita_check.options import AuditOptions
from ita_check.scans import ScanReader
from model.errors import BadInput, Interrupted, SiteUnreachable
from model.failures import Failure, classify_message, failure_for_status
from model.records import PageRecord
from model.results import Agency, AuditResults, Caution, CrawlInfo, OitSummary, RulesInfo
from model.urls import canonical
from model.verdicts import ItemVerdict, Note, Reason, Status
from model.wording import failure_text
from reports import write_reports
from reports.evidence import write_outputs
from rules.loader import Selected
from rules.matcher import looks_not_found, match_site
from rules.patterns import CompiledRules
from rules.schema import RuleFile
from rules.thai import clean, short_key
from scoring.calc import oit_from_verdicts

BUDGET_STOPS = {"closespider_pagecount", "closespider_timeout", "closespider_itemcount", "bytes_budget"}
INTERRUPT_STOPS = {"shutdown", "cancelled"}
BROKEN_SHARE = 0.5  # this share of failed fetches (or 'not found' pages) makes the whole site suspect
HEALTH_MIN = 10  # fetches needed before judging the site's health
Say = Callable[[str], None]


@dataclass
class AuditRun:
    """An audit's results and the records behind them (the records are not part of results.json)."""

    results: AuditResults
    rules: RuleFile
    out_dir: Path
    start: Start = Start.NEW
    records: list[PageRecord] = field(default_factory=list, repr=False)
    reports: list[Path] = field(default_factory=list)


def normalise_start_url(url: str) -> str:
    """The start URL as the crawler needs it: http(s), a host, a path. Anything else is bad input."""
    text = url.strip()
    if "://" not in text:
        text = "http://" + text
    parts = urlsplit(text)
    if parts.scheme.lower() not in ("http", "https"):
        raise BadInput(f"URL ต้องขึ้นต้นด้วย http:// หรือ https:// (only http and https are audited): {url!r}")
    if not parts.hostname:
        raise BadInput(f"URL ไม่มีชื่อโดเมน (the URL has no host): {url!r}",
                       hint="ตัวอย่าง (example): ita audit https://www.example.go.th/ --year 2569 --out out/example")
    try:
        parts.port  # noqa: B018 - raises on a malformed port
    except ValueError:
        raise BadInput(f"หมายเลขพอร์ตไม่ถูกต้อง (bad port): {url!r}") from None
    return text if parts.path else text + "/"


class Progress:
    """One status line on the terminal: pages, documents, errors, items with a candidate link so far."""

    def __init__(self, compiled: CompiledRules, quiet: bool):
        self.compiled = compiled
        self.quiet = quiet
        self.found: set[str] = set()
        self._seen_texts: set[str] = set()
        self.tty = sys.stderr.isatty()
        self.total = len(compiled.items)

    def record(self, record: PageRecord) -> None:
        texts = self._seen_texts
        for link in record.links:
            if link.text not in texts:  # menus repeat on every page
                texts.add(link.text)
                self.found |= self.compiled.named_as_written(short_key(link.text))

    def show(self, counts: dict) -> None:
        if self.quiet:
            return
        line = (f"หน้า {counts.get('pages', 0)} | เอกสาร {counts.get('documents', 0)} | ผิดพลาด {counts.get('errors', 0)}"
                f" | พบลิงก์ของข้อ OIT แล้ว {len(self.found)}/{self.total}")
        # on a terminal: rewrite one line in place (\x1b[K clears what a longer line left behind)
        print(("\r" + line + "\x1b[K") if self.tty else line, end="" if self.tty else "\n", file=sys.stderr, flush=True)

    def done(self) -> None:
        if self.tty and not self.quiet:
            print(file=sys.stderr)


def _prioritizer(compiled: CompiledRules):
    def prioritize(text: str, url: str) -> int:
        key = short_key(text)
        if compiled.index_page.search(key):
            return 20
        return 10 if compiled.named_as_written(key) else 0
    return prioritize


AGENCY_WORDS = re.compile(r"องค์การ|เทศบาล|อบต\.|อบจ\.|สำนักงาน|กรม|กระทรวง|โรงเรียน|โรงพยาบาล|มหาวิทยาลัย|จังหวัด|ศูนย์|สถาบัน")


def _agency_name(records: list[PageRecord], start: str) -> str:
    """The agency's name from the home page title: of 'หน้าแรก - องค์การบริหารส่วนตำบล…', the part that
    names an agency."""
    host = urlsplit(start).hostname or start
    for record in records:
        if record.kind == "page" and record.ok and canonical(record.url) == canonical(start):
            parts = [p.strip(" -|:") for p in re.split(r"\s+[-|:–—]+\s+|\s*\|\s*", clean(record.title)) if p.strip(" -|:")]
            named = [p for p in parts if AGENCY_WORDS.search(p)]
            return (named or parts or [host])[0]
    return host


def verify_evidence(items: list[ItemVerdict], guard: PrivateAddressGuard, compiled: CompiledRules,
                    probe: PageRecord | None) -> list[ItemVerdict]:
    """Drop every evidence URL that is dead or a soft-404 now; an item left without evidence is absent."""
    checks = check_urls([u for item in items for u in item.urls], guard)
    for item in items:
        kept = []
        for url in item.urls:
            check = checks[url]
            dead = not check.ok
            if not dead and check.html:
                extracted = extract_html(check.final_url or url, check.html)
                page = PageRecord(url, check.final_url, check.status, check.content_type, "page", extracted.title,
                                  extracted.headings, blocks=extracted.blocks, links=extracted.links)
                dead = looks_not_found(page, probe, compiled)
            if dead:
                why = check.error or (f"HTTP {check.status}" if check.status >= 300 else "soft-404")
                item.note(Note.EVIDENCE_DROPPED, url=url, why=why)
            else:
                kept.append(url)
        if item.present and not kept:
            item.status, item.reason = Status.ABSENT, Reason.DEAD_ON_RECHECK
            item.detail = {"url": item.urls[0], "why": next(n.detail["why"] for n in item.notes
                                                              if n.code is Note.EVIDENCE_DROPPED)}
            item.confidence = "medium"
        item.urls = kept
    return items


def _unreachable(url: str, start: PageRecord | None) -> SiteUnreachable:
    if start is None:
        return SiteUnreachable(f"เข้าถึงเว็บไซต์ไม่ได้ (site cannot be reached): {url} — ไม่มีการตอบกลับ (no response)",
                               failure=Failure.OTHER)
    failure = start.failure or (failure_for_status(start.status) if start.status else classify_message(start.error))
    failure = Failure(failure) if failure else Failure.OTHER
    words_th, words_en = failure_text(failure, start.status, "th"), failure_text(failure, start.status, "en")
    # Each failure's class (model/errors.py) carries its own hint: check the domain, try http://, try later…
    return SiteUnreachable(f"เข้าถึงเว็บไซต์ไม่ได้ (site cannot be reached): {url} — {words_th} ({words_en})"
                           + (f": {start.error[:200]}" if start.error and failure in (Failure.OTHER, Failure.PRIVATE_ADDRESS)
                              else ""),
                           failure=failure)


def _health(results: AuditResults, records: list[PageRecord], not_found_pages: int) -> None:
    fetched = [r for r in records if r.kind != "probe"]
    failed = [r for r in fetched if not r.ok]
    if len(fetched) >= HEALTH_MIN and len(failed) >= BROKEN_SHARE * len(fetched):
        refused = [r for r in failed if r.status in (401, 403, 429) or r.failure in (Failure.BLOCKED, Failure.RATE_LIMITED)]
        if len(refused) >= BROKEN_SHARE * len(failed):
            results.caution(Caution.CRAWL_BLOCKED, count=len(refused), total=len(fetched))
        else:
            results.caution(Caution.SITE_BROKEN, failed=len(failed), total=len(fetched))
    pages = sum(1 for r in fetched if r.kind == "page" and r.ok)
    if pages >= HEALTH_MIN and not_found_pages >= BROKEN_SHARE * pages:
        results.caution(Caution.SITE_NOT_FOUND_PAGES, count=not_found_pages, total=pages)


def _rule_cautions(results: AuditResults, rules: RuleFile) -> None:
    if rules.confidence in ("U", "P"):
        results.caution(Caution.RULES_UNVERIFIED, year=rules.year, confidence=rules.confidence)
    unverified = [item.code for item in rules.oit.items if item.confidence == "U"]
    if unverified and rules.confidence != "U":
        results.caution(Caution.ITEMS_UNVERIFIED, items=unverified)


def _sigterm_as_interrupt():
    """Outside the crawl (matching, verification) SIGTERM stops the audit like Ctrl-C does."""
    def handler(signum, frame):
        raise KeyboardInterrupt
    try:
        return signal.signal(signal.SIGTERM, handler)
    except ValueError:  # not the main thread
        return None


@dataclass
class AuditPlan:
    """An audit made ready to crawl: its folder, identity, crawl settings and what collects the records.

    ``run_audit`` is prepare → crawl → finish in one call. A batch runs the same three stages, with the crawl
    on a reactor shared by many sites (ita_check/batch/), so every site gets exactly what ``ita audit`` writes.
    """

    url: str
    rules: RuleFile
    folder: AuditFolder
    identity: Identity
    options: AuditOptions
    start_mode: Start
    compiled: CompiledRules
    progress: Progress
    config: CrawlConfig
    resolver: Callable
    started: float
    scans: ScanReader
    fetched: list[PageRecord] = field(default_factory=list, repr=False)

    @property
    def out_dir(self) -> Path:
        return self.folder.path

    @property
    def crawl_dir(self) -> Path:
        return self.folder.path / CRAWL

    def on_record(self, record: PageRecord) -> None:
        self.fetched.append(record)
        self.progress.record(record)
        self.scans.on_record(record)

    def prioritize(self) -> Callable[[str, str], int]:
        return _prioritizer(self.compiled)

    def interrupted(self) -> Interrupted:
        """Record the audit as interrupted and return the error to raise."""
        self.folder.write(self.identity, State.INTERRUPTED)
        return _interrupted(self.url, self.out_dir)


def prepare_audit(url: str, selected: Selected, out_dir: Path, options: AuditOptions, resolver=system_resolver,
                  say: Say | None = None, compiled: CompiledRules | None = None) -> AuditPlan:
    """Stage 1: check the URL, decide how the folder starts (new, resumed, again), and set up the crawl."""
    say = say or (lambda line: None)
    rules = selected.rules
    url = normalise_start_url(url)
    folder = AuditFolder(out_dir)
    identity = Identity.of(url, rules.year, selected.path)
    start_mode, previous = folder.prepare(identity, options.fresh)
    if start_mode is Start.RESUME:
        say(f"ทำต่อจากครั้งก่อนที่หยุดไป (resuming the interrupted audit in {out_dir}, "
            f"state: {previous.get('state') if previous else '?'})")
    elif start_mode is Start.AGAIN:
        say(f"ตรวจใหม่ทั้งหมด: ผลครั้งก่อนใน {out_dir} ถูกแทนที่ (auditing again; the previous results are replaced)")
    compiled = compiled or CompiledRules(rules)
    progress = Progress(compiled, options.quiet)
    config = CrawlConfig(max_pages=options.max_pages, max_depth=options.max_depth, max_seconds=options.max_seconds,
                         max_bytes=options.max_bytes, max_total_bytes=options.max_total_bytes,
                         concurrency=options.concurrency, delay=options.delay, obey_robots=not options.ignore_robots,
                         private_networks=options.private_networks, allow_private=options.allow_private,
                         resolver=resolver, cache_dir=None if options.no_cache else out_dir / CACHE)
    return AuditPlan(url, rules, folder, identity, options, start_mode, compiled, progress, config, resolver,
                     time.monotonic(), ScanReader(out_dir, compiled, enabled=not options.no_ocr))


def finish_audit(plan: AuditPlan, summary: CrawlSummary, wrap_guard: Callable | None = None) -> AuditRun:
    """Stage 3: match, verify the evidence live, score, write the files. ``wrap_guard`` may wrap the guard of
    the live re-check (a batch makes it take its rate-limit slots)."""
    # The crawl's records live until the files are written: the collections that matching's many short-lived
    # objects set off need not walk them again (0.15 s a collection after a 2,000-page crawl).
    gc.freeze()
    try:
        return _finish(plan.url, plan.rules, plan.compiled, plan.folder, plan.identity, plan.options, summary,
                       plan.fetched, plan.started, plan.start_mode, plan.resolver, plan.scans, wrap_guard)
    finally:
        gc.unfreeze()
        plan.scans.close()


def _warm(compiled: CompiledRules) -> None:
    compiled.warm()
    import reports.build  # noqa: F401  (python-docx, openpyxl, Jinja2: 0.6 s of imports)


def run_audit(url: str, selected: Selected, out_dir: Path, options: AuditOptions, resolver=system_resolver,
              say: Say | None = None) -> AuditRun:
    plan = prepare_audit(url, selected, out_dir, options, resolver, say)
    # What is slow to start after the crawl (the Thai dictionary, the report writers' libraries) starts in the
    # reactor's idle moments during it.
    warming = threading.Thread(target=_warm, args=(plan.compiled,), name="warm-up", daemon=True)
    warming.start()
    try:
        summary = crawl(plan.url, plan.crawl_dir, plan.config, on_record=plan.on_record,
                        on_progress=plan.progress.show, prioritize=plan.prioritize())
    except KeyboardInterrupt:
        plan.scans.close()
        raise plan.interrupted() from None
    finally:
        plan.progress.done()
    warming.join()
    previous_handler = _sigterm_as_interrupt()
    try:
        return finish_audit(plan, summary)
    except KeyboardInterrupt:
        raise plan.interrupted() from None
    finally:
        if previous_handler is not None:
            signal.signal(signal.SIGTERM, previous_handler)


def _interrupted(url: str, out_dir: Path) -> Interrupted:
    return Interrupted(f"หยุดการตรวจแล้ว ผลที่เก็บไว้ยังอยู่ใน {out_dir} (stopped; what was collected is kept)",
                       hint=f"ทำต่อ (to resume): ita audit {url} --out {out_dir}")


def _read_scans(matched, records: list[PageRecord], scans: ScanReader, compiled: CompiledRules, url: str,
                complete: bool, stop_reason: str):
    """The scans undecided items depend on are read (those named by a link already are), then the site is
    decided again with their text."""
    scans.needed(matched.items, {r.url: r for r in records})
    readings = scans.results()
    if not any(r.ok for r in readings.values()):
        return matched
    return match_site(records, compiled, url, complete=complete, stop_reason=stop_reason, scans=readings)


def _finish(url, rules, compiled, folder, identity, options, summary, fetched, started, start_mode, resolver,
            scans: ScanReader, wrap_guard=None) -> AuditRun:
    out_dir = folder.path
    # An interrupted run's records first, then this run's: the newest record of a URL wins.
    latest = {canonical(r.url) + ("#probe" if r.kind == "probe" else ""): r for r in [*summary.earlier, *fetched]}
    # In URL order, not arrival order: ties between equal candidates fall the same way in a resumed run.
    records = sorted(latest.values(), key=lambda r: (r.url, r.kind))
    interrupted = summary.stop_reason in INTERRUPT_STOPS
    complete = not interrupted and summary.stop_reason not in BUDGET_STOPS
    start = next((r for r in records if canonical(r.url) == canonical(url) and r.kind != "probe"), None)
    if not any(r.ok and r.kind in ("page", "document") for r in records):
        if interrupted:
            folder.write(identity, State.INTERRUPTED)
            raise _interrupted(url, out_dir)
        folder.write(identity, State.FAILED)
        raise _unreachable(url, start)
    matched = match_site(records, compiled, url, complete=complete, stop_reason=summary.stop_reason)
    matched = _read_scans(matched, records, scans, compiled, url, complete, summary.stop_reason)
    items = matched.items
    probe = next((r for r in records if r.kind == "probe"), None)
    if not options.no_verify and not interrupted:
        guard = PrivateAddressGuard.for_site(url, options.private_networks, resolver, allow=options.allow_private)
        items = verify_evidence(items, wrap_guard(guard) if wrap_guard else guard, compiled, probe)
    oit = oit_from_verdicts(rules.oit, {item.code: item.present for item in items})
    kinds = [r for r in records if r.kind != "probe"]
    crawl_info = CrawlInfo(
        pages=sum(1 for r in kinds if r.kind == "page" and r.ok),
        documents=sum(1 for r in kinds if r.kind == "document" and r.ok),
        errors=sum(1 for r in kinds if not r.ok),
        seconds=round(time.monotonic() - started, 2),
        crawl_seconds=round(summary.seconds, 2),
        stop_reason=summary.stop_reason,
        complete=complete,
        resumed=summary.resumed,
        traps_cut=summary.counts.get("traps", 0),
        blocked=summary.counts.get("blocked", 0),
        soft_404_probe=probe.status if probe else None,
        soft_404_pages=matched.not_found_pages,
        failures=_failure_counts(kinds),
    )
    results = AuditResults(
        agency=Agency(url=url, name=options.name or _agency_name(records, url)),
        year=rules.year,
        rules=RulesInfo(year=rules.year, title=rules.title, file=identity.rules_file, confidence=rules.confidence,
                        unverified_items=[i.code for i in rules.oit.items if i.confidence == "U"]),
        complete=complete,
        crawl=crawl_info,
        items=items,
        oit=OitSummary(score=oit.total, indicators=oit.indicators, subindicators=oit.subindicators,
                       present=sum(1 for i in items if i.present), total_items=len(items)),
    )
    if interrupted:
        results.caution(Caution.INTERRUPTED)
    elif not complete:
        results.caution(Caution.CRAWL_INCOMPLETE, why=summary.stop_reason)
    if summary.resumed:
        results.caution(Caution.RESUMED)
    _health(results, records, matched.not_found_pages)
    if scans.unavailable and any(i.reason in (Reason.UNREADABLE_DOCUMENT, Reason.OCR_UNCERTAIN) for i in items):
        results.caution(Caution.OCR_UNAVAILABLE)
    _rule_cautions(results, rules)
    run = AuditRun(results, rules, out_dir, start_mode, records)
    write_outputs(run.results, run.records, out_dir)
    if not options.no_reports:
        run.reports = write_reports(out_dir, results=results, records=records)
    state = State.INTERRUPTED if interrupted else (State.FINISHED if complete else State.INCOMPLETE)
    folder.write(identity, state, finished=results.created)
    if interrupted:
        raise _interrupted(url, out_dir)
    return run


def _failure_counts(records: list[PageRecord]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for record in records:
        if record.ok:
            continue
        failure = record.failure or (failure_for_status(record.status) if record.status else classify_message(record.error))
        key = str(failure or Failure.OTHER)
        counts[key] = counts.get(key, 0) + 1
    return counts
