"""The exception tree. Every message says what went wrong and what to do about it.

    DatelineError
    ├── InputError              an input cannot be read as an article (the batch goes on)
    │   ├── EmptyInputError     nothing to read
    │   ├── BinaryInputError    not text, HTML or a known container
    │   ├── InputTooLargeError  over the size limit (see --max-bytes)
    │   └── MalformedInputError a record, markup or container that cannot be parsed
    ├── PipelineError           components in an impossible order, or a component failed
    ├── ModelNotFoundError      the spaCy pipeline is not installed
    ├── StoreError              the database cannot be opened, migrated or written
    │   └── NotFoundError       no such article, event or run in the database
    ├── BenchError              an evaluation could not run or fell below its pinned minimum
    └── BriefError              a briefing cannot be built or sent (bad day, mail server)
"""

from __future__ import annotations


class DatelineError(Exception):
    """Base of every error dateline raises on purpose."""

    code = "E000"

    def __init__(self, message: str, hint: str = "") -> None:
        self.message = message
        self.hint = hint
        text = f"[{self.code}] {message}"
        if hint:
            text += f" ({hint})"
        super().__init__(text)


class InputError(DatelineError):
    code = "E100"


class EmptyInputError(InputError):
    code = "E101"


class BinaryInputError(InputError):
    code = "E102"


class InputTooLargeError(InputError):
    code = "E103"


class MalformedInputError(InputError):
    code = "E104"


class PipelineError(DatelineError):
    code = "E200"


class ModelNotFoundError(DatelineError):
    code = "E300"


class StoreError(DatelineError):
    code = "E400"


class NotFoundError(StoreError):
    code = "E404"


class BenchError(DatelineError):
    code = "E500"


class BriefError(DatelineError):
    code = "E600"
