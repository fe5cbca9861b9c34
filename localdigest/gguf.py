"""Read a GGUF file's header and tensor table, and check that every tensor's data is in the file.

llama.cpp maps the file and trusts the table: a truncated download loads until the first
missing tensor, or crashes. This check costs a fraction of a second and reads only the header.
Format: https://github.com/ggml-org/ggml/blob/master/docs/gguf.md (little-endian, v2 and v3).
"""

from __future__ import annotations

import mmap
import struct
from dataclasses import dataclass
from pathlib import Path

from .errors import ModelError

# ggml type id -> (elements per block, bytes per block), from ggml's type traits.
GGML_TYPES: dict[int, tuple[int, int]] = {
    0: (1, 4),  # F32
    1: (1, 2),  # F16
    2: (32, 18),  # Q4_0
    3: (32, 20),  # Q4_1
    6: (32, 22),  # Q5_0
    7: (32, 24),  # Q5_1
    8: (32, 34),  # Q8_0
    9: (32, 36),  # Q8_1
    10: (256, 84),  # Q2_K
    11: (256, 110),  # Q3_K
    12: (256, 144),  # Q4_K
    13: (256, 176),  # Q5_K
    14: (256, 210),  # Q6_K
    15: (256, 292),  # Q8_K
    16: (256, 66),  # IQ2_XXS
    17: (256, 74),  # IQ2_XS
    18: (256, 98),  # IQ3_XXS
    19: (256, 50),  # IQ1_S
    20: (32, 18),  # IQ4_NL
    21: (256, 110),  # IQ3_S
    22: (256, 82),  # IQ2_S
    23: (256, 136),  # IQ4_XS
    24: (1, 1),  # I8
    25: (1, 2),  # I16
    26: (1, 4),  # I32
    27: (1, 8),  # I64
    28: (1, 8),  # F64
    29: (256, 56),  # IQ1_M
    30: (1, 2),  # BF16
    34: (256, 54),  # TQ1_0
    35: (256, 66),  # TQ2_0
    39: (32, 17),  # MXFP4
}
# Metadata value type -> struct format of a fixed-size value (8: string, 9: array).
_SCALARS = {
    0: "B",
    1: "b",
    2: "H",
    3: "h",
    4: "I",
    5: "i",
    6: "f",
    7: "?",
    10: "Q",
    11: "q",
    12: "d",
}
_MAX_COUNT = 1 << 24  # more tensors, keys or dimensions than any model has: a corrupt header


