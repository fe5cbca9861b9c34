"""The floor's second sentence: one fact the title does not say, or nothing."""

from localdigest.floor import floor_line, translate_phrase
from localdigest.floor_count import beaten_names, eval_count
from localdigest.floor_detail import result_fact
from localdigest.floor_eval import eval_names
from localdigest.floor_how import how_fact
from localdigest.floor_named import component_fact
from localdigest.floor_size import size_fact
from localdigest.korean import Glossary, default_glossary
from localdigest.paper import Paper

G = Glossary(
    {
        "accuracy": ("정확도", "n"),
        "latency": ("지연 시간", "n"),
        "prediction": ("예측", "n"),
        "module": ("모듈", "n"),
        "rendering": ("렌더링", "n"),
        "render": ("렌더링", "v"),
        "self-attention": ("셀프 어텐션", "n"),
        "extraction": ("추출", "n"),
        "framework": ("프레임워크", "n"),
        "tracking": ("추적", "n"),
        "representation": ("표현", "n"),
        "engineering": ("공학", "n"),
        "propose": ("제안", "v"),
    },
    "test",
    2,
)


def test_a_number_about_our_method_is_carried_whole():
    text = "We propose MAAM. MAAM achieves 87.0% accuracy on the CIFAR-10 dataset."
    assert result_fact(text, G, ("MAAM",)) == "CIFAR-10에서 정확도 87.0%를 기록합니다."
    assert (
        result_fact("Our method reduces latency by up to 30%.", G)
        == "지연 시간을 최대 30% 줄입니다."
    )


def test_a_number_about_another_system_is_not_ours():
    # the frontier models' score is a finding about them; a line would pin it on the paper
    text = "Frontier models such as GPT-4 achieve only 50% accuracy on HardBench."
    assert result_fact(text, G) is None
    assert result_fact("The baseline reduces latency by 30%.", G) is None
    text = "Our method beats the baseline, which achieves 50% accuracy on HardBench."
    assert result_fact(text, G) is None


def test_a_system_before_by_is_not_a_metric():
    # "improves InternVL2-76B by 5.8%": 5.8% of what, the sentence does not say
    assert result_fact("Our method improves InternVL2-76B by 5.8%.", G) is None
    assert result_fact("Our method improves F1 by 5.8%.", G) == "F1을 5.8% 개선합니다."


def test_a_speedup_is_a_whole_sentence():
    text = "Our model runs up to 12x faster than prior work."
    assert result_fact(text, G) == "최대 12배 빠릅니다."


def test_a_hedged_number_is_left_out():
    assert result_fact("Our method reduces latency by nearly 30%.", G) is None


def test_the_parts_a_method_is_made_of():
    text = "We propose BEV-GS. BEV-GS consists of a prediction module and a rendering module."
    assert how_fact(text, G, ("BEV-GS",)) == "예측 모듈·렌더링 모듈로 구성됩니다."
    text = "It leverages channel-wise self-attention and glyph extraction to denoise."
    assert how_fact(text, G) == "channel-wise 셀프 어텐션·glyph 추출을 활용합니다."


def test_a_compound_noun_after_a_gerund_is_not_its_object():
    assert translate_phrase("rendering module", G) == "렌더링 모듈"


def test_vague_parts_say_nothing():
    # a count or a kind is not a part; the parts come later in the abstract or not at all
    assert how_fact("Our framework consists of three key components.", G) is None
    assert how_fact("It uses two types of self-attention.", G) is None
    assert how_fact("Our method uses representations.", G) is None
    # "engineering techniques": an -ing word before a kind of method is a compound, so the
    # head noun stays (floor-62; the participle cut had dropped it and the test wanted silence)
    assert how_fact("We use representation engineering techniques to study models.", G) == (
        "표현 공학 techniques를 사용합니다."
    )


def test_the_contribution_sentence_is_not_repeated_as_a_part():
    assert how_fact("We introduce a tracking framework.", G) is None


def test_named_benchmarks_an_evaluation_sentence_gives():
    text = "Extensive experiments on ModelNet40, ScanObjectNN, and ShapeNetPart show gains."
    assert eval_names(text) == ["ModelNet40", "ScanObjectNN", "ShapeNetPart"]
    assert eval_names("Experiments on SAR datasets show gains.") == []  # a kind of data
    assert eval_names("Results on GitHub are available.") == []


def test_the_line_carries_the_fact_after_the_contribution():
    p = Paper(
        id="2504.00001",
        title="BEV-GS: Road Reconstruction",
        abstract="We propose BEV-GS, a tracking framework. "
        "BEV-GS consists of a prediction module and a rendering module.",
    )
    line = floor_line(p, G)
    assert line.endswith("예측 모듈·렌더링 모듈로 구성됩니다.")
    assert line.startswith("추적 프레임워크 BEV-GS")


