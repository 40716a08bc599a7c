"""A tolerant fallback: a link text or title whose Thai words cover an item's name (or one of its aliases).

Patterns catch the wordings someone has seen; agencies keep inventing new ones ("รายงานผลการปฏิบัติตาม
นโยบายไม่รับของขวัญ" for "รายงานผลการดำเนินการตามนโยบาย No Gift Policy"). Comparing word tokens (pythainlp
``newmm``) finds unseen orderings and fillers of the same phrase. It only *proposes* a candidate: the page
must still pass the content checks, so a loose match can never make an item present by itself.

Tokenising costs ~80 µs a text and the dictionary 0.5 s to load, so texts are screened first with an
Aho-Corasick pass over the names' distinctive words, and the tokenizer is loaded only when needed.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path

import ahocorasick

from rules.thai import strict_key

os.environ.setdefault("PYTHAINLP_READ_ONLY", "1")
os.environ.setdefault("PYTHAINLP_OFFLINE", "1")

SYNONYMS = Path(__file__).with_name("synonyms.yaml")
# An agency's own name in a link text ('Facebook อบต.บ้านนาดี', '…ของเทศบาลตำบลหนองปลาไหล') says nothing of the
# item, and its place words would count against the match: the kind of agency and the name after it go.
_AGENCY = re.compile(r"(องค์การบริหารส่วน(ตำบล|จังหวัด)|อบต\.|อบจ\.|เทศบาล(ตำบล|เมือง|นคร)?|ทต\.|ทม\.|ทน\.)\s*\S*")

# Words that carry no meaning of their own in item names and link texts.
# The budget year and period words an English title ends with ('… Plan FY2568', '… (Current Fiscal Year)')
_ENGLISH_PERIOD = frozenset({"budget", "fiscal", "year", "fy", "current", "previous", "full"})
STOPWORDS = frozenset({
    "การ", "ความ", "ของ", "และ", "หรือ", "ใน", "ที่", "ให้", "เพื่อ", "ประจำ", "ปี", "ปีงบประมาณ", "งบประมาณ",
    "พ.ศ.", "พ.ศ", "พศ", "ภาครัฐ", "เรื่อง", "ตาม", "ด้าน", "ต่อ", "กับ", "แก่", "ฯ", "ๆ", "ได้", "มี", "เป็น", "จาก", "โดย",
    "ข้อมูล", "เกี่ยวกับ", "สำหรับ", "ฉบับ", "ทั้ง", "ระดับ", "อบต", "อบต.", "เทศบาล", "องค์การบริหารส่วนตำบล", "ตำบล",
    # English function words, and the budget and period words Thai names leave out as well (งบประมาณ, ปี)
    "the", "of", "and", "for", "on", "to", "in", "a", "an", "&", "by", "under", "with", "from", "at", "as",
    "data", "information", "resource", "resources",
}) | _ENGLISH_PERIOD
MIN_COVERAGE = 0.75  # share of the name's letters whose words the text has
MIN_PRECISION = 0.45  # share of the text's letters that belong to the name's words
MIN_SHARED = 2  # words in common
SUBSET_COVERAGE = 0.5  # ... or, when every word of the text is the name's, this share of the name
SUBSET_WORDS = 4  # ... or this many of its words (a long name: the No Gift Policy declaration's)
SUBSET_LETTERS = 20  # ... of this many letters
ANCHOR_MIN = 4  # a distinctive word has at least this many letters
# What kind of document a text names, from its first word: 'คู่มือ…' is a manual and never the complaint channel
# whose name shares its other words, 'สถิติ…' statistics. A name without that word is not what the text names.
KIND_WORDS = frozenset({"แผน", "รายงาน", "คู่มือ", "สถิติ", "ช่องทาง", "ประกาศ", "สรุป", "มาตร", "นโยบาย", "ทะเบียน"})
# ... and a plan is also 'แผนการ', a dictionary word the tokenizer keeps whole ('แผนการจัดซื้อจัดจ้าง')
KIND_ALSO = {"แผน": frozenset({"แผนการ"})}
# The period a report covers: a six-monthly report is not the yearly one, nor the reverse.
PERIODS = (frozenset({"รอบ"}), frozenset({"ประจำปี"}), frozenset({"รายเดือน"}))
_PERIOD_WORDS = frozenset().union(*PERIODS)
FILLERS = ("การ", "งาน")  # words that only make a noun of the next (การบริหาร, งานบุคคล), stripped from a token
SPLIT_MIN = 4  # each half of a compound split in two has at least this many letters
SLIP_MIN = 6  # letters of a name's word that a text's word one slip away from it is read as
SLIP_MIN_LATIN = 7  # ... of an English one ('e-service' for 'E-Sevice'; not 'policy', one slip from 'police')


# An English title says its kind with its last word ('Gift Receipt Report'), a Thai one with its first
ENGLISH_KINDS = {"report": "รายงาน", "reports": "รายงาน", "plan": "แผน", "plans": "แผน", "manual": "คู่มือ",
                 "handbook": "คู่มือ", "statistics": "สถิติ", "channels": "ช่องทาง", "announcement": "ประกาศ",
                 "declaration": "ประกาศ", "summary": "สรุป", "measures": "มาตร", "policy": "นโยบาย",
                 "register": "ทะเบียน", "progress": "กำกับ", "disclosure": "รายงาน"}  # progress: what the monitoring (กำกับติดตาม) reports give


_LATIN_WORD = re.compile(r"[a-z]+")
_THAI_LETTER = re.compile("[\u0e01-\u0e4e]")
_BRACKETED = re.compile(r"\([^)]*\)")
_ENGLISH_LINKS = frozenset({"of", "on", "under", "for", "about", "regarding"})
_ENGLISH_TAIL = _ENGLISH_PERIOD | {"b", "e", "be", "annual", "edition", "version", "updated"}


def _leading_kinds(ordered: tuple[str, ...], text: str = "") -> frozenset[str]:
    """The kind words a text opens with ('รายงานสถิติ…': a report of statistics is either), or, for a title
    in English (``text``, before its words became Thai ones), the kind its last word names."""
    kinds = set()
    for word in ordered:
        if word not in KIND_WORDS:
            break
        kinds.add(word)
    # the words before a qualifier in brackets ('Procurement Report (Annual)'), read back from the last while
    # they name kinds ('Service Statistics Report': statistics and a report, as 'รายงานสถิติ…' is)
    if not kinds and not _THAI_LETTER.search(text):
        latin = _LATIN_WORD.findall(_BRACKETED.sub("", text).lower())
        # 'Results of the HR Plan' is results: the head noun comes before 'of', 'on', 'under', 'for'
        head = next((n for n, word in enumerate(latin) if word in _ENGLISH_LINKS), len(latin))
        latin = latin[:head]
        while latin and latin[-1] in _ENGLISH_TAIL:  # 'HR Development Plan FY2568', '…, Fiscal Year 2569'
            latin.pop()
        while latin and latin[-1] in ENGLISH_KINDS:
            kinds.add(ENGLISH_KINDS[latin.pop()])
    return frozenset(kinds).union(*(KIND_ALSO.get(kind, ()) for kind in kinds))


@lru_cache(maxsize=50_000)
def words(text: str) -> tuple[str, ...]:
    """Meaningful word keys of a Thai text (tokens as strict keys, stop words and numbers dropped)."""
    out = []
    for key in _token_keys(text):
        for part in _latin_pieces(key) or _parts(key):
            if part not in STOPWORDS and not part.isdigit() and any(ch.isalpha() for ch in part):
                out.extend(_synonyms().get(part, (part,)))
    return tuple(dict.fromkeys(out))


def _token_keys(text: str):
    """The text's tokens (newmm, the agency's own name left out) as strict keys, without the punctuation round
    them."""
    from pythainlp.tokenize import word_tokenize

    for token in word_tokenize(_AGENCY.sub(" ", text), engine="newmm", custom_dict=_dictionary(),
                               keep_whitespace=False):
        yield strict_key(token).strip(".-()[]:/,\"'“”")


def _latin_pieces(key: str) -> list[str]:
    """An English compound's words ('anti-corruption', 'six-month'), each of three letters or more; 'e-service'
    stays whole."""
    pieces = key.split("-") if "-" in key and key.isascii() and key not in _synonyms() else []
    return pieces if len(pieces) > 1 and all(len(p) >= 3 and p.isalpha() for p in pieces) else []


# Dictionary words that make newmm cut the commonest phrases of item names wrongly: with 'งานการ', 'รายงานการ…'
# was cut 'ราย' + 'งานการ'; with 'ทางการ' ("official"), 'ช่องทางการ…' and 'แนวทางการ…' lost 'ช่องทาง' and 'แนวทาง'.
MISLEADING_WORDS = frozenset({"งานการ", "ทางการ"})


@lru_cache(maxsize=1)
def _dictionary():
    """The tokenizer's dictionary less :data:`MISLEADING_WORDS`."""
    from pythainlp.corpus import thai_words
    from pythainlp.util import Trie

    return Trie(thai_words() - MISLEADING_WORDS)


