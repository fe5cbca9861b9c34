"""Text hygiene for the Markdown digest: paper titles and model output shown as text.

* zero-width, bidi-override and control characters are dropped (they can reorder or hide
  text in a viewer: "Safe\\u202eevil" shows reversed);
* HTML, links, emphasis, headings and tables are escaped so they render as typed;
* inline math (``$\\mathcal{O}(n^2)$``) is kept as written, so Markdown viewers with math
  render it and the rest still read plain LaTeX, instead of a backslash-escaped mess.
"""

from __future__ import annotations

import re

_ENTITY = re.compile(r"&(#?\w+;)")
_MD_SPECIAL = re.compile(r"([\\`*_\[\]{}#|!~$])")  # ~: GFM strikethrough; $: stray math
# Bidi embeddings/overrides/isolates, zero-width and invisible fillers, BOM, C0/C1 controls.
_HIDDEN = re.compile(
    "[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u00ad\u061c\u180e"
    "\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb]"
)
# $…$ with no space just inside the dollars and no "$" or link syntax inside: inline math.
_MATH = re.compile(r"(?<![\\$\w])\$(?=[^\s$])([^$]{1,300}?)(?<=[^\s\\$])\$(?![\w$])")


def visible(text: str) -> str:
    """Text without hidden characters and with whitespace collapsed to single spaces."""
    return " ".join(_HIDDEN.sub("", text).split())


def _html(text: str) -> str:
    # "&" only where it would start an entity ("&lt;" must stay text); "R&D" reads as is.
    return _ENTITY.sub(r"&amp;\1", text).replace("<", "&lt;").replace(">", "&gt;")


def _plain(text: str) -> str:
    return _MD_SPECIAL.sub(r"\\\1", _html(text))


def _math(span: str) -> str | None:
    """The span unchanged but for HTML, or None when it holds link or code syntax."""
    if "](" in span or "`" in span:
        return None
    return _html(span)


def escape(text: str) -> str:
    """Show paper titles and model text as text: no HTML, links or emphasis sneak in."""
    text = visible(text)
    out, pos = [], 0
    for m in _MATH.finditer(text):
        kept = _math(m.group())
        if kept is None:
            continue
        out += [_plain(text[pos : m.start()]), kept]
        pos = m.end()
    out.append(_plain(text[pos:]))
    return "".join(out)
