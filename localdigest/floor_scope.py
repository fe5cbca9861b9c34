"""Whether a figure an abstract gives is the line's to say: the figure's setting, its rival and
its subject.

"On easy tasks, CODA reduces token costs by over 60%" is one setting's figure; "a 3.9x speedup
over FlashAttention" is said with its one rival ("FlashAttention 대비"); "task-matched BM25
retrieval achieves 58%" is another system's. floor_detail.py finds a figure's shape; these
functions say whether the line may carry it, and where it holds.
"""

from __future__ import annotations

import re

from .korean import _is_name

# Metric names copied as they are; any other name before "by N%" is a system, not a metric
_METRIC_NAMES = re.compile(
    r"(?:F1|F-?score|mAP|AP\d*|AUC|AUROC|BLEU|ROUGE(?:-\w+)?|PSNR|SSIM|LPIPS|FID|IoU|mIoU|"
    r"Dice|EM|WER|CER|NDCG(?:@\d+)?|MRR|[Rr]ecall@\d+|[Hh]it@\d+|ASR|FPS|MAE|RMSE|MSE|"
    # detection, tracking, motion, speech, video, captioning and agreement scores
    r"NDS|HOTA|MOTA|IDF1|ADE|FDE|EPE|ATE|STOI|SI-SDR|SDR|SNR|SRCC|PLCC|KID|FVD|AUPRC|mAcc|"
    r"CIDEr|METEOR|chrF|BERTScore|MAPE|PESQ|EER|NMSE)(?:-\w+)?",
)


# the rest of the clause names a setting the figure holds in ("with RL-based trackers", "when
# combined with INT4", "from easy to medium"): said nowhere, so no figure
_SETTING = re.compile(
    r"\b(?:with|using|when|if|combined|only|from)\b(?!\s+(?:only\s+)?(?:an?\s+)?(?:little|"
    r"negligible|minimal|no|comparable|similar|fewer|less|modest|marginal|minor|slight)\b)",
    re.IGNORECASE,
)
_RIVAL = re.compile(
    r"\b(?:than|compared (?:to|with)|relative to|versus|vs\.?|over)\s+(?P<rival>.*)"
)


_GENERIC_RIVAL = re.compile(
    r"(?:the\s+)?(?:(?:state-of-the-art|sota|existing|prior|previous|best|strong|leading|current|"
    r"conventional|traditional|standard|base|original|vanilla|competing|other)\b|baselines?\b)",
    re.IGNORECASE,
)


def _condition(after: str) -> tuple[bool, str]:
    """Whether the clause after the figure narrows it to a setting the line would drop ("with
    RL-based trackers", "across five models on the SIUO benchmark"), and the one system it is
    measured against when the clause names exactly one ("a 3.9x speedup over FlashAttention")."""
    clause = re.split(r"[,;(]|\.(?!\d)|\s(?:while|whereas|and)\s", after)[0]
    if re.search(r"\s(?:on|in)\s+(?:the\s+)?(?-i:[A-Z])", clause[1:]) and not re.match(
        r"\s+(?:on|in)\s", clause
    ):
        return True, ""  # "by 43.59% across five models on the SIUO benchmark": one benchmark
    rival = _RIVAL.search(clause)
    named = ""
    if rival and not _GENERIC_RIVAL.match(rival.group("rival")):
        found = _A_NAME.findall(rival.group("rival"))
        one = re.fullmatch(rf"(?:the\s+)?({_A_NAME.pattern})\s*", rival.group("rival"))
        if found and not one:
            return True, ""  # "over CT2Rep, CT-CHAT, and Merlin", "than the FP8 Matmul used in"
        named = one.group(1) if one else ""
        rest = after[after.index(clause) + len(clause) :] if named else ""
        if re.match(rf"\s*(?:,|and|or)\s*(?:and\s+|or\s+)?(?:the\s+)?{_A_NAME.pattern}", rest):
            return True, ""  # "over CT2Rep, CT-CHAT, and Merlin": one of several
    return bool(_SETTING.search(clause[: rival.start()] if rival else clause)), named


# a system's name: CamelCase, letters with digits, or capitals ("SpaCKLE", "GLA", "BM25")
_A_NAME = re.compile(r"\b(?:[A-Z][a-z]*[A-Z][\w-]*|[A-Za-z]+[\w-]*\d[\w-]*|[A-Z]{2,}[\w-]*)\b")


_HEDGE_BEFORE = re.compile(
    r"(?:up to|over|more than|nearly|almost|about|approximately|around|roughly|at least|"
    r"at most|less than|under|below|within|[~≈<>≤≥])\s*(?:an?\s+)?[+\-]?\s*$"
    # "on LLaVA-1.5-7B with 88.9% token reduction": the figure of one named setting
    rf"|\b(?:on|for|in)\s+(?:the\s+)?{_A_NAME.pattern}\s+with\s+(?:an?\s+)?$"
    # "an additional 23.5% reduction": on top of a figure the line does not give
    r"|\b(?:additional|further|extra)\s+$"
    # "up to 4.5% Dice and 4.0% IoU": the second of a list shares the first one's words
    r"|\d\s*(?:%|x|×)?(?:\s+[\w-]+){0,2}\s*(?:,|and)\s*(?:by\s+)?$",
    re.IGNORECASE,
)


