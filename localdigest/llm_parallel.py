"""Several completions decoded together in one llama.cpp context (continuous batching).

A single sequence decodes one token per forward pass, and on a CPU that pass is bound by
reading the weights, not by arithmetic. Decoding up to ``slots`` sequences in the same pass
reads them once for all: on 2 cores the bundled 270M model generates ~55-60 tokens/s one
sequence at a time and ~90-115 tokens/s eight at a time (the 262k-token output layer, computed
for every generated token, is what limits it then).

How: the prompts' longest common token prefix is evaluated once on sequence 0 and kept
between calls; each prompt gets a free slot (sequence 1..slots), which shares the prefix's KV
cells (``llama_memory_seq_cp``, no copy in a unified cache) and evaluates only its own
suffix. Every pass carries one new token per active slot plus pending suffix tokens; a slot
is refilled as soon as its sequence ends, so a long answer does not hold back the others.
Each prompt has its own seeded sampler chain, so a prompt's result does not depend on which
other prompts share the batch, only on its own seed (up to floating-point differences
between batch shapes).

A request may carry an ``accept`` check and further attempts (seed, temperature): a rejected
answer is generated again in the same slot, on the prompt already in its KV cache, so a retry
costs only its new tokens.
"""

from __future__ import annotations

import ctypes
from collections.abc import Callable
from dataclasses import dataclass, field

from .errors import ModelError


@dataclass
class Attempt:
    out: bytearray = field(default_factory=bytearray)
    generated: int = 0


@dataclass
class Request:
    tokens: list[int]
    attempts: list[tuple[int, float]]  # (seed, temperature) for the first try and each retry
    accept: Callable[[bytes], bool] | None = None  # None: the first answer is final
    tries: list[Attempt] = field(default_factory=list)


@dataclass
class _Slot:
    seq: int
    request: Request | None = None
    sampler: object | None = None
    pending: list[int] = field(default_factory=list)  # prompt tokens not yet evaluated
    pos: int = 0  # next position in this sequence
    last: int = 0  # last sampled token, fed back on the next pass
    reserved: int = 0  # KV cells this slot may still need (own prompt + max_tokens)
    logits_at: int = -1  # index in the last batch whose logits belong to this slot


