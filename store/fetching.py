"""HTTP for feeds and pages: the standard library's urllib, used carefully.

Why not httpx: every guard the web needs here — a size cap that also holds after gzip or
deflate, a deadline per request, one request at a time per host, our own redirect count
and loop check, retries with an injectable backoff — is a few lines over urllib, and
urllib hands over the raw body so the decompression is ours to bound. A new dependency
would buy nothing these need (no HTTP/2, no async in a store that works in threads).

Every failure is a FetchError whose reason is plain text we wrote, never the server's.
"""

from __future__ import annotations

import http.client
import socket
import threading
import time
import urllib.error
import urllib.request
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from email.message import Message
from http import HTTPStatus
from urllib.parse import urljoin, urlsplit

DEFAULT_TIMEOUT = 15.0  # seconds without a byte from the server
DEFAULT_DEADLINE = 60.0  # seconds for a whole response, however slowly it trickles
DEFAULT_MAX_BYTES = 8 * 1024 * 1024  # per response, after decompression
# An article page: real ones are well under 2 MiB, and extraction takes about half a
# second per MiB, so a bigger one is refused rather than read for seconds.
PAGE_MAX_BYTES = 4 * 1024 * 1024
MAX_REDIRECTS = 5
RETRIES = 2  # after the first try, on 5xx and connection errors
BACKOFF = 1.0  # seconds before the first retry; doubled for each next one
MAX_RETRY_AFTER = 30.0
MAX_CONCURRENT = 4
CHUNK = 64 * 1024
FEED_ACCEPT = (
    "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5"
)
PAGE_ACCEPT = "text/html, application/xhtml+xml;q=0.9, */*;q=0.5"
_REDIRECTS = (301, 302, 303, 307, 308)
_RETRY_STATUS = (429, 500, 502, 503, 504)


class FetchError(Exception):
    """A URL that could not be fetched; str() is `URL: reason`."""

    def __init__(self, url: str, reason: str) -> None:
        super().__init__(f"{url}: {reason}")
        self.url = url
        self.reason = reason


@dataclass(frozen=True, slots=True)
class Response:
    url: str  # after redirects
    status: int  # 200, or 304 when the conditional request found nothing new
    body: bytes
    content_type: str | None = None
    charset: str | None = None
    etag: str | None = None
    last_modified: str | None = None

    @property
    def not_modified(self) -> bool:
        return self.status == 304


