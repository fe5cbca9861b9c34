"""The title, read for the floor's first sentence: its name, what it describes, the task it
names, and whether its head is a slogan or a motto rather than the topic (floor.py says the
line; this module only reads the title)."""

from __future__ import annotations

import re

from .contribution import title_name
from .korean import Glossary, _is_name, default_glossary
from .phrase import _ARTICLES, _verb_noun, translate_phrase, translate_words
from .phrase_check import korean_share
from .phrase_words import _is_verb, ends_in_modifier

# Nouns that name an activity, a task a contribution can be for ("... generation").
_TASK_END = re.compile(
    r"(?:tion|sion|sis|ment|ing|ance|ence|QA|retrieval|search|control|discovery|design)$"
    # a property a study finds is no task ("Conditional Equivalence of DPO and RLHF")
    r"(?<!equivalence)(?<!convergence)(?<!existence)(?<!emergence)(?<!difference)",
    re.IGNORECASE,
)

# -tion/-ence words that name a thing, not an activity: "Models Get Lost in Attention" is
# no framework "for attention" (after "for", "Kernels for Attention", they still are)
_NOT_A_TASK = re.compile(
    r"\b(?:attention|information|motion|emotion|position|function|distribution|question|"
    r"performance|evidence|sequence|sentence|reference|experience|intelligence|"
    r"environment|document|instrument|argument|sentiment|condition|population|tradition)s?$",
    re.IGNORECASE,
)

_METHOD_PREP = re.compile(r"\s+(?:via|with|using|through|by|from|leveraging|based on)\s+", re.I)


def _sentence_head(head: str) -> bool:
    """ "Adaptive Context Matters", "Order Matters": a head ending in a verb's -s form."""
    words = head.split()
    last = words[-1] if words else ""
    return (
        len(words) > 1
        and bool(re.fullmatch(r"[A-Za-z]+[^s]s", last))
        and _is_verb(last, default_glossary())
    )


def _slogan(title: str) -> str | None:
    """The head of "Think Fast, Talk Smart: Partitioning ..." or "Order Matters: Rethinking
    ...": before a colon, with a comma or ending in a verb, so a slogan; the part after the
    colon says what the paper is."""
    head, colon, tail = (x.strip() for x in title.partition(":"))
    # "Dead Code Doesn't Talk:": a contraction makes the head a sentence
    sentence = _sentence_head(head) or re.search(r"\w n't\b|\wn't\b|n’t\b", head)
    return head if colon and tail and ("," in head or sentence) else None


def _without_motto(title: str, abstract: str) -> str:
    """ "Asking For An Old Friend: Diagnosing ... in LLM-based Statutory QA" -> the part after
    the colon: a head of three or more everyday words (no glossary term, no name) that the
    abstract does not use is a phrase for effect, and read as words it becomes the topic
    ("old friend를 위한 asking"). A head the abstract uses ("Proper Name Diacritization") is
    the topic and stays."""
    head, colon, tail = (x.strip() for x in title.partition(":"))
    words = head.split()
    glossary = default_glossary()
    if not (colon and tail) or len(words) < 3 or head.lower() in abstract.lower():
        return title
    if any(
        glossary.get(w.lower()) or _is_name(w) or w.isupper() or re.search(r"\d", w) for w in words
    ):
        return title
    content = [w.lower() for w in words if len(w) > 3]
    used = [w for w in content if re.search(rf"\b{re.escape(w[:5])}", abstract, re.I)]
    return tail if len(used) * 2 < len(content) else title


