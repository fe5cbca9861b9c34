"""The floor's named-part sentence: a second thing the authors make, by name ("또한 최적화 기반
방법 Segment Score Distillation(SSD)을 제안합니다"), from a "we introduce ... called X" sentence
after the contribution; never a name the line has said, a well-known method, or a name a
description marks as something used rather than made."""

from __future__ import annotations

import re

from .contribution import _CONTRIB, sentences
from .korean import Glossary, josa
from .phrase import translate_phrase
from .phrase_check import _broken

_PART_VERBS = {"introduce": "제안합니다", "propose": "제안합니다", "present": "제안합니다"}
_PART_VERBS |= {"design": "설계합니다", "develop": "설계합니다", "devise": "설계합니다"}
_PART_NAME = r"(?:[A-Z][\w\-]*\s+){0,4}[A-Z][\w\-]*(?:\s*\([A-Z][\w\-]*\))?"
# case-sensitive: a name is capitalised, the words around it are not
_PART = re.compile(
    r"^(?:[A-Z][\w ,]{0,40}?,?\s+)?[Ww]e\s+(?:then\s+|also\s+|further\s+|additionally\s+|next\s+)?"
    r"(?P<verb>introduce|propose|present|design|develop|devise)[sd]?\s+"
    r"(?:(?:a|an|the)\s+)?(?P<desc>[a-z][a-z0-9\- ]{0,60}?)?,?\s*"
    rf"(?:(?:called|named|termed|dubbed)\s+(?P<called>{_PART_NAME})"
    rf"|(?<=[a-z] )(?P<abbr>(?:[A-Z][\w\-]*\s+){{0,4}}[A-Z][\w\-]*\s*\([A-Z][\w\-]*\)))"
    # the name is the thing made, not a modifier ("a GRPO objective", "a GAM-based approach")
    r"(?=\s*(?:[,.;:]|$|that\b|which\b|to\b|for\b|(?P<kind>module|block|layer|network|"
    r"mechanism|loss|strategy|framework|model|method|algorithm|benchmark|dataset|head|encoder|"
    r"decoder)s?\b(?!-)))"
)
# the kind of thing the name is, said after it when the name does not say it ("IGC 손실")
_KIND_KO = {
    "module": "모듈",
    "block": "블록",
    "layer": "레이어",
    "network": "네트워크",
    "mechanism": "메커니즘",
    "loss": "손실",
    "strategy": "전략",
    "framework": "프레임워크",
    "model": "모델",
    "method": "방법",
    "algorithm": "알고리즘",
    "benchmark": "벤치마크",
    "dataset": "데이터셋",
    "head": "헤드",
    "encoder": "인코더",
    "decoder": "디코더",
}
_KIND_KO |= {
    "metric": "지표",
    "adapter": "어댑터",
    "pipeline": "파이프라인",
    "agent": "에이전트",
    "approach": "접근 방식",
    "paradigm": "패러다임",
    "system": "시스템",
    "toolkit": "툴킷",
    "library": "라이브러리",
    "corpus": "코퍼스",
}
# "we introduce MedASL, the first public medical American Sign Language dataset", "we curate
# AVQA-R1-6K, a dataset pairing ...": a second named thing, then what kind of thing it is
_MAKE_VERBS = (
    r"introduce|propose|present|build|construct|release|curate|develop|design|create|collect"
)
_APPOSED = re.compile(
    r"\b(?:[Ww]e\s+(?:also\s+|further\s+|then\s+|additionally\s+)?"
    rf"(?P<verb>{_MAKE_VERBS})[sd]?|together with|along with)\s+"
    r"(?P<name>(?:[A-Z][\w\-.]*[A-Z0-9][\w\-.]*|[A-Z][a-z]+[A-Z][\w\-.]*))"
    # the words before the kind describe it: no clause ("a diagnostic tool that decodes
    # intermediate model states" is a tool, not a model)
    r"\s*,\s*(?:a|an|the)\s+(?P<desc>(?:(?!(?:that|which|who|to|for|of|with|in|on|by|"
    r"from|into|as|tool|tools)\b)[\w\-]+\s+){0,6}?)"
    r"(?P<kind>dataset|benchmark|corpus|metric|module|framework|model|method|algorithm|adapter|"
    r"loss|strategy|network|pipeline|agent|approach|paradigm|mechanism|system|toolkit|library)"
    r"\b(?!-)"
)
_MADE_KO = {"build": "구축", "construct": "구축", "curate": "구축", "collect": "구축"}
_MADE_KO |= {"release": "공개", "design": "설계", "develop": "개발", "create": "구축"}


