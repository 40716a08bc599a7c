"""Read and validate yearly rule files, reporting every problem with its file and line.

YAML is composed first so each value keeps the line it came from; pydantic then checks the shape and the
cross-references (codes, sub-indicators) are checked here. ``ita rules check`` prints the problems; every
other caller gets a :class:`RuleFileError` carrying them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

import yaml
from pydantic import ValidationError

from model.errors import BadInput, ProblemsError
from rules.schema import RuleFile, SharedPageSignals

RULES_DIR = Path(__file__).resolve().parent
_FILE_RE = re.compile(r"^ita(\d{4})\.ya?ml$")
PAGES_FILE = RULES_DIR / "pages.yaml"  # the page patterns every year shares


@dataclass(frozen=True)
class Problem:
    file: str
    line: int
    where: str
    message: str

    def __str__(self) -> str:
        where = f" {self.where}:" if self.where else ""
        line = f"{self.line}:" if self.line else ""
        return f"{self.file}:{line}{where} {self.message}"


class RuleFileError(ProblemsError):
    """A rule file that cannot be used; each problem names its file and line."""


def _line_map(node: yaml.Node, path: tuple, lines: dict, problems: list, file: str) -> None:
    lines[path] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        seen: dict[str, int] = {}
        for key_node, value_node in node.value:
            key = key_node.value
            line = key_node.start_mark.line + 1
            if key in seen:
                problems.append(
                    Problem(file, line, _dotted(path + (key,)),
                            f"คีย์ซ้ำ (duplicate key) {key!r}, ครั้งแรกที่บรรทัด {seen[key]}")
                )
            seen[key] = line
            _line_map(value_node, path + (key,), lines, problems, file)
            lines[path + (key,)] = line
    elif isinstance(node, yaml.SequenceNode):
        for i, child in enumerate(node.value):
            _line_map(child, path + (i,), lines, problems, file)


def _dotted(path: tuple) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def _line_for(path: tuple, lines: dict) -> int:
    for end in range(len(path), -1, -1):
        if path[:end] in lines:
            return lines[path[:end]]
    return 1


def _cross_checks(data: dict, lines: dict, file: str) -> list[Problem]:
    """Codes unique, every item in a known sub-indicator, every sub-indicator in a known indicator."""
    problems: list[Problem] = []

    def problem(path: tuple, message: str) -> None:
        problems.append(Problem(file, _line_for(path, lines), _dotted(path), message))

    def unique(entries: list, path: tuple, label: str) -> set[str]:
        codes: dict[str, int] = {}
        for i, entry in enumerate(entries):
            code = str(entry.get("code")) if isinstance(entry, dict) else None
            if code is None:
                continue
            if code in codes:
                problem(path + (i, "code"), f"รหัส{label}ซ้ำ (duplicate code) {code!r} (ซ้ำกับลำดับที่ {codes[code]})")
            codes.setdefault(code, i)
        return set(codes)

    oit = data.get("oit") if isinstance(data.get("oit"), dict) else {}
    indicators = unique(oit.get("indicators") or [], ("oit", "indicators"), "ตัวชี้วัด")
    subs = unique(oit.get("subindicators") or [], ("oit", "subindicators"), "ตัวชี้วัดย่อย")
    unique(oit.get("items") or [], ("oit", "items"), "ข้อ")
    for i, sub in enumerate(oit.get("subindicators") or []):
        if isinstance(sub, dict) and str(sub.get("indicator")) not in indicators:
            problem(("oit", "subindicators", i, "indicator"),
                    f"ตัวชี้วัดย่อย {sub.get('code')!r} อยู่นอกตัวชี้วัดที่กำหนด (unknown indicator {sub.get('indicator')!r})")
    used_subs = set()
    for i, item in enumerate(oit.get("items") or []):
        if not isinstance(item, dict):
            continue
        sub = item.get("subindicator")
        used_subs.add(str(sub))
        if sub is None or str(sub) not in subs:
            problem(("oit", "items", i, "subindicator" if sub is not None else "code"),
                    f"ข้อ {item.get('code')!r} อยู่นอกตัวชี้วัดย่อยใด ๆ (item outside any sub-indicator: {sub!r})")
    for i, sub in enumerate(oit.get("subindicators") or []):
        if isinstance(sub, dict) and str(sub.get("code")) not in used_subs:
            problem(("oit", "subindicators", i, "code"), f"ตัวชี้วัดย่อย {sub.get('code')!r} ไม่มีข้อใดเลย (no items)")
    for survey in ("iit", "eit"):
        block = data.get(survey) if isinstance(data.get(survey), dict) else {}
        unique(block.get("indicators") or [], (survey, "indicators"), "ตัวชี้วัด")
        seen: dict[str, tuple] = {}
        for i, ind in enumerate(block.get("indicators") or []):
            for j, q in enumerate((ind or {}).get("questions") or []):
                code = q.get("code") if isinstance(q, dict) else None
                if code in seen:
                    problem((survey, "indicators", i, "questions", j), f"ข้อคำถามซ้ำ (duplicate question) {code!r}")
                seen.setdefault(code, (i, j))
    return problems


_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml: the 2,000-line rule files in 0.05 s, not 0.4 s


def _parse(text: str) -> tuple[yaml.Node | None, object]:
    """The document's node tree (for line numbers) and its data, from one parse."""
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        return node, (loader.construct_document(node) if node is not None else None)
    finally:
        loader.dispose()


