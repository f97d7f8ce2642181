"""Encoding detection: what loads, and the one-line reason for what does not."""

import codecs

import pytest

from loader.encoding import decode
from loader.errors import InputError

TEXT = "去年煤炭产量达到13.78亿吨，发电量4376亿千瓦时。"


@pytest.mark.parametrize(
    "data, encoding",
    [
        (TEXT.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8"),
        (TEXT.encode("gb18030"), "gb18030"),
        (TEXT.encode("gbk"), "gb18030"),
        (codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"), "utf-16-le"),
        (codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), "utf-16-be"),
    ],
)
def test_encodings_found_in_the_wild_decode(data, encoding):
    text, used = decode(data, "x.txt")
    assert text == TEXT
    assert used == encoding


@pytest.mark.parametrize(
    "data, reason",
    [
        (b"", "empty file"),
        (b" \n\n\t", "empty file"),
        (codecs.BOM_UTF8, "empty file"),
        (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "PNG image"),
        (b"%PDF-1.7\n...", "PDF document"),
        (b"abc\x00def" * 10, "NUL bytes"),
        (TEXT.encode("utf-8")[:-2], "truncated UTF-8"),
        (TEXT.encode("utf-8")[:9] + b"\xff" + TEXT.encode("utf-8"), "invalid UTF-8 byte 0xff"),
    ],
)
def test_bad_bytes_are_refused_with_a_reason(data, reason):
    with pytest.raises(InputError) as e:
        decode(data, "bad.txt")
    assert reason in e.value.message
    assert e.value.message.startswith("bad.txt")
    assert "\n" not in e.value.message


def test_encoding_override():
    text, used = decode(TEXT.encode("big5", errors="ignore"), "x.txt", encoding="big5")
    assert used == "big5" and "煤炭" in text


def test_wrong_override_is_an_error():
    with pytest.raises(InputError, match="cannot decode as ascii"):
        decode(TEXT.encode("utf-8"), "x.txt", encoding="ascii")
