"""The review app's view of the store: pages read from either end give the same rows."""

from __future__ import annotations

import pytest

from claims.store import ClaimFilter, ingest, query_claims
from tests.store_helpers import sample
from tui import session as session_module
from tui.session import Session


@pytest.mark.parametrize("order", ["position", "confidence"])
def test_every_row_is_the_same_whether_its_page_is_read_from_the_start_or_the_end(
    store, monkeypatch, order
):
    for doc in ("a.txt", "b.txt", "c.txt"):
        ingest(store, sample(doc))
    monkeypatch.setattr(session_module, "PAGE", 4)  # many pages out of a few claims
    view = Session(store, reviewer="amina")
    view.replace_filter(ClaimFilter())
    view.set_order(order)
    expected = [claim.id for claim in query_claims(store, order=order, limit=1000)]
    assert view.count == len(expected) > 4 * 2  # counted: the second half is read from the end
    assert [view.row(i).id for i in reversed(range(view.count))] == expected[::-1]
    assert view.row(view.count) is None


@pytest.mark.parametrize("order", ["position", "confidence"])
def test_articles_another_ingester_stores_wait_for_the_next_reading_of_the_view(
    store, monkeypatch, order
):
    """The count and the pages read from the end stay in step while another process adds
    articles: the view is pinned to the articles stored when it was read."""
    for doc in ("a.txt", "b.txt", "c.txt"):
        ingest(store, sample(doc))
    monkeypatch.setattr(session_module, "PAGE", 4)
    view = Session(store, reviewer="amina")
    view.replace_filter(ClaimFilter())
    view.set_order(order)
    expected = [claim.id for claim in query_claims(store, order=order, limit=1000)]
    assert view.count == len(expected)
    ingest(store, sample("d.txt"))  # another ingester, after the count
    assert [view.row(i).id for i in reversed(range(view.count))] == expected[::-1]
    view.invalidate()  # the next reading of the view (F5, or the app's timer) shows it
    assert view.count > len(expected)