def _read(path: Path) -> tuple[dict | None, dict, list[Problem]]:
    """A YAML mapping, the line of each of its keys and values, and what stops it being read."""
    file = str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        return None, {}, [Problem(file, 0, "", f"อ่านไฟล์ไม่ได้ (cannot read file): {exc.strerror}")]
    except UnicodeDecodeError as exc:
        return None, {}, [Problem(file, 0, "", f"ไฟล์ไม่ใช่ UTF-8 (not UTF-8): {exc}")]
    try:
        node, data = _parse(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark else 0
        reason = getattr(exc, "problem", None) or str(exc)
        return None, {}, [Problem(file, line, "", f"YAML ไม่ถูกต้อง (bad YAML): {reason}")]
    if not isinstance(data, dict):
        return None, {}, [Problem(file, 1, "", "ไฟล์กฎต้องเป็น mapping ของ YAML (rule file must be a YAML mapping)")]
    lines: dict = {}
    problems: list[Problem] = []
    _line_map(node, (), lines, problems, file)
    return data, lines, problems


def _validated(model_type, data: dict, lines: dict, file: str) -> tuple[object | None, list[Problem]]:
    """``data`` as ``model_type``, or the schema's complaints, each at its line, in Thai and English."""
    try:
        return model_type.model_validate(data), []
    except ValidationError as exc:
        problems = []
        for err in exc.errors():
            loc = tuple(err["loc"])
            msg = err["msg"].removeprefix("Value error, ")
            index = re.match(r"^\[(\d+)\] ", msg)
            if index:
                loc += (int(index.group(1)),)
                msg = msg[index.end():]
            if err["type"] == "extra_forbidden":
                msg = f"คีย์ที่ไม่รู้จัก (unknown key) {loc[-1]!r}"
            elif err["type"] == "missing":
                msg = f"ขาดคีย์ที่จำเป็น (missing key) {loc[-1]!r}"
            elif err["type"] == "too_short":
                msg = f"รายการว่าง (empty list): {msg}"
            problems.append(Problem(file, _line_for(loc, lines), _dotted(loc), msg))
        return None, problems


def check_pages(path: str | Path = PAGES_FILE) -> tuple[SharedPageSignals | None, list[Problem]]:
    """Validate rules/pages.yaml, the page patterns every year shares."""
    path = Path(path)
    data, lines, problems = _read(path)
    if data is None:
        return None, problems
    model, invalid = _validated(SharedPageSignals, data, lines, str(path))
    problems = sorted(problems + invalid, key=lambda p: p.line)
    return (model if not problems else None), problems


@lru_cache(maxsize=4)
def _shared_pages(path: str, version: tuple[int, int] | None) -> tuple[SharedPageSignals | None, tuple[Problem, ...]]:
    model, problems = check_pages(path)
    return model, tuple(problems)


def shared_pages() -> tuple[SharedPageSignals | None, list[Problem]]:
    """rules/pages.yaml, read again only when it changes."""
    model, problems = _shared_pages(str(PAGES_FILE), _version(PAGES_FILE))
    return model, list(problems)


def check_rules(path: str | Path) -> tuple[RuleFile | None, list[Problem]]:
    """Validate one rule file; return the model (when valid), with rules/pages.yaml's page patterns before its
    own, and every problem found (a problem of the shared file names that file)."""
    path = Path(path)
    file = str(path)
    data, lines, problems = _read(path)
    if data is None:
        return None, problems
    model, invalid = _validated(RuleFile, data, lines, file)
    problems += invalid
    problems += _cross_checks(data, lines, file)
    named = _FILE_RE.match(path.name)
    if named and isinstance(data.get("year"), int) and int(named.group(1)) != data["year"]:
        problems.append(Problem(file, lines.get(("year",), 1), "year",
                                f"ชื่อไฟล์เป็นปี {named.group(1)} แต่ year: {data['year']} (file name and year disagree)"))
    problems.sort(key=lambda p: p.line)
    shared, shared_problems = shared_pages()
    problems += shared_problems
    if problems or model is None or shared is None:
        return None, problems
    return model.model_copy(update={"pages": shared.plus(model.pages)}), []


def _version(path: Path) -> tuple[int, int] | None:
    try:
        stat = path.stat()
    except OSError:
        return None
    return stat.st_mtime_ns, stat.st_size


def load_rules(path: str | Path) -> RuleFile:
    """The checked rule file; read once per process while it and rules/pages.yaml are unchanged (the audit,
    then its reports, read the same file: 0.2 s each time)."""
    version = _version(Path(path))
    key = str(Path(path).resolve()) if version is not None else str(path)
    return _load_rules(key, version, _version(PAGES_FILE))


@lru_cache(maxsize=32)
def _load_rules(path: str, version: tuple[int, int] | None, shared_version: tuple[int, int] | None) -> RuleFile:
    model, problems = check_rules(path)
    if problems:
        raise RuleFileError(problems)
    assert model is not None
    return model


def shipped_rule_files() -> dict[int, Path]:
    """The rule files bundled with the tool, by assessment year (พ.ศ.)."""
    out = {}
    for path in sorted(RULES_DIR.glob("ita*.y*ml")):
        match = _FILE_RE.match(path.name)
        if match:
            out[int(match.group(1))] = path
    return out


def default_year() -> int:
    """The latest shipped year: adding next year's file makes it the default."""
    return max(shipped_rule_files())


@cache
def rules_for_year(year: int) -> RuleFile:
    files = shipped_rule_files()
    if year not in files:
        known = ", ".join(str(y) for y in files)
        raise RuleFileError([Problem(f"ita{year}.yaml", 0, "",
                                     f"ไม่มีไฟล์กฎของปี {year} (no rule file for year {year}); มี: {known}")])
    return load_rules(files[year])


GREGORIAN = range(1950, 2150)  # a year in this range was meant as ค.ศ.


def parse_year(text: str | int) -> int:
    """A พ.ศ. year from the command line (Thai or Arabic digits); a Gregorian year is refused with a hint."""
    raw = str(text).strip()
    digits = raw.translate(str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789"))
    if not digits.isdigit():
        raise BadInput(f"ปีต้องเป็นตัวเลข พ.ศ. เช่น 2569 (the year must be a Buddhist-era number such as 2569): {raw!r}")
    year = int(digits)
    if year in GREGORIAN:
        raise BadInput(f"ปี {year} เป็นปี ค.ศ. — ใช้ปี พ.ศ. (years are Buddhist era, พ.ศ.)",
                       hint=f"{year} → {year + 543} (พ.ศ. = ค.ศ. + 543)")
    return year


@dataclass(frozen=True)
class Selected:
    rules: RuleFile
    path: Path
    assumed: bool  # no year and no file given: the latest shipped year was taken


def select_rules(year: str | int | None = None, rules_file: str | Path | None = None) -> Selected:
    """The rule file for a command: ``--rules FILE`` and/or ``--year YEAR``, which must agree."""
    wanted = parse_year(year) if year is not None and str(year).strip() else None
    if rules_file:
        path = Path(rules_file)
        rules = load_rules(path)
        if wanted is not None and rules.year != wanted:
            raise BadInput(f"{path}: เป็นไฟล์กฎของปี {rules.year} แต่ระบุ --year {wanted} "
                           f"(the rule file is for {rules.year}, --year says {wanted})")
        return Selected(rules, path, False)
    files = shipped_rule_files()
    chosen = wanted if wanted is not None else default_year()
    if chosen not in files:
        known = ", ".join(str(y) for y in files)
        raise BadInput(f"ไม่มีไฟล์กฎของปี {chosen} (no rule file for year {chosen}); มี: {known}")
    return Selected(rules_for_year(chosen), files[chosen], wanted is None)


def resolve_rules(spec: str | int | None) -> RuleFile:
    """A year (2569, '๒๕๖๙'), a path to a rule file, or None for the default year."""
    if spec is None:
        return rules_for_year(default_year())
    text = str(spec).strip().translate(str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789"))
    if text.isdigit():
        return rules_for_year(int(text))
    return load_rules(text)
