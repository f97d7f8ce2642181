"""Parse one document: title, byline, date and kind read from the text, plus manifest metadata."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field

from .errors import InputError
from .normalize import Paragraph, normalize

# `本报北京电（山西日报记者杨文）3月6日下午` → place 北京, publication 山西日报, author 杨文, 3/6
# `新华社北京3月6日电（记者张三、李四）`     → publication 新华社, place 北京, 3/6, authors
# `本报讯（记者 王五）`                       → author 王五
BYLINES = [
    re.compile(
        r"^本报(?P<place>[^\d（(，。]{1,8}?)?(?:(?P<month1>\d{1,2})月(?P<day1>\d{1,2})日)?(?:电|讯)"
        r"(?:（(?P<publication>[^（）]*?)?记者\s*(?P<author>[^（）]+?)）)?"
        r"(?:(?P<month>\d{1,2})月(?P<day>\d{1,2})日)?"
    ),
    re.compile(
        r"^(?P<publication>新华社|中新社|人民网|新华网|央视网)(?P<place>[^\d（(，。]{1,8}?)?"
        r"(?:(?P<month>\d{1,2})月(?P<day>\d{1,2})日)?(?:电|讯)"
        r"(?:（(?:记者\s*)?(?P<author>[^（）]+?)）)?"
    ),
]

ISO_DATE = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")

# Paragraphs opening with `LABEL：` in more than this many places make a transcript.
TRANSCRIPT_MIN_LABELS = 2

MANIFEST_FIELDS = {
    "title",
    "date",
    "source",
    "kind",
    "page",
    "url",
    "language",
    "encoding",
    "notes",
}
KINDS = {"transcript", "report"}


@dataclass
class Byline:
    """What a newspaper byline says: where, who, for whom, when (month/day)."""

    text: str
    place: str | None = None
    publication: str | None = None
    author: str | None = None
    month: int | None = None
    day: int | None = None


@dataclass
class Document:
    """A parsed document, ready for the store."""

    filename: str
    sha256: str
    title: str
    date: str | None
    source: str | None
    kind: str
    paragraphs: list[Paragraph]
    encoding: str = "utf-8"
    byline: Byline | None = None
    continued_to: str | None = None
    continued_from: str | None = None
    page: str | None = None
    url: str | None = None
    chars: int = 0
    extra: dict = field(default_factory=dict)


def sha256(data: bytes) -> str:
    """Hex SHA-256 of a file's bytes (the reload key)."""
    return hashlib.sha256(data).hexdigest()


def parse_byline(text: str) -> Byline | None:
    """Read place, publication, author and month/day from a byline paragraph, if it is one."""
    for pattern in BYLINES:
        m = pattern.match(text)
        if not m:
            continue
        groups = m.groupdict()
        month = groups.get("month") or groups.get("month1")
        day = groups.get("day") or groups.get("day1")
        return Byline(
            text=m.group(0),
            place=groups.get("place") or None,
            publication=(groups.get("publication") or None),
            author=(groups.get("author") or "").strip() or None,
            month=int(month) if month else None,
            day=int(day) if day else None,
        )
    return None


def resolve_date(given: str | None, byline: Byline | None) -> str | None:
    """Combine a manifest date (maybe just a year) with the byline's month and day."""
    if given and byline and byline.month and len(given) == 4:
        day = f"-{byline.day:02d}" if byline.day else ""
        return f"{given}-{byline.month:02d}{day}"
    return given


def parse_document(
    filename: str,
    text: str,
    meta: dict | None = None,
    data: bytes | None = None,
    encoding: str = "utf-8",
) -> Document:
    """Parse a decoded document into a `Document`; `meta` is its manifest/front-matter entry."""
    meta = dict(meta or {})
    normalized = normalize(text)
    paragraphs = normalized.paragraphs
    if not any(re.search(r"\w", p.text) for p in paragraphs):
        raise InputError(filename, "no text: the file holds only punctuation, spaces or markup")
    headings = [p for p in paragraphs if p.kind == "heading"]
    title = meta.get("title") or (
        headings[0].text if headings else _first_sentence(paragraphs[0].text)
    )
    byline = next((parse_byline(p.text) for p in paragraphs if p.kind == "byline"), None)
    labels = sum(1 for p in paragraphs if _opens_with_label(p.text))
    kind = meta.get("kind") or ("transcript" if labels >= TRANSCRIPT_MIN_LABELS else "report")
    markers = {m.direction: m.page for m in normalized.markers}
    return Document(
        filename=filename,
        sha256=sha256(data if data is not None else text.encode("utf-8")),
        title=title,
        date=resolve_date(str(meta["date"]) if meta.get("date") else None, byline),
        source=meta.get("source") or (byline.publication if byline else None),
        kind=kind,
        paragraphs=paragraphs,
        encoding=encoding,
        byline=byline,
        continued_to=markers.get("continued_to"),
        continued_from=markers.get("continued_from"),
        page=str(meta["page"]) if meta.get("page") is not None else None,
        url=meta.get("url"),
        chars=sum(len(p.text) for p in paragraphs),
    )


def _opens_with_label(text: str) -> bool:
    from .speakers import parse_label  # speakers imports this module's types

    return parse_label(text) is not None


def _first_sentence(text: str, limit: int = 60) -> str:
    sentence = re.split(r"(?<=[。！？])", text, maxsplit=1)[0]
    return sentence if len(sentence) <= limit else sentence[: limit - 1] + "…"