def test_the_size_of_the_papers_own_dataset():
    text = "We release CoLoTa. The dataset comprises 3.49 million questions."
    assert size_fact(text, G2) == "데이터셋은 질문 349만개를 포함합니다."
    text = "Our benchmark includes over 1,200 patients from three hospitals."
    assert size_fact(text, G2) == "벤치마크는 환자 1,200명 이상을 포함합니다."
    # a hedge ("about") and a length ("8192 tokens") are not a count the line can carry
    # "about 500" keeps its hedge
    assert size_fact("Our dataset contains about 500 questions.", G2) == (
        "데이터셋은 질문 약 500개를 포함합니다."
    )
    assert size_fact("Our benchmark covers 8192 tokens of context.", G2) is None
    # a sentence about someone else's dataset
    assert size_fact("Prior benchmarks contain 500 questions.", G2) is None


G2 = Glossary({"question": ("질문", "n"), "patient": ("환자", "n")}, "test", 1)


def test_a_count_of_datasets_comes_from_an_evaluation_sentence():
    assert eval_count("Experiments on three public datasets show gains.") == "3개 데이터셋"
    # the tasks a model was trained on are not where it was evaluated
    assert eval_count("We mid-train the model on 11 tasks.") is None


def test_a_number_with_thousands_is_read_whole():
    # round 9: "250,000x" had become "000배"
    text = "Our approach cuts time from days to milliseconds, achieving a 250,000x speedup."
    assert result_fact(text, G) == "250,000배 속도 향상을 보고합니다."
    assert result_fact("Our method improves the recall@1 by 2.88%.", G) == (
        "recall@1을 2.88% 개선합니다."
    )


def test_a_score_without_a_benchmark_only_when_it_is_unambiguous():
    text = "We classify the curves, obtaining accuracies as high as 90.7%."
    assert result_fact(text, G) == "정확도 최대 90.7%를 기록합니다."
    # "relative accuracy" is not accuracy; two numbers: which is ours is a guess
    assert result_fact("Our framework detects fish with a relative accuracy of 47%.", G) is None
    text = "Our model reaches an accuracy of 91% while the baseline reaches 80%."
    assert result_fact(text, G) is None


def test_a_list_is_not_cut_at_a_hyphenated_word():
    # round 9: "under-sampling" was cut at "under", leaving "SMOTE와를"
    text = "We address imbalance by employing SMOTE and under-sampling techniques."
    line = how_fact(text, G)
    assert line is None or "와를" not in line and "under-sampling" in line


def test_a_second_named_part_the_authors_make():
    text = (
        "We present InfiniDreamer, a framework. We then introduce an optimization-based "
        "method called Segment Score Distillation (SSD) to refine the sequence."
    )
    line = component_fact(text, G, ("InfiniDreamer",), "InfiniDreamer를 제시합니다.")
    assert line is not None and line.startswith("또한 ")
    assert "Segment Score Distillation(SSD)를" in line and line.endswith("제안합니다.")
    text = "We propose X-Net. Specifically, we design a Temporal Fusion Module (TFM) that aligns."
    assert component_fact(text, G, ("X-Net",)) == "또한 Temporal Fusion Module(TFM)을 설계합니다."


def test_a_name_that_only_modifies_or_is_well_known_is_not_made_by_the_authors():
    # round-9 dev reading: "a GRPO objective" and "using PPO" are tools, not contributions
    text = (
        "We propose SQL-R1. Second, we introduce a Group Relative Policy Optimization (GRPO) "
        "reinforcement learning objective that connects accuracy to reasoning."
    )
    assert component_fact(text, G, ("SQL-R1",)) is None
    text = "We propose A. We also present a method called PPO for training."
    assert component_fact(text, G, ("A",)) is None
    # the line's own contribution sentence is never said twice
    text = "We introduce a Temporal Fusion Module (TFM) for video."
    assert component_fact(text, G) is None


def test_a_count_that_is_only_part_of_the_benchmarks_is_left_out():
    # round 10: "two English benchmarks (...) and one Chinese benchmark" became "2개 벤치마크"
    text = (
        "Experimental results on two English benchmarks (A1 and B2) and one Chinese benchmark "
        "(C3) demonstrate that our method improves performance."
    )
    assert eval_count(text) is None
    assert eval_count("Experiments on three public datasets demonstrate gains.") == "3개 데이터셋"


def test_an_en_dash_between_two_names_stays_in_the_name():
    # round 10: "a Rao--Blackwellized estimator" had become "Rao를 제안합니다."
    paper = Paper(
        id="x",
        title="Better Estimation of the KL Divergence",
        abstract="In this paper, we introduce a Rao--Blackwellized estimator that is unbiased.",
    )
    assert "Rao-Blackwellized" in floor_line(paper, G)


def test_two_numbers_each_with_its_metric_and_an_error_that_improves():
    # sample day 2025-04-03: "improving Rel and RMSE by 27% and 18%, respectively" had become
    # "Rel과 RMSE를 27% 높입니다" — a number given to the wrong metric, in the wrong direction
    text = "Our model achieves state-of-the-art results, improving Rel and RMSE by 27% and 18%."
    assert result_fact(text, G) is None
    text = "Our model improves RMSE by 18%, respectively better than the baselines."
    assert result_fact(text, G) is None
    # "improves RMSE by 18%" lowers the error: said as 개선, never as 높입니다
    assert result_fact("Our method improves RMSE by 18%.", G) == "RMSE를 18% 개선합니다."
    assert result_fact("Our method increases the error by 3%.", G) is None


