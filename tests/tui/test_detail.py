"""The detail panel's pieces: the sentence in its paragraph, source and cue in colour."""

from __future__ import annotations

from claims import store as st
from claims.models import Status
from tui.bidi import BidiMode, Display
from tui.widgets.claim_detail import find_loose, highlighted_paragraph, relay_chain, review_lines
from tui.widgets.look import CUE_STYLE, SENTENCE_STYLE, SOURCE_STYLE


def styled(text, style) -> list[str]:
    return [text.plain[s.start : s.end] for s in text.spans if str(s.style) == style]


def test_paragraph_underlines_the_sentence_and_colours_source_and_cue(store):
    claim = st.get_claim(store, 2)  # the anonymous sources, second sentence of a paragraph
    paragraph, start, end = st.paragraph_of(store, 2)
    text = highlighted_paragraph(claim, paragraph, start, end)
    assert styled(text, SENTENCE_STYLE) == [claim.sentence]
    assert styled(text, SOURCE_STYLE) == ["مصادر مطلعة"]
    assert styled(text, CUE_STYLE) == ["وقالت"]
    assert text.plain.startswith("وأكّدت")  # the paragraph around it, as stored


def test_a_source_written_with_other_hamza_or_diacritics_is_still_found():
    assert find_loose("وقال المتحدثُ باسم الوزارة", "المتحدث باسم") == 5
    assert find_loose("أكّدت الوزارة", "اكدت") == 0


def test_relay_chain_lays_each_name_out_on_its_own(store):
    claim = st.get_claim(store, 2)
    chain = relay_chain(claim, Display(BidiMode.visual))
    assert chain.plain == "Relay: ةعلطم رداصم تلاقو → via ندملا → ندملا"


def test_a_verdict_carried_to_a_copy_names_the_claim_it_was_given_on(store):
    claim = st.get_claim(store, 2)
    st.set_status(store, 2, Status.verified, reviewer="amina", expected_version=claim.version)
    [entry] = st.history(store, 2)
    carried = entry.model_copy(update={"carried_from": 7})
    drawn = [line.plain for line in review_lines(st.get_claim(store, 2), [carried])]
    assert drawn[-1].endswith("unreviewed → verified (given on claim 7, a copy)")
    drawn = [line.plain for line in review_lines(st.get_claim(store, 2), [entry])]
    assert "given on" not in drawn[-1]


def test_a_related_claim_says_why_it_is_linked_what_decided_first(store):
    from tui.widgets.related import related_line, why_linked

    reasons = [
        "similarity 0.48",
        "shared content: تحرير الشام هيئة",
        "opposed predicates: أفرجت/اعتقلت",
    ]
    assert why_linked(reasons) == (
        "opposed predicates: أفرجت/اعتقلت · shared content: تحرير الشام هيئة"
    )
    [item] = [r for r in st.related(store, 2) if r.reasons][:1]
    line = related_line(
        item.model_copy(update={"reasons": reasons}), Display(BidiMode.terminal), 60
    )
    rows = [row.strip(" \u200e") for row in line.plain.split("\n")]  # fenced for the terminal
    assert rows[1:] == [
        "why: opposed predicates: أفرجت/اعتقلت · shared content:",
        "تحرير الشام هيئة",
    ]
    # a link stored without reasons takes one line
    bare = related_line(item.model_copy(update={"reasons": []}), Display(BidiMode.terminal), 60)
    assert "\n" not in bare.plain


def test_reasons_longer_than_the_lines_say_so(store):
    from rich.cells import cell_len

    from tui.widgets.related import WHY_LINES, related_line

    [item] = [r for r in st.related(store, 2) if r.reasons][:1]
    many = [f"figures agree: «{n} قتيلاً» and «{n} قتلى»" for n in range(20)]
    line = related_line(item.model_copy(update={"reasons": many}), Display(BidiMode.terminal), 60)
    rows = line.plain.split("\n")
    assert len(rows) == 1 + WHY_LINES and rows[-1].endswith("…")
    assert all(cell_len(row) <= 60 for row in rows[1:])
