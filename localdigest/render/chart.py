"""Bar chart of papers per category, with a font that renders Hangul."""

from __future__ import annotations

import hashlib
import io
import json
from typing import Protocol

from . import DayDigest

VERSION = "1"  # bump when the drawing code changes


class ChartCache(Protocol):  # the store: PNGs by the hash of what they draw
    def get_chart(self, key: str) -> bytes | None: ...

    def put_chart(self, key: str, png: bytes) -> None: ...


def chart_key(digest: DayDigest) -> str:
    drawn = [VERSION, digest.date, [[c.name, len(c.papers)] for c in digest.categories]]
    return hashlib.sha256(json.dumps(drawn, ensure_ascii=False).encode()).hexdigest()


def cached_chart(digest: DayDigest, cache: ChartCache | None) -> tuple[bytes, bool]:
    """The chart's PNG and whether it came from ``cache`` (a warm rerun skips matplotlib,
    about a second to import and draw)."""
    key = chart_key(digest) if cache is not None else ""
    png = cache.get_chart(key) if cache is not None else None
    if png is not None:
        return png, True
    png = render_chart(digest)
    if cache is not None:
        cache.put_chart(key, png)
    return png, False


def render_chart(digest: DayDigest) -> bytes:
    import matplotlib

    matplotlib.use("Agg")  # no display needed
    import koreanize_matplotlib  # noqa: F401 - registers NanumGothic and sets it as default
    import matplotlib.pyplot as plt

    cats = digest.categories
    names = [c.name for c in cats][::-1]
    counts = [len(c.papers) for c in cats][::-1]
    fig, ax = plt.subplots(figsize=(8, 0.45 * len(cats) + 1.5), dpi=110)
    bars = ax.barh(names, counts, color="#4C72B0")
    ax.bar_label(bars, padding=3)
    ax.set_xlabel("논문 수")
    ax.set_title(f"{digest.date} 분야별 논문 수 (총 {sum(counts)}편)")
    ax.spines[["top", "right"]].set_visible(False)
    fig.tight_layout()
    buf = io.BytesIO()
    fig.savefig(buf, format="png")
    plt.close(fig)
    return buf.getvalue()
