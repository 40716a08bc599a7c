"""The site generator: deterministic, every style and year, every defect class, served as a real CMS would."""

from __future__ import annotations

import hashlib
import json
import urllib.error
import urllib.request
from collections import Counter
from pathlib import Path

import pytest

from demo.generator import STYLES, YEARS, build_site, cached_site, split_of
from demo.generator.build import ABSENT_OUTCOMES
from demo.generator.vocab import RETIRED, Wording, _with_dev, dev_rounds, load_vocab, rule_items
from ita_check.siteserver import load_site, route_key, serve


def fingerprint(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def fetch(url: str) -> tuple[int, dict, bytes]:
    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None

    opener = urllib.request.build_opener(NoRedirect)
    try:
        with opener.open(url, timeout=10) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, dict(exc.headers), exc.read()


def test_same_seed_builds_the_same_site_byte_for_byte(tmp_path):
    first = build_site("wordpress", 2568, 41, tmp_path / "a")
    second = build_site("wordpress", 2568, 41, tmp_path / "b")
    assert first == second
    assert fingerprint(tmp_path / "a") == fingerprint(tmp_path / "b")


def test_another_seed_builds_another_agency_with_other_outcomes(tmp_path):
    one = build_site("dungbhumi", 2569, 3, tmp_path / "a")
    other = build_site("dungbhumi", 2569, 4, tmp_path / "b")
    assert [v["defect"] for v in one["items"].values()] != [v["defect"] for v in other["items"].values()]


@pytest.mark.parametrize("style", list(STYLES))
def test_every_style_builds_every_year_with_a_truth_for_each_item(style, tmp_path):
    for year in YEARS:
        truth = build_site(style, year, 200 + year % 10, tmp_path / str(year))
        codes = [item.code for item in rule_items(year)]
        assert list(truth["items"]) == codes, f"{style} {year}"
        assert truth["year"] == year and truth["style"] == style and truth["start"]
        assert 80 <= truth["pages"] <= 250, (style, year, truth["pages"])
        assert 20 <= truth["documents"] <= 60, (style, year, truth["documents"])
        assert 50 <= truth["menu_entries"] <= 150, (style, year, truth["menu_entries"])
        for code, item in truth["items"].items():
            assert item["present"] == bool(item["urls"]), (style, year, code, item)
            assert item["present"] or item["why"], (style, year, code)
    assert (tmp_path / "2569" / "site.json").is_file()


def test_each_defect_class_appears_across_a_handful_of_seeds(tmp_path):
    seen = Counter()
    present = []
    for n, style in enumerate(STYLES):
        for seed in (11, 12):
            truth = build_site(style, 2566, seed + n * 10, tmp_path / f"{style}-{seed}")
            seen.update((item["defect"], item["present"]) for item in truth["items"].values())
            present += [item["present"] for item in truth["items"].values()]
    defects = {d for d, _ in seen}
    assert set(ABSENT_OUTCOMES) <= defects, set(ABSENT_OUTCOMES) - defects
    assert {"ok", "listing_only", "paginated", "office_doc", "scan", "redirect", "legacy", "external"} <= defects
    assert ("scan", True) in seen and ("scan", False) in seen  # a scan can be readable evidence or not
    assert 0.5 <= sum(present) / len(present) <= 0.7


def test_tune_seeds_use_only_tune_wordings_and_a_third_of_the_vocabulary_is_held_out(tmp_path):
    assert split_of(7) == "tune" and split_of(1007) == "test"
    truth = build_site("modern", 2565, 7, tmp_path / "tune")
    assert {item["wording_split"] for item in truth["items"].values()} == {"tune"}
    assert 0.28 <= load_vocab().held_out_share() <= 0.42
    held_out = 0
    for seed in range(1000, 1004):
        truth = build_site("modern", 2565, seed, tmp_path / f"test{seed}")
        held_out += sum(item["wording_split"] == "test" for item in truth["items"].values())
        assert "dev" not in {item["wording_split"] for item in truth["items"].values()}
    assert held_out > 0


def test_dev_seeds_draw_dev_wordings_and_never_a_test_wording(tmp_path):
    """Tuning on dev sites must never show the matcher a test wording, and test sites never a dev one."""
    assert split_of(499) == "tune" and split_of(500) == "dev" and split_of(999) == "dev"
    vocab = load_vocab()
    dev = [w for c in vocab.concepts.values() for w in c.names if w.split == "dev"]
    assert dev and not [w for w in dev if w.fits("test", "lao") or w.fits("tune", "lao")]
    assert not [w for c in vocab.concepts.values() for w in c.names if w.split == "test" and w.fits("dev", "lao")]
    splits = set()
    for seed in range(500, 504):
        truth = build_site("classic", 2568, seed, tmp_path / f"dev{seed}")
        splits |= {item["wording_split"] for item in truth["items"].values()}
    assert "dev" in splits and "test" not in splits


def test_only_the_newest_dev_round_is_drawn_and_earlier_rounds_are_retired(tmp_path):
    """A dev round tuned on is no longer unseen wording: a new round replaces it on dev sites, and no site of
    any split draws the old one (it stays in its file as a record of what the rules were tuned on)."""
    for version, name in ((1, "แผนภูมิโครงสร้างองค์กร"), (2, "ผังโครงสร้างส่วนราชการ อบต.")):
        (tmp_path / f"vocab-dev{version if version > 1 else ''}.yaml").write_text(
            f"version: {version}\nconcepts:\n  structure:\n    names:\n    - text: {name}\n      split: dev\n",
            encoding="utf-8")
    rounds = dev_rounds(tmp_path)
    assert [dev["version"] for _, dev in rounds] == [1, 2]
    data = {"version": 5, "concepts": {"structure": {"names": ["โครงสร้าง"]}}, "elements": {}}
    for n, (path, dev) in enumerate(rounds):
        data = _with_dev(data, dev, path, current=n == len(rounds) - 1)
    names = {entry["text"] if isinstance(entry, dict) else entry: entry for entry in data["concepts"]["structure"]["names"]}
    assert names["แผนภูมิโครงสร้างองค์กร"]["split"] == RETIRED and names["ผังโครงสร้างส่วนราชการ อบต."]["split"] == "dev"
    assert data["version"] == "5+dev2"
    assert not Wording("แผนภูมิโครงสร้างองค์กร", RETIRED).fits("dev", "lao")
    assert not any(Wording("x", RETIRED).fits(split, "lao") for split in ("tune", "dev", "test"))


def test_a_dev_round_naming_a_concept_the_vocabulary_lacks_is_refused_with_its_file(tmp_path):
    path = tmp_path / "vocab-dev.yaml"
    with pytest.raises(ValueError, match="vocab-dev.yaml: concept 'nosuch'"):
        _with_dev({"concepts": {}, "elements": {}}, {"concepts": {"nosuch": {"names": []}}}, path, current=True)


def test_truth_urls_of_present_items_answer_with_the_page_and_not_the_not_found_page():
    folder = cached_site("dungbhumi", 2567, 5)
    truth = json.loads((folder / "ground_truth.json").read_text(encoding="utf-8"))
    with serve(load_site(folder)) as base:
        soft_status, _, soft_body = fetch(base + "/public/list/data/detail/id/999999/menu/1")
        for code, item in truth["items"].items():
            for url in item["urls"]:
                if url.startswith("http"):
                    continue
                status, headers, body = fetch(base + url)
                assert status in (200, 301, 302), (code, url, status)
                assert body != soft_body, (code, url)
    assert soft_status == 200 and "ไม่พบ".encode() in soft_body


def test_dungbhumi_soft_404_answers_200_but_missing_uploads_are_a_real_404():
    folder = cached_site("dungbhumi", 2569, 1, small=True)
    with serve(load_site(folder)) as base:
        status, _, body = fetch(base + "/public/list/data/detail/id/987654/menu/1234")
        assert status == 200 and "ไม่พบ".encode() in body and b"<title>" in body
        status, _, _ = fetch(base + "/public/list_upload/backend/list_1/files_1_1.pdf")
        assert status == 404
        status, headers, _ = fetch(base + "/")
        assert status == 302 and headers["Location"] == "/public/"


def test_classic_php_site_is_windows_874_and_answers_unknown_ids_with_a_soft_404():
    for seed in range(3, 20):  # a site whose news stories exist (their links are JavaScript pop-ups)
        folder = cached_site("classic", 2568, seed, small=True)
        if json.loads((folder / "ground_truth.json").read_text(encoding="utf-8"))["items"]["O4"]["present"]:
            break
    manifest = json.loads((folder / "site.json").read_text(encoding="utf-8"))
    with serve(load_site(folder)) as base:
        status, headers, body = fetch(base + "/")
        assert status == 200
        assert "charset=utf-8" not in headers["Content-Type"].lower()
        text = body.decode("cp874")
        assert manifest["title"] in text
        with pytest.raises(UnicodeDecodeError):
            body.decode("utf-8")
        pages = [(folder / "files" / r["file"]).read_bytes() for r in manifest["routes"].values() if r["ctype"].startswith("text/html")]
        assert any(b"MM_openBrWindow('news_detail.php?news_id=" in page for page in pages)
        status, _, body = fetch(base + "/index.php?mod=content&id=987654")
        assert status == 200 and "ไม่พบ" in body.decode("cp874")
        status, _, _ = fetch(base + "/upload/file/does-not-exist.pdf")
        assert status == 404


def test_query_routes_match_whatever_the_parameter_order_and_percent_encoding():
    assert route_key("/index.php?mod=content&id=5") == route_key("/index.php?id=5&mod=content")
    assert route_key("/%E0%B8%9C%E0%B8%B1%E0%B8%87/") == route_key("/ผัง/")
    assert route_key("/a?b=1#top") == route_key("/a?b=1")
    folder = cached_site("wordpress", 2565, 2, small=True)
    manifest = json.loads((folder / "site.json").read_text(encoding="utf-8"))
    thai = next(r["url"] for r in manifest["routes"].values() if any("\u0e00" <= ch <= "\u0e7f" for ch in r["url"]))
    from urllib.parse import quote

    with serve(load_site(folder)) as base:
        status, _, _ = fetch(base + quote(thai, safe="/?=&"))
    assert status == 200


def test_documents_are_served_with_their_content_types():
    folder = cached_site("institution", 2566, 4)
    manifest = json.loads((folder / "site.json").read_text(encoding="utf-8"))
    kinds = {r["ctype"] for r in manifest["routes"].values()}
    assert "application/pdf" in kinds
    with serve(load_site(folder)) as base:
        url = next(r["url"] for r in manifest["routes"].values() if r["ctype"] == "application/pdf")
        status, headers, body = fetch(base + quote_url(url))
    assert status == 200 and headers["Content-Type"] == "application/pdf" and body.startswith(b"%PDF")


def quote_url(url: str) -> str:
    from urllib.parse import quote

    return quote(url, safe="/?=&%")


def test_site_server_binds_to_loopback_only():
    folder = cached_site("modern", 2569, 1, small=True)
    with pytest.raises(ValueError), serve(load_site(folder), host="0.0.0.0"):
        pass


def test_redirect_to_a_thai_path_is_sent_percent_encoded(tmp_path):
    from ita_check.siteserver import SiteConfig

    with serve(SiteConfig(tmp_path, redirects={"/go/": "/โครงสร้าง/"})) as base:
        status, headers, _ = fetch(base + "/go/")
    assert status == 302 and headers["Location"] == "/%E0%B9%82%E0%B8%84%E0%B8%A3%E0%B8%87%E0%B8%AA%E0%B8%A3%E0%B9%89%E0%B8%B2%E0%B8%87/"