def _apposed_part(sentence: str, names: tuple[str, ...], said: str, glossary: Glossary):
    """ "또한 데이터셋 MedASL을 구축합니다." from "we introduce MedASL, the first ... dataset"."""
    return next(
        (x for m in _APPOSED.finditer(sentence) if (x := _apposed(m, names, said, glossary))),
        None,
    )


def _apposed(m: re.Match, names: tuple[str, ...], said: str, glossary: Glossary) -> str | None:
    name = m.group("name").rstrip(".")
    if _KNOWN.search(name) or name.lower() in said.lower():
        return None
    if any(n and (n.lower() in name.lower() or name.lower() in n.lower()) for n in names):
        return None  # the line's own name, or one built on it ("A2Seek-R1" after "A2Seek")
    kind = m.group("kind")
    desc = " ".join(m.group("desc").split())
    desc = re.sub(r"^(?:new|novel|first|largest|simple|lightweight)\s+", "", desc)
    ko = translate_phrase(f"{desc} {kind}".strip(), glossary) if desc else None
    if not ko or _broken(ko) or not re.search(r"[가-힣]", ko) or "최초" in ko or "가장" in ko:
        ko = _KIND_KO[kind]
    verb = m.group("verb") or ""
    if not verb and not re.search(
        rf"\b[Ww]e\s+(?:\w+\s+)?(?:{_MAKE_VERBS})", m.string[: m.start()]
    ):
        return None  # "evaluated along with DeepSeek-R1, a reasoning model": not theirs
    made = _MADE_KO.get(verb) or ("구축" if kind in ("dataset", "benchmark", "corpus") else "제안")
    return f"또한 {josa(f'{ko} {name}', '을/를')} {made}합니다."


# well-known methods a paper uses, never what it makes
_KNOWN = re.compile(r"\b(?:PPO|GRPO|DPO|RLHF|LoRA|CLIP|BERT|GPT[\w-]*|SAM|ViT|U-Net|YOLO\w*)\b")


def component_fact(
    abstract: str, glossary: Glossary, names: tuple[str, ...] = (), said: str = ""
) -> str | None:
    """A second named thing the authors make ("또한 최적화 기반 방법 Segment Score
    Distillation(SSD)을 제안합니다."), from a "we introduce ... called X" or "we introduce X
    (ABBR)" sentence; never the name the line has already said (``names``, ``said``)."""
    found = sentences(abstract)
    first = next((i for i, x in enumerate(found) if _CONTRIB.search(x)), len(found))
    for sentence in found[first + 1 :]:  # the first is the line's own contribution
        m = _PART.search(sentence)
        if not m:
            continue
        name = re.sub(r"\s*\(", "(", " ".join((m.group("called") or m.group("abbr")).split()))
        if not re.search(r"[A-Z].*[A-Z]|\d", name):
            continue  # "We introduce Each ...": one capital is a sentence start, not a name
        if _KNOWN.search(name):
            continue
        words = re.findall(r"[A-Za-z][\w\-]*", name)
        if any(w.lower() in said.lower() for w in words) or any(
            n and n.lower() in name.lower() for n in names
        ):
            continue  # the line's own name, or a part of it
        desc = (m.group("desc") or "").strip()
        ko = translate_phrase(desc, glossary) if desc and len(desc.split()) <= 5 else None
        if ko and (_broken(ko) or not re.search(r"[가-힣]", ko)):
            ko = None  # a description copied in English says nothing the name does not
        if desc and not ko and re.search(r"\b(?:of|for|to|with|by)\s+\w+ing$|\b(?:of|for)$", desc):
            continue  # "a new way of repurposing MCTS": the name is what they use, not make
        kind = (m.group("kind") or "").lower()
        if kind and kind not in name.lower():
            name = f"{name} {_KIND_KO[kind]}"
        what = f"{ko} {name}" if ko else name
        verb = "구축합니다" if kind in ("dataset", "benchmark") else _PART_VERBS[m.group("verb")]
        return f"또한 {josa(what, '을/를')} {verb}."
    for sentence in found[first:]:  # the contribution's own sentence may name a second thing
        line = _apposed_part(sentence, names, said, glossary)
        if line:
            return line
    return None
