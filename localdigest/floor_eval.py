"""Where the floor says a paper is evaluated and how widely: the benchmarks it names, how
many it counts, the named systems it says it beats. Each is read from a sentence about the
paper's own method and dropped when the sentence leaves the count or the list unsure."""

from __future__ import annotations

import re

from .contribution import sentences
from .floor_count import _NUMBER_WORDS, _TRAINED_ON, count_of, eval_count
from .floor_detail import _about_ours
from .korean import _is_name

# --- where: the benchmarks the paper is evaluated on ----------------------------------------

_EVAL_ON = re.compile(
    r"\b(?:experiments?|evaluations?|results?|tests?|studies)\s+(?:conducted\s+|performed\s+)?"
    r"(?:on|across)\s+(?:the\s+)?(?:(?:several|multiple|three|four|five|two|six|public|"
    r"benchmark|challenging|widely[- ]used|standard|popular|real-world)\s+){0,3}"
    r"(?:(?:datasets?|benchmarks?)\s*,?\s*(?:including\s+|such as\s+|namely\s+)?)?"
    r"(?P<names>(?:[A-Z][\w\-.]*[\w](?:\s*,\s*(?:and\s+)?|\s+and\s+)?)+)"
    r"(?P<after>\s*(?:benchmark\s+)?(?:datasets?|benchmarks?)?\s*(?:\)|,|\.(?!\w)|;|$|show|demonstrat|reveal|indicat|"
    # "Experiments on GSM8K across three models spanning ...": the setting follows the name
    r"confirm|verif|validat|highlight|prove|suggest|across\s+(?:\w+\s+){0,3}models\b))",
)


# "To date, most hallucination detection methods have been evaluated on radiology benchmarks
# such as MIMIC-CXR": where earlier work was evaluated, not this paper
_PRIOR = re.compile(
    r"\b(?:(?:have|has) been (?:evaluated|tested|validated|benchmarked)|to date|previously|"
    r"prior (?:work|studies|methods)|most (?:\w+ ){0,3}(?:methods|approaches|works|studies))\b",
    re.IGNORECASE,
)


def _prior(before: str) -> bool:
    """The evaluation the words before the names describe is earlier work's ("most ... methods
    have been evaluated on"), not ours ("Our approach has been evaluated on")."""
    return bool(_PRIOR.search(before)) and not re.search(
        r"\b(?:our|we|this (?:paper|work|study))\b", before, re.IGNORECASE
    )


_RELEASE = re.compile(r"\b(?:available|release[sd]?|github|hugging\s?face|code)\b", re.I)


# "Across four medical QA benchmarks (MedQA, MedMCQA, PubMedQA, MMLU-Med)": a count, then
# the names in parentheses
# or after a colon or "namely" ("from five diverse benchmarks: TimeQA v2, ..., and
# TruthfulQA.", "on three public X-ray inspection datasets, namely EDS, HiXray, and PIDray.")
_COUNTED_NAMES = re.compile(
    r"\b(?:[Oo]n|[Aa]cross|[Oo]ver|[Ff]rom|[Uu]sing)\s+"
    r"(?P<n>\d{1,2}|two|three|four|five|six|seven|eight)\s+"
    r"(?:[\w-]+\s+){0,4}?(?:benchmarks|datasets)"
    r"(?:\s*\((?P<names>[^()]{3,160})\)|(?:\s*:|,?\s+namely)\s+(?P<listed>[^:;()]{3,160}?)\.?$)"
)


_EVAL_WORD = re.compile(r"\b(?:evaluat\w*|experiment\w*|tested|benchmark(?:ed|ing))\b", re.I)


def _counted_name(name: str) -> bool:
    """One item of a counted list is a benchmark's name: its first word reads as a name, then
    at most three more capitalized words, numbers or versions ("HaluEval General", "MMLU Global
    Facts", "TimeQA v2"); the count, matched whole, says the list holds nothing else."""
    if re.fullmatch(_BENCH_NAME, name) and (_is_name(name.split()[0]) or name.split()[0].isupper()):
        return True
    words = name.split()
    return bool(
        re.fullmatch(r"[A-Z][\w\-.+&]*(?:\s+(?:[A-Z\d][\w\-.+&]*|v\d[\w.]*)){1,3}", name)
        and (_is_name(words[0]) or len(words[0]) > 1 and words[0].isupper())
    )