def test_a_count_is_not_taken_across_another_number():
    # "two architectures and four datasets" had become "2개 데이터셋"
    assert (
        eval_count("Experiments on two architectures and four datasets show that X gains.") is None
    )
    assert (
        eval_count("Experiments on 84 internal and external datasets show gains.")
        == "84개 데이터셋"
    )


def test_dev_reading_2_ranges_findings_and_partial_counts_say_nothing():
    # "by 11.8% to 50.4%": a range, not one figure
    assert result_fact("Our method reduces reasoning tokens by 11.8% to 50.4%.", G) is None
    # "optimizations can reduce energy by up to 73%": what existing techniques could do
    text = (
        "Our findings reveal that the proper application of relevant optimizations can reduce "
        "total energy use by up to 73%."
    )
    assert result_fact(text, G) is None
    # "two QA datasets, a puzzle-solving task, and a text generation task": not 2 in all
    text = "We evaluate it on two QA datasets, a puzzle-solving task, and a text generation task."
    assert eval_count(text) is None


def test_a_name_with_a_decimal_point_is_read_whole():
    # "Human3.6M" had been cut at its "." ("Human3"), the regex taking it for a sentence end
    text = (
        "Extensive evaluations on the Human3.6M and MPI-INF-3DHP benchmark datasets "
        "demonstrate the effectiveness of our approach."
    )
    assert eval_names(text) == ["Human3.6M", "MPI-INF-3DHP"]


def test_an_example_systems_score_is_not_the_papers():
    text = (
        "Our evaluations with 21 models show a drop; e.g., Claude Sonnet 3.5 scores 90.5% on "
        "ChartQA but only 55.81% on ChartQAPro."
    )
    assert result_fact(text, G) is None


def test_a_breakdown_after_including_keeps_the_total():
    # round 12: "three datasets, including a private dataset and two public datasets" is the
    # three broken down, not three plus two more
    text = (
        "Evaluated on three datasets, including a private financial dataset and two public "
        "datasets, CaT-GNN demonstrates superior performance over existing methods."
    )
    assert eval_count(text) == "3개 데이터셋"


# --- what the method does: glossary verbs beyond the parts list (floor-24) -------------------

D = Glossary(
    dict(
        G.entries,
        **{
            "learn": ("학습", "v"),
            "identify": ("식별", "v"),
            "light transport": ("빛 전달", "n"),
            "latent space": ("잠재 공간", "n"),
            "challenge": ("과제", "n"),
            "show": ("보여", "v"),
            "prompting": ("프롬프팅", "n"),
            "mechanism": ("메커니즘", "n"),
            "token": ("토큰", "n"),
        },
    ),
    "test",
    2,
)


def test_what_the_method_does_to_its_material():
    text = "We introduce 8DNA. Unlike prior methods, 8DNA learns the full 8D light transport."
    assert how_fact(text, D, ("8DNA",)) == "full 8D 빛 전달을 학습합니다."
    # "-y" verbs inflect as "identifies"; an adverb may sit between subject and verb
    text = "We propose X. It then identifies salient tokens during decoding."
    assert how_fact(text, D, ("X",)) == "salient 토큰을 식별합니다."


def test_a_verb_of_reporting_or_an_empty_object_says_nothing():
    assert how_fact("We propose X. We show the latent space collapses.", D, ("X",)) is None
    # "identifies key challenges": true and empty
    assert how_fact("We propose X. We identify key challenges.", D, ("X",)) is None
    # the method validating itself is no fact
    assert how_fact("We propose X. We learn X from data.", D, ("X",)) is None


def test_it_is_our_method_only_after_a_sentence_about_ours():
    text = "CLIP is widely used. However, it learns a latent space with shortcuts."
    assert how_fact(text, D) is None
    text = "We propose X for retrieval. It learns a latent space with shortcuts."
    assert how_fact(text, D, ("X",)) == "잠재 공간을 학습합니다."


def test_the_parts_a_method_uses_come_before_what_it_does():
    text = "We propose X. We learn a latent space. It leverages channel-wise self-attention."
    assert how_fact(text, D, ("X",)) == "channel-wise 셀프 어텐션을 활용합니다."


def test_a_parenthesis_inside_a_noun_phrase_keeps_its_head():
    # cut at "(CoT)" the phrase would lose "prompting mechanism"
    text = "We propose X. We employ a structured chain-of-thought (CoT) prompting mechanism."
    assert (
        how_fact(text, D, ("X",)) == "structured chain-of-thought 프롬프팅 메커니즘을 사용합니다."
    )


