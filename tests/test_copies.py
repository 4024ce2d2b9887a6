"""A paragraph a page prints twice is reviewed once (issue 15, "Repeats"): a verdict carries
to every copy of the sentence in its article, with a history row each naming the claim the
verdict was given on, and one undo takes the verdict and its copies back together."""

from __future__ import annotations

import pytest

from claims.models import Status
from claims.pipeline import extract_bytes
from claims.store import (
    ClaimFilter,
    UndoRefused,
    get_claim,
    history,
    ingest,
    query_claims,
    set_status,
    undo_last,
)

STORY = "قصفت قوات النظام بلدة كفرنبل في ريف إدلب الجنوبي صباح اليوم."
QUOTE = "وقال مصدر في الدفاع المدني إن فرق الإنقاذ انتشلت خمسة قتلى من تحت الأنقاض."
OTHER = "وتشهد المنطقة موجة نزوح نحو الحدود التركية منذ أسبوع."
# The page prints the source's paragraph twice, as scraped pages often do.
PAGE = "\n".join([STORY, QUOTE, OTHER, QUOTE])


@pytest.fixture
def printed_twice(store) -> dict[str, int]:
    ingest(store, extract_bytes(PAGE.encode(), "twice.txt"))
    ids = {}
    for view in query_claims(store, ClaimFilter(article="twice.txt")):
        if view.sentence == QUOTE:
            ids["first" if view.dup_of is None else "copy"] = view.id
        elif view.sentence == OTHER:
            ids["other"] = view.id
    assert set(ids) == {"first", "copy", "other"}, "the extractor should mark the repeat"
    return ids


def _version(store, claim_id: int) -> int:
    return get_claim(store, claim_id).version


def test_a_verdict_on_either_copy_carries_to_the_other_and_nowhere_else(store, printed_twice):
    first, copy, other = printed_twice["first"], printed_twice["copy"], printed_twice["other"]
    set_status(
        store,
        copy,
        Status.disputed,
        reviewer="amina",
        expected_version=_version(store, copy),
        note="مصدر واحد",
    )
    carried = get_claim(store, first)
    assert (carried.status, carried.reviewer, carried.note) == (
        Status.disputed,
        "amina",
        "مصدر واحد",
    )
    assert carried.confidence == 0.0
    assert get_claim(store, other).status == Status.unreviewed
    [entry] = history(store, first)
    assert entry.carried_from == copy and entry.new_status == Status.disputed
    [given] = history(store, copy)
    assert given.carried_from is None

    verified = set_status(
        store, first, Status.verified, reviewer="omar", expected_version=_version(store, first)
    )
    assert verified.status == get_claim(store, copy).status == Status.verified
    assert history(store, copy)[-1].carried_from == first


def test_one_undo_takes_back_the_verdict_and_its_copies(store, printed_twice):
    first, copy = printed_twice["first"], printed_twice["copy"]
    before = {cid: get_claim(store, cid) for cid in (first, copy)}
    set_status(
        store, first, Status.verified, reviewer="amina", expected_version=_version(store, first)
    )
    undone = undo_last(store, reviewer="amina")
    assert undone is not None and undone.id == first
    for cid, was in before.items():
        now = get_claim(store, cid)
        assert (now.status, now.confidence, now.reasons, now.note) == (
            was.status,
            was.confidence,
            was.reasons,
            was.note,
        )
        assert [e.action for e in history(store, cid)] == ["status", "undo"]
    assert undo_last(store, reviewer="amina") is None


def test_undo_is_refused_whole_when_another_reviewer_acted_on_a_copy_since(store, printed_twice):
    first, copy = printed_twice["first"], printed_twice["copy"]
    set_status(
        store, first, Status.verified, reviewer="amina", expected_version=_version(store, first)
    )
    set_status(
        store, copy, Status.disputed, reviewer="omar", expected_version=_version(store, copy)
    )
    # omar's verdict carried back to the first copy too: amina's verdict is no longer standing
    # on either, so her undo is refused and changes nothing
    with pytest.raises(UndoRefused):
        undo_last(store, reviewer="amina")
    assert get_claim(store, first).status == get_claim(store, copy).status == Status.disputed
    undo_last(store, reviewer="omar")
    assert get_claim(store, first).status == get_claim(store, copy).status == Status.verified
