"""The generator's vocabulary (vocab.yaml) and the item list of each year.

From the rule files only what an assessor's checklist says is read: each item's code, name, period, evidence
and the names of its required elements, and the indicator/sub-indicator structure. The `find:` and `pages:`
blocks (the audit's matching patterns) are never read, so the wording of generated sites stays independent
of what the audit was tuned to match.
"""

from __future__ import annotations

import functools
import random
from dataclasses import dataclass, field
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
RULES = HERE.parents[1] / "rules"
YEARS = (2565, 2566, 2567, 2568, 2569)
SPLITS = ("tune", "dev", "test")


@dataclass(frozen=True)
class Item:
    code: str
    name: str
    period: str  # none | current | previous | current_or_previous
    evidence: str
    require: tuple[str, ...]
    subindicator: str


@dataclass(frozen=True)
class Wording:
    text: str
    split: str
    kinds: tuple[str, ...] = ()

    def fits(self, split: str, kind: str) -> bool:
        """A tune wording fits every site; a dev or test wording only sites of its own split, so tuning on dev
        sites never shows the matcher a test wording."""
        return self.split in ("tune", split) and (not self.kinds or kind in self.kinds)


RETIRED = "retired"  # a dev wording of an earlier round: tuned on, so no longer unseen; no site draws it


@dataclass
class Concept:
    id: str
    codes: dict[int, str]
    form: str
    siblings: list[str] = field(default_factory=list)
    # concepts an assessor would accept this one for: never a decoy in a year where one of them is an item
    equivalent: list[str] = field(default_factory=list)
    names: list[Wording] = field(default_factory=list)
    docs: list[Wording] = field(default_factory=list)
    body: list[Wording] = field(default_factory=list)


def _wordings(raw) -> list[Wording]:
    out = []
    for entry in raw or []:
        if isinstance(entry, str):
            out.append(Wording(entry, "tune"))
        else:
            out.append(Wording(entry["text"], entry.get("split", "tune"), tuple(entry.get("kinds") or ())))
    return out


@functools.cache
def rule_items(year: int) -> tuple[Item, ...]:
    """The OIT items of a year: code, name, period, evidence, required element names — nothing else."""
    data = yaml.safe_load((RULES / f"ita{year}.yaml").read_text(encoding="utf-8"))
    items = []
    for raw in data["oit"]["items"]:
        require = tuple(r["name"] for r in (raw.get("require") or []))
        items.append(Item(raw["code"], raw["name"], raw.get("period", "none"), raw.get("evidence", "any"), require,
                          str(raw.get("subindicator", ""))))
    return tuple(items)


@functools.cache
def rule_structure(year: int) -> dict:
    data = yaml.safe_load((RULES / f"ita{year}.yaml").read_text(encoding="utf-8"))
    return {"indicators": data["oit"]["indicators"], "subindicators": data["oit"]["subindicators"]}


class Vocab:
    def __init__(self, data: dict):
        self.version = data.get("version", 1)
        self.concepts = {cid: Concept(cid, {int(y): c for y, c in raw["codes"].items()}, raw["form"],
                                      list(raw.get("siblings") or []), list(raw.get("equivalent") or []),
                                      _wordings(raw.get("names")),
                                      _wordings(raw.get("docs")), _wordings(raw.get("body")))
                         for cid, raw in data["concepts"].items()}
        self.year_phrases = _wordings(data.get("year_phrases"))
        self.half_year_phrases = _wordings(data.get("half_year_phrases"))
        self.placeholders = _wordings(data.get("placeholders"))
        self.elements = {name: _wordings(raw) for name, raw in (data.get("elements") or {}).items()}
        self.furniture = {kind: _wordings(raw) for kind, raw in (data.get("furniture") or {}).items()}
        self.news = {kind: list(raw) for kind, raw in (data.get("news") or {}).items()}
        self._by_code = {(y, code): c for c in self.concepts.values() for y, code in c.codes.items()}

    def concept_for(self, year: int, code: str) -> Concept:
        return self._by_code[(year, code)]

    def names(self, concept: Concept, year: int, split: str, kind: str) -> list[str]:
        """Menu/link wordings of a concept for a site of this split; the item's official name is always tune."""
        out = [w.text for w in concept.names if w.fits(split, kind)]
        code = concept.codes.get(year)
        if code:
            official = next(i.name for i in rule_items(year) if i.code == code)
            out.insert(0, official)
        return list(dict.fromkeys(out))

    @staticmethod
    def pick(rng: random.Random, wordings: list[Wording], split: str, kind: str, default: str = "") -> str:
        usable = [w.text for w in wordings if w.fits(split, kind)]
        return rng.choice(usable) if usable else default

    def held_out_share(self) -> float:
        """Share of wordings a test site may draw that are tagged test (for the README and the tests: roughly 35 %)."""
        every = [w for c in self.concepts.values() for w in (*c.names, *c.docs) if w.split in ("tune", "test")]
        return sum(w.split == "test" for w in every) / len(every)


def _with_dev(data: dict, dev: dict, path: Path, current: bool) -> dict:
    """vocab.yaml with the dev wordings of one vocab-dev*.yaml round added to its lists.

    The dev wordings live in files of their own, written without sight of vocab.yaml's test wordings, so the
    matcher can be tuned on wording it has never seen (dev seeds) while the test split stays unseen. Once tuned
    on, a round is no longer unseen: only the newest round is drawn, earlier rounds are kept but retired.
    """
    def tagged(raw):
        return [{**({"text": entry} if isinstance(entry, str) else entry), "split": "dev" if current else RETIRED}
                for entry in raw or []]

    for key in ("year_phrases", "half_year_phrases", "placeholders"):
        data[key] = [*(data.get(key) or []), *tagged(dev.get(key))]
    for cid, raw in (dev.get("concepts") or {}).items():
        if cid not in data["concepts"]:
            raise ValueError(f"{path}: concept {cid!r} is not in vocab.yaml")
        for key in ("names", "docs", "body"):
            data["concepts"][cid][key] = [*(data["concepts"][cid].get(key) or []), *tagged(raw.get(key))]
    for name, raw in (dev.get("elements") or {}).items():
        if name not in data["elements"]:
            raise ValueError(f"{path}: element {name!r} is not in vocab.yaml")
        data["elements"][name] = [*data["elements"][name], *tagged(raw)]
    # Decoy pages of the site's own (menu entries and pages that name no OIT item, some close to one): a dev
    # round may add near misses, which is where an absent item is most easily called present.
    for kind, raw in (dev.get("furniture") or {}).items():
        if kind not in data["furniture"]:
            raise ValueError(f"{path}: furniture kind {kind!r} is not in vocab.yaml")
        data["furniture"][kind] = [*data["furniture"][kind], *tagged(raw)]
    if current:
        data["version"] = f"{data.get('version', 1)}+dev{dev.get('version', 1)}"
    return data


def dev_rounds(folder: Path = HERE) -> list[tuple[Path, dict]]:
    """The vocab-dev*.yaml files, oldest round first (by their `version:`)."""
    rounds = [(path, yaml.safe_load(path.read_text(encoding="utf-8"))) for path in folder.glob("vocab-dev*.yaml")]
    return sorted(rounds, key=lambda r: int(r[1].get("version", 1)))


@functools.cache
def load_vocab() -> Vocab:
    data = yaml.safe_load((HERE / "vocab.yaml").read_text(encoding="utf-8"))
    rounds = dev_rounds()
    for n, (path, dev) in enumerate(rounds):
        data = _with_dev(data, dev, path, current=n == len(rounds) - 1)
    return Vocab(data)
