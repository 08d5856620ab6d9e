"""Reading inputs into RawDocs: one reader per format, and detection from content.

    iter_inputs(["news/", "feed.xml", "-"])  ->  RawDoc | Outcome, one per article or problem

Formats: plain text, HTML, JSON Lines, JSON, CSV, RSS/Atom, WARC, and gzip of any of these.
"""

from dateline.ingest.detect import FORMATS, detect_format
from dateline.ingest.encoding import decode
from dateline.ingest.inputs import iter_inputs
from dateline.ingest.options import IngestOptions
from dateline.ingest.reader import read_bytes, read_stream

__all__ = [
    "FORMATS",
    "IngestOptions",
    "decode",
    "detect_format",
    "iter_inputs",
    "read_bytes",
    "read_stream",
]
