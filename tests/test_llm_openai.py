"""The openai backend against a small fake OpenAI-compatible server on loopback.

The fake answers /v1/models, /v1/chat/completions, /v1/completions and /extras/tokenize the
way llama-cpp-python's server does, and can be told to fail, stall or count requests in
flight. The real server (llama_cpp.server with a real GGUF) is exercised by test_served.py.
"""

from __future__ import annotations

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from localdigest.embed import HashEmbedder
from localdigest.errors import ModelError
from localdigest.llm import CHAT_WRAPPER, get_llm
from localdigest.llm_openai import OpenAILLM, estimate_tokens
from localdigest.pipeline import DayRequest, run_day
from localdigest.store import Store

pytestmark = [
    pytest.mark.enable_socket,  # loopback only: the fake server and its client
    pytest.mark.filterwarnings("ignore:n_jobs value:UserWarning"),
    pytest.mark.filterwarnings("ignore:distutils Version classes:DeprecationWarning"),
]

REPLY = " 새로운 방법을 제안합니다."


class FakeServer:
    def __init__(self, models=("fake-model",)):
        self.models = list(models)
        self.requests: list[tuple[str, dict, dict]] = []  # (path, body, headers)
        self.fail_next: list[int] = []  # HTTP statuses to answer with first
        self.delay = 0.0
        self.in_flight = 0
        self.max_in_flight = 0
        self.lock = threading.Lock()
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def _send(self, status, data):
                payload = json.dumps(data).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)

            def do_GET(self):
                server.requests.append((self.path, {}, dict(self.headers)))
                if self.path == "/v1/models":
                    self._send(200, {"data": [{"id": m} for m in server.models]})
                else:
                    self._send(404, {"error": {"message": "not found"}})

            def do_POST(self):
                body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
                with server.lock:
                    server.requests.append((self.path, body, dict(self.headers)))
                    status = server.fail_next.pop(0) if server.fail_next else 200
                    server.in_flight += 1
                    server.max_in_flight = max(server.max_in_flight, server.in_flight)
                try:
                    time.sleep(server.delay)
                    if status != 200:
                        self._send(status, {"error": {"message": "busy"}})
                    elif self.path == "/extras/tokenize":
                        self._send(200, {"tokens": list(range(len(body["input"].split())))})
                    elif self.path in ("/v1/chat/completions", "/v1/completions"):
                        if body.get("model") not in server.models:
                            self._send(404, {"error": {"message": "model not found"}})
                            return
                        chat = self.path.endswith("chat/completions")
                        choice = (
                            {
                                "message": {
                                    "role": "assistant",
                                    "content": REPLY + " 둘째 문장입니다.",
                                }
                            }
                            if chat
                            else {"text": REPLY + "\n다음 줄"}
                        )
                        usage = {"prompt_tokens": 11, "completion_tokens": 7}
                        self._send(200, {"choices": [choice], "usage": usage})
                    else:
                        self._send(404, {"error": {"message": "not found"}})
                finally:
                    with server.lock:
                        server.in_flight -= 1

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/v1"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def posts(self, path: str) -> list[dict]:
        return [b for p, b, _ in self.requests if p == path]

    def close(self):
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def server():
    s = FakeServer()
    yield s
    s.close()


def free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_chat_request_carries_the_wrapped_document_and_sampling(server):
    llm = OpenAILLM(url=server.url)
    assert llm.name == "openai:fake-model"  # the cache identity: the server's model id
    c = llm.complete("문서", max_tokens=20, stop=["\n"], temperature=0.2, seed=7, max_sentences=1)
    assert c.text == REPLY  # cut after the first sentence
    assert (c.prompt_tokens, c.completion_tokens) == (11, 7)  # the server's usage
    (body,) = server.posts("/v1/chat/completions")
    assert body["messages"] == [{"role": "user", "content": CHAT_WRAPPER.format(document="문서")}]
    assert (body["model"], body["seed"], body["temperature"], body["max_tokens"]) == (
        "fake-model",
        7,
        0.2,
        20,
    )
    assert body["stop"] == ["\n"]


def test_completion_endpoint_sends_the_document_as_is(server):
    llm = OpenAILLM(url=server.url.removesuffix("/v1"), endpoint="completion")  # /v1 added
    c = llm.complete("문서 그대로", max_tokens=9, stop=["\n"], temperature=0.0, seed=1)
    assert c.text == REPLY  # the server kept what follows the stop string: cut here
    assert server.posts("/v1/completions")[0]["prompt"] == "문서 그대로"


def test_complete_many_retries_rejected_lines_and_keeps_order(server):
    llm = OpenAILLM(url=server.url, concurrency=3)
    prompts = [f"p{i}" for i in range(6)]
    rejected = {1, 4}
    seen: list[tuple[int, int]] = []

    def accept(i, text):
        seen.append((i, len(seen)))
        return i not in rejected

    results = llm.complete_many(
        prompts, max_tokens=8, stop=["\n"], attempts=[(42, 0.2), (43, 0.6)], accept=accept
    )
    assert [len(r) for r in results] == [2 if i in rejected else 1 for i in range(6)]
    docs = [b["messages"][0]["content"] for b in server.posts("/v1/chat/completions")]
    for i, p in enumerate(prompts):
        mine = [d for d in docs if d.endswith(f"\n\n{p}")]
        assert len(mine) == len(results[i])
    seeds = sorted(b["seed"] for b in server.posts("/v1/chat/completions"))
    assert seeds == [42] * 6 + [43] * 2
    assert all(c.seconds >= 0 for r in results for c in r)