def test_a_list_that_runs_into_a_second_verb_says_nothing():
    text = "We propose X. It identifies key tokens and corrects distributional biases."
    assert how_fact(text, D, ("X",)) is None
    # "along" / "during" end the object instead of leaking into the Korean
    text = "We propose X. We learn a latent space along with a decoder."
    assert how_fact(text, D, ("X",)) == "잠재 공간을 학습합니다."


def test_an_apposition_is_no_second_part():
    text = "We propose X. It uses Mutual Information, a metric of dependence, to rank tokens."
    assert how_fact(text, D, ("X",)) == "Mutual Information을 사용합니다."


def test_a_version_number_is_read_whole():
    text = "We propose X. We fine-tune Qwen2.5-72B-Instruct on our data."
    assert how_fact(
        text, Glossary(dict(D.entries, **{"fine-tune": ("미세 조정", "v")}), "t", 2), ("X",)
    ) == ("Qwen2.5-72B-Instruct를 미세 조정합니다.")


def test_between_ends_the_object_and_a_contrast_is_not_ours():
    # "BERTScore between A and B" is one thing, not a list of two
    text = "We propose X. It uses BERTScore between generations and reference answers."
    assert how_fact(text, D, ("X",)) == "BERTScore를 사용합니다."
    text = "We show how LLMs act, not by thinking, but by learning a latent space."
    assert how_fact(text, D) is None


def test_a_noun_with_two_senses_is_not_guessed():
    text = "We propose X. It learns a continuous feature field."
    assert how_fact(text, D, ("X",)) is None


def test_numbered_parts_are_read_as_a_list():
    text = (
        "We propose X. X consists of three components: (1) a prediction module that scores "
        "tokens; (2) a rendering module, which draws; and (3) a tracking module."
    )
    assert how_fact(text, D, ("X",)) == "예측 모듈·렌더링 모듈·추적 모듈로 구성됩니다."


def test_faster_at_one_step_says_which_step():
    # round 15: 18.1x was LLM prefilling only (end to end 4.0x); "18.1배 빠릅니다" overstated it
    text = "We build X. It delivers 18.1x faster prefilling, 4.0x lower latency than the CPU."
    assert result_fact(text, G, ("X",)) == "prefilling에서 18.1배 빠릅니다."
    assert result_fact("Our method is 3.2x faster than the baseline.", G) == "3.2배 빠릅니다."


def test_metric_depth_is_no_evaluation_metric():
    from localdigest.korean import default_glossary

    assert translate_phrase("metric depth estimation", default_glossary()) == "메트릭 깊이 추정"


def test_a_margin_over_unnamed_baselines_and_a_before_after_pair():
    text = "We propose X. X outperforms strong baselines by 12.57% on average."
    assert result_fact(text, G, ("X",)) == "기존 방법보다 평균 12.57% 높은 성능을 보고합니다."
    # a named rival is not "기존 방법"
    assert result_fact("We propose X. X outperforms GPT-4o by 5%.", G, ("X",)) is None
    text = "Our approach increases overall accuracy from 29.1% to 84.5%."
    assert result_fact(text, G) == "정확도를 29.1%에서 84.5%로 높입니다."


def test_a_gain_on_a_subset_says_nothing():
    # "on the most challenging problems": the line could not say which problems
    text = "Our system boosts accuracy from 20% to 80% on the most challenging problems."
    assert result_fact(text, G) is None
    text = "Our method achieves a 3.1% improvement in accuracy on ImageNet."
    assert result_fact(text, G) == "ImageNet에서 정확도를 3.1% 개선합니다."


def test_a_quote_gives_way_to_the_titles_name_and_a_korean_fact():
    p = Paper(
        id="q",
        title="TopoLine: How Far Can Shape Go?",
        abstract=(
            "Shape matters a great deal in vision. In this work, we ask how far shape can go. "
            "It leverages channel-wise self-attention and glyph extraction to denoise."
        ),
    )
    assert (
        floor_line(p, G) == "TopoLine을 다룹니다. channel-wise 셀프 어텐션·glyph 추출을 활용합니다."
    )


def test_humans_beating_models_is_no_claim_of_the_paper():
    p = Paper(
        id="h",
        title="HumanGap: Humans and Models in Action Recognition",
        abstract=(
            "We present HumanGap, a study of action recognition. Humans consistently outperform "
            "state-of-the-art AI models in action recognition."
        ),
    )
    assert "기존 방법보다" not in floor_line(p, G)
    p = Paper(
        id="h2",
        title=p.title,
        abstract="We present HumanGap. HumanGap outperforms "
        "prior state-of-the-art methods on 3D human models.",
    )
    assert "기존 방법보다 높은 성능을 보고합니다" in floor_line(p, G)


