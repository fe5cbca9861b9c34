"""floor-72/73: shapes the floor reads since round 27 (each test fails on the version before)."""

from localdigest.contribution import find_contribution
from localdigest.floor import floor_line, translate_phrase
from localdigest.floor_detail import result_fact
from localdigest.floor_eval import eval_names
from localdigest.korean import default_glossary
from localdigest.paper import Paper

G = default_glossary()


def paper(abstract: str, title: str = "A Paper") -> Paper:
    return Paper(id="2605.00001", title=title, abstract=abstract)


def test_rivals_compared_on_the_same_names_leave_the_names_an_evaluation():
    abstract = (
        "Extensive experiments demonstrate that our proposed EgoExo-Gen achieves better "
        "prediction performance compared to previous video prediction models on the Ego-Exo4D "
        "and H2O benchmark datasets."
    )
    assert eval_names(abstract, ("EgoExo-Gen",))[:1] == ["Ego-Exo4D"]
    # a model the names were trained on is still no evaluation
    trained = "Our method achieves gains compared to models trained on ImageNet and COCO."
    assert eval_names(trained, ()) == []


def test_a_times_change_of_a_named_metric_is_read():
    abstract = "Our method achieves a 5× reduction in memory usage with minimal quality loss."
    assert result_fact(abstract, G) == "메모리 사용량을 5배 줄입니다."
    faster = "Our solution demonstrates an approximately 6x improvement in inference speed."
    assert result_fact(faster, G) == "추론 속도를 약 6배 개선합니다."
    # "speed" ends in -ed but is a noun: not cut as a participle
    assert translate_phrase("inference speed", G) == "추론 속도"
    # a times "increase" of an error is no claim of ours the line can carry
    assert result_fact("Our method causes a 3x increase in latency.", G) is None


def test_a_walltime_speedup_is_the_speed_of_a_step():
    abstract = "Results show SVIP achieving up to 20% walltime speedup on SpecBench."
    assert result_fact(abstract, G, ("SVIP",)) == "SpecBench에서 walltime 속도를 최대 20% 높입니다."


def test_what_they_propose_after_defining_a_problem_is_the_contribution():
    abstract = (
        "Repetition is common. We formally define structural repetition and propose an "
        "efficient decoding approach called RPG. To facilitate this study, we construct a new "
        "dataset CodeRepetEval."
    )
    assert find_contribution(paper(abstract)).name == "RPG"
    # a sentence that says "we propose" outright still wins over a formulation's by-product
    abstract = (
        "We formulate attention as a coding problem and propose a group coding strategy. "
        "Motivated by this, we propose Dynamic Group Attention (DGA), which reduces redundancy."
    )
    assert "DGA" in floor_line(paper(abstract), G)
    # "corresponding insights" point back to another clause: no object
    abstract = "We identify four challenges and propose corresponding insights."
    assert find_contribution(paper(abstract)) is None


def test_a_spaced_hyphen_before_an_article_is_an_apposition():
    abstract = (
        "We address such an issue and introduce SVIP - a difficulty-aware dynamic draft length "
        "policy for speculative decoding systems."
    )
    c = find_contribution(paper(abstract))
    assert c.name == "SVIP" and c.phrase.startswith("difficulty-aware")


def test_an_acronym_glued_to_the_words_it_spells_is_the_name():
    abstract = (
        "We revisit pruning and present GISP-Global Iterative Structured Pruning, a post-training "
        "method that removes attention heads."
    )
    assert "Global Iterative Structured Pruning(GISP)" in floor_line(paper(abstract), G)


def test_a_metric_improves_nothing():
    abstract = (
        "We introduce the Semantic Retention Compression Rate (SrCr), a novel metric that "
        "quantifies the trade-off. Experiments demonstrate that our recommended combination "
        "achieves a 20% performance increase compared to a quantization-only model."
    )
    line = floor_line(paper(abstract), G)
    assert "SrCr" in line and "20%" not in line


def test_seven_to_nine_are_counted_in_korean():
    assert translate_phrase("seven commercial ADASs", G) == "일곱 commercial ADASs"
    assert translate_phrase("eight LLMs", G).startswith("여덟 ")


def test_a_name_whose_description_does_not_turn_keeps_its_kind():
    abstract = (
        "We introduce POLAR, a multilingual, multicultural, and multievent dataset with over 23k "
        "instances in seven languages."
    )
    line = floor_line(paper(abstract, "POLAR"), G)
    assert line.startswith("데이터셋 POLAR을") and "인스턴스 23k개 이상" in line
    # a clause's noun is not what the name is: "which introduces a small reflection model"
    abstract = "We propose REA-RL, which introduces a small reflection model for efficient scaling."
    assert "모델 REA-RL" not in floor_line(paper(abstract), G)


def test_more_shapes_of_where_a_method_is_evaluated():
    # rivals named between the verb and the names; "learning-based" is no "based on"
    beaten = (
        "EDD-MAIT achieves better accuracy, outperforming traditional and learning-based methods "
        "on BSDS500 and BIPED datasets."
    )
    assert eval_names(beaten, ("EDD-MAIT",))[0] == "BSDS500"
    # examples after "benchmarks such as" leave the list open
    examples = "Our method achieves top restoration on benchmarks such as FFHQ-Ref and X2."
    assert eval_names(examples, ())[-1].endswith("등")
    # a name with an ampersand; descriptive words before the names
    assert eval_names("Experiments on the DTU and Tanks & Temples datasets show gains.", ()) == [
        "DTU",
        "Tanks & Temples",
    ]
    whole = "Evaluation across the complete KITTI and DurLAR datasets demonstrates it."
    assert eval_names(whole, ()) == ["KITTI", "DurLAR"]
    # a count of a kind of data is no name: "five public RGB-D SOD datasets"
    assert eval_names("Experiments on five public RGB-D SOD datasets show it excels.", ()) == []
    kind = "Experiments on popular ZSL benchmark datasets demonstrate our superiority."
    assert eval_names(kind, ()) == []
    # a score on a metric's name is no benchmark
    metric = "Our method improves over prior SOTA by 3.00% on G-mAP, 2.70% on mAP@3 and 2% on mR@3."
    assert eval_names(metric, ()) == []


# --- floor-75: round 28's wrong lines (fresh days 2026-05-01/18/25), each fixed after rating


def test_another_systems_state_of_the_art_in_a_concession_is_no_claim_of_ours():
    from localdigest.floor_claim import _ours_beat

    assert not _ours_beat(
        "For instance, although MiniMax Remover achieves state-of-the-art visual quality, it "
        "operates at only around 10FPS."
    )
    assert not _ours_beat("While recent models have achieved state-of-the-art results, they fail.")
    # "..., while outperforming X" after our claim is no concession; nor is "for instance, our"
    assert _ours_beat("C-Prune reduces model size while outperforming existing pruning methods.")
    assert _ours_beat("For instance, in the hard setting, our model outperforms prior methods.")


def test_a_second_subtitle_after_a_dash_is_not_read_as_words():
    from localdigest.floor import _title_desc

    title = "U-SEG: Uncertainty in SEGmentation -- A systematic multi-variable exploration"
    assert _title_desc(title)[2] == "Uncertainty in SEGmentation"


def test_two_objects_sharing_one_preposition_are_no_contribution():
    abstract = "We address these questions by creating a framework for and executing a large study."
    assert find_contribution(paper(abstract)) is None


def test_a_title_case_run_in_an_abstract_is_a_name_and_copied():
    assert translate_phrase("Shift Sparse Block Attention", G) == "Shift Sparse Block Attention"
    # a run the glossary knows whole is a term, still translated
    assert translate_phrase("Large Language Models", G) == "대규모 언어 모델"
    # "Universal Dependencies" is a framework's name, not 범용 anything
    assert "범용" not in translate_phrase("reproducible Universal Dependencies-Style pipeline", G)


def test_how_a_problem_is_presented_is_not_where():
    abstract = "Scheduling is hard. This article presents the problem in details and solves it."
    c = find_contribution(paper(abstract))
    assert c is None or "detail" not in c.phrase


def test_a_motto_before_the_colon_is_not_the_topic():
    from localdigest.floor import _without_motto

    title = "Asking For An Old Friend: Diagnosing Temporal Failure Modes in Statutory QA"
    abstract = "Large language models are used for legal research. We study two failure modes."
    assert _without_motto(title, abstract).startswith("Diagnosing")
    # a head the abstract uses is the topic
    title = "Proper Name Diacritization for Arabic Wikipedia: A Benchmark Dataset"
    abstract = "We study proper name diacritization for Arabic Wikipedia entries."
    assert _without_motto(title, abstract) == title


# --- floor-76


