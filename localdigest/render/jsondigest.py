"""The JSON digest: the machine-readable contract other tools rely on."""

from __future__ import annotations

import json

from . import DayDigest


def digest_dict(digest: DayDigest) -> dict:
    return {
        "date": digest.date,
        "categories": [
            {
                "name": c.name,
                "emoji": c.emoji,
                "papers": [p.id for p in c.papers],
                "keywords": c.keywords,
                "sections": digest.sections[c.id],
                **({"quality": digest.quality[c.id]} if c.id in digest.quality else {}),
            }
            for c in digest.categories
        ],
        "stats": digest.stats,
    }


def render_json(digest: DayDigest) -> str:
    return json.dumps(digest_dict(digest), ensure_ascii=False, indent=2) + "\n"
