"""Thai OCR of scanned documents: image-only PDF pages and page pictures (JPEG/PNG), with Tesseract ``tha+eng``.

What the audit calls (the lead integrates it; nothing here is imported by the pipeline yet)::

    config = OcrConfig(cache_dir=audit_dir / "ocr")
    with OcrPool(config, workers=1) as pool:             # processes: PDFium and Tesseract are not thread-safe
        future = pool.submit(body, kind="pdf", pages=doc.scanned_pages)  # bytes or a path; pages 1-based
        result = future.result()                         # OcrResult, never an exception
    if result.status == "ok": ... result.pages[i].text / .confidence / .number

``ocr_document(source, kind, pages, config)`` does the same in the calling process. Results are cached as JSON
under ``cache_dir`` by the document's sha256, so a re-run or a batch never reads the same scan twice. When
Tesseract or its Thai model is missing the engine says so once (log warning, Thai and English, with the
install command) and every result has status ``unavailable``; a corrupt or encrypted file gives status
``error``. Nothing here raises into the caller.

Binding: tesserocr (Tesseract's C API, manylinux wheel with libtesseract 5.5 inside; the Thai model comes
from Debian's ``tesseract-ocr-tha``), one engine per worker process, no process per page. The ``tesseract``
command line (TSV output) is the fallback when tesserocr cannot be imported. Both run Tesseract single-
threaded (OMP_THREAD_LIMIT=1): on 2 cores its OpenMP threads made a page 8× slower (16 s against 1.9 s).
Pages are rendered greyscale at 200 dpi: 300 dpi was 35 % slower and no more accurate (bench/ocr.py).
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
from dataclasses import asdict, dataclass, field, replace
from functools import lru_cache
from pathlib import Path

log = logging.getLogger("ita_check.ocr")

CACHE_VERSION = 1
TESSDATA_DIRS = ("/usr/share/tesseract-ocr/5/tessdata", "/usr/share/tesseract-ocr/4.00/tessdata",
                 "/usr/share/tessdata", "/usr/local/share/tessdata", "/opt/homebrew/share/tessdata")
INSTALL_HINT = "apt-get install tesseract-ocr tesseract-ocr-tha"
UNAVAILABLE = ("อ่านเอกสารสแกนไม่ได้: ไม่พบโปรแกรม Tesseract หรือข้อมูลภาษาไทย (tha) — ติดตั้งด้วยคำสั่ง "
               f"`{INSTALL_HINT}` / Thai OCR unavailable: Tesseract or its Thai model is missing; install it with "
               f"`{INSTALL_HINT}`")
IMAGE_KINDS = ("png", "jpg", "jpeg", "gif", "bmp", "tif", "tiff", "webp")
MAX_IMAGE_PIXELS = 60_000_000  # a page picture larger than ~ A0 at 300 dpi is not a document scan


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
    binarize: bool = False  # Otsu black/white before Tesseract (measured: no gain, Tesseract thresholds itself)
    page_timeout: float = 120.0  # seconds, for the command line backend


@dataclass(frozen=True)
class OcrPage:
    number: int  # 1-based page number in the document (1 for a picture)
    text: str
    confidence: float  # mean word confidence, 0–100 (-1 when no word was found)
    # (start, end, confidence) of each recognised word in ``text``: lets a reader ask how sure the engine was
    # of the characters that carry a year or a title
    words: tuple[tuple[int, int, float], ...] = ()

    def confidence_of(self, start: int, end: int) -> float:
        """The lowest confidence of the words overlapping text[start:end] (100 when none is known)."""
        values = [conf for s, e, conf in self.words if s < end and e > start]
        return min(values) if values else 100.0


@dataclass(frozen=True)
class OcrResult:
    sha256: str
    status: str  # "ok", "unavailable" or "error"
    pages: tuple[OcrPage, ...] = ()
    page_count: int = 0  # pages in the document (1 for a picture)
    engine: str = ""  # e.g. "tesseract 5.5.4 (tesserocr 2.13.0) tha+eng 200dpi"
    seconds: float = 0.0  # OCR time, rendering included (0 for a cache hit)
    error: str = ""
    cached: bool = False

    @property
    def ok(self) -> bool:
        return self.status == "ok"

    @property
    def text(self) -> str:
        return "\n".join(page.text for page in self.pages)

    def to_json(self) -> dict:
        data = asdict(self)
        data.pop("cached")
        return data

    @classmethod
    def from_json(cls, data: dict) -> OcrResult:
        pages = tuple(OcrPage(p["number"], p["text"], p["confidence"], tuple(tuple(w) for w in p.get("words", ())))
                      for p in data.get("pages", ()))
        return cls(data["sha256"], data["status"], pages, data.get("page_count", 0), data.get("engine", ""),
                   data.get("seconds", 0.0), data.get("error", ""))


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
        length += len(text)
        previous = (line, row["left"] + row["width"])
    confs = [conf for _, _, conf in words if conf >= 0]
    mean = round(sum(confs) / len(confs), 1) if confs else -1.0
    return OcrPage(number, "".join(parts), mean, tuple(words))


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
    return _page_from_rows(number, _tsv_rows(tsv))


def _prepare(image):
    """Greyscale; a small picture (phone photo thumbnail, 100 dpi scan) is enlarged towards ~200 dpi A4."""
    from PIL import Image

    image = image.convert("L")
    shorter = min(image.size)
    if 0 < shorter < 1100:
        factor = min(3.0, 1400 / shorter)
        image = image.resize((round(image.width * factor), round(image.height * factor)), Image.Resampling.LANCZOS)
    return image


def _read_pdf(body: bytes, pages: Sequence[int] | None, config: OcrConfig, backend: str) -> tuple[int, list[OcrPage]]:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(body)
    try:
        total = len(pdf)
        wanted = [n for n in (pages if pages else range(1, total + 1)) if 1 <= n <= total]
        out = []
        for number in select_pages(wanted, config.max_pages):
            page = pdf[number - 1]
            try:
                bitmap = page.render(scale=config.dpi / 72, grayscale=True)
                image = bitmap.to_pil()
            finally:
                page.close()
            out.append(recognise(image, number, config, backend))
        return total, out
    finally:
        pdf.close()


def _read_image(body: bytes, config: OcrConfig, backend: str) -> tuple[int, list[OcrPage]]:
    from PIL import Image

    Image.MAX_IMAGE_PIXELS = MAX_IMAGE_PIXELS
    with Image.open(io.BytesIO(body)) as image:
        image.load()
        return 1, [recognise(_prepare(image), 1, config, backend)]


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
            "binarize": config.binarize}


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
    if not set(select_pages(wanted, config.max_pages)) <= have:
        return None
    keep = set(select_pages(wanted, config.max_pages))
    return replace(result, pages=tuple(p for p in result.pages if p.number in keep), seconds=0.0, cached=True)


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


def _load(source: bytes | str | os.PathLike) -> bytes:
    return source if isinstance(source, bytes | bytearray | memoryview) else Path(source).read_bytes()


def ocr_document(source: bytes | str | os.PathLike, kind: str | None = None, pages: Sequence[int] | None = None,
                 config: OcrConfig = OcrConfig()) -> OcrResult:
    """OCR of one document in this process: a PDF (only ``pages``, 1-based, when given; capped by
    ``config.max_pages``) or a picture. Never raises: problems come back as status "error"/"unavailable"."""
    started = time.perf_counter()
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
    result = OcrResult(sha, "ok", tuple(read), total, engine, round(time.perf_counter() - started, 3))
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
               pages: Sequence[int] | None = None) -> Future:
        try:
            body = bytes(_load(source))
        except OSError as exc:
            return _done(OcrResult("", "error", error=f"อ่านไฟล์ไม่ได้ (cannot read file): {exc}"))
        sha = sha256_of(body)
        hit = cached(sha, self.config, pages)
        if hit is not None:
            return _done(hit)
        available, message = check_engine(self.config)
        if not available:
            return _done(OcrResult(sha, "unavailable", error=message))
        key = (sha, tuple(sorted(pages)) if pages else None)
        if key in self._pending and not self._pending[key].done():
            return self._pending[key]
        if self._executor is None:
            self._executor = ProcessPoolExecutor(max_workers=max(1, self.workers), initializer=_worker_init,
                                                 mp_context=multiprocessing.get_context("spawn"))
        inner = self._executor.submit(ocr_document, body, kind, list(pages) if pages else None, self.config)
        outer: Future = Future()

        def finish(done: Future) -> None:
            try:
                outer.set_result(done.result())
            except Exception as exc:  # a worker that died (out of memory, killed) is an error result
                outer.set_result(OcrResult(sha, "error", error=f"OCR ล้มเหลว (OCR worker failed): {type(exc).__name__}: {exc}"))

        inner.add_done_callback(finish)
        self._pending[key] = outer
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
