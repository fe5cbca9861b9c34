"""LLM stage efficiency: the summarize stage's token throughput against raw llama-cpp-python.

Both are measured in this run, on the same GGUF with the same threads:
  pipeline  (prompt tokens sent + tokens generated) / seconds, for every call the summarize
            stage makes on one day (KV-cache reuse of shared prompt prefixes counts in its favour,
            which is the point of sharing them)
  raw       the same, for a sample of the very same prompts, each run from an empty KV cache
            with `Llama.create_completion`, generating as many tokens as the pipeline did
Prints the ratio pipeline/raw (target >= 0.9).

Usage: .venv/bin/python bench/llm.py [--input FILE] [--all --date D] [--sample 30]
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from localdigest.cluster_day import cluster_day  # noqa: E402
from localdigest.config import Settings  # noqa: E402
from localdigest.llm import LlamaCppLLM  # noqa: E402
from localdigest.pipeline import DayRequest  # noqa: E402
from localdigest.store import Store  # noqa: E402
from localdigest.summarize import Summarizer  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--input", default=str(ROOT / "data/sample/reference_2024-10-27.jsonl"))
    parser.add_argument("--all", action="store_true", help="every paper of the input")
    parser.add_argument("--date")
    parser.add_argument("--model", default=str(ROOT / "models/gemma-3-270m-q4_k_m.gguf"))
    parser.add_argument("--sample", type=int, default=30, help="prompts replayed for raw")
    args = parser.parse_args()
    reference = args.input.endswith("reference_2024-10-27.jsonl")
    all_papers = args.all or reference
    date = args.date or ("2024-10-27" if reference else None)
    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings(db=f"{tmp}/b.duckdb", out=f"{tmp}/out", model=args.model)
        request = DayRequest(inputs=[args.input], date=date, all_papers=all_papers)
        day, categories, _ = cluster_day(settings, request)
        llm = LlamaCppLLM(args.model)
        llm.count_tokens("load")  # model load is not part of either figure
        with Store(settings.db) as store:
            summarizer = Summarizer(llm, store)
            start = time.perf_counter()
            for cat in categories:
                summarizer.summarize(day, cat)
            stage_s = time.perf_counter() - start
            calls = store.db.execute(
                "SELECT prompt, prompt_tokens, completion_tokens FROM llm_calls"
            ).fetchall()
    s = summarizer.stats
    pipe_tokens = s.llm_prompt_tokens + s.llm_completion_tokens
    pipe_rate = pipe_tokens / stage_s
    raw_rate, raw_n = raw_throughput(llm, calls, args.sample)
    print(
        f"day {day}: {sum(len(c.papers) for c in categories)} papers, "
        f"{len(categories)} categories, {s.llm_calls} calls"
    )
    print(
        f"pipeline: {pipe_tokens} tokens ({s.llm_prompt_tokens} prompt + "
        f"{s.llm_completion_tokens} generated) in {stage_s:.1f} s = {pipe_rate:.0f} tok/s"
    )
    print(
        f"raw llama-cpp-python, {raw_n} of the same prompts from an empty cache: "
        f"{raw_rate:.0f} tok/s"
    )
    print(f"LLM stage efficiency: {pipe_rate / raw_rate:.2f}x raw (target >= 0.90)")
    print(
        f"generated parts {s.generated_parts}, fallback {s.fallback_parts}; "
        f"seconds per paper in the stage: "
        f"{stage_s / max(1, sum(len(c.papers) for c in categories)):.2f}"
    )


def raw_throughput(llm: LlamaCppLLM, calls: list[tuple], sample: int) -> tuple[float, int]:
    raw = llm._load()
    picked = random.Random(0).sample(calls, min(sample, len(calls)))
    tokens, seconds = 0, 0.0
    for prompt, _pt, generated in picked:
        raw.reset()  # no prefix reuse: every prompt is evaluated in full
        start = time.perf_counter()
        out = raw.create_completion(
            prompt, max_tokens=max(1, generated), temperature=0.2, seed=1, stop=[]
        )
        seconds += time.perf_counter() - start
        tokens += out["usage"]["prompt_tokens"] + out["usage"]["completion_tokens"]
    return tokens / seconds, len(picked)


if __name__ == "__main__":
    main()
