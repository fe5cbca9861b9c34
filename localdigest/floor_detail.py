"""The floor's second sentence: one fact from the abstract that the title does not say.

Readers rated lines that only restate the title as vague (bench/ratings round 3-5). A number
the paper reports about its own method is the most specific thing an abstract holds, and its
sentence shapes are few ("achieves 87.0% accuracy on CIFAR-10", "reduces latency by 30%",
"3.2x faster"). Each shape below is matched whole; anything looser says nothing, because a
number tied to the wrong metric or the wrong system is a wrong claim.
"""

from __future__ import annotations

import re

from .contribution import _CONTRIB, _adjective, sentences
from .korean import Glossary, _is_name, josa
from .phrase import _broken, _cut_participle, _is_verb, translate_phrase, translate_words

# A number as papers print it: 87.0%, 3.2x, 12.5 percentage points, up to 30%.
# (?<![\d.,]): "250,000x" is read whole or not at all, never as "000x"
_PCT = r"(?<![\d.,])(?P<num>\d{1,3}(?:\.\d+)?)\s*(?P<unit>%|percent\b|percentage points?\b|pp\b)"
_TIMES = (
    r"(?<![\d.,])(?P<num>\d{1,3}(?:,\d{3})+|\d{1,4}(?:\.\d+)?)\s*(?P<unit>[x×]|times\b|-fold\b)"
)
_UPTO = r"(?P<upto>(?:up to|as much as|nearly|over|more than|about|approximately|around)\s+)?"
# Who the sentence is about: our method, not a baseline the paper beats.
_OURS = re.compile(
    r"\b(?:we|our|ours|proposed|it|this (?:method|model|approach|framework|system|technique))\b",
    re.IGNORECASE,
)
_OTHERS = re.compile(
    r"\b(?:baselines?|existing|prior|previous|other|competing|state-of-the-art models?|"
    r"humans?|only|current|frontier|commercial|even)\b",
    re.IGNORECASE,
)
_METRIC_WORDS = r"(?:[A-Za-z][\w\-@]*\s+){0,3}?"
_BENCH = r"(?:\s+(?:on|in)\s+(?:the\s+)?(?P<bench>[A-Z][\w\-.]*[\w](?:\s+[A-Z0-9][\w\-.]*[\w])?))?"

_ACHIEVE = re.compile(
    rf"\b(?P<verb>achiev\w*|attain\w*|reach\w*|obtain\w*|record\w*|scor\w*)\s+(?:an?\s+|the\s+)?"
    rf"(?:(?:average|overall|mean|top-1|top-5)\s+)?(?:of\s+)?{_UPTO}{_PCT}\s+"
    rf"(?P<metric>{_METRIC_WORDS})?(?P<tail>on|in)\s+(?:the\s+)?"
    rf"(?P<bench>[A-Z][\w\-.]*[\w])",
)
# "improves F1 by 3%", "reduces latency by up to 30%": _change reads the direction off the verb
_CHANGE = re.compile(
    rf"\b(?P<verb>improv\w*|boost\w*|increas\w*|rais\w*|enhanc\w*|reduc\w*|decreas\w*|"
    rf"lower\w*|cut\w*|shrink\w*)\s+(?:the\s+)?"
    rf"(?P<metric>(?:[\w\-@]+\s+){{0,3}}?)by\s+{_UPTO}{_PCT}",
    re.IGNORECASE,
)
# "obtaining accuracies as high as 90.7%", "an F1 score of 0.91" is not a percentage: left out
_SCORE = re.compile(
    r"\b(?:(?:average|overall|mean|top-1)\s+)?(?P<metric>accurac(?:y|ies)|F1(?:[- ]scores?)?|"
    rf"AUC|AUROC|mAP|Dice(?: scores?)?|success rates?)\s+(?:of\s+)?"
    rf"(?P<upto>(?:up to|as high as)\s+)?{_PCT}",
    re.IGNORECASE,
)
# the word before the metric: a verb or an article, not a qualifier the line would drop
_SCORE_BEFORE = re.compile(r"(?:^|\b(?:a|an|the|with|of|its|our|and|\w+(?:s|ed|ing)))\s*$")
_SCORE_KO = {"accuracy": "정확도", "accuracies": "정확도", "success rate": "성공률"}
_SPEED = re.compile(
    rf"{_UPTO}{_TIMES}\s+(?P<what>faster|speed-?ups?|acceleration|fewer|less|smaller|"
    r"lower|reduction)\b",
    re.IGNORECASE,
)

_UNIT_KO = {"%": "%", "percent": "%", "pp": "%p", "percentage point": "%p"}
# "nearly 30%" keeps no hedge: say less
_UPTO_KO = {"up to": "최대 ", "as much as": "최대 ", "as high as": "최대 "}
_SPEED_KO = {
    "faster": "{n}배 빠릅니다",
    "speedup": "{n}배 속도 향상을 보고합니다",
    "speed-up": "{n}배 속도 향상을 보고합니다",
    "acceleration": "{n}배 속도 향상을 보고합니다",
}


