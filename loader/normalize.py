"""Normalise newspaper-layout text into paragraphs.

Pure functions: text in, `Normalized` out. The rules, each tested on the seeds:

* characters: control and zero-width characters are dropped; every kind of space
  (full-width, no-break, tab) becomes one ASCII space, runs collapse, ends are trimmed;
  full-width digits and Latin letters become ASCII (``１３.７８`` → ``13.78``);
  half-width punctuation touching Chinese becomes full-width (``下午,十四届`` →
  ``下午，十四届``, ``(山西日报记者杨文)`` → ``（山西日报记者杨文）``) but stays
  as it is inside numbers and Latin text (``13.78``, ``1,000``, ``RCEP``);
* layout: a line that does not end a sentence runs on into the next one (page and
  column breaks: ``张吉福`` / ``主持。`` is one paragraph); a line ends a paragraph
  when it ends in 。！？… (closing quotes or brackets may follow);
* headings (``#``/``##`` or an unpunctuated first line), deck lines under a heading
  (``21家媒体到会采访``), bylines (``本报北京电…``) and speaker labels (``林武书记：``)
  always start a paragraph of their own;
* continuation markers (``(下转05版)``, ``(上接01版)``) are taken out of the text and
  returned as `markers`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

# ---------------------------------------------------------------- characters

# Zero-width and format characters carry no text; U+200B is also the search separator.
DROPPED_FORMAT = {"\u200b", "\u200c", "\u200d", "\u200e", "\u200f", "\u2060", "\ufeff", "\u00ad"}

# Full-width ASCII letters and digits (ＲＣＥＰ１３) → ASCII; ％ and ． too, so figures parse.
FULLWIDTH_TO_ASCII = {
    **{chr(0xFF10 + i): chr(0x30 + i) for i in range(10)},
    **{chr(0xFF21 + i): chr(0x41 + i) for i in range(26)},
    **{chr(0xFF41 + i): chr(0x61 + i) for i in range(26)},
    "％": "%",
    "．": ".",
}

# Half-width punctuation that becomes full-width where it touches Chinese text.
HALF_TO_FULL = {",": "，", ":": "：", ";": "；", "?": "？", "!": "！"}
FULL_TO_HALF = {v: k for k, v in HALF_TO_FULL.items()} | {"（": "(", "）": ")"}

CJK_CHAR = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
CJK_OR_FULL_PUNCT = CJK_CHAR + r"\u3000-\u303f\uff01-\uff0f\uff1a-\uff20\u2018-\u201f"
IS_CJK = re.compile(f"[{CJK_CHAR}]")

# `下午,十四届` / `记者:` — a comma/colon/… with Chinese on at least one side and not between digits.
HALF_PUNCT_NEAR_CJK = re.compile(rf"(?<=[{CJK_OR_FULL_PUNCT}])[,:;?!]|[,:;?!](?=[{CJK_CHAR}])")
# `(山西日报记者杨文)` — an ASCII-bracketed aside holding Chinese.
ASCII_PARENS_WITH_CJK = re.compile(rf"\(([^()\n]*[{CJK_CHAR}][^()\n]*)\)")

SPACES = re.compile(r"[ \t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+")
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


# One translation table for the per-character rules: drop control and format
# characters (tab becomes a space), fold full-width ASCII.
CHAR_TABLE = str.maketrans(
    {
        **{c: None for c in range(0x20) if c != 0x09},
        **{c: None for c in range(0x7F, 0xA0)},
        0x09: " ",
        **{ord(c): None for c in DROPPED_FORMAT},
        **{ord(k): v for k, v in FULLWIDTH_TO_ASCII.items()},
    }
)


def clean_line(line: str) -> str:
    """Apply the character rules to one line (no layout decisions)."""
    if not line:
        return line
    line = line.translate(CHAR_TABLE)
    line = SPACES.sub(" ", line).strip()
    line = ASCII_PARENS_WITH_CJK.sub(r"（\1）", line)
    return HALF_PUNCT_NEAR_CJK.sub(lambda m: HALF_TO_FULL[m.group()], line)


# ---------------------------------------------------------------- lines

# `# 山西代表团举行全体会议向中外媒体开放`, `## 山西代表团代表接受中外媒体采访`
HEADING = re.compile(r"^(?P<hashes>#{1,6})\s*(?P<text>.*?)\s*#*$")
# `(下转05版)`, `（上接第一版）`, `(转第3版)` — with or without the brackets' half/full width.
MARKER = re.compile(
    r"[（(]\s*(?P<dir>下转|上接|转|接)\s*第?\s*(?P<page>[0-9A-Za-z一二三四五六七八九十]+)\s*版\s*[)）]"
)
MARKER_DIRECTION = {
    "下转": "continued_to",
    "转": "continued_to",
    "上接": "continued_from",
    "接": "continued_from",
}
# `本报北京电（山西日报记者杨文）`, `新华社北京3月6日电`, `本报讯（记者 …）`
BYLINE_START = re.compile(r"^(?:本报|新华社|中新社|人民网|新华网|央视网)[^，。]{0,14}?(?:电|讯)")
# `林武书记：`, `问：` — a short unpunctuated label and a colon open a new paragraph.
LABEL_START = re.compile(r"^[^\s，。、；：！？“”‘’《》（）()\"'\[\]]{1,16}：")
# A sentence ends in 。！？… possibly followed by closing quotes/brackets.
SENTENCE_END = re.compile(r"[。！？!?…](?:[”’」』）)》〉\]】\"'])*$")
CLAUSE_PUNCT = re.compile(r"[，。、；：！？,;:!?]")

DECK_MAX_CHARS = 30
TITLE_MAX_CHARS = 60


@dataclass
class Paragraph:
    """One paragraph of a document after layout breaks are rejoined."""

    kind: str  # heading | deck | byline | body
    text: str
    line: int  # 1-based line of the source where it starts
    level: int | None = None  # heading level (1 = title)


@dataclass
class Marker:
    """A continuation marker such as (下转05版), recorded on the document."""

    direction: str  # continued_to | continued_from
    page: str
    line: int


@dataclass
class Normalized:
    """The normaliser's result: paragraphs in order plus continuation markers."""

    paragraphs: list[Paragraph] = field(default_factory=list)
    markers: list[Marker] = field(default_factory=list)