def test_benchmark_names_after_evaluated_on():
    text = "We propose X. Evaluated on the MetalDAM benchmark, X improves segmentation."
    assert eval_names(text, ("X",)) == ["MetalDAM"]
    text = "Experiments on the MSD Task01 and BraTS 2021 datasets demonstrate that X works."
    assert eval_names(text, ("X",)) == ["MSD Task01", "BraTS 2021"]
    # plain capitalized words count only beside a clear name; more than three get 등
    text = "Experiments on CelebAMask-HQ, LaPa, Helen and CUB demonstrate its value."
    assert eval_names(text) == ["CelebAMask-HQ", "LaPa", "Helen 등"]
    assert eval_names("We evaluate it on English and Chinese.") == []
    # "RL-based finetuning" is no benchmark called RL
    assert eval_names("These experiments evaluate agents, with emphasis on RL-based tuning.") == []


def test_a_list_read_in_part_says_so():
    text = "Experiments on AIME 2024, AIMO 2025, and GPQA Diamond show that it helps."
    assert eval_names(text) == ["AIME 2024", "AIMO 2025 등"]


def test_where_it_was_evaluated_is_said_beside_an_unscoped_sota_claim():
    p = Paper(
        id="e",
        title="FooNet: A Network",
        abstract=(
            "We propose FooNet, a network for depth completion. Evaluated on the KITTI benchmark, "
            "FooNet is fast. In ablations, FooNet outperforms existing methods."
        ),
    )
    assert floor_line(p, G).endswith("KITTI에서 평가하며, 기존 방법보다 높은 성능을 보고합니다.")


def test_the_key_idea_and_the_methods_own_parts_by_their_kind():
    text = "We propose X. Our key idea is to learn a latent space for each object."
    assert how_fact(text, D, ("X",)) == "잠재 공간을 학습합니다."
    text = "We propose X. The proposed module leverages channel-wise self-attention."
    assert how_fact(text, D, ("X",)) == "channel-wise 셀프 어텐션을 활용합니다."
    # "includes key tasks": a kind, nothing a reader can picture
    assert how_fact("We propose X. The benchmark includes key tasks.", D, ("X",)) is None


def test_teaching_people_is_no_doing_of_the_method():
    T = Glossary(dict(D.entries, train=("학습", "v"), model=("모델", "n")), "t", 2)
    assert (
        how_fact("We propose X. It trains compact models.", T, ("X",))
        == "compact 모델을 학습합니다."
    )
    assert how_fact("We propose X. It trains translation students.", T, ("X",)) is None
    text = "We release X. The dataset can also serve by training compact models."
    assert how_fact(text, T, ("X",)) is None


def test_a_change_in_times_and_a_named_part_said_by_name():
    text = "We propose X. X reduces latency by up to 10x compared to CPUs."
    # the one system it is measured against is said with it
    assert result_fact(text, G, ("X",)) == "CPUs 대비 지연 시간을 최대 10배 줄입니다."
    # "solving times": the -ing word would be read as a verb
    assert result_fact("We propose X. X reduces solving times by 10x.", G, ("X",)) is None
    text = "We propose X. The AFIA module leverages channel-wise self-attention."
    assert how_fact(text, D, ("X",)) == "channel-wise 셀프 어텐션을 활용합니다."
    # a lower-case name with a capital inside is a name it beats
    assert beaten_names("We present X. X outperforms pyRDF2vec and jRDF2vec.", ("X",)) == [
        "pyRDF2vec",
        "jRDF2vec",
    ]


def test_a_passive_outperformed_and_a_pronoun_list_say_nothing():
    p = Paper(
        id="p",
        title="FooDet: Two-Stage Detection",
        abstract=(
            "We introduce FooDet, a two-stage detector. Albeit efficient, PointPillars is "
            "typically outperformed by state-of-the-art methods."
        ),
    )
    assert "기존 방법보다" not in floor_line(p, G)
    text = "We propose X. It extracts feature embeddings and projects them onto a sphere."
    T = Glossary(dict(D.entries, extract=("추출", "v"), embedding=("임베딩", "n")), "t", 2)
    assert how_fact(text, T, ("X",)) is None


def test_tex_escapes_do_not_hide_a_number():
    # "39\%" was read as no percentage at all; "$\sim$" is a hedge the line keeps
    abstract = "We propose FGM-HD. Our framework improves accuracy by $\\sim$39\\% on average."
    line = floor_line(Paper(id="x", title="FGM-HD: Boosting Diversity", abstract=abstract), G)
    assert "정확도를 약 39% 개선합니다." in line


def test_hedges_are_said_not_dropped():
    assert (
        result_fact("Our method reduces latency by over 74%.", G)
        == "지연 시간을 74% 이상 줄입니다."
    )
    assert (
        result_fact("Our method reduces latency by about 3x.", G) == "지연 시간을 약 3배 줄입니다."
    )
    # "nearly 30%" is less than 30%: no figure
    assert result_fact("Our method reduces latency by nearly 30%.", G) is None
    # a hedge the pattern did not read: "up to a 6.49%", "up to +2.4%"
    assert result_fact("Our method achieves up to a 6.49% accuracy improvement.", G) is None
    assert result_fact("Our method improves accuracy by up to +2.4% overall.", G) is None