def result_fact(abstract: str, glossary: Glossary, names: tuple[str, ...] = ()) -> str | None:
    """One Korean sentence for the first number the abstract reports about its own method
    (``names``: what the paper calls it), or None when no sentence has a shape this function
    can carry without guessing."""
    for sentence in sentences(abstract):
        for pattern, render in (
            (_ACHIEVE, _achieve),
            (_CHANGE, _change),
            (_SPEED, _speed),
            (_SCORE, _score),
        ):
            m = pattern.search(sentence)
            if not m or not _about_ours(sentence[: m.start()], names):
                continue
            if re.search(r"\b(?:e\.g\.|for example|for instance|such as)", sentence[: m.start()]):
                continue  # "our evaluations show ...; e.g., Claude scores 90.5%": another system
            clause = re.split(r"[,;:]", sentence[: m.start()])[-1]
            if re.search(r"\b(?:can|could|may|might|would)\b", clause):
                continue  # "optimizations can reduce energy by up to 73%": a finding, not a result
            if _ANOTHER_NUMBER.search(sentence[m.end() :]) or re.search(
                r"\brespectively\b", sentence
            ):
                continue  # "improving Rel and RMSE by 27% and 18%": each number has its metric
            if pattern is _SCORE and (
                len(re.findall(_PCT, sentence)) > 1
                or not _SCORE_BEFORE.search(sentence[: m.start()])
            ):
                continue  # "60% for GPT-4, 80% for ours"; "a relative accuracy": a guess
            line = render(m, glossary, translate_phrase)
            if line:
                return line
    return None


def _about_ours(before: str, names: tuple[str, ...]) -> bool:
    """The words before the number name our method and no other system."""
    if _OTHERS.search(before):
        return False
    return bool(_OURS.search(before)) or any(
        re.search(rf"(?<![\w-]){re.escape(n)}(?![\w-])", before) for n in names if n
    )


def _num(m: re.Match) -> str:
    unit = m.group("unit").lower().rstrip("s")
    upto = (m.group("upto") or "").strip().lower()
    if upto and upto not in _UPTO_KO:
        return ""  # "nearly", "over": a hedge the line would have to carry
    return _UPTO_KO.get(upto, "") + m.group("num") + _UNIT_KO.get(unit, "")


# Metric names copied as they are; any other name before "by N%" is a system, not a metric
_METRIC_NAMES = re.compile(
    r"(?:F1|F-?score|mAP|AP\d*|AUC|AUROC|BLEU|ROUGE(?:-\w+)?|PSNR|SSIM|LPIPS|FID|IoU|mIoU|"
    r"Dice|EM|WER|CER|NDCG(?:@\d+)?|MRR|[Rr]ecall@\d+|[Hh]it@\d+|ASR|FPS|MAE|RMSE|MSE)(?:-\w+)?",
)


def _metric(text: str, glossary: Glossary, translate) -> str | None:
    """The metric words in Korean; a metric's own name (F1, mAP, BLEU) is copied."""
    words = text.split()
    if not words:
        return ""
    names = [w for w in words if _is_name(w) or w.isupper() or "@" in w]  # "recall@1" is a name
    if any(not _METRIC_NAMES.fullmatch(w) for w in names):
        return None  # "improves InternVL2-76B by 5.8%": a model, not what was measured
    if len(names) == len(words):
        return text.strip()
    return translate(text, glossary)


def _achieve(m: re.Match, glossary: Glossary, translate) -> str | None:
    num = _num(m)
    metric = _metric(m.group("metric") or "", glossary, translate)
    bench = m.group("bench")
    if not num or metric is None or not (_is_name(bench) or bench.isupper()):
        return None
    what = f"{metric} {num}" if metric else num
    return f"{bench}에서 {josa(what, '을/를')} 기록합니다."


def _change(m: re.Match, glossary: Glossary, translate) -> str | None:
    num = _num(m)
    metric = _metric(m.group("metric") or "", glossary, translate)
    if not num or not metric:
        return None  # "improves by 3%": of what, the line cannot say
    verb = m.group("verb").lower()
    if verb.startswith(("improv", "enhanc")):
        # "improving RMSE by 18%" lowers the error: 개선 holds for either direction
        return f"{josa(metric, '을/를')} {num} 개선합니다."
    up = verb.startswith(("boost", "increas", "rais"))
    if up and _LOWER_BETTER.search(m.group("metric") or ""):
        return None  # "increases RMSE by 5%" about our method: a misreading, say nothing
    return f"{josa(metric, '을/를')} {num} {'높입니다' if up else '줄입니다'}."


