"""Metadata files beside the texts: `manifest.yml` (per-document facts), `speakers.yml`
(people and their dated roles) and YAML front matter at the top of a text file.

Errors point at the line of the file that is wrong.
"""

from __future__ import annotations

import datetime as dt
import re

import yaml

from .documents import ISO_DATE, KINDS, MANIFEST_FIELDS
from .errors import InputError

MANIFEST_NAME = "manifest.yml"
SPEAKERS_NAME = "speakers.yml"
FRONT_MATTER = re.compile(r"\A---[ \t]*\n(?P<yaml>.*?\n)---[ \t]*\n", re.S)

SPEAKER_FIELDS = {"name", "aliases", "roles", "gender", "notes", "organization", "title"}
ROLE_FIELDS = {"title", "organization", "from", "to"}


def _compose(text: str, path: str):
    try:
        return yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        reason = getattr(e, "problem", None) or str(e).splitlines()[0]
        raise InputError(
            path, f"malformed YAML: {reason}", line=mark.line + 1 if mark else None
        ) from None


def _line(node) -> int:
    return node.start_mark.line + 1


def _scalar(node, path: str, what: str) -> str | None:
    if isinstance(node, yaml.ScalarNode):
        value = node.value.strip()
        return value or None
    raise InputError(path, f"{what} must be a single value", line=_line(node))


def _mapping(node, path: str, what: str) -> list[tuple]:
    if not isinstance(node, yaml.MappingNode):
        raise InputError(path, f"{what} must be a mapping of keys to values", line=_line(node))
    return node.value


def _check_date(value: str | None, path: str, node, what: str) -> str | None:
    if value is None:
        return None
    if not ISO_DATE.match(value):
        raise InputError(
            path,
            f"{what} {value!r} is not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD)",
            line=_line(node),
        )
    try:
        parts = [int(x) for x in value.split("-")] + [1, 1]
        dt.date(parts[0], parts[1], parts[2])
    except ValueError:
        raise InputError(path, f"{what} {value!r} is not a real date", line=_line(node)) from None
    return value


def parse_document_fields(node, path: str) -> dict:
    """Validate one document's metadata mapping (manifest entry or front matter)."""
    fields: dict = {}
    for key_node, value_node in _mapping(node, path, "document metadata"):
        key = key_node.value
        if key not in MANIFEST_FIELDS:
            raise InputError(
                path,
                f"unknown field {key!r} (expected one of {', '.join(sorted(MANIFEST_FIELDS))})",
                line=_line(key_node),
            )
        value = _scalar(value_node, path, key)
        if key == "date":
            value = _check_date(value, path, value_node, "date")
        if key == "kind" and value not in KINDS:
            raise InputError(
                path,
                f"kind {value!r} is not one of {', '.join(sorted(KINDS))}",
                line=_line(value_node),
            )
        fields[key] = value
    return fields


def parse_manifest(text: str, path: str = MANIFEST_NAME) -> dict[str, dict]:
    """Parse `manifest.yml`: `documents:` mapping a file path (relative to the folder) to its fields."""
    root = _compose(text, path)
    if root is None:
        return {}
    entries: dict[str, dict] = {}
    for key_node, value_node in _mapping(root, path, "the manifest"):
        if key_node.value != "documents":
            raise InputError(
                path,
                f"unknown top-level key {key_node.value!r} (expected 'documents')",
                line=_line(key_node),
            )
        for name_node, fields_node in _mapping(value_node, path, "documents"):
            name = name_node.value
            if name in entries:
                raise InputError(path, f"{name!r} is listed twice", line=_line(name_node))
            entries[name] = parse_document_fields(fields_node, path)
    return entries


def split_front_matter(text: str, path: str) -> tuple[dict, str]:
    """Take YAML front matter (`---` … `---`) off a text; return (fields, rest of text)."""
    m = FRONT_MATTER.match(text)
    if not m:
        return {}, text
    node = _compose(m.group("yaml"), path)
    fields = parse_document_fields(node, path) if node is not None else {}
    # Keep line numbers of the body meaningful: replace the front matter by blank lines.
    return fields, "\n" * m.group(0).count("\n") + text[m.end() :]


def parse_speakers_file(text: str, path: str = SPEAKERS_NAME) -> list[dict]:
    """Parse `speakers.yml`: a list of people with aliases and dated roles (ParlaMint-style)."""
    root = _compose(text, path)
    if root is None:
        return []
    people = []
    for key_node, value_node in _mapping(root, path, "the speakers file"):
        if key_node.value != "speakers":
            raise InputError(
                path,
                f"unknown top-level key {key_node.value!r} (expected 'speakers')",
                line=_line(key_node),
            )
        if not isinstance(value_node, yaml.SequenceNode):
            raise InputError(path, "speakers must be a list", line=_line(value_node))
        for person_node in value_node.value:
            person: dict = {"aliases": [], "roles": []}
            for k, v in _mapping(person_node, path, "a speaker"):
                if k.value not in SPEAKER_FIELDS:
                    raise InputError(path, f"unknown speaker field {k.value!r}", line=_line(k))
                if k.value == "aliases":
                    if not isinstance(v, yaml.SequenceNode):
                        raise InputError(path, "aliases must be a list", line=_line(v))
                    person["aliases"] = [_scalar(a, path, "alias") for a in v.value]
                elif k.value == "roles":
                    if not isinstance(v, yaml.SequenceNode):
                        raise InputError(path, "roles must be a list", line=_line(v))
                    person["roles"] = [_parse_role(r, path) for r in v.value]
                else:
                    person[k.value] = _scalar(v, path, k.value)
            if not person.get("name"):
                raise InputError(path, "every speaker needs a name", line=_line(person_node))
            people.append(person)
    return people


def _parse_role(node, path: str) -> dict:
    role: dict = {}
    for k, v in _mapping(node, path, "a role"):
        if k.value not in ROLE_FIELDS:
            raise InputError(
                path,
                f"unknown role field {k.value!r} (expected title, organization, from, to)",
                line=_line(k),
            )
        value = _scalar(v, path, k.value)
        role[k.value] = _check_date(value, path, v, k.value) if k.value in ("from", "to") else value
    if not role.get("title"):
        raise InputError(path, "every role needs a title", line=_line(node))
    if role.get("from") and role.get("to") and role["to"] < role["from"]:
        raise InputError(
            path, f"role ends ({role['to']}) before it starts ({role['from']})", line=_line(node)
        )
    return role