def test_a_process_word_before_a_metric_is_its_modifier():
    abstract = "We propose D-INL. D-INL reduces training exchange by 70.4% while keeping accuracy."
    assert result_fact(abstract, G, ("D-INL",)) == "학습 exchange를 70.4% 줄입니다."


def test_a_counted_list_of_names_in_parentheses_is_where_it_is_evaluated():
    abstract = (
        "Across four medical QA benchmarks (MedQA, MedMCQA, PubMedQA, MMLU-Med), our system "
        "reaches 78.6% average accuracy."
    )
    assert eval_names(abstract, ()) == ["MedQA", "MedMCQA", "PubMedQA 등"]
    # as many names as counted, or none
    assert eval_names("We test on three benchmarks (e.g., MMLU).", ()) == []


def test_state_of_the_art_on_some_of_the_benchmarks_is_not_a_claim_on_all():
    from localdigest.floor_claim import _ours_beat

    sentence = (
        "Experiments on four KBQA benchmarks show that our approach achieves state-of-the-art "
        "performance on three of them."
    )
    assert not _ours_beat(sentence)
    line = floor_line(paper("We propose a graph prompting framework. " + sentence), G)
    assert "4개 벤치마크에서 평가합니다" in line and "기존 방법보다" not in line


# --- floor-77: round 30's new and shared wrong lines (fresh days 2026-04-20..24), after rating


def test_background_and_goals_are_no_claim_of_state_of_the_art():
    from localdigest.floor_claim import _ours_beat

    assert not _ours_beat(
        "Transformer-based detectors have become mainstream and achieve state-of-the-art "
        "accuracy, yet their overhead limits deployment."
    )
    assert not _ours_beat(
        "The objective is to develop effective models that achieve state-of-the-art performance."
    )
    # "not only achieves state-of-the-art ..., but also ..." is still a claim
    assert _ours_beat(
        "Experiments show that Mogao not only achieves state-of-the-art performance in "
        "understanding, but also excels in generation."
    )


def test_a_name_after_on_in_another_clause_is_no_benchmark():
    abstract = (
        "Finally, activation patching shows that perturbing it disrupts performance, providing "
        "causal evidence that LLMs rely on CBR for relational binding."
    )
    assert eval_names(abstract, ()) == []


def test_the_title_name_after_a_second_verb_is_the_contribution_not_the_first_object():
    abstract = (
        "Seasons matter. We propose a simple phenology-informed sampling strategy and introduce "
        "corresponding SSL4Eco, a multi-date Sentinel-2 dataset."
    )
    c = find_contribution(paper(abstract, "SSL4Eco: A Global Seasonal Dataset"))
    assert c.name == "SSL4Eco" and "dataset" in c.phrase
    # the title's name made by another clause is not the first object's name
    abstract = (
        "We introduce a data generator that produces conversations from a mental state graph, "
        "and from it construct HorizonBench, a benchmark of 4,245 items."
    )
    line = floor_line(paper(abstract, "HorizonBench: Long-Horizon Personalization"), G)
    assert "생성기 HorizonBench" not in line


def test_a_link_is_no_name():
    abstract = (
        "We propose the HAllucination Detection (HAD) models https://github.com/a/HAD, which "
        "integrate detection."
    )
    assert "https" not in floor_line(paper(abstract, "HAD: Hallucination Detection Models"), G)


# --- floor-79: round 31's wrong lines (fresh days 2026-04-07/08/09), after rating


def test_a_benchmark_name_keeps_its_pluses():
    from localdigest.floor_claim import _sota_benchmarks

    abstract = (
        "Experiments on the ScanNet++ v2 NVS benchmark demonstrate the SOTA performance, "
        "outperforming previous methods."
    )
    assert _sota_benchmarks(abstract)[0] == "ScanNet++"


def test_between_one_item_of_a_list_is_not_said():
    abstract = (
        "We analyze the interaction between language models, embedding models, retrieval "
        "strategies, and cross-encoder reranking."
    )
    assert "언어 모델 사이" not in floor_line(paper(abstract), G)


def test_a_phrase_cut_inside_a_capitalized_name_is_no_contribution():
    abstract = "This paper presents a case study of an Introduction to Software Engineering course."
    assert find_contribution(paper(abstract)) is None


def test_a_title_head_with_a_contraction_is_a_slogan():
    from localdigest.floor import _slogan

    assert _slogan("Dead Code Doesn't Talk: Requirements Elicitation in Software Engineering")


def test_the_words_a_name_spells_then_what_it_is():
    abstract = (
        "We present YOSE, You Only Select Essential Tokens, an efficient fine-tuning framework."
    )
    line = floor_line(paper(abstract), G)
    assert line.startswith("효율적인 미세 조정 프레임워크 You Only Select Essential Tokens(YOSE)")


# --- floor-80: a dev error search of floor-79 (300 held lines, 6 flagged; not blind)


def test_named_entity_recognition_is_a_term_not_a_naming():
    abstract = (
        "We develop a framework for extracting data from DNMs and evaluate three Named Entity "
        "Recognition (NER) models."
    )
    assert find_contribution(paper(abstract)).name is None


def test_the_title_name_ending_the_phrase_is_the_name_not_the_purpose():
    abstract = (
        "We propose a novel reinforcement learning-based framework for style transfer RLMini."
    )
    c = find_contribution(paper(abstract, "RLMini: A Light-weight RL Style Agent"))
    assert c.name == "RLMini" and c.phrase.endswith("style transfer")


def test_small_fixes_from_the_error_search():
    from localdigest.floor_claim import _sota_benchmarks

    # "in terms of RMSE" is the metric, not "RMSE의 terms"
    assert result_fact("Our approach achieves up to 17% improvement in terms of RMSE.", G) == (
        "RMSE를 최대 17% 개선합니다."
    )
    # "natural language processing" is one term, not cut at "processing"
    assert translate_phrase("natural language processing applicability", G).startswith(
        "자연어 처리"
    )
    # "state of the art" without hyphens
    ko = translate_phrase("state of the art VLMs", G)
    assert ko is None or "상태" not in ko
    # "the MSKCC CRLM dataset" is one dataset
    sota = "Our model outperforms existing methods on the MSKCC CRLM dataset."
    assert _sota_benchmarks(sota) == ["MSKCC CRLM"]


# --- floor-81: round 32's wrong lines (fresh days 2026-04-02..13, paired), after rating


def test_names_of_several_words_where_state_of_the_art_is_claimed():
    from localdigest.floor_claim import _sota_benchmarks

    s = "Evaluations on the MVTec AD and VisA datasets show it achieves state-of-the-art results."
    assert _sota_benchmarks(s) == ["MVTec AD", "VisA"]
    s = "Our approach achieves state-of-the-art performance on NTU RGB+D, PKU-MMD datasets."
    assert _sota_benchmarks(s)[0] == "NTU RGB+D"
    # a counted kind of data and hardware are no benchmark names
    s = "Our method outperforms existing methods on three RGB-D VSOD datasets."
    assert _sota_benchmarks(s) == []
    s = "Our method achieves state-of-the-art speed on RTX4080 GPUs."
    assert _sota_benchmarks(s) == []


def test_a_counted_kind_of_benchmark_is_no_evaluation_name():
    abstract = (
        "Empirical evaluations on multiple ReID benchmarks indicate that our method is better."
    )
    assert eval_names(abstract, ()) == []


def test_a_studys_field_is_not_what_its_score_is_for():
    title = (
        "Lost in the Hype: Revealing the Performance Degradation of MLLMs in Image Classification"
    )
    abstract = (
        "We study MLLMs. Meanwhile, we introduce quantitative scores that characterize features."
    )
    assert "이미지 분류를 위한" not in floor_line(paper(abstract, title), G)


# --- floor-82: a second dev error search (floor-81, 300 held lines, 4 flagged; not blind)


def test_based_on_between_two_names_is_a_preposition():
    ko = translate_phrase("Photovoltaic Defect Image Generator based on Stable Diffusion(SD)", G)
    assert ko.startswith("Stable Diffusion(SD) 기반")


# --- floor-83: round 33's wrong lines (fresh days 2026-04-17/27/28), after rating


def test_a_vague_quantity_is_no_part_and_a_comma_before_with_keeps_the_size():
    from localdigest.floor_size import size_fact

    abstract = "We present Dream-Cubed. Dream-Cubed comprises tens of billions of tokens from maps."
    assert "billions" not in floor_line(paper(abstract), G)
    abstract = (
        "We introduce SOUBench, a benchmark. We construct a new SOU-VQA evaluation dataset, with "
        "18,204 VQA pairs. We develop SOU-Train, a training dataset with 11,226 VQA pairs."
    )
    assert "18,204" in size_fact(abstract, G, ("SOUBench",))


# --- floor-84: round 34's wrong lines (fresh days 2026-03-17/18/19), after rating