# a second number right after the first: "by 27% and 18%", "by 27%, 18%"
# or a range: "by 11.8% to 50.4%", "by 10-20%"
_ANOTHER_NUMBER = re.compile(r"^\s*(?:,|and|/|to|-|–)\s*(?:by\s+)?\d")
# metrics where lower is better
_LOWER_BETTER = re.compile(
    r"\b(?:error|errors|RMSE|MAE|MSE|Rel|FID|WER|CER|loss|perplexity|latency|time|cost|memory)\b",
    re.IGNORECASE,
)


def _score(m: re.Match, glossary: Glossary, translate) -> str | None:
    num = _num(m)
    metric = " ".join(m.group("metric").split())
    low = metric.lower().rstrip("s") if metric.lower() != "accuracies" else "accuracies"
    ko = _SCORE_KO.get(low) or re.sub(r"(?i)[- ]scores?$", " 점수", metric)
    return f"{ko} {josa(num, '을/를')} 기록합니다." if num else None


def _speed(m: re.Match, glossary: Glossary, translate) -> str | None:
    num = _num(m)
    what = m.group("what").lower()
    if not num or what not in _SPEED_KO:
        return None  # "3x fewer parameters": fewer of what needs the noun after it
    return _SPEED_KO[what].format(n=num.replace("%", "")) + "."


# --- how: the parts the method is made of ---------------------------------------------------

# "It leverages X, Y and Z": mechanism verbs -> the Korean verb that ends the sentence.
HOW_VERBS = {
    "leverage": "활용합니다",
    "exploit": "활용합니다",
    "harness": "활용합니다",
    "use": "사용합니다",
    "utilize": "사용합니다",
    "employ": "사용합니다",
    "adopt": "사용합니다",
    "combine": "결합합니다",
    "fuse": "결합합니다",
    "integrate": "통합합니다",
    "incorporate": "통합합니다",
    "introduce": "도입합니다",
    "consist of": "구성됩니다",  # "X로 구성됩니다": takes 으로/로, not 을/를
    "comprise": "포함합니다",
    "include": "포함합니다",
    "build on": "기반으로 합니다",
    "build upon": "기반으로 합니다",
    "feature": "갖춥니다",
    "apply": "적용합니다",
}
# What a method does to its material, beyond the list above: the glossary's Korean for the verb
# + 합니다 ("It learns the full 8D light transport" -> "full 8D light transport를 학습합니다").
# Only verbs whose object is a thing the method handles; verbs of reporting ("show", "find"),
# of claimed gains ("improve", "outperform") and of vague help ("provide", "enable") say
# nothing a reader can check, or say it about a clause the line would cut.
DOING_VERBS = frozenset(
    "learn predict generate produce estimate decompose align optimize encode decode capture "
    "extract retrieve simulate construct collect curate build fine-tune finetune train "
    "pre-train pretrain detect identify classify segment track localize reconstruct render "
    "synthesize distill compress quantize prune aggregate allocate augment calibrate "
    "disentangle embed inject infer normalize parameterize reweight select schedule "
    "summarize tokenize transform translate unify update upsample downsample denoise inpaint "
    "formulate derive approximate regularize mitigate alleviate evaluate assess analyze "
    "analyse compare measure quantify characterize investigate examine explore validate "
    "verify implement execute".split()
)


def _inflections(verb: str) -> list[str]:
    """ "identify" -> identify, identifies, identified; "embed" -> embeds, embedded;
    "consist of" -> consists of, consisted of (the particle follows every form)."""
    head, _, rest = verb.partition(" ")
    if head.endswith("y") and head[-2] not in "aeiou":
        forms = [head, head[:-1] + "ies", head[:-1] + "ied"]
    elif head.endswith("e"):
        forms = [head, head + "s", head + "d"]
    elif head.endswith(("s", "sh", "ch", "x")):
        forms = [head, head + "es", head + "ed"]
    else:
        forms = [head, head + "s", head + "ed"]
        if re.search(r"[^aeiou][aeiou][bdgmnpt]$", head) and len(head) <= 6:
            forms.append(head + head[-1] + "ed")  # "embedded", "planned"
    return [f + (" " + rest if rest else "") for f in forms]


def _gerund(verb: str) -> list[str]:
    """ "encode" -> encoding; "embed" -> embedding, embeding is no word but harmless."""
    head, _, rest = verb.partition(" ")
    if head.endswith("e") and not head.endswith("ee"):
        forms = [head[:-1] + "ing"]
    else:
        forms = [head + "ing"]
        if re.search(r"[^aeiou][aeiou][bdgmnpt]$", head) and len(head) <= 6:
            forms.append(head + head[-1] + "ing")
    return [f + (" " + rest if rest else "") for f in forms]


def _alternation(forms: list[str]) -> str:
    forms = sorted(set(forms), key=len, reverse=True)
    return "|".join(re.escape(f).replace(r"\ ", r"\s+") for f in forms)


