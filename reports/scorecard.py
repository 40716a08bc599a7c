"""The ITA scorecard printed by ``ita score`` and at the end of an audit."""

from __future__ import annotations

from reports.text import fmt, table
from rules.schema import RuleFile
from scoring.calc import ItaScore, OitScore


def oit_table(rules: RuleFile, oit: OitScore) -> str:
    rows = []
    for ind in rules.oit.indicators:
        rows.append([f"ตัวชี้วัดที่ {ind.code}", ind.name, fmt(oit.indicators[ind.code])])
        for sub in rules.oit.subindicators:
            if sub.indicator == ind.code:
                items = [i for i in rules.oit.items if i.subindicator == sub.code]
                got = sum(1 for i in items if oit.items[i.code])
                rows.append([f"  {sub.code}", f"{sub.name} ({got}/{len(items)} ข้อ)", fmt(oit.subindicators[sub.code])])
    rows.append(["OIT", "คะแนนแบบตรวจการเปิดเผยข้อมูลสาธารณะ", fmt(oit.total)])
    return table(rows, ["รหัส", "ตัวชี้วัด / indicator", "คะแนน"], "llr")


def scorecard(rules: RuleFile, score: ItaScore) -> str:
    rows = []
    for label, survey, result in (("IIT", rules.iit, score.iit), ("EIT", rules.eit, score.eit)):
        for ind in survey.indicators:
            rows.append([label, f"{ind.code} {ind.name}", fmt(result.indicators[ind.code])])
        rows.append([label, f"รวม {label}", fmt(result.total)])
    for ind in rules.oit.indicators:
        rows.append(["OIT", f"{ind.code} {ind.name}", fmt(score.oit.indicators[ind.code])])
    rows.append(["OIT", "รวม OIT", fmt(score.oit.total)])
    w = rules.weights
    weighted = [["IIT", f"{w.iit:g}%", fmt(score.iit.total)], ["EIT", f"{w.eit:g}%", fmt(score.eit.total)],
                ["OIT", f"{w.oit:g}%", fmt(score.oit.total)]]
    verdict = "ผ่านเกณฑ์ (pass)" if score.passed else "ไม่ผ่านเกณฑ์ (fail)"
    return "\n".join([
        f"ผลการประเมิน ITA ปี พ.ศ. {rules.year} — {rules.title}",
        table(rows, ["เครื่องมือ", "ตัวชี้วัด", "คะแนน"], "llr"),
        table(weighted, ["เครื่องมือ", "น้ำหนัก", "คะแนน"], "lrr"),
        f"คะแนนรวม (total): {fmt(score.total)}",
        f"ระดับผลการประเมิน (rating): {score.rating.name}" + (f" ({score.rating.name_en})" if score.rating.name_en else ""),
        f"เกณฑ์ผ่าน {fmt(rules.pass_score)} คะแนน: {verdict}",
    ])
