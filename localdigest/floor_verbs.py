"""The verbs the floor's "how" sentence reads, and the Korean verb each becomes.

Two sets: the parts a method uses ("leverages", "consists of": a fixed Korean verb each) and
what a method does to its material ("learns", "decomposes": the reviewed glossary's Korean stem
+ 합니다). Inflections are spelled out here so that a sentence's verb is matched whole.
"""

from __future__ import annotations

import re

from .korean import Glossary

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
        if _doubles(head):
            forms.append(head + head[-1] + "ed")  # "embedded", "planned"
    return [f + (" " + rest if rest else "") for f in forms]


def _doubles(head: str) -> bool:
    """A short verb ending consonant-vowel-consonant doubles its last letter: embed -> embedded,
    embedding."""
    return bool(re.search(r"[^aeiou][aeiou][bdgmnpt]$", head)) and len(head) <= 6


def _gerund(verb: str) -> list[str]:
    """ "encode" -> encoding; "embed" -> embedding, embeding is no word but harmless."""
    head, _, rest = verb.partition(" ")
    if head.endswith("e") and not head.endswith("ee"):
        forms = [head[:-1] + "ing"]
    else:
        forms = [head + "ing"]
        if _doubles(head):
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


def _how_verb(word: str, glossary: Glossary) -> str | None:
    verb = _FORM_TO_VERB.get(" ".join(word.lower().split()))
    if verb in HOW_VERBS:
        return HOW_VERBS[verb]
    entry = glossary.get(verb) if verb else None
    if not entry or entry[1] != "v" or not re.fullmatch(r"[가-힣 ]+", entry[0]):
        return None  # no reviewed Korean verb for it: say nothing
    return entry[0] + "합니다"