_ALL_HOW = sorted(set(HOW_VERBS) | DOING_VERBS)
_HOW_FORMS = _alternation([f for v in _ALL_HOW for f in _inflections(v)])
# "by leveraging X", "Building on X, we ...": the -ing forms of the same verbs
_HOW_GERUNDS = _alternation([f for v in _ALL_HOW if v != "consist of" for f in _gerund(v)])
_FORM_TO_VERB = {" ".join(f.split()): v for v in _ALL_HOW for f in _inflections(v) + _gerund(v)}
_LEAD = (
    r"(?:(?:Specifically|In particular|Concretely|To this end|Moreover|Furthermore|"
    r"Additionally|In addition|Technically),?\s+|[A-Z][\w\- ]{0,40},\s+)?"
)
_SUBJECT_WORDS = (
    r"(?:we|it|this (?:method|model|approach|framework|system|design|architecture|pipeline|network)"
    r"|our (?:method|model|approach|framework|system|design|architecture|pipeline|network)"
    r"|the (?:proposed )?(?:method|model|approach|framework|system|architecture|pipeline|network))"
)
_ADVERB = r"(?:(?:first|also|further|then|next|additionally|\w+ly)\s+){0,2}"
# Where the list of parts ends: a purpose, a result, a new clause ((?!-): "under-sampling" is a
# part, not the preposition "under").
_HOW_END = re.compile(
    r"\s+(?:to|for|in order|so that|which|that|while|thereby|thus|where|whereby|by|through|"
    r"via|with|within|into|resulting|enabling|allowing|achieving|leading|making|as|across|"
    r"from|under|over|at|on|in|during|until|after|before|alone|together|directly|jointly|"
    r"simultaneously|automatically|iteratively|explicitly|implicitly|efficiently|effectively|"
    r"dynamically|adaptively|separately|independently|respectively|accordingly|instead|only|"
    r"rather|than|along|alongside|besides|beyond|including|such|like|versus|vs|between|among)"
    # "." only where a sentence ends: "Qwen2.5-72B" and "SD3.5M" are read whole
    r"\b(?!-)|[;:(\[]|\.(?!\w)|\s[–—-]{1,2}\s|,\s*(?!and\b)(?=[a-z]+(?:ing|ed)\b)",
    re.IGNORECASE,
)
_ITEM_SPLIT = re.compile(r"\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+", re.IGNORECASE)
_ITEM_DET = re.compile(r"^(?:a|an|the|both|either|two|three|several|novel|new|our)\s+", re.I)


def how_fact(
    abstract: str, glossary: Glossary, names: tuple[str, ...] = (), main: str = "", title: str = ""
) -> str | None:
    """One Korean sentence naming the parts the paper's method uses ("It leverages channel-wise
    self-attention and glyph extraction" -> "channel-wise 셀프 어텐션·glyph 추출을
    활용합니다."), from the first sentence about the method itself whose parts can be named
    without guessing."""
    found = list(_how_candidates(sentences(abstract), names, glossary))
    # the parts a method uses say more than what it does to its input: those first
    for verb, obj, numbered in sorted(found, key=lambda c: c[0] not in HOW_VERBS.values()):
        line = _parts_sentence(verb, obj, glossary, main, names, title, numbered)
        if line:
            return line
    return None


def _how_candidates(found: list[str], names: tuple[str, ...], glossary: Glossary):
    """(Korean verb, English object, numbered) in abstract order, from three sentence shapes:
    "It leverages X", "... by leveraging X" and "Leveraging X, we ..."; ``numbered`` when the
    object was a "(1) ..., (2) ..." list."""
    subject = _SUBJECT_WORDS + "".join(f"|{re.escape(n)}" for n in names if n)
    ours = re.compile(rf"(?:^|\s)(?:{subject}|our)\b", re.IGNORECASE)
    stated = re.compile(
        rf"^{_LEAD}(?P<subj>{subject})\s+{_ADVERB}(?P<verb>{_HOW_FORMS})\s+(?P<obj>.*)",
        re.IGNORECASE,
    )
    by = re.compile(rf"\bby\s+(?P<verb>{_HOW_GERUNDS})\s+(?P<obj>.*)", re.IGNORECASE)
    lead = re.compile(
        rf"^(?:By\s+)?(?P<verb>{_HOW_GERUNDS})\s+(?P<obj>[^,]{{3,80}}),\s+(?:{subject})\b",
        re.IGNORECASE,
    )
    previous = ""
    for sentence in found:
        before, previous = previous, sentence
        if _CONTRIB.search(sentence) and not by.search(sentence):
            continue  # the contribution sentence is the line's first sentence already
        for pattern in (stated, by, lead):
            m = pattern.search(sentence)
            if not m or (pattern is by and not ours.search(_by_clause(sentence[: m.start()]))):
                continue
            subj = m.groupdict().get("subj") or ""
            if (
                subj.lower() == "it"
                and before
                and not (_CONTRIB.search(before) or ours.search(before))
            ):
                continue  # "CLIP is widely used. However, it learns ...": not our method
            verb = _how_verb(m.group("verb"), glossary)
            if verb:
                listed = _enumerated(m.group("obj"))
                yield verb, listed or m.group("obj"), bool(listed)


