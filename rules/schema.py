"""The shape of a yearly ITA rule file.

Everything year-specific (items, indicators, weights, rating levels, the patterns that find an item and
the checks it must pass) is data in ``rules/itaYYYY.yaml``; these models are the one contract the loader,
the matcher and the scorer share. Unknown keys are errors so a typo in a rule file never passes silently.
"""

from __future__ import annotations

import re
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

Confidence = Literal["C", "P", "I", "U"]
Period = Literal["none", "current", "previous", "current_or_previous"]
EvidenceKind = Literal["page", "document", "any"]
HtmlFeature = Literal["image", "form", "table"]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def _check_patterns(patterns: list[str]) -> list[str]:
    for i, pattern in enumerate(patterns):
        if not pattern:
            raise ValueError(f"[{i}] รูปแบบว่าง (empty pattern)")
        try:
            re.compile(pattern)
        except re.error as exc:
            raise ValueError(
                f"[{i}] regular expression ไม่ถูกต้อง (invalid regular expression) {pattern!r}: {exc}"
            ) from None
        if re.search(r"\s", pattern.replace(r"\s", "")):
            raise ValueError(
                f"[{i}] รูปแบบมีช่องว่าง: ข้อความถูกเทียบแบบตัดช่องว่างออก (pattern contains whitespace;"
                f" matching uses whitespace-free keys) {pattern!r}"
            )
    return patterns


Patterns = list[str]


class RatingLevel(_Strict):
    """One rating level; the first level whose conditions hold is the result."""

    name: str
    name_en: str = ""
    min_total: float = Field(ge=0, le=100)
    min_each: float | None = Field(default=None, ge=0, le=100)
    passed: bool


class Weights(_Strict):
    iit: float = Field(ge=0, le=100)
    eit: float = Field(ge=0, le=100)
    oit: float = Field(ge=0, le=100)

    @model_validator(mode="after")
    def _sum_100(self) -> Weights:
        if abs(self.iit + self.eit + self.oit - 100) > 1e-9:
            raise ValueError("น้ำหนัก IIT+EIT+OIT ต้องรวมได้ 100 (weights must add up to 100)")
        return self


class Question(_Strict):
    code: str = Field(pattern=r"^[ie]\d+$")
    scale: str | None = None
    reverse: bool = False
    text: str = ""


class SurveyIndicator(_Strict):
    code: str
    name: str
    name_en: str = ""
    confidence: Confidence = "C"
    questions: list[Question] = Field(min_length=1)


class Survey(_Strict):
    """IIT or EIT: questions grouped in indicators, and how raw answers map to 0–100."""

    name: str
    confidence: Confidence
    default_scale: str
    scales: dict[str, dict[str, float]]
    indicators: list[SurveyIndicator] = Field(min_length=1)

    @model_validator(mode="after")
    def _scales_known(self) -> Survey:
        if self.default_scale not in self.scales:
            raise ValueError(f"default_scale {self.default_scale!r} ไม่อยู่ใน scales (unknown scale)")
        for ind in self.indicators:
            for q in ind.questions:
                if q.scale and q.scale not in self.scales:
                    raise ValueError(f"{q.code}: scale {q.scale!r} ไม่อยู่ใน scales (unknown scale)")
        return self

    def question_codes(self) -> list[str]:
        return [q.code for ind in self.indicators for q in ind.questions]


class Find(_Strict):
    """Where an item shows up: link texts (strongest), titles/headings, URL shape, document text."""

    link_text: Patterns = Field(min_length=1)
    url: Patterns = []
    text: Patterns = []
    exclude: Patterns = []
    external_hosts: list[str] = []
    aliases: list[str] = []  # plain wordings agencies use (not regular expressions), for the word-token fallback

    _v = field_validator("link_text", "url", "text", "exclude")(_check_patterns)


class Element(_Strict):
    """A required element: any of the patterns found in the evidence text, or an HTML feature."""

    name: str
    any: Patterns = []
    html: HtmlFeature | None = None
    # Wording that names the element without giving it ("อำนาจหน้าที่เป็นไปตามพระราชบัญญัติ…": a pointer to
    # the whole law, which the criteria do not accept): removed from the text before 'any' is looked for.
    ignore: Patterns = []

    _v = field_validator("any", "ignore")(_check_patterns)

    @model_validator(mode="after")
    def _something_to_check(self) -> Element:
        if not self.any and self.html is None:
            raise ValueError(f"องค์ประกอบ {self.name!r} ไม่มีรูปแบบให้ตรวจ (element needs 'any' or 'html')")
        if self.ignore and not self.any:
            raise ValueError(f"องค์ประกอบ {self.name!r}: 'ignore' ใช้ได้กับ 'any' เท่านั้น (ignore needs 'any')")
        return self


class Item(_Strict):
    code: str = Field(pattern=r"^O\d+$")
    name: str
    name_en: str = ""
    subindicator: str
    confidence: Confidence
    sources: list[str] = []
    evidence: EvidenceKind = "any"
    period: Period = "none"
    find: Find
    require: list[Element] = []
    publish: str
    measure: str
    responsible: str


class Indicator(_Strict):
    code: str
    name: str
    confidence: Confidence = "C"


class SubIndicator(_Strict):
    code: str
    indicator: str
    name: str
    confidence: Confidence = "C"


class Oit(_Strict):
    indicators: list[Indicator] = Field(min_length=1)
    subindicators: list[SubIndicator] = Field(min_length=1)
    items: list[Item] = Field(min_length=1)


class PageSignals(_Strict):
    """Patterns that describe pages rather than items: placeholders, CMS 'not found', ITA index pages.

    They are the same every year, so they live once, in rules/pages.yaml (:class:`SharedPageSignals`); a
    year file's own ``pages:`` only adds to them (:meth:`plus`)."""

    placeholder: Patterns = []
    not_found: Patterns = []
    index_page: Patterns = []

    _v = field_validator("placeholder", "not_found", "index_page")(_check_patterns)

    def plus(self, other: PageSignals) -> PageSignals:
        """These patterns and then ``other``'s, each once."""
        return PageSignals(**{name: list(dict.fromkeys([*getattr(self, name), *getattr(other, name)]))
                              for name in ("placeholder", "not_found", "index_page")})


class SharedPageSignals(PageSignals):
    """rules/pages.yaml: every kind of page pattern is needed, or the audit would miss a whole defect class."""

    placeholder: Patterns = Field(min_length=1)
    not_found: Patterns = Field(min_length=1)
    index_page: Patterns = Field(min_length=1)


class RuleFile(_Strict):
    year: int = Field(ge=2560, le=2700)
    title: str
    confidence: Confidence
    notes: str = ""
    sources: dict[str, str] = {}
    weights: Weights
    pass_score: float = Field(default=85, ge=0, le=100)
    rating: list[RatingLevel] = Field(min_length=1)
    pages: PageSignals = PageSignals()  # added to rules/pages.yaml's by the loader
    iit: Survey
    eit: Survey
    oit: Oit

    @model_validator(mode="after")
    def _rating_order(self) -> RuleFile:
        mins = [level.min_total for level in self.rating]
        if mins != sorted(mins, reverse=True) or mins[-1] != 0:
            raise ValueError("rating: ระดับต้องเรียงจาก min_total มากไปน้อย และระดับสุดท้าย min_total: 0")
        return self
