"""Checks made before a document reader opens a file: zip bombs (DOCX/XLSX are zip files) and encrypted
PDFs. A refused file gets a failure (``too_large``, ``corrupt``, ``encrypted``) and a Thai/English message
instead of exhausting memory or raising."""

from __future__ import annotations

import io
import zipfile

from model.failures import Failure

MAX_ZIP_MEMBERS = 5000
MAX_MEMBER_BYTES = 64 * 1024 * 1024  # one part of a DOCX/XLSX, uncompressed
MAX_ZIP_BYTES = 256 * 1024 * 1024  # all parts together, uncompressed
MAX_RATIO = 200  # uncompressed/compressed for any large part: real office XML compresses ~10x, bombs 1000x
ZIP_KINDS = ("docx", "xlsx", "pptx", "odt", "ods")


class Refused(Exception):
    def __init__(self, failure: Failure, message: str):
        super().__init__(message)
        self.failure = failure
        self.message = message


def check_zip(body: bytes, kind: str) -> None:
    """Raise :class:`Refused` when a zip-based document would expand beyond the limits.

    Python's zipfile never returns more than a member's declared size (a member that streams more fails its
    CRC check), so the declared sizes bound what python-docx and openpyxl will read.
    """
    try:
        archive = zipfile.ZipFile(io.BytesIO(body))
    except (zipfile.BadZipFile, ValueError, OSError, EOFError) as exc:
        raise Refused(Failure.CORRUPT, f"ไฟล์ .{kind} เสียหายหรือเปิดไม่ได้ (corrupt file): {exc}") from None
    with archive:
        members = archive.infolist()
        if len(members) > MAX_ZIP_MEMBERS:
            raise Refused(Failure.TOO_LARGE, f"ไฟล์ .{kind} มีส่วนประกอบมากผิดปกติ (zip with {len(members)} parts)")
        total = 0
        for info in members:
            total += info.file_size
            ratio = info.file_size / max(info.compress_size, 1)
            if info.file_size > MAX_MEMBER_BYTES or total > MAX_ZIP_BYTES or (info.file_size > 1024 * 1024 and ratio > MAX_RATIO):
                raise Refused(Failure.TOO_LARGE, f"ไฟล์ .{kind} ขยายแล้วใหญ่เกินกำหนด (zip bomb refused: {info.filename[:80]} "
                                                 f"{info.file_size} B from {info.compress_size} B)")


def check_body(body: bytes, kind: str) -> None:
    """Checks every reader needs before it opens ``body``; raises :class:`Refused`."""
    if not body:
        raise Refused(Failure.CORRUPT, f"ไฟล์ .{kind} ว่างเปล่า (empty file)")
    if kind in ZIP_KINDS:
        check_zip(body, kind)


def is_password_error(exc: BaseException) -> bool:
    """pypdfium2 reports an encrypted PDF it cannot open as a 'password' load error."""
    text = str(exc).lower()
    return "password" in text or "security" in text
