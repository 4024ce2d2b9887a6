"""Batching never changes the store (issue 14 item 7): ingesting a corpus in any sequence of
batches, each a run of its own (a fresh `Store`, linking after it as `claims ingest` does),
leaves the same claims, links, confidences and reasons as one ingest of all its files.

Claim ids depend on the order of storing, so claims are compared by (file, sentence) and the
claim ids in reasons are read as such; a source is compared by the claims it speaks for (the
spelling an entity shows is the first one seen, a person's the fullest)."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from claims.models import ExtractedArticle
from claims.pipeline import extract_path
from claims.store import Store, ingest
from claims.store.linking import link_store
from claims.store.tables import ArticleRow, ClaimRow, LinkRow

ROOT = Path(__file__).resolve().parent.parent
# The project's own texts: the seeds, an outlet's pages sharing furniture, held-out articles.
CORPUS = sorted(
    [
        *(ROOT / "seeds").glob("*.txt"),
        *(ROOT / "tests/data/boilerplate").glob("*.txt"),
        *(ROOT / "tests/data/heldout").glob("*.txt"),
    ]
)


@cache
def extracted() -> tuple[ExtractedArticle, ...]:
    return tuple(extract_path(path) for path in CORPUS)


def store_after(url: str, batches: list[list[int]]) -> tuple:
    """The store's content after ingesting these batches of the corpus, one run each."""
    articles = extracted()
    for batch in batches:
        store = Store.open(url)
        try:
            for index in batch:
                ingest(store, articles[index])
            link_store(store)
        finally:
            store.close()
    return content(url)


def content(url: str) -> tuple:
    store = Store.open(url)
    try:
        with store.session() as session:
            docs = {a.id: a.doc for a in session.execute(select(ArticleRow)).scalars()}
            rows = list(session.execute(select(ClaimRow)).scalars())
            links = list(session.execute(select(LinkRow)).scalars())
    finally:
        store.close()
    place = {r.id: (docs[r.article_id], r.sentence_index) for r in rows}
    _assert_link_bookkeeping(rows, links)

    def placed(label: str) -> str:
        return re.sub(r"claim (\d+)", lambda m: f"claim {place[int(m.group(1))]}", label)

    speaks_for: dict[int, set] = {}
    for r in rows:
        if r.source_id is not None:
            speaks_for.setdefault(r.source_id, set()).add(place[r.id])
    claims = {
        place[r.id]: (
            r.current,
            r.furniture,
            r.kind,
            r.confidence,
            sorted(speaks_for.get(r.source_id, ())),
            # links of equal score are applied in id order, so which of them shows the larger
            # step depends on the order of storing: the steps and the labels, each as a set
            sorted(placed(x["label"]) for x in r.reasons),
            sorted(x["delta"] for x in r.reasons),
        )
        for r in rows
    }
    pairs = sorted(
        (
            *sorted([place[x.claim_id], place[x.other_id]]),
            x.kind,
            x.score,
            sorted(placed(reason) for reason in x.reasons),
        )
        for x in links
    )
    return claims, pairs


def _batches(order: list[int], cuts: list[int]) -> list[list[int]]:
    """The files in `order` cut into consecutive batches at `cuts`, each stored in name order."""
    bounds = [0, *sorted(cuts), len(order)]
    return [sorted(order[a:b]) for a, b in zip(bounds, bounds[1:], strict=False)]


# A random order of the corpus cut into two to four batches.
def _assert_link_bookkeeping(rows: list[ClaimRow], links: list[LinkRow]) -> None:
    """No claim linked to itself, one link a pair and kind, and each link in a claim's reasons
    once at most (issue 15 item 3)."""
    assert all(x.claim_id != x.other_id for x in links)
    assert len({(x.claim_id, x.other_id, x.kind) for x in links}) == len(links)
    linked: dict[int, set[str]] = {}
    for x in links:
        if x.kind != "duplicate":
            linked.setdefault(x.claim_id, set()).add(f"claim {x.other_id}")
            linked.setdefault(x.other_id, set()).add(f"claim {x.claim_id}")
    for r in rows:
        steps = [
            x["label"] for x in r.reasons if x["label"].startswith(("corroborated", "contradicted"))
        ]
        named = [re.search(r"claim \d+", label).group() for label in steps]
        assert len(named) == len(set(named)) and set(named) <= linked.get(r.id, set())


SPLITS = st.permutations(range(len(CORPUS))).flatmap(
    lambda order: st.lists(st.integers(1, len(order) - 1), min_size=1, max_size=3, unique=True).map(
        lambda cuts: _batches(order, cuts)
    )
)
ONE_RUN: dict[str, tuple] = {}  # the store after one ingest of the corpus, per backend


@settings(
    max_examples=5, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(batches=SPLITS)
def test_any_split_into_batches_gives_the_store_of_one_ingest(empty_databases, batches):
    url = empty_databases()
    backend = url.split(":")[0]
    if backend not in ONE_RUN:
        ONE_RUN[backend] = store_after(empty_databases(), [list(range(len(CORPUS)))])
    one_run = ONE_RUN[backend]
    claims, links = one_run
    assert len(claims) > 200 and {x[2] for x in links} >= {"corroborates", "duplicate"}
    assert any(c[1] for c in claims.values()), "the outlet's pages should share furniture"
    got = store_after(url, batches)
    if got != one_run:
        pytest.fail(_difference(got, one_run, batches))


def _difference(got: tuple, want: tuple, batches: list[list[int]]) -> str:
    """What differs, briefly: CI keeps only the end of a long diff."""
    claims, links = got
    one_claims, one_links = want
    differing = {
        place: (claims.get(place), one_claims.get(place))
        for place in claims.keys() | one_claims.keys()
        if claims.get(place) != one_claims.get(place)
    }
    return (
        f"batches {[[CORPUS[i].name for i in batch] for batch in batches]}\n"
        f"claims (batched, one run): {differing}\n"
        f"links only batched: {[x for x in links if x not in one_links]}\n"
        f"links only in one run: {[x for x in one_links if x not in links]}"
    )
