"""Q&A-board moderation: the vocabulary is data (rules/moderation.yaml); realistic Thai spam is caught,
ordinary questions to an agency are not, and the board is found from the crawl's records."""

from __future__ import annotations

import pytest
from spam import LEGIT, SPAM

from model.records import Link, PageRecord
from reports.moderation import _Vocabulary, scan_board
from rules.loader import RuleFileError
from rules.moderation import MODERATION_FILE, load_moderation, spam_keys


@pytest.fixture(scope="module")
def vocabulary():
    return _Vocabulary(load_moderation())


@pytest.mark.parametrize("text", SPAM)
def test_realistic_spam_is_flagged(vocabulary, text):
    assert vocabulary.match(text), text


@pytest.mark.parametrize("text", LEGIT)
def test_questions_to_the_agency_are_not_flagged(vocabulary, text):
    assert vocabulary.match(text) is None, text


def test_categories_are_named_in_thai(vocabulary):
    cats, terms = vocabulary.match("บ า ค า ร่ า ออนไลน์ คาสิโนสด")
    assert cats == ["คาสิโนออนไลน์"]
    assert "บาคาร่า" in terms
    cats, _ = vocabulary.match("เงินด่วน ไม่เช็คบูโร ทักไลน์")
    assert cats == ["เงินกู้นอกระบบ / สินเชื่อ"]  # the contact hint is not a category of its own


def test_spelling_tricks_give_one_key():
    assert spam_keys("ส ล็ อ ต")[0] == spam_keys("สล๊อตตต")[0] == spam_keys("สล็อต")[0]
    assert spam_keys("S L 0 T")[1] == spam_keys("$L0T")[1] == spam_keys("slot")[1] == spam_keys("ｓｌｏｔ")[1]
    assert spam_keys("ฝาก ๑๐๐")[0] == spam_keys("ฝาก100")[0]


def test_contact_words_alone_do_not_flag(vocabulary):
    assert vocabulary.match("ติดต่อทางไลน์ไอดี ได้ไหมครับ") is None


def test_the_qa_item_of_each_year_comes_from_the_data():
    moderation = load_moderation()
    assert moderation.item_for(2569, [("O1", "โครงสร้าง"), ("O3", "ข้อมูลการติดต่อและช่องทางการสอบถาม")]) == "O3"
    assert moderation.item_for(2566, [("O8", "Q&A")]) == "O8"
    assert moderation.item_for(2599, [("O1", "โครงสร้าง"), ("O6", "Q&A")]) == "O6"  # a year not listed


def test_a_broken_vocabulary_file_names_the_file(tmp_path):
    bad = tmp_path / "moderation.yaml"
    bad.write_text(MODERATION_FILE.read_text(encoding="utf-8").replace("  - สล็อต\n", "  - 'ส'\n", 1), encoding="utf-8")
    with pytest.raises(RuleFileError) as err:
        load_moderation(bad)
    assert str(bad) in str(err.value) and "สั้นเกินไป" in str(err.value)


def _site(board_url: str, board_text: str, posts: list[tuple[str, str]], thread_pages: dict[str, list[str]] | None = None):
    """A small site: a home page with a menu, some pages, and a board listing its posts as links."""
    menu = [Link("http://www.example.go.th/", "หน้าแรก"), Link("http://www.example.go.th/news", "ข่าว"),
            Link(board_url, board_text), Link("http://www.example.go.th/contact", "ติดต่อเรา")]
    pages = [PageRecord(u, u, 200, "text/html", "page", t, blocks=[t, "ที่อยู่ 1 ถนนใหญ่"], links=list(menu))
             for u, t in (("http://www.example.go.th/", "หน้าแรก"), ("http://www.example.go.th/news", "ข่าว"),
                          ("http://www.example.go.th/contact", "ติดต่อเรา"), ("http://www.example.go.th/about", "ประวัติ"),
                          ("http://www.example.go.th/plan", "แผน"))]
    board = PageRecord(board_url, board_url, 200, "text/html", "page", board_text, blocks=[board_text, "หัวข้อ", "ผู้ตอบ"],
                       links=[*menu, *(Link(u, t) for u, t in posts)], depth=1)
    threads = [PageRecord(u, u, 200, "text/html", "page", blocks[0], blocks=blocks, links=list(menu), depth=2)
               for u, blocks in (thread_pages or {}).items()]
    return [*pages, board, *threads]


def test_board_found_by_its_menu_text_and_posts_read_from_links_and_threads():
    board = "http://www.example.go.th/index.php?page=qa"
    records = _site(board, "กระดานถาม-ตอบ", [
        ("http://www.example.go.th/index.php?page=qa&topic=1", "สอบถามการชำระภาษีที่ดิน"),
        ("http://www.example.go.th/index.php?page=qa&topic=2", "บ า ค า ร่ า ออนไลน์ ฝากถอนไม่มีขั้นต่ำ"),
        ("https://casino-th.example/", "คลิกเลย"),
    ])
    scan = scan_board(records, 2569, [("O3", "ข้อมูลการติดต่อและช่องทางการสอบถาม")])
    assert scan.boards == [board]
    assert scan.item == "O3"
    urls = {post.url for post in scan.flagged}
    # the thread in the board's address, and the casino site the listing links to
    assert urls == {"http://www.example.go.th/index.php?page=qa&topic=2", "https://casino-th.example/"}


def test_board_found_by_its_url_and_spam_only_inside_a_thread():
    board = "http://www.example.go.th/webboard/index.php"
    thread = "http://www.example.go.th/webboard/topic-7.html"
    records = _site(board, "ร่วมแสดงความคิดเห็น", [(thread, "กระทู้ #7")],
                    {thread: ["กระทู้ #7", "U F A B E T แทงบอลออนไลน์ สมัครเลย", "ตอบกลับ 0"]})
    scan = scan_board(records, 2569, [("O3", "ข้อมูลการติดต่อ")])
    assert scan.boards == [board]
    assert [post.url for post in scan.flagged] == [thread]
    assert scan.flagged[0].categories == ["การพนันออนไลน์"]


def test_no_board_no_findings():
    records = _site("http://www.example.go.th/news", "ข่าว", [])
    scan = scan_board(records, 2569, [("O3", "ข้อมูลการติดต่อ")])
    assert scan.boards == [] and scan.flagged == []
