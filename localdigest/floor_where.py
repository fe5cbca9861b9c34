"""The last reading of where a paper is evaluated: names after "on"/"across" in any sentence
of the authors' own evaluation or result, whatever words stand between ("on the widely-used
ScanQA and SQA benchmarks", "On MultimodalQA validation set, VLMT-Large achieves ...",
"an IDF1 of 96.1% on Wildtrack dataset, and 85.7% on MultiviewX dataset").

Read blind, lines that said where a paper is evaluated were rated 2 four times in five, lines
that said only that it beats earlier methods one time in four (bench/ratings rounds 1-41);
the five stricter readings in floor_eval.py miss most result sentences whose names follow an
adjective, a task word or a score. This reading is the widest, so it asks the most of each
name: it reads as a benchmark's name (an inner capital, digits, an acronym, or a plain word
before "dataset"), it is no model, hardware or metric, and the words before "on" do not say
the data was trained on or run on.
"""

from __future__ import annotations

import re

from .contribution import sentences
from .floor_count import eval_count
from .floor_eval import (
    _BENCH_NAME,
    _KINDS_SAID,
    _LIST_GOES_ON,
    _METRIC_NAMES,
    _NOT_A_NAME,
    _NOT_BENCH,
    _OUR_EVAL,
    _RELEASE,
    _a_kind,
    _at_most_three,
    _data_elsewhere,
    _not_own,
    _prior,
    _split_names,
    eval_names,
)
from .korean import _is_name