def _counted_in_parens(abstract: str, own: tuple[str, ...]) -> list[str]:
    """The names a counted list gives in parentheses, when there are as many as it counts
    and each is a name."""
    for sentence in sentences(abstract):
        m = _COUNTED_NAMES.search(sentence)
        if not m or _RELEASE.search(sentence) or _prior(sentence[: m.start()]):
            continue
        if re.match(r"(?:from|using)\b", m.group(0), re.I) and not _EVAL_WORD.search(sentence):
            continue  # "4,061 forged images from four public datasets (CORD, ...)": a source
        names = _split_names((m.group("names") or m.group("listed")).strip())
        if len(names) != count_of(m.group("n")) or not all(_counted_name(n) for n in names):
            continue
        return _at_most_three(_not_own(names, own))
    return []


def eval_names(abstract: str, own: tuple[str, ...] = ()) -> list[str]:
    """The named benchmarks an "experiments on A, B and C show ..." sentence gives, at most
    three; none when a name is followed by a noun ("experiments on SAR images")."""
    counted = _counted_in_parens(abstract, own)
    if counted:
        return counted
    for sentence in sentences(abstract):
        m = _EVAL_ON.search(sentence)
        if not m or _RELEASE.search(sentence) or _prior(sentence[: m.start("names")]):
            continue
        names = _split_names(m.group("names"))
        names = [n.rstrip(".") for n in names]
        if len(names) == 1 and names[0].isalpha() and names[0].isupper():
            continue  # "experiments on SAR datasets": a kind of data, not a benchmark's name
        counted = re.search(
            r"\b(?:multiple|several|various|\d+|two|three|four|five|six|seven|eight|nine|ten)\s+"
            r"(?:[\w-]+\s+){0,2}$",
            sentence[: m.start("names")],
        )
        if (
            len(names) == 1
            and counted
            and re.match(r"\s*(?:benchmark\s+)?(?:datasets|benchmarks)\b", m.group("after"))
        ):
            continue  # "evaluations on multiple ReID benchmarks": a kind, counted, not a name
        if any(re.fullmatch(r"(?:LLM|VLM|MLLM|LMM|LVLM|LRM)s?", n) for n in names):
            continue  # "(depending on used LLM)": a kind of model, no data
        if all((_is_name(n) or n.isupper()) and not re.fullmatch(r"[A-Z]+s", n) for n in names):
            return _at_most_three(_not_own(names, own))
    named = _named_elsewhere(abstract, own)
    # a count the abstract gives ("on three long-context benchmarks") says more than the one or
    # two names a result sentence happens to carry
    if named or eval_count(abstract):
        return named
    return (
        _named_in_results(abstract, own)
        or _named_before_kind(abstract, own)
        or _examples_of_kind(abstract, own)
    )


# "Evaluated on the MetalDAM benchmark", "We evaluate twenty LLMs on UrBLiMP", "Experiments on
# the MSD Task01 and BraTS 2021 datasets": a name may carry a year or a second word
# "nuScenes", "olmOCR-Bench": a name may start lower-case when a capital follows within
# three letters; its hyphenated parts then start upper-case or with a digit ("sCNN-predicted
# FODs" is no name)
_NAME_TOKEN = r"(?:[A-Z][\w\-.]*[\w]|[a-z]{1,3}[A-Z][\w.]*[\w](?:-[A-Z\d][\w.]*[\w])*)"
# "BFCL v3": a version after the name is part of it
_BENCH_NAME = (
    rf"{_NAME_TOKEN}(?:\s+&\s+[A-Z][\w\-]*)?"
    rf"(?:\s+(?:\d[\w.\-]*|v\d[\w.]*|[A-Z][\w\-]*\d[\w\-]*|[A-Z]{{2,}}[\w\-]*))?"
)
_EVAL_NAMED = re.compile(
    r"\b(?:[Ee]valuat\w*|[Tt]ested|[Ee]xperiments?|[Vv]alidat\w*|[Bb]enchmarked|[Rr]esults)\b"
    r"[^.;:]{0,80}?\b(?:on|across)\s+(?:the\s+)?"
    # "across the complete KITTI and DurLAR datasets" (no count: "three popular ZSL benchmark
    # datasets" counts a kind of data, not the names)
    r"(?:(?:publicly|available|complete|public|widely|used|popular|standard|large-scale|"
    r"real-world)\s+){0,3}"
    r"(?:(?:[\w-]+\s+){0,3}?(?:datasets?|benchmarks?)\s*,?\s*(?:-\s*|including\s+|such as\s+))?"
    rf"(?P<names>{_BENCH_NAME}(?:\s*,\s*(?:and\s+)?{_BENCH_NAME}|\s+and\s+{_BENCH_NAME}){{0,4}})"
    r"(?=\s+(?:datasets?|benchmarks?|test sets?|splits?)\b|\s*(?:[,;)]|\.(?!\w)|$)|"
    r"\s+(?:show|demonstrat|reveal|indicat|confirm|verif|validat|highlight|prove|suggest)|"
    r"\s+across\s+(?:\w+\s+){0,3}models\b)"
)


