"""Who said what: speaker labels, turns, question–answer exchanges and mentions.

Pure functions over a document's paragraphs. Two formats are read:

* transcripts, where a paragraph opens with a label and a full-width colon
  (``林武书记：…``, ``人民日报记者：…``, ``问：…``, ``外交部发言人汪文斌：…``) and the
  turn runs until the next label;
* newspaper reports in reported speech (``唐登杰代表在回答中央广播电视总台记者关于“…”
  的提问时说，…``), where the attribution opens the paragraph and the answer runs on
  through the following unattributed paragraphs until a heading, a byline or the
  next attribution.

A label is taken as a speaker only when it has a recognisable shape (a role word, an
outlet's reporter, a name with a title, or a name known from the speakers file /
used as a label more than once); anything else (``“三无”：一是…``, ``一是：``) is text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .normalize import Paragraph

HAN = r"\u4e00-\u9fff\u3400-\u4dbf"

# Titles that follow (林武书记) or precede (外交部发言人汪文斌) a name, longest first.
TITLES = sorted(
    """
    总书记 书记 副书记 常务副书记 省委书记 市委书记 县委书记 区委书记
    省长 副省长 常务副省长 代省长 市长 副市长 代市长 区长 副区长 县长 副县长 州长 镇长 乡长 村支书
    主席 副主席 总理 副总理 国务委员 委员 常委 代表 秘书长 副秘书长
    部长 副部长 司长 副司长 局长 副局长 厅长 副厅长 处长 副处长 署长 主任 副主任 组长 副组长
    院长 副院长 校长 副校长 行长 副行长 董事长 总经理 副总经理 总裁 总工程师 总经济师 总会计师
    会长 理事长 社长 台长 总编辑 大使 总领事 政委 司令员 参谋长 检察长 庭长 所长 馆长 团长 副团长
    发言人 新闻发言人 主持人 研究员 教授 院士 专家 负责人 总监
    """.split(),
    key=len,
    reverse=True,
)
TITLE = "|".join(TITLES)

# Role words used as labels without a name: 问：/答：/追问：/记者：/主持人：/发言人：
ROLE_LABELS = {
    "问": ("question", "提问者"),
    "提问": ("question", "提问者"),
    "追问": ("question", "提问者"),
    "记者": ("question", "记者"),
    "答": ("answer", "答问者"),
    "回答": ("answer", "答问者"),
    "发言人": ("answer", "发言人"),
    "新闻发言人": ("answer", "发言人"),
    "主持人": ("moderator", "主持人"),
}

# Common surnames (compound first) — a bare label like `汪文斌：` must start with one.
COMPOUND_SURNAMES = [
    "欧阳",
    "司马",
    "上官",
    "诸葛",
    "东方",
    "皇甫",
    "令狐",
    "慕容",
    "尉迟",
    "长孙",
    "宇文",
    "司徒",
    "夏侯",
]
SURNAMES = set(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝官封谈匡鞠惠荆乐冀郁胥南班储原栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻位厉伊仝区郜海阚花权强帅屠豆朴盖练廉禹井祖漆巴丰支卿国狄平计索宣晋相初门云容敬来扈晁芮都普阙浦戈伏鹿薄邸雍辜羊阿乌母裘亓修邰赫杭况那宿鲜印逯隆茹诸战慕危玉银亢嵇公哈湛宾戎勾茅利於呼居揭干但尉冶斯元束檀衣信展阴昝智幸奉植衡富尧闭由"
)

# `林武书记：`, `人民日报记者：`, `问：` — a label of up to 16 characters without punctuation.
LABEL = re.compile(r"^(?P<label>[^\s，。、；：！？“”‘’《》（）()\"'\[\]【】]{1,16})：\s*")
# Labels that are enumerations or discourse words, never speakers: `一是：`, `第一：`, `其中：`
NOT_A_SPEAKER = re.compile(
    r"^(?:第?[一二三四五六七八九十百\d]+(?:是|条|点|个|方面|步)?|其[一二三四五六七八九十]|"
    r"首先|其次|再次|最后|总之|例如|比如|其中|目标|原则|要求|重点|注|备注|附|说明|来源|时间|地点|主题|标题)$"
)
# `人民日报记者`, `香港大公报记者`, `新华社记者张三`
REPORTER = re.compile(rf"^(?P<org>[^\s]{{2,14}}?)(?:的)?记者(?P<name>[{HAN}]{{2,3}})?$")
# `林武书记`, `唐登杰代表`
NAME_TITLE = re.compile(rf"^(?P<name>[{HAN}]{{2,4}}?)(?P<title>{TITLE})$")
# `外交部发言人汪文斌`, `山西省省长蓝佛安`
ORG_TITLE_NAME = re.compile(
    rf"^(?P<org>[{HAN}]{{0,12}}?)(?P<title>{TITLE})(?P<name>[{HAN}]{{2,3}})$"
)
# `外交部发言人`, `国家统计局新闻发言人`
ORG_TITLE = re.compile(rf"^(?P<org>[{HAN}]{{2,12}}?)(?P<title>发言人|新闻发言人|负责人|主持人)$")
BARE_NAME = re.compile(rf"^(?P<name>[{HAN}]{{2,4}})$")

NAME = rf"(?P<name>[{HAN}]{{2,4}}?)(?P<title>{TITLE})?"
OUTLET = r"(?P<outlet>[^\s，。、“”]{2,16}?)"
# Reported speech in newspaper reports, each with a real example:
REPORTED_ANSWERS = [
    # 唐登杰代表在回答中央广播电视总台记者关于“山西将如何推动高质量发展…”的提问时说，
    re.compile(
        rf"^{NAME}(?:在)?(?:回答|答复)(?:了)?{OUTLET}记者(?:关于“(?P<question>[^”]+)”|就(?P<question2>[^，。]+?))?的?(?:提问|问题|采访)时(?:说|表示|指出|介绍|强调|称)"
    ),
    # 金湘军代表围绕统筹推进能源保供和绿色低碳转型…，回答了人民日报社记者提问。他说，
    re.compile(
        rf"^{NAME}(?:围绕|就)(?P<topic>[^。]+?)[，,]?(?:回答|答复)了{OUTLET}记者(?:的)?提问"
    ),
    # 王五代表在接受新华社记者采访时说，
    re.compile(rf"^{NAME}在接受{OUTLET}记者(?:的)?(?:采访|专访)时(?:说|表示|指出|介绍|强调|称)"),
]
# 会后有记者问及煤炭保供，张三表示，… — a question asked in narration, maybe answered by name.
NARRATED_QUESTION = re.compile(
    r"(?:会后|会上|随后|当天|采访中)?(?:有|一位|一名|多名)?(?:(?P<outlet>[^\s，。、“”有]{2,12}?))?记者(?:问及|问到|提问|追问)"
    rf"(?P<question>[^，。]+)[，,]\s*(?:{NAME}(?:表示|说|回答|称|介绍))?"
)
# 唐登杰谈到，… — a later reference to someone already speaking in this document.
CONTINUATION = re.compile(
    rf"^{NAME}(?:还|又|也|进一步|最后|同时)?(?:谈到|说|表示|指出|强调|介绍|认为|提出|坦言|透露|补充说)[，,：:]"
)


@dataclass(frozen=True)
class Speaker:
    """A speaker as identified in the text; `key` is what makes two mentions the same speaker."""

    kind: str  # person | outlet | role
    name: str | None = None
    title: str | None = None
    organization: str | None = None

    @property
    def key(self) -> tuple:
        """Persons are one speaker per name; outlets per outlet; roles per role word."""
        if self.kind == "person" and self.name:
            return ("person", self.name)
        if self.kind == "outlet":
            return ("outlet", self.organization)
        return (self.kind, self.organization, self.title)

    @property
    def label(self) -> str:
        """How the speaker is shown: 林武书记, 人民日报记者, 外交部发言人."""
        if self.kind == "outlet":
            return f"{self.organization}记者"
        if self.name:
            return f"{self.name}{self.title or ''}"
        return f"{self.organization or ''}{self.title or ''}" or "未署名"


@dataclass
class Label:
    """A parsed paragraph label and the role its speaker plays."""

    text: str  # as printed, without the colon
    speaker: Speaker
    role: str  # question | answer | moderator | statement
    end: int  # offset in the paragraph where the speech starts


@dataclass
class Turn:
    """Consecutive paragraphs (indexes into the document's paragraphs) by one speaker."""

    seq: int
    speaker: Speaker
    kind: str  # question | answer | statement
    label: str
    paragraphs: list[int] = field(default_factory=list)


@dataclass
class Exchange:
    """A question and one answer to it."""

    seq: int
    asker: Speaker | None
    answerer: Speaker | None
    question: str | None
    question_paragraph: int | None
    answer_paragraphs: list[int] = field(default_factory=list)
    question_turn: int | None = None
    answer_turn: int | None = None


@dataclass
class Mention:
    """A reference to a speaker inside a paragraph (林书记, 唐登杰)."""

    paragraph: int
    speaker: Speaker
    text: str
    start: int
    end: int


@dataclass
class Attribution:
    """Everything the speaker pass found in one document."""

    turns: list[Turn] = field(default_factory=list)
    exchanges: list[Exchange] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)

    def speakers(self) -> list[Speaker]:
        """Distinct speakers in order of first appearance (turns, then exchanges, then mentions)."""
        seen: dict[tuple, Speaker] = {}
        for s in (
            [t.speaker for t in self.turns]
            + [s for e in self.exchanges for s in (e.asker, e.answerer) if s]
            + [m.speaker for m in self.mentions]
        ):
            seen.setdefault(s.key, s)
        return list(seen.values())

    def paragraph_turns(self) -> dict[int, Turn]:
        """Map paragraph index → its turn."""
        return {i: t for t in self.turns for i in t.paragraphs}


