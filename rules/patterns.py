"""A rule file's patterns compiled once, so matching a text costs one pass, not one regex per pattern.

Every pattern names literal text that must occur wherever it matches ("แผน(การ)?จัดซื้อ" needs "จัดซื้อ").
Those literals go into one Aho-Corasick automaton per signal (link text, URL, document text, exclusions):
a single C-speed pass over a key finds the few items that can match, and only their regexes run. A pattern
with no literal to require (rare) is always tried. Keys repeat a lot on agency sites (mega-menus), so
results are cached per key.
"""

from __future__ import annotations

import re
from functools import lru_cache, partial
from re import _constants as sre_constants
from re import _parser as sre_parser

import ahocorasick

from rules.fuzzy import FuzzyNames
from rules.schema import Element, Item, RuleFile
from rules.thai import loosen, short_key


def _best(options: list[list[str]]) -> list[str] | None:
    """The set of alternative literals whose shortest member is longest: the most selective filter."""
    usable = [o for o in options if o and all(o)]
    return max(usable, key=lambda o: min(map(len, o))) if usable else None


def _required(seq) -> list[str] | None:
    """Literals one of which occurs in every match of a parsed regex sequence, or None."""
    options: list[list[str]] = []
    run: list[str] = []
    for op, arg in seq:
        if op is sre_constants.LITERAL:
            run.append(chr(arg))
            continue
        if run:
            options.append(["".join(run)])
            run = []
        if op is sre_constants.SUBPATTERN:
            inner = _required(list(arg[3]))
            if inner:
                options.append(inner)
        elif op is sre_constants.BRANCH:
            branches = [_required(list(b)) for b in arg[1]]
            if all(branches):
                options.append([lit for b in branches for lit in b])
        elif op in (sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT) and arg[0] >= 1:
            inner = _required(list(arg[2]))
            if inner:
                options.append(inner)
    if run:
        options.append(["".join(run)])
    return _best(options)


def required_literals(pattern: str) -> list[str] | None:
    return _required(list(sre_parser.parse(pattern)))


class MultiMatcher:
    """Which items' patterns occur in a key: one automaton pass, then only the patterns whose literals occur,
    each compiled alone. An alternation of 47 patterns is searched 3–4× slower than its parts one by one: it
    loses each pattern's scan for its own first letters."""

    def __init__(self, patterns: dict[str, list[str]], loose: bool = False):
        self.bounded: dict[str, re.Pattern] = {}  # the patterns without '.*' gaps: their matches have a true extent
        self._patterns: list[tuple[str, re.Pattern]] = []  # (code, one pattern): what the automaton points to
        self._of_code: dict[str, list[re.Pattern]] = {}
        self._always: set[int] = set()
        literals: dict[str, set[int]] = {}
        for code, pats in patterns.items():
            pats = [loosen(p) if loose else p for p in pats]
            if not pats:
                continue
            bounded = [p for p in pats if not _UNBOUNDED.search(p)]
            if bounded:
                self.bounded[code] = any_of(bounded)
            for pattern in pats:
                index = len(self._patterns)
                self._patterns.append((code, re.compile(pattern, re.DOTALL)))
                self._of_code.setdefault(code, []).append(self._patterns[index][1])
                found = required_literals(pattern)
                if found is None:
                    self._always.add(index)
                    continue
                for literal in found:
                    literals.setdefault(literal, set()).add(index)
        self.automaton = None
        if literals:
            self.automaton = ahocorasick.Automaton()
            for literal, indexes in literals.items():
                self.automaton.add_word(literal, frozenset(indexes))
            self.automaton.make_automaton()
        self.match = lru_cache(maxsize=200_000)(self._match)

    def _match(self, key: str) -> frozenset[str]:
        if not key or not self._patterns:
            return frozenset()
        plausible = set(self._always)
        if self.automaton is not None:
            for _, indexes in self.automaton.iter(key):
                plausible |= indexes
        found: set[str] = set()
        for index in sorted(plausible):
            code, regex = self._patterns[index]
            if code not in found and regex.search(key):
                found.add(code)
        return frozenset(found)

    def search(self, code: str, key: str) -> bool:
        """Whether one item's patterns occur in a key (a page's whole text: no automaton pass for one item)."""
        return any(regex.search(key) for regex in self._of_code.get(code, ()))


class AnyOf:
    """Whether any of a list of page patterns (placeholder, not-found, index page) occurs in a key, the way
    :class:`MultiMatcher` asks it of the items' patterns."""

    def __init__(self, patterns: list[str]):
        self._matcher = MultiMatcher({"any": patterns})

    def search(self, key: str) -> bool:
        return bool(self._matcher.match(key))


_UNBOUNDED = re.compile(r"(?<!\\)\.[*+]|\{\d*,\}")


