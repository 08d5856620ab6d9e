"""Options that bound what ``ingest`` reads, and the size constants the readers share."""

from __future__ import annotations

from dataclasses import dataclass

#: How much of an input is looked at to detect its format (and read before any other decision).
HEAD_BYTES = 64 * 1024
#: Read size for streaming copies, drains and decompression.
CHUNK_BYTES = 1024 * 1024
#: A gzip inside a gzip inside ... is refused past this depth.
MAX_GZIP_DEPTH = 4


@dataclass(frozen=True)
class IngestOptions:
    """Limits for reading inputs.

    ``max_bytes`` bounds one article or record after decompression; ``max_decompressed`` bounds
    the decompressed size of one gzip member (the gzip-bomb guard); ``recursive`` says whether
    directories are read recursively.
    """

    max_bytes: int = 20_000_000
    max_decompressed: int = 200_000_000
    recursive: bool = True

    def __post_init__(self) -> None:
        if self.max_bytes <= 0 or self.max_decompressed <= 0:
            raise ValueError(
                "IngestOptions.max_bytes and max_decompressed must be positive byte counts"
            )


DEFAULT_OPTIONS = IngestOptions()
