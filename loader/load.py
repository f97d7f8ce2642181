"""Load files and folders into the corpus: discover, parse (in parallel), write in one transaction."""

from __future__ import annotations

import errno
import hashlib
import json
import os
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from . import figures as figures_mod
from . import search, segment, store
from .documents import Document, parse_document
from .encoding import decode
from .errors import InputError
from .manifest import (
    MANIFEST_NAME,
    SPEAKERS_NAME,
    parse_manifest,
    parse_speakers_file,
    split_front_matter,
)
from .speakers import Attribution, attribute

TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".text"}
DEFAULT_MAX_PARAGRAPH_CHARS = 1_000_000
# Below this many files a process pool costs more than it saves.
POOL_MIN_FILES = 64
# Documents parsed ahead of the writer; bounds memory whatever the corpus size.
PIPELINE_DEPTH = 64

PARSE_MODULES = [
    "normalize",
    "documents",
    "speakers",
    "figures",
    "units",
    "numbers",
    "periods",
    "segment",
    "search",
    "encoding",
]


def _parser_fingerprint() -> str:
    """Hash of the parsing code: a changed parser re-parses every file on the next load."""
    h = hashlib.sha256()
    here = Path(__file__).parent
    for name in PARSE_MODULES:
        path = here / f"{name}.py"
        if path.exists():
            h.update(path.read_bytes())
    return h.hexdigest()[:16]


@dataclass
class SourceFile:
    """A text file to load: where it is and the name it gets in the corpus."""

    path: Path
    filename: str  # relative to the folder it was loaded from, '/'-separated
    meta: dict = field(default_factory=dict)


@dataclass
class ParsedDocument:
    """Everything the writer needs for one document, computed away from the database."""

    document: Document
    attribution: Attribution
    figures: list[list]
    search_texts: list[str]
    words: list[str]
    fingerprint: str


@dataclass
class LoadReport:
    """What a load did."""

    added: list[str] = field(default_factory=list)
    replaced: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    pruned: list[str] = field(default_factory=list)
    skipped: list[InputError] = field(default_factory=list)

    def summary(self) -> str:
        """One line for the user."""
        parts = [
            f"{len(self.added)} added",
            f"{len(self.replaced)} replaced",
            f"{len(self.unchanged)} unchanged",
        ]
        if self.pruned:
            parts.append(f"{len(self.pruned)} pruned")
        if self.skipped:
            parts.append(f"{len(self.skipped)} skipped")
        return ", ".join(parts)


@dataclass
class Sources:
    """The result of discovery: files to load plus the folders' metadata files."""

    files: list[SourceFile]
    speakers: list[dict]
    metadata_hash: str


def discover(paths: Iterable[str | Path]) -> Sources:
    """Find the text files under the given paths, with their manifest entries."""
    files: dict[str, SourceFile] = {}
    people: list[dict] = []
    h = hashlib.sha256()
    for given in paths:
        path = Path(given)
        if not path.exists() and not path.is_symlink():
            raise InputError(str(given), "no such file or directory")
        root = path if path.is_dir() else path.parent
        manifest, speakers_text = _read_metadata(root, h)
        if speakers_text:
            people.extend(speakers_text)
        candidates = _walk(path) if path.is_dir() else [path]
        for file in candidates:
            filename = file.relative_to(root).as_posix()
            if filename in files and files[filename].path.resolve() != file.resolve():
                raise InputError(
                    str(file),
                    f"two files would both be stored as {filename!r}; load them separately",
                )
            files[filename] = SourceFile(file, filename, manifest.get(filename, {}))
    unknown = [name for name in _manifest_names(paths) if name not in files]
    if unknown:
        raise InputError(
            MANIFEST_NAME, f"lists {unknown[0]!r}, which is not among the files loaded"
        )
    return Sources([files[k] for k in sorted(files)], people, h.hexdigest()[:16])


def _manifest_names(paths) -> list[str]:
    names = []
    for given in paths:
        path = Path(given)
        if path.is_dir() and (path / MANIFEST_NAME).exists():
            names.extend(
                parse_manifest((path / MANIFEST_NAME).read_text("utf-8"), str(path / MANIFEST_NAME))
            )
    return names


def _read_metadata(root: Path, h) -> tuple[dict, list[dict]]:
    manifest: dict = {}
    people: list[dict] = []
    for name in (MANIFEST_NAME, SPEAKERS_NAME):
        path = root / name
        if not path.exists():
            continue
        try:
            data = path.read_bytes()
            text = data.decode("utf-8-sig")
        except OSError as e:
            raise InputError(str(path), f"cannot read: {e.strerror or e}") from None
        except UnicodeDecodeError:
            raise InputError(str(path), "metadata files must be UTF-8") from None
        if name == SPEAKERS_NAME:
            # Known speakers change how every document is attributed; a manifest entry
            # only changes its own document (it is part of that document's fingerprint).
            h.update(data)
        if name == MANIFEST_NAME:
            manifest = parse_manifest(text, str(path))
        else:
            people = parse_speakers_file(text, str(path))
    return manifest, people