_ENUM_START = re.compile(
    r"^(?:(?:two|three|four|five|six|several|\d)\s+)?(?:[\w-]+\s+){0,2}?"
    r"(?:components?|modules?|stages?|parts?|steps?|phases?|elements?|branches|blocks?|"
    r"mechanisms?|pipelines?|designs?|innovations?)?\s*:?\s*\((?:1|i|a)\)\s*",
    re.IGNORECASE,
)
_ENUM_MARK = re.compile(r"[;,]?\s*(?:and\s+)?\((?:\d|[ivx]{1,4}|[b-f])\)\s*")
_NAMED_ITEM = re.compile(r"^([A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,3}),\s+(?:an?|the)?\s*[a-z]")


def _enumerated(obj: str) -> str | None:
    """ "five key components: (1) a Temporal Knowledge Graph Generator that creates ...; (2) a
    Temporal Query Decomposition mechanism that ..." -> "Temporal Knowledge Graph Generator,
    Temporal Query Decomposition mechanism, ...": each numbered part's own noun phrase, or
    its name when it opens with one ("(1) MoSE, modality-specific experts ...")."""
    m = _ENUM_START.match(obj)
    if not m:
        return None
    items = []
    for item in _ENUM_MARK.split(obj[m.end() :]):
        named = _NAMED_ITEM.match(item)
        if named:
            items.append(named.group(1))
            continue
        end = _HOW_END.search(" " + item)
        head = (" " + item)[: end.start()] if end else item
        head = head.split(",")[0].strip()
        if not head:
            return None
        items.append(head)
    return ", ".join(items) if len(items) > 1 else None


def _by_clause(before: str) -> str:
    """What a "by -ing" hangs on: the sentence before it, unless it contrasts ("..., not by
    thinking, but by generating texts": LLMs generating, not the authors)."""
    return (
        ""
        if re.search(r"\b(?:not|but)\s+(?:\w+\s+)?by\b|\bnot\b[^,]*,\s*but\s*$", before)
        else before
    )


def _stem(word: str) -> str:
    word = word.lower()
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


def _in_title(item: str, title: str) -> bool:
    """Every word of the part is a word of the title: the sentence would say the title again."""
    said = {_stem(w) for w in re.findall(r"[\w][\w-]*", title)}
    words = [_stem(w) for w in re.findall(r"[\w][\w-]*", item)]
    return bool(words) and all(w in said for w in words)


def _noun_goes_on(text: str) -> bool:
    """ "(R2L) evaluation stream": the parenthesis sits inside a noun phrase, and cutting there
    would drop its head; "(CJM) as a ...", "(R2L), which", "(R2L)." end it."""
    m = re.match(r"\([^()]*\)", text)
    rest = text[m.end() :] if m else ""
    return bool(re.match(r"\s+[a-z]", rest)) and not re.match(
        rf"\s+(?:and|or)\b|{_HOW_END.pattern}", rest, re.IGNORECASE
    )


