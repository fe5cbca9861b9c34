"""How many systems a benchmark or a study tests, said only as the authors count them."""

from localdigest.floor import floor_line
from localdigest.floor_tested import systems_tested
from localdigest.korean import default_glossary
from localdigest.paper import Paper

G = default_glossary()


def test_a_benchmark_says_how_many_systems_it_tests():
    abstract = (
        "Endoscopy needs benchmarks. We introduce EndoBench, the first comprehensive benchmark "
        "for endoscopy analysis. We benchmark 23 state-of-the-art models and find large gaps."
    )
    line = floor_line(Paper(id="x", title="EndoBench: A Benchmark", abstract=abstract), G)
    assert "23개" in line and line.rstrip(".").endswith("평가합니다")


def test_no_count_from_a_list_joined_by_and_or_a_preposition():
    assert systems_tested("We evaluate nine open- and closed-source models on it.", G) is None
    assert systems_tested("We evaluate eight mainstream branches of LLMs.", G) is None
    assert systems_tested("We could evaluate five LLMs in future work.", G) is None


def test_not_said_twice_when_the_line_tests_them_already():
    said = "다섯 DL 모델을 평가합니다."
    assert systems_tested("We evaluate five DL models on two datasets.", G, said) is None
    assert (
        systems_tested("We evaluate five DL models on two datasets.", G)
        == "5개 DL 모델을 평가합니다."
    )


def test_where_and_what_a_study_tests_are_one_sentence():
    abstract = (
        "Efficient reasoning lacks a benchmark. We introduce EffiReason-Bench, a unified "
        "benchmark for efficient reasoning methods. We evaluate 7 methods. Experiments on four "
        "datasets show trade-offs."
    )
    line = floor_line(Paper(id="x", title="EffiReason-Bench: A Benchmark", abstract=abstract), G)
    assert "4개 데이터셋에서 7개 방법을 평가합니다." in line and line.count("평가합니다") == 1
