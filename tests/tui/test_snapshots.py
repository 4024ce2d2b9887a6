"""Snapshots of the main screens in both bidi modes (pytest-textual-snapshot, pinned in
pyproject.toml). Each test also asserts on the strings drawn, so a snapshot is never the only
check. Update with `pytest tests/tui --snapshot-update` after looking at the new SVGs."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest
from sqlalchemy import update
from textual.widgets import DataTable, Input

from claims.store import Store
from claims.store.tables import ARTICLE
from tui.app import ReviewApp
from tui.bidi import LRM
from tui.widgets.claim_detail import ClaimDetail
from tui.widgets.claim_list import ClaimList

SIZE = (150, 36)


@pytest.fixture
def make_app(db_path):
    stores = []

    def make(bidi: str, shaping: bool = False) -> ReviewApp:
        store = Store.open(str(db_path))
        stores.append(store)
        return ReviewApp(store, reviewer="tester", bidi=bidi, shaping=shaping)

    yield make
    for store in stores:
        store.close()


async def settle(pilot) -> None:
    """Wait for the count made in a worker thread, so the status line is deterministic."""
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def no_blink(pilot) -> None:
    for box in pilot.app.screen.query(Input):
        box.cursor_blink = False


def drawn(widget) -> list[str]:
    return [widget.render_line(y).text for y in range(widget.size.height)]


@pytest.mark.parametrize("bidi", ["terminal", "visual"])
def test_main_screen(snap_compare, make_app, bidi):
    app = make_app(bidi)
    checked = {}

    async def run_before(pilot) -> None:
        await settle(pilot)
        rows = drawn(pilot.app.screen.query_one(ClaimList))
        paragraph = drawn(pilot.app.screen.query_one(ClaimDetail).section("paragraph"))
        checked["rows"], checked["paragraph"] = rows, paragraph

    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)
    first = checked["rows"][0]
    if bidi == "terminal":
        # Logical order, each cell fenced with left-to-right marks.
        assert f"{LRM}وأكّدت وزارة الدفاع" in first
        assert checked["paragraph"][0].startswith(LRM + "وأكّدت")
    else:
        # Reordered: the start of the sentence is at the right end of its cell, no marks.
        assert LRM not in first
        assert "عافدلا ةرازو تدكّأو" in first  # shadda kept after its letter (kaf)
        assert checked["paragraph"][0].rstrip().endswith("تدكّأو")


@pytest.mark.parametrize("size", [(80, 24), (200, 50)])
@pytest.mark.parametrize("bidi", ["terminal", "visual"])
def test_main_screen_at_80_and_200_columns(snap_compare, make_app, bidi, size):
    """At 80×24 the panes stack (list above, detail below) so that each row keeps the claim's
    own words, not only its columns; at 200×50 they sit side by side."""
    app = make_app(bidi)
    checked = {}

    async def run_before(pilot) -> None:
        await settle(pilot)
        checked["narrow"] = pilot.app.screen.has_class("-narrow")
        checked["rows"] = drawn(pilot.app.screen.query_one(ClaimList))

    assert snap_compare(app, terminal_size=size, run_before=run_before)
    assert checked["narrow"] is (size[0] == 80)
    first = checked["rows"][0]
    words = "وأكّدت وزارة" if bidi == "terminal" else "ةرازو تدكّأو"
    assert words in first


@pytest.mark.parametrize("bidi", ["terminal", "visual"])
def test_contradicted_claim_with_related_panel(snap_compare, make_app, bidi):
    app = make_app(bidi)

    seen = {}

    async def run_before(pilot) -> None:
        await pilot.press("c", "r")
        await settle(pilot)
        seen["count"] = pilot.app.main.session.count
        seen["related"] = [item.kind.value for item in pilot.app.main.related.items]

    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)
    assert seen == {"count": 2, "related": ["contradicts", "corroborates"]}


def test_visual_mode_with_shaping(snap_compare, make_app):
    app = make_app("visual", shaping=True)
    rows = []

    async def run_before(pilot) -> None:
        await settle(pilot)
        rows.extend(drawn(pilot.app.screen.query_one(ClaimList)))

    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)
    # Joined letters are drawn as presentation forms; storage stays logical.
    assert any(0xFE70 <= ord(ch) <= 0xFEFF for ch in rows[0])
    assert app.session.row(0).sentence.startswith("وأكّدت")


def test_help_screen(snap_compare, make_app):
    async def run_before(pilot) -> None:
        await settle(pilot)
        await pilot.press("question_mark")
        await pilot.pause()

    assert snap_compare(make_app("terminal"), terminal_size=SIZE, run_before=run_before)


def test_note_dialog(snap_compare, make_app):
    async def run_before(pilot) -> None:
        await settle(pilot)
        await pilot.press("n")
        await pilot.pause()
        await no_blink(pilot)
        pilot.app.screen.query_one(Input).value = "بيان الوزارة [bold]منشور[/bold]"
        await pilot.pause()

    assert snap_compare(make_app("terminal"), terminal_size=SIZE, run_before=run_before)


def test_filter_dialog(snap_compare, make_app):
    async def run_before(pilot) -> None:
        await settle(pilot)
        await pilot.press("f")
        await pilot.pause()
        await no_blink(pilot)

    assert snap_compare(make_app("terminal"), terminal_size=SIZE, run_before=run_before)


def test_search_box(snap_compare, make_app):
    async def run_before(pilot) -> None:
        await settle(pilot)
        await pilot.press("slash")
        await pilot.pause()
        await no_blink(pilot)
        await pilot.press(*"اكدت")
        await pilot.pause()

    assert snap_compare(make_app("visual"), terminal_size=SIZE, run_before=run_before)


def test_ledger_screen(snap_compare, make_app, db_path):
    with Store.open(str(db_path)) as store, store.session() as session:  # a date of its own
        session.execute(
            update(ARTICLE).values(ingested_at=datetime(2026, 1, 5, tzinfo=timezone.utc))
        )
    checked = {}

    async def run_before(pilot) -> None:
        await settle(pilot)
        await pilot.press("l")
        await settle(pilot)
        table = pilot.app.screen.query_one(DataTable)
        checked["first"] = [cell.plain for cell in table.get_row_at(0)]

    assert snap_compare(make_app("terminal"), terminal_size=SIZE, run_before=run_before)
    assert checked["first"][0] == "ORG" and "وزارة الدفاع الروسية" in checked["first"][1]
    assert checked["first"][-1] == "2026-01-05"