def _parts_sentence(
    verb: str,
    obj: str,
    glossary: Glossary,
    main: str,
    names: tuple[str, ...] = (),
    title: str = "",
    numbered: bool = False,
) -> str | None:
    """The Korean sentence for one candidate; ``numbered``: the object is a "(1) ... (2) ..."
    list read whole by _enumerated, so it may be longer."""
    end = _HOW_END.search(obj)
    after = re.match(r"\([^()]*\)\s+([a-z]+)", obj[end.start() :]) if end else None
    if after and (after.group(1) in _FORM_TO_VERB or _is_verb(after.group(1), glossary)):
        return None  # "A and B (OCC) learns C": "and" joined two clauses, B is no part of A's verb
    if end and re.match(r"\([^()]*\)\s*,\s*[a-z]+ing\b", obj[end.start() :]):
        return None  # "..., and Chromatic Correction (OCC), mitigating ...": a sibling design
    if end and obj[end.start()] == "(" and _noun_goes_on(obj[end.start() :]):
        # "a structured Chain-of-Thought (CoT) prompting mechanism": the abbreviation out, the
        # noun phrase whole (cut at the parenthesis it would lose its head)
        obj = obj[: end.start()] + re.sub(r"^\([^()]*\)", "", obj[end.start() :])
        end = _HOW_END.search(obj)
    if end and re.match(r"\s+(?:between|among)\b", obj[end.start() :]):
        if len(obj[: end.start()].split()) < 2 and not _is_name(obj[: end.start()].strip()):
            return None  # "measures similarity between ...": of what, the line cannot say
    obj = obj[: end.start()] if end else obj
    raw = [i.strip() for i in _ITEM_SPLIT.split(obj) if i.strip()]
    named_first = all(w[:1].isupper() or _is_name(w) for w in raw[0].split()) if raw else False
    if not numbered and len(raw) > 1 and named_first:
        # "Mutual Information, a metric ...", "CoTR, a token reduction module": an apposition
        # names the first part again, it is no second part
        first_apposed = next((k for k, i in enumerate(raw[1:], 1) if re.match(r"(?:a|an)\s", i)), 0)
        raw = raw[:first_apposed] if first_apposed else raw
    if any(re.search(r"\b(?:our|the|a)[A-Z]|[a-z]{2}[^s]s-[A-Z]{2}", i) for i in raw):
        return None  # "ourChroKnowPrompt", "variants-SDXL": words run together in the abstract
    items = [_ITEM_DET.sub("", _ITEM_DET.sub("", i)) for i in raw]
    items = [i for i in items if i]
    if verb == "구성됩니다" and len(items) == 1 and not items[0].endswith("s"):
        return None  # "consists of an offline stage for ..., followed by ...": one part of two
    if any(re.search(r"\b(?:and|or)$", i, re.IGNORECASE) for i in items):
        return None  # a list cut after its "and": the last part is missing
    if not items or len(items) > (6 if numbered else 4) or any(len(i.split()) > 6 for i in items):
        return None  # a long list or a clause, not parts: say nothing
    if any(_adjective(i.split()[-1]) for i in items):
        return None  # "the capabilities inherent (in VLMs)": cut after a trailing adjective
    if any(_vague_part(i, glossary) for i in items):
        return None  # "three key components": the parts come later, or not at all
    if verb not in HOW_VERBS.values() and any(_empty_object(i) for i in items):
        return None  # "identifies key challenges": nothing a reader can picture
    if any(_verb_led(i, glossary) for i in items[1:]):
        return None  # "identifies key tokens and corrects biases": a second verb, not a part
    flat = [re.sub(r"[\s-]+", " ", n.lower()) for n in names if n]
    if any(n in re.sub(r"[\s-]+", " ", obj.lower()) for n in flat):
        return None  # "validates ProKG-Dial": the method said again, nothing new
    if len(items) > 1 and any(re.search(r"\s(?:of|for|in|on|with)\s", i) for i in items):
        return None  # "strengths of A and B": which noun "and" joins is a guess
    if title and all(_in_title(i, title) for i in items):
        return None  # "leverages data augmentation" under a title about data augmentation
    ko = [translate_phrase(i, glossary) for i in items[:3]]
    if any(k is None or _broken(k) for k in ko):
        return None
    if main and all(k in main for k in ko):
        return None  # "a federated learning framework ... 연합 학습을 활용합니다": said
    joined = "·".join(ko) + (" 등" if len(items) > 3 else "")
    if verb == "구성됩니다":
        return f"{josa(joined, '으로/로')} {verb}."
    return f"{josa(joined, '을/를')} {verb}."


# "two stages", "key innovations", "essential modules": a count or a kind, not a part
_VAGUE_HEAD = re.compile(
    r"(?:innovation|contribution|component|stage|step|module|part|phase|branch|element|idea|"
    r"paradigm|strateg(?:y|ie)|technique|design|insight|principle|aspect|feature|"
    r"improvement|change|sequence|way|factor|advance(?:ment)?|progress|development|method|"
    r"approach|framework|tool|representation|image|data|information|model|dataset|answer|"
    r"output|result|resource|score|work|research|stud(?:y|ie)|literature)(?:e?s)?$",
    re.IGNORECASE,
)
_VAGUE_MOD = {
    "key",
    "core",
    "main",
    "essential",
    "important",
    "critical",
    "major",
    "several",
    "multiple",
    "various",
    "crucial",
    "primary",
    "distinct",
    "different",
    "complementary",
    "additional",
    "two",
    "three",
    "four",
    "five",
    "novel",
    "new",
    "following",
    "innovative",
    "unique",
    "powerful",
    "advanced",
    "useful",
    "recent",
    "latest",
    "systematic",
    "simple",
    "general",
    "standard",
    "existing",
    "effective",
    "efficient",
    "robust",
    "specific",
    "appropriate",
    "suitable",
    "proposed",
    "public",
    "publicly",
    "available",
    "open",
    "numerous",
    "many",
    "some",
    "its",
    "their",
    "relevant",
    "successful",
    "prior",
}
# "two types of self-attention", "the introduction of X": a kind or an act, not a part
_VAGUE_OF = re.compile(
    r"^(?:\w+\s+)?(?:types?|kinds?|class(?:es)?|sorts?|variety|set|number|series|range|"
    r"introduction|use|usage|application|development|incorporation|integration|combination|"
    r"adoption|utilization)\s+of\b",
    re.IGNORECASE,
)


_PRONOUN = {"everything", "them", "this", "these", "those", "it", "both", "all", "each", "such"}


