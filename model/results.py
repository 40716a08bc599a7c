"""``results.json``: one typed, versioned model of an audit, read by every writer and by ``ita score``.

Version 2 keeps every verdict's candidates and checks, reason codes instead of sentences, and whether the
audit is complete. A file of another version is refused with a message, never half-read.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from model.errors import BadInput
from model.files import write_text
from model.verdicts import ItemVerdict, Status

FORMAT = "ita-check/audit-results"
VERSION = 2


class Caution(StrEnum):
    """Warnings about the whole audit, shown in one line each on the terminal and in every report."""

    RULES_UNVERIFIED = "rules_unverified"  # the year's rule file is flagged U or P
    ITEMS_UNVERIFIED = "items_unverified"  # some items are flagged U
    CRAWL_INCOMPLETE = "crawl_incomplete"  # a budget (pages, time, bytes) stopped the crawl
    INTERRUPTED = "interrupted"  # Ctrl-C or SIGTERM
    SITE_BROKEN = "site_broken"  # most links of the site fail
    SITE_NOT_FOUND_PAGES = "site_not_found_pages"  # most pages are the CMS 'not found' page
    CRAWL_BLOCKED = "crawl_blocked"  # most responses were 403/429: a firewall in the way
    OCR_UNAVAILABLE = "ocr_unavailable"
    RESUMED = "resumed"


class _Model(BaseModel):
    model_config = ConfigDict(extra="ignore")


class Agency(_Model):
    url: str
    name: str


class RulesInfo(_Model):
    year: int
    title: str
    file: str = ""
    confidence: str = "C"
    unverified_items: list[str] = Field(default_factory=list)


class CrawlInfo(_Model):
    pages: int = 0
    documents: int = 0
    errors: int = 0
    seconds: float = 0.0
    crawl_seconds: float = 0.0
    stop_reason: str = ""
    complete: bool = True
    resumed: bool = False
    traps_cut: int = 0
    blocked: int = 0
    soft_404_probe: int | None = None
    soft_404_pages: int = 0
    failures: dict[str, int] = Field(default_factory=dict)


class OitSummary(_Model):
    score: float
    indicators: dict[str, float]
    subindicators: dict[str, float]
    present: int
    total_items: int


class CautionEntry(_Model):
    code: Caution
    detail: dict[str, Any] = Field(default_factory=dict)


class AuditResults(_Model):
    format: str = FORMAT
    version: int = VERSION
    tool_version: str = ""
    created: str = Field(default_factory=lambda: datetime.now(UTC).isoformat(timespec="seconds"))
    agency: Agency
    year: int
    rules: RulesInfo
    complete: bool = True
    crawl: CrawlInfo
    items: list[ItemVerdict]
    oit: OitSummary
    cautions: list[CautionEntry] = Field(default_factory=list)

    def item(self, code: str) -> ItemVerdict:
        for item in self.items:
            if item.code.lower() == code.lower():
                return item
        raise KeyError(code)

    def count(self, status: Status) -> int:
        return sum(1 for item in self.items if item.status is status)

    def caution(self, code: Caution, **detail: Any) -> None:
        if not any(c.code is code for c in self.cautions):
            self.cautions.append(CautionEntry(code=code, detail=detail))

    def to_json(self) -> str:
        return json.dumps(self.model_dump(mode="json"), ensure_ascii=False, indent=2)

    def save(self, path: Path) -> None:
        write_text(path, self.to_json() + "\n")

    @classmethod
    def load(cls, path: str | Path) -> AuditResults:
        path = Path(path)
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise BadInput(f"{path}: ไม่พบไฟล์ (file not found)") from None
        except (OSError, UnicodeDecodeError, ValueError) as exc:
            raise BadInput(f"{path}: อ่านผลการตรวจไม่ได้ (cannot read results): {exc}") from None
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise BadInput(f"{path}: ไม่ใช่ไฟล์ผลการตรวจของ ita-check (not an ita-check results file)")
        if data.get("version") != VERSION:
            raise BadInput(f"{path}: ผลการตรวจรุ่น {data.get('version')} ไม่ตรงกับรุ่น {VERSION} ที่โปรแกรมนี้อ่าน "
                           f"(results version {data.get('version')}, this tool reads {VERSION})",
                           hint="ตรวจเว็บไซต์ใหม่ด้วย ita audit (audit the site again)")
        try:
            return cls.model_validate(data)
        except ValidationError as exc:
            first = exc.errors()[0]
            where = ".".join(str(p) for p in first["loc"])
            raise BadInput(f"{path}: ผลการตรวจไม่ถูกต้องที่ {where}: {first['msg']} (invalid results file)") from None