def _named_elsewhere(abstract: str, own: tuple[str, ...]) -> list[str]:
    """The second reading: one or more benchmark names after "evaluated/tested/experiments ...
    on", each a name (inner capital, digits, an acronym), or plain capitalized words only
    beside such a name ("CelebAMask-HQ, LaPa, and Helen")."""
    for sentence in sentences(abstract):
        m = _EVAL_NAMED.search(sentence)
        if not m or _RELEASE.search(sentence) or _prior(sentence[: m.start("names")]):
            continue
        names = _split_names(m.group("names"))
        strong = [
            n
            for n in names
            if _is_name(n.split()[0]) or len(n.split()[0]) > 1 and n.split()[0].isupper()
        ]
        if not strong or any(
            re.fullmatch(r"[A-Z]+s|(?:LLM|VLM|MLLM|LMM|LVLM|LRM)s?", n) for n in names
        ):
            continue  # "on English and Chinese", "on LLMs", "depending on used LLM": no data
        kind = re.match(r"\s+(?:benchmark\s+)?(?:datasets|benchmarks)\b", sentence[m.end() :])
        if kind and len(names) == 1 and _a_kind(names[0]):
            continue  # "on SAR datasets": a kind of data ("on the BUSI benchmark" is a name)
        # the list goes on past what reads as names ("Choice, Pulmonary-QA, and EMR
        # Diagnosis"): the names read and 등, never the list as if it were whole
        goes_on = bool(
            re.match(
                r"(?:\s+(?:datasets?|benchmarks?))?\s*,?\s*(?:and|or|as well as)\s+"
                # "public HotSpot benchmarks and industrial 3D-IC package benchmarks"
                r"(?:[A-Z\d]|(?:(?:the|our|a|an|another|two|three|several)\s+)?(?:[\w-]+\s+){0,4}?"
                r"(?:datasets?|benchmarks?|corpus|corpora|(?:test\s+)?sets?|splits?)\b)",
                sentence[m.end() :],
            )
        )  # "on the Equipleth dataset and our collected radar dataset": one more
        # "on ScanNet v2, ScanNet200, ScanNet++, and Replica": the list runs past a name the
        # reading stopped at
        more = r"\s*,\s*(?:and\s+)?[A-Z][^\s,]*(?:\s+[A-Z0-9][^\s,]*)?\s*(?:,|and\b|or\b)"
        goes_on = goes_on or bool(re.match(more, sentence[m.end() :]))
        # "multiple ID datasets, including ISIC19 and PathMNIST": examples, not the whole list
        # ("three datasets, including A, B and C" names them all)
        before = sentence[: m.start("names")]
        example = re.search(r"\b(?:including|such as|e\.g\.,?)\s*$", before)
        kind = re.search(
            r"\s(?:datasets|benchmarks)\s*,?\s*(?:including|such as)\s*$", before, re.I
        )
        whole = bool(kind) and _count_before(before[: kind.start() + 1]) == len(names)
        goes_on = goes_on or bool(example and not whole)
        return _at_most_three(_not_own(names, own), more=goes_on)
    return []


