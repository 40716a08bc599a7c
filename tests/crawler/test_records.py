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
