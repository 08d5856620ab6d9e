from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from dateline.clean.editlog import EditLog, Replacement
from dateline.model import Document


def rebuild(raw: str, log: EditLog) -> str:
    out, last = [], 0
    for edit in log.edits():
        out.append(raw[last:edit.raw_start])
        out.append(edit.after)
        last = edit.raw_end
    return "".join(out) + raw[last:]


def test_single_replacement_maps_back() -> None:
    log = EditLog("the badysts said")
    log.apply([Replacement(4, 11, "analysts", "profanity")])
    assert log.text == "the analysts said"
    (edit,) = log.edits()
    assert (edit.raw_start, edit.raw_end, edit.before, edit.after) == (4, 11, "badysts", "analysts")
    assert (edit.start, edit.end) == (4, 12)


def test_passes_compose_and_merge_touching_edits() -> None:
    log = EditLog("a  bombssaid b")
    log.apply([Replacement(1, 3, " ", "whitespace")])
    log.apply([Replacement(2, 11, "bombs said", "glued")])
    assert log.text == "a bombs said b"
    assert rebuild("a  bombssaid b", log) == log.text


def test_noop_replacement_leaves_no_edit() -> None:
    log = EditLog("unchanged")
    log.apply([Replacement(0, 9, "unchanged", "none")])
    assert log.edits() == ()


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="ab c\n", min_size=1, max_size=40), st.data())
def test_random_passes_keep_the_map(raw: str, data: st.DataObject) -> None:
    log = EditLog(raw)
    for _ in range(3):
        text = log.text
        reps, pos = [], 0
        while pos < len(text):
            start = pos + data.draw(st.integers(0, 4))
            end = start + data.draw(st.integers(0, 3))
            if end > len(text):
                break
            reps.append(Replacement(start, end, data.draw(st.sampled_from(["", "X", "yy"])), "r"))
            pos = end + 1
        log.apply(reps)
    assert rebuild(raw, log) == log.text
    doc = Document(id="x", raw_text=raw, clean_text=log.text, edits=log.edits())
    for i, char in enumerate(log.text):
        if not any(e.start <= i < e.end for e in doc.edits):
            assert raw[doc.raw_offset(i)] == char
