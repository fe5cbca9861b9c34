"""The shipped glossary is well formed and loads; its card's checks hold."""

import subprocess
import sys
from pathlib import Path

from localdigest.korean import Glossary

ROOT = Path(__file__).resolve().parents[1]


def test_glossary_validates():
    out = subprocess.run(
        [
            sys.executable,
            str(ROOT / "tools/validate_glossary.py"),
            str(ROOT / "localdigest/data/glossary.tsv"),
        ],
        capture_output=True,
        text=True,
    )
    assert out.returncode == 0, out.stdout + out.stderr


def test_glossary_loads_with_at_least_1000_entries():
    g = Glossary.load()
    assert len(g.entries) >= 1000
    assert g.get("depth completion")[0] == "깊이 보완"
    assert g.get("datasets")[0] == g.get("dataset")[0]  # regular plural
    assert g.match(["present"], 0) is None  # a verb entry is not used inside a noun phrase