def _walk(root: Path) -> Iterator[Path]:
    """Text files under root in sorted order, following symlinks but refusing loops."""
    seen: set[tuple[int, int]] = set()

    def visit(folder: Path) -> Iterator[Path]:
        try:
            st = folder.stat()
        except OSError as e:
            if e.errno == errno.ELOOP:
                raise InputError(str(folder), "directory symlink loop") from None
            raise InputError(str(folder), f"cannot open folder: {e.strerror or e}") from None
        ident = (st.st_dev, st.st_ino)
        if ident in seen:
            raise InputError(str(folder), "directory symlink loop (this folder contains itself)")
        seen.add(ident)
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError as e:
            raise InputError(str(folder), f"cannot list folder: {e.strerror or e}") from None
        for entry in entries:
            if entry.name.startswith("."):
                continue
            path = Path(entry.path)
            if entry.is_dir(follow_symlinks=True):
                yield from visit(path)
            elif entry.is_symlink() and not path.exists():
                raise InputError(str(path), "broken symlink")
            elif path.suffix.lower() in TEXT_SUFFIXES:
                yield path
        seen.discard(ident)

    yield from visit(root)


# ---------------------------------------------------------------- parsing (in worker processes)

_known_names: frozenset[str] = frozenset()


def _set_known_names(known_names: frozenset[str]) -> None:
    global _known_names
    _known_names = known_names


def _init_worker(known_names: frozenset[str]) -> None:
    _set_known_names(known_names)
    _die_with_parent()


def _die_with_parent() -> None:
    """A parser process must not outlive a killed load (it would wait forever for work)."""
    try:
        import ctypes
        import signal

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG (Linux)
    except (OSError, AttributeError):
        return
    if os.getppid() == 1:  # the parent died before the signal was armed
        os._exit(1)


def parse_source(
    source: SourceFile,
    encoding: str | None = None,
    max_paragraph_chars: int = DEFAULT_MAX_PARAGRAPH_CHARS,
    metadata_hash: str = "",
    known_names: frozenset[str] | None = None,
) -> ParsedDocument | InputError:
    """Read and parse one file; bad input comes back as an InputError, never raised."""
    try:
        try:
            data = source.path.read_bytes()
        except IsADirectoryError:
            raise InputError(str(source.path), "is a directory, not a file") from None
        except OSError as e:
            raise InputError(str(source.path), f"cannot read: {e.strerror or e}") from None
        text, used = decode(data, str(source.path), encoding or source.meta.get("encoding"))
        _refuse_overlong_lines(text, str(source.path), max_paragraph_chars)
        front, text = split_front_matter(text, str(source.path))
        meta = {**front, **source.meta}
        try:
            document = parse_document(source.filename, text, meta, data=data, encoding=used)
        except InputError as e:
            raise InputError(str(source.path), e.reason, e.line) from None
        for p in document.paragraphs:
            if len(p.text) > max_paragraph_chars:
                raise InputError(
                    str(source.path),
                    f"paragraph is {len(p.text):,} characters long (limit {max_paragraph_chars:,}); "
                    "raise --max-paragraph-chars to load it",
                    line=p.line,
                )
        names = _known_names if known_names is None else known_names
        attribution = attribute(document.paragraphs, names)
        figures = figures_mod.extract_document(document)
        return ParsedDocument(
            document=document,
            attribution=attribution,
            figures=figures,
            search_texts=[search.search_text(p.text) for p in document.paragraphs],
            words=[segment.indexable_words(p.text) for p in document.paragraphs],
            fingerprint=fingerprint(document.sha256, source.meta, metadata_hash),
        )
    except InputError as e:
        return e
    except RecursionError:
        return InputError(str(source.path), "text too deeply nested to parse")


PARSER_FINGERPRINT = _parser_fingerprint()


def _refuse_overlong_lines(text: str, path: str, limit: int) -> None:
    """A single line longer than any paragraph can be is refused before it is parsed."""
    if len(text) <= limit:
        return
    for number, line in enumerate(text.split("\n"), start=1):
        if len(line) > limit:
            raise InputError(
                path,
                f"line is {len(line):,} characters long (limit {limit:,}); is this really one paragraph? "
                "raise --max-paragraph-chars to load it",
                line=number,
            )


def _parse_in_order(
    sources: list[SourceFile],
    workers: int,
    parse: Callable[[SourceFile], ParsedDocument | InputError],
    known: frozenset[str],
) -> Iterator[ParsedDocument | InputError]:
    """Parse sources, in parallel when worth it, yielding results in input order with bounded look-ahead."""
    if workers <= 1 or len(sources) < POOL_MIN_FILES:
        _set_known_names(known)
        for s in sources:
            yield parse(s)
        return
    with ProcessPoolExecutor(
        max_workers=workers, initializer=_init_worker, initargs=(known,)
    ) as pool:
        window: list[Future] = []
        it = iter(sources)
        for s in it:
            window.append(pool.submit(parse, s))
            if len(window) >= PIPELINE_DEPTH:
                yield window.pop(0).result()
        for f in window:
            yield f.result()