def _classify_label(label: str, known_names: set[str]) -> tuple[Speaker, str] | None:
    """Turn a label's text into (speaker, role), or None when it is not a speaker."""
    if NOT_A_SPEAKER.match(label):
        return None
    if label in ROLE_LABELS:
        role, title = ROLE_LABELS[label]
        return Speaker("role", title=title), role
    m = REPORTER.match(label)
    if m:
        if m.group("name"):
            return Speaker("person", m.group("name"), "记者", m.group("org")), "question"
        return Speaker("outlet", None, "记者", m.group("org")), "question"
    m = NAME_TITLE.match(label)
    if m and _has_surname(m.group("name")):
        return Speaker("person", m.group("name"), m.group("title")), _role_for_title(
            m.group("title")
        )
    m = ORG_TITLE_NAME.match(label)
    if m and _has_surname(m.group("name")):
        return (
            Speaker("person", m.group("name"), m.group("title"), m.group("org") or None),
            _role_for_title(m.group("title")),
        )
    m = ORG_TITLE.match(label)
    if m:
        return Speaker("role", None, m.group("title"), m.group("org")), _role_for_title(
            m.group("title")
        )
    m = BARE_NAME.match(label)
    if m and label in known_names and _has_surname(label):
        return Speaker("person", label), "answer"
    return None


