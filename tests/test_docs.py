"""The README stays true: generated schema, the two commands, the publish command lines."""

import shlex
import shutil

import pytest
from click.testing import CliRunner
from conftest import ROOT

from loader.cli import cli
from loader.docs import schema_markdown, section

README = (ROOT / "README.md").read_text("utf-8")


def test_readme_schema_is_current(seeds_db):
    assert section(README, "schema") == schema_markdown(seeds_db, ROOT / "metadata.yml").strip(), (
        "README schema is stale: run `python benchmarks/update_readme.py`"
    )


def test_corpus_schema_command_prints_the_same(seeds_db):
    shutil.copy(ROOT / "metadata.yml", seeds_db.parent / "metadata.yml")
    result = CliRunner().invoke(cli, ["schema", "--db", str(seeds_db)])
    assert result.exit_code == 0
    assert result.output.strip() == section(README, "schema")


def test_readme_gives_the_two_commands_and_ci_runs_the_test_one():
    assert "make serve" in README and "make test" in README
    ci = (ROOT / ".ci" / "run").read_text()
    assert "make test" in ci
    makefile = (ROOT / "Makefile").read_text()
    for target in ("serve:", "test:", "install:", "corpus.db:", "benchmark:", "figures-benchmark:"):
        assert f"\n{target}" in makefile


PUBLISH_LINES = [
    line
    for line in README.splitlines()
    if line.startswith(("datasette publish", "datasette package"))
]


def test_readme_has_publish_commands():
    assert len(PUBLISH_LINES) == 2


@pytest.mark.parametrize("line", PUBLISH_LINES)
def test_publish_command_lines_are_accepted(line, tmp_path, monkeypatch):
    """Parse the README's command line with Datasette's own CLI definition (no network, no run)."""
    from datasette.cli import cli as datasette_cli

    for name in ("corpus.db", "metadata.yml"):
        shutil.copy(ROOT / name, tmp_path / name)
    monkeypatch.chdir(tmp_path)
    args = shlex.split(line)[1:]
    command = datasette_cli
    while args and args[0] in getattr(command, "commands", {}):
        command = command.commands[args.pop(0)]
    context = command.make_context(command.name, args)
    assert context.params["files"] == ("corpus.db",)
    assert context.params["metadata"]
    assert "chinese-press-corpus" in context.params["install"]
