"""OPML subscription lists, read and written with the standard library.

Read with expat directly, refusing any DOCTYPE or entity declaration: that turns off entity
expansion (billion laughs) and external entities entirely, which ElementTree's parser cannot
be told to do. An OPML list is a plain tree of <outline> elements, so a few lines suffice and
`listparser` (a dependency that also fetches URLs, which we do ourselves) is not needed.
"""

from __future__ import annotations

import re
import xml.parsers.expat
from collections.abc import Iterable
from dataclasses import dataclass
from xml.etree import ElementTree as ET

from briefs.web.markup import one_line

MAX_OPML_BYTES = 4 * 1024 * 1024
MAX_DEPTH = 50
# Characters XML 1.0 cannot hold at all, even escaped.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


class OpmlError(ValueError):
    """Not an OPML list we will read; str() is the plain reason."""


@dataclass(frozen=True, slots=True)
class Outline:
    """One feed of a list: its name, URL and the folders it sits in (outermost first)."""

    name: str
    url: str
    folder: tuple[str, ...] = ()
    site: str | None = None


class _Refused(Exception):
    pass


def read_opml(data: bytes) -> list[Outline]:
    """Every feed outline in `data` (nested folders too); raise OpmlError when unreadable."""
    if len(data) > MAX_OPML_BYTES:
        raise OpmlError(f"larger than {MAX_OPML_BYTES // 2**20} MiB")
    found: list[Outline] = []
    folders: list[str | None] = []  # one entry per open <outline>: its name if a folder
    root: list[str] = []

    def refuse(*_args: object) -> None:
        raise _Refused("the list declares a DOCTYPE or entities (refused)")

    def start(tag: str, attrs: dict[str, str]) -> None:
        if not root:
            root.append(tag)
        if tag != "outline":
            return
        if len(folders) >= MAX_DEPTH:
            raise _Refused(f"folders nested deeper than {MAX_DEPTH}")
        name = one_line(attrs.get("title") or attrs.get("text"), limit=120)
        url = (attrs.get("xmlUrl") or attrs.get("xmlurl") or "").strip()
        if url:
            site = (attrs.get("htmlUrl") or "").strip() or None
            path = tuple(f for f in folders if f)
            found.append(Outline(name, url, path, site))
        folders.append(None if url else name)

    def end(tag: str) -> None:
        if tag == "outline" and folders:
            folders.pop()

    parser = xml.parsers.expat.ParserCreate()
    parser.SetParamEntityParsing(xml.parsers.expat.XML_PARAM_ENTITY_PARSING_NEVER)
    parser.StartDoctypeDeclHandler = refuse
    parser.EntityDeclHandler = refuse
    parser.ExternalEntityRefHandler = refuse
    parser.StartElementHandler = start
    parser.EndElementHandler = end
    try:
        parser.Parse(data, True)
    except _Refused as exc:
        raise OpmlError(str(exc)) from exc
    except xml.parsers.expat.ExpatError as exc:
        raise OpmlError(
            f"not well-formed XML ({xml.parsers.expat.errors.messages[exc.code]}, "
            f"line {exc.lineno})"
        ) from exc
    if root != ["opml"]:
        raise OpmlError(f"not an OPML list (its root is <{one_line(root[0] if root else '')}>)")
    return found


def _xml_text(text: str) -> str:
    return _NOT_XML.sub("", text)


def write_opml(outlines: Iterable[Outline], *, title: str = "briefing subscriptions") -> bytes:
    """An OPML 2.0 list of `outlines`, folders nested as they were read."""
    opml = ET.Element("opml", version="2.0")
    head = ET.SubElement(opml, "head")
    ET.SubElement(head, "title").text = _xml_text(title)
    body = ET.SubElement(opml, "body")
    folders: dict[tuple[str, ...], ET.Element] = {(): body}
    for outline in outlines:
        parent = body
        for depth in range(1, len(outline.folder) + 1):
            path = outline.folder[:depth]
            if path not in folders:
                name = _xml_text(path[-1])
                folders[path] = ET.SubElement(parent, "outline", text=name, title=name)
            parent = folders[path]
        attrs = {"type": "rss", "text": _xml_text(outline.name), "title": _xml_text(outline.name)}
        attrs["xmlUrl"] = _xml_text(outline.url)
        if outline.site:
            attrs["htmlUrl"] = _xml_text(outline.site)
        ET.SubElement(parent, "outline", attrs)
    ET.indent(opml)
    return ET.tostring(opml, encoding="utf-8", xml_declaration=True) + b"\n"
