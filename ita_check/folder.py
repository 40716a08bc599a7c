"""An audit folder belongs to one audit: one start URL, one year, one rule file, recorded in ``audit.json``.

Re-running into the folder resumes only an interrupted run of the same audit (Ctrl-C, a kill, a budget).
A finished or failed audit is done again from the start: its pages are fetched again (revalidated through
the HTTP cache when the site supports it), never replayed. Another site or year is refused unless the
user asks for ``--fresh``, so two agencies' results can never mix.
"""

from __future__ import annotations

import hashlib
import json
import shutil
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path
from urllib.parse import urlsplit

from model.errors import BadInput, FolderConflict
from model.files import write_text
from rules.loader import PAGES_FILE

MANIFEST = "audit.json"
OUTPUTS = ("results.json", "evidence.csv", "pages.jsonl", "report.html", "plan.docx", "itas.xlsx", "itas.csv")
CRAWL = "crawl"
CACHE = "httpcache"


class State(StrEnum):
    RUNNING = "running"  # still running, or killed
    INTERRUPTED = "interrupted"  # Ctrl-C / SIGTERM
    INCOMPLETE = "incomplete"  # a budget stopped the crawl
    FINISHED = "finished"
    FAILED = "failed"  # the site could not be reached


RESUMABLE = {State.RUNNING, State.INTERRUPTED, State.INCOMPLETE}


class Start(StrEnum):
    NEW = "new"
    RESUME = "resume"
    AGAIN = "again"  # a finished or failed audit, done again


@dataclass(frozen=True)
class Identity:
    url: str
    year: int
    rules_file: str
    rules_sha256: str

    @classmethod
    def of(cls, url: str, year: int, rules_path: Path) -> Identity:
        # the page patterns every year shares are part of the rules the audit ran with
        digest = hashlib.sha256(Path(rules_path).read_bytes() + PAGES_FILE.read_bytes()).hexdigest()
        return cls(url, year, str(Path(rules_path).resolve()), digest)

    def differs(self, other: dict) -> str:
        """Why another audit's manifest is not this audit, in words; empty when it is the same."""
        if _site(other.get("url", "")) != _site(self.url):
            return f"เว็บไซต์ {other.get('url')} (another site)"
        if other.get("year") != self.year:
            return f"ปี {other.get('year')} (another year)"
        if other.get("rules_sha256") and other.get("rules_sha256") != self.rules_sha256:
            return f"ไฟล์กฎ {other.get('rules_file')} (another rule file)"
        return ""


def _site(url: str) -> tuple[str, str]:
    parts = urlsplit(url)
    host = (parts.hostname or "").lower().removeprefix("www.")
    return host, f"{parts.port or ''}{parts.path.rstrip('/')}"


class AuditFolder:
    def __init__(self, path: Path):
        self.path = Path(path)

    @property
    def manifest_path(self) -> Path:
        return self.path / MANIFEST

    def read(self) -> dict | None:
        try:
            data = json.loads(self.manifest_path.read_text(encoding="utf-8"))
        except (FileNotFoundError, ValueError, OSError):
            return None
        return data if isinstance(data, dict) else None

    def prepare(self, identity: Identity, fresh: bool) -> tuple[Start, dict | None]:
        """Decide how this run starts, clear what must not be reused, and record the audit as running."""
        if self.path.exists() and not self.path.is_dir():
            raise BadInput(f"--out {self.path}: เป็นไฟล์ ไม่ใช่โฟลเดอร์ (is a file, not a folder)",
                           hint="ระบุโฟลเดอร์ใหม่ เช่น --out out/หน่วยงาน (name a folder)")
        previous = self.read() or self._legacy()
        start = Start.NEW
        if previous is not None:
            why = identity.differs(previous)
            if why and not fresh:
                raise FolderConflict(
                    f"โฟลเดอร์ {self.path} เป็นผลการตรวจของ{why} ไม่ใช่ {identity.url} ปี {identity.year} "
                    f"(the folder holds another audit)",
                    hint="ใช้โฟลเดอร์อื่น หรือสั่ง --fresh เพื่อเริ่มใหม่ในโฟลเดอร์นี้ (use another --out, or --fresh)")
            if fresh or why:
                self.clear(cache=True)
            elif State(previous.get("state", State.FINISHED)) in RESUMABLE:
                start = Start.RESUME
            else:
                self.clear(cache=False)
                start = Start.AGAIN
        elif fresh:
            self.clear(cache=True)
        self.path.mkdir(parents=True, exist_ok=True)
        self.write(identity, State.RUNNING, started=_now())
        return start, previous

    def _legacy(self) -> dict | None:
        """An audit folder written before audit.json existed: its results.json says whose it is."""
        try:
            data = json.loads((self.path / "results.json").read_text(encoding="utf-8"))
            return {"url": data["agency"]["url"], "year": data["year"], "rules_sha256": None,
                    "rules_file": "", "state": State.FINISHED}
        except (FileNotFoundError, ValueError, KeyError, TypeError, OSError):
            return None

    def clear(self, cache: bool) -> None:
        for name in OUTPUTS:
            (self.path / name).unlink(missing_ok=True)
        shutil.rmtree(self.path / CRAWL, ignore_errors=True)
        if cache:
            shutil.rmtree(self.path / CACHE, ignore_errors=True)

    def write(self, identity: Identity, state: State, **extra) -> None:
        data = self.read() or {}
        data.update(asdict(identity))
        data.update(state=state.value, updated=_now(), **extra)
        write_text(self.manifest_path, json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")
