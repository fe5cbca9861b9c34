"""Atom feed (RFC 4287): one entry per digested day, newest first.

Ids and timestamps come from the day itself, so rebuilding the feed changes nothing a
reader has already seen. Links are relative unless a site URL is given (``--site-url``).
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from ..archive import DayView

ATOM = "http://www.w3.org/2005/Atom"
FEED_ID = "urn:localdigest:feed"


def _stamp(day: str) -> str:
    return f"{day}T00:00:00Z"


def _link(parent: ET.Element, href: str, rel: str = "alternate", kind: str = "text/html"):
    ET.SubElement(parent, "link", {"rel": rel, "type": kind, "href": href})


def render_feed(views: list[DayView], site_url: str = "") -> str:
    from .html import _env  # the same autoescaping environment as the pages

    base = site_url.rstrip("/") + "/" if site_url else ""
    template = _env().get_template("feed_entry.html.j2")
    feed = ET.Element("feed", {"xmlns": ATOM, "{http://www.w3.org/XML/1998/namespace}lang": "ko"})
    ET.SubElement(feed, "id").text = FEED_ID
    ET.SubElement(feed, "title").text = "AI 논문 다이제스트"
    ET.SubElement(
        feed, "subtitle"
    ).text = "새 AI 논문을 분야별로 묶어 한국어로 요약한 하루치 다이제스트"
    ET.SubElement(feed, "updated").text = _stamp(views[0].date) if views else "1970-01-01T00:00:00Z"
    author = ET.SubElement(feed, "author")
    ET.SubElement(author, "name").text = "localdigest"
    ET.SubElement(feed, "generator").text = "localdigest"
    _link(feed, f"{base}index.html")
    _link(feed, f"{base}feed.xml", rel="self", kind="application/atom+xml")
    for view in views:
        entry = ET.SubElement(feed, "entry")
        ET.SubElement(entry, "id").text = f"urn:localdigest:day:{view.date}"
        names = ", ".join(f"{c.emoji} {c.name}" for c in view.categories[:3])
        ET.SubElement(entry, "title").text = f"{view.date} AI 논문 {view.paper_count}편" + (
            f": {names}" if names else ""
        )
        ET.SubElement(entry, "updated").text = _stamp(view.date)
        ET.SubElement(entry, "published").text = _stamp(view.date)
        _link(entry, f"{base}day/{view.date}.html")
        for c in view.categories:
            ET.SubElement(entry, "category", {"term": c.id, "label": f"{c.emoji} {c.name}"})
        ET.SubElement(entry, "content", {"type": "html"}).text = template.render(view=view)
    body = ET.tostring(feed, encoding="unicode")
    return '<?xml version="1.0" encoding="utf-8"?>\n' + body + "\n"
