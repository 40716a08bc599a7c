"""An item's verdict as data: a status, a reason code with its details, the evidence, and every candidate
with the signals that found it and each check it passed or failed.

Reasons and notes are codes; the Thai and English wording lives in :mod:`model.wording` and is applied only
when a verdict is shown, so ``results.json`` stays stable while the wording improves.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, computed_field


class Status(StrEnum):
    PRESENT = "present"
    ABSENT = "absent"
    NEEDS_REVIEW = "needs_review"  # only an unreadable document or a site fault stands between us and a verdict
    NOT_REACHED = "not_reached"  # the crawl stopped (budget, Ctrl-C) before the item could be decided


class Reason(StrEnum):
    """Why an item, or one candidate of it, was decided as it was."""

    FOUND = "found"
    FOUND_EXTERNAL = "found_external"  # the agency page linking its allowed external channel (Facebook, e-GP)
    NOT_FOUND = "not_found"
    BROKEN_LINK = "broken_link"  # the entry leads to a 404/410 or a dead host
    SOFT_404 = "soft_404"  # the CMS's 'not found' page answering 200
    FETCH_FAILED = "fetch_failed"  # a fault: blocked (403), rate-limited, timeout, server error…
    PLACEHOLDER = "placeholder"  # empty or 'อยู่ระหว่างปรับปรุง'
    NOT_THE_ITEM = "not_the_item"  # the page opens, but its own content does not show the item
    HOME_PAGE = "home_page"  # the home page's boxes and menus are not the item's page
    INDEX_PAGE = "index_page"  # the agency's own ITA index lists every item: a lead, never the item itself
    WRONG_YEAR = "wrong_year"
    NO_YEAR = "no_year"
    MISSING_ELEMENTS = "missing_elements"
    UNREADABLE_DOCUMENT = "unreadable_document"  # a scan or a document without text: a person must look
    PICTURE_ONLY = "picture_only"  # a page of a picture and a line of text: what the picture shows, a person must see
    OCR_UNCERTAIN = "ocr_uncertain"  # read by OCR, but not surely enough to decide
    DOCUMENT_ERROR = "document_error"  # corrupt, encrypted or unsupported document
    URL_HINT_ONLY = "url_hint_only"
    NOT_CRAWLED = "not_crawled"  # a candidate URL outside the crawl (scope, budget)
    NOT_REACHED = "not_reached"  # the item: the crawl stopped before it could be decided
    DEAD_ON_RECHECK = "dead_on_recheck"  # the evidence worked during the crawl, not when fetched again


class Note(StrEnum):
    """A caveat attached to a verdict that does not change it."""

    SCANNED_DOCUMENT = "scanned_document"
    YEAR_ONLY_IN_LINK = "year_only_in_link"
    RELATED_BROKEN_LINKS = "related_broken_links"
    EXTERNAL_CHANNEL = "external_channel"
    EVIDENCE_DROPPED = "evidence_dropped"  # an evidence URL failed the live re-check and was dropped
    DOCUMENT_ERROR = "document_error"
    READ_BY_OCR = "read_by_ocr"


class SignalKind(StrEnum):
    """How a candidate was found, strongest first: the way an assessor navigates to an item."""

    LINK_TEXT = "link_text"  # a link whose text names the item points here
    INDEX_ROW = "index_row"  # the agency's own ITA index row (a lead, never proof)
    EXTERNAL = "external"  # this page links the item's allowed external channel
    TITLE = "title"  # the page's own title or heading names the item
    DOCUMENT_TEXT = "document_text"  # the document's opening names the item
    FUZZY = "fuzzy"  # Thai word tokens close to the item's names (proposes only)
    URL_HINT = "url_hint"  # the URL's shape (a tie-break only)


Confidence = Literal["high", "medium", "low"]


class _Model(BaseModel):
    model_config = ConfigDict(extra="ignore", use_enum_values=False)


class Signal(_Model):
    kind: SignalKind
    text: str = ""  # the link text, title or excerpt that named the item
    source: str = ""  # where it was seen: the page carrying the link


class CheckOutcome(_Model):
    """One check of one candidate: the Lighthouse-style unit (see rules/checks.py for the checks)."""

    check: str
    passed: bool
    reason: Reason | None = None
    detail: dict[str, Any] = Field(default_factory=dict)


class Candidate(_Model):
    url: str
    kind: str = "page"  # page, document, external
    signals: list[Signal] = Field(default_factory=list)
    strength: float = 0.0
    checks: list[CheckOutcome] = Field(default_factory=list)
    passed: bool = False
    reason: Reason | None = None
    detail: dict[str, Any] = Field(default_factory=dict)


class NoteEntry(_Model):
    code: Note
    detail: dict[str, Any] = Field(default_factory=dict)


class ItemVerdict(_Model):
    code: str
    name: str
    indicator: str
    subindicator: str
    status: Status
    reason: Reason
    detail: dict[str, Any] = Field(default_factory=dict)
    urls: list[str] = Field(default_factory=list)  # evidence, best first
    notes: list[NoteEntry] = Field(default_factory=list)
    confidence: Confidence = "high"
    item_confidence: str = "C"  # the rule file's flag for the item (C/P/I/U)
    candidates: list[Candidate] = Field(default_factory=list)

    @computed_field
    @property
    def present(self) -> bool:
        return self.status is Status.PRESENT

    @computed_field
    @property
    def needs_review(self) -> bool:
        return self.status is Status.NEEDS_REVIEW

    @computed_field
    @property
    def score(self) -> float:
        return 100.0 if self.status is Status.PRESENT else 0.0

    def note(self, code: Note, **detail: Any) -> None:
        self.notes.append(NoteEntry(code=code, detail=detail))
