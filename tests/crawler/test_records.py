"""The records file survives a process killed mid-write: the torn line is skipped, the next record stays whole."""

from __future__ import annotations

from crawler.records import RecordWriter, read_records
from model.records import Link, PageRecord


def test_torn_last_line_is_skipped_and_appending_starts_a_fresh_line(tmp_path):
    path = tmp_path / "records.jsonl"
    writer = RecordWriter(path)
    writer.write(PageRecord("http://a/1", "http://a/1", 200, links=[Link("http://a/2", "แผนการจัดซื้อจัดจ้าง")]))
    writer.close()
    with path.open("ab") as fh:
        fh.write('{"url":"http://a/torn","title":"ประกาศ'.encode()[:-1])  # killed mid-character
    writer = RecordWriter(path)
    writer.write(PageRecord("http://a/3", "http://a/3", 200))
    writer.close()
    urls = [r.url for r in read_records(path)]
    assert urls == ["http://a/1", "http://a/3"]
    assert next(read_records(path)).links[0].text == "แผนการจัดซื้อจัดจ้าง"


def test_records_read_back_share_one_link_object_per_menu_entry(tmp_path):
    """As the crawl's records do: a menu on every page is one Link per entry, not one per page, so a report or a
    re-match over records.jsonl holds 250 menu links, not 500,000."""
    path = tmp_path / "records.jsonl"
    menu = [Link("http://a/plan", "แผนการจัดซื้อจัดจ้าง"), Link("http://a/nogift", "No Gift Policy")]
    writer = RecordWriter(path)
    for n in range(3):
        writer.write(PageRecord(f"http://a/{n}", f"http://a/{n}", 200, links=[Link(m.url, m.text) for m in menu]))
    writer.close()
    first, *others = read_records(path)
    assert all(other.links[k] is first.links[k] for other in others for k in range(2))
    assert first.links == menu


def test_a_record_line_made_and_compressed_by_the_parser_is_written_as_the_record_itself(tmp_path):
    """The parser's process sends the page's fields as compressed JSON; the writer inflates them into the line,
    which reads back as the record encoded here would."""
    import zlib

    from model.records import page_fields_json

    record = PageRecord("http://a/nogift", "http://a/nogift", 200, title="ประกาศเจตนารมณ์ No Gift Policy",
                        headings=["No Gift Policy ประจำปี ๒๕๖๘"], blocks=["ข้าพเจ้า นายก อบต.บ้านนาดี", "ขอประกาศ"],
                        links=[Link("http://a/plan", "แผนการจัดซื้อจัดจ้าง", context="O12 | แผน | คลิก")], images=1)
    packed = zlib.compress(page_fields_json(record.title, record.headings, record.blocks, record.links,
                                            record.images, record.forms, record.tables))
    path = tmp_path / "records.jsonl"
    writer = RecordWriter(path)
    writer.write(record, packed)
    writer.write(PageRecord("http://a/2", "http://a/2", 404))
    writer.close()
    assert list(read_records(path)) == [record, PageRecord("http://a/2", "http://a/2", 404)]
