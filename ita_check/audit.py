"""One audit end to end: crawl → records → match → live verification → OIT score → files in DIR."""

from __future__ import annotations

import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from crawler.extract import extract_html
from crawler.guard import PrivateAddressGuard, system_resolver
from crawler.run import CrawlConfig, crawl
from crawler.verify import check_urls
from ita_check.options import AuditOptions
from model.errors import SiteUnreachable
from model.failures import failure_for_status
from model.records import PageRecord
from model.results import Agency, AuditResults, CrawlInfo, OitSummary, RulesInfo
from model.urls import canonical
from model.verdicts import ItemVerdict, Note, Reason, Status
from model.wording import failure_text
from reports.evidence import write_outputs
from rules.matcher import looks_not_found, match_site
from rules.patterns import CompiledRules
from rules.schema import RuleFile
from rules.thai import clean, short_key
from scoring.calc import oit_from_verdicts

UnreachableSite = SiteUnreachable


@dataclass
class AuditRun:
    """An audit's results and the records behind them (the records are not part of results.json)."""

    results: AuditResults
    rules: RuleFile
    out_dir: Path
    records: list[PageRecord] = field(default_factory=list, repr=False)


def normalise_start_url(url: str) -> str:
    url = url.strip()
    if "://" not in url:
        url = "http://" + url
    parts = urlsplit(url)
    if not parts.hostname:
        raise UnreachableSite(f"URL ไม่ถูกต้อง (invalid URL): {url!r}")
    return url if parts.path else url + "/"


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
                self.found |= self.compiled.named(short_key(link.text))

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
        return 10 if compiled.named(key) else 0
    return prioritize


def _agency_name(records: list[PageRecord], start: str) -> str:
    for record in records:
        if record.kind == "page" and record.ok and canonical(record.url) == canonical(start):
            title = clean(record.title).strip(" -|:")
            return title.split(" | ")[0].split(" - ")[0].strip() or urlsplit(start).hostname or start
    return urlsplit(start).hostname or start


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


def run_audit(url: str, rules: RuleFile, out_dir: Path, options: AuditOptions, resolver=system_resolver) -> AuditRun:
    url = normalise_start_url(url)
    compiled = CompiledRules(rules)
    progress = Progress(compiled, options.quiet)
    config = CrawlConfig(max_pages=options.max_pages, max_depth=options.max_depth, max_seconds=options.max_seconds,
                         max_bytes=options.max_bytes, concurrency=options.concurrency, delay=options.delay,
                         obey_robots=not options.ignore_robots, fresh=options.fresh,
                         private_networks=options.private_networks, allow_private=options.allow_private, resolver=resolver)
    out_dir.mkdir(parents=True, exist_ok=True)
    started = time.monotonic()
    fetched: list[PageRecord] = []

    def on_record(record: PageRecord) -> None:
        fetched.append(record)
        progress.record(record)

    summary = crawl(url, out_dir / "crawl", config, on_record=on_record, on_progress=progress.show,
                    prioritize=_prioritizer(compiled))
    progress.done()
    # An interrupted run's records first, then this run's: the newest record of a URL wins.
    latest = {canonical(r.url) + ("#probe" if r.kind == "probe" else ""): r for r in [*summary.earlier, *fetched]}
    # In URL order, not arrival order: ties between equal candidates fall the same way in a resumed run.
    records = sorted(latest.values(), key=lambda r: (r.url, r.kind))
    start = next((r for r in records if canonical(r.url) == canonical(url) and r.kind != "probe"), None)
    if not any(r.ok and r.kind in ("page", "document") for r in records):
        failure = (start.failure or failure_for_status(start.status) or "") if start else ""
        why = (f"{failure_text(failure, start.status)} ({failure_text(failure, start.status, 'en')})"
               + (f": {start.error}" if start.error else "")) if failure else (
            (start.error or f"HTTP {start.status}") if start else "ไม่มีการตอบกลับ (no response)")
        raise SiteUnreachable(f"เข้าถึงเว็บไซต์ไม่ได้ (site cannot be reached): {url} — {why}", failure=failure)
    items = match_site(records, compiled, url)
    probe = next((r for r in records if r.kind == "probe"), None)
    if not options.no_verify:
        guard = PrivateAddressGuard.for_site(url, options.private_networks, resolver, allow=options.allow_private)
        items = verify_evidence(items, guard, compiled, probe)
    oit = oit_from_verdicts(rules.oit, {item.code: item.present for item in items})
    kinds = [r for r in records if r.kind != "probe"]
    crawl_info = CrawlInfo(
        pages=sum(1 for r in kinds if r.kind == "page" and r.ok),
        documents=sum(1 for r in kinds if r.kind == "document" and r.ok),
        errors=sum(1 for r in kinds if not r.ok),
        seconds=round(time.monotonic() - started, 2),
        crawl_seconds=round(summary.seconds, 2),
        stop_reason=summary.stop_reason,
        resumed=summary.resumed,
        traps_cut=summary.counts.get("traps", 0),
        blocked=summary.counts.get("blocked", 0),
        soft_404_probe=probe.status if probe else None,
    )
    results = AuditResults(
        agency=Agency(url=url, name=options.name or _agency_name(records, url)),
        year=rules.year,
        rules=RulesInfo(year=rules.year, title=rules.title, confidence=rules.confidence),
        crawl=crawl_info,
        items=items,
        oit=OitSummary(score=oit.total, indicators=oit.indicators, subindicators=oit.subindicators,
                       present=sum(1 for i in items if i.present), total_items=len(items)),
    )
    run = AuditRun(results, rules, out_dir, records)
    write_outputs(run.results, run.records, out_dir)
    return run
