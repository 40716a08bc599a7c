"""Thai OCR of scanned documents: image-only PDF pages and page pictures (JPEG/PNG), with Tesseract ``tha+eng``.

What the audit calls (the lead integrates it; nothing here is imported by the pipeline yet)::

    config = OcrConfig(cache_dir=audit_dir / "ocr")      # max_pages=3: pages 1-3 and the last one
    with OcrPool(config, workers=2) as pool:             # processes: PDFium and Tesseract are not thread-safe
        future = pool.submit(body, "pdf", doc.scanned_pages)  # bytes or a path; pages 1-based (None: all)
        result = future.result()                         # OcrResult, never an exception
    if result.ok:
        text = rules.ocr_text.repair_ocr(result.text)    # then rules.thai.strict_key / loose_key as usual
        year = rules.ocr_text.read_year(result.pages, assessed_year)  # "uncertain" → needs_review

``ocr_document(source, kind, pages, config)`` does the same in the calling process. Results are cached as JSON
under ``cache_dir`` by the document's sha256, so a re-run or a batch never reads the same scan twice. When
Tesseract or its Thai model is missing the engine says so once (log warning, Thai and English, with the
install command) and every result has status ``unavailable``; a corrupt or encrypted file gives status
``error``. Nothing here raises into the caller. The pool starts its workers with "spawn": a script that uses
it must guard its entry point with ``if __name__ == "__main__":`` (the ``ita`` command does).

Binding: tesserocr (Tesseract's C API, manylinux wheel with libtesseract 5.5 inside; the Thai model comes
from Debian's ``tesseract-ocr-tha``), one engine per worker process, no process per page: 0.44 s/page
against 0.69 s for the ``tesseract`` command line with TSV output, which stays as the fallback when tesserocr
cannot be imported. Both run Tesseract single-threaded (OMP_THREAD_LIMIT=1): on 2 cores its OpenMP threads
made a page 8× slower (16 s against 1.9 s). Pages are rendered greyscale at 200 dpi: 300 dpi cost 35 % more
and read no better; Otsu binarisation changed nothing measurable (bench/ocr.py --compare). Thai numbers are
then re-read by the digit reader below, because the Thai model misreads ๖ ๗ ๘ ๙.
"""

from __future__ import annotations

import contextlib
import csv
import hashlib
import io
import json
import logging
import multiprocessing
import os
import shutil
import subprocess
import tempfile
import time
from collections.abc import Iterable, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path

from model.scans import OcrPage, OcrResult

log = logging.getLogger("ita_check.ocr")

CACHE_VERSION = 2
TESSDATA_DIRS = ("/usr/share/tesseract-ocr/5/tessdata", "/usr/share/tesseract-ocr/4.00/tessdata",
                 "/usr/share/tessdata", "/usr/local/share/tessdata", "/opt/homebrew/share/tessdata")
INSTALL_HINT = "apt-get install tesseract-ocr tesseract-ocr-tha"
UNAVAILABLE = ("อ่านเอกสารสแกนไม่ได้: ไม่พบโปรแกรม Tesseract หรือข้อมูลภาษาไทย (tha) — ติดตั้งด้วยคำสั่ง "
               f"`{INSTALL_HINT}` / Thai OCR unavailable: Tesseract or its Thai model is missing; install it with "
               f"`{INSTALL_HINT}`")
IMAGE_KINDS = ("png", "jpg", "jpeg", "gif", "bmp", "tif", "tiff", "webp")
MAX_IMAGE_PIXELS = 60_000_000  # a page picture larger than ~ A0 at 300 dpi is not a document scan
MAX_RENDER_SIDE = 3400  # pixels: the long side of A3 at 200 dpi
QUICK_SHARE = 0.4  # quick mode: the share of the page height read at the top of the first page and the bottom of the last


@dataclass(frozen=True)
class OcrConfig:
    """How documents are read. Every field that changes the text is part of the cache entry."""

    languages: str = "tha+eng"
    dpi: int = 200
    max_pages: int = 3  # the first N pages to read, plus the last one (signatures and dates)
    cache_dir: Path | None = None
    backend: str = "auto"  # "tesserocr", "cli" or "auto" (tesserocr when importable, else the command line)
    tessdata: str | None = None  # folder holding tha.traineddata; None: TESSDATA_PREFIX, then Debian's folders
    tesseract: str = "tesseract"  # the command, for the "cli" backend
    psm: int = 3  # Tesseract page segmentation: automatic
    reread_digits: bool = True  # re-read Thai numbers with the digit templates (Tesseract's tha model misreads them)
    exclude_digit_fonts: tuple[str, ...] = ()  # template fonts left out (bench: reading a font it has no template of)
    # quick: only the top QUICK_SHARE of the first page (title, year) and the bottom of the last page (date,
    # signature) are read: about 4× cheaper on dense pages, enough for title and year, not for the body text
    quick: bool = False
    binarize: bool = False  # Otsu black/white before Tesseract (measured: no gain, Tesseract thresholds itself)
    page_timeout: float = 120.0  # seconds, for the command line backend


def _selection(candidates: Sequence[int], config: OcrConfig) -> list[int]:
    ordered = sorted(set(candidates))
    if config.quick:
        return ordered[:1] + ordered[-1:] if len(ordered) > 1 else ordered
    return select_pages(ordered, config.max_pages)


def select_pages(candidates: Sequence[int], max_pages: int) -> list[int]:
    """The first ``max_pages`` of the candidate pages plus the last one: where titles and signatures are."""
    ordered = sorted(set(candidates))
    if max_pages <= 0 or len(ordered) <= max_pages + 1:
        return ordered
    return [*ordered[:max_pages], ordered[-1]]


def sha256_of(body: bytes) -> str:
    return hashlib.sha256(body).hexdigest()


def kind_of(body: bytes) -> str:
    """pdf, or the picture format from its magic bytes ('' when neither)."""
    head = body[:12]
    if head.startswith(b"%PDF") or b"%PDF" in body[:1024]:
        return "pdf"
    if head.startswith(b"\x89PNG"):
        return "png"
    if head.startswith(b"\xff\xd8"):
        return "jpeg"
    if head[:4] in (b"II*\x00", b"MM\x00*"):
        return "tiff"
    if head.startswith(b"GIF8"):
        return "gif"
    if head.startswith(b"RIFF") and head[8:12] == b"WEBP":
        return "webp"
    if head.startswith(b"BM"):
        return "bmp"
    return ""


# -- engine availability ----------------------------------------------------------------------------------------


def find_tessdata(config: OcrConfig) -> str | None:
    """The folder holding every model the languages name, or None."""
    names = [lang for lang in config.languages.split("+") if lang]
    folders = [config.tessdata] if config.tessdata else [os.environ.get("TESSDATA_PREFIX", ""), *TESSDATA_DIRS]
    for folder in folders:
        if folder and all(os.path.isfile(os.path.join(folder, f"{name}.traineddata")) for name in names):
            return folder
    return None


def _tesserocr():
    os.environ.setdefault("OMP_THREAD_LIMIT", "1")
    try:
        import tesserocr
    except ImportError:
        return None
    return tesserocr


@lru_cache(maxsize=8)
def engine_status(config: OcrConfig) -> tuple[str, str]:
    """("tesserocr" | "cli", engine description) when OCR can run, else ("", reason). Checked once per config."""
    config = _engine_key(config)
    if config.backend in ("auto", "tesserocr"):
        module = _tesserocr()
        tessdata = find_tessdata(config)
        if module is not None and tessdata:
            version = module.tesseract_version().split()[1] if module.tesseract_version() else "?"
            return "tesserocr", f"tesseract {version} (tesserocr {module.__version__}) {config.languages} {config.dpi}dpi"
        if config.backend == "tesserocr":
            return "", "tesserocr is not installed" if module is None else f"no {config.languages} model found"
    binary = shutil.which(config.tesseract)
    if not binary:
        return "", f"the tesseract command ({config.tesseract}) was not found"
    try:
        done = subprocess.run([binary, "--list-langs", *_tessdata_args(config)], capture_output=True, text=True,
                              timeout=30, env=_cli_env())
    except (OSError, subprocess.SubprocessError) as exc:
        return "", f"tesseract did not run: {exc}"
    langs = {line.strip() for line in (done.stdout + done.stderr).splitlines()}
    missing = [lang for lang in config.languages.split("+") if lang and lang not in langs]
    if missing:
        return "", f"tesseract has no model for {'+'.join(missing)}"
    version = subprocess.run([binary, "--version"], capture_output=True, text=True, timeout=30, env=_cli_env())
    first = (version.stdout or version.stderr).split()
    return "cli", f"tesseract {first[1] if len(first) > 1 else '?'} (command line) {config.languages} {config.dpi}dpi"


def _engine_key(config: OcrConfig) -> OcrConfig:
    """The fields that decide which engine runs (the cache folder and page cap do not)."""
    return replace(config, cache_dir=None, max_pages=0)


_warned: set[str] = set()


def check_engine(config: OcrConfig = OcrConfig()) -> tuple[bool, str]:
    """(True, engine) or (False, the Thai/English message with the install command). Logs the warning once."""
    backend, detail = engine_status(_engine_key(config))
    if backend:
        return True, detail
    message = f"{UNAVAILABLE} ({detail})"
    if message not in _warned:
        _warned.add(message)
        log.warning(message)
    return False, message


