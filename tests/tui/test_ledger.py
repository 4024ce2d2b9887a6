"""The source ledger screen driven by Textual's Pilot: open it, sort it, choose a source, go back."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest
from textual.widgets import DataTable, Static

from claims.models import Kind
from claims.store import SourceView
from tests.tui.conftest import MINISTRY
from tests.tui.test_app import running, settle
from tui.bidi import Display
from tui.screens.ledger import LedgerScreen
from tui.screens.main import MainScreen

pytestmark = pytest.mark.asyncio

SPOKESMAN = "إيغور كوناشينكوف"
ANON = "مصادر مطلعة"


def sources_shown(screen: LedgerScreen) -> list[str]:
    """The names in the table, top to bottom, as drawn (bidi marks removed)."""
    table = screen.query_one(DataTable)
    names = [table.get_row_at(row)[1].plain for row in range(table.row_count)]
    return [name.replace("\u200e", "").strip() for name in names]


async def open_ledger(pilot) -> LedgerScreen:
    await pilot.press("l")
    await settle(pilot)
    assert isinstance(pilot.app.screen, LedgerScreen)
    return pilot.app.screen


async def test_l_opens_the_ledger_with_every_source_most_claims_first(db_path):
    async with running(db_path) as (_app, pilot):
        ledger = await open_ledger(pilot)
        # the ministry speaks twice; the others once each, by name
        assert sources_shown(ledger) == [MINISTRY, SPOKESMAN, "رويترز", ANON]
        status = str(ledger.query_one("#ledger-status", Static).render())
        assert "4 sources" in status and "Sort: claims" in status
        ministry = ledger.query_one(DataTable).get_row_at(0)
        # claims, verified, disputed, share, corroborations, contradictions (once: 1 against 5)
        assert [cell.plain for cell in ministry[3:9]] == ["2", "0", "0", "—", "1", "1"]


async def test_a_header_click_and_o_change_the_order(db_path):
    async with running(db_path) as (_app, pilot):
        ledger = await open_ledger(pilot)
        await pilot.click("#ledger", offset=(10, 0))  # the Source header: by name
        await settle(pilot)
        assert ledger.sort.value == "name"
        assert sources_shown(ledger) == [SPOKESMAN, "رويترز", ANON, MINISTRY]
        await pilot.click("#ledger", offset=(1, 0))  # Kind: not an order, nothing changes
        await settle(pilot)
        assert ledger.sort.value == "name"
        await pilot.press("o")  # after name comes claims again
        await settle(pilot)
        assert sources_shown(ledger)[0] == MINISTRY
        await pilot.press("o")  # disputed share: nothing reviewed, so by claims
        assert "Sort: disputed share" in str(ledger.query_one("#ledger-status", Static).render())


async def test_enter_shows_the_claims_of_the_source_under_the_cursor(db_path):
    async with running(db_path) as (app, pilot):
        await open_ledger(pilot)
        await pilot.press("enter")
        await settle(pilot)
        main = app.screen
        assert isinstance(main, MainScreen)
        assert main.session.count == 2
        assert {main.session.row(i).source for i in range(2)} == {MINISTRY}
        status = str(main.query_one("#status-line", Static).render())
        assert f"source={MINISTRY} (المدن, روسيا اليوم)" in status
        ledger = await open_ledger(pilot)
        await pilot.press("down", "down", "down", "enter")  # the anonymous sources of a.txt
        await settle(pilot)
        assert ledger.sort.value == "claims"
        assert main.session.count == 1 and main.session.row(0).source == ANON


async def test_escape_goes_back_with_the_list_as_it_was(db_path):
    async with running(db_path) as (app, pilot):
        await pilot.press("w")  # unreviewed only
        await settle(pilot)
        before = app.main.session.filter
        await open_ledger(pilot)
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)
        assert app.main.session.filter == before


async def test_the_ledger_counts_a_verdict_given_just_before(db_path):
    async with running(db_path) as (_app, pilot):
        await pilot.press("d")  # the first claim, the ministry's
        await settle(pilot)
        ledger = await open_ledger(pilot)
        ministry = ledger.query_one(DataTable).get_row_at(0)
        # verified, disputed, and the share of its reviewed claims disputed
        assert [cell.plain for cell in ministry[4:7]] == ["0", "1", "100%"]


async def test_the_ledger_is_read_in_a_worker_and_escape_works_meanwhile(db_path):
    """At a million claims the ledger takes seconds to read: the screen shows that it is
    reading, answers keys meanwhile, and an order asked for meanwhile stops the read under
    way and is read instead; leaving the screen stops its read."""
    import threading

    from claims.store import Stopped

    async with running(db_path) as (app, pilot):
        claims = app.main.session.count
        release = threading.Event()
        asked, stopped = [], []
        read = app.main.session.sources

        def slow_sources(sort, stop):
            asked.append(sort.value)
            while not release.wait(0.01):
                if stop.is_set():
                    stopped.append(sort.value)
                    raise Stopped()
            return read(sort, stop)

        app.main.session.sources = slow_sources
        await pilot.press("l")
        await pilot.pause()
        ledger = app.screen
        assert isinstance(ledger, LedgerScreen) and ledger.query_one(DataTable).loading
        assert "reading…" in str(ledger.query_one("#ledger-status", Static).render())
        await pilot.press("o")  # another order while the first is read
        await pilot.pause()
        while len(asked) < 2:  # the first read stopped, the second under way
            await pilot.pause(0.01)
        assert asked == ["claims", "disputed"] and stopped == ["claims"]
        release.set()
        await settle(pilot)
        assert not ledger.query_one(DataTable).loading
        assert "Sort: disputed share" in str(ledger.query_one("#ledger-status", Static).render())
        assert sources_shown(ledger)[0] == MINISTRY

        release.clear()
        await pilot.press("escape")
        await pilot.press("l")
        await pilot.pause()
        await pilot.press("escape")  # left while reading: the read is stopped
        await settle(pilot)
        assert isinstance(app.screen, MainScreen) and stopped == ["claims", "claims"]
        assert app.main.session.count == claims


async def test_names_and_outlets_are_drawn_as_text_never_markup():
    hostile = SourceView(
        kind=Kind.named_person,
        name="[red]فلان[/red]\x1b[2J",
        outlets=["[b]المدن[/b]"],
        claims=1,
        verified=0,
        disputed=0,
        corroborations=0,
        contradictions=0,
        last_seen=datetime(2026, 1, 1, tzinfo=timezone.utc),
        last_published=None,
        entity_ids=[1],
    )
    cells = LedgerScreen(session=None, display=Display()).cells(hostile)  # type: ignore[arg-type]
    assert "[red]فلان[/red]" in cells[1].plain and "\x1b" not in cells[1].plain
    assert "[b]المدن[/b]" in cells[2].plain
    assert [str(span.style) for span in cells[2].spans] == ["italic"]
