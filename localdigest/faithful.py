"""Is a model-written Korean line faithful to its paper? Checks on meaning, not only surface.

A model line is kept only when every check passes; otherwise the paper gets its floor line.
  han       Chinese characters or kana in Korean text (채理화된, 색影): a decoding slip
  splice    Latin glued to Hangul that is no particle (3D-to-2D세라믹스, Net들이다)
  latin     a number or Latin term the paper does not contain (quality.SourceIndex)
  content   a Korean content word (noun, verb or adjective root) that is neither a reviewed
            glossary translation of a word the paper uses nor common summary vocabulary
            ("임신부" for a brain-MRI paper, "세라믹스" for scene diffusion)
  gate      the writing gate every generated line passes (quality.check_line: Hangul share,
            loops, injection, dangling list)
Korean words are found with kiwipiepy's morphological analyser (nouns NNG/NNP, verb and
adjective stems VV/VA, roots XR).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from .korean import Glossary
from .paper import Paper
from .quality import SourceIndex, check_line

_HAN = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_SPLICE = re.compile(r"([A-Za-z0-9\)]+)([\uac00-\ud7a3]+)")
# What may follow a Latin word directly: particles and the few suffixes Korean ML text glues on.
PARTICLES = {
    "을",
    "를",
    "이",
    "가",
    "은",
    "는",
    "과",
    "와",
    "의",
    "로",
    "으로",
    "에",
    "에서",
    "에게",
    "도",
    "만",
    "까지",
    "부터",
    "처럼",
    "보다",
    "이나",
    "나",
    "이며",
    "며",
    "이고",
    "고",
    "라는",
    "이라는",
    "란",
    "이란",
    "와의",
    "과의",
    "에서의",
    "으로의",
    "로의",
    "에의",
    "를위한",
    "기반",
    "기반의",
    "들",
    "들을",
    "들이",
    "들의",
    "들은",
    "들과",
    "에서는",
    "에는",
    "으로는",
    "로는",
    "로서",
    "으로서",
    "와는",
    "과는",
    "이다",
    "다",
    "입니다",
    "이라",
    "라",
    "형",
    "용",
    "급",
    "개",
    "배",
    "만큼",
    "에서도",
    "으로도",
    "로도",
    "조차",
    "마다",
    "인",
    "이자",
    "하는",
    "한",
    "된",
    "되는",
    "했",
    "합니다",
    "하고",
    "하며",
    "하여",
    "해",
    "점",
    "씩",
    "위",
    "등",
    "등의",
    "등을",
}
# Common summary vocabulary: a model may use these whatever the paper says.
COMMON = set(
    """
    논문 연구 관련 방법 방식 기법 제안 제시 소개 개발 설계 구축 공개 분석 평가 실험 결과
    성능 향상 개선
    기존 새롭 새 모델 데이터 데이터셋 벤치마크 프레임워크 접근 접근법 문제 해결 다루 보이 보여주
    보고 주장 확인 입증 달성 기반 활용 사용 이용 통하 위하 대하 관하 따르 가능 효과 효율
    정확도 높 낮
    크 작 많 적 더 기술 시스템 과제 작업 목표 이 그 것 수 등 및 또한 때 중 간 대비 통해 위해
    대해 여러 다양 다양하 주요 핵심 동시 함께 뛰어나 우수 능가 줄이 늘리 나타내 밝히 설명 탐구 조사
    측정 비교 적용 학습 추론 생성 예측 제공 수행 포함 구성 사람 인간 경우 방향 과정 단계 구조 정보
    특징 요소 기능 능력 한계 차이 영향 개념 측면 관점 하 되 있 없 같 않 못 지 최신 최고 수준 전반
    이러하 이러 그러하 일반 실제 다른 각 모든 일부 전체 자동 직접 기존의 아 기 소 내 외 상 하위
    상위 고 저 신규 첫 처음 제 번째 가지 개선하 증가 감소 강화 유지 최적 최적화 적 적인 인 형
    """.split()
)
_KEEP_TAGS = ("NNG", "NNP", "VV", "VA", "XR")


@dataclass
class Verdict:
    failures: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.failures


@lru_cache(maxsize=1)
def _kiwi():
    try:
        from kiwipiepy import Kiwi
    except ImportError as exc:  # pragma: no cover - declared dependency
        raise RuntimeError(
            "kiwipiepy is not installed: run `make install` (or pip install kiwipiepy)"
        ) from exc
    return Kiwi()


def content_words(text: str) -> list[str]:
    """Korean content morphemes of text (nouns, verb/adjective stems, roots), Hangul only."""
    out = []
    for tok in _kiwi().tokenize(text):
        if tok.tag.startswith(_KEEP_TAGS) and _has_hangul(tok.form):
            out.append(tok.form)
    return out


def _has_hangul(text: str) -> bool:
    return any("\uac00" <= c <= "\ud7a3" for c in text)


class FaithCheck:
    """Checks a model's Korean line against its own paper and the reviewed glossary."""

    def __init__(self, glossary: Glossary) -> None:
        self.glossary = glossary
        self._morphs: dict[str, list[tuple[str, set[str]]]] = {}
        self._licensed: dict[str, set[str]] = {}  # paper content hash -> its licensed words

    def _by_english(self) -> list[tuple[str, set[str]]]:
        # (English term, its Korean content morphemes), computed once per glossary
        key = self.glossary.version
        if key not in self._morphs:
            self._morphs[key] = [
                (en, set(content_words(ko))) for en, (ko, _pos) in self.glossary.entries.items()
            ]
        return self._morphs[key]

    def licensed(self, paper: Paper) -> set[str]:
        """Korean morphemes this paper licenses: translations of glossary terms it uses.
        Kept per paper: every retry of the paper's line is checked against the same set."""
        key = paper.content_hash()
        if key not in self._licensed:
            self._licensed[key] = self._scan(paper)
        return self._licensed[key]

    def _scan(self, paper: Paper) -> set[str]:
        text = " " + " ".join(_words(paper.title + " " + paper.abstract)) + " "
        ok: set[str] = set()
        for en, morphs in self._by_english():
            if f" {en} " in text or f" {en}s " in text or f" {en}es " in text:
                ok |= morphs
            elif en.endswith("e") and f" {en[:-1]}" in text:  # generate -> generating
                ok |= morphs
        return ok

    def check(self, line: str, paper: Paper, index: SourceIndex | None = None) -> Verdict:
        v = Verdict()
        if _HAN.search(line):
            v.failures.append("han")
        for latin, hangul in _SPLICE.findall(line):
            if hangul not in PARTICLES and not any(hangul.startswith(p) for p in ("하", "되")):
                v.failures.append(f"splice {latin}{hangul}")
                break
        index = index or SourceIndex([paper.title, paper.abstract], [])
        if bad := index.ungrounded(line):
            v.failures.append("latin " + ", ".join(bad))
        licensed = self.licensed(paper)
        unknown = [w for w in content_words(line) if w not in COMMON and w not in licensed]
        if unknown:
            v.failures.append("content " + ", ".join(dict.fromkeys(unknown)))
        v.failures += [f"gate {f}" for f in check_line(line, index=index) if "hangul" not in f]
        return v


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9][a-z0-9\-]*", text.lower())