def test_a_range_is_read_whole_never_its_upper_end():
    assert result_fact("Our method reduces latency by 45-80%.", G) == "지연 시간을 45~80% 줄입니다."
    assert result_fact("Our method reduces latency by 48%–80%.", G) is None
    assert result_fact("Our method reduces latency by 1% to 5%.", G) is None
    assert result_fact("Our method is 2x-10x faster.", G) is None


def test_a_figure_narrowed_to_one_setting_is_left_out():
    for text in (
        "On easy tasks, our method reduces latency by 60%.",
        "When combined with INT4 quantisation, our method reduces latency by 80%.",
        "Our method reduces latency by 72% with RL-based trackers.",
        "In particular, our method improves accuracy by 43% across five models on the SIUO set.",
        "For instance, our method reduces latency by 30% on long inputs.",
        "Our method achieves an additional 23.5% latency reduction.",
    ):
        assert result_fact(text, G) is None, text
    # a leading benchmark is said with the figure
    assert (
        result_fact("On the ImageNet-1k dataset, our method reduces latency by 44%.", G)
        == "ImageNet-1k에서 지연 시간을 44% 줄입니다."
    )


def test_a_figure_of_another_system_or_part_is_not_the_line_s():
    assert result_fact("Task-matched BM25 retrieval achieves 58% accuracy on HotpotQA.", G) is None
    assert result_fact("We adapt two LLMs: Mistral-7b, reducing latency by 25%.", G) is None
    text = "We propose NCB. We further present SAT, which reduces latency by 30%."
    assert result_fact(text, G, ("NCB",)) is None
    # the one system a figure is measured against is named with it
    assert (
        result_fact("Our method reduces latency by 3.9x over FlashAttention.", G)
        == "FlashAttention 대비 지연 시간을 3.9배 줄입니다."
    )


def test_scores_and_gains_with_the_metric_first():
    assert result_fact("Our model achieves a 93.5% attack success rate.", G) == (
        "공격 성공률 93.5%를 기록합니다."
    )
    assert result_fact("Our model reaches an average precision (AP) of 93.5%.", G) == (
        "평균 정밀도(AP) 93.5%를 기록합니다."
    )
    assert result_fact("Our model achieves a significant 12 percent accuracy improvement.", G) == (
        "정확도를 12% 개선합니다."
    )
    # "balanced accuracy", "factual recall": not the metric the Korean would name
    assert result_fact("Our model reaches a balanced accuracy of 66.7%.", G) is None
    assert (
        result_fact("Our model reaches a 72.5% statistically significant improvement.", G) is None
    )


def test_dataset_sizes_after_the_data_word():
    assert size_fact("We build a benchmark of 1,262 questions.", G2) == (
        "벤치마크는 질문 1,262개를 포함합니다."
    )
    assert size_fact("We release a dataset with 2,800+ questions.", G2) == (
        "데이터셋은 질문 2,800개 이상을 포함합니다."
    )
    # "hours of video" counts no items; a prior dataset is not the paper's
    assert size_fact("We release a dataset of 250 hours of questions.", G2) is None
    assert size_fact("Unlike the prior dataset of 500 questions, we ...", G2) is None


def test_round18_classes():
    # "385K image patches of size 1024x1024": "of" does not end the count ("points of interest"
    # does)
    text = "We provide a training dataset comprising 385K questions of size 1024."
    assert size_fact(text, G2) == "데이터셋은 질문 385K개를 포함합니다."
    assert size_fact("We release a collection of 500 questions of interest.", G2) is None
    # a title's finding ("Conditional Equivalence of DPO and RLHF") is no purpose of the method
    abstract = (
        "We prove this equivalence is conditional. We introduce Constrained Optimization (CO)."
    )
    paper = Paper(id="x", title="Conditional Equivalence of DPO and RLHF", abstract=abstract)
    assert "위한" not in floor_line(paper, G)


def test_a_title_purpose_the_object_already_says_is_not_repeated():
    # round 18: "Low-Resource NLP 평가를 위한 저자원 NLP 평가의 ... 서베이": "평가의" says "평가"
    g = Glossary(
        {"model": ("모델", "n"), "editing": ("편집", "n"), "task": ("작업", "n")}, "test", 1
    )
    paper = Paper(
        id="x",
        title="DocEdit: Towards Document Model Editing",
        abstract="We propose the task of model editing. It is hard.",
    )
    assert "위한" not in floor_line(paper, g)


def test_a_long_lead_before_we_and_a_3d_term():
    g = Glossary({"encoder": ("인코더", "n"), "employ": ("사용", "v")}, "test", 1)
    # "To ..., we employ X": the lead says why; the part is ours
    text = "To project an image into a latent code, we employ a 3D GAN inversion encoder."
    assert how_fact(text, g) == "3D GAN inversion 인코더를 사용합니다."
    # after "While A offers ..., it" the "it" is A, not the paper's method
    text = "While thermal imaging offers privacy, it also introduces inherent hurdles."
    assert how_fact(text, g) is None
    # "capture X and recover the Y": a second verb, not a second part
    text = "To ensure realism, we capture HDR panoramas and recover the absolute radiance."
    assert how_fact(text, g) is None