@lru_cache(maxsize=1)
def _synonyms() -> dict[str, tuple[str, ...]]:
    """rules/synonyms.yaml as word -> the word(s) item names use for it."""
    import yaml

    table: dict[str, tuple[str, ...]] = {}
    for entry in yaml.safe_load(SYNONYMS.read_text(encoding="utf-8")) or []:
        for word in entry["for"]:
            table[strict_key(str(word)).lower()] = tuple(strict_key(str(w)).lower() for w in entry["use"])
    return table


@lru_cache(maxsize=20_000)
def _parts(key: str) -> tuple[str, ...]:
    """A compound the dictionary holds whole ('อำนาจหน้าที่') as its two words ('อำนาจ', 'หน้าที่'), so that
    'หน้าที่และอำนาจ' shares them; a word that is no such pair stays whole."""
    from pythainlp.corpus import thai_words

    if key in STOPWORDS:
        return (key,)  # 'หน่วยงาน' is a stop word, not 'หน่วย' + the filler 'งาน'
    known = thai_words()
    for filler in FILLERS:  # 'การบริหาร' is 'บริหาร', 'งานบุคคล' 'บุคคล', 'ปฏิบัติการ' 'ปฏิบัติ'
        if key.startswith(filler) and len(key) - len(filler) >= SPLIT_MIN and key[len(filler):] in known:
            return _parts(key[len(filler):])
        if key.endswith(filler) and len(key) - len(filler) >= SPLIT_MIN and key[:-len(filler)] in known:
            return _parts(key[:-len(filler)])
    if len(key) < 2 * SPLIT_MIN:
        return (key,) if key else ()
    best = None
    for cut in range(SPLIT_MIN, len(key) - SPLIT_MIN + 1):
        head, tail = key[:cut], key[cut:]
        if head in known and tail in known and (best is None or min(len(head), len(tail)) > min(map(len, best))):
            best = (head, tail)
    return _parts(best[0]) + _parts(best[1]) if best else (key,)


