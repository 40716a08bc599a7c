"""Property tests (hypothesis): the parsers that meet agency material never crash on arbitrary input.

The Thai normaliser, the year parser, the index-row parser, the HTML extractor, the IIT/EIT/OIT importer
and the rule loader each return a result or a clear error for any input. Example counts stay modest so the
whole suite stays fast; the seed is derandomised so a failure reproduces.
"""

from __future__ import annotations

import io
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from crawler.charset import repair_text
from crawler.documents import document_text
from crawler.extract import Extracted, extract_html
from crawler.health import retry_after_seconds
from crawler.robots import cap_robots
from crawler.urls import Scope, strip_credentials
from model.records import Link
from rules.candidates import codes_in
from rules.loader import check_rules, rules_for_year
from rules.thai import loose_key, repair, short_key, strict_key
from rules.years import years_in
from scoring.tables import InputError, read_oit, read_survey

FAST = settings(max_examples=60, deadline=None, derandomize=True,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
THAI = st.characters(min_codepoint=0x0E00, max_codepoint=0x0E7F)
# Thai letters and marks, digits (both kinds), punctuation and spaces: what agency text is made of.
AGENCY_TEXT = st.text(st.one_of(THAI, st.sampled_from("0123456789๐๑๒๓๔๕๖๗๘๙ -./:()พ.ศ.ปีงบประมาณ\u200b\u00a0\t\n")),
                      max_size=200)
ANY_TEXT = st.one_of(AGENCY_TEXT, st.text(max_size=200))


@FAST
@given(ANY_TEXT)
@example("เเผน")  # two sara e for sara ae
@example("\u0e33\u0e4d")  # a stray sara am
def test_thai_normaliser_returns_strings_and_is_stable(text):
    fixed = repair(text)
    assert isinstance(fixed, str)
    for key in (strict_key(text), loose_key(text), short_key(text)):
        assert isinstance(key, str) and " " not in key.strip()
    assert strict_key(fixed) == strict_key(repair(fixed))


@FAST
@given(ANY_TEXT)
@example("พ.ศ. ๒๕๖๖-๒๕๗๐")
@example("15 ธ.ค. 68")
@example("9" * 500)
def test_year_parser_returns_plausible_buddhist_years(text):
    years = years_in(strict_key(text))
    assert isinstance(years, frozenset)
    assert all(isinstance(y, int) and 2400 <= y <= 2700 for y in years)


@FAST
@given(ANY_TEXT, st.text(alphabet="Oo0123456789 .|-", max_size=40))
def test_index_row_parser_returns_item_codes(text, codes):
    found = codes_in(strict_key(text + " " + codes))
    assert isinstance(found, set) and all(isinstance(c, str) and c[:1] in "OoEeIi" for c in found)


HTML_BITS = st.sampled_from(["<a href='", "'>", "</a>", "<table><tr><td>", "</td></tr>", "<area href=/x>",
                             "<iframe src='", "<meta http-equiv=refresh content='0;url=", "javascript:window.open('",
                             "onclick=\"location.href='", "<script>", "</script>", "<base href='", "<!--", "-->",
                             "<title>", "</title>", "<h1>", "<div class=menu>", "\x00", "&#0;", "&#x110000;",
                             "http://[::1", "//", "?a=1#", "%zz", "แผน", "๒๕๖๙", "<svg>", "<noscript>", "<p>"])


@FAST
@given(st.lists(st.one_of(HTML_BITS, st.text(max_size=30)), max_size=60))
def test_html_extractor_always_returns_an_extracted(parts):
    html = "".join(parts)
    page = extract_html("http://127.0.0.1/public/", html)
    assert isinstance(page, Extracted)
    assert all(isinstance(link, Link) and isinstance(link.url, str) for link in page.links)
    assert all(isinstance(block, str) for block in page.blocks)


@FAST
@given(st.text(max_size=300), st.binary(max_size=300))
def test_scope_traps_credentials_and_retry_after_never_raise(text, raw):
    scope = Scope("http://a.go.th/")
    for url in ("http://a.go.th/" + text, text):
        assert isinstance(scope.in_scope(url), bool)
        reason = scope.trap_reason(url) if url.startswith("http") else None
        assert reason is None or isinstance(reason, str)
        assert isinstance(strip_credentials(url), str)
    seconds = retry_after_seconds(raw)
    assert seconds is None or seconds >= 0
    assert len(cap_robots(raw, 100)) <= 100
    fixed, encoding = repair_text(raw.decode("latin-1"), raw, "latin-1")
    assert isinstance(fixed, str) and isinstance(encoding, str)


@settings(max_examples=40, deadline=None, derandomize=True)
@given(st.sampled_from(["pdf", "docx", "xlsx", "xls", "doc", "pptx"]),
       st.sampled_from([b"", b"%PDF-1.4\n", b"PK\x03\x04", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"]), st.binary(max_size=400))
def test_document_readers_never_raise(kind, magic, body):
    doc = document_text(magic + body, kind)
    assert doc.text == "" or not doc.error
    assert not doc.error or doc.failure


# -- the IIT/EIT/OIT importer: a garbage file is an InputError, never anything else ----------------------

RULES = rules_for_year(2569)
CELL = st.one_of(st.text(max_size=12), st.integers(-1000, 1000).map(str), st.sampled_from(
    ["question", "score", "indicator", "item", "present", "i1", "e1", "O1", "มาก", "มี", "100", "", "1e309", "nan"]))


def _write_table(rows, suffix: str, folder: Path) -> Path:
    path = folder / f"table{suffix}"
    if suffix == ".xlsx":
        from openpyxl import Workbook

        book = Workbook()
        sheet = book.active
        for row in rows:
            sheet.append([cell.replace("\x00", "")[:50] for cell in row])
        buffer = io.BytesIO()
        book.save(buffer)
        path.write_bytes(buffer.getvalue())
    else:
        path.write_text("\n".join(",".join(row) for row in rows), encoding="utf-8", errors="surrogatepass")
    return path


@settings(max_examples=50, deadline=None, derandomize=True)
@given(st.lists(st.lists(CELL, min_size=0, max_size=5), max_size=8), st.sampled_from([".csv", ".xlsx"]),
       st.sampled_from(["iit", "eit", "oit"]))
def test_importer_returns_scores_or_an_input_error(rows, suffix, which):
    with tempfile.TemporaryDirectory() as folder:
        try:
            path = _write_table(rows, suffix, Path(folder))
        except Exception:  # noqa: BLE001 - not writable as such a file (openpyxl refuses control characters)
            return
        try:
            if which == "oit":
                read_oit(path, RULES.oit)
            else:
                read_survey(path, RULES.iit if which == "iit" else RULES.eit, which.upper())
        except InputError:
            pass


@settings(max_examples=40, deadline=None, derandomize=True)
@given(st.binary(max_size=600), st.sampled_from([".csv", ".xlsx", ".xls", ".json"]))
def test_importer_reads_garbage_bytes_as_an_input_error(data, suffix):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"garbage{suffix}"
        path.write_bytes(data)
        try:
            read_oit(path, RULES.oit)
        except InputError:
            pass
        try:
            read_survey(path, RULES.iit, "IIT")
        except InputError:
            pass


# -- the rule loader: arbitrary YAML text gives problems, never an exception, and runs no code -----------

YAML_BITS = st.sampled_from(["year: 2569\n", "oit:\n", "  items:\n", "  - code: O1\n", "    name: x\n", "- ", ": ", "{", "}",
                             "[", "]", "&a ", "*a ", "!!python/object/apply:os.system ['true']\n", "!!binary aGk=\n",
                             "? ", "%YAML 1.1\n", "---\n", "...\n", "\t", "'", '"', "2569", "null", "~", "\n"])


@settings(max_examples=60, deadline=None, derandomize=True)
@given(st.lists(st.one_of(YAML_BITS, st.text(max_size=20)), max_size=40))
def test_rule_loader_gives_problems_never_an_exception(parts):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "ita2599.yaml"
        path.write_text("".join(parts), encoding="utf-8", errors="surrogatepass")
        model, problems = check_rules(path)
        assert (model is None) == bool(problems)
        assert all(str(p) for p in problems)


def test_rule_files_load_with_safe_yaml_and_run_no_code(tmp_path):
    marker = tmp_path / "ran"
    path = tmp_path / "ita2599.yaml"
    path.write_text(f"year: !!python/object/apply:os.system ['touch {marker}']\n", encoding="utf-8")
    model, problems = check_rules(path)
    assert model is None and problems and not marker.exists()
