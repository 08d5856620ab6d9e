"""The three role sets of suite `roles`, read in place into one shape: texts with gold actor
mentions, each labelled "1" (source, perpetrator: the one acting) or "2" (target, acted on).

- PLOVER GSR (``plover-gsr/PLOVER_GSR_CAMEO.json``): the (SRC: ..), (TAR: ..) and
  (SRC/TAR: ..) spans of each record's markup, found again in the record's own text (the markup
  has typos and unbalanced brackets, so each span's words are looked up in order, nearest to
  where the markup puts them; a span whose words are not in the text is left out and counted).
  The trigger is the first (EVT: ..) span. SRC/TAR (both sides of a mutual event) is kept as
  "both" and counted right whatever is predicted.
- ConfliBERT ``cameo_ner/test.txt`` (CoNLL, token and IOB tag): S spans are "1", T spans "2";
  R (a third role) is left out. Tokens are joined with single spaces.
- ConfliBERT ``muc4/test.json``: every string of every perpetrator entity (perp_individual_id,
  perp_organization_id) is "1", of every target (phys_tgt_id, hum_tgt_name) "2", found as whole
  words in the upper-case document; a mention inside a longer gold mention is dropped. A
  mention keeps the id of its entity (the unit of the entity score).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

PLOVER = Path("plover-gsr") / "PLOVER_GSR_CAMEO.json"
CAMEO = Path("conflibert-tasks") / "data" / "cameo_ner" / "test.txt"
MUC4 = Path("conflibert-tasks") / "data" / "muc4" / "test.json"
ACTOR_TAGS = {"SRC": "1", "TAR": "2", "SRC/TAR": "both", "TAR/SRC": "both"}
PERPETRATORS = ("perp_individual_id", "perp_organization_id")
TARGETS = ("phys_tgt_id", "hum_tgt_name")


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    gold: str  # "1", "2" or "both"
    entity: str = ""  # the gold entity (MUC-4), else ""


@dataclass
class RoleText:
    id: str
    text: str
    mentions: list[Mention] = field(default_factory=list)
    trigger: tuple[int, int] | None = None  # the gold event trigger, where the set gives one


@dataclass
class RoleSet:
    name: str
    texts: list[RoleText]
    unaligned: int = 0  # gold spans not found in the text


def _markup_spans(markup: str) -> tuple[str, list[tuple[str, int, int]]]:
    """The plain text of a PLOVER markup and its (tag, start, end) spans (a stack of brackets;
    '}' closes like ')', a stray ')' is kept as text)."""
    out: list[str] = []
    spans: list[tuple[str, int, int]] = []
    stack: list[tuple[str | None, int]] = []
    pos = 0
    opener = re.compile(r"\(\s*([A-Z]{3}(?:/[A-Z]{3})?)\s*:\s*")
    while pos < len(markup):
        m = opener.match(markup, pos)
        char = markup[pos]
        if m:
            stack.append((m.group(1), len("".join(out))))
            pos = m.end()
            continue
        if char == "(":
            stack.append((None, 0))
        elif char in ")}" and stack:
            tag, start = stack.pop()
            if tag is not None:
                spans.append((tag, start, len("".join(out))))
                pos += 1
                continue
        out.append(char)
        pos += 1
    return "".join(out), spans


def _find_near(text: str, words: str, near: int) -> tuple[int, int] | None:
    words = words.strip()
    if not words:
        return None
    hits = [m.start() for m in re.finditer(re.escape(words), text)]
    if not hits:
        return None
    best = min(hits, key=lambda h: abs(h - near))
    return best, best + len(words)


def read_plover(root: Path) -> RoleSet:
    records = json.loads((root / PLOVER).read_text("utf-8"))
    result = RoleSet("plover", [])
    for record in records:
        info = record.get("textInfo")
        markup = info.get("markup", "") if isinstance(info, dict) else str(info or "")
        if record.get("event") == "DOCUMENT" or not markup:
            continue
        plain, spans = _markup_spans(markup)
        item = RoleText(str(record["id"]), str(record["text"]))
        for tag, start, end in sorted(spans, key=lambda s: s[1]):
            found = _find_near(item.text, plain[start:end], start)
            if tag == "EVT" and item.trigger is None and found:
                item.trigger = found
            elif tag in ACTOR_TAGS and found:
                item.mentions.append(Mention(*found, ACTOR_TAGS[tag]))
            elif tag in ACTOR_TAGS:
                result.unaligned += 1
        if item.mentions and item.trigger:
            result.texts.append(item)
    return result


def read_cameo(root: Path) -> RoleSet:
    result = RoleSet("cameo_ner", [])
    blocks = (root / CAMEO).read_text("utf-8").split("\n\n")
    for number, block in enumerate(blocks):
        rows = [line.rsplit(None, 1) for line in block.splitlines() if len(line.split()) > 1]
        words: list[str] = []
        mentions: list[Mention] = []
        offset = 0
        open_span: tuple[str, int] | None = None
        for token, tag in rows:
            start = offset
            words.append(token)
            offset += len(token) + 1
            inside = tag.startswith("I-") and open_span and open_span[0] == tag[2:]
            if open_span and not inside:
                mentions.append(Mention(open_span[1], start - 1, open_span[0]))
                open_span = None
            if tag[:2] in ("B-", "I-") and not inside:
                open_span = (tag[2:], start)
        if open_span:
            mentions.append(Mention(open_span[1], offset - 1, open_span[0]))
        kept = [Mention(m.start, m.end, {"S": "1", "T": "2"}[m.gold]) for m in mentions
                if m.gold in ("S", "T")]
        if kept:
            result.texts.append(RoleText(f"cameo_ner:{number}", " ".join(words), kept))
    return result


def _entity_mentions(text: str, strings: list[str], gold: str, entity: str) -> list[Mention]:
    out = []
    for string in set(strings):
        pattern = r"(?<![A-Z0-9])" + re.escape(string.strip()) + r"(?![A-Z0-9])"
        out += [Mention(m.start(), m.end(), gold, entity) for m in re.finditer(pattern, text)]
    return out


def read_muc4(root: Path) -> RoleSet:
    data = json.loads((root / MUC4).read_text("utf-8"))
    result = RoleSet("muc4", [])
    for doc_id, record in sorted(data.items()):
        text, roles = str(record["doc"]), record["roles"]
        found: list[Mention] = []
        for gold, keys in (("1", PERPETRATORS), ("2", TARGETS)):
            for key in keys:
                for number, strings in enumerate(roles.get(key, [])):
                    entity = f"{doc_id}:{key}:{number}"
                    mentions = _entity_mentions(text, strings, gold, entity)
                    result.unaligned += 0 if mentions else 1
                    found += mentions
        longest = sorted(found, key=lambda m: (m.start, -(m.end - m.start)))
        kept: list[Mention] = []
        for m in longest:
            if not any(k.start <= m.start and m.end <= k.end for k in kept):
                kept.append(m)
        if kept:
            result.texts.append(RoleText(doc_id, text, kept))
    return result


def files(root: Path) -> list[Path]:
    return [root / PLOVER, root / CAMEO, root / MUC4]