# -- recognition ------------------------------------------------------------------------------------------------


def _cli_env() -> dict:
    return {**os.environ, "OMP_THREAD_LIMIT": "1"}


def _tessdata_args(config: OcrConfig) -> list[str]:
    return ["--tessdata-dir", config.tessdata] if config.tessdata else []


_APIS: dict = {}


def _api(config: OcrConfig):
    """One Tesseract engine per process and settings (loading the Thai model takes ~0.2 s)."""
    key = (find_tessdata(config), config.languages, config.psm)
    api = _APIS.get(key)
    if api is None:
        tesserocr = _tesserocr()
        api = tesserocr.PyTessBaseAPI(path=key[0].rstrip("/") + "/", lang=config.languages, psm=config.psm)
        _APIS[key] = api
    return api


def _tsv_rows(tsv: str) -> list[dict]:
    reader = csv.reader(io.StringIO(tsv), delimiter="\t", quoting=csv.QUOTE_NONE)
    rows = []
    for cells in reader:
        if len(cells) < 12 or cells[0] == "level" or cells[0] != "5":
            continue
        try:
            rows.append({"block": int(cells[2]), "par": int(cells[3]), "line": int(cells[4]), "left": int(cells[6]),
                         "top": int(cells[7]), "width": int(cells[8]), "height": int(cells[9]),
                         "conf": float(cells[10]), "text": cells[11]})
        except ValueError:
            continue
    return rows


def _page_from_rows(number: int, rows: list[dict]) -> OcrPage:
    """Page text rebuilt from Tesseract's words, each word's span kept. Thai 'words' from the tha model are
    often single letters: a space is put only where the gap between two words is wider than a fifth of the
    line's height (a space in Thai print), so words are not cut apart (matching ignores spaces anyway)."""
    rows = [row for row in rows if row["text"].strip()]
    lines: dict[tuple, list[int]] = {}
    for row in rows:
        key = (row["block"], row["par"], row["line"])
        top, bottom = lines.get(key, [row["top"], row["top"] + row["height"]])
        lines[key] = [min(top, row["top"]), max(bottom, row["top"] + row["height"])]
    parts: list[str] = []
    words: list[tuple[int, int, float]] = []
    digits: list[tuple[int, int, str]] = []
    length = 0
    previous = None
    for row in rows:
        text = row["text"].strip()
        line = (row["block"], row["par"], row["line"])
        if previous is not None:
            if line != previous[0]:
                sep = "\n"
            else:
                top, bottom = lines[line]
                sep = " " if row["left"] - previous[1] > (bottom - top) / 5 else ""
            parts.append(sep)
            length += len(sep)
        parts.append(text)
        words.append((length, length + len(text), round(row["conf"], 1)))
        if row.get("digits"):
            digits.append((length, length + len(text), row["digits"]))
        length += len(text)
        previous = (line, row["left"] + row["width"])
    confs = [conf for _, _, conf in words if conf >= 0]
    mean = round(sum(confs) / len(confs), 1) if confs else -1.0
    return OcrPage(number, "".join(parts), mean, tuple(words), tuple(digits))


def otsu(image):
    """Black and white at Otsu's threshold (a global one: scans here have even lighting)."""
    hist = image.histogram()[:256]
    total = sum(hist)
    sum_all = sum(i * h for i, h in enumerate(hist))
    weight = acc = 0.0
    best, threshold = -1.0, 128
    for value, count in enumerate(hist):
        weight += count
        if not weight or weight == total:
            continue
        acc += value * count
        mean_b, mean_f = acc / weight, (sum_all - acc) / (total - weight)
        between = weight * (total - weight) * (mean_b - mean_f) ** 2
        if between > best:
            best, threshold = between, value
    return image.point(lambda v: 255 if v > threshold else 0)


def recognise(image, number: int, config: OcrConfig, backend: str) -> OcrPage:
    """OCR of one greyscale page picture (PIL image)."""
    if config.binarize:
        image = otsu(image)
    if backend == "tesserocr":
        api = _api(config)
        api.SetImage(image)
        tsv = api.GetTSVText(0)
        api.Clear()
    else:
        buf = io.BytesIO()
        image.save(buf, "PNG")
        cmd = [config.tesseract, "stdin", "stdout", "-l", config.languages, "--psm", str(config.psm),
               *_tessdata_args(config), "tsv"]
        done = subprocess.run(cmd, input=buf.getvalue(), capture_output=True, timeout=config.page_timeout, env=_cli_env())
        if done.returncode:
            raise RuntimeError(done.stderr.decode("utf-8", "replace").strip()[-300:])
        tsv = done.stdout.decode("utf-8", "replace")
    rows = _tsv_rows(tsv)
    if config.reread_digits:
        rows = reread_numbers(image, rows, config.exclude_digit_fonts)
    return _page_from_rows(number, rows)


# -- Thai digits ------------------------------------------------------------------------------------------------
# Debian's tha model (tessdata_fast) reads Thai letters well but hardly ever outputs ๖ ๗ ๘ ๙: on generated
# Sarabun scans ๖ came out as ๐ or ๒ (54 of 55), ๘/๙/๗ as ๕ (bench/ocr.py prints the table). So every Thai
# number Tesseract finds is cut out of the page again and each glyph is compared with digit templates drawn
# from Thai fonts (the official TH SarabunPSK design via TLWG Laksaman, TH Sarabun New via Sarabun, and the
# TLWG Garuda, Norasi, Loma, Kinnari): a 16×16 shape and the glyph's height against the number's lowest
# digit. Readings that are too close to call keep every close value, for rules/ocr_text.py to weigh.

DIGIT_SIZE = 16
DIGIT_MARGIN = 0.05  # values scoring within this of the best are kept as alternatives
DIGIT_MIN_SCORE = 0.42  # below this a glyph is not taken for a digit: the number keeps Tesseract's reading
_NUMBERISH = set("๐๑๒๓๔๕๖๗๘๙0123456789oOw«")
_THAI_LOOKING = set("๐๑๒๓๔๕๖๗๘๙oOw«")
_THAI = "๐๑๒๓๔๕๖๗๘๙"


def _glyph_vector(mask):
    """A glyph's pixels as a 16×16 grey picture (aspect kept, centred), flattened."""
    import numpy as np
    from PIL import Image

    height, width = mask.shape
    side = max(height, width)
    canvas = np.zeros((side, side), np.uint8)
    top, left = (side - height) // 2, (side - width) // 2
    canvas[top:top + height, left:left + width] = mask.astype(np.uint8) * 255
    small = Image.fromarray(canvas).resize((DIGIT_SIZE, DIGIT_SIZE), Image.Resampling.BOX)
    return np.asarray(small, np.float32).ravel() / 255.0


def _unit(vector):
    import numpy as np

    vector = vector - vector.mean()
    norm = float(np.linalg.norm(vector))
    return vector / norm if norm else vector


