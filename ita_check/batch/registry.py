"""The list of agencies to audit: the national registry of local agencies as published, or a plain CSV.

The DLA registry (``dlads_05_01``) has Thai headers, one row per agency × sub-district (82,641 rows for
7,849 agencies) and a website column typed by hand: empty cells, bare hosts, typos (``www.Khlongphon go.th``,
``WWW..Aolueknuea.go.th``, ``www,tlpm.go.th``), other domains, numbers, national agencies' hosts. This module
reads it as it is (RFC 4180, UTF-8 with or without BOM, or windows-874), keeps one entry per agency code,
repairs what can be repaired without guessing, and lists every agency it skips with the reason.

A plain CSV with the columns ``code,name,url`` (and optionally ``province``) is read the same way.
"""

from __future__ import annotations

import csv
import hashlib
import io
import ipaddress
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from model.batch import Repair, SkipReason
from model.errors import BadInput

# Registry columns, by their Thai headers (spelled as published: 'เว็ปไซต์ของอปท', also accepted as 'เว็บไซต์').
REGISTRY_COLUMNS = {
    "province": ("จังหวัด",),
    "district": ("อำเภอ",),
    "code": ("รหัส อปท.", "รหัสอปท.", "รหัส อปท", "รหัสอปท"),
    "kind": ("ประเภท อปท.", "ประเภทอปท.", "ประเภท อปท"),
    "name": ("อปท.", "อปท", "ชื่อ อปท.", "ชื่ออปท."),
    "url": ("เว็ปไซต์ของอปท", "เว็บไซต์ของอปท", "เว็ปไซต์ของ อปท.", "เว็บไซต์ของ อปท.", "เว็ปไซต์", "เว็บไซต์"),
}
PLAIN_COLUMNS = {"code": ("code",), "name": ("name",), "url": ("url", "website"), "province": ("province",)}

# National agencies' domains that stray into the website column; any host under them is not an agency's own.
NATIONAL_DOMAINS = (
    "dla.go.th", "nacc.go.th", "gprocurement.go.th", "moi.go.th", "dopa.go.th", "thaigov.go.th", "egov.go.th",
    "oag.go.th", "opm.go.th", "ocsc.go.th", "mof.go.th", "cgd.go.th", "nso.go.th", "ktb.go.th", "ktb.co.th",
    "onlb.go.th", "dga.or.th", "info.go.th", "lgp.go.th",
)
SOCIAL_DOMAINS = ("facebook.com", "fb.com", "fb.me", "line.me", "youtube.com", "youtu.be", "instagram.com",
                  "tiktok.com", "twitter.com", "x.com")
EMPTY_WORDS = {"", "-", "--", "—", "ไม่มี", "ไม่มีเว็บไซต์", "n/a", "na", "none", "null", "nil", "no", "#", "."}
TLDS = {"th", "com", "org", "net", "info", "biz", "asia", "co", "io", "me", "gov", "edu", "site", "online", "xyz",
        "app", "website", "cloud", "xn--o3cw4h"}
THAI_SECOND_LEVEL = {"go", "or", "in", "ac", "co", "mi", "net"}
CODE = re.compile(r"^[0-9A-Za-z][0-9A-Za-z._-]{0,63}$")
SCHEME = re.compile(r"^\s*(https?)\s*[:;]?\s*/+\s*", re.I)
OTHER_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*:(?!\d)", re.I)
LABEL = re.compile(r"^(?!-)[a-z0-9-]{1,63}(?<!-)$")


@dataclass
class Agency:
    code: str
    name: str
    url: str
    province: str = ""
    district: str = ""
    kind: str = ""
    row: int = 0  # the file line of its first row
    value: str = ""  # the website as written
    repairs: list[str] = field(default_factory=list)


@dataclass
class Skipped:
    row: int
    code: str
    name: str
    province: str
    value: str
    reason: SkipReason
    rows: int = 1  # rows of this agency in the file


@dataclass
class AgencyList:
    path: Path
    layout: str  # registry or plain
    sha256: str
    rows: int
    agencies: list[Agency]
    skipped: list[Skipped]
    repeated_rows: int = 0  # rows of an agency already listed (one row per sub-district)

    @property
    def repaired(self) -> list[Agency]:
        return [a for a in self.agencies if a.repairs]


# -- website values ----------------------------------------------------------------------------------------------

def _is_ip(host: str) -> bool:
    try:
        ipaddress.ip_address(host.strip("[]"))
        return True
    except ValueError:
        return False


def _valid_host(host: str) -> bool:
    if _is_ip(host):
        return True
    labels = host.split(".")
    if len(labels) < 2 or not all(LABEL.match(label) for label in labels):
        return False
    tld = labels[-1]
    if tld not in TLDS:
        return False
    if tld == "th" and len(labels) >= 3 and labels[-2] not in THAI_SECOND_LEVEL:
        return False  # abc.gi.th: a typo of a Thai second level
    return True


