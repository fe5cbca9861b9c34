"""The reference Markdown shape: title line with the chart, one section per category."""

from __future__ import annotations

import re

from ..prompts import PARTS
from . import DayDigest, chart_name

TITLE = "# Daily Artificial Intelligence Insights : Papers![Category Distribution Graph]({chart})"
_ENTITY = re.compile(r"&(#?\w+;)")
_MD_SPECIAL = re.compile(r"([\\`*_\[\]{}#|!~])")  # ~: GFM strikethrough


def escape(text: str) -> str:
    """Show paper titles and model text as text: no HTML, links or emphasis sneak in."""
    # "&" only where it would start an entity ("&lt;" must stay text); "R&D" reads as is.
    text = _ENTITY.sub(r"&amp;\1", text).replace("<", "&lt;").replace(">", "&gt;")
    return _MD_SPECIAL.sub(r"\\\1", " ".join(text.split()))


def render_markdown(digest: DayDigest) -> str:
    out = [TITLE.format(chart=chart_name(digest.date)), ""]
    for cat in digest.categories:
        parts = digest.sections[cat.id]
        out += [f"## {cat.emoji} {escape(cat.name)}", "", "**요약:**", ""]
        for number, text in enumerate(parts, start=1):
            heading = PARTS[number][0]
            if number == 3:
                out.append(f"{number}. {heading}:")
                out += [f"   - {escape(line.lstrip('- '))}" for line in text.splitlines()]
            else:
                out.append(f"{number}. {heading}:")
                out.append(f"   - {escape(text)}")
            out.append("")
        out += ["**출처:**", ""]
        out += [f" - {escape(p.title)} ({p.url})" for p in cat.papers]
        out += ["", ""]
    return "\n".join(out).rstrip() + "\n"
