"""The one exception type the parse and store layers raise for bad input."""

from __future__ import annotations


class InputError(Exception):
    """Bad input: carries the file (or path) and a one-line reason for the user."""

    def __init__(self, path: str, reason: str, line: int | None = None):
        self.path = str(path)
        self.reason = reason
        self.line = line
        super().__init__(self.message)

    @property
    def message(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.reason}"
