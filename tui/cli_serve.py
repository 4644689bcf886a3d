"""`briefing serve`: the reader in a browser, through textual-serve.

textual-serve starts one process per browser session with a shell command line; ours is the
`briefing` command line itself on the store folder resolved for serve (`briefing --store DIR`),
and it inherits this process's environment, so every session is the same reader on the same
store and config. The page has no login: it listens on the loopback address unless told
otherwise, and says who can open it.
"""

from __future__ import annotations

import argparse
import asyncio
import ipaddress
import os
import shlex
import socket
import sys
from pathlib import Path
from typing import Any

from store import Store
from tui.cli_common import EXIT_FAILED, say

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000
# What a session runs: the command line's own entry point (as the `briefing` script is).
# -P keeps the folder serve was started in off the import path of every session.
ENTRY = "from tui.cli import main; raise SystemExit(main())"


def _host(text: str) -> str:
    if not text.strip():
        raise argparse.ArgumentTypeError("give an address (0.0.0.0 listens on every one)")
    return text.strip()


def _port(text: str) -> int:
    try:
        port = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a port number: {text!r}") from None
    if not 1 <= port <= 65535:
        raise argparse.ArgumentTypeError(f"a port is 1 to 65535, not {port}")
    return port


def _public_url(text: str) -> str:
    if not text.startswith(("http://", "https://")) or len(text.split("//", 1)[1]) == 0:
        raise argparse.ArgumentTypeError(f"an http:// or https:// address, not {text!r}")
    return text.rstrip("/")


def add_commands(commands: Any, store_flag: argparse.ArgumentParser) -> None:
    serve = commands.add_parser(
        "serve",
        parents=[store_flag],
        help="serve the reader in a browser (no login: this machine only by default)",
    )
    serve.add_argument(
        "--host",
        type=_host,
        default=DEFAULT_HOST,
        help=f"address to listen on (default: {DEFAULT_HOST}, this machine only)",
    )
    serve.add_argument(
        "--port", type=_port, default=DEFAULT_PORT, help="port to listen on (default: %(default)s)"
    )
    serve.add_argument(
        "--public-url",
        type=_public_url,
        metavar="URL",
        help="where browsers reach the server, when that is not http://HOST:PORT "
        "(behind a proxy, or with --host 0.0.0.0)",
    )


def is_loopback(host: str) -> bool:
    """Whether every address `host` names is this machine's loopback (127.0.0.0/8, ::1)."""
    try:
        found = socket.getaddrinfo(host.strip("[]"), None, type=socket.SOCK_STREAM)
    except (OSError, UnicodeError):
        return False  # the server cannot listen there either; it will say so
    addresses = {info[4][0] for info in found}
    return bool(addresses) and all(
        ipaddress.ip_address(a.split("%")[0]).is_loopback for a in addresses
    )


def page_url(host: str, port: int) -> str:
    bare = host.strip("[]")
    return f"http://[{bare}]:{port}" if ":" in bare else f"http://{bare}:{port}"


def session_command(root: Path) -> str:
    """The shell command line each browser session runs: the reader on `root`."""
    return shlex.join([sys.executable, "-P", "-c", ENTRY, "--store", str(root)])


def _every_address(host: str) -> bool:
    try:
        return ipaddress.ip_address(host.strip("[]")).is_unspecified
    except ValueError:
        return False


def announcement(
    host: str, url: str, root: Path, *, named: bool = False
) -> tuple[list[str], list[str]]:
    """What serve says when it starts (for stdout), and its warnings (for stderr);
    `named`: the page's address was given (--public-url)."""
    said = [f"briefing: serving the reader at {url} (store: {root})"]
    if is_loopback(host):
        said.append(
            f"{host} is a loopback address: only this machine can open the page "
            "(it has no login). Ctrl+C stops the server."
        )
        return said, []
    said.append("Ctrl+C stops the server.")
    hint = []
    if _every_address(host) and not named:  # the page connects back to the address it names
        hint = ["briefing: browsers on other machines need --public-url http://NAME:PORT."]
    return said, [
        f"briefing: warning: {host} is not a loopback address: anyone who can reach this "
        "machine on that port can open the reader and change the store.",
        "briefing: warning: the page has no login; use --host 127.0.0.1 unless something "
        "in front of it (a proxy, a firewall) decides who gets in.",
        *hint,
    ]


def _reason(exc: OSError) -> str:
    """The system's words for it: the socket module and asyncio each wrap them their way."""
    if exc.errno and exc.errno > 0:
        return os.strerror(exc.errno)
    return exc.strerror or str(exc)  # a name that does not resolve: its own words


def _can_listen(host: str, port: int) -> None:
    """Bind and let go, so a taken port is reported before serve says it is serving."""
    family = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0][0]
    with socket.create_server((host, port), family=family):
        pass


def run(args: argparse.Namespace, root: Path) -> int:
    """Serve the reader on the store at `root` (resolved as the reader's is)."""
    # Opened once here: a damaged store is reported before anything listens, and an empty
    # one is seeded now rather than by two sessions at once.
    Store(root).close()
    from textual_serve.server import Server  # aiohttp loads only to serve

    sessions: set[asyncio.Task[object]] = set()

    class _Server(Server):
        async def on_startup(self, app: object) -> None:
            """Nothing more to say: run() has said where, and who can open it."""

        async def handle_websocket(self, request: Any) -> Any:
            task = asyncio.current_task()
            assert task is not None
            sessions.add(task)
            try:
                return await super().handle_websocket(request)
            finally:
                sessions.discard(task)

        async def on_shutdown(self, app: object) -> None:
            # Stopping ends each open session now (its reader is told to quit), rather
            # than after aiohttp's grace period with a browser tab still connected.
            for task in list(sessions):
                task.cancel()

    host = args.host.strip("[]")
    try:
        _can_listen(host, args.port)
    except OSError as exc:
        say(f"briefing: cannot listen on {args.host}:{args.port}: {_reason(exc)}", err=True)
        return EXIT_FAILED
    url = args.public_url or page_url(args.host, args.port)
    said, warnings = announcement(args.host, url, root, named=args.public_url is not None)
    for line in warnings:
        say(line, err=True)
    for line in said:
        say(line)
    server = _Server(
        session_command(root),
        host=host,
        port=args.port,
        title="briefing",
        public_url=url,  # the page's websocket address is built from it
    )
    try:
        server.serve()
    except OSError as exc:
        say(f"briefing: cannot listen on {args.host}:{args.port}: {_reason(exc)}", err=True)
        return EXIT_FAILED
    return 0
