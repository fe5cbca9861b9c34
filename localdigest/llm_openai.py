"""A model served over the OpenAI HTTP API: llama.cpp's llama-server, llama-cpp-python's
server, vLLM, Ollama, LM Studio.

The same prompts as the in-process backend: on the chat endpoint (the default) each document
is one user turn and the server applies the model's own chat template; on the completion
endpoint the document is sent as it is (for base models). complete_many keeps up to
``concurrency`` requests in flight, so a server with several slots (llama-server -np N, vLLM)
decodes the per-paper lines together. A request that fails to connect, times out or gets a
5xx answer is tried again after 0.5 s, 1 s, 2 s, ...; after the last try the run stops with
one line naming the server. The API key, if any, is read from an environment variable and
goes only into the Authorization header: never into a message, a log or the database.

The cache identity (``name``) is ``openai:<model id the server reports>``.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable
from concurrent.futures import FIRST_EXCEPTION, ThreadPoolExecutor, wait
from urllib.parse import urlsplit

from .errors import ModelError
from .llm import CHAT_WRAPPER, Completion, first_sentences

RETRY_STATUS = {408, 409, 429, 500, 502, 503, 504}
START_HINT = (
    "start it (e.g. `python -m llama_cpp.server --model M.gguf --port 8080`) or fix llm_url"
)


class Cancelled(Exception):
    """Another request of the same batch failed for good; this one stops too."""


def normalize_url(url: str) -> str:
    """The API base: a bare http://host:port gets the usual /v1."""
    url = url.strip().rstrip("/")
    return url + "/v1" if urlsplit(url).path in ("", "/") else url


