"""The ITA calculation, as pure functions over the rule file and plain scores.

OIT: item 100/0 → sub-indicator mean → indicator mean of its sub-indicators → OIT mean of indicators.
IIT/EIT: question score (mean over respondents) → indicator mean → instrument mean.
Total = weighted sum; the rating is the first level of the year's rating list whose conditions hold.
Everything is kept at full precision; only presentation rounds.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from statistics import fmean

from rules.schema import Oit, RatingLevel, RuleFile, Survey


class ScoreError(ValueError):
    """Inputs that cannot be scored (a missing or unknown code): the message names what is wrong."""


@dataclass(frozen=True)
class SurveyScore:
    total: float
    indicators: dict[str, float]
    questions: dict[str, float] = field(default_factory=dict)


@dataclass(frozen=True)
class OitScore:
    total: float
    indicators: dict[str, float]
    subindicators: dict[str, float]
    items: dict[str, float]


@dataclass(frozen=True)
class ItaScore:
    year: int
    iit: SurveyScore
    eit: SurveyScore
    oit: OitScore
    total: float
    rating: RatingLevel

    @property
    def passed(self) -> bool:
        return self.rating.passed

    def as_json(self) -> dict:
        return {
            "year": self.year,
            "iit": self.iit.total,
            "eit": self.eit.total,
            "oit": self.oit.total,
            "total": self.total,
            "rating": self.rating.name,
            "passed": self.passed,
            "indicators": {"iit": self.iit.indicators, "eit": self.eit.indicators, "oit": self.oit.indicators},
            "subindicators": {"oit": self.oit.subindicators},
        }


def _require(expected: list[str], given: Mapping[str, object], what: str) -> None:
    missing = [c for c in expected if c not in given]
    unknown = sorted(set(given) - set(expected))
    problems = []
    if missing:
        problems.append(f"ขาด{what} (missing): {', '.join(missing)}")
    if unknown:
        problems.append(f"{what}ที่ไม่รู้จัก (unknown): {', '.join(unknown)}")
    if problems:
        raise ScoreError("; ".join(problems))


def survey_from_questions(survey: Survey, scores: Mapping[str, float]) -> SurveyScore:
    _require(survey.question_codes(), scores, "ข้อคำถาม")
    indicators = {ind.code: fmean(scores[q.code] for q in ind.questions) for ind in survey.indicators}
    return SurveyScore(fmean(indicators.values()), indicators, dict(scores))


def survey_from_indicators(survey: Survey, scores: Mapping[str, float]) -> SurveyScore:
    _require([ind.code for ind in survey.indicators], scores, "ตัวชี้วัด")
    indicators = {ind.code: float(scores[ind.code]) for ind in survey.indicators}
    return SurveyScore(fmean(indicators.values()), indicators)


def oit_from_verdicts(oit: Oit, present: Mapping[str, bool]) -> OitScore:
    _require([item.code for item in oit.items], present, "ข้อ OIT")
    items = {item.code: 100.0 if present[item.code] else 0.0 for item in oit.items}
    subs = {
        sub.code: fmean(items[i.code] for i in oit.items if i.subindicator == sub.code) for sub in oit.subindicators
    }
    indicators = {
        ind.code: fmean(subs[s.code] for s in oit.subindicators if s.indicator == ind.code) for ind in oit.indicators
    }
    return OitScore(fmean(indicators.values()), indicators, subs, items)


_EPS = 1e-9  # float sums like 0.3·85 + 0.3·85 + 0.4·85 must not fall a hair short of a boundary


def rate(levels: list[RatingLevel], total: float, parts: tuple[float, ...]) -> RatingLevel:
    for level in levels:
        if total >= level.min_total - _EPS and (level.min_each is None or min(parts) >= level.min_each - _EPS):
            return level
    return levels[-1]


def ita_score(rules: RuleFile, iit: SurveyScore, eit: SurveyScore, oit: OitScore) -> ItaScore:
    w = rules.weights
    total = (w.iit * iit.total + w.eit * eit.total + w.oit * oit.total) / 100
    return ItaScore(rules.year, iit, eit, oit, total, rate(rules.rating, total, (iit.total, eit.total, oit.total)))
