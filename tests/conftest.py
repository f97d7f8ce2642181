import shutil
from pathlib import Path

import pytest

from loader.load import load
from loader.normalize import normalize

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
METADATA = ROOT / "metadata.yml"
REPORT = SEEDS / "000_f96f47c78fa21d85.txt"
TRANSCRIPT = SEEDS / "002_a2678734ee956aaa.txt"


def seed_text(path: Path) -> str:
    return path.read_text("utf-8")


@pytest.fixture(scope="session")
def report_paragraphs():
    return normalize(seed_text(REPORT)).paragraphs


@pytest.fixture(scope="session")
def transcript_paragraphs():
    return normalize(seed_text(TRANSCRIPT)).paragraphs


@pytest.fixture
def seeds_copy(tmp_path):
    """A private copy of the seeds folder (with manifest and speakers file)."""
    folder = tmp_path / "seeds"
    shutil.copytree(SEEDS, folder)
    return folder


@pytest.fixture(scope="session")
def seeds_db(tmp_path_factory):
    """The seeds loaded into a fresh database (built once per test session)."""
    path = tmp_path_factory.mktemp("db") / "corpus.db"
    load(path, [SEEDS], workers=1)
    return path
