"""Bar chart of papers per category, with a font that renders Hangul."""

from __future__ import annotations

import io

from . import DayDigest


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