def test_the_means_of_a_doing_is_said_with_euro():
    g = Glossary(
        {
            "augment": ("증강", "v"),
            "source domain": ("소스 도메인", "n"),
            "diffusion": ("확산", "n"),
            "compare": ("비교", "v"),
            "model performance": ("모델 성능", "n"),
            "classifier": ("분류기", "n"),
        },
        "test",
        2,
    )
    # "using X" is how it is done, said as X(으)로, not as a noun the object carries
    text = "We augment the source domain using GPT-guided diffusion, avoiding overfitting."
    assert how_fact(text, g) == "GPT-guided 확산으로 소스 도메인을 증강합니다."
    # a means that is a list: what the list belongs to is a guess, so nothing is said
    text = "We compare model performance using Naive Bayes, mBERT and a classifier."
    assert how_fact(text, g) is None


def test_names_a_result_of_ours_is_reported_on():
    text = (
        "Extensive experiments show that our approach achieves remarkable results on both the "
        "S3DIS and ScanNet datasets, improving the mIoU by 20%."
    )
    assert eval_names(text) == ["S3DIS", "ScanNet"]
    # a score on each name; one the reading cannot take ("RefCOCO+") makes the list open
    text = "Perception-R1 achieves +4.2% on RefCOCO+, +17.9% on PixMo-Count, +4.2% on PageOCR."
    assert eval_names(text, ("Perception-R1",)) == ["PixMo-Count", "PageOCR 등"]
    text = "It achieves scores of 85.3 on AIME 2024, 74.4 on AIME 2025, and 70.3 on LiveCodeBench."
    # one result sentence seldom names every benchmark: the list stays open ("등")
    assert eval_names(text) == ["AIME 2024", "AIME 2025", "LiveCodeBench 등"]
    # the list goes on past what reads as names
    text = "GLS surpasses prior approaches on MuSHRoom, ScanNet++, and LERF-OVS datasets."
    assert eval_names(text, ("GLS",)) == ["MuSHRoom 등"]


def test_no_benchmark_names_from_models_metrics_kinds_or_others_results():
    # a model it runs on, metrics, a kind of benchmark, another system's result
    assert eval_names("We perform RFT on Qwen2.5-VL-7B-Instruct, yielding our model.") == []
    text = "Our method achieves an improvement of up to 15% on RMSE, 17% on MAPE."
    assert eval_names(text) == []
    assert eval_names("Our approach improves performance on standard Text-to-SQL benchmarks.") == []
    text = "Competitive baselines barely outperform random baselines on WQ."
    assert eval_names(text) == []
    # a count the abstract gives wins over the names one result sentence carries
    text = (
        "Evaluated on three long-context benchmarks, our model demonstrates superior "
        "performance on HELMET and robust retrieval on RULER."
    )
    assert eval_names(text) == []
    assert eval_count(text) == "3개 벤치마크"


def test_a_change_is_no_part_the_method_introduces():
    g = Glossary({"introduce": ("도입", "v"), "drop": ("감소", "n")}, "test", 1)
    assert how_fact("At lower resolutions, it introduces a small drop in accuracy.", g) is None


def test_a_counted_list_is_said_only_when_it_holds_the_count():
    g = Glossary(
        {"comprise": ("구성", "v"), "optimizer": ("옵티마이저", "n"), "prompt": ("프롬프트", "n")},
        "test",
        1,
    )
    text = (
        "It comprises two key components: a meta prompt optimizer and a meta structure optimizer."
    )
    assert how_fact(text, g) == "meta 프롬프트 옵티마이저·meta structure 옵티마이저를 포함합니다."
    # three named, two read: the list is not the one the count says
    text = "It comprises three key components: a prompt optimizer and a structure optimizer."
    assert how_fact(text, g) is None
    # a described list ("..., which ...") is no list of names
    text = "It comprises two stages: First, we build a prompt optimizer, which ranks prompts."
    assert how_fact(text, g) is None


def test_it_after_the_sentence_that_introduces_the_data_is_the_data():
    g = Glossary({"video": ("비디오", "n"), "real-world": ("실제", "a")}, "test", 1)
    text = (
        "We introduce Morpheus, a benchmark for physical reasoning. It features 80 real-world "
        "videos capturing physical phenomena."
    )
    assert size_fact(text, g, ("Morpheus",)) == "벤치마크는 실제 비디오 80개를 포함합니다."
    # "It" after a sentence about no data of ours says nothing
    text = "We introduce Morpheus, a method. It features 80 real-world videos."
    assert size_fact(text, g, ("Morpheus",)) is None


def test_rivals_after_a_comparison_are_not_the_subject():
    g = Glossary({"reduce": ("줄이", "v"), "latency": ("지연 시간", "n")}, "test", 1)
    text = "Compared to existing baselines, STARC reduces latency by 19%."
    assert result_fact(text, g, ("STARC",)) == "지연 시간을 19% 줄입니다."
    # another system as the subject is still not ours
    text = "Existing baselines reduce latency by 19% compared to STARC."
    assert result_fact(text, g, ("STARC",)) is None


