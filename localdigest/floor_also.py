"""The floor's "also" sentence: a second thing the paper makes, said the way the first is.

"We propose CrossLMM ... In addition, we introduce a text-to-visual cross-attention mechanism"
-> "또한 text-to-visual 교차 어텐션 메커니즘을 제안합니다.". Read only for a line that says
nothing beyond its first sentence; the second thing is read with the same contribution parser
and phrase translation as the first, from a later sentence, and never when it is the first
thing again, a generic kind ("an effective approach"), an act of presenting results, or code.
"""

from __future__ import annotations

import re

from .contribution import find_contribution, sentences
from .floor_title import _is_generic
from .korean import Glossary, josa
from .paper import Paper
from .phrase import translate_phrase
from .phrase_check import _broken
from .relative import _adjective

# "present" also says what a paper shows ("we present qualitative experiments"): only a thing
# made of one of these kinds is a second contribution
_MADE_HEADS = re.compile(
    r"(?:method|model|framework|system|module|mechanism|strategy|algorithm|architecture|"
    r"network|pipeline|dataset|benchmark|corpus|metric|loss|tool|toolkit|library|agent|"
    r"encoder|decoder|layer|block|paradigm|scheme|technique|approach|variant|family)s?$",
    re.IGNORECASE,
)
_VERBS = {"제안", "개발", "설계", "구축", "제시"}
# kinds and qualities that name no particular thing ("a benchmark dataset", "specialized
# mechanisms"): a line that says only these tells the reader nothing new
_PLAIN = set(
    "dataset datasets benchmark benchmarks corpus metric metrics evaluation scheme suite "
    "specialized comprehensive dedicated accompanying corresponding large-scale high-quality "
    "challenging several various multiple two three four additional further key technical "
    "innovations contributions improvements components additional second third fourth "
    "extra auxiliary new novel simple".split()
)
# "Guided Diffusion", "Unlearning Mapping Attack (UMA)": a name spelled in capitals is said as
# the paper spells it (word by word it turned into "Guided 확산", "Attack(UMA) 매핑 언러닝")
_CAPITALIZED = re.compile(r"(?:[A-Z][\w-]*\s+){1,5}[A-Z][\w-]*(?:\s*\([A-Z][\w-]*\))?")


def also_fact(paper: Paper, glossary: Glossary, main: str, names: tuple[str, ...]) -> str | None:
    """ "또한 <the second thing made>을/를 <verb>합니다." or None."""
    found = sentences(paper.abstract)
    first = find_contribution(paper)
    if first is None or main.startswith("초록의 요지"):
        return None
    at = next(
        (i for i, s in enumerate(found) if _same(_made(paper.title, s), first)),
        None,
    )
    if at is None:
        return None
    for sentence in found[at + 1 :]:
        c = _made(paper.title, sentence)
        if c is None or c.verb not in _VERBS or _same(c, first):
            continue
        return _said(c, glossary, main, names)
    return None


def _made(title: str, sentence: str):
    return find_contribution(Paper(id="", title=title, abstract=sentence))


def _same(a, b) -> bool:
    return a is not None and b is not None and (a.phrase, a.name) == (b.phrase, b.name)


def _said(c, glossary: Glossary, main: str, names: tuple[str, ...]) -> str | None:
    """The Korean sentence for the second thing ``c``, or None where it would say nothing new
    or could be read wrong; the first candidate decides (a later one is often a detail)."""
    phrase = (c.phrase or "").strip()
    words = [w.lower().strip(",") for w in phrase.split()]
    name = c.name or ""
    if not phrase or re.match(r"\d", phrase) or re.search(r"\w- \w", phrase):
        return None  # "22 representative tasks": a count the phrase cannot carry; "genera- tion"
    if name and (name in main or any(name.lower() == (n or "").lower() for n in names)):
        return None  # the line's own thing again, by its name
    head = re.split(
        r"\s+(?:with|of|for|from|in|on|that|which|to|across|using|based|built|trained)\s+", phrase
    )[0]
    last = head.split()[-1] if head.split() else ""
    if (
        not name
        and len(head.split()) > 1
        and (_adjective(last) or re.fullmatch(r"\w+-(?:stage|step|shot)", last))
    ):
        return None  # "a simple one-stage (fine-tuning pipeline)": cut before its noun
    if c.verb == "제시" and not _MADE_HEADS.search(head.split()[-1] if head else ""):
        return None  # "we present qualitative experiments / the mathematical framework and results"
    if not name and (_is_generic(phrase) or all(w in _PLAIN or _is_generic(w) for w in words)):
        return None  # "an effective approach", "a benchmark dataset", "a third training strategy"
    named = re.search(r"\b[\w-]*(?:[A-Z][\w-]*[A-Z\d]|\d)[\w-]*\b|\b[A-Z][a-z]", phrase)
    if not (name or named) and len([w for w in words if w not in _PLAIN]) < 2:
        return None  # "projectors", "additional views": one plain word names no particular thing
    if re.search(r"\b(?:and|or)\b", head) and not name:
        # "the supporting mathematical framework and results": where "and" binds, unsure
        return None
    if _CAPITALIZED.fullmatch(phrase):
        ko = re.sub(r"\s+\(", "(", phrase)
    else:
        ko = translate_phrase(phrase, glossary)
    if not ko or _broken(ko) or re.search(r"\)\s+\S", ko):
        return None  # "Attack(UMA) 매핑": an abbreviation inside the Korean, its name torn
    if name and name.lower() not in ko.lower():
        ko = f"{ko} {name}"
    if ko.count("(") != ko.count(")"):
        return None  # "estimator SACB-Net)": a name torn from its parenthesis
    # "the first 2D video dataset (with both humanoid and non-humanoid subjects)": first only
    # with the clause the line leaves out
    ko = re.sub(r"최초의\s*", "", ko)
    content = [w for w in re.findall(r"[\w-]+", ko) if len(w) > 1]
    if content and all(w in main for w in content):
        return None  # every word of it is in the line already
    return f"또한 {josa(ko, '을/를')} {c.verb}합니다."
