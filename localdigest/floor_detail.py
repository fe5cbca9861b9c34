"""The floor's second sentence: one fact from the abstract that the title does not say
(the "how" sentence lives in floor_how.py).

Readers rated lines that only restate the title as vague (bench/ratings round 3-5). A number
the paper reports about its own method is the most specific thing an abstract holds, and its
sentence shapes are few ("achieves 87.0% accuracy on CIFAR-10", "reduces latency by 30%",
"3.2x faster"). Each shape below is matched whole; anything looser says nothing, because a
number tied to the wrong metric or the wrong system is a wrong claim.
"""

from __future__ import annotations

import re

from .contribution import sentences
from .floor_scope import (
    _METRIC_NAMES,
    _condition,
    _scope,
    _setting_before,
    _someone_else,
    _unsaid_hedge,
)
from .korean import Glossary, _is_name, josa
from .phrase import _PROCESS_GERUNDS, translate_phrase
from .phrase_check import _broken

# A number as papers print it: 87.0%, 3.2x, 12.5 percentage points, up to 30%, 45-80%.
# _NOT_RANGE_END: "250,000x" is read whole or not at all, never as "000x"; nor is a range
# ("4.0-5.0%", "48%–80%", "1% to 5%") read from its upper end ("num" reads "45-80" whole)
_NOT_RANGE_END = r"(?<![\d.,])(?<![\d%x×][-–])(?<![\d%x×] [-–—] )(?<![\d%x×] to )"
_RANGE = r"(?:\s*[-–]\s*\d{1,3}(?:\.\d+)?)?"
_PCT = (
    rf"{_NOT_RANGE_END}(?P<num>\d{{1,3}}(?:\.\d+)?{_RANGE})\s*"
    r"(?P<unit>%|percent\b|percentage points?\b|pp\b)"
)
_TIMES = (
    rf"{_NOT_RANGE_END}(?P<num>\d{{1,3}}(?:,\d{{3}})+|\d{{1,4}}(?:\.\d+)?{_RANGE})\s*"
    r"(?P<unit>[x×]|times\b|-fold\b)"
)
_UPTO = (
    r"(?P<upto>(?:up to|as much as|nearly|almost|over|more than|at least|about|approximately|"
    r"around|roughly)\s+|[~≈]\s*)?"
)
# Who the sentence is about: our method, not a baseline the paper beats.
_OURS = re.compile(
    r"\b(?:we|our|ours|proposed|it|this (?:method|model|approach|framework|system|technique))\b",
    re.IGNORECASE,
)
_OTHERS = re.compile(
    r"\b(?:baselines?|existing|prior|previous|other|competing|state-of-the-art models?|"
    r"humans?|only|current|frontier|commercial|even|conventional|standard|vanilla|traditional|"
    r"naive|best-performing|top-performing|strongest|leading)\b",
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
# "reduces solving time by up to 10x", "improves throughput by 3.2 times"
_CHANGE_TIMES = re.compile(
    rf"\b(?P<verb>improv\w*|boost\w*|increas\w*|rais\w*|reduc\w*|decreas\w*|lower\w*|cut\w*|"
    rf"shrink\w*)\s+(?:the\s+)?(?P<metric>(?:[\w\-@]+\s+){{0,3}}?)by\s+{_UPTO}{_TIMES}",
    re.IGNORECASE,
)
# "obtaining accuracies as high as 90.7%", "an average precision (AP) of 93.5%", "achieves a
# 93.5% attack success rate"; "an F1 score of 0.91" is not a percentage: left out
_SCORE_METRIC = (
    r"accurac(?:y|ies)(?:\s+rate)?|F1(?:[- ]scores?)?|AUC|AUROC|mAP|Dice(?: scores?)?|"
    r"(?:attack\s+)?success rates?|average\s+precision|pass rates?|win rates?|"
    r"(?:word\s+|character\s+)?error rates?"
)
_SCORE = re.compile(
    r"\b(?:(?:average|overall|mean|top-1)\s+)?"
    # "a test accuracy of 97.39%", "a classification accuracy of 92%": the task it is scored on
    r"(?P<qual>(?:test|classification|detection|recognition|diagnostic|segmentation)\s+)?"
    rf"(?P<metric>{_SCORE_METRIC})(?P<abbr>\s+\([A-Z][\w@-]*\))?\s+(?:of\s+)?"
    rf"(?P<upto>(?:up to|as high as)\s+)?{_PCT}",
    re.IGNORECASE,
)
_SCORE_FIRST = re.compile(
    rf"\b(?:achiev|attain|reach)(?:es|ed|ing|e)?\s+an?\s+{_UPTO}{_PCT}\s+"
    rf"(?P<metric>{_SCORE_METRIC})\b(?!\s+(?:improvement|gain|increase|reduction|drop|speed-?up))",
    re.IGNORECASE,
)
# the word before the metric: a verb or an article, not a qualifier the line would drop
_SCORE_BEFORE = re.compile(
    r"(?:^|\b(?!(?:balanced|weighted|relative|normalized|adjusted|factual|macro|micro)\b)"
    r"(?:a|an|the|with|of|its|our|and|\w+(?:s|ed|ing)))\s*$",
    re.IGNORECASE,
)
_SCORE_KO = {
    "accuracy": "정확도",
    "accuracies": "정확도",
    "accuracy rate": "정확도",
    "success rate": "성공률",
    "attack success rate": "공격 성공률",
    "precision": "정밀도",
    "average precision": "평균 정밀도",
    "recall": "재현율",
    "pass rate": "통과율",
    "win rate": "승률",
    "error rate": "오류율",
    "word error rate": "단어 오류율",
    "character error rate": "문자 오류율",
}
_QUAL_KO = {
    "test": "테스트",
    "classification": "분류",
    "detection": "검출",
    "recognition": "인식",
    "diagnostic": "진단",
    "segmentation": "분할",
}
# "achieves an F1 score of 0.943", "an FID of 2.26", "a PSNR of 32.5 dB": a score as a decimal,
# copied with the metric's own name; never a range, a spread ("± 0.17") or a percentage
_SCORE_DEC = re.compile(
    r"\b(?P<metric>F1(?:[- ]score)?|AUC|AUROC|Dice(?:\s+score)?|FID|PSNR|SSIM|BLEU|CIDEr|EER)"
    r"\s+(?:of\s+)?(?P<upto>(?:up to)\s+)?(?<![\d.,])(?P<num>\d{1,3}\.\d{1,4})"
    r"(?P<unit>\s*dB)?(?![\d.%])(?!\s*(?:%|±|\+/-|\+-|[-–]\s*\d|to\s+\d|and\s+\d))"
)
_SPEED = re.compile(
    rf"{_UPTO}{_TIMES}\s+(?P<what>faster|speed-?ups?|acceleration|fewer|less|smaller|"
    r"lower|reduction)\b",
    re.IGNORECASE,
)

# "outperforms strong baselines by 12.57% on average": a margin over methods it does not name
_MARGIN = re.compile(
    rf"\b(?:outperform\w*|surpass\w*|exceed\w*|beat\w*)\s+(?P<whom>(?:[\w-]+\s+){{0,4}}?)"
    rf"by\s+{_UPTO}{_PCT}(?P<avg>\s+on average)?",
    re.IGNORECASE,
)
_GENERIC_RIVALS = re.compile(
    r"^(?:(?:all|the|strong|competitive|existing|prior|previous|recent|current|leading|"
    r"state-of-the-art|sota|competing|other|best|strongest|\w+-based)\s+)*"
    r"(?:baselines?|methods?|approaches|models?|schemes|techniques|solutions|systems|algorithms|"
    r"state-of-the-art(?: methods?)?|"
    r"sota(?: methods?)?)\s*$",
    re.IGNORECASE,
)
# "increasing overall recognition accuracy from 29.1% to 84.5%"
_FROM_TO = re.compile(
    r"\b(?P<verb>improv\w*|increas\w*|boost\w*|rais\w*|elevat\w*|reduc\w*|decreas\w*|lower\w*|"
    r"cut\w*)\s+(?:the\s+)?(?:overall\s+|average\s+|mean\s+)?(?P<metric>(?:[\w\-@]+\s+){0,2}?[\w\-@]+)"
    r"\s+from\s+(?<![\d.,])(?P<a>\d{1,3}(?:\.\d+)?)\s*%\s+to\s+(?P<num>\d{1,3}(?:\.\d+)?)\s*(?P<unit>%)",
    re.IGNORECASE,
)
# "achieving up to a 31.9% improvement in stepwise reward evaluation"
_GAIN = re.compile(
    rf"\b(?:an?\s+)?{_UPTO}(?:an?\s+)?{_PCT}\s+(?:relative\s+|absolute\s+|average\s+)?"
    r"(?P<kind>improvement|gain|increase|reduction|decrease)\s+in\s+(?:terms\s+of\s+)?(?:the\s+)?"
    r"(?P<metric>(?:[\w\-@]+\s+){0,2}?[\w\-@]+)"
    r"(?=\s*(?:[,.;)]|$)|\s+(?:over|compared|while|on|with|across|for|than|and|against)\b)",
    re.IGNORECASE,
)
# "a significant 12 percent accuracy improvement", "a 28.7% EM@1 improvement": the metric first
_GAIN_BEFORE = re.compile(
    rf"\b(?:an?\s+)?(?:(?:significant|substantial|notable|remarkable)\s+)?{_UPTO}{_PCT}\s+"
    r"(?!(?:relative|absolute|average|overall|total|net|mean)\b)"
    r"(?P<metric>(?:[\w\-@]+\s+){0,2}?[\w\-@]+)\s+"
    r"(?P<kind>improvement|gain|increase|reduction|decrease|speedup|speed-up)s?\b",
    re.IGNORECASE,
)
# "a 5x reduction in memory usage", "a 2.1x improvement in throughput": a times change of a
# named metric
_GAIN_TIMES = re.compile(
    rf"\b(?:an?\s+)?(?:(?:significant|substantial|notable|remarkable)\s+)?{_UPTO}{_TIMES}\s+"
    r"(?P<kind>improvement|gain|increase|reduction|decrease|speedup|speed-up)\s+in\s+"
    r"(?:the\s+)?(?:overall\s+|end-to-end\s+)?(?P<metric>(?:[\w\-@]+\s+){0,2}?[\w\-@]+)"
    r"(?=\s*(?:[,.;)]|$)|\s+(?:over|compared|while|on|with|across|for|than|and|against)\b)",
    re.IGNORECASE,
)
# a noun after "faster" / "speedup" names what got faster; the line would drop it
_SPEED_OF = re.compile(
    r"\s+(?!(?:than|and|or|on|in|at|while|compared|with|over|across|for|when|without|"
    r"relative|to|against|versus|vs|per)\b)[A-Za-z]"
)
_UNIT_KO = {"%": "%", "percent": "%", "pp": "%p", "percentage point": "%p"}
# a hedge the number keeps: "up to 30%" -> "최대 30%", "~38%" -> "약 38%", "over 74%" -> "74% 이상";
# "nearly 30%" is less than 30%, which no short Korean says plainly: no figure
_UPTO_KO = {"up to": "최대 {}", "as much as": "최대 {}", "as high as": "최대 {}"}
_UPTO_KO |= {w: "약 {}" for w in ("about", "approximately", "around", "roughly", "~", "≈")}
_UPTO_KO |= {w: "{} 이상" for w in ("over", "more than", "at least")}
_SPEED_KO = {
    "faster": "{n} 빠릅니다",
    "speedup": "{n} 속도 향상을 보고합니다",
    "speed-up": "{n} 속도 향상을 보고합니다",
    "acceleration": "{n} 속도 향상을 보고합니다",
}


def result_fact(abstract: str, glossary: Glossary, names: tuple[str, ...] = ()) -> str | None:
    """One Korean sentence for the first number the abstract reports about its own method
    (``names``: what the paper calls it), or None when no sentence has a shape this function
    can carry without guessing."""
    found = sentences(abstract)
    # the paper's own names, for telling its figures from another system's: what the line names,
    # and the abbreviation the abstract gives it ("Dynamic Token Dropping (DTD)")
    own = names + tuple(
        a for n in names if n for a in re.findall(rf"{re.escape(n)}\s*\(([^()]+)\)", abstract)
    )
    for sentence in found:
        for pattern, render in (
            (_ACHIEVE, _achieve),
            (_CHANGE, _change),
            (_CHANGE_TIMES, _change_times),
            (_SPEED, _speed),
            (_SCORE, _score),
            (_SCORE_FIRST, _score),
            (_SCORE_DEC, _score_dec),
            (_MARGIN, _margin),
            (_FROM_TO, _from_to),
            (_GAIN, _gain),
            (_GAIN_BEFORE, _gain),
            (_GAIN_TIMES, _gain_times),
        ):
            m = pattern.search(sentence)
            if not m or not _about_ours(sentence[: m.start()], names):
                continue
            if re.search(
                r"\b(?:e\.g\.|for example|for instance|such as)", sentence[: m.start()], re.I
            ):
                continue  # "our evaluations show ...; e.g., Claude scores 90.5%": another system
            if _unsaid_hedge(sentence[: m.start("num")], m) or _someone_else(
                sentence[: m.start()], own
            ):
                continue
            lead = _setting_before(sentence[: m.start()])
            if lead is None:
                continue
            clause = re.split(r"[,;:]", sentence[: m.start()])[-1]
            if re.search(r"\b(?:can|could|may|might|would)\b", clause):
                continue  # "optimizations can reduce energy by up to 73%": a finding, not a result
            if _ANOTHER_NUMBER.search(sentence[m.end() :]) or re.search(
                r"\brespectively\b", sentence
            ):
                continue  # "improving Rel and RMSE by 27% and 18%": each number has its metric
            unit = re.match(rf"\s+({_METRIC_NAMES.pattern})\b|\s+(?-i:[A-Z])", sentence[m.end() :])
            if unit and pattern is not _MARGIN and pattern in (_CHANGE, _CHANGE_TIMES):
                continue  # "boosts generalization by 5.5% Average Precision": points of AP
            if pattern is _SPEED and re.match(
                r"\s*than\b.*\d\s*(?:x|×|times)(?!\w)", sentence[m.end() :]
            ):
                continue  # "10-20x faster than ray tracing and 1.5-10x faster than ...": each
                # speed-up has its own rival, and the line would drop them
            if pattern is _SPEED and _SPEED_OF.match(sentence[m.end() :]):
                # "18.1x faster LLM prefilling": faster at one step, and the line says which
                line = _faster_at(m, sentence[m.end() :], glossary)
                if line:
                    return line
                continue
            if pattern is _SCORE and (
                len(re.findall(_PCT, sentence)) > 1
                or not _SCORE_BEFORE.search(sentence[: m.start()])
            ):
                continue  # "60% for GPT-4, 80% for ours"; "a relative accuracy": a guess
            if (
                pattern is _SCORE_DEC
                and (
                    len(_SCORE_DEC.findall(sentence)) > 1
                    or not _SCORE_BEFORE.search(sentence[: m.start()])
                    or re.search(
                        r"\b(?:vs\.?|versus|compared|than|baseline)\b", sentence[m.end() :]
                    )
                    # "Our experiments reveal that Gradient-Based MIA achieves ... 0.87": the clause
                    # the score is in must name the authors' method, not only the sentence
                    or not _about_ours(re.split(r"\bthat\b|:", sentence[: m.start()])[-1], names)
                    # another score after it, outside parentheses ("0.864 (95% CI ...) on CMMD and
                    # 0.889 on INbreast"): each holds on its own data
                    or re.search(r"\d\.\d", re.sub(r"\([^()]*\)", "", sentence[m.end() :]))
                    or re.match(
                        r"\s*(?:dB\s*)?(?:\+-|±)|\s*(?:dB\s+)?(?:for|at|when|with|under)\s",
                        sentence[m.end() :],
                    )
                )
            ):
                continue  # "Dice 0.624 and 0.883", "an adjusted F1", "RMSE of 3.32 vs 2.92": unsure
            after = sentence[m.end() :]
            verb_before = re.search(r"\b[a-z]+(?:ing|es|ed)\s+$", sentence[: m.start()])
            if pattern is _SPEED and m.group("what").lower() == "faster" and verb_before:
                if not re.match(r"(?:being|running|runs|performs)\b", verb_before.group(0)):
                    continue  # "converging 2x faster": faster at something the line drops
            narrowed, rival = _condition(after)
            if narrowed:
                continue  # "by 72% with RL-based trackers", "when combined with INT4": one setting
            scope = "" if pattern is _ACHIEVE else _scope(after)
            if scope == "" and pattern is not _ACHIEVE:
                scope = lead
            elif lead and scope != lead:
                continue  # a setting before and another after: which holds, the line cannot say
            if scope is None:
                continue  # "from 20% to 80% on the most challenging problems": a subset
            line = render(m, glossary, translate_phrase)
            if line and pattern is _MARGIN and unit:
                if not unit.group(1):
                    continue  # "by 3% Average Precision": a metric named in words
                # "by 2.5% AUROC": points of a metric, said with it
                line = line.replace(f"{_num(m)} ", f"{unit.group(1)} {_num(m)} ", 1)
            if line and rival and pattern is not _MARGIN:
                line = f"{rival} 대비 {line}"  # "FlashAttention 대비 3.9배 속도 향상을 보고합니다"
            elif line and rival:
                continue  # "기존 방법보다" would misname the one system it beats
            if line:
                return f"{scope}에서 {line}" if scope else line
    return None


def _about_ours(before: str, names: tuple[str, ...]) -> bool:
    """The words before the number name our method and no other system."""
    # "RoBridge ... improvements over existing baselines, achieving ...", "Compared to
    # baselines, STARC reduces ...": the systems a comparison names are the rivals, not the
    # subject; the words from the comparison to its clause's end are left out
    before = re.sub(
        r"\b(?:over|than|compared (?:to|with)|relative to|against)\b[^,;:]*",
        " ",
        before,
        flags=re.I,
    )
    if _OTHERS.search(before):
        return False
    return bool(_OURS.search(before)) or any(
        re.search(rf"(?<![\w-]){re.escape(n)}(?![\w-])", before) for n in names if n
    )


def _num(m: re.Match, unit: str | None = None) -> str:
    """The number with its unit and hedge in Korean ("최대 30%", "약 3배", "74% 이상"), or ""
    for a hedge the line cannot carry. ``unit`` overrides the printed one ("배" for 3x)."""
    printed = m.group("unit").lower().rstrip("s")
    upto = " ".join((m.group("upto") or "").split()).lower()
    if upto and upto not in _UPTO_KO:
        return ""  # "nearly": a hedge the line would have to carry
    figure = re.sub(r"\s*[-–]\s*", "~", m.group("num")) + (
        _UNIT_KO.get(printed, "") if unit is None else unit
    )
    return _UPTO_KO.get(upto, "{}").format(figure)


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
    if any(
        w.endswith("ing") and w.lower() not in _PROCESS_GERUNDS for w in words[:-1]
    ) and not glossary.get(" ".join(words)):
        return None  # "solving times": the -ing word read as a verb gives "시간 해결"
    return translate(text, glossary)


def _achieve(m: re.Match, glossary: Glossary, translate) -> str | None:
    num = _num(m)
    if re.search(
        r"\b(?:improvement|gain|increase|reduction|decrease|drop|speed-?up)s?\b", m.group(0), re.I
    ):
        return None  # "achieves a 3.1% improvement in accuracy": a change, read by _GAIN
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
    abbr = (m.groupdict().get("abbr") or "").strip()
    if re.match(r"(?:average|mean)\b", m.group(0), re.I) and not ko.startswith("평균"):
        ko = f"평균 {ko}"  # "an average success rate of 98.1%"
    qual = (m.groupdict().get("qual") or "").strip().lower()
    if qual:
        ko = f"{_QUAL_KO[qual]} {ko}"
    return f"{ko}{abbr} {josa(num, '을/를')} 기록합니다." if num else None


def _score_dec(m: re.Match, glossary: Glossary, translate) -> str | None:
    metric = re.sub(r"(?i)[- ]score$|\s+score$", "", " ".join(m.group("metric").split()))
    upto = "최대 " if m.group("upto") else ""
    unit = " dB" if m.group("unit") else ""
    return f"{metric} {josa(upto + m.group('num') + unit, '을/를')} 기록합니다."


def _change_times(m: re.Match, glossary: Glossary, translate) -> str | None:
    num = _num(m)
    metric = _metric(m.group("metric") or "", glossary, translate)
    if not num or not metric:
        return None
    up = m.group("verb").lower().startswith(("improv", "boost", "increas", "rais"))
    if up and _LOWER_BETTER.search(m.group("metric") or ""):
        return None  # "improves latency by 3x": which way, the line cannot say
    return f"{josa(metric, '을/를')} {_num(m, '배')} {'높입니다' if up else '줄입니다'}."


def _margin(m: re.Match, glossary: Glossary, translate) -> str | None:
    num = _num(m)
    if not num or not _GENERIC_RIVALS.match(m.group("whom") or ""):
        return None  # "outperforms GPT-4o by 5%": a named rival needs its own sentence shape
    avg = "평균 " if m.group("avg") else ""
    return f"기존 방법보다 {avg}{num} 높은 성능을 보고합니다."


def _from_to(m: re.Match, glossary: Glossary, translate) -> str | None:
    metric = _metric(m.group("metric"), glossary, translate)
    if not metric:
        return None
    up = not m.group("verb").lower().startswith(("reduc", "decreas", "lower", "cut"))
    a, b = float(m.group("a")), float(m.group("num"))
    if (b > a) != up or _LOWER_BETTER.search(m.group("metric")):
        return None  # the verb and the numbers disagree, or "raising error": say nothing
    end = "높입니다" if up else "줄입니다"
    return f"{josa(metric, '을/를')} {m.group('a')}%에서 {m.group('num')}%로 {end}."


# what a percentage speedup can be of: a step the reader knows, never a score
_STEP = re.compile(
    r"^(?:end-to-end\s+)?(?:inference|training|decoding|prefilling|prefill|generation|"
    r"sampling|rendering|encoding|runtime|wall-clock|walltime)$",
    re.IGNORECASE,
)


def _gain(m: re.Match, glossary: Glossary, translate) -> str | None:
    num = _num(m)
    if re.search(
        r"\b(?:relative|absolute|significant|notable|substantial|remarkable|considerable|"
        r"consistent|overall|average|dramatic|large|huge|\w+ly)$",
        m.group("metric"),
        re.I,
    ):
        return None  # "a 72.5% statistically significant relative improvement": no metric
    metric = _metric(m.group("metric"), glossary, translate)
    if not num or not metric:
        return None
    kind = m.group("kind").lower()
    if kind in ("improvement", "gain"):
        return f"{josa(metric, '을/를')} {num} 개선합니다."
    if kind in ("speedup", "speed-up"):
        # "a 17-20% inference speedup": the speed of the named step, not a score
        if not _STEP.search(m.group("metric")):
            return None
        avg = re.search(r"\baverage\s+$", m.string[: m.start()], re.IGNORECASE)
        return f"{metric} 속도를 {'평균 ' if avg else ''}{num} 높입니다."
    if kind == "increase":
        if _LOWER_BETTER.search(m.group("metric")):
            return None
        return f"{josa(metric, '을/를')} {num} 높입니다."
    return f"{josa(metric, '을/를')} {num} 줄입니다."


def _gain_times(m: re.Match, glossary: Glossary, translate) -> str | None:
    num = _num(m, "배")
    metric = _metric(m.group("metric"), glossary, translate)
    if not num or not metric:
        return None
    kind = m.group("kind").lower()
    if kind in ("speedup", "speed-up"):
        if re.fullmatch(r"throughput", m.group("metric"), re.I):
            return f"{josa(metric, '을/를')} {num} 높입니다."
        return f"{metric} 속도를 {num} 높입니다." if _STEP.search(m.group("metric")) else None
    if kind in ("reduction", "decrease"):
        return f"{josa(metric, '을/를')} {num} 줄입니다."
    if _LOWER_BETTER.search(m.group("metric")):
        return None  # "a 3x increase in latency" about our method: a misreading
    return f"{josa(metric, '을/를')} {num} {'개선합니다' if kind != 'increase' else '높입니다'}."


def _speed(m: re.Match, glossary: Glossary, translate) -> str | None:
    num = _num(m)
    what = m.group("what").lower()
    if not num or what not in _SPEED_KO:
        return None  # "3x fewer parameters": fewer of what needs the noun after it
    return _SPEED_KO[what].format(n=_num(m, "배")) + "."


def _faster_at(m: re.Match, after: str, glossary: Glossary) -> str | None:
    """ "18.1x faster LLM prefilling, ..." -> "LLM prefilling에서 18.1배 빠릅니다.": the noun
    phrase up to the next comma or clause word, or nothing when it cannot be named whole."""
    num = _num(m)
    if not num or m.group("what").lower() != "faster":
        return None
    phrase = re.match(
        r"\s+((?:[\w-]+\s+){0,2}[\w-]+)(?=\s*(?:[,;.()]|$|\s(?:and|than|on|in|with|"
        r"while|compared|over|for)\b))",
        after,
    )
    ko = translate_phrase(phrase.group(1), glossary) if phrase else None
    if not ko or _broken(ko):
        return None
    return f"{ko}에서 {_num(m, '배')} 빠릅니다."