def test_a_count_per_category_is_not_the_datasets_size():
    from localdigest.floor_size import size_fact

    abstract = (
        "We release a large-scale dataset comprising 500 image-mask pairs per category for every "
        "class, over 13,000 pairs in total."
    )
    assert size_fact(abstract, G, ()) is None


def test_capitalized_words_before_dataset_name_the_evaluation_data():
    # floor-85: "the Animal Kingdom dataset" is a name though no word of it reads as one
    abstract = (
        "Experiments on the Animal Kingdom dataset demonstrate that AnimalMotionCLIP achieves "
        "superior performance."
    )
    assert eval_names(abstract, ("AnimalMotionCLIP",)) == ["Animal Kingdom"]
    # another dataset in the same sentence: the line says 등, never the whole list
    more = (
        "We evaluate this pipeline using the NuInsSeg dataset, as well as two additional "
        "external datasets."
    )
    assert eval_names(more, ()) == ["NuInsSeg 등"]
    # data a model is trained on, or a name after the kind, is not where it is evaluated
    assert eval_names("First, we pretrain ViCTr on the ATLAS-8k dataset.", ()) == []
    after = "Experiments on the challenging MATH Olympiad benchmark AIME demonstrate gains."
    assert eval_names(after, ()) == []
    # a language before "dataset" is a kind of data
    assert eval_names("Experiments on the English dataset show gains.", ()) == []
    line = floor_line(
        paper(abstract, "AnimalMotionCLIP: Embedding motion in CLIP for Animal Behavior"), G
    )
    assert line.endswith("Animal Kingdom에서 평가합니다.")


def test_a_counted_list_after_a_colon_or_namely_names_every_benchmark():
    colon = (
        "We evaluate the proposed framework on five challenging benchmarks: NeXT-QA, "
        "Intent-QA, STAR, VLEP, and TVQA."
    )
    assert eval_names(colon, ()) == ["NeXT-QA", "Intent-QA", "STAR 등"]
    namely = (
        "The resulting architectures are evaluated on three challenging public X-ray "
        "inspection datasets, namely EDS, HiXray, and PIDray."
    )
    assert eval_names(namely, ()) == ["EDS", "HiXray", "PIDray"]
    # as many names as counted, or none: the list may run on past what reads as names
    short = "We evaluate on three datasets: COVID-Xray and Kvasir-SEG."
    assert eval_names(short, ()) == []


def test_combining_a_with_b_names_both_parts():
    from localdigest.floor_how import how_fact

    abstract = (
        "IntelliCardiac combines a deep learning-based segmentation model with a two-step "
        "classification pipeline."
    )
    assert how_fact(abstract, G, ("IntelliCardiac",)) == (
        "딥러닝 기반 분할 모델·two-step 분류 파이프라인을 결합합니다."
    )
    # with a list after "with", which words are parts is unsure: nothing
    listed = "Our method combines a segmentation model with detection, tracking and retrieval."
    assert how_fact(listed, G) is None


def test_the_systems_a_study_tests_are_named():
    from localdigest.floor_tested import systems_tested

    counted = (
        "We evaluate four strong VLMs (GPT-4o, Intern-VL2, Molmo, and Qwen2-VL) on CAPTURe, "
        "finding that models struggle."
    )
    assert systems_tested(counted, G) == "GPT-4o·Intern-VL2·Molmo 등 4개 VLM을 평가합니다."
    whole = "We compare three production LLMs (GPT, Claude, Gemini) under three conditions."
    assert systems_tested(whole, G) == "GPT·Claude·Gemini를 비교합니다."
    # examples: the list stays open
    examples = "This work evaluates multiple language models, including Gemma3-4B and Qwen2.5-7B."
    assert systems_tested(examples, G) == "Gemma3-4B·Qwen2.5-7B 등을 평가합니다."
    # no system's name among them: nothing
    plain = "We compare several models (Random Forest, Logistic Regression) on the task."
    assert systems_tested(plain, G) is None


def test_reinforcement_learnings_advantage_is_no_benefit():
    # round 34: "token-level masked advantage" had become 마스킹된 장점
    assert translate_phrase("token-level masked advantage", G) == "토큰 수준 마스킹된 어드밴티지"
    assert translate_phrase("advantage estimation", G) == "어드밴티지 추정"
    # the everyday sense stays
    assert translate_phrase("advantage", G) == "장점"


def test_benchmarks_named_as_examples_of_the_authors_evaluation():
    abstract = (
        "Our experimental results demonstrate that ResNetVLLM achieves state-of-the-art "
        "performance on several benchmarks, including MSRVTT-QA, MSVD-QA, TGIF-QA, and "
        "ActivityNet-QA."
    )
    assert eval_names(abstract, ("ResNetVLLM",)) == ["MSRVTT-QA", "MSVD-QA", "TGIF-QA 등"]
    examples = "We conduct our study across diverse datasets, including CC12M and DCI."
    assert eval_names(examples, ()) == ["CC12M", "DCI 등"]
    # other work's benchmarks are no evaluation of this paper
    existing = "Existing benchmarks such as BrowseComp concentrate on English."
    assert eval_names(existing, ()) == []
    others = "Many medical datasets, such as MedQA, rely on simplified question answering."
    assert eval_names(others, ()) == []


def test_a_count_of_datasets_an_evaluation_uses():
    from localdigest.floor_count import eval_count

    used = "We conducted a comprehensive evaluation using three distinct medical datasets."
    assert eval_count(used) == "3개 데이터셋"
    # data a model is trained with, or what a benchmark holds, is not where it is evaluated
    assert eval_count("We train and evaluate our model using two datasets.") is None
    held = "To evaluate it, we design a new benchmark with three challenging tasks."
    assert eval_count(held) is None
    # "and one in-house ... dataset": the count is not the whole
    more = "We validate it using two public datasets, and one in-house MRI (MDM) dataset."
    assert eval_count(more) is None


def test_a_score_keeps_the_task_it_is_scored_on():
    abstract = "Results show that the proposed model achieves a classification accuracy of 98.78%."
    assert result_fact(abstract, G) == "분류 정확도 98.78%를 기록합니다."


def test_the_fields_state_of_the_art_in_the_opening_is_no_claim_of_ours():
    # round 35: "Vision foundation models (FMs) achieve state-of-the-art performance in medical
    # imaging." opened the abstract; the line had said 기존 방법보다 높은 성능
    abstract = (
        "Vision foundation models achieve state-of-the-art performance in medical imaging. "
        "However, they encode information that clinicians cannot verify. We train sparse "
        "autoencoders on their embeddings."
    )
    assert "기존 방법보다" not in floor_line(paper(abstract, "Sparse Autoencoders for X"), G)
    # the authors' own report in the opening sentence still counts
    ours = (
        "This technical report outlines the top-ranking solution for Track 3, achieving "
        "state-of-the-art performance on 3D object detection."
    )
    assert "기존 방법보다 높은 성능" in floor_line(paper(ours, "GBlobs: Local LiDAR Geometry"), G)
    # a claim the method is designed to make is a goal
    goal = "This paper introduces TurkEmbed, a model designed to outperform existing models."
    assert "기존 방법보다" not in floor_line(paper(goal, "TurkEmbed: Turkish Embeddings"), G)


def test_instead_of_ends_the_object():
    # round 35: "predicts signed distance functions instead of binary masks" had become
    # "이진 마스크의 부호 거리 함수 instead를 예측하는"
    abstract = (
        "We propose a prompt-free, boundary-aware instance segmentation framework that predicts "
        "signed distance functions (SDFs) instead of binary masks, enabling smooth contours."
    )
    line = floor_line(paper(abstract, "Boundary-Aware Instance Segmentation in Microscopy"), G)
    assert line.startswith("부호 거리 함수를 예측하는 ")


def test_a_relative_combining_a_with_b_names_both():
    # floor-91: "a framework that combines A with B" had been read as "A를 결합하는": half a pair
    abstract = (
        "We present Pro-DG, a framework for facade generation that combines a procedural shape "
        "grammar with diffusion-based image synthesis."
    )
    line = floor_line(paper(abstract, "Pro-DG: Procedural Diffusion Guidance"), G)
    assert "확산 기반 이미지 합성을 결합하는" in line
    assert "grammar와 " in line
    # each part turned on its own: "understanding" is a noun here, not a verb cutting the pair
    semrank = (
        "We propose SemRank, a retrieval framework that combines LLM-guided query understanding "
        "with a concept-based semantic index."
    )
    line = floor_line(paper(semrank, "Scientific Paper Retrieval with SemRank"), G)
    assert "쿼리 이해와 " in line


def test_a_counted_list_may_name_benchmarks_of_several_words():
    colon = (
        "The system was evaluated across 650 queries from five diverse benchmarks: TimeQA v2, "
        "FreshQA v2, HaluEval General, MMLU Global Facts, and TruthfulQA."
    )
    assert eval_names(colon, ()) == ["TimeQA v2", "FreshQA v2", "HaluEval General 등"]