def _under(host: str, domains: tuple[str, ...]) -> bool:
    return any(host == d or host.endswith("." + d) for d in domains)


def _split_hostport(text: str) -> tuple[str, str]:
    if text.startswith("["):  # [::1]:8080
        end = text.find("]")
        return text[: end + 1], text[end + 2:] if end > 0 and text[end + 1: end + 2] == ":" else ""
    host, _, port = text.rpartition(":") if re.search(r":\d+$", text) else (text, "", "")
    return host, port


def clean_website(value: str, go_th_only: bool = False) -> tuple[str | None, SkipReason | None, list[Repair]]:
    """The URL to audit (or None and why not), with the repairs made to the value as written."""
    repairs: list[Repair] = []
    text = " ".join((value or "").replace("\u00a0", " ").replace("\u200b", "").split()).strip(" \"'`<>()[]")
    if text.lower() in EMPTY_WORDS:
        return None, SkipReason.EMPTY, repairs
    if re.fullmatch(r"[0-9 .,+/-]+", text) and not re.fullmatch(r"\d{1,3}(\.\d{1,3}){3}(:\d+)?/?", text):
        return None, SkipReason.NUMBER, repairs
    if "@" in text and "/" not in text.split("@")[0]:
        return None, SkipReason.EMAIL, repairs
    scheme = "http"
    match = SCHEME.match(text)
    if match:
        scheme = match.group(1).lower()
        if not re.match(r"^https?://", text, re.I) or match.group(0) != match.group(0).strip():
            repairs.append(Repair.SCHEME_FIXED)
        text = text[match.end():]
    elif OTHER_SCHEME.match(text) and not re.match(r"^[^/:]+:\d", text):
        return None, SkipReason.NOT_HTTP, repairs
    else:
        repairs.append(Repair.SCHEME_ADDED)
    hostpart, slash, path = text.partition("/")
    hostpart = hostpart.strip()
    # Several websites in one cell ('www.a.go.th, www.b.go.th'): each piece a whole host. Otherwise commas
    # and spaces stand between labels of one host ('www,tlpm.go.th', 'www.Khlongphon go.th').
    pieces = [p for p in re.split(r"[\s,;]+", hostpart) if p]
    if len(pieces) > 1 and all(_valid_host(_split_hostport(p.lower().strip("."))[0]) for p in pieces):
        hostpart = pieces[0]
        repairs.append(Repair.SEVERAL)
        path, slash = "", ""
    elif len(pieces) > 1:
        hostpart = ".".join(pieces)
        repairs.append(Repair.SEPARATORS)
    if ".." in hostpart:
        hostpart = re.sub(r"\.{2,}", ".", hostpart)
        repairs.append(Repair.DOUBLE_DOTS)
    host, port = _split_hostport(hostpart.strip(".").lower())
    try:
        if not _is_ip(host) and not host.isascii():
            host = host.encode("idna").decode("ascii")  # Thai domain names (.ไทย)
    except UnicodeError:
        return None, SkipReason.INVALID, repairs
    if not _valid_host(host) or (port and not 0 < int(port) < 65536):
        return None, SkipReason.INVALID, repairs
    if _under(host, NATIONAL_DOMAINS):
        return None, SkipReason.NATIONAL, repairs
    if _under(host, SOCIAL_DOMAINS):
        return None, SkipReason.SOCIAL, repairs
    if not _is_ip(host) and not host.endswith(".go.th"):
        if go_th_only:
            return None, SkipReason.NOT_GO_TH, repairs
        repairs.append(Repair.NOT_GO_TH)
    url = f"{scheme}://{host}{':' + port if port else ''}/{path if slash else ''}"
    try:
        urlsplit(url).port  # noqa: B018 - raises on a malformed port
    except ValueError:
        return None, SkipReason.INVALID, repairs
    return url, None, repairs


# -- files -----------------------------------------------------------------------------------------------------

