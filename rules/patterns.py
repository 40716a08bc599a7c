"""A rule file's patterns compiled once into a few combined regular expressions.

For each signal (link text, URL, document text, exclusions) all items' patterns become one regex of
optional lookaheads anchored at the start, one named group per item::

    \\A(?=(?P<O1>.*?(?:p1|p2)))?(?=(?P<O2>.*?(?:p3)))?...

A single ``match`` call then tells every item whose patterns occur anywhere in the text: the scan over
items and patterns runs inside the regex engine, not in a Python loop. Keys repeat a lot on agency sites
(mega-menus), so results are cached per key.
"""

from __future__ import annotations

import re
from functools import lru_cache

from rules.schema import Item, RuleFile
from rules.thai import loosen

_GROUP = re.compile(r"[^0-9A-Za-z_]")


def _group_name(code: str) -> str:
    return "g_" + _GROUP.sub("_", code)


class MultiMatcher:
    """Which items' patterns occur in a key: one regex call per distinct key."""

    def __init__(self, patterns: dict[str, list[str]], loose: bool = False):
        self.codes = {_group_name(code): code for code, pats in patterns.items() if pats}
        parts = []
        for code, pats in patterns.items():
            if not pats:
                continue
            alternatives = "|".join(f"(?:{loosen(p) if loose else p})" for p in pats)
            parts.append(f"(?=(?P<{_group_name(code)}>.*?(?:{alternatives})))?")
        self.regex = re.compile(r"\A" + "".join(parts), re.DOTALL) if parts else None
        self.match = lru_cache(maxsize=200_000)(self._match)

    def _match(self, key: str) -> frozenset[str]:
        if self.regex is None or not key:
            return frozenset()
        found = self.regex.match(key)
        return frozenset(self.codes[g] for g, v in found.groupdict().items() if v is not None)


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
        self.text = MultiMatcher({i.code: i.find.text for i in items})
        self.external_hosts = {i.code: {h.lower() for h in i.find.external_hosts} for i in items}
        pages = rules.pages
        self.placeholder = re.compile("|".join(f"(?:{p})" for p in pages.placeholder))
        self.not_found = re.compile("|".join(f"(?:{p})" for p in pages.not_found))
        self.index_page = re.compile("|".join(f"(?:{p})" for p in pages.index_page))
        self.elements = {
            i.code: [(e, re.compile("|".join(f"(?:{p})" for p in e.any)) if e.any else None,
                      re.compile("|".join(f"(?:{loosen(p)})" for p in e.any)) if e.any else None)
                     for e in i.require]
            for i in items
        }
        self.name_regex = {
            i.code: (re.compile("|".join(f"(?:{p})" for p in i.find.link_text)),
                     re.compile("|".join(f"(?:{loosen(p)})" for p in i.find.link_text)))
            for i in items
        }

    def named(self, key: str) -> frozenset[str]:
        """Items a link text, title or heading names (strict key), less the ones it excludes."""
        return self.names.match(key) - self.exclude.match(key)

    def named_loose(self, key: str) -> frozenset[str]:
        """The same on a loose key, for document text whose Thai text layer is broken."""
        return self.names_loose.match(key) - self.exclude_loose.match(key)
