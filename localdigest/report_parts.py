"""Parts 1, 2, 4 and 5 of a category's report, composed by code from facts, not by a model.

Every sentence names the papers it rests on (``Sentence.sources``) and at least one of them by
its short name, so no sentence can be the same in two categories. Every number in a sentence is
either copied from a cited paper (inside a quoted span or a paper's name) or a count computed
here: papers cited (``N편``), papers of the day or of earlier days that mention a term (from the
History), or a paper's arXiv categories.

1 주요 주제   sub-themes: phrases (1-2 words, copied from the papers) shared by several papers,
              chosen greedily for coverage and weighted by how rare they are in the whole day;
              only specific noun phrases (naming.py: no "current LLMs", "wide range", lone
              adjectives, nor a phrase in GENERIC_SHARE of the day's papers).
2 키워드·트렌드  the category's specific keywords (an adjective keyword stands for the phrase the
              papers use: "continual" -> "continual learning") with their paper counts, against
              the 7/30 days before; when none of the labeler's keywords is specific (a big LLM
              category: "reasoning", "knowledge", "llm"), the sub-theme phrases of part 1 stand
              in for them, counted the same way.
"A paper mentions a term" is one definition everywhere (history.mentions: whole words, a
plural s/es allowed): the counts of part 2, the trend SQL, and the day share that calls a term
too common to name anything (GENERIC_SHARE).
Names and keywords are shown in Korean where the glossary has the whole phrase ("'추론
(reasoning)'"), as written otherwise; particles follow the Korean reading.
4 영향        what the abstracts claim: new datasets/benchmarks, reported gains, SOTA, reported
              drops (a degradation the paper measures is said as one, never as a gain), code.
5 결론 및 전망  the papers that stand out, each with the computed reason.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from .claims import Claims, extract, readable
from .history import History, Mentions, NoHistory, mentions, trend
from .injection import neutralize
from .korean import Glossary, default_glossary, josa
from .naming import Term, adjective, expand, generic, is_name, noun_phrase
from .naming import term as glossary_term
from .paper import Paper
from .quality import paper_name
from .sentence import Sentence

# Enters the summary cache key: a change in how parts 1, 2, 4, 5 are composed recomputes them.
# 2: specific sub-theme names and keywords, Korean via the glossary; 3: one "mentions" for
# counts and day share, part 2 falls back to sub-theme phrases, drops apart from gains
FACTS_VERSION = "facts-3"
MAX_THEMES = 3  # 4 for a category of BIG_CATEGORY papers or more
BIG_CATEGORY = 20
MAX_KEYWORDS = 3
MAX_CLAIMS = 3  # quoted claims per kind in part 4
MAX_NOTABLE = 2
NAMES_SHOWN = 3
# A phrase found in this share of the day's papers or more tells no sub-theme apart ("image",
# "generation" on a day of 160 papers); measured only on a day of MIN_DAY papers or more.
GENERIC_SHARE = 0.15
MIN_DAY = 30

# Words that say nothing about a sub-theme (beyond sklearn's English stop words). "model",
# "learning" and "data" are not here: they are empty alone (naming.EMPTY) but head specific
# phrases ("reward models", "continual learning", "synthetic data").
_GENERIC = set(
    """method methods approach approaches paper papers propose proposed proposes
    result results performance task tasks based using use used framework new novel
    show shows existing work works study studies state art large significantly significant achieve
    achieves demonstrate demonstrates experiments experiment improve improves improved improvement
    however also while which these such both across various different effective efficient
    extensive including well first two three one address challenge challenges problem problems
    introduce introduces present presents evaluate evaluation evaluated further provide provides
    key high low via without within between among able ability approachs compared compare
    outperforms outperform code available github https http com www org prior recent recently
    art-performance state-of-the-art sota benchmark benchmarks dataset datasets real world
    real-world make makes made many often need needs remain remains lack limited however
    integrates integrate integrating leverage leverages leveraging enable enables enabling look
    feature features approach paper's aim aims allow allows allowing require requires like
    minimal automatic success rate rates""".split()
)
_WORD = re.compile(r"[A-Za-z][A-Za-z0-9\-]*[A-Za-z0-9]")
_BREAK = re.compile(r"[.,;:()\[\]!?\"]")


def _stop() -> frozenset[str]:
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    return frozenset(ENGLISH_STOP_WORDS | _GENERIC)


def phrases(text: str, stop: frozenset[str]) -> set[str]:
    """Lowercased 1- and 2-word phrases of a text, without stop words, not across punctuation
    or across a token that is no word ("textured 3D mesh" gives no "textured mesh")."""
    out: set[str] = set()
    for chunk in _BREAK.split(text):
        words = [
            tok.lower() if _WORD.fullmatch(tok) else None
            for tok in (t.strip("'`*") for t in chunk.split())
        ]
        for i, w in enumerate(words):
            if w is None:
                continue
            if _content(w, stop) and len(w) >= 4:
                out.add(w)
            nxt = words[i + 1] if i + 1 < len(words) else None
            if nxt and _content(w, stop) and _content(nxt, stop) and min(len(w), len(nxt)) >= 3:
                out.add(f"{w} {nxt}")
    return out


def _flat(phrase: str) -> str:
    return phrase.replace("-", " ")


def _within(small: str, big: str) -> bool:
    """``small`` is ``big`` or whole words of it, a plural s aside ("image" in "images")."""
    a, b = _flat(small).lower(), _flat(big).lower()
    return (
        a.rstrip("s") == b.rstrip("s") or re.search(rf"(?<!\w){re.escape(a)}(?!\w)", b) is not None
    )


def _content(word: str, stop: frozenset[str]) -> bool:
    """A word that can name a topic: no stop word, no adverb (-ly), not a bare number."""
    return word not in stop and not word.endswith("ly") and not word.replace("-", "").isdigit()


def surface(term: str, papers: Sequence[Paper]) -> str:
    """The term as a paper writes it (first occurrence, original case)."""
    pattern = re.compile(r"(?<![A-Za-z0-9])" + r"\s+".join(map(re.escape, term.split())), re.I)
    for p in papers:
        for text in (p.title, neutralize(p.abstract)):  # never copy an injected sentence
            if m := pattern.search(text):
                return " ".join(m.group().split())
    return term


def quoted(term: str) -> str:
    return f"'{term}'"


@dataclass
class Theme:
    term: Term
    papers: list[Paper]


@dataclass
class Composer:
    """Composes the fact parts of one category's report on ``day``."""

    day: str
    history: History
    day_texts: list[str]  # titles + abstracts of every paper of the day (for rarity)
    glossary: Glossary = field(default_factory=default_glossary)
    plain: bool = False  # names as before issue 11's naming pass: any phrase, English (bench)

    def __post_init__(self) -> None:
        self._stop = _stop()
        self._day = Mentions(self.day_texts)
        self._own: list[str] = []  # the category's own words (name, keywords)

    def _name(self, paper: Paper) -> str:
        """The paper's short name, or its whole title when the short name is nothing but the
        category's own words ("LOGO" in a category with keyword "logo"): masked for the
        boilerplate check, such a name would no longer tell two sentences apart."""
        name = paper_name(paper.title)
        rest = name.casefold()
        for term in sorted(self._own, key=len, reverse=True):
            rest = rest.replace(term, " ")
        return name if re.search(r"\w", rest) else " ".join(paper.title.split())

    def _names(self, papers: Sequence[Paper], shown: int = NAMES_SHOWN) -> str:
        head = ", ".join(self._name(p) for p in papers[:shown])
        return head + (" 등" if len(papers) > shown else "")

    # --- part 1 --------------------------------------------------------------------------
    def rarity(self, term: str) -> float:
        """log(N / df) over the day's papers; a category alone (no day texts) weighs all 1."""
        if not len(self._day):
            return 1.0
        return math.log((len(self._day) + 1) / (self._day.count(term) + 1)) + 0.1

    def share(self, term: str) -> float:
        """Share of the day's papers that mention ``term`` (history.mentions, as part 2
        counts it: "feature" with "features"); 0 on a day too small to tell."""
        n = len(self._day)
        if n < MIN_DAY:
            return 0.0
        return self._day.count(term) / n

    def specific(self, ph: str) -> bool:
        """A phrase that can name a sub-theme or stand for a keyword (module docstring)."""
        if self.plain:
            return True
        return (
            noun_phrase(ph, self.glossary)
            and not generic(ph, self.glossary)
            and self.share(ph) < GENERIC_SHARE
        )

    def term(self, en: str) -> Term:
        return Term(en) if self.plain else glossary_term(en, self.glossary)

    def _weight(self, ph: str) -> float:
        # squared: a phrase half the day uses ("images") must not beat a rare shared one
        # ("Gaussian splatting") by sheer coverage
        return self.rarity(ph) ** 2 * (1.3 if " " in ph else 1.0)

    def themes(self, papers: Sequence[Paper]) -> list[Theme]:
        sets = [phrases(f"{p.title}. {neutralize(p.abstract)}", self._stop) for p in papers]
        titles = [phrases(p.title, self._stop) for p in papers]
        holders: dict[str, set[int]] = {}
        for i, ps in enumerate(sets):
            for ph in ps:
                holders.setdefault(ph, set()).add(i)
        # a theme is named in some title: single words only found in abstracts are mostly
        # verbs and fillers ("maintaining"), not topics
        candidates = {
            ph: h
            for ph, h in holders.items()
            if len(h) >= 2 and (" " in ph or any(ph in titles[i] for i in h)) and self.specific(ph)
        }
        covered: set[int] = set()
        chosen: list[Theme] = []
        weight = {ph: self._weight(ph) for ph in candidates}
        most = MAX_THEMES + (len(papers) >= BIG_CATEGORY)
        while len(chosen) < most and candidates:

            def score(ph: str, covered: set[int] = covered) -> tuple:
                gain = len(candidates[ph] - covered)
                in_titles = sum(ph in titles[i] for i in candidates[ph])
                return (gain * weight[ph] + 0.2 * in_titles, ph)

            best = max(candidates, key=score)
            if len(candidates[best] - covered) < 2:
                break
            members = sorted(candidates.pop(best))
            chosen.append(Theme(self.term(surface(best, papers)), [papers[i] for i in members]))
            covered |= set(members)
            # a phrase inside the chosen one ("splatting" in "gaussian splatting") or the same
            # one spelled with a hyphen ("vision-language") adds nothing
            same = _flat(best)
            for ph in [ph for ph in candidates if _flat(ph) in same or same in _flat(ph)]:
                candidates.pop(ph)
        return chosen

    def best_phrase(self, paper: Paper) -> Term | None:
        ps = phrases(f"{paper.title}. {neutralize(paper.abstract)}", self._stop)
        in_title = phrases(paper.title, self._stop)
        ps = {ph for ph in ps if self.specific(ph)} or ps
        if not ps:
            return None
        top = max(sorted(ps), key=lambda ph: (ph in in_title, " " in ph, self.rarity(ph)))
        return self.term(surface(top, [paper]))

    def part1(self, papers: Sequence[Paper]) -> list[Sentence]:
        themes = self.themes(papers)
        out = []
        for t in themes:
            what = t.term.josa("을/를")
            text = f"{what} 다루는 논문 {len(t.papers)}편: {self._names(t.papers)}."
            out.append(Sentence(text, ids(t.papers)))
        covered = {p.id for t in themes for p in t.papers}
        rest = [p for p in papers if p.id not in covered]
        if themes and rest:
            text = (
                f"그 밖의 {len(rest)}편은 위 주제어를 함께 쓰지 않는 개별 주제입니다: "
                f"{self._names(rest)}."
            )
            out.append(Sentence(text, ids(rest)))
        elif not themes and len(papers) == 1:
            p = papers[0]
            ph = self.best_phrase(p)
            what = f"이며, {ph.josa('을/를')} 다룹니다" if ph else "입니다"
            text = f"{josa(self._name(p), '이/가')} 이 분야의 유일한 논문{what}."
            out.append(Sentence(text, ids([p])))
        elif not themes:
            text = (
                f"이 분야의 논문 {len(papers)}편은 두 편 이상이 함께 쓰는 주제어 없이 각자 다른 "
                f"문제를 다룹니다: {self._names(papers)}."
            )
            out.append(Sentence(text, ids(papers)))
        return out

    # --- part 2 --------------------------------------------------------------------------
    def keyword_terms(self, papers: Sequence[Paper], keywords: Sequence[str]) -> list[Term]:
        """The category's keywords that name something, in the labeler's order: an adjective
        stands for the phrase these papers share ("continual" -> "continual learning"), a
        generic one is left out, and one inside a chosen one ("image" and "images",
        "formal" and "formal context") is said once. ``Term.en`` is what is counted."""
        sets = [phrases(f"{p.title}. {neutralize(p.abstract)}", self._stop) for p in papers]
        out: list[Term] = []
        for k in [" ".join(k.split()) for k in keywords if len(k.strip()) >= 3]:
            if not self.plain and not self.specific(k.lower()):
                # an adjective stands for its phrase; a common noun ("image") is just dropped
                wide = " " in k or not adjective(k, self.glossary)
                k = "" if wide else expand(k, sets, self.glossary) or ""
                if not k or not self.specific(k):
                    continue
            # "image" also counts "images" (history.term_pattern): one of them is enough
            if any(_within(k, t.en) or _within(t.en, k) for t in out):
                continue
            if any(mentions(f"{p.title} {p.abstract}", k) for p in papers):
                # as the papers write a name ("VLMs", "DyDiT"); a plain word as the labeler
                shown = surface(k, papers)
                out.append(self.term(shown if is_name(shown) else k))
        return out

    def part2_terms(self, papers: Sequence[Paper], keywords: Sequence[str]) -> list[Term]:
        """The keywords part 2 counts; when none of the labeler's is specific, the sub-theme
        phrases of part 1 in their place (one inside another said once)."""
        terms = self.keyword_terms(papers, keywords)
        if terms or self.plain:
            return terms
        for t in self.themes(papers):
            if not any(_within(t.term.en, x.en) or _within(x.en, t.term.en) for x in terms):
                terms.append(t.term)
        return terms

    def part2(self, papers: Sequence[Paper], keywords: Sequence[str]) -> list[Sentence]:
        out = []
        for k in self.part2_terms(papers, keywords)[:MAX_KEYWORDS]:
            cited = [p for p in papers if mentions(f"{p.title} {p.abstract}", k.en)]
            if not cited:  # a sub-theme phrase split by punctuation in every paper
                continue
            t = trend(self.history, k.en, self.day)
            head = f"{k.josa('은/는')} 이 분야 {len(cited)}편({self._names(cited, 2)})에 나오며, "
            out.append(Sentence(head + _trend_clause(t, len(out) == 0), ids(cited)))
        if not out:  # no keyword names something these papers write: say so, with the papers
            text = (
                f"이 분야의 키워드는 논문 {len(papers)}편의 본문에 그대로 나오지 않거나 주제를 "
                f"가려 주지 못하는 일반어라 추세를 세지 않습니다: {self._names(papers)}."
            )
            out.append(Sentence(text, ids(papers)))
        return out

    # --- part 4 --------------------------------------------------------------------------
    def part4(self, papers: Sequence[Paper], claims: dict[str, Claims]) -> list[Sentence]:
        out = []
        data = [p for p in papers if claims[p.id].dataset][:MAX_CLAIMS]
        for p in data:
            span = readable(claims[p.id].dataset)
            text = f'{josa(self._name(p), "은/는")} 새 데이터셋·벤치마크를 내놓습니다: "{span}".'
            out.append(Sentence(text, (p.id,)))
        # gains first (largest first), then state-of-the-art claims, then measured drops (a
        # finding, said as a drop), then measured results
        results = [p for p in papers if claims[p.id].gains or claims[p.id].sota]
        results.sort(key=lambda p: -(claims[p.id].gains[0].value if claims[p.id].gains else 0))
        results += [p for p in papers if claims[p.id].drops and p not in results]
        results += [p for p in papers if claims[p.id].result and p not in results]
        for p in results[:MAX_CLAIMS]:
            c = claims[p.id]
            name = josa(self._name(p), "은/는")
            if c.gains:
                text = f'{name} 개선 폭을 수치로 보고합니다: "{readable(c.gains[0].span)}".'
            elif c.sota:
                text = f'{name} 최고 수준 성능을 주장합니다: "{readable(c.sota)}".'
            elif c.drops:
                text = f'{name} 성능 하락 폭을 수치로 보고합니다: "{readable(c.drops[0].span)}".'
            else:
                text = f'{name} 실험 수치를 보고합니다: "{readable(c.result)}".'
            out.append(Sentence(text, (p.id,)))
        code = [p for p in papers if claims[p.id].code or claims[p.id].links]
        if code:
            shown = [
                f"{self._name(p)}({claims[p.id].code_links[0]})"
                if claims[p.id].code_links
                else self._name(p)
                for p in code[:NAMES_SHOWN]
            ]
            more = " 등" if len(code) > NAMES_SHOWN else ""
            text = (
                f"코드·데이터 공개나 링크를 초록에 밝힌 논문은 {len(code)}편입니다: "
                f"{', '.join(shown)}{more}."
            )
            out.append(Sentence(text, ids(code)))
        if not out:
            text = (
                f"이 분야 논문 {len(papers)}편의 초록에는 새 데이터셋, 코드 공개, 수치로 된 "
                f"성능 주장이 없습니다: {self._names(papers)}."
            )
            out.append(Sentence(text, ids(papers)))
        return out

    # --- part 5 --------------------------------------------------------------------------
    def _representative(self, papers: Sequence[Paper], keywords: Sequence[str]) -> Sentence:
        """No paper claims anything checkable: the one holding most of the category's
        keywords stands for it, with the keywords it holds."""
        kws = self.part2_terms(papers, keywords)

        def held(p: Paper) -> list[Term]:
            return [k for k in kws if mentions(f"{p.title} {p.abstract}", k.en)]

        best = max(papers, key=lambda p: (len(held(p)), len(p.categories)))
        if not held(best):
            text = (
                f"이 분야 논문 {len(papers)}편({self._names(papers, 1)}) 모두 초록에 공개 자료나 "
                "수치 주장이 없어 따로 꼽지 않습니다."
            )
            return Sentence(text, ids(papers))
        shown = ", ".join(k.shown for k in held(best))
        text = (
            f"초록에 공개 자료나 수치 주장이 없어, 이 분야 키워드를 가장 많이 담은 "
            f"{josa(self._name(best), '을/를')} 대표 논문으로 꼽습니다({shown})."
        )
        return Sentence(text, (best.id,))

    def part5(
        self, papers: Sequence[Paper], claims: dict[str, Claims], keywords: Sequence[str] = ()
    ) -> list[Sentence]:
        top_gain = max((c.gains[0].value for c in claims.values() if c.gains), default=None)
        most_lists = max((len(p.categories) for p in papers), default=0)

        def reasons(p: Paper) -> tuple[float, list[str]]:
            c = claims[p.id]
            score, why = 0.0, []
            if c.dataset:
                score, why = score + 3, [*why, "새 데이터셋·벤치마크 공개"]
            if c.code or c.code_links:
                score, why = score + 2, [*why, "코드 공개"]
            if c.gains:
                g = c.gains[0]
                best = "(이 분야 최대)" if g.value == top_gain and len(papers) > 1 else ""
                score += 2 + (1 if best else 0)
                why.append(f"보고한 개선 폭 {_num(g.value)}{_unit(g.unit)}{best}")
            elif c.sota:
                score, why = score + 1, [*why, "최고 수준 성능 주장"]
            elif c.drops:  # a measured degradation is a finding, never the category's top gain
                d = c.drops[0]
                score += 1
                why.append(f"보고한 성능 하락 폭 {_num(d.value)}{_unit(d.unit)}")
            lists = len(p.categories)
            if lists >= 3:
                most = "(이 분야 최다)" if lists == most_lists and len(papers) > 1 else ""
                score += 0.5 + (0.5 if most else 0)
                why.append(f"arXiv 분류 {lists}개에 교차 등록{most}")
            return score, why

        ranked = sorted(papers, key=lambda p: -reasons(p)[0])
        out = []
        for p in ranked[:MAX_NOTABLE]:
            score, why = reasons(p)
            if score <= 0:
                break
            text = f"주목할 논문은 {self._name(p)}입니다: {', '.join(why)}."
            out.append(Sentence(text, (p.id,)))
        if not out:
            out.append(self._representative(papers, keywords))
        return out

    def compose(
        self, papers: Sequence[Paper], keywords: Sequence[str], own: Sequence[str] = ()
    ) -> dict[int, list]:
        """Parts 1, 2, 4, 5 of one category, as lists of Sentences (by "facts"). ``own``: the
        category's name and Korean name, masked with the keywords by the boilerplate check."""
        self._own = [t.casefold() for t in [*own, *keywords] if t and t.strip()]
        claims = {p.id: extract(p.id, p.abstract, p.comment) for p in papers}
        return {
            1: self.part1(papers),
            2: self.part2(papers, keywords),
            4: self.part4(papers, claims),
            5: self.part5(papers, claims, keywords),
        }