_KIND = (
    r"(?:benchmarks?|datasets?|data\s?sets?|(?:test|validation|evaluation|dev)\s+(?:sets?|"
    r"splits?)|splits?|environments?|suites?|databases?|corpus|corpora|challenges?|"
    r"leaderboards?)"
)
# "on|across", at most four describing words, the names, perhaps their kind; the list ends
# where a clause, a comparison or a setting begins
_ON = re.compile(
    r"\b(?:[Oo]n|[Aa]cross)\s+(?:(?:the|a|an|both|all|our|its|two|three|four|five)\s+)?"
    r"(?P<mods>(?:(?!(?:and|or|with|by|for|to|of|than|which|that|in|at|on|from|as|its|"
    r"their|top|average|behalf)\b)[a-z][\w-]*\s+){0,4}?)"
    rf"(?P<names>{_BENCH_NAME}(?:\s*,\s*(?:and\s+)?{_BENCH_NAME}|\s+and\s+{_BENCH_NAME}){{0,4}})"
    # "the MVTec anomaly detection dataset": a few words of what the data is, then its kind
    # "the BOBSL (BSL) dataset": an abbreviation in parentheses before the kind
    rf"(?P<kind>(?:\s+\([A-Z][\w-]*\))?(?:\s+(?!(?:and|or|with|by|for|on|in|of|to)\b)[a-z][\w-]*){{0,3}}?"
    rf"\s+(?:dataset|benchmark|corpus)\b|\s+{_KIND}\b)?"
    # "(vision)": an aside after the name, no score in it
    r"(?=\s*(?:[,;)]|\.(?!\w)|$)|\s+\([^()\d]*\)(?=\s*(?:[,;.]|$)|\s+(?:and|show|demonstrat))|\s+(?:and|with|by|while|compared|respectively|show\w*|"
    r"demonstrat\w*|reveal\w*|indicat\w*|confirm\w*|verif\w*|validat\w*|highlight\w*|prov\w*|"
    r"suggest\w*|under|when|against|relative|versus|vs\.?|outperform\w*|surpass\w*|"
    r"achiev\w*|establish\w*|set|sets|yield\w*|reach\w*|attain\w*|obtain\w*)\b)"
)
# "on the challenging glacier segmentation benchmark dataset CaFFe": the kind, then the name
_KIND_THEN_NAME = re.compile(
    r"\b(?:[Oo]n|[Aa]cross)\s+(?:the\s+)?(?P<mods>(?:[a-z][\w-]*\s+){0,4}?)"
    r"(?:benchmark|dataset)(?:\s+dataset)?\s+"
    rf"(?P<names>{_BENCH_NAME})(?P<kind>)"
    r"(?=\s*(?:[,;)]|\.(?!\w)|$)|\s+(?:and|with|by|while|compared|show\w*|demonstrat\w*))"
)
# "on benchmarks (AIME24, AIME25, GPQA-D)", "on popular benchmarks (HumanEval, MBPP, and
# BigCodeBench)": the kind, then its names in parentheses
_KIND_PARENS = re.compile(
    r"\b(?:[Oo]n|[Aa]cross)\s+(?:the\s+|a\s+|an\s+)?(?P<mods>(?:[\w-]+\s+){0,5}?)"
    r"(?:benchmarks?|datasets?)(?:\s+datasets?)?\s*\(\s*(?P<ex>e\.g\.,?\s*|i\.e\.,?\s*|including\s+)?"
    rf"(?P<names>{_BENCH_NAME}(?:\s*,\s*(?:and\s+)?{_BENCH_NAME}|\s+and\s+{_BENCH_NAME}){{0,6}})"
    r"\s*\)"
)
# whose result: the authors speak, the sentence opens with their experiments, or it names
# their method (a variant too: "TaylorSeg-PN" is TaylorSeg's)
_RESULT_WORD = re.compile(
    r"\b(?:achiev\w*|outperform\w*|surpass\w*|improv\w*|obtain\w*|attain\w*|reach\w*|"
    r"scor\w*|state-of-the-art|SOTA|gains?|evaluat\w*|experiment\w*|tested|results?|"
    r"performance|accuracy|benchmark\w*)\b",
    re.IGNORECASE,
)
# the data is what something was trained, built or run on, not what it is tested on
_NOT_TESTED = re.compile(
    r"\b(?:train\w*|pre-?train\w*|fine-?tun\w*|learn\w*|distill\w*|built|based|buil\w*|"
    r"rel(?:y|ies|ying)|depend\w*|focus\w*|run\w*|deploy\w*|implement\w*|condition\w*|"
    r"instantiat\w*|appl\w*|curat\w*|collect\w*|derived|sourced|construct\w*|draw\w*|"
    r"sampl\w*|extend\w*|built)\s+(?:[\w-]+\s+|\([^()]*\)\s+){0,3}$",
    re.IGNORECASE,
)
# hardware, toolkits and model families "on" also precedes; "7B": a model's size
_NOT_DATA = re.compile(
    r"(?:NVIDIA|A100|H100|H200|V100|RTX|Jetson|Raspberry|Intel|AMD|Apple|Xeon|Snapdragon|"
    r"GT|arXiv|U\.S|U\.K|TensorRT|CUDA|PyTorch|Android|iOS|Linux|Windows|Mistral|Mixtral|Vicuna|OPT|Pythia|"
    r"Falcon|OLMo|InternLM|Baichuan|ChatGLM|GLM|MiniCPM|SmolLM|Stable|SDXL|SD\d|FLUX|DINO\w*|"
    r"Whisper|wav2vec\w*|HuBERT|ViT|Swin|ConvNeXt|EfficientNet|MobileNet|DeiT|LLaVA\w*|"
    r"BLIP\w*|Kimi|Grok|o1|o3|o4|R1|COVID\w*|SARS\w*|AI|ML|LLM\w*|VLM\w*)(?![A-Za-z])"
    r"|.*\b\d+(?:\.\d+)?[BMK]\b|.*-based$"
)


# the list goes on in words that are no names: the names were modifiers of a noun
_LIST_RUNS_ON = re.compile(
    rf"(?:(?:\s*,\s*(?:and\s+)?|\s+and\s+){_BENCH_NAME})+"
    r"\s+(?!(?:datasets?|benchmarks?)\b)[a-z][\w-]*\b(?<!ing)(?<!ed)"
    r"|\s*,?\s+and\s+(?!(?:the|our|a|an|achiev\w*|outperform\w*|surpass\w*|show\w*|"
    r"demonstrat\w*|reach\w*|obtain\w*|improv\w*|reduc\w*|yield\w*|set\w*|establish\w*|"
    r"significantly|consistently|\d)\b)[a-z]"
)


# "on LLaDA and Dream models", "across DiT and U-Net architectures": what the names are
_NOT_DATA_AFTER = re.compile(
    r"\s*,?\s+and\s+(?:[\w-]+\s+){0,4}?(?:models?|architectures?|backbones?|famil(?:y|ies)|"
    r"modalit(?:y|ies)|domains?|settings?|scenarios?|variants?|networks?|encoders?|LLMs?|"
    r"VLMs?|methods?|baselines?|frameworks?)\b"
)


_SUBJECT_VERB = re.compile(
    r"\s+(?:\w+ly\s+)?(?:achiev|outperform|surpass|show|demonstrat|reach|obtain|yield|"
    r"establish|improv|reduc|attain|set)\w*\b"
)