# "In particular, ...", "especially": the figure is one highlighted case
_HIGHLIGHT = re.compile(
    r"\b(?:especially|particularly|in particular|including|e\.g\.)\b", re.IGNORECASE
)
# "On the EgoSchema dataset, it achieves", "when combined with INT4, X achieves": a setting first
_LEAD_SETTING = re.compile(
    r"^\s*(?:(?:additionally|moreover|furthermore|further|also|finally|notably|specifically|"
    r"overall|importantly|empirically|experimentally),?\s+)?"
    r"(?!(?:in|on)\s+(?:particular|addition|summary|short|practice|contrast|average|this|"
    r"these|our|experiments?|extensive|comprehensive)\b)"
    r"(?:on|for|in|under|with|using|at|across)\s+[^,]{3,80},",
    re.IGNORECASE,
)


_NARROW_UNDER = re.compile(
    r"\bunder\s+(?:limited|low|scarce|few|noisy|sparse|extreme|severe)\b", re.IGNORECASE
)


def _setting_before(before: str) -> str | None:
    """The benchmark a leading setting names ("On the ImageNet-1k dataset, our method ..." ->
    "ImageNet-1k"), "" for none, or None when the words before the figure narrow it in a way
    the line would drop: a highlighted case, a condition, a setting that is no one benchmark
    ("on easy tasks, CODA reduces ...")."""
    if _HIGHLIGHT.search(before) or re.search(r"\b(?:when|if|combined with)\b", before, re.I):
        return None
    if re.search(
        r"\bunder\s+(?:limited|low|scarce|few|noisy|sparse|extreme|severe)\b", before, re.I
    ):
        return None  # "achieves the best results under limited training data, improving NDS by
        # 1.19%": the figure holds in that setting, which the line would drop
    lead = _LEAD_SETTING.match(re.split(r"[;:]", before)[-1])
    if not lead:
        return ""
    words = re.findall(r"[\w.-]+", lead.group(0))[1:]
    named = [w for w in words if _A_NAME.fullmatch(w)]
    rest = [w for w in words if w not in named and not _BENCH_WORDS.fullmatch(w.lower())]
    return named[0] if len(named) == 1 and not rest else None


_BENCH_WORDS = re.compile(
    r"the|well-known|widely-used|popular|standard|public|challenging|large-scale|dataset|"
    r"benchmark|test|set|split"
)


def _unsaid_hedge(before: str, m: re.Match) -> bool:
    """A hedge stands before the number that the match did not read ("up to +13%", "up to
    approximately 2x"): the figure alone would say more than the paper."""
    start = m.start("upto") if m.groupdict().get("upto") else len(before)
    return bool(_HEDGE_BEFORE.search(before[:start]))


_NOT_SUBJECT = r"(?:with|on|in|of|for|at|by|to|from|an?|the|and|or|using|via|across|under)\b"


def _someone_else(before: str, names: tuple[str, ...]) -> bool:
    """The figure's subject is a system the line does not name ("task-matched BM25 retrieval
    achieves 58%", "the GLA kernel is up to 2x faster"), or the sentence introduces another of
    the paper's parts ("we present SAT, which reduces ...")."""
    own = [n.lower() for n in names if n]

    def ours(name: str) -> bool:
        return any(name.lower() in n or n in name.lower() for n in own)

    subject = re.search(
        rf"({_A_NAME.pattern})((?:\s+(?!{_NOT_SUBJECT})[a-z][\w-]*){{0,2}})"
        r"(?:\s+(?:\w+ly\s+)?(?:achiev|reach|attain|obtain|deliver|yield|is|are|was|were|runs?)\w*)?"
        r"\s*$",
        before,
    )
    if subject and not ours(subject.group(1)) and not _METRIC_NAMES.fullmatch(subject.group(1)):
        return True
    segment = re.split(r"[;:]", before)[-1]
    first = re.match(rf"\s*({_A_NAME.pattern}),\s*(?:[a-z]+ing\b.*)?$", segment)
    if first and not ours(first.group(1)):
        return True  # "We adapt two LLMs: Mistral-7b, reducing ... by 25%": that one model
    new = re.search(
        r"\b(?:present|propose|introduce)s?\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,4}?"
        r"\(?([A-Z][\w-]*[A-Z][\w-]*)\)?",
        before,
    )
    return bool(new and not ours(new.group(1)))


def _scope(after: str) -> str | None:
    """Where a gain holds, when the words after it say: "" (nowhere narrower), a benchmark's
    name ("on LCR-1000" -> "LCR-1000"), or None for a subset the line cannot name ("on the
    most challenging problems", "for long inputs")."""
    m = re.match(
        r"\s+(?:on|in|for|when|under|at|among|within)\s+(?:the\s+)?(\S+(?:\s+(?-i:[A-Z0-9])[\w.-]*)*)",
        after,
    )
    if not m or re.match(
        r"\s+on average\b|\s+in (?:terms of|both|all|comparison)\b|"
        r"\s+on (?:the\s+)?(?:test|testing|held-out|evaluation|validation)\b",
        after,
    ):
        return ""
    word = m.group(1).strip(",.;:")
    return word if _is_name(word) or word.isupper() else None
