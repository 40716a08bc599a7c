"""Load ``rules/moderation.yaml``: the vocabulary of posts that do not belong on an agency's Q&A board.

The words live in the YAML file; this module only checks its shape (unknown keys, empty lists, bad regular
expressions, terms that normalise to almost nothing) and reports problems with the file and line, like
``ita rules check`` does for the yearly rule files. The matching itself is in :mod:`reports.moderation`.
"""

from __future__ import annotations

import re
import sys
from functools import cache
from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from rules.loader import Problem, RuleFileError

MODERATION_FILE = Path(__file__).resolve().parent / "moderation.yaml"

_THAI_DIGITS = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")
_FULLWIDTH = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F)}  # ｓｌｏｔ → slot (no NFKC: it splits sara am)
# Tone marks, mai taikhu, thanthakhat and the other marks spam varies freely (สล็อต, สล๊อต, สลอต).
_MARKS = re.compile("[\u0e47-\u0e4e]")
_LEET = str.maketrans({"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a", "$": "s", "!": "i",
                       "|": "i", "l": "i"})
_KEEP = re.compile("[^a-z0-9\u0e01-\u0e3a\u0e40-\u0e46]")
_REPEAT = re.compile(r"(.)\1+")


def spam_keys(text: str) -> tuple[str, str]:
    """Two matching keys of a text: plain, and with Latin look-alikes folded (sl0t, $L0T → siot).

    Both drop spaces, punctuation, Thai tone marks and repeated letters, so "ส ล็ อ ต" and "สล๊อตตต" give
    the same key as "สล็อต". A term and a post are compared key to key.
    """
    text = text.lower().translate(_THAI_DIGITS).translate(_FULLWIDTH).lower()
    text = _MARKS.sub("", text)
    plain = _REPEAT.sub(r"\1", _KEEP.sub("", text))
    leet = _REPEAT.sub(r"\1", _KEEP.sub("", text.translate(_LEET)))
    return plain, leet


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def _regexes(patterns: list[str]) -> list[str]:
    for pattern in patterns:
        try:
            re.compile(pattern)
        except re.error as exc:
            raise ValueError(f"regular expression ไม่ถูกต้อง (invalid regular expression) {pattern!r}: {exc}") from None
    return patterns


class Board(_Strict):
    url: list[str] = Field(min_length=1)
    link_text: list[str] = Field(min_length=1)

    _v = field_validator("url", "link_text")(_regexes)


class Category(_Strict):
    code: str = Field(pattern=r"^[a-z_]+$")
    name: str
    name_en: str = ""
    strong: list[str] = []
    weak: list[str] = []

    @field_validator("strong", "weak")
    @classmethod
    def _terms(cls, terms: list[str]) -> list[str]:
        for term in terms:
            plain, _ = spam_keys(term)
            if len(plain) < 3:
                raise ValueError(f"คำ {term!r} สั้นเกินไปหลังตัดช่องว่างและเครื่องหมาย (too short once normalised: {plain!r})")
        return terms


class Measure(_Strict):
    name: str
    method: str
    responsible: str
    followup: str


class Moderation(_Strict):
    items: dict[int, str] = {}
    item_name: list[str] = []
    board: Board
    categories: list[Category] = Field(min_length=1)
    warning: str
    warning_en: str = ""
    measure: Measure

    _v = field_validator("item_name")(_regexes)

    def item_for(self, year: int, items: list[tuple[str, str]]) -> str | None:
        """The code of the year's Q&A/enquiry item among ``items`` ((code, name) pairs)."""
        codes = {code for code, _ in items}
        if self.items.get(year) in codes:
            return self.items[year]
        for code, name in items:
            if any(re.search(p, name.lower()) for p in self.item_name):
                return code
        return None


def load_moderation(path: str | Path | None = None) -> Moderation:
    path = Path(path) if path else MODERATION_FILE
    return _load(str(path.resolve()))


@cache
def _load(file: str) -> Moderation:
    try:
        data = yaml.safe_load(Path(file).read_text(encoding="utf-8"))
    except OSError as exc:
        raise RuleFileError([Problem(file, 0, "", f"อ่านไฟล์ไม่ได้ (cannot read file): {exc.strerror}")]) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise RuleFileError([Problem(file, mark.line + 1 if mark else 0, "",
                                     f"YAML ไม่ถูกต้อง (bad YAML): {getattr(exc, 'problem', None) or exc}")]) from None
    try:
        return Moderation.model_validate(data)
    except ValidationError as exc:
        problems = [Problem(file, 0, ".".join(str(p) for p in err["loc"]), err["msg"].removeprefix("Value error, "))
                    for err in exc.errors()]
        raise RuleFileError(problems) from None


if __name__ == "__main__":  # python -m rules.moderation [FILE]
    try:
        model = load_moderation(sys.argv[1] if len(sys.argv) > 1 else None)
    except RuleFileError as error:
        print("\n".join(error.lines()), file=sys.stderr)
        sys.exit(2)
    print(f"ถูกต้อง (ok): {len(model.categories)} หมวด, "
          f"{sum(len(c.strong) + len(c.weak) for c in model.categories)} คำ")
