"""What changed since an earlier audit of the same site: items gained or lost, evidence URLs added or
removed, and earlier evidence that is now dead.

The two runs may have reached the site at different addresses (the demo's port changes every run, a site
moves to https): earlier URLs are read relative to the earlier start URL's host.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from model.errors import BadInput
from model.records import PageRecord
from model.results import AuditResults
from model.urls import canonical
from model.verdicts import Note, Status
from model.wording import failure_text, status_text


@dataclass
class ItemChange:
    code: str
    name: str
    before: str  # status words, Thai
    after: str
    added: list[str] = field(default_factory=list)  # evidence URLs new in this run
    removed: list[str] = field(default_factory=list)  # evidence URLs of the earlier run not used now


@dataclass
class DeadLink:
    code: str
    url: str
    why: str


@dataclass
class Comparison:
    earlier: str  # the folder or file compared with
    earlier_created: str
    earlier_year: int
    oit_before: float
    oit_after: float
    gained: list[ItemChange] = field(default_factory=list)
    lost: list[ItemChange] = field(default_factory=list)
    changed: list[ItemChange] = field(default_factory=list)  # another status change (e.g. absent → needs review)
    evidence: list[ItemChange] = field(default_factory=list)  # same status, other evidence URLs
    dead: list[DeadLink] = field(default_factory=list)

    @property
    def nothing(self) -> bool:
        return not (self.gained or self.lost or self.changed or self.evidence or self.dead)


def _results_path(path: Path) -> Path:
    path = Path(path)
    if path.is_dir():
        return path / "results.json"
    if not path.exists() and path.suffix != ".json":
        raise BadInput(f"{path}: ไม่พบโฟลเดอร์ผลการตรวจครั้งก่อน (earlier audit folder not found)")
    return path


def _rebase(url: str, before: str, after: str) -> str:
    """An earlier URL on the earlier start host, moved to the current start host."""
    b, a, u = urlsplit(before), urlsplit(after), urlsplit(url)
    if u.netloc.lower() == b.netloc.lower() and b.netloc.lower() != a.netloc.lower():
        return urlunsplit((a.scheme, a.netloc, u.path, u.query, u.fragment))
    return url


def compare_results(earlier_path: Path, current: AuditResults, records: list[PageRecord]) -> Comparison:
    earlier = AuditResults.load(_results_path(earlier_path))
    by_url = {canonical(r.url): r for r in records if r.kind != "probe"}
    comparison = Comparison(str(earlier_path), earlier.created, earlier.year, earlier.oit.score, current.oit.score)
    before_items = {item.code: item for item in earlier.items}
    for item in current.items:
        old = before_items.get(item.code)
        if old is None:
            continue
        old_urls = [_rebase(u, earlier.agency.url, current.agency.url) for u in old.urls]
        now = {canonical(u) for u in item.urls}
        then = {canonical(u) for u in old_urls}
        change = ItemChange(item.code, item.name, status_text(old.status), status_text(item.status),
                            [u for u in item.urls if canonical(u) not in then],
                            [u for u in old_urls if canonical(u) not in now])
        if old.status is not Status.PRESENT and item.status is Status.PRESENT:
            comparison.gained.append(change)
        elif old.status is Status.PRESENT and item.status is not Status.PRESENT:
            comparison.lost.append(change)
        elif old.status is not item.status:
            comparison.changed.append(change)
        elif change.added or change.removed:
            comparison.evidence.append(change)
        dropped = {n.detail.get("url"): n.detail.get("why", "") for n in item.notes if n.code is Note.EVIDENCE_DROPPED}
        for url in old_urls:
            record = by_url.get(canonical(url))
            if url in dropped:
                comparison.dead.append(DeadLink(item.code, url, str(dropped[url])))
            elif record is not None and not record.ok:
                why = failure_text(record.failure, record.status) if record.failure else (record.error or f"HTTP {record.status}")
                comparison.dead.append(DeadLink(item.code, url, why))
    return comparison