def build_digit_templates(font_paths: Sequence[str], size: int = 80) -> str:
    """The template blob for ``_DIGIT_TEMPLATES`` (bench/ocr.py --templates prints it from installed fonts)."""
    import base64
    import zlib

    import numpy as np
    from PIL import Image, ImageDraw, ImageFont

    def glyph(ch: str, font):
        img = Image.new("L", (size * 3, size * 3), 0)
        ImageDraw.Draw(img).text((size, size // 2), ch, fill=255, font=font)
        ink = np.asarray(img) > 127
        ys, xs = np.nonzero(ink)
        return ink[ys.min():ys.max() + 1, xs.min():xs.max() + 1]

    records = []
    for index, path in enumerate(font_paths):
        font = ImageFont.truetype(path, size)
        for thai, chars in ((1, _THAI), (0, "0123456789")):
            zero = glyph(chars[0], font).shape[0]
            for value, ch in enumerate(chars):
                mask = glyph(ch, font)
                levels = np.clip(np.round(_glyph_vector(mask) * 15), 0, 15).astype(np.uint8)
                packed = (levels[0::2] << 4 | levels[1::2]).tobytes()
                records.append(bytes([index, value, thai, min(255, round(mask.shape[0] / zero * 100))]) + packed)
    return base64.b64encode(zlib.compress(b"".join(records), 9)).decode()


@lru_cache(maxsize=4)
def _templates(exclude: tuple[str, ...] = ()):
    """(values, thai flags, relative heights, unit vectors) of the templates, without the fonts excluded."""
    import base64
    import zlib

    import numpy as np

    raw = zlib.decompress(base64.b64decode("".join(_DIGIT_TEMPLATES.split())))
    step = 4 + DIGIT_SIZE * DIGIT_SIZE // 2
    values, thai, heights, vectors = [], [], [], []
    for offset in range(0, len(raw), step):
        record = raw[offset:offset + step]
        if _TEMPLATE_FONTS[record[0]] in exclude:
            continue
        packed = np.frombuffer(record[4:], np.uint8)
        levels = np.empty(DIGIT_SIZE * DIGIT_SIZE, np.float32)
        levels[0::2], levels[1::2] = packed >> 4, packed & 15
        values.append(record[1])
        thai.append(record[2])
        heights.append(record[3] / 100)
        vectors.append(_unit(levels / 15))
    return np.array(values), np.array(thai, bool), np.array(heights, np.float32), np.stack(vectors)


def _otsu_level(grey) -> int:
    import numpy as np

    hist = np.bincount(grey.ravel(), minlength=256).astype(np.float64)
    w0 = np.cumsum(hist)
    m0 = np.cumsum(hist * np.arange(256))
    with np.errstate(divide="ignore", invalid="ignore"):
        between = (m0[-1] * w0 - m0 * w0[-1]) ** 2 / (w0 * (w0[-1] - w0))
    between[~np.isfinite(between)] = 0
    return int(np.argmax(between))


def _components(mask) -> list[tuple[int, int, int, int, object]]:
    """8-connected blobs of ink as (left, top, right, bottom, own mask), found by joining runs row by row."""
    import numpy as np

    parent: list[int] = []
    runs: list[tuple[int, int, int]] = []

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    above: list[int] = []
    for y in range(mask.shape[0]):
        row = mask[y]
        if not row.any():
            above = []
            continue
        edges = np.diff(np.concatenate(([0], row.astype(np.int8), [0])))
        here = []
        for start, end in zip(np.nonzero(edges == 1)[0], np.nonzero(edges == -1)[0], strict=True):
            index = len(runs)
            runs.append((y, int(start), int(end)))
            parent.append(index)
            for j in above:
                if runs[j][1] <= end and runs[j][2] >= start:
                    a, b = root(index), root(j)
                    if a != b:
                        parent[a] = b
            here.append(index)
        above = here
    groups: dict[int, list[int]] = {}
    for i in range(len(runs)):
        groups.setdefault(root(i), []).append(i)
    blobs = []
    for members in groups.values():
        top = min(runs[i][0] for i in members)
        bottom = max(runs[i][0] for i in members) + 1
        left = min(runs[i][1] for i in members)
        right = max(runs[i][2] for i in members)
        own = np.zeros((bottom - top, right - left), bool)
        for i in members:
            y, start, end = runs[i]
            own[y - top, start - left:end - left] = True
        blobs.append((left, top, right, bottom, own))
    return blobs


def _split_wide(blob) -> list:
    """Two digits touching (blur, low resolution) are cut at the thinnest column of their middle half."""
    import numpy as np

    left, top, right, bottom, own = blob
    height, width = own.shape
    if width <= 1.45 * height or width < 8:
        return [blob]
    columns = own.sum(axis=0)
    low, high = int(width * 0.25), int(width * 0.75)
    cut = low + int(np.argmin(columns[low:high]))
    parts = []
    for part, offset in ((own[:, :cut], 0), (own[:, cut:], cut)):
        ys, xs = np.nonzero(part.any(axis=1))[0], np.nonzero(part.any(axis=0))[0]
        if len(ys):
            sub = part[ys[0]:ys[-1] + 1, xs[0]:xs[-1] + 1]
            parts.extend(_split_wide((left + offset + xs[0], top + ys[0], left + offset + xs[-1] + 1,
                                      top + ys[-1] + 1, sub)))
    return parts


def _digit_scores(blob, lowest: int, templates):
    """Per value 0–9, the best template score of one glyph, and whether a Thai template gave the best."""
    import numpy as np

    values, thai, heights, vectors = templates
    _, top, _, bottom, own = blob
    score = vectors @ _unit(_glyph_vector(own)) - 0.35 * np.abs(np.log((bottom - top) / max(lowest, 1) / heights))
    per_value = np.array([score[values == v].max() for v in range(10)])
    return per_value, bool(score[thai].max() >= score[~thai].max())


def read_digits(grey, span: tuple[int, int], exclude_fonts: tuple[str, ...] = ()):
    """The digits of the number lying between columns ``span`` of a greyscale crop (numpy array).

    Returns (glyphs, (left, right)): per glyph (values best first within DIGIT_MARGIN, score, printed in
    Thai), and the columns the number really covers (it grows over touching glyphs that read as digits,
    where Tesseract's boxes fell short); None when a glyph there is no digit."""
    templates = _templates(exclude_fonts)
    mask = grey <= _otsu_level(grey)
    if not mask.any() or mask.mean() > 0.5:
        return None
    blobs = [piece for blob in _components(mask) for piece in _split_wide(blob)]
    tallest = max(b[3] - b[1] for b in blobs)
    x0, x1 = span
    blobs = [b for b in blobs if b[3] - b[1] >= 0.3 * tallest and b[4].sum() >= 6]
    kept = [b for b in blobs if b[0] < x1 and b[2] > x0]
    if not kept:
        return None
    high = max(b[3] - b[1] for b in kept)

    def digit_sized(b) -> bool:  # not a comma, dot or speck between digits: those are short or thin
        return b[3] - b[1] >= 0.62 * high and b[2] - b[0] >= 0.4 * 0.7 * high

    kept = [b for b in kept if digit_sized(b)]
    if not kept:
        return None
    median = sorted(b[3] - b[1] for b in kept)[len(kept) // 2]
    heights = sorted(b[3] - b[1] for b in kept)
    lowest = heights[len(heights) // 4] if len(heights) >= 3 else heights[0]
    band_top, band_bottom = min(b[1] for b in kept), max(b[3] for b in kept)
    others = [b for b in blobs if b not in kept and digit_sized(b) and b[1] < band_bottom and b[3] > band_top]
    for step in (-1, 1):  # grow left, then right, over neighbours that read as digits
        while True:
            edge = min(b[0] for b in kept) if step < 0 else max(b[2] for b in kept)
            near = [b for b in others if (0 <= edge - b[2] < 0.25 * median if step < 0 else 0 <= b[0] - edge < 0.25 * median)]
            if not near:
                break
            blob = near[0]
            others.remove(blob)
            if _digit_scores(blob, lowest, templates)[0].max() < DIGIT_MIN_SCORE:
                break
            kept.append(blob)
    kept.sort(key=lambda b: b[0])
    out = []
    for blob in kept:
        per_value, is_thai = _digit_scores(blob, lowest, templates)
        best = float(per_value.max())
        if best < DIGIT_MIN_SCORE:
            return None
        order = [int(v) for v in sorted(range(10), key=lambda v: -per_value[v]) if per_value[v] >= best - DIGIT_MARGIN]
        out.append(("".join(map(str, order)), best, is_thai))
    return out, (min(b[0] for b in kept), max(b[2] for b in kept))


def reread_numbers(image, rows: list[dict], exclude_fonts: tuple[str, ...] = ()) -> list[dict]:
    """Tesseract's words with every Thai-looking number (two or more digit-like characters in a row on one
    line) replaced by what the digit templates read there, keeping the alternatives in ``row["digits"]``."""
    import numpy as np

    grey = None
    lines: dict[tuple, list[int]] = {}
    for index, row in enumerate(rows):
        lines.setdefault((row["block"], row["par"], row["line"]), []).append(index)
    replace_at: dict[int, dict] = {}
    drop: set[int] = set()
    for members in lines.values():
        top = min(rows[i]["top"] for i in members)
        bottom = max(rows[i]["top"] + rows[i]["height"] for i in members)
        height = bottom - top
        tokens: list[list[int]] = []
        for i in members:
            text = rows[i]["text"].strip()
            numberish = bool(text) and set(text) <= _NUMBERISH
            previous = rows[tokens[-1][-1]] if tokens and tokens[-1] else None
            if numberish and previous is not None and rows[i]["left"] - (previous["left"] + previous["width"]) < 0.35 * height:
                tokens[-1].append(i)
            elif numberish:
                tokens.append([i])
            else:
                tokens.append([])
        for token in tokens:
            text = "".join(rows[i]["text"].strip() for i in token)
            if len(text) < 2 or not set(text) & _THAI_LOOKING or token[0] in drop:
                continue
            if grey is None:
                grey = np.asarray(image.convert("L"))
            x0 = min(rows[i]["left"] for i in token)
            x1 = max(rows[i]["left"] + rows[i]["width"] for i in token)
            pad, margin = int(1.0 * height), int(0.15 * height)
            left, up = max(0, x0 - pad), max(0, top - margin)
            crop = grey[up:min(grey.shape[0], bottom + margin), left:min(grey.shape[1], x1 + pad)]
            if crop.size == 0:
                continue
            found = read_digits(crop, (x0 - left, x1 - left), exclude_fonts)
            if not found:
                continue
            read, (start, end) = found
            start, end = min(x0, start + left), max(x1, end + left)
            thai_script = sum(r[2] for r in read) * 2 >= len(read)
            best = "".join(r[0][0] for r in read)
            shown = best.translate(str.maketrans("0123456789", _THAI)) if thai_script else best
            covered = [i for i in members if start <= rows[i]["left"] + rows[i]["width"] / 2 <= end]
            anchor = min(covered + token)
            replace_at[anchor] = {**rows[anchor], "left": start, "width": end - start, "text": shown,
                                  "conf": round(100 * min(r[1] for r in read), 1), "digits": "|".join(r[0] for r in read)}
            drop.update(i for i in set(covered + token) if i != anchor)
    if not replace_at:
        return rows
    return [replace_at.get(i, row) for i, row in enumerate(rows) if i not in drop]


def _prepare(image):
    """Greyscale; a small picture (phone photo thumbnail, 100 dpi scan) is enlarged towards ~200 dpi A4."""
    from PIL import Image

    image = image.convert("L")
    shorter = min(image.size)
    if 0 < shorter < 1100:
        factor = min(3.0, 1400 / shorter)
        image = image.resize((round(image.width * factor), round(image.height * factor)), Image.Resampling.LANCZOS)
    return image


def _bands(image, first: bool, last: bool) -> list:
    """Quick mode: the top of a first page, the bottom of a last page (both, for a single page)."""
    height = image.height
    cut = round(height * QUICK_SHARE)
    parts = []
    if first:
        parts.append(image.crop((0, 0, image.width, cut)))
    if last:
        parts.append(image.crop((0, height - cut, image.width, height)))
    return parts


def _joined(number: int, parts: list[OcrPage]) -> OcrPage:
    """One page from the OCR of several bands of it, offsets shifted into the joined text."""
    if len(parts) == 1:
        return parts[0]
    text, words, digits, shift = [], [], [], 0
    for part in parts:
        words.extend((a + shift, b + shift, c) for a, b, c in part.words)
        digits.extend((a + shift, b + shift, d) for a, b, d in part.digits)
        text.append(part.text)
        shift += len(part.text) + 1
    confs = [c for _, _, c in words if c >= 0]
    return OcrPage(number, "\n".join(text), round(sum(confs) / len(confs), 1) if confs else -1.0, tuple(words), tuple(digits))


def _recognise_page(image, number: int, first: bool, last: bool, config: OcrConfig, backend: str) -> OcrPage:
    if not config.quick:
        return recognise(image, number, config, backend)
    return _joined(number, [recognise(band, number, config, backend) for band in _bands(image, first, last)])


def _read_pdf(body: bytes, pages: Sequence[int] | None, config: OcrConfig, backend: str) -> tuple[int, list[OcrPage]]:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(body)
    try:
        total = len(pdf)
        wanted = [n for n in (pages if pages else range(1, total + 1)) if 1 <= n <= total]
        chosen = _selection(wanted, config)
        out = []
        for number in chosen:
            page = pdf[number - 1]
            try:
                # a plan or map page far larger than A4 is rendered no larger than A3 at the chosen dpi
                scale = min(config.dpi / 72, MAX_RENDER_SIDE / max(*page.get_size(), 1.0))
                bitmap = page.render(scale=scale, grayscale=True)
                image = bitmap.to_pil()
            finally:
                page.close()
            out.append(_recognise_page(image, number, number == chosen[0], number == chosen[-1], config, backend))
        return total, out
    finally:
        pdf.close()


def _read_image(body: bytes, config: OcrConfig, backend: str) -> tuple[int, list[OcrPage]]:
    from PIL import Image

    Image.MAX_IMAGE_PIXELS = MAX_IMAGE_PIXELS
    with Image.open(io.BytesIO(body)) as image:
        image.load()
        return 1, [_recognise_page(_prepare(image), 1, True, True, config, backend)]


def _error_text(kind: str, exc: BaseException) -> str:
    detail = f"{type(exc).__name__}: {exc}".strip()[:300]
    if kind == "pdf" and ("password" in detail.lower() or "security" in detail.lower()):
        return f"PDF มีรหัสผ่าน อ่านไม่ได้ (encrypted PDF): {detail}"
    if kind == "pdf":
        return f"PDF เสียหายหรือเปิดไม่ได้ (corrupt PDF): {detail}"
    return f"ไฟล์ภาพเสียหายหรือเปิดไม่ได้ (corrupt image): {detail}"


# -- cache ------------------------------------------------------------------------------------------------------


def _settings(config: OcrConfig) -> dict:
    """What changes the text read (not the engine build: a cached scan stays read after an upgrade)."""
    return {"version": CACHE_VERSION, "languages": config.languages, "dpi": config.dpi, "psm": config.psm,
            "binarize": config.binarize, "digits": config.reread_digits, "exclude": list(config.exclude_digit_fonts),
            "quick": config.quick}


def cache_path(cache_dir: Path, sha: str) -> Path:
    return Path(cache_dir) / f"{sha}.json"


def cached(sha: str, config: OcrConfig, pages: Sequence[int] | None = None) -> OcrResult | None:
    """A cached result with the same settings that holds every page asked for (None: read it)."""
    if config.cache_dir is None:
        return None
    path = cache_path(config.cache_dir, sha)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if data.get("settings") != _settings(config) or data.get("result", {}).get("status") != "ok":
        return None
    result = OcrResult.from_json(data["result"])
    have = {page.number for page in result.pages}
    wanted = [n for n in (pages if pages else range(1, result.page_count + 1)) if 1 <= n <= result.page_count]
    keep = set(_selection(wanted, config))
    if not keep <= have:
        return None
    return replace(result, pages=tuple(p for p in result.pages if p.number in keep), seconds=0.0, cpu_seconds=0.0,
                   cached=True)


def _store(result: OcrResult, config: OcrConfig) -> None:
    if config.cache_dir is None or result.status != "ok":
        return
    folder = Path(config.cache_dir)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        data = {"settings": _settings(config), "result": result.to_json()}
        with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=folder, suffix=".tmp", delete=False) as tmp:
            json.dump(data, tmp, ensure_ascii=False)
        os.replace(tmp.name, cache_path(folder, result.sha256))
    except OSError as exc:  # a read-only or full disk costs a re-read next time, nothing more
        log.warning("OCR cache not written (%s): %s", folder, exc)
        with contextlib.suppress(OSError, UnboundLocalError):
            os.unlink(tmp.name)


# -- one document -----------------------------------------------------------------------------------------------


def _cpu() -> float:
    """Processor seconds of this process and of the commands it waited for (the tesseract CLI)."""
    times = os.times()
    return times.user + times.system + times.children_user + times.children_system


def _load(source: bytes | str | os.PathLike) -> bytes:
    return source if isinstance(source, bytes | bytearray | memoryview) else Path(source).read_bytes()


def ocr_document(source: bytes | str | os.PathLike, kind: str | None = None, pages: Sequence[int] | None = None,
                 config: OcrConfig = OcrConfig()) -> OcrResult:
    """OCR of one document in this process: a PDF (only ``pages``, 1-based, when given; capped by
    ``config.max_pages``) or a picture. Never raises: problems come back as status "error"/"unavailable"."""
    started, cpu = time.perf_counter(), _cpu()
    try:
        body = bytes(_load(source))
    except OSError as exc:
        return OcrResult("", "error", error=f"อ่านไฟล์ไม่ได้ (cannot read file): {exc}")
    sha = sha256_of(body)
    hit = cached(sha, config, pages)
    if hit is not None:
        return hit
    available, message = check_engine(config)
    if not available:
        return OcrResult(sha, "unavailable", error=message)
    backend, engine = engine_status(_engine_key(config))
    kind = (kind or kind_of(body) or "").lower().lstrip(".")
    try:
        if kind == "pdf":
            total, read = _read_pdf(body, pages, config, backend)
        elif kind in IMAGE_KINDS:
            total, read = _read_image(body, config, backend)
        else:
            return OcrResult(sha, "error", engine=engine, error=f"ไม่ใช่ PDF หรือไฟล์ภาพ (not a PDF or picture): {kind or '?'}")
    except Exception as exc:  # PDFium, Pillow and Tesseract raise their own types on hostile files
        return OcrResult(sha, "error", engine=engine, seconds=round(time.perf_counter() - started, 3),
                         error=_error_text(kind, exc))
    result = OcrResult(sha, "ok", tuple(read), total, engine, round(time.perf_counter() - started, 3),
                       cpu_seconds=round(_cpu() - cpu, 3))
    _store(result, config)
    return result


# -- many documents, beside a crawl -----------------------------------------------------------------------------


def _worker_init() -> None:
    os.environ["OMP_THREAD_LIMIT"] = "1"  # before libtesseract (and its OpenMP runtime) is loaded


def _done(value: OcrResult) -> Future:
    future: Future = Future()
    future.set_result(value)
    return future


@dataclass
class OcrPool:
    """OCR in worker processes. ``submit`` returns a Future of an OcrResult (never an exception): a cache hit
    or an unavailable engine is answered at once without starting a process, and the same document
    submitted twice while it is being read shares one future."""

    config: OcrConfig = OcrConfig()
    workers: int = 1
    _executor: ProcessPoolExecutor | None = field(default=None, init=False, repr=False)
    _pending: dict = field(default_factory=dict, init=False, repr=False)

    def available(self) -> tuple[bool, str]:
        return check_engine(self.config)

    def submit(self, source: bytes | str | os.PathLike, kind: str | None = None,
               pages: Sequence[int] | None = None, config: OcrConfig | None = None) -> Future:
        """Read a document; ``config`` (quick mode, another cache folder) overrides the pool's own for it."""
        config = config or self.config
        try:
            body = bytes(_load(source))
        except OSError as exc:
            return _done(OcrResult("", "error", error=f"อ่านไฟล์ไม่ได้ (cannot read file): {exc}"))
        sha = sha256_of(body)
        hit = cached(sha, config, pages)
        if hit is not None:
            return _done(hit)
        available, message = check_engine(config)
        if not available:
            return _done(OcrResult(sha, "unavailable", error=message))
        key = (sha, tuple(sorted(pages)) if pages else None, config)
        if key in self._pending and not self._pending[key].done():
            return self._pending[key]
        if self._executor is None:
            self._executor = ProcessPoolExecutor(max_workers=max(1, self.workers), initializer=_worker_init,
                                                 mp_context=multiprocessing.get_context("spawn"))
        try:
            inner = self._executor.submit(ocr_document, body, kind, list(pages) if pages else None, config)
        except Exception as exc:  # a broken pool (a worker killed): report it, start afresh next time
            self._executor.shutdown(wait=False, cancel_futures=True)
            self._executor = None
            return _done(OcrResult(sha, "error", error=f"OCR ล้มเหลว (OCR worker failed): {type(exc).__name__}: {exc}"))
        outer: Future = Future()

        def finish(done: Future) -> None:
            self._pending.pop(key, None)
            try:
                outer.set_result(done.result())
            except Exception as exc:  # a worker that died (out of memory, killed) is an error result
                outer.set_result(OcrResult(sha, "error", error=f"OCR ล้มเหลว (OCR worker failed): {type(exc).__name__}: {exc}"))

        self._pending[key] = outer
        inner.add_done_callback(finish)
        return outer

    def map(self, documents: Iterable[tuple[bytes | str | os.PathLike, str | None, Sequence[int] | None]]) -> list[OcrResult]:
        futures = [self.submit(*doc) for doc in documents]
        return [future.result() for future in futures]

    def close(self, wait: bool = True) -> None:
        if self._executor is not None:
            self._executor.shutdown(wait=wait, cancel_futures=not wait)
            self._executor = None
        self._pending.clear()

    def __enter__(self) -> OcrPool:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


# Digit templates: ``build_digit_templates`` over these fonts (in this order), 80 px, 16×16 at 4 bits.
_TEMPLATE_FONTS = ("Laksaman", "Laksaman-Bold", "Garuda", "Norasi", "Loma", "Kinnari", "Sarabun-Regular", "Sarabun-Bold")
_DIGIT_TEMPLATES = """
eNq1fA2QW9WV5n3v6UmvpW5Lmxr+MVaFocJfu7WbuNZxMFKIkzFJoAWkE8fBqJnK7k6FId1UDbNTroCEwdAx2M8k1IbMLLQGY2Bkt1/nh5T5szow7BADUdtg
4m1jnvnLGohpudVyqyU93T0/93W3DMxsTbFd1fW11E/3nnvuued+95xzJYT2fTH387lC4WqAsISfvDDd7UJf20z0vIL/Wzn1Mj1j1Gv8cLHKaPuo3j/sEJj1
pPqcKbkdEXKlbA5iG0NDYsGPpv23+Rf/ufBYGuASWRiRDwnTgxfne4noOP6vdzybwH5C1Z3COpAdFBN1EU2H82JkQnQNduaFs1OE6qW82JlNi7X2oNjb+YrQ
R4ReNeRuuyKsslgh6wmxMsd99c13q2v/c5F61yir9z4ZT0mYKUDrg4ObDwEmU52jS9KinG19KxXJibJ9ypgIj4ryjdoRYY6KqcXPbBXWqHhBuzMmunJiIIXq
Sgjr/b9Ztf4d+Hu5Kw/GoOMFc2H0xYV5tdBdWYPffPcrenbzQ6EZ/JRMiIkRkLguhAO/An4zVYW19RsI5YRHOBJPphF/BHpCTOaKCcSwrNP/xbKEaPsJaHer
vzYrPMgQepP1ZKdhMgsFCT3a9ULhZjCXt/mJLYnAjn7Amkg+MgNYFdeKAuG6+F7CnkP7AV8SpsQpzgyK0449koI5LuySspUTywsb4yI4KExtKyroVSHugn4P
/FDo00JYgxFhgRUE92dEBoTWSrNrwOK+WJTyybSwammSIZnmSf2diMh9LMN/+APgtPiueIww+d+hMfEa/B8/sTmm3XD0KiEitb61MAlxbbPce3PfLYMiqG0Z
UQpIctMiouwDZpRVcUQso86mbCm924R4+V8SYk1DiIfxzbPzIkZPl4V+DSq2KnolGH+gInabx+n9MogjOsZEYfWbqD2xUm7sG4FR6z+S8tE4DF3bokQoKFRL
TFTn8JS0WBYXVX3SO1/WRLVztHtL2k5Ue+PGrFh0X3Uzfib8cLXAWCmcEr8GsDwyCU1E7yzbORhlz9p8b2qJEAOZROfjLwlROgF296wQKIPl24Op+jSnlD2o
1bA4L8SaQqHgxcWlHuCgMBpx+k/X+AL9mY/FM/RiZJzwMb2aSazYJx7Vqj1/44GZjlQ7D+3vfsUcKRutuF7aaOfEt6GXEsxex5xN+uOeUVifw0Bhg74Nxmjv
da8t3VUJ1WCdnFvK94yBIaGtgcX0gPbRN1nw3k6cvwPwP82px66IieTf7u/OWftF5//Oh/Pa4bjuzoB76d4vLBd0rsMnBKxNo/gezenSrReRDUwI7V2AIEzn
rYAdoIpeWNudsAqi0FkUBg7LnRDcQRuiMdH/4Dc8xp8Lgmq3cLv6u9xP91ZyBsWj2K8m/hJ7GWSn6bAZnv0E4/2WMsv/TxiVEheOjjKYe1q34XuZ24wJFOUo
KBfkN0D+SF4tFoVLUoz3KPfyDuMAryVNTeDZW9npvccvM/zh4Cy/XKQMqQf3pSPwGM5FwGnSuszkyCKNE0K8gPKlhfZOmwj60zRn4roGK+5nX3sjpgxTLejw
aPvC9l/3KCF/D89b/yzWvYWtPSB348cDNBfi69xHWNJHtD1fJwy/zU1k0oTa+9ykOc3YMc64qJ8xmmDsVV33PvXUng/gj1P6+q59Pt0mUhuaKEMEdEJKUl4q
+gm4ZM1GGnZmooiOUawWxtNq9ZzT3z5nPnZuVXriPUJDJ955u7gRPx/YJX+D7QUF7VmnP88abHFTA7fxBKqdYanqYIcygprTwCatVuo0nKsIGNYDiKO8DiJq
XfiIbj8D7+uw7J9hvV5IXsgsUTshcT1zFuWSlqp53am6q7YPK8nuSUyonXZa2bmysk716ajaGZNKS99UePfHokU2WfJtMlhV6yILnQWghyWDCvvJHsSDKMRZ
/+uG39I43pCkISdtvo8Cgy339pOdkE5QcLRNnPQO+A1OK9t1+s1jOAlWCbcf0YEyWC77qF3pC9Fr4bN7lcFkoM8I+qUFOqb3B9m9l1L0uYsktem+pzZAo6IU
w/rT9vDyuYIn9wK1hOu00LU2PmlJD8U8H+cmJwzX27jGBS6HiyUiR7NNfKY0U6L2M3Wevh41jUlZqvL7/nP+5/x2/Hbn+pmjk8Qn+64h4WFvxl1zHT4L7lzO
xA3bS2Q81LMsOxV90+0iOyPHuqRMRJsy7+QyY2BMeSnCZcBxeA3oVFfC311e0vuKK3PJuiWbjhd3qtjuQxaQZbE6J2xvXgZdu8uXSSr761S7d3ge1z4K+2K4
Bv04cn+4lqnd0lpXD9dKY6HZsBeuwei2hyXgSzOCEKYS0f15jfBCGD1gg1qXlqSful4ifFZbyCd15pPClnUTmrXkS9JtlmZ6qqJb5q2mDYRVpk3pDAICPwNy
xOi+wii9CxFLY5kCop2OEiYPOOsRQ7JOz4nz2vmkFtA2qT8V5TeaavT+sQGs9GtDQ7tawOxR7J+Is1p3rloFpjowZk7isij2Z3agiciUTQRgMpX9Ma7Z4tbF
qHgx8I62pfUECvwkyinELXLvHat/Ny+DqSGXPb+fZNAn6yRDcN9AIgwLzXxrIDYMm8pq2XoQRj2AMrwLZrZ3aAi0N/C2/vc4Iid36RtvUt/2Z6osS1+VZEuS
67f3BYrvA3td7P2XETQ4zZGt3Xc3UO+wWj4jtKC2CUdKvEitJ397E77ZlIz1hY3YKMpQRXykbzPItOt67KEiyKDDIH4BRLLqsESqhMNXH6L3i+hgeyoie//7
2uVgGmdjOzBEsaIkX4gLLaTdpXp6TG14yhKt6tycrLkpcGeCLN+W0+FycmZYrq+HK8X+rllNhqclWq0bLhPKaFm6MAMyekT+03si0BrIvySGRagl09nPvgwW
2YTfd0TSA82DGs6DOdUsX4aw8htdCpPg3P9s1ao1QNtvRblr8S7ZLOCJIKv0VFL6k+kFeME2xDSekSavH26snLlu2m5IV5bD1R65/2I5m62YrTiYhCQ+KdZu
E1qHb5MBNX6fhoiWQjDlwsPGds3TYS5K8lC9y7t5i3zUrdj7hObmjJgLQ0qOox3AygPJ5WWbBg0ZF+6NMPkgqD05uEv0nBDnyPQAKCalT07gcasizpTg8a28
RnzSLLLXzDSKaNCBViKAqwPNchgGFwVe2YvcEMyzB5xiL+g6Cg/aJ6H/Pj63BJ5bBJtjZnS+HWz3T6ofsj3TxX41xSffUud53gcvkoyT6vX6JWp/jH46uMJp
PEpneSkb6CdRhmDR+wn5gsYIzJUwYEaHx9lRog4C98G41LHD5l3aUEZwJc9gQPLedCmbij550ktmTUsbvHPhubWwHRY1rzON+KRVbGCTmlungYdnY8EaH28I
BaxtXrdaidnMUtp6RFDKJpHzbVrJJxiKh0QV9ioswv8jf6nd2IrR8CVyn2BR7sZ1EWAe9XVWUlBNwsCH00yrVhAuOhEmtPOEmowTWrOCsKvKCDZA2Pvqqm/M
XCbYp4EtLAM+WbuKV5+alIWomShDBp7dSvtuAd2MyCjhB9TgHB8PMp90eBxiz/fXtvB56C+rmNSS40oPlXa9OKC4jrQ4w0M9tAqshz3oosBPiv9KE0r8SBgl
j/aT67z0Qnq5dHq+IVo3D9Je2yGPbsYpjsCqxElaBNOfgfUTrfFcRBR2qPd12a/jQoZ1QYEUOFNgO1oIbJJ0Bt2sBVNxWX5jknvvVN5igBeOJvlcEVJuvPNE
++gzirLbg0po5b6Kyte4cz5nAWrEJ093Gzllk2iDVj2mlRLMl3E6fLSaCXOSQiINl2z1SqQ6oNPWfZejrS2q8jbbO87raM5fjLO/6JoV2nAeV1HdIQ/4xUnk
k1oHzkXIbZCPcurEx8xWIohOL4K+BT6z6Dj7HcIy+xy7TM8F5Dh/jhZnyK27rL+gUlTmLUUS6e1A6Y80cFdFD94nNenEJwMcL1zuSiR6hpRDQ8DWutAHhGU+
Q9NjV3g9RmpSNfsRpHFYjSJNSLSWrEFPujtuyYPIi3K874JTMjZLeTCxIDSo/a0wNkm5XfDygHFZ8vm4kfXiSeJebh7UuywB/t3JRaCFaM1NZ7c7gxagk87k
LeBVTgKw7ozbB928BX1brhyMViPyoC1xYQD3eY7sec0dYL/cufPK3PlL17WtTWU4I2q3NuofiYL4eF3zfLlB1E3PcV+qifqiE/CsFPUMmgXiTTOEPQpD6n2x
jOyvqexQ7gXj39nkMcsD+sl88rw06q0K85ELy51yXb1USU6JlTIN40yDVUIbLgaCAaWPq9OMskbo5GxCO5Eh7K43CY3iOKE46UcPaD9v55P+nu3v5R2VuRiC
tmZo6O5mTEM/DwYdaV6l/qMRkzosLt2DpjArdpjThFvW4ocPgWtHVds5wzl6R0xEvB3QAKyRza3t8fOeF7qpDasYGDm6Uzd2ETMB60RLNmctOkDha7K4Cx7J
pkSoKD94uhXT3IN93y2k0WWr0EbA/SWeetLRDQfpZBu9AzGaC1H8svO4GJgFaY1j9wOvfA+3593pwF6hB7Wfay8o9uIqw+jxT7BKBeYJP2y4bIiGvktKGplz
u2ZXmAaaKAj+Ew/WYXCzGCG7de044WPmcR0NfMvdR76EbUXki7SWtc1yG8xFSNt80uy8r+ZACRJVJ6DkoO7sP7sZ600tPbjnmS2jvanhVNeUOdWbOiQ6xsxq
b6pGEcaBRO3vYsKsPCjk66Mi/FZNOKmyWPLAPtH7syNiwEuJwI6U+Hn/gh4tbWs7lzXrJ6F6v7sqQiU5UZBjulsvACEW5yj1ZNExL4sLJ4HupAoj/zxI/LJw
loFvSTsiU2jOdk9I0QUvt93jocsw5QisnPP3ixXgNvQOX4bMYFv8SiQVRucx5B7ofqgnDxzEdbzSYMCLdcgVjRiehnAaO8sX15FXRssj1y2HLsLlQuRqNy7C
FRsdCZxcrFKiEx52Jg4J3cNjOvDJvwM/iftFsMS+2q7TmRp4XxD9f0cNDypgbBXeL3AP7B1VnHJc7QflefTf95/zP4ftOP3z7fr9qH51TVxPHlht8zZjB5/n
Ddcts99dQtiZiJ5Ekz4N1IlPWsXWT8mBMp8MAolA3oh7Uxes9NA23jtpl56aP4aiyj5kijjwtuJhHL60OaTY0eS9ydnHy7/JDy9qgJ/cpuKT00I3eC6aHNOp
OzWeCwP36I4ZdCzwxn+E/TOn6Cm5e2vXOyrK+Zqy3Em1fHB/9QfY8RwjcuPkEdpn9VKO+/EoIFdq5tBP8lx0qmHajKbilYteZ7S/QWjUWB1L9zEWU4RWjdUE
NkBYfLKwq7FdnU95Wflq/DjUKT6ZoVwiyLcXcwNg5awzTZGAQEMdhmvffbKft2mJLinSTJ+CfCFw2/z4Fy1o/PwcH6SRW+KC6ajHjFJ6niuJM1zkcnqQY8Uc
i1E8T8fzWJrtOZtj+2b9GpeRvh925S8Q3wD+BDPeCwI5sMR7K3weQx6LRhxV3AftCteHiXNM/lXxSbYBHeOTvYpPrkA+yeZjKFuLKD80MKr4JBuZv0Wcoyw0
o46/Tqpt3/P9nB9V8mcgWlm4OnSLY4PMIRSXC3jxAHZmoX9Iz2OwKTSySfvgA0TKvinlP9Jq6L8AqUnXDJ89k0fafQXqI4Nz0YyRTcJcsB5Od0kPHcxp6cwL
/yMZrGbc+DDOc4sMOal8Dv2OM4seQO4O+y86kIB8/JYiDukK2VhCdvGFRI9i2BmYo0iFfZ1VZ0KuuRMu8cwzJt/DoyXxyeVS3o5HUW/jWoxLIk/taoDvT+AK
ySVJZrdM3Qi7JpXfIjqLeZByG9Zs9dxK/ty4xe2kRZHbFebLGzH9jZwFSYuhsQwNJcMaF2VAe8Y9JoGH21yGZtOpFP2+R1WfObEph4skF6nVCKOpImCxHBW2
iDYy1a6cI5LVLhkAzlXMw3BW7zag0XXezvy6A9DGmtvFRuhC135qKdqg+Vk1P+HpKO6bUZaWSRtpM4Fh7XXXPjIBePvbwdHefpEZmv5sHPa0zKbGuIiOwuvy
RsLbjz9MmLsuj3se5VEy/SKMdo/R482Fwo4NwjC06+bz3UMJsQb5ZP1AeG8zEa6Lix8VmakMJe2jNacs9IQIN908p1ukQjdvYBDbc8YveQFjSsmpR7vQMURq
j4fBmEbBhC+GgQGB3rRNhJ89mU4KI6D9VP2p9nChjMlQ2M1O+PT36ZD/IzqPGk4dIVDczvr5JcW2DBkz6uO0jDryuMVURWQUyF14Bqwcl5UX0w7jMa14cNWA
dzsdrbb3jcQM8yMyIBppoaMM170swvh6e/TbEyjD97Isgz2RptTgIyzDfnEeOY9YoD6G7pRlAF4RUbJYdTwqekKbwGPPJMhQv0rJsFMYQe1/BP9Z9X5Jqj3V
K9472UAMrpxwnhiiZMMa2Dr2Kz+Oh4fT0yiIEBO/oghZoPxVwAQcWLbB+8i8+5mWXdmvSjHu2fE8DGUu3x328wfKQkNKLwHlAgNlYVwj+hDtl783sj8wZZ7Q
DhqeWe06Im4SzpoKuQR7qEyH78yOcs8oaMe+NR/95es54diD1nvpI2IPjOeZ9LiOfvnM19NwjBbGHJ/UFJcTirsZCgMKLcA/+4oQi1PiYjheFBroagpS/pa2
eNp7Rxdk4FYMAgaEGHtORHJOLpC/WYTebH6QehXW5Mhxq3YJ+C3rFXEBMHCjY84e+tttUhxpr0QxQR9fTZiJrq1inazC6T8RaMWvOL72YRGZEUF8CI7+tLyj
Vay7AJmq4rJkCrc+az3mwU0vav0n3CmczacnMJNlHj6B+SaD891799IW9cOUhcFvA3YkLALqwHhCP5/5keriXoj7IoaKMAbwSeg/13mcfbWFPj893y72Q7wr
QP0aHJ/kQ5Yw2RWKROakqNqnjar981xcHgbnu93ZOGW+npEoXzAvltbZTM0W5WHnT6qKzuhqNw6qIFCnsuQfq4lTRvRX6iUsgs8CXhwjczOOPfXU0zmMMMJP
HPwkzUWpTnNx7ZCLc6Ht4x0/EJs/6agdP6wseISe127k+JzQblGUS59U69tW5tWrXg/E57MD1mxieY7CMt4G8pOc77aUki5l1JnTi4hS2l2KbYwynpVifIxZ
CCxfwrNijJv6+jLVq+fisP8WtzdMig3CoZ6UOSlpPNYdq75CeQSV1P/hnTyKkqzRO1/dLH+rJlbpKTCpxjns68Eff2K+8kmH996mI3FqBapJL7IeVL77cz+j
Z8/4I/UROKS0okLp6kAe9PRVpJ1GieJxi2ZjpyOfRJ6EfBIHhaQv6q+LCvMeXF94FsMAzwBFItIaVWEFXt6JywXjk5rKdwcbTz21B9oKxzljDS5G3Khs8Xft
+7tvi2FlfIuUh+uNtWXnNeW+Qn7ad7ytGoKtxCA+aRb2khqe5LoOjKI8o9JJGN0Mgvzvk8Hd1kFzsNRjf2JM8vKwdvA+fq3mVDnvbREfneYoKfkHUD4m023c
OJ+OcczDOlRAPVB88oz7KUwtnhbhtzjfrR1DcyjjMYb5KZ63cHXboKclMCp7lJOx+L42OXgKnbNWyF8V2Q4Mrz2Mks0tJNqBXbRqjCfp4UAbn8Q52YbxSfxJ
hGUtFbDleBJjLqas8rmk9yT+aCmMcH0NvG+TDynWkqicsKzAE7vvlgvik2ZJSibyxCcDlO/+nqRY8UqVa5f8LMgAp2FgiTK9dntIjtsyUi+Oymm7Fi1HK3Yt
U++acarwSn6rKAHh+U2I9PlysWbAmOrL5XjXr5cPBaAdWx4cAjHEJfh/PFStdmUNIKBr60tqrWaVvSXVeos2hf6C+RwmlDPSlbmQPFe+7pVmTLlWbrs96iF6
oC1TbprpyZlSyG1eKY2Yv6KKOWU5RkdXQUYCmJQYl5RCJbwx4Ys/gYXxST8+ZHs508VcoqzDSXQ8W7tWygPZGScnSl48XIcjI1Bt03MGcYs0pZNnzD6fDk8J
s5mU9XAZeCVo6dw0GI014/BuauMq6Zk6ub9AQPPz3Kpmz1LWtJSX1efccfE5TNC34sFJnKKfiB4V2MUjFUbgXFgC2fXHaUtxTp0mBDMSIKNYWosDuxfiIu9h
GP4HRUrW3CK97X23ximIhTKYbTIs30AyGM03xKIZ5E49emm/MO5uuiWZNlwK7YpFcntfH4iR3U+legLTDMmXx1kGk2VwXj5OMiRBRpQhXL9GdMgP9vgyPLJQ
hqB2d7faCw0VzhZZRd8ilcCqGE0ljD/OkVLy/5/HOo24CmpigmZTQmTBqrpfr2BeG/xgnZiM80RN9B7noD0+11OPX8iHLrWPrJCwYQdC2i1+sFrtkNLHgPuL
KzywsaRsSlkxpf2KW+86YcpSLjtlzWL9Q6ZsNhDPSzPCpxDB4SEWj1aBQ3VIO1cXXZ7b7H6tCmYp9xtw7l1b2D5vD9bJ9uBnPyJsD7ozLvQ1hYIr0wFUwwdo
D9fM2YMw/imO9gCTUZGooMwpHhr+b7uldAY75ay+Q2ZeiU656WC9QxbzZ3tFsE2Z11yUuA8I7VUi0OHrQdF2OEf5OXhtV/3Lbq5rFtbH67KarGanu+WzLXfc
yYdkIiPTMq3LeJBy7JRsA8QTvgA9UBkD6MFqkI+s6zgD3a/N0IN4/l+xoCYnwPHJYoOcp81lCQF52+l+fBJ9MQarcB+kWIIfY1Fxyc7pefTf938xpkdxB+CR
w4Pz7SKxIJ8bcj18W+O921ZxFpUVPpvP1qFJfh1tccKu695exbo/TQzonPdv/UTlTpEPmK3rjeFPiE/6xSK94yr5zHvUdSdU3pt1bL+r4pOJhfFJU8UnO1Xs
aQljgPPdrsp3874DJ9RTPxTcP3JyM821AxQTZUI8zCJlJB+jv7D6w1Q7c8a5uUjNEXIcjOV0NFMUx8N+GhwLwn0qoPLdc5ncaTUexsUKnSc5/y1V/rvG+Wpn
H2GoFSM85wTnsbONp/Y0fyO4jqj2iXluHwMUnxxW8cmiQkWOdd9VqOVqNYfRhqjcEscRbaSCVGUAOuo5/tHg5/J+ZbNHOD7Z1UicivljfVKJtsKtY2kGxyd3
te5l1coWOczbjNJWXhcXjS6ITx6/4QmUrrfBbfTKxy9HcXvrbP+9VQ779UyzDIvQnqa41AZlCMgNZinNdsfxySJu4QHkk3580kdS86gq6lSV3n7FlqqrbbF1
ddTa892qtFc4imX/Sfme2fZ8TPuMBDg+WeQ4rVq3wVaa8tqWitMiYusBL6b9PsHx3BMqPvkc1ZPesRrjrxhLRJvEMeMcIKI+UDcoZUfzqgDWaqBNttgmPdB/
QNVPso9SMsC6OB3rGrr8eht1lsV5xXgwvZ7mmCguEFPet5b0B3P5Jyrq+Yfdfo4B83MU58zRUj0V47/++hNnTH6Ay47rJ/leARpyDfpeWUvo9gEwRYwNurkk
10VWuBSmq94eEzMVWpLLUcJelrrvqUXrnCc33A1ISxLifG/jd9yHqNZT3jHvq03ikzrXT4ZKhREMdhVfofGGPcqZp7nNZIVSD8CLwA+tToOhyXS4XoX9ReaS
iSy8dnI9OSfXWbPLFKusds+IPltkx025wTigH0bX3EyvfLatIpBk0LV7LWVIwen2DO9H0fywf+BVwM7XKu8eA0z2j+TsRKCWEclUbz9iSPTmAHf0E/bcVCHs
un6aMODmRG9aO0Yx77i4kGsATQP0YFxN26gJvLUbFk2X3Fy1d8vRbFU/PEH5fpGcEl1YcwDnJBg3Ha+o5gDQnMeE0OOgdOeZKu27dj2bpnhlOYyFuNUwvQaO
Q7epls/tnGbAj4mtS7fVvAiX/VRQkSwkbhrWLWBY7XHeK1p+akWc7fGxauQ0Lht55vw8v34iRiuSTpnidbJy2BF/rQ3/lNO8eI4xTV8GKl0JfJlYoHh6V9zF
A+eY9TM0LGOsAw3xU5Rhy0IZgtq9hl+dZ6fb06r+CdVPPEaah57BzwZumldXR3W+2BI4FR1Qz7kLPlgEionxtBKs3yfzwgB9Jh9mvxmsJQJ7+olO4uHfDPlx
uStj7QGEjF8yvlVoKXGu6BoVvXCsyYdHtQ++cevNtfCoNaX/SYyER8Pj4oCww6PRUfE4YA6ejAs7OhjGyJ6dTFizu4Uo3AJs/ey0eP5fhHjxrH7NAz98dl0Y
tZgwLX8udqZOsodEmz3cquwBA1dXPh47aS6obrIDFX00k6Btazqag7kYFve4OfNEqAg0r1+rd/51Dg/eVw5/4f8E6hiCEhe1BoU5F5+8UvW9xI90zqP2ZfHn
GDIYkNswi27MXi63Hz4WC4+BFz3zJ6gh6haexCy2CJf5qB8CN7oEKKD24Q33UlXq8Fv3CzzPn7Pvx8RHdNiUFvdjyA1jYi9y/OG6FMUfsIzTwbsaM5zUxx6Q
dEWn5msooyoeuRB7FnBJfM7nmijAAHKXWb6fgP28Sh7nRYxjmByf1Nl1GooenZv8dOslP4Ls/jHYsA39JMoQUvHJp348iTGrjrSI1Ok+AO/d5340PjlXLbNP
xYLUkrpfxX4+Pj55LfzmOD75jB+fhP8Sn9QcrtFbeT8d08VvRYjcQmK+LkkFljq2qgtM3OcuRdW0a/1zYjHXvqz8ezq9Ssi/prxx+tR7iRC3tpGf5Pik6d9K
U6hiEh07GL+pXMSzjB05xh+x69CmGMMpxu/19V2L8cnMfHxyzsV8DJpz8ckExyebKj75ZZq+j8QnmZ1/7UE/Pjng72f+XDknxSftWPvNTJzrSJ3jk6aLaX9h
qvrJ5T8nGc5U5bG/Z80u8Ut9+9XBXFEwb5OLuoxizjTG3L04yOvBHp2vA0GfiGjh/RTs7RjH5cAPcHxSfwDjk+ZcfBLca6jx1FM4nxEYdQ8lYOfugvk3S/0L
OKHj7fd0/JtLP1SP71WPq3S5pR7vUlGFpIpm22QHHJ/c+xK1cU8scJTKHMCfKOPHp7DYmu4Tub8wKUa+tLWT45PuLMd1J/hseEk8S3UDR0UA+SgSEuShGJ9E
PWB7GexoS0p7gnp/kfTA8cmhj8Qn31cB7WJCxScHVXwyxxx1Lj65FU+p/adODtJ631ZKtNX9db3VFsZXFzQDI2Qt5l6CYNt9HPM7fQkVdwH6pzty706qsx/E
OzpjfJE7O8N8sqvOZ0tL+lhSfDM7w7npMDqgS4Bt0nnrIKZFpaTEqOhbcLNaBNvudxvf6cMFgBwLLNaUzZvXuF486qUw/50HXgknTwd4pe56yKvS1v7MYKgJ
vHKsJ29Kd9BounnTA+671k1b9e5mOgTPVXFIFaw4wvvdpjoVm/NSBHXt7gn/3oAynJ6POtj1G6xHAbtk0wa2Op09kD2RnYpOlzZaY13V6LSUDyXC9eh081zg
uIAvES6qrmzlQFYKhAAn1N3nsFYiLy6l6zgwh+ulnEiIYFt8UsdcFlJ8vN+dC8uCO1J3asmKSMqc5dljoHC8b5PGoBXFnxj70qa6j3MeoptfuZHv44S3032c
8V56HVb/F8vSbfHJ4ByfFIeVt2m/j6M7Y3S/223F6Wjs3QYni+19dF97H2XoRanfou8AkKnoYFbhLYQWeUlnq7D/EMfq+1V/Mdl6JIZHXnlYlsVphe1w6BgM
mnSfN5Dmmy+OF0dyEags3ooymMc7H8Ia82VeSQJjXMcyhD4dGcaVDOlgULvbL1Pv8i8AnmjfG2GvXHYzlkYewvjyBjwSbu/bAjI5G3D3GhdfICuqzt1nCaLd
AV7ad5SKzb+H97bBonsKFXEBzKDFsVY8+2OxezA0d6/5B+2781wtY1UsS2nfSphVS9YXyWmzunRm4I21TbNq94O0rlktYdLF6atKxopc9pmrhHNhWX4Am0Pr
nDEn/vdAaUv9WUBLeqIT3g9jcTdeS8LSuLn73XP1Qmo8fmwb70YtW9O3FpzEhRxX0d2DfX0b4TTTaF8/lAPsbnKC9sV145ny6e+IahDWjSvjW5xqZ6uanLHc
cUPmTSpEXYtHredEcO5+t5/B9LOnCyqaje+k9Wv0OsyBt06ur4ZbN9uyIMcz00KX8WXEgtGNYtQTj9mISN8mr3GPaodjwt6bzyR68qKnlY6C24CVcWAkjncZ
voTRrAvTQY5PckxM2Ac3Uz6qGdPwrjCaJfp74ojjTHcXqbhkZPqT0X8O8+RLxlU7g/PtCufgZrI57jfIfPKCiqr+Y7UWjzHWzmJM/Gsld/8OXLuL7+PYFNcK
Ep9cO4mxKVj4Ey7Kl3xOdFCeOwbberrtEpamOFtQnS261Mxl96mbGUxdzlEUj8MFYjG/NEr3qqvlhUIhTykxTIYFiU9ePklzYYEMKGjnrwV6CaEtuDnxUtt6
1ew3mT15RLD0oaK6fUz1ZQsSeZxbVZGqRb/kPT0i9/LdiR9IjP8EFZ/073pwTk4YrYYqtmPsfZjx91zGGJxhTI4xOmlCs85ljovfYsy+MPRj7475OOWfr1r1
F83L2sohcaxBik9KFZeU9N0KXD9Dsd2Ty51P+RZJ1pqUf+RS7tNwjjB+YftfxFBpX7B4swtrFzDFsvRXHEyGOS+RDGsnG9eDDCrffcHvVD3sDFN3zntHVIDZ
VrMtP09Ut6PlksiL5MHNGPXrqXPoAONlWBLdu/DcdYTvp2ToHgvfbxFug3OlFsWKg3P1k2VVP3lEBfD7221OEcHJdFvkttN3aEfaLzL593FU1leU4h9zD8fH
oH8fp3/BfZxQM0ax8UiVYxIRFTsPwT/30OK4acWsuo+DHN889v3vzqrEMvaORUroI/y6a4xTJsdoQLRSArJepLm4nO7jBCk+ecakf0/N5XtqwsQ4ItZCIl/E
tvyabqq5GeP6SdzkSkdwRd53C93v6pZNrjv+wnnKlC6dVtecaJnoD5JagdPxRZwGrYdQG59UPI++1yeN31WDmzXmWg9uxlyrfAXz0TOlJsXTm3yEsqWP/vv+
c2FgSSNo7NzOXLsn88lQG58UfpwSniVOS5yrU2JdJfBJ2GvSF8pKqQl8MuHWZdWqJMdQhvBUTzkj3ZrhlQBtLw5M1q53yz+sk3F3BsdyIAR8wSxsFz0ycXKe
N6RrQ33qXanWrLruAX0zRmTqtNvNO2MReZkrHTkWkd9sOZ47E5ED9b5fndOISLuO97gB8w5h74HD8OmwvMN9VfQ2TFlLAy+vcH0MfiET/vEbysUgGQp9TL4b
+O9rZqmZwA0WRlnpAfcpJ4DOevGlMp6VpRkQCw+0VYXNbYxSfgnR2Z/ZgZh9lrFTvS/Wbwv0Qbcf0cMcnwyr9RJRy66npiqEwNi/WyiUZM6gcRwFtzDbh5OW
9eLnEZebCZAKZTm8D0uRAA9kQbelaoCO0Fmcm/pNoJnGM1K27tVgYPWCC0aOWjATIY5PGleRDJrbSqEMwWpkHGWwpjqm8JbCcg+6z2kPsgyR/0cZXCWD/W/J
AHyy5PMg5Y+iyi4iam8MSSDWd+DxC/P/z4Hp009a4DxfB7ZWwO+KwAupqOZSXSzFqiGnLh5cA15jsiZ2Av/pgPcyL9fWlOBzEZ9PwvniEWh/jk9qq1SkRc1J
Z3NOokBKfAVQn/QWy33RxlIpJ2Uj2hieXlyPyGSjNBauWTLTkKOEs/L972wPS7s2eawKY3eniuknqQo587ujYkDOitDkVnBB88sjNMcnnerHogb2DAezvnVy
jPmkTOiqBqFLAq+ETSzTUrcs0Feaj8WdGl7IGRl3amd6sR1mNdN05f7sSLVHypJ3qxw3YVEzn8yB+T8nQnN8MqI2xw4/iSfn0Czcbm4DLOI6uacZ5rmYsb3U
mfLef+gHizGw7AS3HLQeWV6xLQNadGuy1Qn7pC2nMleDAz5HHu9NXdlKwRgawA7i0C546m+Bn2zbLziXFJbvDqBv6JGxIMZGBsBAUB32LBoalvz867/+cwNN
UOMU5nPjIRQS2s1iu34/qt8Q88lvsBmezm4q4DKGVTo2fICpjeFTnH8vDhU9intJdceMMaT4ZPN67pM6zcr7i8g1gA9FUA8afqmZf1mIuUqX5CDhACcZDXli
Ya5eDLNBnymZ4hXZYpbK+tDQHSqHWZvDEPJJ7QeTNBcRlRrOePcXqfYATu6Ky4YV9tB6Nb49eULFP0iU4FOT6vr42XJs3pQ1RMy3/iM8ifdBWjC2/HyeWLtB
Nm5DP8l8sigVj5Iqz804wKhNThJarSxhby1DWBonDMl+wh5PEA5PMaparzkcGhpy5J0qWS/mMIR8Mqh4VHgOdw8NEe/rV1w8pXAzfcdTlGNFIikPOhIIdq8H
45xW41eODtHArRwUtngU5hBtunW/g3pYrPQgbiA+GVJ88vLDSuWS422S6voupTQu8j+1TGc3xolHco40iWVTKbSfe89AO7FhoiYrbIF4aR/WhShRnUPC4LEd
3SJzbbUHyKNCyCdtFdP1cfXQkK0CsQO83Ws8/yDFmLqXpb7biG938nfvId30HVtZ1RaNqSkeVUPcqjC3AEOKT9L39vjydSh5YQ4C2FpUsgPqxG9mGcWm6w6V
Rw2r3DQ+j19EofSQRR8xw9/EiL+ZFkt3Dj73Ju4tXG8ivuji9y2EiE9+kddFQK2LLnnUQRPI4DyPczto14SoYziKI/a0UmfhPFuy4dLIbXVO0f9qmPXnF3lm
sWsReEDS1wNYKj0d8O5D+L+wZP1u
"""
