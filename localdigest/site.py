"""Publish stage: the static site and feed over every stored day, plus "관심 논문" picks.

Called by `run` after the day's files are written, and by `localdigest site` on its own.
"""

from __future__ import annotations

from pathlib import Path

import duckdb

from .render.html import write_site


def publish(
    db: duckdb.DuckDBPyConnection,
    out: str | Path,
    *,
    profile: str = "",
    embedder=None,
    store=None,
    site_url: str = "",
) -> Path:
    """Rewrite the site in ``out``; with a profile, rank each day's papers against it."""
    picks = None
    if profile:
        from .profile import Profile, day_picks, load_profile

        if embedder is None:
            raise ValueError("a profile needs the embedder its day vectors were made with")
        built = Profile.build(load_profile(profile), embedder, store=store)
        picks = day_picks(db, built, embedder.name)
    write_site(db, out, picks=picks, site_url=site_url)
    return Path(out) / "index.html"
