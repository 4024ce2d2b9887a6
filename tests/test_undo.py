"""Undo against a model of two reviewers acting on two linked claims (issue 14 item 8): an undo
reverts the caller's own last action only while it is the claim's newest standing one, and
then gives back exactly the state before it, confidence included."""

from __future__ import annotations

from itertools import count

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claims.models import Kind, Status
from claims.store import (
    ClaimFilter,
    UndoRefused,
    add_note,
    get_claim,
    history,
    ingest,
    query_claims,
    set_status,
    undo_last,
)
from tests.store_helpers import make_article

VERDICTS = {"verify": Status.verified, "dispute": Status.disputed, "unreview": Status.unreviewed}
ACTIONS = st.lists(
    st.tuples(
        st.sampled_from(["alice", "bob"]),
        st.sampled_from([*VERDICTS, "note", "undo", "undo"]),
        st.sampled_from([0, 1]),
    ),
    max_size=14,
)
# Each example reviews under fresh names, so undo never reaches an earlier example's actions.
EXAMPLE = count()


@pytest.fixture
def linked_claims(store) -> list[int]:
    """Two claims that corroborate each other: confidences the links moved, not round figures."""
    from claims.store.linking import link_store

    ingest(
        store,
        make_article(
            "a.txt",
            [
                (
                    "سيطرت فصائل المعارضة على منطقة محروثة في البادية الشامية",
                    Kind.organization,
                    "فصيل",
                )
            ],
        ),
    )
    ingest(
        store,
        make_article(
            "b.txt",
            [
                (
                    "تمكنت فصائل المعارضة من السيطرة على منطقة محروثة في البادية",
                    Kind.anonymous,
                    "ناشطون",
                )
            ],
            outlet="عنب بلدي",  # another outlet's: an independent corroboration
        ),
    )
    assert link_store(store).links == {"corroborates": 1}
    return [view.id for view in query_claims(store, ClaimFilter())]


def review_state(store, claim_id: int) -> tuple:
    view = get_claim(store, claim_id)
    return (view.status, view.note, view.reviewer, view.reviewed_at, view.confidence, view.reasons)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(actions=ACTIONS)
def test_undo_reverts_only_your_own_newest_action_exactly(store, linked_claims, actions):
    example = next(EXAMPLE)
    # Per reviewer, their standing actions: (claim, history row id, state before it).
    mine: dict[str, list[tuple[int, int, tuple]]] = {"alice": [], "bob": []}
    # Per claim, the ids of the standing actions on it, oldest first.
    standing: dict[int, list[int]] = {claim_id: [] for claim_id in linked_claims}
    for who, what, which in actions:
        reviewer = f"{who}{example}"
        if what != "undo":
            claim_id = linked_claims[which]
            before = review_state(store, claim_id)
            version = get_claim(store, claim_id).version
            if what == "note":
                add_note(
                    store, claim_id, f"{reviewer} note", reviewer=reviewer, expected_version=version
                )
            else:
                set_status(
                    store, claim_id, VERDICTS[what], reviewer=reviewer, expected_version=version
                )
            row = history(store, claim_id)[-1].id
            mine[who].append((claim_id, row, before))
            standing[claim_id].append(row)
            continue
        if not mine[who]:
            assert undo_last(store, reviewer=reviewer) is None
            continue
        claim_id, row, before_it = mine[who][-1]
        now = review_state(store, claim_id)
        rows = len(history(store, claim_id))
        if standing[claim_id][-1] != row:
            with pytest.raises(UndoRefused, match="came after yours; nothing undone"):
                undo_last(store, reviewer=reviewer)
            assert review_state(store, claim_id) == now
            assert len(history(store, claim_id)) == rows
            continue
        undone = undo_last(store, reviewer=reviewer)
        assert undone is not None and undone.id == claim_id
        after = review_state(store, claim_id)
        assert after == before_it
        if now[2] != reviewer:  # someone else's verdict stood: the undo (of a note) keeps it
            assert (after[0], after[2], after[3]) == (now[0], now[2], now[3])
        mine[who].pop()
        standing[claim_id].pop()
