"""Check glossary.tsv: header, three columns, lower-case unique `en`, Hangul `ko`, valid `pos`.

Usage: python validate_glossary.py [glossary.tsv]   (exit 1 and one line per problem when bad)
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path

POS = {"n", "a", "v", "p"}
HANGUL = re.compile(r"[\uac00-\ud7a3]")
EN_OK = re.compile(r"^[a-z0-9][a-z0-9' -]*[a-z0-9]$")
# Latin pieces a Korean ML writer keeps inside a Korean term (acronyms, units, indices).
LATIN_OK = {
    "AI",
    "LLM",
    "3D",
    "6D",
    "2D",
    "F1",
    "KV",
    "RGB",
    "MIMO",
    "GUI",
    "SQL",
    "Q",
    "NP",
    "KL",
    "k",
    "top",
}


def problems(path: Path) -> tuple[list[str], Counter]:
    out: list[str] = []
    pos_count: Counter = Counter()
    lines = path.read_text(encoding="utf-8").split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    if not lines or lines[0] != "en\tko\tpos":
        out.append(f"{path}:1: header must be 'en<TAB>ko<TAB>pos'")
    seen: dict[str, int] = {}
    for no, line in enumerate(lines[1:], 2):
        cols = line.split("\t")
        if len(cols) != 3:
            out.append(f"{path}:{no}: expected 3 tab-separated columns, got {len(cols)}")
            continue
        en, ko, pos = cols
        where = f"{path}:{no}: {en!r}"
        if en != en.strip() or ko != ko.strip() or "  " in en or "  " in ko:
            out.append(f"{where}: stray whitespace")
        if not EN_OK.match(en):
            out.append(f"{where}: en must be lower-case words, digits, hyphens, spaces")
        if en in seen:
            out.append(f"{where}: duplicate of line {seen[en]}")
        seen[en] = no
        if pos not in POS:
            out.append(f"{where}: pos {pos!r} not one of {sorted(POS)}")
        pos_count[pos] += 1
        if not ko:
            out.append(f"{where}: empty ko")
        elif not HANGUL.search(ko):
            out.append(f"{where}: ko {ko!r} has no Hangul")
        for latin in re.findall(r"[A-Za-z0-9]*[A-Za-z][A-Za-z0-9]*", ko):
            if latin not in LATIN_OK:
                out.append(
                    f"{where}: ko {ko!r} keeps Latin {latin!r} (add it to LATIN_OK if intended)"
                )
    # A regular plural is stripped by the digest, so "models" next to "model" is dead weight.
    for en, no in seen.items():
        for cut in ("s", "es"):
            if en.endswith(cut) and en[: -len(cut)] in seen:
                out.append(f"{path}:{no}: {en!r} is a regular plural of {en[: -len(cut)]!r}")
    return out, pos_count


def main(argv: list[str]) -> int:
    path = Path(argv[1]) if len(argv) > 1 else Path(__file__).resolve().parent / "glossary.tsv"
    if not path.is_file():
        print(f"Error: {path} not found; pass the glossary path", file=sys.stderr)
        return 2
    found, pos_count = problems(path)
    for line in found:
        print(line)
    total = sum(pos_count.values())
    print(
        f"{path}: {total} entries; " + ", ".join(f"{p}={pos_count[p]}" for p in sorted(pos_count))
    )
    return 1 if found else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