def _vague_part(item: str, glossary: Glossary) -> bool:
    words = item.split()
    if len(_cut_participle(words, glossary)) < len(words):
        return True  # "representation engineering techniques" would lose its head noun
    if "\\" in item or "{" in item or "}" in item or "'s" in item or "’s" in item:
        return True  # TeX styling cut in the middle; a possessive the line cannot turn
    if re.search(r"\b(?:number|amount|lot|variety)\b", item, re.IGNORECASE):
        return True  # "the number of steps": a quantity, and its order does not carry
    if len(words) == 1 and not (_is_name(item) or item.isupper() or glossary.get(item.lower())):
        return True  # one plain word ("representations"): too little to name a part
    if words[0][:1].isdigit() or re.search(r"[a-z]ed$", words[-1]):
        return True  # "40 sequences"; "cache configured" is a clause cut short
    if (
        _VAGUE_OF.search(item)
        or re.search(r"[a-z](?:ing|ed)$", words[-1])
        and not glossary.get(words[-1].lower())
    ):
        return True  # "pipeline focusing": a participle clause cut short
    if words[0].lower() in _PRONOUN or _is_verb(words[0], glossary):
        return True  # "and evaluate outputs": the list went on into a verb
    mods = [w.lower() for w in words[:-1]]
    # "BERTScore" is a name, not the vague head "score"
    head = not _is_name(words[-1]) and _VAGUE_HEAD.search(words[-1])
    return bool(head) and all(w in _VAGUE_MOD for w in mods)


# What a "doing" verb's object must not be: a finding, a quality or a kind ("identifies key
# challenges", "validates the effectiveness of", "deploys a selection of"): true, and empty.
_EMPTY_HEAD = re.compile(
    r"(?:challenge|obstacle|failure|mode|capabilit(?:y|ie)|abilit(?:y|ie)|issue|limitation|gap|"
    r"pattern|foundation|performance|effectiveness|efficacy|distinction|difference|finding|"
    r"trade-?off|propert(?:y|ie)|behaviou?r|baseline|variant|setting|scenario|option|question|"
    r"problem|task|solution|strength|weakness|benefit|advantage|potential|role|impact|effect|"
    r"outcome|phenomen(?:on|a)|process|concept|idea|aspect|factor|element|component|insight|"
    r"knowledge|information|content|thing|way|means)(?:e?s)?$",
    re.IGNORECASE,
)
_EMPTY_MOD = _VAGUE_MOD | set(
    "pivotal typical persistent fundamental significant notable common remaining underlying "
    "potential possible competitive strong better superior open-source diverse broad wide "
    "comprehensive extensive important interesting unified integrated overall entire whole "
    "current given original natural simple basic generic overall".split()
)
_EMPTY_OF = re.compile(
    r"^(?:\w+\s+)?(?:selection|suite|family|array|mix|group|effectiveness|efficacy|superiority|"
    r"feasibility|performance|utility|validity|quality|potential|impact|role|effect)\s+of\b",
    re.IGNORECASE,
)


# one English noun, two Korean senses the glossary cannot tell apart ("lightweight resolution"
# is no 해상도, "feature field" no 분야, a "character function" no 함수): say nothing
_TWO_SENSES = {"resolution", "field", "fields", "function", "functions", "character", "state"}


def _empty_object(item: str) -> bool:
    words = item.split()
    if words[-1].lower() in _TWO_SENSES:
        return True
    if _EMPTY_OF.search(item):
        return True
    head = not _is_name(words[-1]) and _EMPTY_HEAD.search(words[-1])
    return bool(head) and all(w.lower() in _EMPTY_MOD for w in words[:-1])


_BARE_VERBS = (
    frozenset(
        "uncover reveal show find demonstrate propose provide highlight examine present introduce "
        "achieve outperform enable allow offer release discuss suggest observe report".split()
    )
    | DOING_VERBS
)


def _verb_led(item: str, glossary: Glossary) -> bool:
    """ "corrects distributional biases": a lower-case -s word no glossary knows as a noun,
    followed by more words, reads as a verb that the list ran into."""
    words = item.split()
    first = words[0]
    if len(words) > 1 and first in _FORM_TO_VERB and not first.endswith(("ing", "ed")):
        return True  # "estimates X and learns Y": the second is its own verb
    if len(words) > 1 and first in _BARE_VERBS:
        return True  # "we identify five clusters and uncover misalignment"
    if (
        len(words) > 2
        and first.endswith("ing")
        and first in _FORM_TO_VERB
        and (glossary.match(words, 0) or ("", "", 1))[2] < 2
    ):
        return True  # "estimating X and learning residual corrections"; not "learning rate"
    if len(words) < 2 or not re.fullmatch(r"[a-z]+[^su]s", first):
        return False
    hit = glossary.get(first)
    return not (hit and hit[1] == "n")


def _how_verb(word: str, glossary: Glossary) -> str | None:
    verb = _FORM_TO_VERB.get(" ".join(word.lower().split()))
    if verb in HOW_VERBS:
        return HOW_VERBS[verb]
    entry = glossary.get(verb) if verb else None
    if not entry or entry[1] != "v" or not re.fullmatch(r"[가-힣 ]+", entry[0]):
        return None  # no reviewed Korean verb for it: say nothing
    return entry[0] + "합니다"