def test_integrating_a_with_b_names_both_and_never_half_a_pair():
    abstract = (
        "We present PhysNav-DG, a novel framework that integrates classical sensor fusion with "
        "the semantic power of vision-language models."
    )
    line = floor_line(paper(abstract, "PhysNav-DG: A Framework for Navigation"), G)
    assert line.startswith("classical 센서 융합과 비전-언어 모델의 의미론적 power를 통합하는 ")
    # a part the phrase reader cannot turn: no pair, and never "모델과를"
    affordbot = (
        "We propose AffordBot, a novel framework that integrates Multimodal Large Language Models "
        "(MLLMs) with a tailored chain-of-thought (CoT) reasoning paradigm."
    )
    line = floor_line(paper(affordbot, "AffordBot: 3D Fine-grained Embodied Reasoning"), G)
    assert "과를" not in line and "와를" not in line
    # an English preposition the reader does not know is no Korean
    assert translate_phrase("3D constraints alongside camera control", G) is None


def test_detection_and_tracking_scores_are_metrics_and_a_narrow_setting_drops_the_figure():
    assert result_fact("Our method improves NDS by 1.19%.", G) == "NDS를 1.19% 개선합니다."
    assert result_fact("Our tracker improves HOTA by 2.5%.", G) == "HOTA를 2.5% 개선합니다."
    narrow = (
        "PF3Det achieves the best results under limited training data, improving NDS by 1.19% "
        "on nuScenes."
    )
    assert result_fact(narrow, G, ("PF3Det",)) is None


def test_a_second_named_thing_introduced_with_its_kind():
    from localdigest.floor_named import component_fact

    abstract = (
        "We propose ADAT, an adaptive transformer for sign language translation. To evaluate "
        "ADAT, we introduce MedASL, the first public medical American Sign Language dataset."
    )
    assert component_fact(abstract, G, ("ADAT",)) == (
        "또한 공개 의료 American Sign Language 데이터셋 MedASL을 구축합니다."
    )
    # a name built on the line's own is not a second thing; nor a well-known method
    same = "We propose A2Seek, a dataset. Building on it, we propose A2Seek-R1, a framework."
    assert component_fact(same, G, ("A2Seek",)) is None


def test_a_count_describes_its_own_noun():
    from localdigest.floor_count import eval_count

    long = "Extensive experiments on 10 mathematical and general reasoning benchmarks show gains."
    assert eval_count(long) == "10개 벤치마크"
    # another count or a preposition in between: the count is of something else
    assert (
        eval_count("Experiments on eight classification and one segmentation datasets show it.")
        is None
    )
    assert (
        eval_count("Experiments across two different settings on several benchmarks verify it.")
        is None
    )
    assert eval_count("Our method outperforms others across three scales of benchmarks.") is None
    assert eval_count("It was evaluated across three in-house datasets.") == "3개 데이터셋"


def test_a_size_said_of_the_datas_own_name():
    abstract = (
        "We introduce VCR-Bench, a novel benchmark for video chain-of-thought reasoning. "
        "VCR-Bench comprises 859 videos spanning a variety of content, along with 1,034 pairs."
    )
    line = floor_line(paper(abstract, "VCR-Bench: A Comprehensive Evaluation Framework"), G)
    assert "벤치마크는 비디오 859개를 포함합니다." in line
    # a method's name is no data: no size said of it
    method = "We propose FastNet, a network for detection. FastNet comprises 12 layers and 3 heads."
    assert "포함합니다" not in floor_line(paper(method, "FastNet: Fast Detection"), G)


def test_round_38s_wrong_lines():
    from localdigest.floor_count import eval_count

    # data a pretrained model was trained on, named as examples, is no evaluation
    trained = (
        "We start from a pretrained MonSter model, trained initially on a mix of synthetic and "
        "real datasets such as SceneFlow and KITTI, and fine-tune it on DFC2019 pairs."
    )
    assert eval_names(trained, ()) == []
    # a counted source of the paper's own data is no evaluation either
    source = (
        "AIForge-Doc forges numeric fields, yielding 4,061 forged images from four public "
        "document datasets (CORD, WildReceipt, SROIE, XFUND) across nine languages."
    )
    assert eval_names(source, ()) == []
    # "ten national cultures and culture-sensitive tasks" counts cultures, not tasks
    assert (
        eval_count(
            "Experiments across ten national cultures and culture-sensitive tasks show gains."
        )
        is None
    )
    # "smoothing" before a plural kind is no clause: the phrase keeps its head
    assert translate_phrase("training-free trajectory smoothing schemes", G).endswith("방식")
    # a name after "based on a ... theory," is the theory's
    gtvh = (
        "We develop a novel LLM-based humor generation mechanism based on a fundamental humor "
        "theory, GTVH."
    )
    assert "GTVH" not in floor_line(paper(gtvh, "On the Wings of Imagination"), G)
    # a benchmark is not called the agent its title is about
    omni = (
        "To bridge this gap, we introduce OmniGAIA, a comprehensive benchmark designed to "
        "evaluate omni-modal agents."
    )
    line = floor_line(paper(omni, "OmniGAIA: Towards Native Omni-Modal AI Agents"), G)
    assert "에이전트 OmniGAIA" not in line and "벤치마크 OmniGAIA" in line
    # an acronym and the title's slogan it spells are one name
    omar = (
        "This paper introduces OMAR: One Model, All Roles, a reinforcement learning framework "
        "that enables AI to develop social intelligence."
    )
    line = floor_line(paper(omar, "One Model, All Roles: Self-Play RL for Social Intelligence"), G)
    assert "OMAR(One Model, All Roles)" in line


def test_a_benchmark_name_before_a_margin_or_a_model_setting():
    margin = (
        "CATTS improves performance on WebArena-Lite and GoBrowse by up to 9.1% over React "
        "while using fewer tokens."
    )
    assert eval_names(margin, ("CATTS",)) == ["WebArena-Lite", "GoBrowse 등"]
    models = "Experiments on GSM8K across three models spanning two families show improvements."
    assert eval_names(models, ()) == ["GSM8K"]


def test_a_system_evaluated_along_with_is_not_made():
    from localdigest.floor_named import component_fact

    along = (
        "We propose ReasonX, a method. It is evaluated along with DeepSeek-R1, a reasoning model "
        "from another lab."
    )
    assert component_fact(along, G, ("ReasonX",)) is None
    made = "We introduce ADAT, a model, together with MedASL, a sign language dataset."
    assert component_fact(made, G, ("ADAT",)) == "또한 수어 데이터셋 MedASL을 구축합니다."


def test_employs_is_a_relative_verb_and_a_cut_modifier_is_no_object():
    abstract = (
        "We introduce a transductive one-shot learning approach that employs subspace "
        "decomposition to utilize unlabeled images."
    )
    line = floor_line(paper(abstract, "Transductive One-Shot Learning"), G)
    assert line.startswith("subspace decomposition을 사용하는 ")
    cut = "We present ATM-Net, an innovative framework that employs anatomy-aware text prompts."
    assert "anatomy-aware를" not in floor_line(paper(cut, "ATM-Net: Lumbar Spine Segmentation"), G)


def test_dev_search_floor100_classes():
    from localdigest.floor_count import beaten_names
    from localdigest.floor_named import component_fact

    # a tool whose clause mentions a model is no model
    tool = (
        "We study sentence prediction. Finally, we introduce SentenceLens, a diagnostic tool "
        "that decodes intermediate model states into sentences."
    )
    assert component_fact(tool, G, ()) is None
    # beating one system in one setting while comparable to another is no win to report
    mixed = (
        "ClinicalGPT-R1 outperforms GPT-4o in Chinese diagnostic tasks and achieves comparable "
        "performance to GPT-4 in English settings."
    )
    assert beaten_names(mixed, ("ClinicalGPT-R1",)) == []
    assert translate_phrase("light weight CNN", G) == "경량 CNN"
    cns = (
        "To bridge this gap, we introduce the City that Never Settles (CNS) dataset, a "
        "simulation-based dataset created using the CARLA simulator."
    )
    line = floor_line(paper(cns, "The City that Never Settles: Simulation-based LiDAR Dataset"), G)
    assert line.startswith("데이터셋 City that Never Settles(CNS)를 ")