def _ours(before: str, own: tuple[str, ...]) -> bool:
    """The sentence reports the authors' own evaluation or result."""
    if _OUR_EVAL.search(before) or re.search(
        r"\b(?:we|our|ours|the proposed|this (?:method|model|approach|framework|system))\b",
        before,
        re.IGNORECASE,
    ):
        return True
    return any(
        n and re.search(rf"(?<![\w-]){re.escape(n)}(?:-[\w.]+)?(?![\w-])", before) for n in own
    )


def _data_names(names: list[str], kind: str) -> bool:
    """Each name reads as a benchmark's: strong (inner capital, digits, an acronym) or, before
    "dataset"/"benchmark", a capitalized word beside a strong one or the only name."""
    strong = [
        n
        for n in names
        if _is_name(n.split()[0]) or len(n.split()[0]) > 1 and n.split()[0].isupper()
    ]
    if not strong and not kind:
        return False
    for n in names:
        first = n.split()[0]
        if (
            re.fullmatch(r"[A-Z]+s", n)
            or _NOT_BENCH.match(n)
            or _NOT_DATA.match(n)
            or _METRIC_NAMES.fullmatch(n)
            or re.search(r"mAP|mIoU|AUROC|AUC|F1|@", n)
            or _NOT_A_NAME.fullmatch(first)
        ):
            return False
    if kind and re.search(r"s\b", kind) and len(names) == 1 and _a_kind(names[0]):
        return False  # "on SAR datasets": a kind of data
    return True


def named_on(abstract: str, own: tuple[str, ...] = ()) -> list[str]:
    """The names after "on"/"across" in the first sentence of the authors' own evaluation
    or result that has any; all such names of that sentence, at most three, 등 when the
    abstract names more data than the names read."""
    found = sentences(abstract)
    for k, sentence in enumerate(found):
        if k == 0 or _RELEASE.search(sentence) or not _RESULT_WORD.search(sentence):
            continue  # the opening sentence is the field's, not the paper's evaluation
        # "VideoMME (+0.9), MVBench (+1.0)": a score beside each name is left out for reading
        plain = re.sub(r"\s*\([^()]*\d[^()]*\)", "", sentence)
        names: list[str] = []
        spans: list[tuple[int, int]] = []
        dropped = False
        matches = sorted(
            [*_ON.finditer(plain), *_KIND_THEN_NAME.finditer(plain)], key=lambda x: x.start()
        )
        for m in matches:
            if not _ours_here(m, plain, found[k - 1], own):
                continue
            listed, more = _read_names(m, plain)
            dropped = dropped or more
            if listed:
                names += [n for n in listed if n not in names]
                spans.append(m.span())
        for m in _KIND_PARENS.finditer(sentence):
            if names or not _ours_here(m, sentence, found[k - 1], own):
                continue
            listed = [n.rstrip(".") for n in _split_names(m.group("names"))]
            if re.search(r"\b(?:other|their|such|prior|previous|existing)\b", m.group("mods")):
                continue  # "on other recognized benchmarks (...)": someone else's
            if _data_names(listed, "datasets") and not any(
                re.fullmatch(r"[A-Z]{1,2}|(?:Figure|Fig|Table|Track|Section|Appendix|Eq)\b.*", n)
                for n in listed
            ):  # "(Figure 1)", "(Track 3)": a pointer into the paper, no data
                kept = _not_own(listed, own)
                if kept:
                    # "(e.g., GSM8K, MATH)": examples of the data, so the line says 등
                    return _at_most_three(kept, more=(m.group("ex") or "").startswith("e"))
        kept = _not_own(names, own)
        if kept:
            return _at_most_three(kept, more=dropped or _more(found, k, plain, spans))
    return []


def _ours_here(m: re.Match, plain: str, previous: str, own: tuple[str, ...]) -> bool:
    """The names ``m`` read are where the authors evaluate: not inside an aside, not earlier
    work's nor data trained on, and the authors (or their method) are the sentence's subject."""
    before = plain[: m.start()]
    if before.count("(") > before.count(")"):
        return False  # "(e.g., ... attack on MERaLiON)": an example inside parentheses
    if _prior(before) or _NOT_TESTED.search(before):
        return False
    # "On MultimodalQA validation set, VLMT-Large achieves ...": the subject follows
    subject = before if before.strip() else plain[m.end() :].split(",", 1)[-1]
    # "SASQ surpasses ... . On LLaMA2-7B, it achieves ... on WikiText2": "it" is the method
    # when the sentence before speaks of it
    it = _ours(previous, own) and re.match(r"\s*(?:[^,]*,\s*)?it\s", subject)
    # "Through experiments on ... CaFFe, we show that ...": the authors speak after it
    after_we = re.match(r"[^,.;]*,\s*(?:we|our)\b", plain[m.end() :], re.IGNORECASE)
    return bool(_ours(subject, own) or it or after_we)


