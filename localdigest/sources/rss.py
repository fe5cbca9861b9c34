"""arXiv RSS 2.0 feeds (rss.arxiv.org), the day's announcements for some archives."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator

from ..errors import InputError
from ..paper import Paper, collapse_ws
from .atom import ARXIV
from .jsonl import RecordError, make_paper, rfc2822_date, split_authors
from .xmlstream import XmlRecords

DC = "http://purl.org/dc/elements/1.1/"
NS = {"arxiv": ARXIV, "dc": DC}
# "arXiv:2411.17700v1 Announce Type: new \nAbstract: ..." (the 2024 feed format).
_DESCRIPTION_RE = re.compile(
    r"^\s*arXiv:(?P<id>\S+)\s+Announce Type:\s*(?P<type>\S+)\s*Abstract:(?P<abstract>.*)$",
    re.DOTALL,
)
_ERROR_TITLE = "Feed error for query"


def read_rss(path: str) -> Iterator[Paper | InputError]:
    with XmlRecords(path, "item") as items:
        # the channel's own fields come before its items in arXiv's feeds
        channel_date = _channel_date(items.head(), path)
        for item, line in items:
            try:
                yield item_to_paper(item, channel_date, f"{path}:{line}")
            except RecordError as e:
                yield InputError(str(e), path=path, line=line)


def _channel_date(root: ET.Element, path: str) -> str | None:
    """The channel's announcement day; InputError for a non-RSS document or arXiv's error feed."""
    channel = root.find("channel")
    if root.tag != "rss" or channel is None:
        raise InputError("not an arXiv RSS feed (no <rss><channel>)", path=path)
    if (channel.findtext("title") or "").startswith(_ERROR_TITLE):
        # arXiv answers a bad archive name with a valid feed whose description says why.
        reason = collapse_ws(channel.findtext("description")) or "no reason given"
        raise InputError(f"arXiv RSS error: {reason}", path=path)
    try:
        return rfc2822_date(channel.findtext("pubDate"))
    except RecordError as e:
        raise InputError(f"channel pubDate: {e}", path=path) from None


def item_to_paper(item: ET.Element, channel_date: str | None, source: str) -> Paper:
    description = item.findtext("description") or ""
    m = _DESCRIPTION_RE.match(description)
    # Prefer the versioned id in the description; the link has none.
    raw_id = m.group("id") if m else (item.findtext("link") or item.findtext("guid"))
    creators = " , ".join(c.text or "" for c in item.findall("dc:creator", NS))
    return make_paper(
        raw_id=raw_id,
        title=item.findtext("title"),
        abstract=m.group("abstract") if m else description,
        authors=split_authors(creators),
        categories=[c.text or "" for c in item.findall("category")],
        # Every item of a daily feed carries the announcement day; the channel's is a fallback.
        # A replacement (replace, replace-cross) revises an older paper: it was not announced
        # as new today, so it gets no date and is stored without entering today's digest.
        published=None
        if m and m.group("type").startswith("replace")
        else rfc2822_date(item.findtext("pubDate")) or channel_date,
        source=source,
    )