def test_bridges_and_aligns_a_with_b_and_a_list_after_with_is_no_pair():
    rec = (
        "We propose Rec-R1, a general reinforcement learning framework that bridges large "
        "language models with recommendation systems through closed-loop optimization."
    )
    line = floor_line(paper(rec, "Rec-R1: Bridging LLMs and Recommendation"), G)
    assert line.startswith("대규모 언어 모델과 추천 시스템을 연결하는 ")
    # "with symbolic predicates and relations": which words pair is unsure, and "A를 연결하는"
    # alone would be half the pair
    listed = (
        "We present a spatial reasoning framework that bridges geometric facts with symbolic "
        "predicates and relations to handle key tasks."
    )
    line = floor_line(paper(listed, "Spatial Reasoner: A 3D Inference Pipeline"), G)
    assert "연결하는" not in line


def test_integrates_a_with_b_in_a_how_sentence_names_both_or_nothing():
    from localdigest.floor_how import how_fact

    both = (
        "Specifically, Scene4U integrates an open-vocabulary segmentation model with a large "
        "language model to decompose a panorama."
    )
    assert how_fact(both, G, ("Scene4U",)) == "개방형 어휘 분할 모델·대규모 언어 모델을 통합합니다."
    # a partner the reader cannot read as a plain noun phrase: "integrates" says the first part
    # alone, as before floor-103 (round 40 read those lines as right and specific), "combines"
    # says nothing (floor-63)
    half = (
        "The framework integrates human gaze priors with machine-derived visual sequences, "
        "effectively correcting errors."
    )
    assert how_fact(half, G) == "인간 gaze priors를 통합합니다."
    combined = (
        "Our approach combines different LLMs with prompt engineering techniques, which help."
    )
    assert how_fact(combined, G) != "서로 다른 LLMs를 결합합니다."


def test_round_40s_losses():
    from localdigest.floor_count import eval_count

    # "mathematics and coding benchmarks": -ics is no plural noun counted apart
    ten = "Experiments on 10 mathematics and coding benchmarks demonstrate consistent improvements."
    assert eval_count(ten) == "10개 벤치마크"
    # a short relative does not make a thin phrase the contribution
    thin = (
        "We propose a novel approach that employs reinforcement learning. Our method uses the "
        "Group Sequence Policy Optimization algorithm."
    )
    line = floor_line(paper(thin, "Reinforcement Learning for Interpretable Fraud Detection"), G)
    assert not line.startswith("강화 학습을 사용하는 새로운 접근 방식")


def test_local_models_run_on_premises():
    # round 39: "Local Language Models" had become 지역 언어 모델 (regional)
    assert translate_phrase("local LLMs", G) == "로컬 LLM"
    assert translate_phrase("local features", G) == "지역 특징"


def test_a_titles_verb_left_in_korean_is_broken():
    # round 39: "Reasoning Promotes Robustness in Theory of Mind Tasks" became
    # "마음 이론 작업에서의 promotes 강건성 추론"
    line = floor_line(
        paper(
            "This paper examines reasoning models in ToM tasks.",
            "Reasoning Promotes Robustness in Theory of Mind Tasks",
        ),
        G,
    )
    assert "promotes" not in line


def test_a_name_with_an_at_sign_is_a_name():
    abstract = (
        "We quantify effort by deep-thinking tokens. Leveraging this insight, we introduce "
        "Think@n, a test-time scaling strategy that prioritizes samples with high ratios."
    )
    c = find_contribution(paper(abstract, "Think Deep, Not Just Long"))
    assert c.name == "Think@n" and "scaling strategy" in c.phrase


def test_a_decimal_score_of_the_authors_method():
    ours = "It achieves an FID of 1.98 on 256x256 ImageNet class-conditional image generation."
    assert result_fact(ours, G).endswith("FID 1.98을 기록합니다.")
    # a score of another system the authors' experiments report is not theirs
    other = (
        "Our experiments reveal that Gradient-Based MIA achieves the highest effectiveness, "
        "with a precision of 0.79 and F1-score of 0.87."
    )
    assert result_fact(other, G) is None
    # a spread or a condition after it, or a second score on other data: none
    assert result_fact("Our method achieves a PSNR of up to 41.91+-2.94 dB.", G) is None
    two = "Our model achieved AUC of 0.864 on the CMMD dataset and 0.889 on the INbreast dataset."
    assert result_fact(two, G) is None


def test_a_score_without_its_data_keeps_where_it_is_evaluated():
    abstract = (
        "We propose WoundFormer, a transformer-based framework for wound tissue segmentation. "
        "Experiments on the WoundTissueSeg dataset show that WoundFormer achieves a Dice score of "
        "81.9%."
    )
    line = floor_line(paper(abstract, "WoundFormer: Multi-Class Wound Tissue Segmentation"), G)
    assert "81.9%" in line and line.endswith("WoundTissueSeg에서 평가합니다.")


def test_names_after_on_in_any_result_sentence_of_ours():
    from localdigest.floor_where import named_on

    intro = "Tracking pedestrians across views is hard. "
    # after a score, an adjective or a task word; each name of the sentence
    scored = (
        "Experiments show our model outperforms prior models, with an IDF1 score of 96.1% on "
        "Wildtrack dataset, and 85.7% on MultiviewX dataset."
    )
    assert named_on(intro + scored) == ["Wildtrack", "MultiviewX"]
    adjective = "We evaluate cdViews on the widely-used ScanQA and SQA benchmarks."
    assert named_on(intro + adjective) == ["ScanQA", "SQA"]
    # the subject after a leading "On X," is the authors' (a variant of their name too)
    lead = "On MultimodalQA validation set, VLMT-Large achieves 76.5% Exact Match."
    assert named_on(intro + lead, ("VLMT", "")) == ["MultimodalQA"]
    # a name the sentence drops (a plain word) leaves the list open
    partial = "Seed-Thinking achieves 86.7 on AIME 2024, 55.0 on Codeforces and 77.3 on GPQA."
    assert named_on(intro + partial, ("Seed-Thinking", "")) == ["AIME 2024", "GPQA 등"]


def test_names_after_on_that_are_no_benchmark():
    from localdigest.floor_where import named_on

    intro = "Tracking pedestrians across views is hard. "
    for sentence in (
        # modifiers of a noun: modalities, domains, models, a kind of data
        "Extensive experiments on diverse benchmarks across CT and MR modalities show gains.",
        "Our approach aligns semantic information across the RGB and thermal domains.",
        "Experimental results on LLaDA and Dream models show a 27.6x throughput gain.",
        "Empirical evaluations on multiple ReID benchmarks show that our method outperforms.",
        "Extensive experiments on a large-scale CXR dataset show that our model outperforms.",
        "We evaluate our method on time-aligned sEEG and spoken transcripts.",
        # trained on, run on, someone else's example, a task
        "Our model, trained on ImageNet-21K, achieves strong results.",
        "Our method runs in real time on an NVIDIA A100 GPU, achieving 77 FPS.",
        "We show our attack works (e.g., a reverberated attack on MERaLiON).",
        "Experiments on public datasets verify the proposed CANet on CD.",
    ):
        assert named_on(intro + sentence) == [], sentence
    # the abstract's opening is the field's, not the paper's evaluation
    assert named_on("Existing trackers achieve 90% on MOT17. We propose X.") == []


def test_a_line_that_says_only_it_beats_others_gains_where_it_is_evaluated():
    abstract = (
        "Multi-view pedestrian tracking remains difficult. We propose a novel model integrating "
        "attention mechanisms in multi-view pedestrian tracking scenarios. Extensive experiments "
        "demonstrate that our model outperforms state-of-the-art models, with an IDF1 score of "
        "96.1% on Wildtrack dataset, and 85.7% on MultiviewX dataset."
    )
    line = floor_line(paper(abstract, "Multi-View Pedestrian Tracking with Attention"), G)
    assert "Wildtrack·MultiviewX에서 평가하며, 기존 방법보다 높은 성능을 보고합니다." in line


def test_named_stages_or_modules_of_the_authors_method():
    from localdigest.floor_parts import parts_fact

    intro = "Scene generation is hard. We present SceneGrow, a training-free framework. "
    staged = (
        "Through three stages--Layout Prior Setup, Mesh Growing, and View Completion--SceneGrow "
        "alternates between 2D and 3D."
    )
    assert parts_fact(intro + staged, ("SceneGrow", "")) == (
        "Layout Prior Setup·Mesh Growing·View Completion의 세 단계로 구성됩니다."
    )
    numbered = (
        "It has four parts: (i) SenseFusion, a light encoder; (ii) Edge-RAG, a retrieval layer; "
        "(iii) PromptRouter, a router; and (iv) Secure Execution, a sandbox."
    )
    assert parts_fact(intro + numbered) == (
        "SenseFusion·Edge-RAG·PromptRouter·Secure Execution으로 구성됩니다."
    )
    # a list as long as the count, or nothing; parts that open with a description: nothing
    assert parts_fact(intro + "It has three modules: Alpha Net and Beta Net.") is None
    assert parts_fact(intro + "It has two stages: a coarse pass and a fine pass.") is None
    # someone else's pipeline, or a whole ecosystem the method is one part of
    other = "Existing pipelines have two stages: Coarse Fit and Fine Fit."
    assert parts_fact(intro + other) is None
    eco = (
        "This ecosystem comprises three components: (1) Star-100K, a dataset; (2) Star-mAP, a "
        "metric; and (3) StarKit, a toolkit featuring SceneGrow."
    )
    assert parts_fact(intro + eco, ("SceneGrow", "")) is None


