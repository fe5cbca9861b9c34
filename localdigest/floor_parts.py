"""The floor's parts sentence for a method whose parts have names: "Through three iterative
stages--Spatial Prior Initialization, Visual-guided 3D Scene Mesh Generation, and
Spatial-guided Novel View Generation--" -> "Spatial Prior Initialization·Visual-guided 3D Scene
Mesh Generation·Spatial-guided Novel View Generation의 세 단계로 구성됩니다."

The names are copied as the paper writes them; the sentence is said only when the abstract
counts the parts and gives as many names as it counts (or numbers them "(1) ... (2) ..." after
"consists of"), each item opening with its name. An item that opens with a description
("(1) flexible segment partition") is left to floor_how.py's counted reading, which
translates plain noun phrases.
"""

from __future__ import annotations

import re

from .contribution import _CONTRIB, sentences
from .floor_count import count_of
from .floor_named import _KNOWN
from .korean import _is_name, josa

_STAGE_KINDS = {"stages": "단계", "phases": "단계", "steps": "단계"}
_PART_KINDS = ("modules", "components", "parts", "branches", "blocks", "sub-modules")
_COUNT_KO = {2: "두", 3: "세", 4: "네", 5: "다섯"}
# "three iterative stages--A, B, and C--", "four parts: (i) A, a ...; (ii) B, ...",
# "two modules, A and B."
_COUNTED_PARTS = re.compile(
    r"\b(?P<n>two|three|four|five|[2-5])\s+(?:(?:key|main|core|major|iterative|successive|"
    r"sequential|complementary|distinct|primary|principal|novel|specialized|dedicated|"
    r"progressive|interconnected|collaborative|synergistic|integrated)\s+){0,2}"
    r"(?P<kind>stages|phases|steps|modules|components|parts|branches|blocks|sub-modules)"
    r"\s*(?::|--|—|–|,\s*(?:namely\s+)?|\s+namely\s+)\s*(?P<rest>.+)$",
    re.IGNORECASE,
)
# "(1) ...", "(i) ...", "i) ..." markers of a numbered list
_MARK = re.compile(r"(?:^|[\s;,])\(?(?:[1-9]|i{1,3}|iv|v)\)\s*", re.IGNORECASE)
# the name at an item's head: capitalized words (or names), hyphens and digits inside
_HEAD = re.compile(
    r"^(?:(?:an?|the)\s+)?(?P<name>(?:[A-Z][\w\-+/]*|[a-z]+[A-Z][\w\-]*|\d[\w\-]*)"
    r"(?:\s+(?:[A-Z][\w\-+/]*|\d[\w\-]*|[a-z]+-[A-Z][\w\-]*|[a-z]+[A-Z][\w\-]*|of|and|for|"
    r"to|in)){0,5})"
    r"(?:\s*\((?P<abbr>[A-Z][\w\-]*)\))?"
    r"(?P<after>\s*(?:,|$|\s+(?:that|which|module|component|stage|block|branch|to|for|"
    r"with|by|using|via|where|is|that|responsible|designed|tailored)\b|\s+[a-z]+ing\b))"
)
_NOT_OURS = re.compile(
    r"\b(?:existing|traditional|conventional|prior|previous|typical|typically|standard|"
    r"common|most|many)\b",
    re.IGNORECASE,
)
_OURS = re.compile(
    r"\b(?:we|our|its|it|(?:the|this) (?:proposed )?(?:framework|method|model|system|pipeline|"
    r"architecture|approach|network|agent))\b",
    re.IGNORECASE,
)


def _name(item: str) -> str | None:
    """The name an item opens with ("Spatial Prior Initialization", "SenseFusion, a
    lightweight encoder ..." -> "SenseFusion"), or None when the item opens with a
    description or a sentence word."""
    item = item.strip(" ;,.")
    m = _HEAD.match(item)
    if not m:
        return None
    name = m.group("name")
    name = re.sub(r"\s+(?:of|and|for|to|in)$", "", name)
    words = name.split()
    if re.fullmatch(
        r"(?:We|It|This|These|First|Second|Third|Then|Finally|Next|The|A|An)", words[0]
    ):
        return None
    if len(words) == 1 and not _is_name(name) and not m.group("abbr"):
        return None  # "Captioning": one plain word is a step's kind, not its name
    if _KNOWN.search(name):
        return None  # "PPO", "LoRA": a known method the part uses, not the part's name
    return name


def _short_names(names: tuple[str, ...]) -> list[str]:
    """The names and the abbreviations they carry ("Adaptive Local-Aware Token Pruning
    (ALTP)" -> also "ALTP"): how the sentences after the contribution call the method."""
    out = []
    for n in names:
        if n:
            out.append(n)
            out += re.findall(r"\(\s*([A-Z][\w\-]*)\s*\)", n)
    return out


def _after_list(m: re.Match) -> str:
    """The words after a list set off by dashes ("stages--A, B, and C--EvoScene alternates"):
    where the subject stands when the list opens the sentence."""
    dashed = re.search(r"(?:--|—|–)(?!.*(?:--|—|–))(.*)$", m.group("rest"))
    return (
        dashed.group(1)
        if dashed and re.search(r"--|—|–", m.group(0)[: m.start("rest") - m.start()])
        else ""
    )


def parts_fact(abstract: str, names: tuple[str, ...] = (), main: str = "") -> str | None:
    """ "A·B·C의 세 단계로 구성됩니다." / "A·B로 구성됩니다." when a sentence about the
    paper's own method counts its stages or modules and names each one."""
    found = sentences(abstract)
    for k, sentence in enumerate(found):
        if k == 0:
            continue
        m = _COUNTED_PARTS.search(sentence)
        if not m:
            continue
        before = sentence[: m.start()]
        if _NOT_OURS.search(before):
            continue  # "Existing pipelines consist of three stages": someone else's
        around = before + _after_list(m)  # where the subject stands, the list left out
        if not (
            _OURS.search(before)
            or any(n in around for n in _short_names(names))
            # "RealID comprises two key modules": the name the line itself says
            or any(_is_name(w) and w in main for w in re.findall(r"[\w\-]+", around))
            or _CONTRIB.search(sentence)
        ):
            continue
        n = count_of(m.group("n"))
        rest = (
            re.sub(r"(?:--|—|–).*$", "", m.group("rest"))
            if "--" in m.group(0) or "—" in m.group(0) or "–" in m.group(0)
            else m.group("rest")
        )
        if _MARK.search(" " + rest):
            items = [i for i in _MARK.split(" " + rest) if i.strip()]
        else:
            items = [i for i in re.split(r"\s*,\s*(?:and\s+)?|\s+and\s+", rest.rstrip(". ")) if i]
        if len(items) != n:
            continue  # the list is not as long as the count: a name read wrong, or none
        got = [_name(i) for i in items]
        if any(g is None for g in got) or len(set(got)) != n:
            continue
        if any(g.lower() in (x.lower() for x in names if x) for g in got):
            continue
        if main and all(g in main for g in got):
            continue
        joined = "·".join(got)
        kind = m.group("kind").lower()
        if kind in _STAGE_KINDS:
            return f"{joined}의 {_COUNT_KO[n]} {_STAGE_KINDS[kind]}로 구성됩니다."
        if kind in _PART_KINDS:
            return f"{josa(joined, '으로/로')} 구성됩니다."
    return None
