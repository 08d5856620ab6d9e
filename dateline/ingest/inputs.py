"""Expanding inputs (files, directories, globs, ``-`` for stdin) and reading each one."""

from __future__ import annotations

import glob
import os
import re
import stat
import sys
from collections.abc import Iterator, Sequence

from dateline.ingest.options import DEFAULT_OPTIONS, IngestOptions
from dateline.ingest.reader import read_stream
from dateline.model import Outcome, RawDoc

STDIN = "-"
STDIN_ORIGIN = "<stdin>"
_GLOB_CHARS = re.compile(r"[*?[]")


def iter_inputs(
    inputs: Sequence[str | os.PathLike[str]], options: IngestOptions = DEFAULT_OPTIONS
) -> Iterator[RawDoc | Outcome]:
    """Expand files, directories (recursively, sorted, skipping hidden files), globs and ``-``
    (stdin, read as bytes) and yield one RawDoc per article found, or one Outcome (skipped,
    quarantined or failed, with a reason that says what to do) per input or record that cannot
    be read. Never raises for a bad input; a path that does not exist yields a failed Outcome."""
    for given in inputs:
        spec = os.fspath(given)
        if spec == STDIN:
            yield from _read_stdin(options)
        elif os.path.lexists(spec) or not _GLOB_CHARS.search(spec):
            yield from _read_path(spec, options)
        else:
            yield from _read_glob(spec, options)


def _read_stdin(options: IngestOptions) -> Iterator[RawDoc | Outcome]:
    stream = getattr(sys.stdin, "buffer", None)
    if stream is None:
        yield Outcome(STDIN_ORIGIN, "failed", "there is no standard input to read (pass a path)")
        return
    yield from read_stream(stream, STDIN_ORIGIN, options)


def _read_glob(pattern: str, options: IngestOptions) -> Iterator[RawDoc | Outcome]:
    matches = sorted(glob.glob(pattern, recursive=True))
    if not matches:
        yield Outcome(
            pattern,
            "failed",
            "no file matches this pattern (check it; quote it so the shell does not expand it)",
        )
    for path in matches:
        yield from _read_path(path, options)


def _read_path(path: str, options: IngestOptions) -> Iterator[RawDoc | Outcome]:
    if os.path.isdir(path):
        yield from _read_directory(path, options)
    else:
        yield from _read_file(path, options)


def _read_file(path: str, options: IngestOptions) -> Iterator[RawDoc | Outcome]:
    try:
        handle = open(path, "rb")  # noqa: SIM115 - closed by the with below
    except FileNotFoundError:
        broken = os.path.islink(path)
        what = "broken symbolic link" if broken else "no such file or directory"
        yield Outcome(path, "failed", f"{what} (check the path)")
        return
    except OSError as exc:
        yield Outcome(path, "failed", f"cannot open: {exc.strerror} (check the permissions)")
        return
    with handle:
        info = os.fstat(handle.fileno())
        size = info.st_size if stat.S_ISREG(info.st_mode) else None
        yield from read_stream(handle, path, options, size=size)


def _read_directory(top: str, options: IngestOptions) -> Iterator[RawDoc | Outcome]:
    found = False
    for item in _walk(top, options.recursive):
        found = True
        if isinstance(item, Outcome):
            yield item
        else:
            yield from _read_file(item, options)
    if not found:
        yield Outcome(top, "skipped", "empty directory: no visible files to read")


def _walk(directory: str, recursive: bool) -> Iterator[str | Outcome]:
    """Visible files under ``directory`` in sorted order, and Outcomes for what is passed over."""
    try:
        with os.scandir(directory) as scan:
            entries = sorted(scan, key=lambda entry: entry.name)
    except OSError as exc:
        reason = f"cannot list the directory: {exc.strerror} (check its permissions)"
        yield Outcome(directory, "failed", reason)
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        path = os.path.join(directory, entry.name)
        if entry.is_dir(follow_symlinks=False):
            if recursive:
                yield from _walk(path, recursive)
            else:
                reason = "subdirectory not read: recursive reading is off (IngestOptions.recursive)"
                yield Outcome(path, "skipped", reason)
        elif entry.is_symlink() and not os.path.exists(path):
            yield Outcome(path, "failed", "broken symbolic link (fix or remove it)")
        elif entry.is_dir():
            reason = "symbolic link to a directory is not followed (pass the directory itself)"
            yield Outcome(path, "skipped", reason)
        elif entry.is_file():
            yield path
        else:
            yield Outcome(path, "skipped", "not a regular file (a pipe, socket or device)")