def _one_slip(text: str, word: str) -> bool:
    """Whether ``text`` is ``word`` with one letter wrong, missing or extra, or two neighbours swapped."""
    if text == word or abs(len(text) - len(word)) > 1:
        return False
    i = 0
    while i < min(len(text), len(word)) and text[i] == word[i]:
        i += 1
    if len(text) == len(word):
        swapped = i + 1 < len(word) and text[i] == word[i + 1] and text[i + 1] == word[i]
        return text[i + 1:] == word[i + 1:] or (swapped and text[i + 2:] == word[i + 2:])
    if len(text) > len(word):
        return text[i + 1:] == word[i:]
    return text[i:] == word[i + 1:]


# Thai vowels and marks that follow a consonant: no word starts with one, and a stretch that stops before one
# cuts a syllable in two
_FOLLOWING = frozenset("\u0e30\u0e31\u0e32\u0e33\u0e34\u0e35\u0e36\u0e37\u0e38\u0e39\u0e3a\u0e45\u0e47\u0e48"
                       "\u0e49\u0e4a\u0e4b\u0e4c\u0e4d\u0e4e")
_REACH = 12  # letters back that a dictionary word running into the stretch may start


def _latin_at(text: str, at: int) -> bool:
    return 0 <= at < len(text) and text[at].isascii() and text[at].isalnum()