class OpenAILLM:
    def __init__(
        self,
        *,
        url: str = "http://127.0.0.1:8080/v1",
        model: str = "",
        endpoint: str = "chat",
        concurrency: int = 4,
        timeout: float = 120.0,
        retries: int = 3,
        api_key_env: str = "LOCALDIGEST_LLM_API_KEY",
        backoff: float = 0.5,
    ):
        import httpx

        if endpoint not in ("chat", "completion"):
            raise ModelError(f"llm_endpoint must be 'chat' or 'completion', not {endpoint!r}")
        self.url = normalize_url(url)
        self.endpoint = endpoint
        self.concurrency = max(1, concurrency)
        self.timeout = timeout
        self.retries = max(0, retries)
        self.backoff = backoff
        self.api_key_env = api_key_env
        key = os.environ.get(api_key_env, "") if api_key_env else ""
        self._httpx = httpx
        self._client = httpx.Client(
            headers={"Authorization": f"Bearer {key}"} if key else {},
            timeout=httpx.Timeout(timeout, connect=min(timeout, 10.0)),
            limits=httpx.Limits(max_connections=self.concurrency + 2),
            trust_env=False,  # no proxy from the environment: the request goes to llm_url only
        )
        self._tokenizer: Callable[[str], int] | None = None
        self._token_counts: dict[str, int] = {}
        self._lock = threading.Lock()
        self.model_id = self._pick_model(model)  # fails now, with one line, if the server is down
        self.name = f"openai:{self.model_id}"
        self.label = f"{self.model_id} at {self.url}"

    # -- HTTP ----------------------------------------------------------------------------------
    def _request(
        self,
        method: str,
        path: str,
        body: dict | None = None,
        cancel: threading.Event | None = None,
    ) -> dict:
        """One API call with retries; a ModelError with one line when it cannot succeed."""
        url = path if path.startswith("http") else f"{self.url}{path}"
        problem = ""
        for attempt in range(self.retries + 1):
            if cancel is not None and cancel.is_set():
                raise Cancelled
            try:
                response = self._client.request(method, url, json=body)
            except self._httpx.ConnectError as exc:
                problem = (
                    f"cannot reach the LLM server at {self.url} ({_reason(exc)}); {START_HINT}"
                )
            except self._httpx.TimeoutException:
                problem = (
                    f"the LLM server at {self.url} did not answer within {self.timeout:g}s; "
                    "raise llm_timeout or lower llm_concurrency"
                )
            except self._httpx.HTTPError as exc:  # the connection dropped mid-answer
                problem = f"the LLM server at {self.url} dropped the request ({_reason(exc)})"
            else:
                status = response.status_code
                if status < 400:
                    try:
                        return response.json()
                    except ValueError as exc:
                        raise ModelError(
                            f"the LLM server at {self.url} answered {path} with something that "
                            "is not JSON; is llm_url an OpenAI-compatible API (ending in /v1)?"
                        ) from exc
                detail = _error_text(response)
                if status in (401, 403):
                    raise ModelError(
                        f"the LLM server at {self.url} refused the request (HTTP {status}); "
                        f"set the API key in the variable {self.api_key_env}"
                    )
                if status not in RETRY_STATUS:
                    raise ModelError(
                        f"the LLM server at {self.url} answered HTTP {status} to {path}: {detail}"
                    )
                problem = f"the LLM server at {self.url} answered HTTP {status}: {detail}"
            if attempt < self.retries:
                delay = self.backoff * (2**attempt)
                if cancel is not None:
                    if cancel.wait(delay):
                        raise Cancelled
                else:
                    time.sleep(delay)
        tries = self.retries + 1
        raise ModelError(f"{problem} (tried {tries} time{'s' if tries > 1 else ''})")

    def _pick_model(self, wanted: str) -> str:
        try:
            listed = [m["id"] for m in self._request("GET", "/models").get("data", [])]
        except ModelError as exc:
            if "HTTP 404" in str(exc) and wanted:
                return wanted  # a server without /models: trust the configured id
            raise
        if wanted:
            if wanted not in listed:
                shown = ", ".join(listed[:5]) or "nothing"
                raise ModelError(
                    f"the LLM server at {self.url} does not serve model {wanted!r}; it serves: "
                    f"{shown}; set llm_model (--llm-model) to one of them"
                )
            return wanted
        if len(listed) != 1:
            shown = ", ".join(listed[:5]) or "no model"
            raise ModelError(
                f"the LLM server at {self.url} serves {shown}; set llm_model (--llm-model) "
                "to the one to use"
            )
        return listed[0]

    def is_chat(self) -> bool:
        """On the chat endpoint the server applies an instruct model's template."""
        return self.endpoint == "chat"

    def close(self) -> None:
        self._client.close()

    # -- the LLM protocol ------------------------------------------------------------------------
    def complete(
        self,
        prompt: str,
        *,
        max_tokens: int,
        stop: list[str],
        temperature: float,
        seed: int,
        max_sentences: int | None = None,
        cancel: threading.Event | None = None,
    ) -> Completion:
        body: dict = {
            "model": self.model_id,
            "max_tokens": max_tokens,
            "temperature": temperature,
            "top_p": 0.9,
            "seed": seed,
            "stop": stop or None,
        }
        if self.endpoint == "chat":
            body["messages"] = [{"role": "user", "content": CHAT_WRAPPER.format(document=prompt)}]
            path = "/chat/completions"
        else:
            body["prompt"] = prompt
            path = "/completions"
        start = time.perf_counter()
        answer = self._request("POST", path, body, cancel)
        seconds = time.perf_counter() - start
        try:
            choice = answer["choices"][0]
            text = (
                choice["message"].get("content") or ""
                if self.endpoint == "chat"
                else choice.get("text") or ""
            )
        except (KeyError, IndexError, TypeError, AttributeError) as exc:
            raise ModelError(
                f"the LLM server at {self.url} sent an answer without choices[0] for {path}"
            ) from exc
        for s in stop:  # servers differ in whether the stop string is kept
            text = text.split(s, 1)[0]
        usage = answer.get("usage") or {}
        prompt_tokens = usage.get("prompt_tokens") or self.count_tokens(prompt)
        completion_tokens = usage.get("completion_tokens") or self.count_tokens(text)
        text = first_sentences(text, max_sentences) if max_sentences else text
        return Completion(text, int(prompt_tokens), int(completion_tokens), seconds)

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
        """Up to ``concurrency`` prompts in flight; each retried right away while ``accept``
        rejects it. Each Completion's seconds is its share of the wall time, so the sum is the
        time the batch took, not the requests' overlapping latencies."""
        if not prompts:
            return []
        cancel = threading.Event()

        def one(i: int) -> list[Completion]:
            tries = []
            for seed, temperature in attempts:
                c = self.complete(
                    prompts[i],
                    max_tokens=max_tokens,
                    stop=stop,
                    temperature=temperature,
                    seed=seed,
                    max_sentences=max_sentences,
                    cancel=cancel,
                )
                tries.append(c)
                if accept is None or accept(i, c.text):
                    break
            return tries

        start = time.perf_counter()
        pool = ThreadPoolExecutor(
            max_workers=min(self.concurrency, len(prompts)), thread_name_prefix="llm"
        )
        futures = [pool.submit(one, i) for i in range(len(prompts))]
        try:
            done, _ = wait(futures, return_when=FIRST_EXCEPTION)
            failed = [f for f in futures if f in done and f.exception() is not None]
            if failed:
                errors = [f.exception() for f in failed]
                raise next((e for e in errors if not isinstance(e, Cancelled)), errors[0])
            results = [f.result() for f in futures]
        except BaseException:
            cancel.set()  # the others stop before their next request or retry
            pool.shutdown(wait=False, cancel_futures=True)
            raise
        pool.shutdown()
        share = (time.perf_counter() - start) / max(1, sum(len(r) for r in results))
        for tries in results:
            for c in tries:
                c.seconds = share
        return results

    def count_tokens(self, text: str) -> int:
        """The server's tokenizer where it exposes one (llama-cpp-python /extras/tokenize,
        llama-server and vLLM /tokenize); else an estimate (prompt budgeting only)."""
        if text in self._token_counts:
            return self._token_counts[text]
        with self._lock:
            if self._tokenizer is None:
                self._tokenizer = self._find_tokenizer()
        n = self._tokenizer(text)
        self._token_counts[text] = n
        return n

    def _find_tokenizer(self) -> Callable[[str], int]:
        root = self.url[: -len("/v1")] if self.url.endswith("/v1") else self.url
        probes = [
            (f"{root}/extras/tokenize", lambda t: {"input": t, "model": self.model_id}),
            (f"{root}/tokenize", lambda t: {"content": t, "prompt": t, "model": self.model_id}),
        ]
        for url, body in probes:
            try:
                response = self._client.post(url, json=body("probe"))
                if response.status_code == 200 and "tokens" in response.json():
                    return lambda t, url=url, body=body: len(
                        self._request("POST", url, body(t))["tokens"]
                    )
            except (self._httpx.HTTPError, ValueError):
                continue
        return estimate_tokens


def estimate_tokens(text: str) -> int:
    """About one token per Hangul syllable and one per four other characters."""
    hangul = sum(1 for ch in text if "\uac00" <= ch <= "\ud7a3")
    return hangul + (len(text) - hangul + 3) // 4


def _reason(exc: Exception) -> str:
    text = str(exc).strip() or type(exc).__name__
    if "Connection refused" in text or "Errno 111" in text:
        return "connection refused"
    return text.splitlines()[0][:160]


def _error_text(response) -> str:
    try:
        data = response.json()
        err = data.get("error", data) if isinstance(data, dict) else data
        text = err.get("message", str(err)) if isinstance(err, dict) else str(err)
    except ValueError:
        text = response.text
    return " ".join(str(text).split())[:200] or "(no detail)"


def server_status(
    url: str, model: str = "", timeout: float = 5.0, api_key_env: str = ""
) -> tuple[bool, str]:
    """For `doctor`: whether the server answers /models and serves ``model``."""
    try:
        llm = OpenAILLM(url=url, model=model, timeout=timeout, retries=0, api_key_env=api_key_env)
    except ModelError as exc:
        return False, str(exc)
    llm.close()
    return True, f"{llm.url} answers and serves {llm.model_id}"