def any_of(patterns: list[str], loose: bool = False) -> re.Pattern:
    """One regex matching any of the patterns (loosened for broken Thai text layers when asked)."""
    return re.compile("|".join(f"(?:{loosen(p) if loose else p})" for p in patterns), re.DOTALL)


# a year phrase ending a strict key: (ประจำ)ปี(งบประมาณ) (พ.ศ.) 2566, Thai or Arabic digits, or a range; also
# 'ของปีงบ 2568', 'สำหรับปีงบประมาณ 2568', 'ตลอดปีงบประมาณ 2568', 'พุทธศักราช 2568' (the long form of พ.ศ.)
YEAR_TAIL = re.compile(r"\(?(ของ|สำหรับ|แห่ง|ตลอด)?(ประจำ)?(ปี(งบประมาณ|งบฯ?)?)?(พ\.ศ\.?|พุทธศักราช)?[0-9๐-๙]{4}"
                       r"([-–][0-9๐-๙]{4})?\)?$")
# 'ฯ' stands for the words a long name leaves out ('รายงานสรุปผลการจัดซื้อจัดจ้างฯ ประจำปี'); 'ฯลฯ' (etc.) is kept
ELLIPSIS = re.compile("(?<!ล)ฯ(?!ล)")
# an English year phrase before the year ('Fiscal Year B.E. 2567', 'FY2567', 'B.E. 2567'): names are also tried
# with its Thai form, which the patterns know ('ปีงบประมาณ 2567', 'พ.ศ. 2567')
ENGLISH_YEAR = re.compile(r"(?:(?:fiscal|budget)year|fy)(?:b\.?e\.?)?(?=[0-9๐-๙]{4})|(?<![a-z])b\.?e\.?(?=[0-9๐-๙]{4})")


def _thai_year(match: re.Match) -> str:
    return "พ.ศ." if match.group(0).startswith("b") else "ปีงบประมาณ"


# whose the named thing is, after the name ('โครงสร้างของ รร.บ้านแม่สาย', 'แผนพัฒนาของ ทม.ท่าศาลา (2568–2572)'): the
# agency's own name says nothing of the item, and whole-name patterns are tried without it
AGENCY_OF = re.compile(r"(ของ|แห่ง)(องค์การบริหารส่วน(ตำบล|จังหวัด)|อบ[ตจ]\.?|เทศบาล(ตำบล|เมือง|นคร)?|ท[ตมน]\.|โรงเรียน|รร\."
                       r"|โรงพยาบาล|รพ\.(สต\.)?|สถานศึกษา|หน่วยงาน)(?!.{0,20}(อื่น|ในสังกัด|ภายนอก|ข้างเคียง|ใกล้เคียง|เครือข่าย|ต่างๆ))"
                       r"((?!เรื่อง|ประจำ|ปีงบ|การ)[^()\[\]0-9๐-๙|:]){0,20}(?=$|[(\[0-9๐-๙])")
# an English gloss in brackets inside a Thai name ('แผนปฏิบัติการ (Action Plan) ประจำปี'): names are also tried without it
GLOSS = re.compile(r"\([a-z][a-z0-9.&'/-]{1,40}\)")


MIN_IDENTIFYING_ELEMENTS = 3  # e.g. contact: an address, a phone number and an e-mail


class CompiledElement:
    """One required element's patterns, strict and loose, with the wording it must not be counted from."""

    def __init__(self, element: Element):
        self.element = element
        self.name = element.name
        self.html = element.html
        self.strict = any_of(element.any) if element.any else None
        self.loose = any_of(element.any, loose=True) if element.any else None
        self.ignore = any_of(element.ignore) if element.ignore else None
        self.ignore_loose = any_of(element.ignore, loose=True) if element.ignore else None

    def in_text(self, key: str, loose_key: str) -> bool:
        """Whether a text (strict and loose keys) gives the element, once the ignored wording is taken out."""
        if self.strict is None:
            return False
        if self.ignore is not None:
            key, loose_key = self.ignore.sub("", key), self.ignore_loose.sub("", loose_key)
        return bool(self.strict.search(key) or self.loose.search(loose_key))