def _stands_alone(text: str, start: int, stop: int, trie) -> bool:
    """Whether text[start:stop] can be a word of its own: it starts and ends on whole syllables (whole words, in
    English), no dictionary word starting with it runs on past it, and none begun before it runs into it."""
    if text[start] in _FOLLOWING or (stop < len(text) and text[stop] in _FOLLOWING):
        return False
    if text[start].isascii():  # an English word ends at anything but an English letter or digit ('ระบบe-sevice')
        return not _latin_at(text, start - 1) and not _latin_at(text, stop)
    if any(len(w) > stop - start for w in trie.prefixes(text[start:start + stop - start + 20])):
        return False
    return not any(begin + len(w) > start for begin in range(max(0, start - _REACH), start)
                   for w in trie.prefixes(text[begin:begin + 40]) if len(w) >= 3)


def _weight(tokens) -> int:
    return sum(len(t) for t in tokens)


@dataclass
class FuzzyNames:
    """Each item's official name and aliases as word sets."""

    names: dict[str, list[str]]  # item code -> names (official first)

    @cached_property
    def _words(self) -> dict[str, list[frozenset[str]]]:
        return {code: [frozenset(words(n)) for n in names if words(n)] for code, names in self.names.items()}

    @cached_property
    def _anchors(self):
        automaton = ahocorasick.Automaton()
        anchors = {w for variants in self._words.values() for ws in variants for w in ws if len(w) >= ANCHOR_MIN}
        # a synonym of a name's word ('เฟซบุ๊ก' for 'social network') is as distinctive as the word
        anchors |= {word for word, stands_for in _synonyms().items() if anchors & set(stands_for)}
        for word in anchors:
            automaton.add_word(word, word)
        if anchors:
            automaton.make_automaton()
        return automaton if anchors else None

    def warm(self) -> None:
        """Load the tokenizer and its dictionary (0.4 s) and word the names now, e.g. while a crawl runs."""
        _ = self._anchors  # words every name: the tokenizer, its dictionary and the synonyms load
        _ = self._spellings

    def worth_trying(self, key: str) -> bool:
        """A cheap screen on the text's strict key: does it hold any distinctive word of any name?"""
        anchors = self._anchors
        return anchors is not None and next(anchors.iter(key), None) is not None

    def kinds_fit(self, text: str, code: str) -> bool:
        """Whether what the text says it is ('รายงาน…', 'แผน…') is a kind some name of the item is: a report
        titled in unknown words is not a declaration, whatever row of the agency's ITA index links it."""
        kinds = _leading_kinds(words(text), text)
        return not kinds or any(kinds & name for name in self._words.get(code, ()))

    @cached_property
    def _spellings(self):
        """The names' long Thai words (before they are split into parts: 'ยุทธศาสตร์', 'ร้องเรียน') by their two
        halves: a word written with one letter wrong, missing, extra or two swapped keeps one half whole."""
        long_words = {key for names in self.names.values() for name in names for key in _token_keys(name)
                      if len(key) >= (SLIP_MIN if _THAI_LETTER.search(key) else SLIP_MIN_LATIN)}
        halves: dict[str, set[tuple[str, int]]] = {}
        for word in long_words:
            middle = len(word) // 2
            halves.setdefault(word[:middle], set()).add((word, 0))
            halves.setdefault(word[middle:], set()).add((word, middle))
        automaton = ahocorasick.Automaton()
        for half, entries in halves.items():
            automaton.add_word(half, (len(half), tuple(sorted(entries))))
        if halves:
            automaton.make_automaton()
        return automaton if halves else None

    def respelled(self, text: str) -> str:
        """The text with each word one slip from a long word of the names ('แผนยุทธศาสต์', 'สถิติเรื่อง
        ร้องเรียง', 'ความเสื่ยง', 'ส่งเสิรม') written as the names write it. Only a stretch that can be a word
        of its own is mended: not one that is a dictionary word ('เสียง' beside 'เสี่ยง', 'บริการ' beside
        'บริหาร'), nor part of a longer one ('องค์กา' of 'องค์การ', 'ติตาม' of 'ปฏิบัติตาม'), nor one that starts
        or ends inside a letter cluster or, in English, inside a word ('f-service' of 'Self-Service'), nor one
        whose first letter differs."""
        from pythainlp.corpus import thai_words

        automaton = self._spellings
        if automaton is None:
            return text
        known, trie = thai_words(), _dictionary()
        fixes: dict[int, tuple[int, str]] = {}
        for end, (length, entries) in automaton.iter(text):
            for word, offset in entries:
                for size in (len(word), len(word) - 1, len(word) + 1):  # a wrong letter first, then one missing
                    start = end - length + 1 if offset == 0 else end + 1 - size
                    window = text[start:start + size] if start >= 0 else ""
                    if window == word or window in known or any(
                            window.startswith(f) and window[len(f):] in known for f in FILLERS):
                        break  # spelled right here, or another word ('การบริการ' is not 'การบริหาร')
                    # the first letter is kept: a slip there makes another word ('ผิดต่อ' is not 'ติดต่อ')
                    if len(window) == size and window[0] == word[0] and _one_slip(window, word) and _stands_alone(
                            text, start, start + size, trie):
                        fixes.setdefault(start, (start + size, word))
                        break
        out, at = [], 0
        for start in sorted(fixes):
            stop, word = fixes[start]
            if start >= at:
                out += [text[at:start], word]
                at = stop
        return "".join(out) + text[at:] if out else text

    def match(self, text: str) -> dict[str, float]:
        """Items whose name the text covers (or, a short text, whose name holds every word of it: 'ประมวล
        จริยธรรม'), with how alike the two are; only the most alike items are kept. A text that covers none is
        tried again with its slips of the pen mended (:meth:`respelled`)."""
        found = self._match(text)
        if not found:
            respelled = self.respelled(text)
            if respelled != text:
                found = self._match(respelled)
        return found

    def _match(self, text: str) -> dict[str, float]:
        key = strict_key(text)
        if not key or not self.worth_trying(key):
            return {}
        ordered = words(text)
        have = frozenset(ordered)
        if not have:
            return {}
        kinds = _leading_kinds(ordered, text)
        periods = [period for period in PERIODS if period & have]
        scores: dict[str, float] = {}
        for code, variants in self._words.items():
            for name in variants:
                if kinds and not kinds & name:
                    continue
                if periods and not any(period & name for period in periods) and any(
                        period & name for period in PERIODS):
                    continue
                # the kind the text states, in the name's word for it ('Plan' is the 'แผนการ' a name says)
                said = have | (kinds & name)
                shared = name & said
                if len(shared) < min(MIN_SHARED, len(name), len(said)):
                    continue
                coverage = _weight(shared) / _weight(name)
                precision = _weight(shared) / _weight(said)
                # a short text all of whose words are the name's (a period the name does not state aside)
                within = shared == said - (_PERIOD_WORDS - name) and (
                    coverage >= SUBSET_COVERAGE or (len(shared) >= SUBSET_WORDS and _weight(shared) >= SUBSET_LETTERS))
                if (coverage >= MIN_COVERAGE and precision >= MIN_PRECISION) or within:
                    # ranked on both sides (weighted Jaccard): coverage alone prefers the shortest name the text
                    # contains, so 'สรุปผลการจัดซื้อจัดจ้างรายเดือน' went to the yearly summary
                    score = _weight(shared) / _weight(name | said)
                    scores[code] = max(scores.get(code, 0.0), score)
        if not scores:
            return {}
        best = max(scores.values())
        return {code: score for code, score in scores.items() if score >= best - 1e-9}
