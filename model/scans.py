"""What OCR read from a scanned document, page by page: the type the crawler's OCR engine returns, the audit
caches by content hash, and the rules engine reads years and elements from (with each word's confidence)."""

from __future__ import annotations

from dataclasses import asdict, dataclass


@dataclass(frozen=True)
class OcrPage:
    number: int  # 1-based page number in the document (1 for a picture)
    text: str
    confidence: float  # mean word confidence, 0–100 (-1 when no word was found)
    # (start, end, confidence) of each recognised word in ``text``: lets a reader ask how sure the engine was
    # of the characters that carry a year or a title
    words: tuple[tuple[int, int, float], ...] = ()
    # (start, end, readings) of each Thai number re-read by the digit reader: ``readings`` gives, per digit,
    # the values it may be (best first), separated by "|", e.g. "2|5|6|89": the 4th digit is 8 or 9
    digits: tuple[tuple[int, int, str], ...] = ()

    def confidence_of(self, start: int, end: int) -> float:
        """The lowest confidence of the words overlapping text[start:end] (100 when none is known)."""
        values = [conf for s, e, conf in self.words if s < end and e > start]
        return min(values) if values else 100.0


@dataclass(frozen=True)
class OcrResult:
    sha256: str
    status: str  # "ok", "unavailable" or "error"
    pages: tuple[OcrPage, ...] = ()
    page_count: int = 0  # pages in the document (1 for a picture)
    engine: str = ""  # e.g. "tesseract 5.5.4 (tesserocr 2.13.0) tha+eng 200dpi"
    seconds: float = 0.0  # OCR time, rendering included (0 for a cache hit)
    error: str = ""
    cached: bool = False
    cpu_seconds: float = 0.0  # processor time of the reading (wall time varies with what else runs)

    @property
    def ok(self) -> bool:
        return self.status == "ok"

    @property
    def text(self) -> str:
        return "\n".join(page.text for page in self.pages)

    def to_json(self) -> dict:
        data = asdict(self)
        data.pop("cached")
        data.pop("cpu_seconds")
        return data

    @classmethod
    def from_json(cls, data: dict) -> OcrResult:
        pages = tuple(OcrPage(p["number"], p["text"], p["confidence"], tuple(tuple(w) for w in p.get("words", ())),
                              tuple(tuple(d) for d in p.get("digits", ())))
                      for p in data.get("pages", ()))
        return cls(data["sha256"], data["status"], pages, data.get("page_count", 0), data.get("engine", ""),
                   data.get("seconds", 0.0), data.get("error", ""))
