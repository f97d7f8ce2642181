"""Turn the bytes of a scraped file into text: detect the encoding, refuse what is not text."""

from __future__ import annotations

import codecs
import re

from .errors import InputError

# Byte-order marks, longest first so UTF-32 LE is not mistaken for UTF-16 LE.
BOMS = [
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
]

# Magic numbers of files that get renamed .txt by scrapers.
BINARY_SIGNATURES = [
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF8", "GIF image"),
    (b"%PDF", "PDF document"),
    (b"PK\x03\x04", "ZIP archive (or .docx/.xlsx)"),
    (b"\x1f\x8b", "gzip archive"),
    (b"\xd0\xcf\x11\xe0", "OLE document (.doc/.xls)"),
    (b"SQLite format 3\x00", "SQLite database"),
]

CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


def decode(data: bytes, path: str = "<input>", encoding: str | None = None) -> tuple[str, str]:
    """Decode a file's bytes; return (text, encoding name) or raise InputError saying why not."""
    if not data.strip(b" \t\r\n\x00") or data in {bom for bom, _ in BOMS}:
        raise InputError(path, "empty file")
    if encoding:
        try:
            return _strip_bom(data.decode(encoding)), encoding
        except (UnicodeDecodeError, LookupError) as e:
            raise InputError(path, f"cannot decode as {encoding}: {_short(e)}") from None
    for bom, name in BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(name), name
            except UnicodeDecodeError as e:
                raise InputError(
                    path, f"invalid {name} after its byte-order mark: {_short(e)}"
                ) from None
    for signature, what in BINARY_SIGNATURES:
        if data.startswith(signature):
            raise InputError(path, f"binary file ({what}), not text")
    if b"\x00" in data[:65536]:
        raise InputError(path, "binary file (contains NUL bytes), not text")
    try:
        return _refuse_control_soup(data.decode("utf-8"), path), "utf-8"
    except UnicodeDecodeError as e:
        utf8_error = e
    if _looks_like_damaged_utf8(data, utf8_error.start):
        line = data.count(b"\n", 0, utf8_error.start) + 1
        what = (
            "truncated UTF-8 sequence at end of file"
            if utf8_error.end >= len(data) - 1 and len(data) - utf8_error.start < 4
            else f"invalid UTF-8 byte 0x{data[utf8_error.start]:02x} at offset {utf8_error.start}"
        )
        raise InputError(path, f"{what} (use --encoding if the file is not UTF-8)", line=line)
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        raise InputError(
            path, "cannot decode: not UTF-8, GB18030/GBK or UTF-16 (use --encoding)"
        ) from None
    non_ascii = [c for c in text if ord(c) > 127]
    if non_ascii and sum(1 for c in non_ascii if CJK.match(c)) / len(non_ascii) < 0.5:
        raise InputError(path, "cannot decode: bytes are neither UTF-8 nor plausible GB18030 text")
    return _refuse_control_soup(text, path), "gb18030"


CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")


def _refuse_control_soup(text: str, path: str) -> str:
    """Text where control characters are common is a binary file that happened to decode."""
    sample = text[:65536]
    if len(CONTROL.findall(sample)) > max(8, len(sample) // 50):
        raise InputError(path, "binary file (mostly control characters), not text")
    return text


def _looks_like_damaged_utf8(data: bytes, error_at: int) -> bool:
    """A file whose valid prefix already holds real UTF-8 Chinese is UTF-8 with a bad byte."""
    prefix = data[:error_at].decode("utf-8", errors="replace")
    return len(CJK.findall(prefix)) >= 2


def _strip_bom(text: str) -> str:
    return text[1:] if text.startswith("\ufeff") else text


def _short(e: Exception) -> str:
    return str(e).split(":")[-1].strip() if isinstance(e, UnicodeDecodeError) else str(e)
