"""What a paper says it contributes, read from its abstract by rule: no model, nothing invented.

Every claim keeps the English span it was read from, copied verbatim, so a report sentence can
quote it and a reader (or `bench/report_facts.py`) can find it in the abstract:

* links: URLs in the abstract (code on GitHub/Hugging Face, project pages);
* code: the abstract says code, models or data are (or will be) released or available;
* dataset: "we introduce/release/present ... dataset/benchmark/corpus", with the name when one
  follows the verb (a capitalized or digit-bearing word: DocHR14K, PERSONAMEM);
* sota: a state-of-the-art claim;
* gains: reported improvements with their number ("by 7.6%", "improvement of 6.5 mIoU"),
  the largest first;
* drops: reported degradations with their number ("accuracy decreasing by up to 46.3%",
  "can reduce LLM accuracy by up to 17.9%"), kept apart from gains (:func:`direction`).

Abstracts pass through injection.neutralize first: a sentence holding an injected instruction is
gone before anything is copied from it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .injection import REMOVED, neutralize

_SENT = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9(\"'])")
_URL = re.compile(
    r"(?:https?://|\b(?:www\.)?(?=github\.com|gitlab\.com|huggingface\.co|hf\.co)|www\.)"
    r"[^\s<>\"'()\[\]{}]+",
    re.IGNORECASE,
)
_CODE_HOST = re.compile(r"github\.|gitlab\.|huggingface\.co|hf\.co|bitbucket\.", re.I)
_RELEASE = re.compile(
    r"\b(?:code|codes|implementation|models?|weights|checkpoints?|data(?:set)?s?|benchmark)\b"
    r"[^.]{0,80}?\b(?:(?:is|are|will be|have been|has been|be|made)\s+(?:publicly\s+|openly\s+|"
    r"freely\s+)?(?:available|released|open[- ]?sourced?|public)|released|open-source)"
    r"|\b(?:we|our)\s+(?:will\s+)?(?:release|open[- ]source|make)\b[^.]{0,60}?\b(?:code|"
    r"models?|weights|implementation|publicly available)",
    re.IGNORECASE,
)
_DATASET = re.compile(
    r"\b(?:we|our\s+work|this\s+(?:paper|work))\s+(?:also\s+|further\s+|first\s+)?"
    r"(?P<verb>introduce|present|release|propose|construct|curate|build|collect|create|"
    r"contribute|develop)s?d?\b(?P<rest>[^.;]{0,160}?)(?<![\w-])(?P<noun>dataset|benchmark|"
    r"corpus|corpora|test ?bed|(?:benchmark|evaluation|test) suite)s?(?![\w+]|-\w)"
    # "a dataset pruning strategy" is a method applied to data, not a new dataset
    r"(?!\s+(?:pruning|distillation|condensation|compression|selection|curation|bias|shift|"
    r"imbalance|augmentation|contamination|linguistics|results?|experiments?|performance|"
    r"scores?)\b)",
    re.IGNORECASE,
)
# Between the verb and the dataset noun, a word that starts a new phrase means the noun is not
# what the paper introduces: "a foundation model trained via self-supervised learning on a
# dataset", "a framework that transforms datasets", "a novel way to annotate datasets" (all
# read as new datasets on 2025-05-28; the same shapes on dev days 2025-04-02/03).
_NOT_OBJECT = frozenset(
    """that which who whose where when while to for on from using via by with into through
    in across under against over within than trained derived""".split()
)
_SOTA = re.compile(r"state[- ]of[- ]the[- ]art|\bSOTA\b|new\s+best", re.IGNORECASE)
_SOTA_VERB = re.compile(
    r"\b(?:achiev\w*|sets?|establish\w*|reach\w*|attain\w*|outperform\w*|surpass\w*|"
    r"deliver\w*|obtain\w*|exceed\w*|beat\w*|rival\w*|match\w*)\b",
    re.I,
)
# "However, many state-of-the-art methods ..." speaks of others' work, not a claim
_OTHERS = re.compile(r"^(?:However|Existing|Previous|Prior|Many|Most|Current|Recent|While)\b")
# An improvement with its size: "by 7.6%", "improvement of 6.5 points", "3x faster". A bare
# "accuracy of 85%" is a result, not a gain.


def _num(tag: str) -> str:
    return (
        rf"(?P<num{tag}>\d+(?:\.\d+)?)\s?(?P<unit{tag}>%|\\%|x\b|×|times\b|-fold\b|points?\b|pp\b)"
    )


_GAIN = re.compile(
    r"\b(?:by|up to)\s+(?:about\s+|approximately\s+|nearly\s+|over\s+|roughly\s+)?"
    + _num("a")
    + r"|\b(?:improvements?|gains?|increases?|reductions?|boosts?|speed-?ups?|decreases?)\s+"
    r"(?:of\s+)?(?:up to\s+|about\s+|approximately\s+|nearly\s+|over\s+)?"
    + _num("b")
    + r"|"
    + _num("c")
    + r"\s+(?:faster|speed-?up|fewer|less|lower|higher|improvement|gain|reduction|better|"
    r"smaller|cheaper|more efficient|drop|decline|degradation|worse)"
    r"|\b(?:drops?|declines?|degradations?)\s+(?:of\s+|by\s+)?(?:up to\s+|about\s+|over\s+)?"
    + _num("d"),
    re.IGNORECASE,
)
_GAIN_CUE = re.compile(
    r"\b(?:improv|outperform|surpass|gain|increas|boost|reduc|faster|speed|lower|higher|"
    r"better|exceed|decreas|cut|fewer|less|drop|declin|degrad|deteriorat|worse)\w*",
    re.IGNORECASE,
)
# Which way a reported change goes (:func:`direction`). Some words say it alone ("improves",
# "drops"); "reduces"/"increases" say it with what they change: a reduction of accuracy is a
# drop, of latency a gain.
_BETTER = re.compile(
    r"\b(?:improv|outperform|surpass|boost|better|speed-?up|faster|gain|exceed|enhanc|beat)\w*",
    re.I,
)
_WORSE = re.compile(
    r"\b(?:drop|degrad|declin|deteriorat|worse|plummet|collaps|sacrific|harm|hurt|impair)\w*"
    r"|\b(?:fell|falls?|fall(?:ing)?)\b",
    re.I,
)
_DOWN = re.compile(
    r"\b(?:decreas|reduc|lower|fewer|less|cut|shrink|diminish|mitigat|alleviat|suppress)\w*",
    re.I,
)
_UP = re.compile(r"\b(?:increas|higher|more|rais|grow|ris(?:e|es|ing)|rose)\w*", re.I)
# metrics where more is better, and where less is better
_GOOD = re.compile(
    r"\b(?:accura|performance|F1|scores?\b|success|precision|recall|AUC|BLEU|ROUGE|mIoU|mAP|"
    r"PSNR|SSIM|quality|robustness|win rate|reward|throughput|fidelity|correctness|reliability|"
    r"coherence|utility|effectiveness|capabilit)\w*",
    re.I,
)
_BAD = re.compile(
    r"\b(?:error|latency|cost|memory|time|hallucination|FLOPs|parameter|WER|CER|FID|MAE|RMSE|"
    r"MSE|perplexity|energy|overhead|runtime|violation|toxicity|leakage|attack|jailbreak|"
    r"membership|bias|size|tokens)\w*",
    re.I,
)
_DIRECTION = re.compile(
    "|".join(
        f"(?P<{name}>{rx.pattern})"
        for name, rx in (("better", _BETTER), ("worse", _WORSE), ("down", _DOWN), ("up", _UP))
    ),
    re.I,
)
_CLAUSE_END = re.compile(r"[;,(]|\s(?:while|whereas|but|and|with)\s", re.I)
WINDOW_WORDS = 10
# A reported result: a percentage or score next to a measurement word.
_RESULT = re.compile(
    r"\b(?:achiev|obtain|reach|attain|scor|accura|precision|recall|F1|dice|AUC|mIoU|PSNR|BLEU|"
    r"success rate|win rate)\w*[^.;]{0,60}?\d+(?:\.\d+)?\s?(?:%|\\%)",
    re.IGNORECASE,
)
_NAME = re.compile(r"^[A-Z][A-Za-z0-9]*[A-Z0-9][A-Za-z0-9\-]*$|^[A-Za-z]+[0-9][A-Za-z0-9\-]*$")
MAX_SPAN_WORDS = 22


@dataclass(frozen=True)
class Gain:
    value: float  # the number as written (7.6 for "7.6%")
    unit: str  # "%", "x", "points", ...
    span: str  # the copied English clause that states it
    kind: str = "gain"  # "gain": something got better by the number; "drop": worse


@dataclass
class Claims:
    paper_id: str
    links: list[str] = field(default_factory=list)
    code: bool = False  # code/data/models said to be released or available
    dataset: str | None = None  # copied span announcing a new dataset/benchmark
    dataset_name: str | None = None
    sota: str | None = None  # copied span claiming state of the art
    gains: list[Gain] = field(default_factory=list)  # improvements, largest first
    drops: list[Gain] = field(default_factory=list)  # degradations, largest first
    result: str | None = None  # copied span reporting a measured figure

    @property
    def code_links(self) -> list[str]:
        return [u for u in self.links if _CODE_HOST.search(u)]

    @property
    def empty(self) -> bool:
        return not (
            self.links
            or self.code
            or self.dataset
            or self.sota
            or self.gains
            or self.drops
            or self.result
        )


def sentences(text: str) -> list[str]:
    """The sentences of an abstract; a sentence neutralize() removed is a boundary, never
    part of a neighbour."""
    out = []
    for piece in " ".join(text.split()).split(REMOVED):
        out += [s.strip() for s in _SENT.split(piece) if len(s.strip(" .")) > 1]
    return out


def clause(sentence: str, start: int, end: int, words: int = MAX_SPAN_WORDS) -> str:
    """A verbatim piece of ``sentence`` around [start, end): the clause holding it (cut at
    ; : or ", while/whereas"), at most ``words`` words, never a half word; "…" marks a cut."""
    left = max(sentence.rfind(sep, 0, start) for sep in ("; ", ": ", ", while ", ", whereas "))
    lo = 0 if left < 0 else left + 2
    rights = [i for sep in ("; ", ": ") if (i := sentence.find(sep, end)) >= 0]
    hi = min(rights) if rights else len(sentence)
    piece = sentence[lo:hi].strip().rstrip(".;,")
    toks = piece.split()
    if len(toks) <= words:
        return piece
    # keep the words around the match: up to half the budget before it
    before = len(sentence[lo:start].split())
    first = max(0, min(before - words // 2, len(toks) - words))
    cut = " ".join(toks[first : first + words]).rstrip(".;,")
    return ("…" if first else "") + cut + ("…" if first + words < len(toks) else "")


def readable(span: str) -> str:
    """A copied span with TeX escapes a reader should not see: \\% -> %, $2\\times$ -> 2x
    (x, not ×: the gate reads "2x" as the number 2). Numbers and words stay as written."""
    span = span.replace("\\%", "%").replace("\\times", "x").replace("$", "")
    return re.sub(r"\\(?:textbf|emph|textit)\{([^}]*)\}", r"\1", span)


def _clean_url(url: str) -> str:
    return url.rstrip(".,;:)]}'\"").removesuffix("\\")


def direction(sentence: str, start: int, end: int) -> str:
    """ "gain" or "drop" for the change reported at [start, end) of ``sentence``.

    The word that says which way is the one in the match ("a 12% drop", "20 times fewer"),
    else the nearest before it in its clause (up to WINDOW_WORDS, from the last comma,
    "while", "and", …), else the first after it. A worsening word ("drops", "degrades") is a
    drop unless a reducing word comes before it ("reduces the accuracy drop by 20%"); a
    bettering word ("improves", "outperforms") a gain; a reducing word ("reduce", "fewer") is a
    drop only for a more-is-better metric alone in the clause ("reduce LLM accuracy by up to
    17.9%"), an increasing one only for a less-is-better metric ("latency increases by 30%").
    No such word: a gain, as before this rule."""
    before = sentence[:start]
    cut = max((m.end() for m in _CLAUSE_END.finditer(before)), default=0)
    before = " ".join(before[cut:].split()[-WINDOW_WORDS:])
    after = sentence[end:]
    stop = _CLAUSE_END.search(after)
    after = " ".join(after[: stop.start() if stop else len(after)].split()[:6])
    own = sentence[start:end]
    context = f"{before} {own} {after}"
    good, bad = _GOOD.search(context), _BAD.search(context)
    in_before = list(_DIRECTION.finditer(before))
    word = next(_DIRECTION.finditer(own), None)
    if word is None and in_before:
        word = in_before[-1]
        before = before[: word.start()]  # what comes before that word
    word = word or next(_DIRECTION.finditer(after), None)
    if word is None:
        return "gain"
    kind = word.lastgroup
    if kind == "worse":
        return "gain" if _DOWN.search(before) else "drop"
    if kind == "down":
        return "drop" if good and not bad else "gain"
    if kind == "up":
        return "drop" if bad and not good else "gain"
    return "gain"


def _dataset(sentence: str) -> re.Match | None:
    """The first "we introduce … dataset" in ``sentence`` whose noun is the verb's object."""
    for m in _DATASET.finditer(sentence):
        words = {w.strip(",:()\"'").lower() for w in m["rest"].split()}
        if not words & _NOT_OBJECT and "based on" not in m["rest"].lower():
            return m
    return None


def extract(paper_id: str, abstract: str, comment: str | None = None) -> Claims:
    """The claims of one paper (see the module docstring)."""
    text = neutralize(abstract)
    out = Claims(paper_id)
    for raw in _URL.findall(" ".join([text, comment or ""])):
        url = _clean_url(raw)
        if len(url) > 8 and url not in out.links:
            out.links.append(url)
    gains: list[Gain] = []
    for s in sentences(text):
        if _RELEASE.search(s) or (out.links and re.search(r"\bavailable\b", s, re.I)):
            out.code = True
        m = _dataset(s)
        if m and out.dataset is None:
            out.dataset = clause(s, m.start(), m.end())
            out.dataset_name = next(
                (
                    w.strip(",.:;()\"'")
                    for w in m["rest"].split()
                    if _NAME.match(w.strip(",.:;()\"'"))
                ),
                None,
            )
        if (
            out.sota is None
            and (sm := _SOTA.search(s))
            and _SOTA_VERB.search(s)
            and not _OTHERS.match(s)
        ):
            out.sota = clause(s, sm.start(), sm.end())
        if _GAIN_CUE.search(s):
            for g in _GAIN.finditer(s):
                if re.match(r"\s+of\b", s[g.end() :]):
                    continue  # "retains up to 98% of the quality": a share, not a gain
                tag = next(t for t in "abcd" if g[f"num{t}"])
                num, unit = g[f"num{tag}"], g[f"unit{tag}"]
                unit = unit.replace("\\%", "%").lower()
                kind = direction(s, g.start(), g.end())
                gains.append(Gain(float(num), unit, clause(s, g.start(), g.end()), kind))
        if out.result is None and (r := _RESULT.search(s)):
            out.result = clause(s, r.start(), r.end())
    gains.sort(key=lambda g: -g.value)
    out.gains = [g for g in gains if g.kind == "gain"]
    out.drops = [g for g in gains if g.kind == "drop"]
    return out