# "our approach achieves remarkable results on both the S3DIS and ScanNet datasets", "surpasses
# existing methods by 1.68% on our GCM 2025 dataset": the names a result of ours is reported on
_RESULT_ON = re.compile(
    r"\b(?P<verb>achiev\w*|outperform\w*|surpass\w*|improv\w*|obtain\w*|attain\w*|"
    r"performance|excel\w*|generaliz\w*|generalis\w*|superior)\b"
    # a decimal ("+2.28% mIoU") or an acronym in parentheses ("Attack Success Rate (ASR)") does
    # not end the gap
    r"(?P<gap>(?:[^.;:()]|(?<=\d)\.(?=\d)|\([A-Z][\w-]*\)){0,100}?)\b(?:on|across)\s+"
    r"(?:(?:both|all|our|the|public|publicly|available|several|two|three|four|standard|"
    r"widely[- ]used|popular|challenging|real-world)\s+){0,3}"
    # "on benchmarks such as FFHQ-Ref and CelebA-Ref-Test": examples, so the list stays open
    r"(?:(?:datasets?|benchmarks?)\s+(?:such as|including|like)\s+)?"
    rf"(?P<names>{_BENCH_NAME}(?:\s*,\s*(?:and\s+)?{_BENCH_NAME}|\s+and\s+{_BENCH_NAME}){{0,4}})"
    # "improves performance on WebArena-Lite and GoBrowse by up to 9.1%": a margin after
    r"(?=\s+(?:datasets?|benchmarks?|test sets?|splits?)\b|\s*(?:[,;)]|\.(?!\w)|$)|"
    r"\s+(?:for|under|with|by|over)\s)"
)
# "85.3 on AIME 2024, 74.4 on AIME 2025, and 70.3 on LiveCodeBench": a score on each name
_SCORE_ON = re.compile(
    rf"\d[\d.]*\s*%?\s+on\s+(?:the\s+)?({_BENCH_NAME})(?=\s*(?:[,;)]|and\b|\.(?!\w)|$))"
)
# what a name after "on" is when the gap says so: data it was trained on, a model it runs on
_NOT_EVAL_GAP = re.compile(
    r"\b(?:train\w*|pre-?train\w*|fine-?tun\w*|distill\w*|built|(?<!-)based|using|with|when|if|"
    r"deploy\w*|run\w*|models?|backbones?|architectures?)\b",
    re.IGNORECASE,
)


# "better prediction performance compared to previous video prediction models on A and B":
# the rivals the gap ends with are compared on the same names; no model the names run on
_RIVALS_LAST = re.compile(
    r"\b(?:compared (?:to|with)|than|over)\s+(?:the\s+)?(?:previous|existing|prior|baseline|"
    r"competing|other|recent|state-of-the-art)(?:\s+(?!(?:trained|pre-?trained|fine-?tuned|"
    r"built|based|using|with)\b)[\w-]+){0,3}?\s+(?:models|methods|approaches|baselines)\s*$",
    re.IGNORECASE,
)


def _a_kind(name: str) -> bool:
    """ "SAR", "RGB-D SOD", "MIL": capitals only, no digit; before "datasets" a kind of data."""
    return bool(re.fullmatch(r"[A-Z]{2,}(?:[- ][A-Z]{1,}){0,2}", name))


def _rivals_out(verb: str, gap: str) -> str:
    """The gap without the rivals a comparison names: "outperforming traditional and
    learning-based methods on A and B" compares them on A and B."""
    gap = _RIVALS_LAST.sub("", gap)
    if re.match(r"(?:outperform|surpass)", verb, re.I) and _GENERIC_BEATEN.fullmatch(gap.strip()):
        return ""
    return gap


_GENERIC_BEATEN = re.compile(
    r"(?:(?:the|all|many|most|both|existing|prior|previous|recent|current|strong|competitive|"
    r"traditional|conventional|baseline|other|state-of-the-art|[\w]+-based|and)\s+){0,5}"
    r"(?:methods|baselines|approaches|models|techniques|algorithms)",
    re.IGNORECASE,
)


_LIST_GOES_ON = re.compile(
    r"\s*,\s*(?:and\s+|or\s+)?(?:the\s+|our\s+)?[A-Z\d]|\s+(?:and|or)\s+(?:the\s+|our\s+)?[A-Z\d]"
)