class ParallelDecoder:
    """Owns a second llama.cpp context on the model already loaded by ``llama_cpp.Llama``.

    ``Llama`` keeps its own single-sequence context for ``create_completion``; this one has
    ``slots + 1`` sequences in a unified KV cache of ``n_ctx`` cells.
    """

    def __init__(
        self,
        llama,
        *,
        slots: int,
        n_ctx: int,
        n_threads: int,
        n_batch: int = 512,
        top_p: float = 0.9,
        repeat_penalty: float = 1.15,
    ):
        import llama_cpp
        from llama_cpp import _internals

        self._lib = llama_cpp
        self._internals = _internals
        self.model = llama._model
        self.vocab = self.model.vocab
        self.n_vocab = self.model.n_vocab()
        self.slots = max(1, slots)
        self.n_batch = n_batch
        self.top_p, self.repeat_penalty = top_p, repeat_penalty
        params = llama_cpp.llama_context_default_params()
        params.n_ctx = n_ctx
        params.n_batch = n_batch
        params.n_ubatch = n_batch
        params.n_seq_max = self.slots + 1
        # One unified cache: the prefix's cells are shared by all sequences, not copied (separate
        # streams measured slower here). swa_full: sliding-window layers (Gemma 3) keep whole
        # buffers, so a sequence can be cut back to any position and copied.
        params.kv_unified = True
        params.swa_full = True
        params.n_threads = n_threads
        params.n_threads_batch = n_threads
        params.no_perf = True
        try:
            self.ctx = _internals.LlamaContext(model=self.model, params=params, verbose=False)
        except ValueError as exc:
            raise ModelError(
                f"llama.cpp cannot create a {n_ctx}-token batch context: {exc}"
            ) from exc
        self.memory = self.ctx.memory
        self.n_ctx = n_ctx
        self.batch = llama_cpp.llama_batch_init(n_batch, 0, 1)
        self.prefix: list[int] = []  # tokens held by sequence 0
        self._piece = ctypes.create_string_buffer(64)

    def close(self) -> None:
        if self.batch is not None:
            self._lib.llama_batch_free(self.batch)
            self.batch = None
        self.ctx.close()

    # -- sampling ------------------------------------------------------------------------
    def _sampler(self, seed: int, temperature: float):
        s = self._internals.LlamaSampler()
        s.add_top_k(40)  # cut the 262k-token vocabulary first: penalties are per candidate
        s.add_penalties(self.n_vocab, 64, self.repeat_penalty, 0.0, 0.0)
        s.add_top_p(self.top_p, 1)
        s.add_min_p(0.05, 1)
        s.add_temp(temperature)
        s.add_dist(seed)
        return s

    def _text_piece(self, token: int) -> bytes:
        n = self._lib.llama_token_to_piece(self.vocab, token, self._piece, 64, 0, False)
        return self._piece.raw[:n] if n > 0 else b""

    # -- batch building --------------------------------------------------------------------
    def _add(self, token: int, pos: int, seq: int, logits: bool) -> int:
        b = self.batch
        i = b.n_tokens
        b.token[i] = token
        b.pos[i] = pos
        b.n_seq_id[i] = 1
        b.seq_id[i][0] = seq
        b.logits[i] = logits
        b.n_tokens = i + 1
        return i

    def _decode(self) -> None:
        rc = self._lib.llama_decode(self.ctx.ctx, self.batch)
        if rc != 0:
            raise ModelError(
                f"llama.cpp batch decode failed (code {rc}); lower --parallel or raise --n-ctx"
            )

    def _set_prefix(self, prefix: list[int]) -> None:
        """Make sequence 0 hold exactly ``prefix``, evaluating only what it lacks."""
        keep = 0
        for a, b in zip(self.prefix, prefix, strict=False):
            if a != b:
                break
            keep += 1
        self._lib.llama_memory_seq_rm(self.memory, 0, keep, -1)
        for start in range(keep, len(prefix), self.n_batch):
            self.batch.n_tokens = 0
            for pos in range(start, min(len(prefix), start + self.n_batch)):
                self._add(prefix[pos], pos, 0, False)
            self._decode()
        self.prefix = list(prefix)

    # -- the loop ------------------------------------------------------------------------------
    def run(
        self, requests: list[Request], *, max_tokens: int, finished: Callable[[bytes], bool]
    ) -> None:
        """Generate for every request until ``finished(text so far)``, an end-of-generation
        token or ``max_tokens``; then retry in place while ``accept`` rejects the answer and
        attempts remain. Every attempt lands in the request's ``tries``."""
        if not requests:
            return
        prefix = _common_prefix([r.tokens for r in requests])
        prefix = prefix[: max(0, min(len(r.tokens) for r in requests) - 1)]  # >= 1 own token
        for r in requests:
            if len(r.tokens) + max_tokens > self.n_ctx:
                raise ModelError(
                    f"a prompt of {len(r.tokens)} tokens plus {max_tokens} to generate does not "
                    f"fit the {self.n_ctx}-token context; raise --n-ctx"
                )
        self._set_prefix(prefix)
        queue = list(reversed(requests))
        slots = [_Slot(seq=i + 1) for i in range(min(self.slots, len(requests)))]
        lib = self._lib
        while True:
            for slot in slots:  # refill free slots while the KV cache has room
                room = self.n_ctx - len(prefix) - sum(s.reserved for s in slots)
                if slot.request is None and queue:
                    need = len(queue[-1].tokens) - len(prefix) + max_tokens
                    if need > room:
                        break
                    req = queue.pop()
                    lib.llama_memory_seq_rm(self.memory, slot.seq, -1, -1)
                    lib.llama_memory_seq_cp(self.memory, 0, slot.seq, -1, -1)  # seq 0 = prefix
                    slot.request, slot.reserved = req, need
                    self._begin(slot, len(prefix))
            active = [s for s in slots if s.request is not None]
            if not active:
                break
            self.batch.n_tokens = 0
            for slot in active:  # one token per generating slot first: they are latency-bound
                slot.logits_at = -1
                if not slot.pending:
                    slot.logits_at = self._add(slot.last, slot.pos, slot.seq, True)
                    slot.pos += 1
            for slot in active:  # then prompt tokens, as many as fit
                while slot.pending and self.batch.n_tokens < self.n_batch:
                    token = slot.pending.pop(0)
                    slot.logits_at = self._add(token, slot.pos, slot.seq, not slot.pending)
                    slot.pos += 1
                if slot.pending:
                    slot.logits_at = -1
            self._decode()
            for slot in active:
                if slot.logits_at < 0:
                    continue
                attempt = slot.request.tries[-1]
                token = lib.llama_sampler_sample(slot.sampler.sampler, self.ctx.ctx, slot.logits_at)
                if lib.llama_vocab_is_eog(self.vocab, token):
                    self._end(slot)
                    continue
                attempt.out += self._text_piece(token)
                attempt.generated += 1
                slot.last = token
                if attempt.generated >= max_tokens or finished(bytes(attempt.out)):
                    self._end(slot)

    def _begin(self, slot: _Slot, start: int) -> None:
        """Start the request's next attempt in ``slot``: evaluate its prompt from ``start``."""
        req = slot.request
        seed, temperature = req.attempts[len(req.tries)]
        req.tries.append(Attempt())
        slot.pos, slot.pending = start, req.tokens[start:]
        slot.sampler = self._sampler(seed, temperature)

    def _end(self, slot: _Slot) -> None:
        req = slot.request
        slot.sampler.close()
        retry = req.accept is not None and len(req.tries) < len(req.attempts)
        if retry and not req.accept(bytes(req.tries[-1].out)):
            # Cut the answer off and feed the prompt's last token again for fresh logits.
            self._lib.llama_memory_seq_rm(self.memory, slot.seq, len(req.tokens) - 1, -1)
            self._begin(slot, len(req.tokens) - 1)
            return
        self._lib.llama_memory_seq_rm(self.memory, slot.seq, -1, -1)
        slot.request, slot.sampler, slot.pending, slot.reserved = None, None, [], 0


def _common_prefix(token_lists: list[list[int]]) -> list[int]:
    first = token_lists[0]
    n = len(first)
    for tokens in token_lists[1:]:
        m = 0
        limit = min(n, len(tokens))
        while m < limit and tokens[m] == first[m]:
            m += 1
        n = m
    return first[:n]