@dataclass
class Tensor:
    name: str
    shape: tuple[int, ...]
    type: int
    offset: int  # from the start of the data section

    def nbytes(self) -> int | None:
        """Bytes of data, or None for a ggml type this table does not know."""
        if self.type not in GGML_TYPES:
            return None
        block, size = GGML_TYPES[self.type]
        count = 1
        for d in self.shape:
            count *= d
        return -(-count // block) * size


@dataclass
class GgufInfo:
    version: int
    metadata: dict[str, object]  # scalars and strings; arrays as their length
    tensors: list[Tensor]
    data_start: int
    file_size: int


class _Reader:
    def __init__(self, buf, path: Path):
        self.buf, self.pos, self.path = buf, 0, path

    def take(self, fmt: str):
        size = struct.calcsize("<" + fmt)
        if self.pos + size > len(self.buf):
            raise self.corrupt("the header ends early")
        value = struct.unpack_from("<" + fmt, self.buf, self.pos)
        self.pos += size
        return value[0] if len(value) == 1 else value

    def string(self) -> str:
        n = self.take("Q")
        if self.pos + n > len(self.buf):
            raise self.corrupt("a string runs past the end of the file")
        raw = self.buf[self.pos : self.pos + n]
        self.pos += n
        return bytes(raw).decode("utf-8", "replace")

    def skip_strings(self, n: int) -> None:
        """Step over an array of n strings (a tokenizer's vocabulary: 262k in Gemma 3) reading
        only their lengths: ~10x faster than decoding each, which a warm rerun paid for."""
        if n > len(self.buf):
            raise self.corrupt(f"impossible array length {n}")
        buf, pos, end, unpack = self.buf, self.pos, len(self.buf), struct.Struct("<Q").unpack_from
        for _ in range(n):
            if pos + 8 > end:
                raise self.corrupt("the header ends early")
            pos += 8 + unpack(buf, pos)[0]
            if pos > end:
                raise self.corrupt("a string runs past the end of the file")
        self.pos = pos

    def count(self, what: str) -> int:
        n = self.take("Q")
        if n > _MAX_COUNT:
            raise self.corrupt(f"impossible {what} count {n}")
        return n

    def value(self, kind: int) -> object:
        if kind in _SCALARS:
            return self.take(_SCALARS[kind])
        if kind == 8:
            return self.string()
        if kind == 9:
            inner, n = self.take("I"), self.take("Q")
            if inner in _SCALARS:  # skip a fixed-size array in one step
                size = struct.calcsize("<" + _SCALARS[inner]) * n
                if self.pos + size > len(self.buf):
                    raise self.corrupt("an array runs past the end of the file")
                self.pos += size
            elif inner == 8:
                self.skip_strings(n)
            else:
                if n > len(self.buf):
                    raise self.corrupt(f"impossible array length {n}")
                for _ in range(n):
                    self.value(inner)
            return n
        raise self.corrupt(f"unknown metadata type {kind}")

    def corrupt(self, why: str) -> ModelError:
        return ModelError(
            f"{self.path} is not a valid GGUF file ({why}); it may be truncated or damaged: "
            "download or assemble it again, or pass --model PATH to another GGUF"
        )


def read_gguf(path: Path) -> GgufInfo:
    """Parse the header and tensor table; raise ModelError if they are malformed."""
    try:
        with path.open("rb") as fh:
            size = path.stat().st_size
            if size < 24:
                raise _Reader(b"", path).corrupt(f"only {size} bytes")
            with mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ) as buf:
                return _parse(_Reader(buf, path), size)
    except OSError as exc:
        raise ModelError(f"cannot read model file {path}: {exc.strerror or exc}") from exc


def _parse(r: _Reader, size: int) -> GgufInfo:
    if bytes(r.buf[:4]) != b"GGUF":
        raise ModelError(f"{r.path} is not a GGUF file (starts with {bytes(r.buf[:4])!r})")
    r.pos = 4
    version = r.take("I")
    if version not in (2, 3):
        raise r.corrupt(f"unsupported GGUF version {version}")
    n_tensors, n_kv = r.count("tensor"), r.count("metadata")
    metadata: dict[str, object] = {}
    for _ in range(n_kv):
        key = r.string()
        metadata[key] = r.value(r.take("I"))
    tensors = []
    for _ in range(n_tensors):
        name = r.string()
        n_dims = r.take("I")
        if n_dims > 8:
            raise r.corrupt(f"tensor {name!r} has {n_dims} dimensions")
        shape = tuple(r.take("Q") for _ in range(n_dims))
        kind, offset = r.take("I"), r.take("Q")
        tensors.append(Tensor(name, shape, kind, offset))
    align = metadata.get("general.alignment", 32)
    if not isinstance(align, int) or align <= 0:
        raise r.corrupt(f"bad alignment {align!r}")
    data_start = -(-r.pos // align) * align
    return GgufInfo(version, metadata, tensors, data_start, size)


def check_gguf(path: Path) -> GgufInfo:
    """read_gguf, then: every tensor's data lies inside the file."""
    info = read_gguf(path)
    if not info.tensors:
        raise ModelError(f"{path} holds no tensors; pass --model PATH to a GGUF model")
    room = info.file_size - info.data_start
    need = 0
    for t in info.tensors:
        end = t.offset + (t.nbytes() or 0)
        if end > room:
            raise ModelError(
                f"{path} is truncated or damaged: tensor {t.name!r} needs bytes up to "
                f"{info.data_start + end:,} but the file has {info.file_size:,}; download or "
                "assemble it again (`localdigest models install` for the bundled one)"
            )
        need = max(need, end)
    return info