def _named_in_results(abstract: str, own: tuple[str, ...]) -> list[str]:
    """The third reading: the names after "on" in a sentence that reports a result of the
    paper's own method (the clause before the verb names it), each a name as in
    _named_elsewhere; a score on each of several names counts the same."""
    for sentence in sentences(abstract):
        if _RELEASE.search(sentence):
            continue
        scored = _SCORE_ON.findall(sentence)
        m = _RESULT_ON.search(sentence)
        if len(scored) >= 2:
            first = re.search(r"\d[\d.]*\s*%?\s+on\s", sentence)
            clause = re.split(r"[,;:]", sentence[: first.start()])[-1]
            # "+4.2% on RefCOCO+, +17.9% on PixMo-Count": a score whose name is not read
            goes_on = len(re.findall(r"\d[\d.]*\s*%?\s+on\s", sentence)) > len(scored)
            names = scored
        elif (
            m
            and not _NOT_EVAL_GAP.search(_rivals_out(m.group("verb"), m.group("gap")))
            # "disrupts performance, providing evidence that LLMs rely on CBR": another clause
            and not re.search(r"\b(?:that|which|whether)\b", m.group("gap"))
        ):
            clause = re.split(r"[,;:]", sentence[: m.start()])[-1]
            names = _split_names(m.group("names"))
            # "on MuSHRoom, ScanNet++, and LERF-OVS": the list goes on past what reads as names
            goes_on = bool(re.match(_LIST_GOES_ON, sentence[m.end() :]))
        else:
            continue
        if not _about_ours(clause, own):
            continue  # "LLaVA achieves 80% on MMBench": another system's result
        if not all(_is_name(n.split()[0]) or n.split()[0].isupper() for n in names):
            continue
        if any(
            re.fullmatch(r"[A-Z]+s", n)
            or _NOT_BENCH.match(n)
            or _METRIC_NAMES.fullmatch(n)
            or re.search(r"mAP|mIoU|AUROC|AUC|F1|@", n)  # "3.00% on G-mAP": a metric
            for n in names
        ):
            continue  # "on LLMs", "on Qwen2.5-VL-7B", "15% on RMSE": no benchmark's name
        kind = (
            m
            and not len(scored) >= 2
            and re.match(r"\s+(?:datasets|benchmarks)\b", sentence[m.end() :])
        )
        if kind and len(names) == 1:
            continue  # "on standard Text-to-SQL benchmarks", "public MOS benchmarks": a kind
        kept = _not_own(names, own)
        # one result sentence seldom names every benchmark (read blind: 10 of 48 such lists
        # left out ones the abstract names elsewhere), so the list stays open unless the
        # sentence closes it ("on both the S3DIS and ScanNet datasets")
        closed = len(kept) == len(names) == 2 and re.search(
            r"\bboth\s+(?:the\s+)?$", sentence[: sentence.index(names[0])]
        )

        if kept:
            return _at_most_three(kept, more=goes_on or not closed)
    return []


# models, hardware and model kinds "on" can precede without being a benchmark; metric names
_NOT_BENCH = re.compile(
    r"(?:(?:GPUs?|CPUs?|TPUs?|LLMs?|VLMs?|MLLMs?|LMMs?|AI|NLP|SOTA|ViTs?|CNNs?|RL|SFT|RAG|QA|VQA)"
    r"(?![\w-])|(?:GPT|LLaMA|Llama|Qwen|Mistral|Gemma|DeepSeek|Claude|Gemini|InternVL|LLaVA|Phi|"
    r"BERT|RoBERTa|T5|CLIP|SAM|ResNet|YOLO|U-Net)(?=[\d\-.\s]|$)|\d)",
)
_METRIC_NAMES = re.compile(
    r"(?:F1|mAP|AP\d*|AUC|AUROC|BLEU|ROUGE[\w-]*|PSNR|SSIM|LPIPS|FID|FVD|IoU|mIoU|Dice|EM|WER|"
    r"CER|NDCG[@\d]*|MRR|RMSE|MAE|MSE|MAPE|MOS|PESQ|CIDEr|METEOR|SPICE|EER|FPS|J&F|"
    # detection, tracking, motion, speech, retrieval and agreement scores
    r"NDS|mAP50|AP50|AP75|HOTA|MOTA|IDF1|ADE|FDE|EPE|ATE|RPE|STOI|SI-SDR|SDR|SNR|SRCC|PLCC|"
    r"KID|AUPRC|AUPR|mAcc|mIoU|UAS|LAS|TER|chrF|BERTScore|NMSE|NRMSE)",
)