def test_more_data_only_when_another_sentence_evaluates_on_it():
    from localdigest.floor_eval import eval_names

    one = (
        "Extraction matters for materials. We evaluate four prompting strategies across six "
        "LLMs using the ZSEE dataset of 1,530 annotated sentences. Our findings demonstrate "
        "that LLMs need domain-adapted models, providing quantitative benchmarks for extraction."
    )
    assert eval_names(one) == ["ZSEE"]  # "providing benchmarks" names no data it is tested on
    more = one + " Similarly, on the held-out PolyChem dataset, the strategies rank alike."
    assert eval_names(more) == ["ZSEE 등"]


def test_a_quoted_line_gives_way_to_the_name_when_it_says_where_it_is_evaluated():
    abstract = (
        "Retrieval remains hard for dense models. In this paper, we tackle the memory-based "
        "answering problem by filtering out direct-answer questions, and we reveal that "
        "degradation is driven by the reduction in the context. Experiments on the HotpotQA "
        "dataset show that our approach outperforms prior methods."
    )
    line = floor_line(paper(abstract, "MemoRank: Whither Goest Thou"), G)
    assert line == "MemoRank를 다룹니다. HotpotQA에서 기존 방법보다 높은 성능을 보고합니다."


def test_field_compounds_of_round_42():
    assert translate_phrase("ensemble visualization of scalar fields", G).startswith("스칼라장의")
    assert translate_phrase("higher education", G) == "고등 교육"
    assert "일차 진료" in translate_phrase("synthetic general practice notes", G)


def test_a_relative_cut_inside_a_list_ends_before_the_lists_preposition():
    abstract = (
        "LLMs are applied to science. We introduce a scenario-grounded benchmark that evaluates "
        "LLMs across biology, chemistry, materials, and physics, where experts define projects."
    )
    c = find_contribution(paper(abstract, "Evaluating Large Language Models in Discovery"))
    assert c.relative == "LLMs"  # never "across biology" alone
    # half a pair ("with B, C, and D") or a noun the list defines ("the power of ..."): none
    paired = abstract.replace("evaluates LLMs across", "integrates stylometric analysis with")
    assert find_contribution(paper(paired, "Evaluating Text Detectors")).relative is None
    # a participle or examples after the comma are no list continuing the object
    examples = (
        "Dialogue breaks down. We propose an approach that combines specialized fine-tuning with "
        "advanced prompting strategies, including few-shot learning, chain-of-thought reasoning, "
        "and analogical prompting."
    )
    c = find_contribution(paper(examples, "Robust Dialogue Breakdown Detection"))
    assert c.relative and c.paired


def test_a_name_followed_by_its_steps_is_the_name_alone():
    abstract = (
        "LLMs hallucinate in QA. To address this, we propose RFKG-CoT: First, it replaces the "
        "rigid selector with an adaptive selector. Second, it adds path guidance."
    )
    c = find_contribution(paper(abstract, "RFKG-CoT: Adaptive Hop-count Selection for QA"))
    assert c.name == "RFKG-CoT" and "replaces" not in c.phrase


def test_a_relative_of_purpose_leaves_room_for_the_parts_the_method_uses():
    abstract = (
        "Menstrual data is scattered. We propose a new natural language processing pipeline that "
        "extracts key menstrual cycle attributes from clinical notes. The pipeline uses the "
        "GatorTron model for extraction."
    )
    line = floor_line(paper(abstract, "Extracting Menstrual Cycle Attributes from Notes"), G)
    assert "GatorTron 모델을 사용합니다." in line
    # after a relative of means the line has said how already; a second purpose is not said
    means = abstract.replace("extracts key menstrual cycle attributes", "leverages GatorTron")
    assert "사용합니다" not in floor_line(paper(means, "Extracting Menstrual Cycle Attributes"), G)


def test_an_ing_word_names_a_kind_of_method():
    assert translate_phrase("four prompting strategies", G) == "네 프롬프팅 전략"
    assert translate_phrase("three training stages", G) == "세 학습 단계"
    # but acts on what it governs
    assert translate_phrase("evaluating explainability methods", G).endswith("평가")
    assert translate_phrase("generating pseudo-labels", G) == "의사 레이블 생성"


def test_how_is_never_another_datasets_making_nor_a_bare_kind():
    from localdigest.floor_how import how_fact

    other = (
        "Editing is risky. We propose ToxEdit, a toxicity-aware knowledge editing approach. We "
        "also enhance the SafeEdit benchmark by incorporating instruction-following tasks."
    )
    assert how_fact(other, G, ("ToxEdit", "ToxEdit")) is None
    bare = "Fidelity is low. We propose a strategy. Our method introduces a mechanism to recover."
    assert how_fact(bare, G) is None


def test_the_abbreviation_of_the_name_is_the_methods_too():
    abstract = (
        "Planning over hybrid dynamics is hard. We introduce the Prismatic World Model "
        "(PRISM-WM), a structured architecture for hybrid dynamics. PRISM-WM leverages a "
        "context-aware Mixture-of-Experts framework."
    )
    line = floor_line(paper(abstract, "Prismatic World Model: Compositional Dynamics"), G)
    assert "Mixture-of-Experts" in line.split("다.")[1]


def test_round_43_readings():
    from localdigest.floor_where import named_on

    assert translate_phrase("sampling hyperparameters", G) == "샘플링 하이퍼파라미터"
    assert translate_phrase("a different paradigm", G) == "다른 패러다임"
    assert translate_phrase("different datasets", G) == "서로 다른 데이터셋"
    assert translate_phrase("cognitive capacities", G) == "인지 능력"  # round 44
    assert translate_phrase("critical thinking", G) == "비판적 사고"  # "critical" of an analysis
    # "tasks" said beside the names is no more data: no 등
    one = (
        "Planning is hard. Our results on the TextCraft environment show that subgoals serve as "
        "a strong start for goal decomposition in text-based planning tasks."
    )
    assert named_on(one) == ["TextCraft"]


def test_names_before_a_described_kind_or_an_aside():
    from localdigest.floor_where import named_on

    intro = "Defects are rare. "
    described = "Experiments on the Tianchi fabric defect dataset demonstrate gains of our method."
    assert named_on(intro + described) == ["Tianchi"]
    aside = (
        "Experiments on HotpotQA (text), HybridQA (table+text), and MetaQA (KG) show consistent "
        "gains of our method."
    )
    assert named_on(intro + aside)[-1].endswith("등")  # the list goes on past the aside
    # an aside glued to a kind of data, then a noun: no name
    assert named_on(intro + "We evaluate our approach on RGB(D) videos from a phone.") == []


def test_a_name_after_a_comma_that_a_verb_follows_is_the_subject():
    from localdigest.floor_where import named_on

    abstract = (
        "Agents struggle on long tasks. Our experiments show that when applied to train the "
        "GLM-4.5 model on InnovatorBench, Apollo achieves more than a 50% improvement."
    )
    assert named_on(abstract) == ["InnovatorBench"]


def test_names_after_their_kind_and_results_of_it():
    from localdigest.floor_where import named_on

    intro = "Glaciers retreat. "
    after_kind = (
        "Through experiments on the challenging glacier segmentation benchmark dataset CaFFe, "
        "we show that our model sets a new state of the art."
    )
    assert named_on(intro + after_kind) == ["CaFFe"]
    abbreviated = "We achieve state-of-the-art results on the challenging BOBSL (BSL) dataset."
    assert named_on(intro + abbreviated) == ["BOBSL"]
    # "it" after a sentence about the method is the method; after someone else's, not
    it = (
        "SASQ surpasses existing schemes. "
        "On LLaMA2-7B, it achieves 5.2% lower perplexity on WikiText2."
    )
    assert named_on(intro + it, ("SASQ", "")) == ["WikiText2"]
    other = "Prior schemes are slow. On LLaMA2-7B, it achieves 5.2% lower perplexity on WikiText2."
    assert named_on(intro + other, ("SASQ", "")) == []


def test_a_country_is_no_benchmark():
    from localdigest.floor_where import named_on

    abstract = "Maps are hard. We evaluate our method on U.S. congressional maps and show gains."
    assert named_on(abstract) == []


