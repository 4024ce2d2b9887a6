"""The review app's door to the store: the current view of claims, paged, and the review actions.

Everything goes through `claims.store`'s functions; nothing here writes SQL. The list widget asks
for rows by position and this class reads them a page at a time, so a store of 100,000 claims
costs one page of memory, not 100,000 rows.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

from claims import store as st
from claims.models import Status
from claims.store import (
    ClaimFilter,
    ClaimView,
    ConflictError,
    RelatedClaim,
    ReviewEntry,
    SourceSort,
    SourceView,
)

PAGE = 100
PAGES_KEPT = 16
# The ledger screen's table is built whole (Textual's DataTable): at most this many sources.
LEDGER_ROWS = 1000
ORDERS = ("position", "confidence")

__all__ = ["ConflictError", "Session"]


# The review app lists a sentence a page prints more than once as its first printing, whose
# verdict carries to the copies; the filters can show every copy.
REVIEW_FILTER = ClaimFilter(hide_duplicates=True)


class Session:
    """One reviewer's view of the store: a filter, an order and a cache of pages of rows."""

    def __init__(self, store: st.Store, reviewer: str):
        self.store = store
        self.reviewer = reviewer
        self.filter = self._pinned(REVIEW_FILTER)
        self.source_name: str | None = None  # the ledger row whose entity ids the filter holds
        self.order = "position"
        self._count: int | None = None
        self._pages: OrderedDict[int, list[ClaimView]] = OrderedDict()
        self._extent = 0  # rows known to exist in the view while the count is not known
        self.generation = 0  # bumped whenever the view changes: late counts are dropped

    # The view --------------------------------------------------------------------------------

    def set_filter(self, **changes) -> None:
        """Change some fields of the filter; the view is read again from the store."""
        self.filter = self.filter.model_copy(update=changes)
        self.invalidate()

    def replace_filter(self, flt: ClaimFilter) -> None:
        self.filter = flt
        self.invalidate()

    def set_order(self, order: str) -> None:
        if order not in ORDERS:
            raise ValueError(f"unknown order {order!r}: use one of {', '.join(ORDERS)}")
        self.order = order
        self.invalidate()

    def _pinned(self, flt: ClaimFilter) -> ClaimFilter:
        """The filter pinned to the articles stored now: another ingester's articles wait for
        the next reading of the view, and meanwhile its count and the pages read from its end
        (`_read_page`) still agree."""
        return flt.model_copy(update={"up_to_article": st.last_article_id(self.store)})

    def invalidate(self) -> None:
        self.filter = self._pinned(self.filter)
        self._count = None
        self._extent = 0
        self._pages.clear()
        self.generation += 1

    @property
    def count(self) -> int:
        """How many claims the view holds; counts now (blocking) if not known yet."""
        if self._count is None:
            self._count = st.count_claims(self.store, self.filter)
        return self._count

    @property
    def known_count(self) -> int | None:
        return self._count

    @property
    def extent(self) -> int:
        """The count if known, else the rows seen so far (plus one if more may follow).

        Counting a filtered view of 100,000 claims can take most of a second; the list shows
        the first page at once and learns the count from `count_for` in a thread.
        """
        if self._count is not None:
            return self._count
        if not self._pages:
            self.row(0)
        return self._extent

    def count_for(self, generation: int, flt: ClaimFilter) -> tuple[int, int]:
        """Count a view (safe to call from a worker thread); returns (generation, count)."""
        return generation, st.count_claims(self.store, flt)

    def counted(self, generation: int, count: int) -> bool:
        """Record a count made in the background, unless the view changed meanwhile."""
        if generation != self.generation:
            return False
        self._count = count
        return True

    def row(self, position: int) -> ClaimView | None:
        """The claim at ``position`` in the current view, reading its page if needed."""
        if position < 0 or (self._count is not None and position >= self._count):
            return None
        number, offset = divmod(position, PAGE)
        page = self._pages.get(number)
        if page is None:
            page = self._read_page(number)
            self._pages[number] = page
            while len(self._pages) > PAGES_KEPT:
                self._pages.popitem(last=False)
            seen = number * PAGE + len(page)
            if len(page) < PAGE and self._count is None:
                self._count = seen  # the last page: now we know
            self._extent = max(self._extent, seen + (1 if len(page) == PAGE else 0))
        else:
            self._pages.move_to_end(number)
        return page[offset] if offset < len(page) else None

    def _read_page(self, number: int) -> list[ClaimView]:
        """Page `number` of the view; one in the second half of a counted view is read from
        its end, so that the rows skipped to reach it are fewer than half the view."""
        start = number * PAGE
        count = self._count
        if count is None or start <= count // 2:
            return st.query_claims(
                self.store, self.filter, order=self.order, offset=start, limit=PAGE
            )
        end = min(count, start + PAGE)
        return st.query_claims(
            self.store,
            self.filter,
            order=self.order,
            offset=count - end,
            limit=end - start,
            from_end=True,
        )

    def position_of(self, claim_id: int) -> int | None:
        """Where a claim sits in the cached pages of the view, if it is in one."""
        for number, page in self._pages.items():
            for offset, claim in enumerate(page):
                if claim.id == claim_id:
                    return number * PAGE + offset
        return None

    def _replace_cached(self, claim: ClaimView) -> None:
        for page in self._pages.values():
            for k, old in enumerate(page):
                if old.id == claim.id:
                    page[k] = claim

    # Reading one claim -----------------------------------------------------------------------

    def claim(self, claim_id: int) -> ClaimView:
        claim = st.get_claim(self.store, claim_id)
        self._replace_cached(claim)
        return claim

    def paragraph(self, claim_id: int) -> tuple[str, int, int]:
        return st.paragraph_of(self.store, claim_id)

    def history(self, claim_id: int) -> list[ReviewEntry]:
        return st.history(self.store, claim_id)

    def related(self, claim_id: int) -> list[RelatedClaim]:
        return st.related(self.store, claim_id)

    def sources(
        self, sort: SourceSort, stop: threading.Event | None = None
    ) -> tuple[list[SourceView], int]:
        """The first LEDGER_ROWS rows of the source ledger in this order, and how many in all;
        raises claims.store.Stopped when `stop` is set meanwhile."""
        rows = st.sources(self.store, sort=sort, limit=LEDGER_ROWS, stop=stop)
        total = len(rows) if len(rows) < LEDGER_ROWS else st.count_sources(self.store, stop=stop)
        return rows, total

    # Review actions: each one written at once ------------------------------------------------

    def set_status(self, claim: ClaimView, status: Status) -> ClaimView:
        """Write a verdict; raises ConflictError if someone changed the claim since we read it."""
        updated = st.set_status(
            self.store, claim.id, status, reviewer=self.reviewer, expected_version=claim.version
        )
        return self._after_write(updated)

    def add_note(self, claim: ClaimView, note: str) -> ClaimView:
        """Replace the claim's note; same conflict rule as set_status."""
        updated = st.add_note(
            self.store, claim.id, note, reviewer=self.reviewer, expected_version=claim.version
        )
        return self._after_write(updated)

    def reject_link(self, claim: ClaimView, other_id: int, reason: str) -> ClaimView:
        """Take back the link between the claim and another, with the reason; the claim as it
        is now (its confidence without the link)."""
        st.reject_link(self.store, claim.id, other_id, reviewer=self.reviewer, reason=reason)
        return self._after_write(st.get_claim(self.store, claim.id))

    def article(self, claim: ClaimView) -> st.ArticleView:
        return st.article(self.store, claim.doc)

    def correct_article(
        self, claim: ClaimView, changes: dict[str, str | None], why: str | None
    ) -> ClaimView:
        """Correct the fields of the claim's article; the claim as it is now. A new outlet
        relinks the article's claims at once, as `claims article` does."""
        st.correct_article(self.store, claim.doc, changes, reviewer=self.reviewer, reason=why)
        if "outlet" in changes:
            from claims.store.linking import link_store

            link_store(self.store)
        return self._after_write(st.get_claim(self.store, claim.id))

    def undo(self) -> ClaimView | None:
        """Undo this reviewer's last action; the claim it touched, or None if nothing to undo.
        Raises UndoRefused when someone acted on that claim after it."""
        updated = st.undo_last(self.store, reviewer=self.reviewer)
        return None if updated is None else self._after_write(updated)

    def _after_write(self, claim: ClaimView) -> ClaimView:
        # A verdict can move a claim out of a filtered view: count and pages are read again.
        self.invalidate()
        return claim

    # Export ----------------------------------------------------------------------------------

    def export(self, directory: Path) -> tuple[Path, int]:
        """Write the current view as CSV (the format of `claims export`); the path and rows."""
        directory.mkdir(parents=True, exist_ok=True)
        path = directory / f"claims-review-{datetime.now():%Y%m%d-%H%M%S}.csv"
        n = 1
        while path.exists():
            n += 1
            path = directory / f"claims-review-{datetime.now():%Y%m%d-%H%M%S}-{n}.csv"
        from claims.export import write_csv  # the same writer as `claims export`

        rows = st.export_rows(self.store, self.filter, self.order)
        with path.open("w", encoding="utf-8", newline="") as out:
            written = write_csv(rows, out)
        return path, written if isinstance(written, int) else self.count

    def iter_view(self) -> Iterator[ClaimView]:
        for position in range(self.count):
            row = self.row(position)
            if row is not None:
                yield row
