"""arXiv query API responses (Atom XML), read one entry at a time (xmlstream.py)."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterator
from xml.parsers import expat

from ..errors import InputError
from ..paper import Paper, collapse_ws
from .jsonl import RecordError, make_paper
from .xmlstream import XmlRecords, clark

ATOM = "http://www.w3.org/2005/Atom"
ARXIV = "http://arxiv.org/schemas/atom"
NS = {"atom": ATOM, "arxiv": ARXIV}
FEED = f"{{{ATOM}}}feed"
ENTRY = f"{{{ATOM}}}entry"


class _RootFound(Exception):
    """Stops the sniffing parser once it has seen the root element."""


def root_tag(head: bytes) -> str | None:
    """The root element's tag ('{ns}name') of a document prefix, None if there is none yet.

    Raises InputError (without a path) when the prefix is not XML at all.
    """
    parser = expat.ParserCreate(namespace_separator=" ")
    found: list[str] = []

    def start(name: str, attrs: dict[str, str]) -> None:
        found.append(clark(name))
        raise _RootFound  # the rest of the document does not matter here

    parser.StartElementHandler = start
    try:
        parser.Parse(head, False)
    except _RootFound:
        pass
    except expat.ExpatError as e:
        if not found:
            raise InputError(f"invalid XML: {expat.errors.messages[e.code]}") from None
    return found[0] if found else None


def read_atom(path: str) -> Iterator[Paper | InputError]:
    with XmlRecords(path, ENTRY) as entries:
        if entries.head().tag != FEED:
            raise InputError("not an arXiv Atom feed (root element is not <feed>)", path=path)
        for entry, line in entries:
            try:
                yield entry_to_paper(entry, f"{path}:{line}")
            except RecordError as e:
                yield InputError(str(e), path=path, line=line)


def entry_to_paper(entry: ET.Element, source: str) -> Paper:
    entry_id = entry.findtext("atom:id", "", NS)
    if "api/errors" in entry_id:
        # arXiv reports a bad query as a one-entry feed titled "Error"; the summary says why.
        message = collapse_ws(entry.findtext("atom:summary", "", NS)) or entry_id
        raise RecordError(f"arXiv API error: {message}")
    primary = entry.find("arxiv:primary_category", NS)
    categories = [primary.get("term", "")] if primary is not None else []
    categories += [c.get("term", "") for c in entry.findall("atom:category", NS)]
    return make_paper(
        raw_id=entry_id,
        title=entry.findtext("atom:title", None, NS),
        abstract=entry.findtext("atom:summary", None, NS),
        authors=[a.findtext("atom:name", "", NS) for a in entry.findall("atom:author", NS)],
        categories=categories,
        published=entry.findtext("atom:published", None, NS),
        comment=entry.findtext("arxiv:comment", None, NS),
        source=source,
    )
