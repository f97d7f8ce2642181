"""Document-level parsing: title, byline, date, kind; manifest and speakers files."""

import pytest
from conftest import REPORT, TRANSCRIPT, seed_text

from loader.documents import parse_byline, parse_document, resolve_date
from loader.errors import InputError
from loader.manifest import parse_manifest, parse_speakers_file, split_front_matter


def test_report_seed_is_read_from_its_text():
    doc = parse_document(REPORT.name, seed_text(REPORT), {"date": "2024", "source": "山西日报"})
    assert doc.title == "山西代表团举行全体会议向中外媒体开放"
    assert doc.kind == "report"
    assert doc.date == "2024-03-06"
    assert doc.continued_to == "05"
    assert (doc.byline.publication, doc.byline.place, doc.byline.author) == (
        "山西日报",
        "北京",
        "杨文",
    )
    assert (doc.byline.month, doc.byline.day) == (3, 6)


def test_transcript_seed_is_a_transcript_titled_by_its_first_line():
    doc = parse_document(TRANSCRIPT.name, seed_text(TRANSCRIPT), {"date": "2022-08"})
    assert doc.title == "“中国这十年·山西”主题新闻发布会答记者问实录"
    assert doc.kind == "transcript"
    assert doc.date == "2022-08"
    assert doc.byline is None


@pytest.mark.parametrize(
    "text, expected",
    [
        ("本报北京电（山西日报记者杨文）3月6日下午，", ("北京", "山西日报", "杨文", 3, 6)),
        ("本报太原3月5日电（记者 王五）今天，", ("太原", None, "王五", 3, 5)),
        ("新华社北京3月6日电（记者张三、李四）", ("北京", "新华社", "张三、李四", 3, 6)),
        ("本报讯（记者赵六）近日，", (None, None, "赵六", None, None)),
    ],
)
def test_bylines(text, expected):
    b = parse_byline(text)
    assert (b.place, b.publication, b.author, b.month, b.day) == expected


def test_not_a_byline():
    assert parse_byline("今年是习近平总书记提出“四个革命、一个合作”能源安全新战略十周年。") is None


@pytest.mark.parametrize(
    "given, month, day, expected",
    [
        ("2024", 3, 6, "2024-03-06"),
        ("2024-03-07", 3, 6, "2024-03-07"),
        ("2022-08", None, None, "2022-08"),
        (None, 3, 6, None),
    ],
)
def test_dates_combine_manifest_year_and_byline(given, month, day, expected):
    from loader.documents import Byline

    assert resolve_date(given, Byline("", month=month, day=day) if month else None) == expected


def test_front_matter_gives_metadata_without_touching_line_numbers():
    fields, rest = split_front_matter(
        "---\ndate: 2023-05-01\nsource: 人民日报\n---\n正文。\n", "a.txt"
    )
    assert fields == {"date": "2023-05-01", "source": "人民日报"}
    assert rest.splitlines()[4] == "正文。"


def test_a_file_of_punctuation_is_refused():
    with pytest.raises(InputError, match="only punctuation"):
        parse_document("p.txt", "。，、！？\n……\n——")


@pytest.mark.parametrize(
    "text, line, reason",
    [
        ("documents:\n  a.txt:\n    date: 2024-13-01\n", 3, "not a real date"),
        ("documents:\n  a.txt:\n    colour: red\n", 3, "unknown field 'colour'"),
        ("documents:\n  a.txt:\n    kind: poem\n", 3, "kind 'poem'"),
        ("documents:\n  a.txt: [1, 2\n", 3, "malformed YAML"),
        ("docs:\n  a.txt: {}\n", 1, "unknown top-level key"),
        ("documents:\n  a.txt:\n    date: 2024\n  a.txt:\n    date: 2023\n", 4, "listed twice"),
    ],
)
def test_manifest_errors_point_at_the_line(text, line, reason):
    with pytest.raises(InputError) as e:
        parse_manifest(text, "manifest.yml")
    assert e.value.line == line
    assert reason in e.value.reason


def test_speakers_file_holds_dated_roles():
    people = parse_speakers_file(
        "speakers:\n  - name: 林武\n    aliases: [林书记]\n    roles:\n"
        "      - {title: 书记, organization: 中共山西省委, from: 2021-10, to: 2022-12}\n"
    )
    assert people == [
        {
            "name": "林武",
            "aliases": ["林书记"],
            "roles": [
                {
                    "title": "书记",
                    "organization": "中共山西省委",
                    "from": "2021-10",
                    "to": "2022-12",
                }
            ],
        }
    ]


@pytest.mark.parametrize(
    "text, line, reason",
    [
        ("speakers:\n  - aliases: [x]\n", 2, "needs a name"),
        (
            "speakers:\n  - name: 林武\n    roles:\n      - {title: 书记, from: 2022, to: 2021}\n",
            4,
            "ends",
        ),
        ("speakers:\n  - name: 林武\n    roles:\n      - {organization: x}\n", 4, "needs a title"),
        ("speakers:\n  - name: 林武\n    age: 60\n", 3, "unknown speaker field"),
    ],
)
def test_speakers_file_errors_point_at_the_line(text, line, reason):
    with pytest.raises(InputError) as e:
        parse_speakers_file(text, "speakers.yml")
    assert e.value.line == line
    assert reason in e.value.reason