def test_where_earlier_work_was_evaluated_is_not_where_this_paper_is():
    text = (
        "To date, most detection methods have been evaluated on radiology benchmarks such as "
        "MIMIC-CXR and VQA-RAD. In this paper, we benchmark nine methods."
    )
    assert eval_names(text) == []
    assert eval_names("Our approach has been evaluated on the MARIOEval benchmark.") == [
        "MARIOEval"
    ]


def test_a_participle_after_the_object_ends_it_unless_a_list_goes_on():
    g = Glossary({"use": ("사용", "v"), "vascular graph": ("혈관 그래프", "n")}, "test", 2)
    # "vascular graphs extracted from ground truth": the noun phrase ends before "extracted"
    text = "Our pipeline uses vascular graphs extracted from ground truth."
    assert how_fact(text, g) == "혈관 그래프를 사용합니다."
    # "videos captured on-site and documents used in factories": the list would be cut
    text = "Our pipeline uses vascular graphs extracted from scans and documents used in labs."
    assert how_fact(text, g) is None


def test_a_name_its_kind_and_an_apposition_is_one_part():
    g = Glossary({"fine-tune": ("미세 조정", "v"), "model": ("모델", "n")}, "test", 1)
    text = "We fine-tune the bsc-bio-ehr-en3 model, a RoBERTa-based biomedical model."
    assert how_fact(text, g) == "bsc-bio-ehr-en3 모델을 미세 조정합니다."


def test_a_name_after_a_way_of_doing_is_not_what_they_make():
    g = Glossary({"propose": ("제안", "v")}, "test", 1)
    text = (
        "We propose Foo, a method. We also propose a new way of repurposing Monte Carlo Tree "
        "Search (MCTS) for data selection."
    )
    assert component_fact(text, g, ("Foo",)) is None


def test_an_adverb_after_the_object_is_no_part():
    g = Glossary({"integrate": ("통합", "v"), "velocity field": ("속도장", "n")}, "test", 2)
    text = "Our method integrates the learned velocity field backward in time."
    assert how_fact(text, g) is None


def test_a_benchmark_name_may_start_lower_case():
    text = "Extensive experiments on nuScenes and KITTI show that our method works."
    assert eval_names(text) == ["nuScenes", "KITTI"]
    # a participle compound is no name
    assert eval_names("We evaluate on sCNN-predicted FODs from the scanner.") == []


def test_a_name_followed_by_another_dataset_is_an_open_list():
    text = "Experiments on the ETH-XGaze dataset and our radar dataset show that it works."
    assert eval_names(text) == ["ETH-XGaze 등"]
    # "and" before a verb adds no dataset
    text = "Experiments on the BraTS2020 dataset and achieved strong results."
    assert eval_names(text) == ["BraTS2020"]


def test_names_after_including_are_examples():
    text = "We evaluate on multiple datasets, including ISIC19 and PathMNIST, against baselines."
    assert eval_names(text) == ["ISIC19", "PathMNIST 등"]
    # "three datasets, including A, B and C": the count says the list is whole
    text = "We evaluate on three datasets, including PIE, JAAD-beh and JAAD-all, against baselines."
    assert eval_names(text) == ["PIE", "JAAD-beh", "JAAD-all"]


def test_a_beaten_name_is_not_cut_at_its_version_dot():
    text = "Experiments show that OSP-Next surpasses the Wan2.1 baseline."
    assert beaten_names(text, ("OSP-Next",)) == []  # not "Wan2"


def test_a_percentage_speedup_of_a_named_step_and_a_score_raised_from_to():
    g = default_glossary()
    s = "Experiments show that Saber achieves an average 251.4% inference speedup."
    assert result_fact(s, g, ("Saber",)) == "추론 속도를 평균 251.4% 높입니다."
    assert result_fact("Saber achieves a 20% accuracy speedup.", g, ("Saber",)) is None
    s = "Our method elevates model accuracy from 55.92% to 86.85%."
    assert result_fact(s, g) == "모델 정확도를 55.92%에서 86.85%로 높입니다."


def test_a_gerund_that_starts_a_glossary_compound_is_no_step():
    g = default_glossary()
    s = (
        "In this paper, we reveal that the scaling factor and the learning rate function "
        "differently, delivering gains that cannot be replicated by learning rate scaling alone."
    )
    assert how_fact(s, g, ("LoRA-a",)) is None


def test_a_list_read_short_of_its_end_is_open_and_a_version_is_part_of_a_name():
    s = (
        "Our experiments are conducted on ScanNet v2, ScanNet200, ScanNet++, and Replica "
        "datasets for 3D segmentation."
    )
    assert eval_names(s) == ["ScanNet v2", "ScanNet200 등"]
    s = "Evaluated on SWE-Bench-Verified, EvoScale enables our 32B model to match larger ones."
    assert eval_names(s) == ["SWE-Bench-Verified"]