def _role_for_title(title: str) -> str:
    return "moderator" if title == "主持人" else "answer"


def _has_surname(name: str) -> bool:
    return name[:2] in COMPOUND_SURNAMES or name[0] in SURNAMES


def parse_label(text: str, known_names: set[str] | frozenset = frozenset()) -> Label | None:
    """Parse the label opening a transcript paragraph (`林武书记：…`), or None."""
    m = LABEL.match(text)
    if not m:
        return None
    classified = _classify_label(m.group("label"), set(known_names))
    if not classified:
        return None
    speaker, role = classified
    return Label(m.group("label"), speaker, role, m.end())


def parse_reported_answer(text: str) -> tuple[Speaker, Speaker, str | None] | None:
    """Read `X代表在回答Y记者关于“Q”的提问时说` → (answerer, asking outlet, question)."""
    for pattern in REPORTED_ANSWERS:
        m = pattern.match(text)
        if m and _has_surname(m.group("name")):
            groups = m.groupdict()
            question = groups.get("question") or groups.get("question2") or groups.get("topic")
            answerer = Speaker("person", m.group("name"), m.group("title"))
            return answerer, Speaker("outlet", None, "记者", m.group("outlet")), question
    return None


def attribute(
    paragraphs: list[Paragraph], known_names: set[str] | frozenset = frozenset()
) -> Attribution:
    """Find turns, exchanges and mentions in a document's paragraphs."""
    names = set(known_names) | _names_used_as_labels(paragraphs)
    result = Attribution()
    current: Turn | None = None
    open_question: Turn | None = None
    seen_people: dict[str, Speaker] = {}

    def start(speaker: Speaker, kind: str, label: str, index: int) -> Turn:
        turn = Turn(len(result.turns) + 1, speaker, kind, label, [index])
        result.turns.append(turn)
        if speaker.kind == "person" and speaker.name:
            seen_people.setdefault(speaker.name, speaker)
        return turn

    for i, p in enumerate(paragraphs):
        if p.kind != "body":
            current = None
            if p.kind == "heading":
                open_question = None
            continue
        label = parse_label(p.text, names)
        if label:
            speaker = _same_person(label.speaker, seen_people)
            kind = label.role
            if kind == "moderator":
                kind, open_question = "statement", None
            elif kind == "answer" and open_question is None:
                kind = "statement"
            current = start(speaker, kind, label.text, i)
            if kind == "question":
                open_question = current
            elif kind == "answer" and open_question is not None:
                _answer(result, open_question, current, paragraphs)
            continue
        reported = parse_reported_answer(p.text)
        if reported:
            answerer, asker, question = reported
            answerer = _same_person(answerer, seen_people)
            current = start(answerer, "answer", _attribution_text(p.text), i)
            result.exchanges.append(
                Exchange(
                    len(result.exchanges) + 1,
                    asker,
                    answerer,
                    question,
                    i,
                    [i],
                    answer_turn=current.seq,
                )
            )
            continue
        narrated = NARRATED_QUESTION.search(p.text)
        if narrated and "记者" in p.text[: narrated.end()]:
            outlet = narrated.group("outlet")
            asker = (
                Speaker("outlet", None, "记者", outlet) if outlet else Speaker("role", title="记者")
            )
            name = narrated.group("name")
            answerer = None
            if name and _has_surname(name):
                answerer = _same_person(
                    Speaker("person", name, narrated.group("title")), seen_people
                )
                current = start(answerer, "answer", name + (narrated.group("title") or ""), i)
            else:
                current = None
            result.exchanges.append(
                Exchange(
                    len(result.exchanges) + 1,
                    asker,
                    answerer,
                    narrated.group("question"),
                    i,
                    [i] if answerer else [],
                    answer_turn=current.seq if current else None,
                )
            )
            continue
        continuation = CONTINUATION.match(p.text)
        if continuation and continuation.group("name") in seen_people:
            speaker = seen_people[continuation.group("name")]
            if current is not None and current.speaker.key == speaker.key:
                current.paragraphs.append(i)
            else:
                current = start(speaker, "statement", continuation.group(0).rstrip("，,：:"), i)
            _extend_exchange(result, current, i)
            continue
        if current is not None:
            current.paragraphs.append(i)
            _extend_exchange(result, current, i)
    result.mentions = find_mentions(paragraphs, result, known_names)
    return result