def test_round_48_readings():
    from localdigest.floor_where import named_on

    two_rivals = (
        "SimULi renders 10-20x faster than ray tracing approaches and 1.5-10x faster than "
        "prior rasterization-based work."
    )
    assert result_fact("Simulation is slow. " + two_rivals, G, ("SimULi", "")) is None
    corpora = (
        "Small models drift. Our method combines Continual Pre-Training (CPT) on TC-centric "
        "corpora and preference optimization, and achieves a 51.3% reduction."
    )
    assert named_on(corpora) == []
    # a two-letter abbreviation is no name of its own: "ConvAD" is still a second thing made
    abstract = (
        "Networks fire densely. We propose Activation-Deactivation (AD), a new forward-pass "
        "paradigm. We also introduce ConvAD, a drop-in mechanism for convolutions."
    )
    line = floor_line(paper(abstract, "Activation-Deactivation: A Forward-Pass Paradigm"), G)
    assert "ConvAD" in line


def test_a_review_synthesizes_no_thing():
    from localdigest.floor_how import how_fact

    review = (
        "Music analysis changes. This paper presents an integrative review of AI agents for music "
        "analysis. We synthesize the historical evolution from rule-based models to deep learning."
    )
    assert how_fact(review, G) is None
    made = "Data is scarce. We present a generator. It synthesizes noisy images for training."
    assert how_fact(made, G) == "노이즈가 있는 이미지를 합성합니다."


def test_systems_named_right_after_the_verb_or_after_a_counted_colon():
    from localdigest.floor_tested import systems_tested

    direct = "Claims spread. Using 100 claims, we assess GPT-4o, GPT-5, Perplexity, and Qwen Chat."
    assert systems_tested(direct, G) == "GPT-4o·GPT-5·Perplexity 등을 평가합니다."
    on = (
        "Speech leaks. We test a white-box attack under a passive threat model on three ASR "
        "models: Wav2Vec2, HuBERT, and Whisper."
    )
    assert systems_tested(on, G) == "Wav2Vec2·HuBERT·Whisper에서 평가합니다."
    # metrics are no systems, and a list that goes on in other words is not read
    metrics = "MT is hard. We evaluate BLEU, CHRF, TER, and semantic similarity metrics."
    assert systems_tested(metrics, G) is None


BG = "Background here is long. "


def test_the_purpose_a_method_is_designed_for_is_its_relative():
    abstract = (
        "Background here is long. We propose FooNet, a lightweight network designed to "
        "enhance small object detection in aerial images."
    )
    assert floor_line(paper(abstract), G).startswith("항공 영상에서의 소형 객체 검출을 강화하는")
    aims = BG + "We introduce BarBench, a benchmark that aims to evaluate LLMs' code reasoning."
    assert floor_line(paper(aims), G).startswith("LLMs의 코드 추론을 평가하는 벤치마크 BarBench")
    # a purpose that only points back at the problem, or at models' capabilities, says nothing
    vague = BG + "We propose BazNet, a new framework designed to address these challenges."
    assert "다루는" not in floor_line(paper(vague), G)
    caps = BG + "We propose QuxBench, a benchmark designed to evaluate the capabilities of LLMs."
    assert "능력을 평가하는" not in floor_line(paper(caps), G)
    # "designed to leverage X" names a part, which the how sentence says
    means = BG + "We propose QuuxNet, a framework designed to leverage graph neural networks."
    assert find_contribution(paper(means)).relative is None
    # how it does it ("in a time-efficient manner") is not what it acts on
    manner = BG + (
        "We propose a method that reduces errors in target pose in a time-efficient manner."
    )
    assert "manner" not in floor_line(paper(manner), G)


def test_round_50_51_readings():
    # what a method is tailored for is its purpose, when it is short and the only one
    urdu = (
        BG
        + "We propose a novel AI-generated text detection framework tailored for the Urdu language."
    )
    assert floor_line(paper(urdu), G).startswith("Urdu 언어를 위한")
    two = BG + "We propose a method for selecting an ensemble of GANs tailored for medical data."
    assert floor_line(paper(two), G).startswith("GANs의")
    # "xLSTM", "ssToken": a name spelled with lower-case letters before capitals
    name = BG + "We propose xLSTM, a parameter-efficient framework that unifies cosine gating."
    assert find_contribution(paper(name)).name == "xLSTM"
    # "a three phase framework": the phases are counted in the phrase
    phases = BG + "We propose SimBA, a three phase framework to Simplify Benchmark Analysis."
    assert floor_line(paper(phases), G).startswith("세 단계 프레임워크 SimBA")
    # "The proposed framework, which combines A (AE) with B (ViT), ...": both parts
    which = BG + (
        "This study introduces a framework designed to enhance transparency. The proposed "
        "framework, which combines a convolutional autoencoder (AE) with a Vision Transformer "
        "(ViT), improves accuracy over a baseline."
    )
    assert "합성곱 오토인코더·비전 트랜스포머를 결합합니다." in floor_line(paper(which), G)
    # what a study uses "as a case study" is studied, not a part of its method
    case = BG + (
        "This study introduces a framework designed to enhance transparency. We use a notable "
        "performance disparity in molar staging as a case study."
    )
    assert "사용합니다" not in floor_line(paper(case), G)
    # "address these issues and serve as a benchmark": "serve" is a second verb, no object
    serve = BG + (
        "This paper introduces ModelNet-R, a refined version of ModelNet40 designed to address "
        "these issues and serve as a more reliable benchmark."
    )
    assert "serve" not in floor_line(paper(serve), G)


def test_a_dataset_of_plain_items_and_the_systems_its_authors_go_on_to_test():
    from localdigest.floor_size import size_fact
    from localdigest.floor_tested import systems_tested

    abstract = BG + (
        "We introduce TIME10k, a benchmark dataset of over 10,000 images with temporal ground "
        "truth, and evaluate the time-awareness of 37 VLMs by a novel methodology."
    )
    assert (
        size_fact(abstract, G, ("", "TIME10k")) == "데이터셋은 이미지 10,000개 이상을 포함합니다."
    )
    assert systems_tested(abstract, G, "TIME10k를 제안합니다.") == "37개 VLM을 평가합니다."
    # a plain noun that is no item ("years") is still no size
    years = BG + "We introduce a dataset of 12 years of records."
    assert size_fact(years, G) is None


def test_round_53_readings():
    from localdigest.floor_size import size_fact

    # a phrase that opens with a participle has no noun to keep when its purpose is cut
    synth = BG + (
        "We present SynthLab, consisting of a modular platform for visual data synthesis and a "
        "user-friendly interface."
    )
    assert "consisting" not in floor_line(paper(synth), G)
    # "integrates A with open, zero-shot B" cut at the comma would pair A with "open"
    paired = BG + (
        "We present pUniFind, a multimodal model in proteomics that integrates end-to-end "
        "peptide-spectrum scoring with open, zero-shot de novo sequencing."
    )
    assert "open을" not in floor_line(paper(paired), G)
    # "4,000 images and video clips": the count is of both kinds of media
    media = BG + "We construct a benchmark of 4,000 images and video clips."
    assert size_fact(media, G) is None
    assert size_fact(BG + "We construct a benchmark of 4,000 images.", G)
    # "construction worker" is building work, not a system's construction
    assert translate_phrase("construction worker safety", G).startswith("건설 노동자")


def test_round_52_readings():
    # "(depending on used LLM)" after "evaluate": a kind of model, no data
    llm = BG + (
        "We evaluate in total 22 methods, including 40 variants (depending on used LLM) across "
        "several established benchmarks, including TREC DL19, DL20, and BEIR."
    )
    assert "LLM" not in eval_names(llm, ())
    # "for understanding and leveraging X" cut after "and": no line says "이해와를 위한"
    from localdigest.phrase_check import _broken

    assert _broken("이해와를 위한 Router Lens를 제안합니다.")
    assert not _broken("결과를 보고합니다.")
    # a purpose after a relative clause's "that" is the relative's, not the phrase's
    drone = BG + (
        "We propose DroneKey, a framework that combines a 2D keypoint detector and a 3D pose "
        "estimator specifically designed for drones."
    )
    assert find_contribution(paper(drone)).relative_verb == "결합하는"


def test_rivals_based_on_a_kind_are_no_benchmark():
    from localdigest.floor_claim import _sota_benchmarks

    vae = "Intro. Our approach outperforms other state-of-the-art methods based on VAEs (beta-VAE)."
    assert _sota_benchmarks(vae) == []
    assert _sota_benchmarks("Intro. Our approach outperforms prior work on COCO and LVIS.") == [
        "COCO",
        "LVIS",
    ]