def _read_names(m: re.Match, plain: str) -> tuple[list[str], bool]:
    """The benchmark names ``m`` holds (none when they are no benchmark's), and whether the
    abstract's list goes on past what the reading can take (the line then says 등)."""
    mods = m.group("mods")
    if re.search(r"\b(?:other|their|such)\b", mods):
        return [], False  # "on other datasets": someone else's data
    if re.search(r"\b(?:datasets|benchmarks|tasks|settings|models|data)\b", mods):
        return [], False  # "on multiple datasets containing unseen GAN ...": no data's name
    listed = [n.rstrip(".") for n in _split_names(m.group("names"))]
    if (
        len(listed) > 1
        and re.search(r",\s*[^,\s]+$", m.group("names"))
        and not re.search(r"\band\s+\S+$", m.group("names"))
        and _SUBJECT_VERB.match(plain[m.end() :])
    ):
        listed = listed[:-1]  # "on InnovatorBench, Apollo achieves": Apollo is the subject
    kind = (m.group("kind") or "").strip()
    if len(listed) == 1 and re.search(r"(?:s|corpora)$", kind):
        return [], False  # "on multiple ReID benchmarks": one name before a plural is a kind
    if re.match(r"\s*(?:[Oo]n|[Aa]cross)\s+an?\s", m.group(0)) or (
        mods and all(_a_kind(n) for n in listed) and not kind.startswith("(")
    ):
        return [], False  # "on a large-scale CXR dataset", "the latest RGB-D VOS benchmark"
    more = False
    runs_on = not kind and _LIST_RUNS_ON.match(plain[m.end() :])
    if runs_on:
        # "across CT and MR modalities", "on sEEG and spoken transcripts": the names modify a
        # noun; "on WebArena and real-world websites": a name, then more data
        if not (
            runs_on.group(0).lstrip(" ,").startswith("and")
            and not _NOT_DATA_AFTER.match(plain[m.end() :][:80])
            and all(n[0].isupper() and _is_name(n) and not _a_kind(n) for n in listed)
        ):
            return [], False
        more = True
    if not kind and any(re.fullmatch(r"[A-Z]{1,2}", n) for n in listed):
        return [], False  # "the proposed CANet on CD": two capitals alone name a task
    if not _data_names(listed, kind):
        # "55.0 on Codeforces and 77.3 on GPQA": a name the reading cannot take leaves the line
        # open (등); a model or hardware ("On LLaMA2-7B, it ...") is no data
        return [], more or not any(_NOT_BENCH.match(n) or _NOT_DATA.match(n) for n in listed)
    return listed, more


def _more(found: list[str], k: int, plain: str, spans: list[tuple[int, int]]) -> bool:
    """The abstract names more data than the names read: the list goes on past the last,
    the sentence speaks of data outside the names, or another sentence of the authors'
    evaluation does ("across multiple reasoning benchmarks")."""
    # "On MultimodalQA validation set, VLMT-Large ...": after a leading list, the subject
    after = re.sub(r"^\s+\([^()]*\)", "", plain[spans[-1][1] :])  # "HotpotQA (text), ..."
    if spans[-1][0] > 0 and (
        re.match(_LIST_GOES_ON, after) or re.match(r"\s+and\s+(?![a-z])[^\s\x00-\x7f]", after)
    ):  # "MultiWOZ 2.4 and τ-Bench": a name the reading cannot take
        return True
    outside = plain
    for a, b in spans:  # the names' own kind words ("the KITTI dataset") are no more data
        outside = outside[:a] + " " * (b - a) + outside[b:]
    if _KINDS_SAID.search(outside):
        return True
    return _data_elsewhere(found, found[k])


def where_evaluated(abstract: str, own: tuple[str, ...] = ()) -> list[str]:
    """The benchmarks a paper is evaluated on: the strict readings first (floor_eval.py);
    this wide one only where the abstract gives no count of them either (a count says more
    than the one or two names a result sentence happens to carry)."""
    return eval_names(abstract, own) or ([] if eval_count(abstract) else named_on(abstract, own))