def ids(papers: Sequence[Paper]) -> tuple[str, ...]:
    return tuple(p.id for p in papers)


def _num(value: float) -> str:
    return f"{value:g}"


def _unit(unit: str) -> str:
    # "17.6points" read as English in a Korean sentence (dev day 2025-04-10)
    said = {"x": "배", "×": "배", "times": "배", "-fold": "배", "pp": "%p"}
    return said.get(unit) or ("포인트" if unit in ("point", "points") else unit)


def _trend_clause(t, first: bool) -> str:
    if t.no_record:  # said in full once per category, then briefly
        return (
            "이전 기록 없음(데이터베이스에 지난 30일의 논문이 없어 추세를 비교하지 않습니다)."
            if first
            else "이전 기록 없음."
        )
    if t.new:
        return f"지난 30일 논문 {t.month.papers}편에는 없던 새 키워드입니다."
    w = t.week if t.week.papers else t.month
    span = f"지난 {w.days}일"
    if not t.today_papers:
        return f"{span} 논문 {w.papers}편 중 {w.hits}편에 나왔습니다."
    moved = {"up": "비율이 늘었습니다", "down": "비율이 줄었습니다", "flat": "비율이 비슷합니다"}
    text = (
        f"오늘 전체 {t.today_papers}편 중 {t.today_hits}편에 나와 "
        f"{span} {w.papers}편 중 {w.hits}편과 비교해 {moved[t.direction()]}"
    )
    if w is t.week and t.month.papers > t.week.papers:
        text += f"(지난 30일: {t.month.papers}편 중 {t.month.hits}편)"
    return text + "."


def composer(day: str, history: History | None) -> Composer:
    history = history or NoHistory()
    return Composer(day, history, history.texts_on(day))