class _Parse:
    """Picklable parse callable carrying the load's options."""

    def __init__(self, encoding, max_paragraph_chars, metadata_hash):
        self.encoding, self.max_paragraph_chars, self.metadata_hash = (
            encoding,
            max_paragraph_chars,
            metadata_hash,
        )

    def __call__(self, source: SourceFile):
        return parse_source(source, self.encoding, self.max_paragraph_chars, self.metadata_hash)


def fingerprint(sha: str, meta: dict, metadata_hash: str) -> str:
    """What decides whether a stored document is current: file bytes, manifest entry, parser, metadata files."""
    return hashlib.sha256(
        json.dumps(
            [sha, meta, PARSER_FINGERPRINT, metadata_hash], ensure_ascii=False, sort_keys=True
        ).encode()
    ).hexdigest()


def _current_sha(
    source: SourceFile, cache: dict[str, tuple[int, int, str]]
) -> tuple[str | None, tuple | None]:
    """The file's SHA-256, from the stat cache when size and mtime are unchanged (no read)."""
    try:
        st = source.path.stat()
    except OSError:
        return None, None
    cached = cache.get(source.filename)
    if cached and cached[0] == st.st_size and cached[1] == st.st_mtime_ns:
        return cached[2], None
    try:
        sha = hashlib.sha256(source.path.read_bytes()).hexdigest()
    except OSError:
        return None, None
    return sha, (source.filename, st.st_size, st.st_mtime_ns, sha)


def load(
    db_path: str | Path,
    paths: Iterable[str | Path],
    *,
    prune: bool = False,
    skip_bad: bool = False,
    encoding: str | None = None,
    max_paragraph_chars: int = DEFAULT_MAX_PARAGRAPH_CHARS,
    workers: int | None = None,
    progress: Callable[[int, int], None] | None = None,
    on_skip: Callable[[InputError], None] | None = None,
) -> LoadReport:
    """Load paths into the database in one transaction; on bad input raise InputError and write nothing."""
    sources = discover(paths)
    db = store.open_db(db_path)
    report = LoadReport()
    try:
        if (
            db.execute("PRAGMA query_only").fetchone()[0]
            or not os.access(db_path, os.W_OK)
            and Path(db_path).exists()
        ):
            raise InputError(str(db_path), "database file is read-only")
        # Loading into an empty corpus is a bulk load: secondary indexes, foreign keys and
        # the substring index are built once at the end (inside the same transaction).
        bulk = store.is_empty(db)
        if bulk:
            db.execute("PRAGMA foreign_keys = OFF")
        with db.atomic():
            try:
                store.ensure_schema(db)
            except store.SchemaError as e:
                raise InputError(str(db_path), str(e)) from None
            if bulk:
                store.begin_bulk(db)
            db.execute("PRAGMA defer_foreign_keys = ON")  # paragraphs and turns refer to each other
            existing = store.existing_documents(db)
            ids = store.Ids.read(db)
            store.save_speakers_file(db, sources.speakers, ids)
            registry = store.SpeakerRegistry(db, ids)
            todo = []
            stat_cache = store.file_states(db)
            for s in sources.files:
                old = existing.get(s.filename)
                sha, new_state = _current_sha(s, stat_cache)
                if new_state:
                    store.save_file_state(db, *new_state)
                if old and sha and old[1] == fingerprint(sha, s.meta, sources.metadata_hash):
                    report.unchanged.append(s.filename)
                else:
                    todo.append(s)
            known = frozenset(p["name"] for p in sources.speakers) | frozenset(
                a for p in sources.speakers for a in p["aliases"]
            )
            parse = _Parse(encoding, max_paragraph_chars, sources.metadata_hash)
            n_workers = workers if workers is not None else min(2, os.cpu_count() or 1)
            done = 0
            for source, result in zip(
                todo, _parse_in_order(todo, n_workers, parse, known), strict=True
            ):
                done += 1
                if progress:
                    progress(done, len(todo))
                if isinstance(result, InputError):
                    if not skip_bad:
                        raise result
                    report.skipped.append(result)
                    if on_skip:
                        on_skip(result)
                    continue
                old = existing.get(source.filename)
                if old:
                    store.delete_document(db, old[0], bulk=False)
                    report.replaced.append(source.filename)
                    doc_id = old[0]
                else:
                    report.added.append(source.filename)
                    doc_id = ids.take("documents")
                store.save_document(db, result, doc_id, ids, registry, bulk=bulk)
            if prune:
                seen = {s.filename for s in sources.files}
                for filename, (doc_id, _) in sorted(existing.items()):
                    if filename not in seen:
                        store.delete_document(db, doc_id)
                        report.pruned.append(filename)
            if report.replaced or report.pruned:
                store.prune_orphan_speakers(db)
            if bulk:
                # incremental loads leave index merging to FTS5's automerge, so their
                # cost stays proportional to what changed
                store.finish_bulk(db)
    finally:
        db.close()
    return report
