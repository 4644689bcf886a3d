"""`briefing serve`: the reader in a browser through textual-serve.

The server is started as a user starts it — a process of its own, on a free loopback port,
with a temporary store and config — and spoken to over HTTP and its websocket, as the page's
script does. Every wait polls with a deadline; none is a fixed pause.
"""

from __future__ import annotations

import asyncio
import json
import re
import shlex
import socket
import sys
import urllib.request
from pathlib import Path

import aiohttp
import pytest

from tests.tui.serve_process import (
    DEADLINE,
    FIRST,
    SECOND,
    Served,
    start,
)
from tui import cli_serve
from tui.cli import main

ESCAPES = re.compile(rb"\x1b(\[[0-9;:?<=>]*[ -/]*[@-~]|\][^\x07\x1b]*(\x07|\x1b\\)|[@-Z\\-_])")


async def screen_until(ws: aiohttp.ClientWebSocketResponse, text: str) -> str:
    """What the reader draws, escape sequences left out, until `text` shows."""
    drawn = bytearray()
    async with asyncio.timeout(DEADLINE):
        while text.encode() not in ESCAPES.sub(b"", bytes(drawn)):
            message = await ws.receive()
            assert message.type == aiohttp.WSMsgType.BINARY, message
            drawn += message.data
    return ESCAPES.sub(b"", bytes(drawn)).decode("utf-8", "replace")


async def test_the_page_and_its_websocket_run_the_reader(served: Served) -> None:
    with urllib.request.urlopen(served.url + "/", timeout=DEADLINE) as page:
        assert page.status == 200
        assert page.headers.get_content_type() == "text/html"
        html = page.read().decode()
    assert "<div>briefing</div>" in html  # the name on the page while it connects
    assert f'data-session-websocket-url="ws://127.0.0.1:{served.port}/ws"' in html
    # The page's terminal comes from this server, not from elsewhere.
    script = f"{served.url}/static/js/textual.js"
    assert f'src="{script}"' in html
    with urllib.request.urlopen(script, timeout=DEADLINE) as js:
        assert js.status == 200 and len(js.read()) > 100_000

    async with (
        aiohttp.ClientSession() as session,
        session.ws_connect(f"ws://127.0.0.1:{served.port}/ws?width=160&height=40") as ws,
    ):
        first = await screen_until(ws, FIRST)  # a reader of this store, drawn for a browser
        assert "Briefs (7)" in first
        await ws.send_str(json.dumps(["stdin", "n"]))  # keys reach that reader
        await screen_until(ws, SECOND)
        await ws.send_str(json.dumps(["stdin", "q"]))  # and it quits: the session ends
        async with asyncio.timeout(DEADLINE):
            while (await ws.receive()).type not in (
                aiohttp.WSMsgType.CLOSE,
                aiohttp.WSMsgType.CLOSED,
            ):
                pass

    assert served.stop() == 0
    said = served.output()
    assert f"serving the reader at {served.url}" in said
    assert "127.0.0.1 is a loopback address" in said
    assert "briefing: warning" not in said


def test_a_port_in_use_is_a_one_line_error(tmp_path: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        served = start(tmp_path, "--port", str(port))  # the last --port is the one used
        code = served.process.wait(timeout=DEADLINE)
    assert code == 1
    said = served.output()
    assert f"briefing: cannot listen on 127.0.0.1:{port}: Address already in use\n" in said
    assert "serving" not in said  # it never said it was


@pytest.mark.parametrize(
    ("host", "loopback"),
    [
        ("127.0.0.1", True),
        ("127.4.5.6", True),
        ("::1", True),
        ("[::1]", True),
        ("localhost", True),
        ("0.0.0.0", False),
        ("::", False),
        ("192.168.1.20", False),
    ],
)
def test_only_loopback_addresses_count_as_this_machine(host: str, loopback: bool) -> None:
    assert cli_serve.is_loopback(host) is loopback


def test_a_loopback_start_says_who_can_open_it(tmp_path: Path) -> None:
    said, warnings = cli_serve.announcement("127.0.0.1", "http://127.0.0.1:8000", tmp_path)
    assert said[0] == f"briefing: serving the reader at http://127.0.0.1:8000 (store: {tmp_path})"
    assert any("only this machine" in line for line in said)
    assert warnings == []


@pytest.mark.parametrize("host", ["0.0.0.0", "192.168.1.20", "::"])
def test_any_other_address_is_warned_about(tmp_path: Path, host: str) -> None:
    _, warnings = cli_serve.announcement(host, "http://example.test:8000", tmp_path)
    assert warnings and warnings[0].startswith(f"briefing: warning: {host} is not a loopback")
    assert "no login" in " ".join(warnings)


def test_every_address_without_a_public_url_says_browsers_elsewhere_need_one(
    tmp_path: Path,
) -> None:
    _, warnings = cli_serve.announcement("0.0.0.0", "http://0.0.0.0:8000", tmp_path)
    assert "--public-url" in warnings[-1]
    _, warnings = cli_serve.announcement(
        "0.0.0.0", "https://reader.example.test", tmp_path, named=True
    )
    assert "--public-url" not in " ".join(warnings)


def test_each_session_runs_the_reader_on_the_same_store(tmp_path: Path) -> None:
    root = tmp_path / "it's a store; rm -rf ~"
    words = shlex.split(cli_serve.session_command(root))
    assert words[0] == sys.executable
    assert words[-2:] == ["--store", str(root)]  # one word, whatever the shell makes of it


def test_the_page_url_names_ipv6_hosts_in_brackets() -> None:
    assert cli_serve.page_url("::1", 8000) == "http://[::1]:8000"
    assert cli_serve.page_url("[::1]", 8000) == "http://[::1]:8000"
    assert cli_serve.page_url("localhost", 9) == "http://localhost:9"


@pytest.mark.parametrize(
    "bad",
    [
        ["--port", "0"],
        ["--port", "70000"],
        ["--port", "x"],
        ["--host", ""],
        ["--public-url", "reader.example.test:8000"],
        ["--public-url", "https://"],
    ],
)
def test_bad_serve_options_are_usage_errors(
    tmp_path: Path, bad: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["serve", "--store", str(tmp_path / "s"), *bad])
    assert exit_.value.code == 2
    assert "briefing serve: error:" in capsys.readouterr().err


def test_a_damaged_store_is_reported_before_anything_listens(
    store_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from store import Store  # here: the other tests need no store of their own
    from store.storage import backup_path

    Store(store_dir).add_note("2025-10-31-xi-carney-apec-gyeongju", "kept")
    assert backup_path(store_dir / "reader.json").exists()
    (store_dir / "reader.json").write_text("{truncated")
    code = main(["serve", "--store", str(store_dir), "--port", "1"])
    err = capsys.readouterr().err
    assert code == 2 and "reader.json: not valid JSON" in err
    assert f"`briefing check --repair --store {store_dir}` restores it" in err
    assert (store_dir / "reader.json").read_text() == "{truncated"