def test_benchmark_names_in_parentheses_after_their_kind():
    from localdigest.floor_where import where_evaluated

    listed = BG + (
        "We propose a method. Experimental evaluations on benchmarks (AIME24, AIME25, GPQA-D) "
        "demonstrate that the proposed method reduces token consumption."
    )
    assert where_evaluated(listed, ()) == ["AIME24", "AIME25", "GPQA-D"]
    examples = BG + "Experiments across diverse datasets (e.g., GSM8K, MATH) show our gains."
    assert where_evaluated(examples, ()) == ["GSM8K", "MATH 등"]
    # a pointer into the paper, or someone else's benchmarks, is no evaluation of ours
    figure = BG + "Our model outperforms all baselines on the benchmarks (Figure 1)."
    assert where_evaluated(figure, ()) == []
    other = BG + "Our scores correlate with results on other benchmarks (MMLU, GSM8K)."
    assert where_evaluated(other, ()) == []


def test_round_55_readings():
    from localdigest.contribution import title_name
    from localdigest.floor_size import size_fact

    # a purpose told with a gerund ("tailored for analyzing ...") stays out of the phrase
    maps = BG + (
        "We introduce a new dataset of historical maps tailored for analyzing large-scale, "
        "long-term land use evolution."
    )
    assert "for" not in find_contribution(paper(maps)).phrase
    # "each task featuring 750 images" is no size of the benchmark
    each = BG + "We provide a benchmark for these tasks, with each task featuring 750 images."
    assert size_fact(each, G) is None
    # only "as a case study" makes a used thing the study's subject ("as a testbed" does not)
    testbed = BG + "We propose FooBench. We adopt visual game cognition as a testbed."
    assert "사용합니다" in floor_line(paper(testbed), G)
    # "Simple Yet Effective: ..." is praise; "Less is More: ..." may be a method's name
    assert title_name("Simple Yet Effective: An Attack on FedLLMs") is None
    assert title_name("Less is More: Structured Reasoning") == "Less is More"
    assert translate_phrase("operations scheduling", G) == "운영 스케줄링"


def test_the_relative_after_an_appositive_name():
    hyper = BG + (
        "To address these challenges, this paper introduces a novel 3D pose estimation method, "
        "HyperDiff, which integrates diffusion models with HyperGCN."
    )
    c = find_contribution(paper(hyper))
    assert (c.name, c.relative_verb) == ("HyperDiff", "통합하는")
    assert floor_line(paper(hyper), G).startswith("확산 모델과 HyperGCN을 통합하는")


def test_round_56_readings():
    # "transforms a simple camera into a coach": without what it becomes, nothing is said
    coach = BG + "We propose FormCoach. FormCoach transforms a simple camera into a form coach."
    assert "변환합니다" not in floor_line(paper(coach), G)
    # "distinct encoders" are separate ones, not pronounced ones
    assert translate_phrase("distinct encoders", G) == "서로 다른 인코더"


def test_what_the_authors_specifically_introduce_and_named_methods_after_a_plural():
    # "Specifically, we introduce X": a part, said only where nothing else about the method is
    stand = BG + (
        "We propose Stand-In, a framework for identity preservation. Specifically, we introduce "
        "a conditional image branch into the pre-trained video generation model."
    )
    assert floor_line(paper(stand), G).endswith("조건부 이미지 branch를 도입합니다.")
    # the method itself, spelled out, is no part of it
    itself = BG + (
        "We propose a Prototype-Guided Pseudo Feature Replay (PGPFR) framework for gesture "
        "recognition. Specifically, we introduce the Prototype-Guided Pseudo Feature Replay "
        "framework."
    )
    assert "도입합니다" not in floor_line(paper(itself), G)
    # "methods, Fisheye-GS and 3DGUT, on real images": the names are the methods, no list
    fish = BG + (
        "We present the first evaluation of fisheye-based 3D Gaussian Splatting methods, "
        "Fisheye-GS and 3DGUT, on real images."
    )
    assert find_contribution(paper(fish)).phrase.endswith("Splatting methods")


def test_round_57_readings():
    from localdigest.floor_eval import _split_names

    # "Tanks and Temples" is one benchmark; a capitalized name may repeat a word
    assert _split_names("Tanks and Temple, Mip-NeRF360 and DeepBlending")[0] == "Tanks and Temple"
    la = BG + "We propose La La LiDAR, a large-scale layout-guided LiDAR generation model."
    assert "La La LiDAR" in floor_line(paper(la), G)
    # "building footprints" are buildings', not a construction
    assert translate_phrase("building footprint detection", G) == "건물 외곽선 검출"


def test_a_question_before_the_colon_is_a_hook():
    from localdigest.floor_title import _title_desc

    title = "Data Overdose? Time for a Quadruple Shot: Knowledge Graph Construction using Triples"
    assert _title_desc(title)[2] == "Knowledge Graph Construction using Triples"
    review = "How Is GenAI Used?: A Systematic Review of 52 Research Articles"
    assert _title_desc(review)[2].startswith("How Is GenAI Used?")


def test_a_second_thing_the_paper_makes():
    # "In addition, we introduce X": said as the line's second sentence, as the first is
    cross = BG + (
        "We propose CrossLMM, a model for long video understanding. In addition, we introduce "
        "a text-to-visual cross-attention mechanism, for which the text tokens are enhanced."
    )
    assert floor_line(paper(cross), G).endswith(
        "또한 text-to-visual 교차 어텐션 메커니즘을 제안합니다."
    )
    # a name spelled in capitals is said as the paper spells it
    guided = BG + (
        "We propose FreeCache, a caching method for diffusion language models. Second, we "
        "introduce Guided Diffusion, a training-free method that uses a small model."
    )
    assert "또한 Guided Diffusion을 제안합니다." in floor_line(paper(guided), G)
    # nothing said: the first thing again, a generic kind, results presented, code
    for tail in (
        "We also introduce CrossLMM, a long video model.",
        "In addition, we introduce an effective approach.",
        "We present qualitative experiments tailored to mobile robots.",
        "We present the supporting mathematical framework and results from use cases.",
        "We release the dataset and code to facilitate future research.",
    ):
        line = floor_line(paper(BG + "We propose CrossLMM, a model for long videos. " + tail), G)
        assert "또한" not in line, tail
    # where it is evaluated already says more: the line stays two sentences
    evaluated = cross + " Experiments on MVBench and EgoSchema show its strength."
    assert "또한" not in floor_line(paper(evaluated), G)


def test_names_set_off_by_a_dash_or_spelled_by_the_phrase():
    from localdigest.contribution import title_name

    assert title_name("FIND-Net -- Fourier-Integrated Network for Artifact Reduction") == (
        "FIND-Net"
    )
    assert title_name("Learning -- A Study of Things") is None  # no capital inside: a word
    # "resolution-adaptive federated learning (RAF)": RAF is the method's name, so "RAF
    # leverages X" is about it
    raf = BG + (
        "We present resolution-adaptive federated learning (RAF) for keypoint detection. "
        "RAF leverages heatmap-based knowledge distillation between resolutions."
    )
    assert "히트맵" in floor_line(paper(raf), G) or "heatmap" in floor_line(paper(raf), G)
    # a field's term is no name: "the use of Large Language Models (LLMs)"
    from localdigest.floor import _phrase_abbreviation

    used = find_contribution(paper(BG + "We study the use of Large Language Models (LLMs)."))
    assert _phrase_abbreviation(used) == ()


def test_round_60_readings_of_the_second_thing():
    # cut before its noun at a comma, "first" without its clause, a name torn from its
    # parenthesis: each said nothing or too much (round 60's new 0s)
    base = BG + "We propose MoshiVis, a speech model that sees. "
    for tail, said in (
        ("To reduce costs, we design a simple one-stage, parameter-efficient pipeline.", None),
        (
            "We create the first 2D video dataset that contains both humanoid subjects.",
            "또한 2D 비디오 데이터셋을 구축합니다.",
        ),
        ("We introduce a pyramid flow estimator (named SACB-Net) that integrates SACBs.", None),
    ):
        line = floor_line(paper(base + tail), G)
        if said:
            assert line.endswith(said), line
        else:
            assert "또한" not in line, line


def test_the_second_thing_after_a_bare_claim_and_plain_things_left_out():
    cross = BG + (
        "We propose CrossLMM, a model for long video understanding. In addition, we introduce "
        "a text-to-visual cross-attention mechanism for token enhancement. "
    )
    # a bare "better than existing methods" or a count says little: the part stays
    bare = floor_line(paper(cross + "Our method outperforms state-of-the-art methods."), G)
    assert "text-to-visual 교차 어텐션" in bare and "기존 방법보다" in bare
    # one plain word, or only kinds and qualities, names no particular thing
    for tail in ("We also introduce projectors.", "We also propose a third training strategy."):
        line = floor_line(paper(BG + "We propose CrossLMM, a model for videos. " + tail), G)
        assert "또한" not in line, tail
    named = BG + "We propose CrossLMM, a model for videos. We also build the ATLAS dataset."
    assert "또한 ATLAS 데이터셋을 구축합니다." in floor_line(paper(named), G)