def ends_sentence(text: str) -> bool:
    """Whether a line ends a sentence (and so ends its paragraph)."""
    return bool(SENTENCE_END.search(text))


def join_broken(left: str, right: str) -> str:
    """Join a line broken by layout; Latin words keep a space, Chinese joins directly."""
    if (
        left
        and right
        and left[-1].isascii()
        and left[-1].isalpha()
        and right[0].isascii()
        and right[0].isalpha()
    ):
        return f"{left} {right}"
    return left + right


def normalize(text: str) -> Normalized:
    """Normalise a whole document's text into paragraphs and continuation markers."""
    result = Normalized()
    lines = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").split("\n")
    open_para: Paragraph | None = None
    after_heading = False  # deck lines may follow a heading until the first real paragraph
    seen_content = False

    def close() -> None:
        nonlocal open_para
        if open_para is not None and open_para.text:
            result.paragraphs.append(open_para)
        open_para = None

    for number, raw in enumerate(lines, start=1):
        line = clean_line(raw)
        if not line:
            continue
        line = _take_markers(line, number, result.markers)
        if not line:
            continue
        heading = HEADING.match(line) if line.startswith("#") else None
        if heading and heading.group("text"):
            close()
            level = len(heading.group("hashes"))
            result.paragraphs.append(Paragraph("heading", heading.group("text"), number, level))
            after_heading, seen_content = True, True
            continue
        if not seen_content and _looks_like_headline(line):
            result.paragraphs.append(Paragraph("heading", line, number, 1))
            after_heading, seen_content = True, True
            continue
        seen_content = True
        if after_heading and open_para is None and _looks_like_deck(line):
            result.paragraphs.append(Paragraph("deck", line, number))
            continue
        after_heading = False
        starts_new = bool(BYLINE_START.match(line) or LABEL_START.match(line))
        if open_para is not None and not starts_new:
            open_para.text = join_broken(open_para.text, line)
        else:
            close()
            kind = "byline" if BYLINE_START.match(line) else "body"
            open_para = Paragraph(kind, line, number)
        if ends_sentence(open_para.text):
            close()
    close()
    return result


def _take_markers(line: str, number: int, markers: list[Marker]) -> str:
    found = list(MARKER.finditer(line))
    for m in found:
        markers.append(Marker(MARKER_DIRECTION[m.group("dir")], m.group("page"), number))
    return MARKER.sub("", line).strip() if found else line


def _looks_like_headline(line: str) -> bool:
    """An unpunctuated short first line is the title (transcripts often lack a `#`)."""
    return (
        len(line) <= TITLE_MAX_CHARS
        and not CLAUSE_PUNCT.search(line)
        and not ends_sentence(line)
        and not BYLINE_START.match(line)
    )


def _looks_like_deck(line: str) -> bool:
    """Deck lines under a headline are short and carry no clause punctuation."""
    return (
        len(line) <= DECK_MAX_CHARS
        and IS_CJK.search(line) is not None
        and not CLAUSE_PUNCT.search(line)
        and not BYLINE_START.match(line)
        and not LABEL_START.match(line)
    )