def _split_names(listed: str) -> list[str]:
    """ "A, B, and C" / "A and B" -> the names, in order ("Tanks and Temples" is one)."""
    listed = re.sub(r"\b(Tanks) and (Temples?)\b", "\\1\x00\\2", listed)
    parts = re.split(r"\s*,\s*(?:and\s+)?|\s+and\s+", listed)
    return [n.replace("\x00", " and ") for n in parts if n]


def _not_own(names: list[str], own: tuple[str, ...]) -> list[str]:
    """The names that are not the paper's own (its method is no benchmark it is tested on)."""
    mine = {o.lower() for o in own if o}
    return [n for n in names if n.lower() not in mine]


def _at_most_three(names: list[str], more: bool = False) -> list[str]:
    """Three names, the last with 등 when the paper lists more: the line never reads as the
    whole list when it is not."""
    more = more or len(names) > 3
    names = names[:3]
    return names[:-1] + [names[-1] + " 등"] if more and names else names


# "Experiments on the Animal Kingdom dataset demonstrate ...", "We validate event2vec on
# classifying the ASL-DVS dataset": capitalized words between "the" and "dataset" are its name
# even when no word of it reads as one on its own
_PLAIN_NAME = (
    r"(?:[A-Z][\w\-.+]*[\w+]|[a-z]{1,3}[A-Z][\w\-.]*[\w])"
    r"(?:\s+(?:[A-Z\d][\w\-.+]*[\w+]|\d+)){0,2}"
)
_BEFORE_KIND = re.compile(
    r"\b(?:on|across|using)\s+(?:[a-z]+ing\s+)?the\s+"
    r"(?:(?:public|publicly|available|widely|used|popular|standard|large-scale|real-world|"
    r"challenging|benchmark|well-known)\s+){0,3}"
    rf"(?P<names>{_PLAIN_NAME}(?:\s*,\s*(?:and\s+)?{_PLAIN_NAME}|\s+and\s+{_PLAIN_NAME}){{0,3}})"
    # "the MATH Olympiad benchmark AIME": the name after the kind is the benchmark's
    r"\s+(?:benchmark\s+)?(?P<kind>datasets?|benchmarks?|corpus|corpora)\b(?!\s+[A-Z])"
)
# whose evaluation: the sentence opens with it ("Experiments on ...") or the authors speak
_OUR_EVAL = re.compile(
    r"^(?:(?:extensive|comprehensive|empirical|experimental|further|our|quantitative|"
    r"qualitative)\s+)*(?:experiments?|evaluations?|results?|tests?)\b|"
    r"\b(?:we|our)\s+(?:\w+\s+){0,2}?(?:evaluat\w*|test\w*|validat\w*|demonstrat\w*|"
    r"experiment\w*|conduct\w*|benchmark\w*|assess\w*|verif\w*|appl\w*|show\w*)\b",
    re.IGNORECASE,
)
# a language or a people before "dataset" says what data, not which dataset
_NOT_A_NAME = re.compile(
    r"(?:English|Chinese|Korean|Japanese|German|French|Spanish|Arabic|Hindi|Indian|Russian|"
    r"Italian|Portuguese|Vietnamese|Thai|Turkish|Persian|Bengali|Urdu|African|European|Asian|"
    r"American|Multilingual|Public|Benchmark|Our|This|Each|Both)",
)


def _named_before_kind(abstract: str, own: tuple[str, ...]) -> list[str]:
    """The fourth reading: the names between "the" and "dataset" in a sentence about the
    paper's own evaluation, never a dataset it is trained on."""
    for sentence in sentences(abstract):
        m = _BEFORE_KIND.search(sentence)
        if not m or _RELEASE.search(sentence) or _prior(sentence[: m.start()]):
            continue
        before = sentence[: m.start()]
        if not _OUR_EVAL.search(before) or _TRAINED_ON.search(before):
            continue  # "we pretrain ViCTr on the ATLAS-8k dataset": trained on, not tested
        names = _split_names(m.group("names"))
        if any(_NOT_A_NAME.fullmatch(n.split()[0]) for n in names):
            continue
        kept = _not_own(names, own)
        if kept:
            return _at_most_three(kept, more=_more_data(abstract, sentence, m))
    return []