def _title_desc(title: str) -> tuple[str, str | None, str] | None:
    """(the title on one line, its name, what it describes): "HTMNet: A Hybrid Network" ->
    the part after the colon, else the part before it, without a leading "Towards"/"On"/
    article. None for a question."""
    title = " ".join(title.split()).rstrip(".!")
    if title.endswith("?"):
        return None
    name = title_name(title)
    head, _, tail = title.partition(":")
    if name and _sentence_head(name):
        name = None  # "Adaptive Context Matters: ...": a sentence, not a name
    # "Data Overdose? Time for a Quadruple Shot: Knowledge Graph Construction ...": a question
    # before the colon is a hook, the part after it says what the paper is about
    desc = tail.strip() if name or _slogan(title) or _hook(head, tail) else head.strip()
    # "Uncertainty in SEGmentation -- A systematic multi-variable exploration": a second subtitle
    desc = re.split(r"\s+(?:-{2,3}|[–—])\s+", desc)[0]
    return title, name, re.sub(r"^(?:towards?|on|a|an|the)\s+", "", desc, flags=re.IGNORECASE)


def _hook(head: str, tail: str) -> bool:
    """A question before the colon and a plain description after it ("A Systematic Review of
    52 Articles" is left to the quote: its kind does not turn)."""
    return (
        "?" in head
        and bool(tail.strip())
        and not re.search(r"\b(?:review|survey|study|analysis|perspective)\b", tail, re.I)
    )


_SETTING = r"(?:pre-?training|training|learning|fine-?tuning|practice|the wild)$"
_STUDY_GERUND = (
    r"(?:revealing|dissecting|analy[sz]ing|understanding|investigating|evaluating|assessing|"
    r"exploring|examining|probing|characteri[sz]ing|measuring|quantifying|diagnosing)\b"
)


def _title_purpose(title: str, obj_ko: str, glossary: Glossary) -> str | None:
    """The task a title names, in Korean, when the line does not say it yet:
    "Interspatial Attention for Efficient 4D Human Video Generation" -> "효율적인 4D human
    비디오 생성"; "EmotionHallucer: Evaluating Emotion Hallucinations in MLLMs" -> "MLLMs에서의
    감정 환각 평가". None when the title names no task or the line already says it."""
    parsed = _title_desc(title)
    if parsed is None:
        return None
    desc = parsed[2]
    m = re.search(r"\s+for\s+(.+)$", desc, re.IGNORECASE)
    lead = desc.split()[0].lower() if desc.split() else ""
    if not m and not (lead.endswith("ing") and _verb_noun(lead, glossary)):
        # "Refinement is All You Need in Autoregressive Image Generation": a task after "in"
        # ("in Pretraining" is a setting, not a task)
        tail = re.search(r"\s+in\s+((?:[\w-]+\s+){0,4}[\w-]+)$", desc, re.IGNORECASE)
        # "Revealing ... Degradation of MLLMs in Image Classification": the field a study is
        # set in, not what a score it introduces along the way is for
        ok = tail and _TASK_END.search(tail.group(1)) and not re.match(_STUDY_GERUND, desc, re.I)
        if ok and not re.match(r"\w+ing\b", tail.group(1)) and _NOT_A_TASK.search(tail.group(1)):
            ok = None  # "in Predicting LLM Performance" is still a task
        m = tail if ok and not re.search(_SETTING, tail.group(1), re.I) else None
    task = m.group(1) if m else desc
    task = _METHOD_PREP.split(task)[0].strip()
    first = task.split()[0].lower() if task.split() else ""
    gerund = first.endswith("ing") and _verb_noun(first, glossary) is not None
    if gerund and re.match(
        r"(?:build|creat|construct|develop|design|introduc|train|scal|bench|rethink|revisit)",
        first,
    ):
        return None  # "Building a VLM": what the paper does, not what its result is for
    rest = task.split()[1:] if gerund else task.split()
    if any(_is_verb(w, glossary) for w in rest):
        return None  # a sentence title ("Protocols Enhance Inference"), not a task
    head = re.split(r"\s+(?:in|on|of|across|under|within|at|over)\s+", task, flags=re.I)[0]
    if not task or not (gerund or _TASK_END.search(head)) or len(task.split()) > 8:
        return None
    ko = translate_phrase(_uncapitalize(task), glossary)
    if not ko or korean_share(ko) == 0 or ends_in_modifier(ko, glossary):
        return None  # "일관된을 위한": the task's noun was cut off
    # "저자원 NLP 평가의 서베이" says "평가" already: the genitive off before comparing
    said = set(obj_ko.lower().split())
    said |= {re.sub(r"(?:에서의|의)$", "", w) for w in said}
    words = [w for w in ko.lower().split() if len(w) > 1]
    if not words or words[-1] in said or sum(w in said for w in words) * 2 >= len(words):
        return None  # the line already names the task
    return ko