class _Retry(Exception):
    def __init__(self, reason: str, after: float | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.after = after


@dataclass(frozen=True, slots=True)
class _Redirect:
    location: str


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    """Redirects come back to us as responses: we count them and spot loops ourselves."""

    def redirect_request(self, *args: object, **kwargs: object) -> None:
        return None


def user_agent() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        found = version("briefing")
    except PackageNotFoundError:
        found = "unknown"
    return f"briefing/{found} (a terminal reader of trade news; fetches feeds and articles)"


def _phrase(status: int) -> str:
    try:
        return f"HTTP {status} {HTTPStatus(status).phrase}"
    except ValueError:
        return f"HTTP {status}"


def _header(value: str | None, limit: int = 500) -> str | None:
    if not value:
        return None
    value = "".join(c for c in value if c.isprintable()).strip()
    return value[:limit] or None


class HttpClient:
    """GET with conditional headers, caps, per-host turns and retries. Thread-safe."""

    def __init__(
        self,
        *,
        timeout: float = DEFAULT_TIMEOUT,
        deadline: float = DEFAULT_DEADLINE,
        max_bytes: int = DEFAULT_MAX_BYTES,
        max_redirects: int = MAX_REDIRECTS,
        retries: int = RETRIES,
        backoff: float = BACKOFF,
        sleep: Callable[[float], None] = time.sleep,
        max_concurrent: int = MAX_CONCURRENT,
        agent: str | None = None,
        proxies: dict[str, str] | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.timeout = timeout
        self.deadline = deadline
        self.max_bytes = max_bytes
        self.max_redirects = max_redirects
        self.retries = retries
        self.backoff = backoff
        self.sleep = sleep
        self.max_concurrent = max_concurrent
        self.agent = agent or user_agent()
        self.clock = clock
        handlers: list[urllib.request.BaseHandler] = [_NoRedirect()]
        if proxies is not None:  # None: the environment's proxies, as urllib does
            handlers.append(urllib.request.ProxyHandler(proxies))
        self._opener = urllib.request.build_opener(*handlers)
        self._slots = threading.BoundedSemaphore(max_concurrent)
        self._hosts: dict[str, threading.Lock] = {}
        self._hosts_guard = threading.Lock()
        self.requests = 0  # sent, retries included: what a fetch cost the servers

    def get(
        self,
        url: str,
        *,
        etag: str | None = None,
        last_modified: str | None = None,
        accept: str = PAGE_ACCEPT,
        max_bytes: int | None = None,
    ) -> Response:
        """Fetch `url`, following redirects; raise FetchError(`url: reason`)."""
        headers = {
            "User-Agent": self.agent,
            "Accept": accept,
            "Accept-Encoding": "gzip, deflate",
        }
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        cap = self.max_bytes if max_bytes is None else max_bytes
        visited: list[str] = []
        current = url
        for _ in range(self.max_redirects + 1):
            parts = urlsplit(current)
            if parts.scheme not in ("http", "https") or not parts.hostname:
                where = "redirected to" if visited else "not"
                raise FetchError(url, f"{where} a web address (http or https)")
            visited.append(current)
            got = self._with_retries(url, current, headers, cap)
            if isinstance(got, Response):
                return got
            following = urljoin(current, got.location)
            if following in visited:
                raise FetchError(url, f"redirect loop ({len(visited)} redirects)")
            current = following
        raise FetchError(url, f"more than {self.max_redirects} redirects")

    def _with_retries(
        self, url: str, current: str, headers: dict[str, str], cap: int
    ) -> Response | _Redirect:
        for attempt in range(self.retries + 1):
            try:
                return self._once(url, current, headers, cap)
            except _Retry as exc:
                if attempt == self.retries:
                    tries = f" (tried {attempt + 1} times)" if attempt else ""
                    raise FetchError(url, exc.reason + tries) from None
                delay = self.backoff * 2**attempt
                if exc.after is not None:
                    delay = max(delay, min(exc.after, MAX_RETRY_AFTER))
                self.sleep(delay)
        raise AssertionError("unreachable")

    def _host_lock(self, url: str) -> threading.Lock:
        host = urlsplit(url).netloc.lower()
        with self._hosts_guard:
            return self._hosts.setdefault(host, threading.Lock())

    def _once(
        self, url: str, current: str, headers: dict[str, str], cap: int
    ) -> Response | _Redirect:
        with self._host_lock(current), self._slots:  # one at a time per host, a few in all
            self.requests += 1
            request = urllib.request.Request(current, headers=headers)
            try:
                answer = self._opener.open(request, timeout=self.timeout)
            except urllib.error.HTTPError as exc:
                with exc:
                    return self._status(url, current, exc.code, exc.headers)
            except urllib.error.URLError as exc:
                raise self._connection_error(url, exc.reason) from None
            except (TimeoutError, OSError, http.client.HTTPException, ValueError) as exc:
                raise self._connection_error(url, exc) from None
            with answer:
                try:
                    body = self._body(url, answer, cap)
                except TimeoutError:
                    stopped = f"the server stopped sending ({self.timeout:g} s)"
                    raise FetchError(url, stopped) from None
                except (OSError, http.client.HTTPException) as exc:
                    broken = f"connection broken while reading ({type(exc).__name__})"
                    raise _Retry(broken) from None
                info: Message = answer.headers
                return Response(
                    url=answer.geturl(),
                    status=answer.status,
                    body=body,
                    content_type=info.get_content_type() if info.get("Content-Type") else None,
                    charset=_header(info.get_content_charset(), 40),
                    etag=_header(info.get("ETag")),
                    last_modified=_header(info.get("Last-Modified")),
                )

    def _status(self, url: str, current: str, status: int, info: Message) -> Response | _Redirect:
        if status == 304:
            etag, modified = _header(info.get("ETag")), _header(info.get("Last-Modified"))
            return Response(current, 304, b"", etag=etag, last_modified=modified)
        if status in _REDIRECTS:
            location = _header(info.get("Location"), 4000)
            if not location:
                raise FetchError(url, f"{_phrase(status)} without a Location")
            return _Redirect(location)
        if status in _RETRY_STATUS:
            after = info.get("Retry-After", "")
            raise _Retry(_phrase(status), float(after) if after.strip().isdigit() else None)
        if status == 410:
            raise FetchError(url, f"{_phrase(status)} (removed for good)")
        raise FetchError(url, _phrase(status))

    def _connection_error(self, url: str, reason: object) -> Exception:
        if isinstance(reason, TimeoutError):
            return FetchError(url, f"no answer within {self.timeout:g} s")
        if isinstance(reason, ConnectionRefusedError):
            return _Retry("connection refused")
        if isinstance(reason, socket.gaierror):
            return _Retry("host not found (no network, or no such host)")
        if isinstance(reason, ValueError):
            return FetchError(url, "not a valid URL")
        text = getattr(reason, "strerror", None) or type(reason).__name__
        return _Retry(f"connection failed ({text})")

    def _body(self, url: str, answer: http.client.HTTPResponse, cap: int) -> bytes:
        size = answer.headers.get("Content-Length", "")
        encoding = (answer.headers.get("Content-Encoding") or "identity").strip().lower()
        limit = f"larger than {cap / 2**20:g} MiB"
        if size.isdigit() and int(size) > cap and encoding == "identity":
            raise FetchError(url, limit)
        ends = self.clock() + self.deadline
        chunks = self._chunks(url, answer, ends)
        try:
            if encoding in ("identity", ""):
                return _bounded(chunks, cap)
            if encoding in ("gzip", "x-gzip"):
                return _inflate(chunks, zlib.decompressobj(16 + zlib.MAX_WBITS), cap)
            if encoding == "deflate":
                return _inflate_deflate(chunks, cap)
        except _TooBig:
            raise FetchError(url, limit + (" once decompressed" if encoding else "")) from None
        except zlib.error:
            raise FetchError(url, f"the {encoding} body is damaged") from None
        raise FetchError(url, f"sent in an encoding we do not read ({encoding[:20]})")

    def _chunks(self, url: str, answer: http.client.HTTPResponse, ends: float) -> Iterator[bytes]:
        while chunk := answer.read(CHUNK):
            if self.clock() > ends:
                raise FetchError(url, f"took longer than {self.deadline:g} s")
            yield chunk


class _TooBig(Exception):
    pass


def _bounded(chunks: Iterator[bytes], cap: int) -> bytes:
    out = bytearray()
    for chunk in chunks:
        out += chunk
        if len(out) > cap:
            raise _TooBig
    return bytes(out)


def _inflate(chunks: Iterator[bytes], decoder: zlib._Decompress, cap: int) -> bytes:
    """Decompress, never holding more than `cap` bytes: a bomb stops at the cap."""
    out = bytearray()
    for chunk in chunks:
        data = chunk
        while data:
            out += decoder.decompress(data, cap + 1 - len(out))  # max_length is never 0 here
            if len(out) > cap:
                raise _TooBig
            data = decoder.unconsumed_tail
    out += decoder.flush()
    if len(out) > cap:
        raise _TooBig
    if not decoder.eof:  # a cut or damaged stream does not raise by itself
        raise zlib.error("the compressed stream ends early")
    return bytes(out)


def _inflate_deflate(chunks: Iterator[bytes], cap: int) -> bytes:
    """`deflate` is zlib-wrapped by the standard, raw by some servers: read the first byte."""
    first = next(chunks, b"")
    raw = not first or (first[0] & 0x0F) != 8  # a zlib header's low nibble is 8 (deflate)
    decoder = zlib.decompressobj(-zlib.MAX_WBITS if raw else zlib.MAX_WBITS)

    def again() -> Iterator[bytes]:
        yield first
        yield from chunks

    return _inflate(again(), decoder, cap)
