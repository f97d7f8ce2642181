"""Chinese and Arabic numerals to values: 13.78, 1,000, 十三点七八, 两千三百万, 1.2万亿."""

from __future__ import annotations

import re
from decimal import Decimal

# Lookup tables (cn2an style): digits, small units inside a section, big units between sections.
DIGITS = {
    "零": 0,
    "〇": 0,
    "○": 0,
    "一": 1,
    "壹": 1,
    "幺": 1,
    "二": 2,
    "贰": 2,
    "貳": 2,
    "两": 2,
    "兩": 2,
    "俩": 2,
    "三": 3,
    "叁": 3,
    "参": 3,
    "四": 4,
    "肆": 4,
    "五": 5,
    "伍": 5,
    "六": 6,
    "陆": 6,
    "陸": 6,
    "七": 7,
    "柒": 7,
    "八": 8,
    "捌": 8,
    "九": 9,
    "玖": 9,
}
SMALL_UNITS = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
BIG_UNITS = {"万": 10**4, "萬": 10**4, "亿": 10**8, "億": 10**8, "兆": 10**12}
POINT = {"点", "點"}

CN_DIGIT = "".join(DIGITS)
CN_SMALL = "".join(SMALL_UNITS)
CN_BIG = "".join(BIG_UNITS)

ARABIC = r"\d+(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
# A Chinese numeral must hold a digit, or start with 十 (十五 = 15); 千/百/万 alone are words.
CHINESE = (
    rf"(?:[{CN_DIGIT}十拾](?:[{CN_DIGIT}{CN_SMALL}{CN_BIG}]*[{CN_DIGIT}{CN_SMALL}{CN_BIG}])?)"
    rf"(?:[点點][{CN_DIGIT}]+)?"
)
# Magnitude written after Arabic digits: 13.78亿, 8900万, 1.2万亿, 3千, 5百万.
ARABIC_MAGNITUDE = rf"[{CN_SMALL}{CN_BIG}]{{1,3}}"
NUMBER = re.compile(rf"(?:{ARABIC})(?:{ARABIC_MAGNITUDE})?|{CHINESE}")
# Arabic digits interleaved with Chinese units: 5万4千6百, 5亿1万4千6百.
ARABIC_WITH_UNITS = rf"\d+[{CN_BIG}](?:\d+[{CN_SMALL}{CN_BIG}])+\d*"


def parse_chinese(text: str) -> float | None:
    """Value of a Chinese numeral (十三点七八亿 → 1378000000.0), or None if it is not one."""
    if not text:
        return None
    if any(p in text for p in POINT):
        whole, _, rest = text.partition("点" if "点" in text else "點")
        frac_digits = "".join(c for c in rest if c in DIGITS)
        magnitude_chars = rest[len(frac_digits) :]
        if any(c not in DIGITS for c in rest[: len(frac_digits)]):
            return None
        base = parse_chinese(whole) if whole else 0
        if base is None or not frac_digits:
            return None
        value = float(f"{int(base)}.{''.join(str(DIGITS[c]) for c in frac_digits)}")
        return _apply_magnitude(value, magnitude_chars)
    if all(c in DIGITS for c in text):
        # 二〇二三 → 2023 (digit by digit); a single digit is itself.
        return float("".join(str(DIGITS[c]) for c in text))
    tokens = re.findall(r"\d+(?:\.\d+)?|.", text)
    total, section, number = 0, 0, 0
    last_big = None
    for token in tokens:
        if token[0].isdigit():
            number = float(token) if "." in token else int(token)  # 5万4千6百
        elif token in DIGITS:
            number = DIGITS[token]
        elif token in SMALL_UNITS:
            section += (number if number or section else 1) * SMALL_UNITS[token]
            number = 0
        elif token in BIG_UNITS:
            unit = BIG_UNITS[token]
            section += number
            number = 0
            if section == 0 and total:
                total *= unit  # 万亿: a big unit right after another multiplies
            elif last_big is not None and unit > last_big:
                total = (total + section) * unit
            else:
                total += section * unit
            section, last_big = 0, unit
        else:
            return None
    # Abbreviated places: 一万五 = 15000, 四百五 = 450, 一千陆 = 1600 — a final digit
    # straight after a unit counts in the next lower place (一百零五 keeps its 零).
    if number and len(tokens) >= 2 and tokens[-1] in DIGITS:
        before = tokens[-2]
        place = SMALL_UNITS.get(before) or BIG_UNITS.get(before)
        if place and place >= 100:
            return float(total + section + number * place // 10)
    return float(total + section + number)


def _apply_magnitude(value: float, chars: str) -> float | None:
    # Decimal keeps 1.13亿 at 113000000, not 112999999.99999999.
    exact = Decimal(repr(value))
    for c in chars:
        if c in BIG_UNITS:
            exact *= BIG_UNITS[c]
        elif c in SMALL_UNITS:
            exact *= SMALL_UNITS[c]
        else:
            return None
    return float(exact)


def parse_number(text: str) -> float | None:
    """Value of a numeral token as matched by NUMBER (Arabic, Chinese or mixed)."""
    if re.fullmatch(ARABIC_WITH_UNITS, text):
        return parse_chinese(text)
    m = re.match(rf"^({ARABIC})(.*)$", text)
    if m:
        value = float(m.group(1).replace(",", ""))
        return _apply_magnitude(value, m.group(2))
    return parse_chinese(text)


def magnitude_of(text: str) -> float:
    """The multiplier a magnitude suffix stands for: 万 → 1e4, 万亿 → 1e12, '' → 1."""
    return _apply_magnitude(1.0, text) or 1.0
