"""How well unseen wordings are recognised: leave-one-out over the generator's *tune* wordings.

The rule patterns were widened with the tune wordings, so patterns alone recognise every one of them and
prove nothing about wordings nobody wrote down. Here each tune wording is taken out in turn and the rest
of the item's known wordings (its official name, the other tune wordings, the rule file's aliases less
this one) stand in for what the audit knows; the word-token fallback (rules/fuzzy.py) must then still name
the right item, and no other. Test wordings are never read.

`ablated(year)` gives the year's rules less the link-text patterns that only memorise one tune wording (they
match that wording and no other known one, nor the official name): re-deciding the tune crawls with them
(`bench/rematch.py DIR --unseen`) shows how the audit does on wordings it was never told, on tune data only.

Run: python bench/wording.py [--year 2569] [--show]
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import re  # noqa: E402

from demo.generator.vocab import YEARS, load_vocab, rule_items  # noqa: E402
from rules.fuzzy import FuzzyNames  # noqa: E402
from rules.loader import rules_for_year  # noqa: E402
from rules.patterns import CompiledRules  # noqa: E402
from rules.schema import RuleFile  # noqa: E402
from rules.thai import strict_key  # noqa: E402

SAMPLE = {"{agency}": "องค์การบริหารส่วนตำบลบ้านนาดี", "{short}": "อบต.บ้านนาดี", "{y}": "2568", "{py}": "2567",
          "{y0}": "2566", "{y1}": "2570", "{half}": "รอบ 6 เดือน", "{month}": "ตุลาคม", "{unit}": "สำนักปลัด",
          "{chief}": "นายก อบต.", "{web}": "bannadee.go.th", "{webboard}": "กระดานถาม-ตอบ"}


def fill(text: str) -> str:
    for key, value in SAMPLE.items():
        text = text.replace(key, value)
    return " ".join(text.split())


def tune_wordings(year: int) -> dict[str, list[str]]:
    """Each item code's tune link wordings (menu entries, link texts) for ``year``."""
    vocab = load_vocab()
    out: dict[str, list[str]] = {}
    for item in rule_items(year):
        try:
            concept = vocab.concept_for(year, item.code)
        except KeyError:
            continue
        out[item.code] = list(dict.fromkeys(fill(w.text) for w in concept.names if w.split == "tune"))
    return out


def ablated(year: int) -> tuple[RuleFile, dict[str, list[str]]]:
    """The rules less their memorising patterns, and the wordings that thereby became unseen, by item code."""
    rules = rules_for_year(year)
    wordings = tune_wordings(year)
    items, unseen = [], {}
    for item in rules.oit.items:
        known = {strict_key(item.name)} | {strict_key(t) for t in wordings.get(item.code, [])}
        keep = []
        for pattern in item.find.link_text:
            rx = re.compile(pattern)
            hits = {k for k in known if rx.search(k)}
            if len(hits) == 1 and strict_key(item.name) not in hits:
                continue
            keep.append(pattern)
        if not keep:
            keep = [re.escape(strict_key(item.name))]
        kept = [re.compile(p) for p in keep]
        lost = [t for t in wordings.get(item.code, []) if not any(rx.search(strict_key(t)) for rx in kept)]
        if lost:
            unseen[item.code] = lost
        gone = {strict_key(t) for t in lost}
        aliases = [a for a in item.find.aliases if strict_key(a) not in gone]
        find = item.find.model_copy(update={"link_text": keep, "aliases": aliases})
        items.append(item.model_copy(update={"find": find}))
    oit = rules.oit.model_copy(update={"items": items})
    return rules.model_copy(update={"oit": oit}), unseen


def evaluate(year: int, show: bool = False) -> Counter:
    compiled = CompiledRules(rules_for_year(year))
    known = {code: [item.name, *item.find.aliases] for code, item in compiled.items.items()}
    wordings = tune_wordings(year)
    counts: Counter = Counter()
    for code, texts in wordings.items():
        for text in texts:
            if text == compiled.items[code].name:
                continue
            names = {c: [n for n in ns if strict_key(n) != strict_key(text)] for c, ns in known.items()}
            names[code] = [n for n in [*names[code], *texts] if strict_key(n) != strict_key(text)]
            for other, other_texts in wordings.items():
                if other != code:
                    names[other] = list(dict.fromkeys([*names[other], *other_texts]))
            found = FuzzyNames(names).match(text)
            counts["wordings"] += 1
            counts["right"] += code in found
            counts["wrong"] += bool(set(found) - {code})
            counts["regex"] += code in compiled.named(strict_key(text))
            if show and (code not in found or set(found) - {code}):
                print(f"  {year} {code} {text!r} → {sorted(found) or '-'}")
    return counts


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--year", type=int)
    parser.add_argument("--show", action="store_true")
    args = parser.parse_args()
    total: Counter = Counter()
    for year in ([args.year] if args.year else YEARS):
        counts = evaluate(year, args.show)
        total += counts
        n = counts["wordings"] or 1
        print(f"{year}: {counts['wordings']} tune wordings left out one at a time: fuzzy names the item for "
              f"{counts['right'] / n:.0%}, another item for {counts['wrong'] / n:.0%} (patterns: {counts['regex'] / n:.0%})")
    n = total["wordings"] or 1
    print(f"all: {total['wordings']} wordings, fuzzy right {total['right'] / n:.1%}, wrong {total['wrong'] / n:.1%}")


if __name__ == "__main__":
    main()