class CompiledRules:
    """Everything the matcher needs from one rule file, compiled once."""

    def __init__(self, rules: RuleFile):
        self.rules = rules
        self.items: dict[str, Item] = {item.code: item for item in rules.oit.items}
        items = rules.oit.items
        self.names = MultiMatcher({i.code: i.find.link_text for i in items})
        self.names_loose = MultiMatcher({i.code: i.find.link_text + i.find.text for i in items}, loose=True)
        self.exclude = MultiMatcher({i.code: i.find.exclude for i in items})
        self.exclude_loose = MultiMatcher({i.code: i.find.exclude for i in items}, loose=True)
        self.urls = MultiMatcher({i.code: i.find.url for i in items})
        self.fuzzy = FuzzyNames({i.code: [i.name, *i.find.aliases] for i in items})
        self.external_hosts = {i.code: {h.lower() for h in i.find.external_hosts} for i in items}
        pages = rules.pages
        self.placeholder = AnyOf(pages.placeholder)
        self.not_found = AnyOf(pages.not_found)
        self.index_page = AnyOf(pages.index_page)
        self.elements = {i.code: [CompiledElement(e) for e in i.require] for i in items}
        # items whose required elements are enough to recognise their page (contact: address, phone, e-mail)
        self.identifiable = frozenset(code for code, elements in self.elements.items()
                                      if len(elements) >= MIN_IDENTIFYING_ELEMENTS)

        self.named = lru_cache(maxsize=200_000)(self._named)
        # While the crawl runs (ranking links, counting what is found): the names as written. Mending slips needs
        # the Thai dictionary, which the warm-up loads beside the crawl, not in the crawl's own thread.
        self.named_as_written = lru_cache(maxsize=200_000)(partial(self._named, respell=False))

    def warm(self) -> None:
        """Do now what matching would otherwise do first (the fuzzy fallback's dictionary), so it can overlap
        the crawl."""
        self.fuzzy.warm()

    def _named(self, key: str, respell: bool = True) -> frozenset[str]:
        """Items a link text, title or heading names (strict key), less the ones it excludes, less the ones
        whose name sits inside a more specific item's name in the same text. A name followed only by its
        year ('มาตรการภายใน ปีงบประมาณ พ.ศ.2566') is that name: whole-name patterns are tried without it, and
        without an English gloss in brackets, a 'ฯ' marking words left out or whose it is ('…ของ อบต.บางพระ'), and
        with an English year phrase in Thai. A key that names nothing is read again with its slips of the pen
        mended ('แผนยุทธศาสต์'), unless ``respell`` is false."""
        found, excluded = self._names_in(key), self.exclude.match(key)
        if not found and respell:
            respelled = self.fuzzy.respelled(key)
            if respelled != key:  # what the text as written rules out stays ruled out
                key, found = respelled, self._names_in(respelled)
                excluded |= self.exclude.match(respelled)
        return most_specific(key, found - excluded, self.names.bounded)

    def _names_in(self, key: str) -> frozenset[str]:
        found = self.names.match(key)
        for plain in {key, GLOSS.sub("", key), ELLIPSIS.sub("", key), ENGLISH_YEAR.sub(_thai_year, key),
                      AGENCY_OF.sub("", key)}:
            if plain != key and plain:
                found |= self.names.match(plain)
            bare = YEAR_TAIL.sub("", plain)
            if bare != plain and bare:
                found |= self.names.match(bare)
        return found

    def fuzzy_named(self, text: str) -> list[str]:
        """Items the word fallback finds a text close to, less those whose exclude patterns the text matches:
        'รายงานผลการดำเนินงานตามแผนพัฒนาบุคลากร' is close to the annual report's name, but its 'บุคลากร' is what
        the annual report's patterns already rule out."""
        found = self.fuzzy.match(text)
        if not found:
            return []
        excluded = self.exclude.match(short_key(text))
        return [code for code in found if code not in excluded]

    def named_loose(self, key: str) -> frozenset[str]:
        """The same on a loose key, for document text whose Thai text layer is broken."""
        return most_specific(key, self.names_loose.match(key) - self.exclude_loose.match(key), self.names_loose.bounded)


# Two names matched over mostly the same letters are one name read two ways: 'ผลการดำเนินการตามแผนจัดการความ
# เสี่ยงทุจริต' holds the risk plan ('แผนจัดการความเสี่ยง') inside the wider risk actions it names.
SAME_STRETCH = 0.5


def most_specific(key: str, codes: frozenset[str], regex: dict[str, re.Pattern]) -> frozenset[str]:
    """Sibling items whose names contain each other go to the most specific one.

    'การดำเนินการตามมาตรการส่งเสริมคุณธรรม' also contains 'มาตรการส่งเสริมคุณธรรม'; the text names the
    action report, so the measures item is dropped for it; so is a name whose match lies mostly within a
    longer match of another item's. Items named in different parts of one text
    (a page holding both) are all kept. Only matches of patterns without '.*' gaps have an extent to
    compare, so ``regex`` holds those patterns alone.
    """
    if len(codes) < 2:
        return codes
    spans = {}
    for code in codes:
        match = regex[code].search(key) if code in regex else None
        if match:
            spans[code] = match.span()
    kept = set(codes)
    for code, (start, end) in spans.items():
        for other, (o_start, o_end) in spans.items():
            overlap = min(end, o_end) - max(start, o_start)
            if other != code and (o_end - o_start) > (end - start) and overlap >= SAME_STRETCH * (end - start):
                kept.discard(code)
                break
    return frozenset(kept)