def _answer(result: Attribution, question: Turn, answer: Turn, paragraphs: list[Paragraph]) -> None:
    qtext = paragraphs[question.paragraphs[0]].text
    qlabel = LABEL.match(qtext)
    result.exchanges.append(
        Exchange(
            len(result.exchanges) + 1,
            question.speaker,
            answer.speaker,
            qtext[qlabel.end() :] if qlabel else qtext,
            question.paragraphs[0],
            list(answer.paragraphs),
            question_turn=question.seq,
            answer_turn=answer.seq,
        )
    )


def _extend_exchange(result: Attribution, turn: Turn, index: int) -> None:
    """A paragraph added to an answering turn extends that exchange's answer range."""
    for e in reversed(result.exchanges):
        if e.answer_turn == turn.seq:
            if index not in e.answer_paragraphs:
                e.answer_paragraphs.append(index)
            return


def _same_person(speaker: Speaker, seen: dict[str, Speaker]) -> Speaker:
    """A person seen earlier in the document keeps the identity they were first given."""
    if speaker.kind == "person" and speaker.name in seen:
        first = seen[speaker.name]
        return Speaker(
            "person",
            first.name,
            speaker.title or first.title,
            speaker.organization or first.organization,
        )
    return speaker


def _names_used_as_labels(paragraphs: list[Paragraph]) -> set[str]:
    """Bare-name labels (`汪文斌：`) count as names when used twice, or titled elsewhere."""
    counts: dict[str, int] = {}
    titled: set[str] = set()
    for p in paragraphs:
        m = LABEL.match(p.text)
        if not m:
            continue
        label = m.group("label")
        counts[label] = counts.get(label, 0) + 1
        for pattern in (NAME_TITLE, ORG_TITLE_NAME):
            t = pattern.match(label)
            if t:
                titled.add(t.group("name"))
    return {n for n, c in counts.items() if c >= 2 and BARE_NAME.match(n)} | titled


def _attribution_text(text: str) -> str:
    return re.split(r"[，,。]", text, maxsplit=1)[0]


def find_mentions(
    paragraphs: list[Paragraph],
    attribution: Attribution,
    known_names: set[str] | frozenset = frozenset(),
) -> list[Mention]:
    """Find references to the document's people: full names, and surname+title when unambiguous."""
    people = {s.name: s for s in attribution.speakers() if s.kind == "person" and s.name}
    forms: dict[str, Speaker] = {}
    by_surname_title: dict[tuple[str, str], list[Speaker]] = {}
    titles_seen: dict[str, set[str]] = {}
    for t in attribution.turns:
        if t.speaker.kind == "person" and t.speaker.title:
            titles_seen.setdefault(t.speaker.name, set()).add(t.speaker.title)
    for name, s in people.items():
        forms[name] = s
        for title in titles_seen.get(name, set()) | ({s.title} if s.title else set()):
            by_surname_title.setdefault((_surname(name), title), []).append(s)
    for (surname, title), candidates in by_surname_title.items():
        if len({c.name for c in candidates}) == 1:  # 林书记 = 林武 only if one 林 with that title
            forms.setdefault(surname + title, candidates[0])
    if not forms:
        return []
    pattern = re.compile("|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True)))
    mentions = []
    for i, p in enumerate(paragraphs):
        for m in pattern.finditer(p.text):
            mentions.append(Mention(i, forms[m.group()], m.group(), m.start(), m.end()))
    return mentions


def _surname(name: str) -> str:
    return name[:2] if name[:2] in COMPOUND_SURNAMES else name[0]