_GENERIC = {
    "approach",
    "method",
    "framework",
    "model",
    "technique",
    "system",
    "pipeline",
    "strategy",
    "algorithm",
    "paradigm",
    "architecture",
    "scheme",
    "tool",
    "solution",
    "mechanism",
    "module",
    "novel",
    "new",
    "simple",
    "effective",
    "efficient",
    "unified",
    "general",
    "robust",
    "lightweight",
    "innovative",
    "comprehensive",
    "systematic",
    "practical",
    "scalable",
    "flexible",
    "training",
    "learning",
    "yet",
    "and",
    "method,",
    "way",
    "idea",
    "work",
    "network",
    "neural",
    "benchmark",
    "dataset",
    "first",
    "family",
    "series",
    "suite",
}


def _is_generic(phrase: str) -> bool:
    words = [w.lower().strip(",") for w in phrase.split() if w.lower() not in _ARTICLES]
    return all(w.rstrip("s") in _GENERIC or w in _GENERIC for w in words)


_KINDS = {"survey": "서베이", "review": "리뷰", "overview": "개관", "tutorial": "튜토리얼"}


def _title_topic(title: str, glossary: Glossary) -> str | None:
    """Korean for what a title names: "HTMNet: A Hybrid Network for Depth Completion" ->
    "깊이 보완을 위한 하이브리드 네트워크 HTMNet"; None when the title is a question or
    a sentence the grammar cannot place."""
    parsed = _title_desc(title)
    if parsed is None:
        return None
    title, name, desc = parsed
    kind_head = re.fullmatch(r"(.+?)\s+(survey|review|overview|tutorial)", name or "", re.I)
    if kind_head and not any(_is_name(w) for w in name.split()):
        # "Cloud Computing Review: A Decade of Research": the head is a topic and its kind
        topic = translate_phrase(_uncapitalize(kind_head.group(1)), glossary)
        kind = _KINDS[kind_head.group(2).lower()]
        return f"{topic}에 대한 {kind}" if topic else None
    _, colon, tail = title.partition(":")
    purpose = re.search(r"\s+for\s+", desc, re.IGNORECASE)
    if purpose:
        # "Unlearning for LLMs Using Self-Distillation": the means belongs to the unlearning,
        # not to the LLMs; the line leaves it out rather than attach it to the wrong noun
        means = _METHOD_PREP.search(desc, purpose.end())
        desc = desc[: means.start()] if means else desc
    ko = translate_phrase(_uncapitalize(desc), glossary)
    if not ko or korean_share(ko) == 0:
        return None
    if (
        not name
        and colon
        and not _slogan(title)  # the description is the part after the colon already
        and re.search(r"\b(survey|review|benchmark|dataset|tutorial)\b", tail, re.I)
    ):
        kind = translate_words(
            re.search(r"\b(survey|review|benchmark|dataset|tutorial)\b", tail, re.I).group(1),
            glossary,
        )
        return f"{ko}에 대한 {kind}"
    return f"{ko} {name}" if name else ko


def _uncapitalize(title: str) -> str:
    """Title Case -> plain words, names kept: "Hybrid Network for LiDAR" -> "hybrid network
    for LiDAR" (in a title, capitals mark the style, not a name)."""
    return " ".join(w if _is_name(w) or w.isupper() else w.lower() for w in title.split())
