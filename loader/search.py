"""Exact-substring search over Chinese text with SQLite FTS5 and the unicode61 tokenizer.

Each paragraph is indexed with U+200B (zero-width space, a separator for unicode61)
between its characters, so every character is a token and a query becomes a phrase
of characters: 煤炭产量 → ``"煤 炭 产 量"``. This finds every paragraph containing the
string (whitespace and punctuation inside a match are ignored, as the tokenizer drops
them), for queries of any length, and needs no custom tokenizer: the file stays
readable by any SQLite. Snippets and concordance lines are computed from the
paragraph's own text.
"""

from __future__ import annotations

import html
import re

SEPARATOR = "\u200b"
MARK_OPEN, MARK_CLOSE = "<mark>", "</mark>"


def is_token_char(c: str) -> bool:
    """Characters unicode61 keeps as token characters (letters, digits, Han)."""
    return c.isalnum()


def search_text(text: str) -> str:
    """The indexed form of a paragraph: its token characters separated by U+200B."""
    return SEPARATOR.join("".join(text.split()))


def query_terms(q: str) -> list[tuple[str, list[str]]]:
    """Split a user query into (operator, characters) terms.

    Whitespace separates terms (AND); ``OR`` between terms means OR; a leading ``-``
    means NOT; ``"..."`` keeps a phrase with spaces as one term.
    """
    terms: list[tuple[str, list[str]]] = []
    op = "AND"
    for m in re.finditer(r'"([^"]*)"|(\S+)', q or ""):
        raw = m.group(1) if m.group(1) is not None else m.group(2)
        if m.group(2) == "OR" and terms:
            op = "OR"
            continue
        negate = raw.startswith("-") and len(raw) > 1 and m.group(2) is not None
        chars = [c for c in (raw[1:] if negate else raw) if is_token_char(c)]
        if chars:
            terms.append(("NOT" if negate else op, chars))
        op = "AND"
    return terms


def fts_query(q: str) -> str:
    """Turn a user query into an FTS5 MATCH expression of character phrases."""
    parts: list[str] = []
    for op, chars in query_terms(q):
        phrase = '"' + " ".join(chars) + '"'
        if not parts:
            if op == "NOT":
                continue  # FTS5 cannot start with NOT; a lone negation matches nothing useful
            parts.append(phrase)
        else:
            parts.append(f"{op} {phrase}")
    # An empty phrase is valid FTS5 and matches no rows: the right answer to an empty query.
    return " ".join(parts) if parts else '""'


def _term_pattern(chars: list[str]) -> str:
    """Regex for a term's characters with any non-token characters allowed in between."""
    return r"[^\w]*".join(re.escape(c) for c in chars)


def match_spans(text: str, q: str) -> list[tuple[int, int]]:
    """Every (start, end) in text where a positive query term occurs, in order, not overlapping."""
    patterns = [_term_pattern(chars) for op, chars in query_terms(q) if op != "NOT"]
    if not patterns or not text:
        return []
    regex = re.compile("|".join(f"(?:{p})" for p in sorted(patterns, key=len, reverse=True)), re.I)
    return [(m.start(), m.end()) for m in regex.finditer(text) if m.end() > m.start()]


def highlight(text: str, q: str) -> str:
    """The whole text, HTML-escaped, with every match wrapped in <mark>."""
    out, last = [], 0
    for start, end in match_spans(text or "", q):
        out.append(html.escape(text[last:start]))
        out.append(MARK_OPEN + html.escape(text[start:end]) + MARK_CLOSE)
        last = end
    out.append(html.escape((text or "")[last:]))
    return "".join(out)


def snippet(text: str, q: str, width: int = 60) -> str:
    """A window of about `width` characters around the first match, matches marked, HTML-escaped."""
    text = text or ""
    spans = match_spans(text, q)
    if not spans:
        return html.escape(text[:width]) + ("…" if len(text) > width else "")
    first_start, first_end = spans[0]
    start = max(0, first_start - width // 3)
    end = min(len(text), max(first_end, start + width))
    out, last = [], start
    for s, e in spans:
        if s < start or e > end:
            continue
        out.append(html.escape(text[last:s]))
        out.append(MARK_OPEN + html.escape(text[s:e]) + MARK_CLOSE)
        last = e
    out.append(html.escape(text[last:end]))
    return ("…" if start > 0 else "") + "".join(out) + ("…" if end < len(text) else "")


def reverse_text(text: str | None) -> str | None:
    """The text reversed: sorting on it orders concordance lines by their left context."""
    return text[::-1] if text is not None else None