def test_requests_in_flight_are_bounded_by_concurrency(server):
    server.delay = 0.15
    llm = OpenAILLM(url=server.url, concurrency=4)
    start = time.perf_counter()
    llm.complete_many([f"p{i}" for i in range(12)], max_tokens=4, stop=[], attempts=[(1, 0.2)])
    wall = time.perf_counter() - start
    assert server.max_in_flight == 4
    assert wall < 12 * 0.15 * 0.6  # overlapped: about 3 rounds, not 12 requests in a row


def test_transient_errors_are_retried_with_backoff(server):
    server.fail_next = [503, 502]
    llm = OpenAILLM(url=server.url, backoff=0.01)
    c = llm.complete("x", max_tokens=4, stop=[], temperature=0.2, seed=1)
    assert c.text.startswith(REPLY)
    assert len(server.posts("/v1/chat/completions")) == 3


def test_a_server_that_keeps_failing_gives_one_line(server):
    llm = OpenAILLM(url=server.url, retries=1, backoff=0.01)
    server.fail_next = [503] * 5
    with pytest.raises(ModelError) as info:
        llm.complete("x", max_tokens=4, stop=[], temperature=0.2, seed=1)
    message = str(info.value)
    assert "\n" not in message and "HTTP 503" in message and "tried 2 times" in message


def test_server_down_is_one_clear_line():
    url = f"http://127.0.0.1:{free_port()}/v1"
    start = time.perf_counter()
    with pytest.raises(ModelError) as info:
        OpenAILLM(url=url, retries=2, backoff=0.01)
    message = str(info.value)
    assert message.startswith(f"cannot reach the LLM server at {url} (connection refused)")
    assert "llama_cpp.server" in message and "\n" not in message
    assert time.perf_counter() - start < 5


def test_wrong_model_name_lists_what_the_server_serves(server):
    with pytest.raises(ModelError, match=r"does not serve model 'qwen-7b'; it serves: fake-model"):
        OpenAILLM(url=server.url, model="qwen-7b")
    server.models.append("other")
    with pytest.raises(ModelError, match="set llm_model"):
        OpenAILLM(url=server.url)  # two models, none chosen
    assert OpenAILLM(url=server.url, model="other").name == "openai:other"


def test_a_failure_in_one_request_stops_the_batch(server):
    llm = OpenAILLM(url=server.url, concurrency=2, retries=0)
    server.fail_next = [500]
    with pytest.raises(ModelError, match="HTTP 500"):
        llm.complete_many([f"p{i}" for i in range(20)], max_tokens=4, stop=[], attempts=[(1, 0.2)])
    time.sleep(0.2)
    assert len(server.posts("/v1/chat/completions")) < 20  # the rest were not sent


def test_count_tokens_uses_the_server_tokenizer_else_an_estimate(server):
    llm = OpenAILLM(url=server.url)
    assert llm.count_tokens("one two three") == 3  # /extras/tokenize answered
    assert estimate_tokens("한국어 abcd") == 3 + 2


def test_api_key_goes_to_the_header_and_nowhere_else(server, settings, monkeypatch, tmp_path):
    secret = "sk-local-very-secret-1234"
    monkeypatch.setenv("LOCALDIGEST_LLM_API_KEY", secret)
    llm = OpenAILLM(url=server.url)
    llm.complete("x", max_tokens=4, stop=[], temperature=0.2, seed=1)
    assert all(h.get("Authorization") == f"Bearer {secret}" for _, _, h in server.requests)
    assert secret not in llm.name and secret not in llm.label
    server.fail_next = [401]
    with pytest.raises(ModelError) as info:
        llm.complete("x", max_tokens=4, stop=[], temperature=0.2, seed=1)
    assert secret not in str(info.value) and "LOCALDIGEST_LLM_API_KEY" in str(info.value)


def test_whole_day_through_the_served_backend(server, settings, tiny_papers, write_jsonl):
    """Calls logged like local ones, under the server's model id; a rerun is all cache."""
    papers = write_jsonl(Path(settings.out).parent / "papers.jsonl", tiny_papers)
    served = settings.with_overrides(
        llm_backend="openai", llm_url=server.url, llm_concurrency=3, writer="llm"
    )
    llm = get_llm("openai", url=server.url, concurrency=3)
    first = run_day(served, DayRequest(inputs=[str(papers)]), llm=llm, embedder=HashEmbedder())
    cats = first.stats["categories"]
    assert cats >= 2 and first.stats["llm_calls"] > 0
    with Store(served.db) as store:
        models = store.db.execute("SELECT DISTINCT model FROM llm_calls").fetchall()
        logged = store.db.execute("SELECT count(*) FROM llm_calls").fetchone()[0]
    assert models == [("openai:fake-model",)]
    assert logged == first.stats["llm_calls"]
    # The pipeline builds the backend itself from the settings, too.
    again = run_day(served, DayRequest(inputs=[str(papers)]), embedder=HashEmbedder())
    assert again.stats["cache_hits"] == cats and again.stats["llm_calls"] == 0
    digest = json.loads(again.json.read_text(encoding="utf-8"))
    assert digest["date"] == first.date


def test_doctor_checks_the_server(server):
    from localdigest.config import Settings
    from localdigest.doctor import check_model

    ok = check_model(Settings(llm_backend="openai", llm_url=server.url))
    assert ok.ok and ok.name == "llm server" and "serves fake-model" in ok.detail
    wrong = check_model(Settings(llm_backend="openai", llm_url=server.url, llm_model="nope"))
    assert not wrong.ok and "does not serve model 'nope'" in wrong.detail
    down = f"http://127.0.0.1:{free_port()}/v1"
    gone = check_model(Settings(llm_backend="openai", llm_url=down))
    assert not gone.ok and "connection refused" in gone.detail