# "across diverse datasets, including CC12M, ImageNet-1k, and DCI": examples of the data the
# authors evaluate on; "Existing benchmarks such as BrowseComp focus on English" is not theirs
_EXAMPLES = re.compile(
    r"\b(?P<kind>datasets|benchmarks)\s*,?\s*(?:including|such as|e\.g\.,?)\s+(?:the\s+)?"
    rf"(?P<names>{_BENCH_NAME}(?:\s*,\s*(?:and\s+)?{_BENCH_NAME}|\s+and\s+{_BENCH_NAME}){{0,6}})"
    r"(?=\s*(?:,\s*etc\.?|[,;)]|\.(?!\w)|$))"
)
_NOT_OURS_KIND = re.compile(
    r"\b(?:existing|many|most|other|prior|previous|popular|specialized|advanced|compatible|"
    r"common|standard\s+such|current|traditional|conventional)\s+(?:[\w-]+\s+){0,3}$",
    re.IGNORECASE,
)


def _examples_of_kind(abstract: str, own: tuple[str, ...]) -> list[str]:
    """The fifth reading: benchmarks named as examples ("on benchmarks such as A, B and C") in a
    sentence about the authors' own evaluation or result, always with 등 unless the sentence
    counts as many as it names."""
    for sentence in sentences(abstract):
        m = _EXAMPLES.search(sentence)
        if not m or _RELEASE.search(sentence) or _prior(sentence[: m.start()]):
            continue
        before = re.sub(r"(?<=\w)-(?=\w)", "", sentence[: m.start()])  # "experi-ments"
        if _NOT_OURS_KIND.search(before) or not (
            _OUR_EVAL.search(before) or _about_ours(before, own)
        ):
            continue
        if _TRAINED_ON.search(before):
            continue  # "trained initially on datasets such as": the data, not the evaluation
        names = _split_names(m.group("names"))
        if not all(_is_name(n.split()[0]) or n.split()[0].isupper() for n in names) or any(
            _NOT_BENCH.match(n) or _METRIC_NAMES.fullmatch(n) or re.fullmatch(r"[A-Z]+s", n)
            for n in names
        ):
            continue
        whole = _count_before(before) == len(names)
        kept = _not_own(names, own)
        if kept:
            return _at_most_three(kept, more=not whole)
    return []


_COUNT_BEFORE = re.compile(
    rf"\b({'|'.join(_NUMBER_WORDS)}|\d+)\s+(?:[\w-]+\s+){{0,3}}?$", re.IGNORECASE
)


def _count_before(text: str) -> int | None:
    """The count a list's kind carries, read from the words before it ("on three public
    datasets" -> 3), or None: when it equals the names listed after, the list is whole."""
    m = _COUNT_BEFORE.search(text)
    return count_of(m.group(1)) if m else None


def _more_data(abstract: str, sentence: str, m: re.Match) -> bool:
    """Other data besides the names read: the list goes on, the same sentence names more data
    ("... using the ImageNet-1K dataset and object detection using the COCO dataset", "and our
    collected radar dataset"), or another sentence of the authors' evaluation does ("across
    multiple reasoning benchmarks")."""
    if re.match(_LIST_GOES_ON, sentence[m.end() :]):
        return True
    if _KINDS_SAID.search(sentence[: m.start()] + " " + sentence[m.end() :]):
        return True
    return _data_elsewhere(sentences(abstract), sentence)


def _data_elsewhere(found: list[str], sentence: str) -> bool:
    """Another sentence than ``sentence`` of the authors' evaluation evaluates on data: the
    names read from ``sentence`` are then not the whole of it (the line says 등)."""
    return any(
        s != sentence and (_OUR_EVAL.search(s) or _GOES_ON.match(s)) and _DATA_USED.search(s)
        for s in found
    )


_KINDS_SAID = re.compile(r"\b(?:datasets?|benchmarks?|corpus|corpora)\b", re.IGNORECASE)


# "Similarly, on the FORS EMG dataset, ...": a sentence that carries the evaluation on
_GOES_ON = re.compile(r"(?:Similarly|Additionally|Moreover|Furthermore|Also|In addition)\b")
# data a sentence evaluates on ("across multiple reasoning benchmarks"), not data it mentions
# ("providing quantitative benchmarks for ...": read blind as a claim of more data, round 42)
_DATA_USED = re.compile(
    r"\b(?:on|across|over|using|with|from)\s+(?:[\w-]+\s+){0,5}?(?:datasets?|benchmarks?|"
    r"corpus|corpora)\b",
    re.IGNORECASE,
)
