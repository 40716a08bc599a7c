"""The ITA calculation reproduces hand-computed results, the seed report and the rating boundaries."""

from __future__ import annotations

import pytest

from rules.loader import resolve_rules
from scoring.calc import ScoreError, SurveyScore, ita_score, oit_from_verdicts, survey_from_indicators, survey_from_questions


def flat(total: float) -> SurveyScore:
    return SurveyScore(total, {})


def all_present(year: int, absent: tuple[str, ...] = ()) -> dict[str, bool]:
    return {i.code: i.code not in absent for i in resolve_rules(year).oit.items}


def test_oit_is_mean_of_indicators_of_mean_of_sub_indicators():
    rules = resolve_rules(2566)
    # 10.1 has 8 items: two absent → 75; 10.2 all present → 100; indicator 10 = 87.5 (the S12 figure)
    score = oit_from_verdicts(rules.oit, all_present(2566, absent=("O31", "O32")))
    assert score.subindicators["10.1"] == 75.0
    assert score.indicators["10"] == 87.5
    assert score.indicators["9"] == 100.0
    assert score.total == pytest.approx(93.75)


def test_oit_is_not_the_plain_item_mean():
    rules = resolve_rules(2565)
    score = oit_from_verdicts(rules.oit, all_present(2565, absent=("O29",)))
    assert score.subindicators["9.5"] == 80.0 and score.indicators["9"] == 96.0
    assert score.total == 98.0  # a plain mean of 43 items would be 97.67


def test_seed_report_total_92_51_is_rated_a():
    rules = resolve_rules(2565)
    iit = survey_from_indicators(rules.iit, {"1": 99, "2": 80.85, "3": 95, "4": 96, "5": 99})
    eit = survey_from_indicators(rules.eit, {"6": 90.0, "7": 85.46, "8": 75.73})
    oit = oit_from_verdicts(rules.oit, all_present(2565, absent=("O29",)))
    score = ita_score(rules, iit, eit, oit)
    assert round(score.total, 2) == 92.51
    assert score.rating.name == "A" and score.passed


def test_question_scores_average_into_indicators_then_the_instrument():
    rules = resolve_rules(2569)
    questions = {f"i{n}": 100.0 for n in range(1, 31)}
    questions.update({"i7": 40.0, "i8": 70.0})  # indicator 2 = (40 + 70 + 4·100) / 6 = 85
    iit = survey_from_questions(rules.iit, questions)
    assert iit.indicators["2"] == pytest.approx(85.0)
    assert iit.total == pytest.approx((4 * 100 + 85) / 5)


@pytest.mark.parametrize(("total", "band"), [(84.99, "B"), (85.00, "A"), (94.99, "A"), (95.00, "AA"), (49.99, "F"), (50, "E")])
def test_aa_to_f_band_boundaries(total, band):
    rules = resolve_rules(2565)
    oit = oit_from_verdicts(rules.oit, all_present(2565))
    score = ita_score(rules, flat(total), flat(total), oit.__class__(total, {}, {}, {}))
    assert score.rating.name == band
    assert score.passed is (total >= 85)


@pytest.mark.parametrize(("parts", "level"), [
    ((95, 95, 95), "ผ่านดีเยี่ยม"),
    ((94.99, 94.99, 94.99), "ผ่านดี"),
    ((100, 94.9, 100), "ผ่านดี"),
    ((85, 85, 85), "ผ่านดี"),
    ((84.99, 84.99, 84.99), "ต้องปรับปรุง"),
    ((70, 70, 70), "ต้องปรับปรุง"),
    ((69.99, 69.99, 69.99), "ต้องปรับปรุงโดยด่วน"),
])
def test_five_level_result_from_2567(parts, level):
    rules = resolve_rules(2567)
    iit, eit, oit = parts
    score = ita_score(rules, flat(iit), flat(eit), oit_from_verdicts(rules.oit, all_present(2567)).__class__(oit, {}, {}, {}))
    assert score.rating.name == level


def test_2567_total_94_64_with_eit_below_85_is_only_pass():
    rules = resolve_rules(2567)
    iit = survey_from_indicators(rules.iit, {c: 97.33 for c in "12345"})
    eit = survey_from_indicators(rules.eit, {"6": 84.8, "7": 84.8, "8": 84.8})
    score = ita_score(rules, iit, eit, oit_from_verdicts(rules.oit, all_present(2567)))
    assert round(score.total, 2) == 94.64
    assert score.rating.name == "ผ่าน" and score.passed


def test_missing_or_unknown_codes_are_refused():
    rules = resolve_rules(2569)
    verdicts = all_present(2569)
    del verdicts["O5"]
    verdicts["O99"] = True
    with pytest.raises(ScoreError, match="O5.*O99|missing.*O5"):
        oit_from_verdicts(rules.oit, verdicts)
    with pytest.raises(ScoreError, match="8"):
        survey_from_indicators(rules.eit, {"6": 90, "7": 90})