def _decode(path: Path, raw: bytes) -> str:
    if b"\x00" in raw[:4096]:
        raise BadInput(f"{path}: ไม่ใช่ไฟล์ CSV (a binary file, not CSV)",
                       hint="ใช้ไฟล์ทะเบียน อปท. (.csv) ตามที่เผยแพร่ หรือ CSV ที่มีคอลัมน์ code,name,url")
    for encoding in ("utf-8-sig", "cp874"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise BadInput(f"{path}: อ่านรหัสอักขระไม่ได้ (neither UTF-8 nor windows-874 text)")


def _norm_header(text: str) -> str:
    return " ".join(text.replace("\ufeff", "").split())


def _columns(header: list[str], wanted: dict[str, tuple[str, ...]], case: bool) -> dict[str, int]:
    names = [_norm_header(h) if case else _norm_header(h).lower() for h in header]
    found = {}
    for key, options in wanted.items():
        for option in options:
            if option in names:
                found[key] = names.index(option)
                break
    return found


def read_agencies(path: str | Path, go_th_only: bool = False) -> AgencyList:
    path = Path(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise BadInput(f"{path}: ไม่พบไฟล์ (file not found)") from None
    except IsADirectoryError:
        raise BadInput(f"{path}: เป็นโฟลเดอร์ ไม่ใช่ไฟล์ (a folder, not a file)") from None
    except OSError as exc:
        raise BadInput(f"{path}: อ่านไฟล์ไม่ได้ (cannot read the file): {exc.strerror}") from None
    text = _decode(path, raw)
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(reader, None)
    except csv.Error as exc:
        raise BadInput(f"{path}: บรรทัด 1: CSV ไม่ถูกต้อง (line 1: broken CSV): {exc}") from None
    if not header or not any(h.strip() for h in header):
        raise BadInput(f"{path}: ไฟล์ว่าง (the file is empty)")
    registry = _columns(header, REGISTRY_COLUMNS, case=True)
    plain = _columns(header, PLAIN_COLUMNS, case=False)
    if {"code", "name", "url"} <= registry.keys():
        layout, columns = "registry", registry
    elif {"code", "name", "url"} <= plain.keys():
        layout, columns = "plain", plain
    else:
        shown = ", ".join(_norm_header(h) for h in header[:15])
        raise BadInput(f"{path}: ไม่รู้จักรูปแบบคอลัมน์ (unknown column layout): {shown}",
                       hint="ใช้ไฟล์ทะเบียน อปท. ของกรมส่งเสริมการปกครองท้องถิ่น (รหัส อปท., อปท., เว็ปไซต์ของอปท) "
                            "หรือ CSV ที่มีคอลัมน์ code,name,url (the DLA registry as published, or code,name,url)")
    return _collect(path, layout, columns, reader, hashlib.sha256(raw).hexdigest(), go_th_only)


def _collect(path: Path, layout: str, columns: dict[str, int], reader, digest: str, go_th_only: bool) -> AgencyList:
    by_code: dict[str, dict] = {}
    order: list[str] = []
    skipped: list[Skipped] = []
    rows = 0

    def cell(row: list[str], key: str) -> str:
        index = columns.get(key)
        return " ".join(row[index].split()) if index is not None and index < len(row) else ""

    try:
        for row in reader:
            line = reader.line_num
            if not any(c.strip() for c in row):
                continue
            rows += 1
            code = cell(row, "code")
            name = cell(row, "name")
            if layout == "registry" and cell(row, "kind") and not name.startswith(cell(row, "kind")):
                name = _full_name(cell(row, "kind"), name)
            if not code or not CODE.match(code):
                skipped.append(Skipped(line, code, name, cell(row, "province"), cell(row, "url"), SkipReason.NO_CODE))
                continue
            entry = by_code.get(code)
            if entry is None:
                entry = by_code[code] = {"row": line, "name": name, "province": cell(row, "province"),
                                         "district": cell(row, "district"), "kind": cell(row, "kind"),
                                         "values": Counter(), "rows": 0}
                order.append(code)
            entry["rows"] += 1
            entry["values"][cell(row, "url")] += 1
    except csv.Error as exc:
        raise BadInput(f"{path}: บรรทัด {reader.line_num}: CSV ไม่ถูกต้อง (line {reader.line_num}: broken CSV): {exc}") from None
    agencies: list[Agency] = []
    for code in order:
        entry = by_code[code]
        cleaned = [(value, count, *clean_website(value, go_th_only)) for value, count in entry["values"].items()]
        usable = sorted([c for c in cleaned if c[2]], key=lambda c: -c[1])
        if usable:
            value, _, url, _, repairs = usable[0]
            if len({c[2] for c in usable}) > 1:
                repairs = [*repairs, Repair.DIFFERING_ROWS]
            agencies.append(Agency(code, entry["name"], url, entry["province"], entry["district"], entry["kind"],
                                   entry["row"], value, [str(r) for r in repairs]))
        else:
            value, _, _, reason, _ = max(cleaned, key=lambda c: (c[0] != "", c[1]))
            skipped.append(Skipped(entry["row"], code, entry["name"], entry["province"], value, reason, entry["rows"]))
    skipped.sort(key=lambda s: s.row)
    return AgencyList(path, layout, digest, rows, agencies, skipped, rows - len(order) - sum(
        1 for s in skipped if s.reason is SkipReason.NO_CODE))


def _full_name(kind: str, name: str) -> str:
    """'อบต.' + 'คลองท่อมเหนือ' → 'อบต.คลองท่อมเหนือ'; 'เทศบาลตำบล' + 'คลองพน' → 'เทศบาลตำบลคลองพน'."""
    return name if kind == "พัทยา" else f"{kind}{name}"