# --- size: how big a dataset or benchmark is ------------------------------------------------

_SIZE = re.compile(
    r"\b(?:contain\w*|compris\w*|consist\w* of|includ\w*|featur\w*|span\w*|cover\w*|total of)"
    r"\s+(?P<hedge>over|more than|approximately|about|nearly|around|roughly)?\s*"
    r"(?P<n>\d[\d,.]*(?:\s*(?:[KkM]\b|million|thousand))?)\+?\s+"
    r"(?P<noun>(?:[\w-]+\s+){0,2}?[\w-]+s)\b",
)
_DATA_WORD = re.compile(r"\b(?:dataset|benchmark|corpus|collection|suite)\b", re.IGNORECASE)
_DATA_KO = {
    "dataset": "데이터셋",
    "benchmark": "벤치마크",
    "corpus": "코퍼스",
    "collection": "컬렉션",
    "suite": "스위트",
}
_PEOPLE = re.compile(
    r"(?:patients|participants|subjects|users|annotators|people|volunteers|students|speakers|"
    r"clinicians|doctors|females|males|individuals|children|adults|workers|respondents)$"
)
_NOT_SIZE = re.compile(r"(?:years|tokens|days|times|steps|epochs|layers|parameters|dimensions)$")
_HEDGE_KO = {"over": " 이상", "more than": " 이상"}  # "about N": a hedge the line drops


def size_fact(abstract: str, glossary: Glossary, names: tuple[str, ...] = ()) -> str | None:
    """How many items the paper's own dataset or benchmark holds ("a dataset comprising 14,902
    image pairs" -> "이미지 쌍 14,902개로 구성됩니다."), from a sentence about it."""
    own = re.compile(
        r"\b(?:we|our|this|the (?:dataset|benchmark|corpus|collection)|it)\b"
        + "".join(f"|{re.escape(n)}" for n in names if n),
        re.IGNORECASE,
    )
    for sentence in sentences(abstract):
        m = _SIZE.search(sentence)
        data = _DATA_WORD.search(sentence[: m.start()]) if m else None
        if not m or not data or not own.search(sentence[: m.start()]):
            continue
        noun = m.group("noun")
        hedge = (m.group("hedge") or "").lower()
        if _NOT_SIZE.search(noun) or (hedge and hedge not in _HEDGE_KO):
            continue
        ko = translate_words(noun, glossary)  # "training instances": a modifier, not a verb
        if not ko or _vague_part(noun, glossary) and not _PEOPLE.search(noun):
            continue
        counter = "명" if _PEOPLE.search(noun) else "시간" if noun == "hours" else "개"
        what = f"{ko} {_korean_count(m.group('n'))}{counter}{_HEDGE_KO.get(hedge, '')}"
        verb = "다룹니다" if re.match(r"(?:span|cover)", m.group(0), re.I) else "포함합니다"
        # the dataset is the sentence's subject, not the method the line's first part names
        kind = _DATA_KO[data.group(0).lower()]
        return f"{josa(kind, '은/는')} {josa(what, '을/를')} {verb}."
    return None


def _korean_count(n: str) -> str:
    """ "3.49 million" -> "349만", "2 thousand" -> "2,000"; "30K" and "14,902" stay."""
    n = " ".join(n.split())
    m = re.fullmatch(r"([\d.]+)\s*(million|thousand)", n)
    if not m:
        return n.replace(" ", "")
    value = float(m.group(1)) * (100 if m.group(2) == "million" else 1000)
    return f"{value:g}만" if m.group(2) == "million" else f"{value:,.0f}"


# --- a named part: "We then introduce an optimization-based method called Segment Score
# Distillation (SSD)" -------------------------------------------------------------------------

_PART_VERBS = {"introduce": "제안합니다", "propose": "제안합니다", "present": "제안합니다"}
_PART_VERBS |= {"design": "설계합니다", "develop": "설계합니다", "devise": "설계합니다"}
_PART_NAME = r"(?:[A-Z][\w\-]*\s+){0,4}[A-Z][\w\-]*(?:\s*\([A-Z][\w\-]*\))?"
# case-sensitive: a name is capitalised, the words around it are not
_PART = re.compile(
    r"^(?:[A-Z][\w ,]{0,40},\s+)?[Ww]e\s+(?:then\s+|also\s+|further\s+|additionally\s+|next\s+)?"
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
        kind = (m.group("kind") or "").lower()
        if kind and kind not in name.lower():
            name = f"{name} {_KIND_KO[kind]}"
        what = f"{ko} {name}" if ko else name
        verb = "구축합니다" if kind in ("dataset", "benchmark") else _PART_VERBS[m.group("verb")]
        return f"또한 {josa(what, '을/를')} {verb}."
    return None
