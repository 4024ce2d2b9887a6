"""`claims ingest URL...` against a web server on 127.0.0.1 that the tests start (never the
internet): the page stored with its provenance, each failing address refused with its reason
while the others are stored, nothing half-stored, the same address twice unchanged."""

from __future__ import annotations

import contextlib
import hashlib
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from sqlalchemy import func, select
from typer.testing import CliRunner

from claims.cli import app
from claims.fetch import client, fetch, read_url_list
from claims.read import UnreadableFile
from claims.store import Store
from claims.store.tables import ARTICLE, PAGE

PAGES = Path(__file__).resolve().parent / "data" / "html"
GOOD = (PAGES / "sada-idlib-shelling.html").read_bytes()
WINDOWS_1256 = (PAGES / "furat-deir-clashes.html").read_bytes()
# Over the 1 MB the tests give as --max-size.
HUGE = b"<html><body><p>" + "حشو ".encode() * 300_000 + b"</p></body></html>"
# Longer than any timeout the tests give; the server gives up waiting when the tests end.
SLOW_SECONDS = 5
TIMEOUT = "0.3"


class _Pages(BaseHTTPRequestHandler):
    stop = threading.Event()

    def log_message(self, *args) -> None:  # quiet
        pass

    def _send(
        self, status: int, body: bytes, content_type: str = "text/html; charset=utf-8", **headers
    ) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        if "length" not in headers:
            self.send_header("Content-Length", str(len(body)))
        for name, value in headers.items():
            if name != "length":
                self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:  # noqa: N802 (the name http.server calls)
        routes = {
            "/good": lambda: self._send(200, GOOD),
            "/windows-1256": lambda: self._send(200, WINDOWS_1256, "text/html"),
            "/redirect": lambda: self._send(302, b"", Location="/good"),
            "/loop": lambda: self._send(302, b"", Location="/loop"),
            "/missing": lambda: self._send(404, b"<html>not here</html>"),
            "/slow": self._slow,
            "/huge": lambda: self._send(200, HUGE),
            "/huge-undeclared": self._huge_undeclared,
            "/pdf": lambda: self._send(200, b"%PDF-1.4", "application/pdf"),
            "/cut": self._cut,
        }
        routes.get(self.path, lambda: self._send(404, b""))()

    def _slow(self) -> None:
        """Answers after the client has given up, or not at all once the tests end."""
        if not self.stop.wait(SLOW_SECONDS):
            with contextlib.suppress(ConnectionError):
                self._send(200, GOOD)

    def _huge_undeclared(self) -> None:
        """No Content-Length: the size is only known as the page arrives."""
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Connection", "close")
        self.end_headers()
        self.wfile.write(HUGE)
        self.close_connection = True

    def _cut(self) -> None:
        """The connection drops in the middle of the page."""
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(GOOD)))
        self.end_headers()
        self.wfile.write(GOOD[: len(GOOD) // 2])
        self.wfile.flush()
        self.close_connection = True


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Pages)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        _Pages.stop.set()
        httpd.shutdown()
        httpd.server_close()


def ingest(*args: str):
    return CliRunner().invoke(app, ["ingest", *args], catch_exceptions=False)


def _rows(db_url: str, table) -> list:
    with Store.open(db_url) as store, store.session() as session:
        return list(session.execute(select(table)).mappings())


def test_a_fetched_page_is_stored_with_its_provenance(server, db_url):
    result = ingest(f"{server}/good", "--db", db_url)
    assert result.exit_code == 0, result.output
    [article] = _rows(db_url, ARTICLE)
    assert article["doc"] == f"{server}/good"
    assert article["url"] == "https://sada-alshamal.example/news/sada-idlib-shelling"
    assert article["outlet"] == "صدى الشمال" and article["published"] == "2024-03-12"
    [page] = _rows(db_url, PAGE)
    assert page["article_id"] == article["id"]
    assert (page["url"], page["final_url"], page["http_status"]) == (
        f"{server}/good",
        f"{server}/good",
        200,
    )
    assert page["content_type"] == "text/html; charset=utf-8"
    assert page["fetched_at"] is not None
    assert page["raw"] == GOOD and page["raw_hash"] == hashlib.sha256(GOOD).hexdigest()


def test_the_same_address_twice_is_unchanged(server, db_url):
    assert ingest(f"{server}/good", "--db", db_url).exit_code == 0
    again = ingest(f"{server}/good", "--db", db_url)
    assert again.exit_code == 0 and "1 unchanged" in again.output
    assert len(_rows(db_url, ARTICLE)) == 1 and len(_rows(db_url, PAGE)) == 1


def test_failing_addresses_are_refused_with_their_reasons_and_the_others_stored(
    server, db_url, tmp_path
):
    listed = tmp_path / "urls.txt"
    listed.write_text(
        f"# the desk's links\n{server}/missing\n\n{server}/windows-1256\n", encoding="utf-8"
    )
    result = ingest(
        f"{server}/good",
        f"{server}/redirect",
        f"{server}/slow",
        f"{server}/huge",
        f"{server}/huge-undeclared",
        f"{server}/pdf",
        f"{server}/cut",
        f"{server}/loop",
        "--urls",
        str(listed),
        "--db",
        db_url,
        "--timeout",
        TIMEOUT,
        "--max-size",
        "1",
    )
    assert result.exit_code == 1
    refused = {
        line.split(": ", 1)[0].removeprefix("refused "): line.split(": ", 1)[1]
        for line in result.stderr.splitlines()
        if line.startswith("refused ")
    }
    assert refused == {
        f"{server}/slow": f"did not answer within {TIMEOUT} s",
        f"{server}/huge": f"is {len(HUGE) / 1e6:.1f} MB, larger than the limit of 1 MB for one"
        f" article; give --max-size {len(HUGE) // 1_000_000 + 1} to read it",
        f"{server}/huge-undeclared": refused.get(f"{server}/huge-undeclared", "missing"),
        f"{server}/pdf": "is not a web page (content type application/pdf)",
        f"{server}/cut": refused.get(f"{server}/cut", "missing"),
        f"{server}/loop": "redirected more than 5 times",
        f"{server}/missing": "answered HTTP 404 Not Found",
    }
    assert refused[f"{server}/cut"].startswith("could not be fetched (")
    # no Content-Length: refused as soon as the bytes received pass the limit
    assert refused[f"{server}/huge-undeclared"].startswith("is over 1.")
    assert "larger than the limit of 1 MB" in refused[f"{server}/huge-undeclared"]
    # the good page, the redirect to it (its twin) and the Windows-1256 page; nothing of
    # the others, the page cut off in the middle included
    stored = {row["doc"]: row for row in _rows(db_url, ARTICLE)}
    assert set(stored) == {f"{server}/good", f"{server}/redirect", f"{server}/windows-1256"}
    assert stored[f"{server}/windows-1256"]["encoding"] == "windows-1256"
    pages = {row["url"]: row for row in _rows(db_url, PAGE)}
    assert set(pages) == set(stored)
    assert pages[f"{server}/redirect"]["final_url"] == f"{server}/good"
    with Store.open(db_url) as store, store.session() as session:
        orphans = session.execute(
            select(func.count())
            .select_from(PAGE)
            .where(PAGE.c.article_id.not_in(select(ARTICLE.c.id)))
        ).scalar()
    assert orphans == 0


def test_an_address_that_is_not_http_is_refused_before_any_request():
    with client() as session, pytest.raises(UnreadableFile) as refused:
        fetch("http://", session)
    assert refused.value.reason == "is not an http:// or https:// address"


def test_a_list_of_addresses_skips_blank_lines_and_comments():
    lines = [
        "# links of the day",
        "",
        "  https://a.example/1  ",
        "   # an old one",
        "http://b.example/2",
    ]
    assert read_url_list(lines) == ["https://a.example/1", "http://b.example/2"]


def test_ingest_without_files_or_addresses_is_a_usage_error(db_url):
    result = ingest("--db", db_url)
    assert result.exit_code == 2 and "give article files, folders or URLs" in result.stderr


def test_no_addresses_open_no_client(monkeypatch):
    # `claims ingest` of files alone: no HTTP client made (loading httpx and its certificates)
    import claims.fetch

    def refuse(timeout: float) -> None:
        raise AssertionError("a client was opened for no address")

    monkeypatch.setattr(claims.fetch, "client", refuse)
    assert list(claims.fetch.fetch_articles([])) == []
