"""`python -m localdigest.serve --model NAME_OR_PATH [llama_cpp.server options]`: llama-cpp-python's
OpenAI-compatible server, for labs that serve a GGUF to several users from one machine.

It is ``python -m llama_cpp.server`` with two differences: ``--model`` also takes a registry name
(`localdigest models list`; looked up in LOCALDIGEST_MODELS_DIR or ./models), and models load
with llama.cpp's repacked CPU weights off (see llm.model_params: the stock server crashes on
the first request on AMX CPUs). Every other option is the server's own (``--help``).
"""

from __future__ import annotations

import os
import sys


def resolve_model_arg(argv: list[str]) -> list[str]:
    """argv with the value of --model resolved from the registry when it names a model."""
    from .models import resolve

    models_dir = os.environ.get("LOCALDIGEST_MODELS_DIR", "models")
    out = list(argv)
    for i, arg in enumerate(out):
        if arg == "--model" and i + 1 < len(out):
            out[i + 1] = str(resolve(out[i + 1], models_dir))
        elif arg.startswith("--model="):
            out[i] = "--model=" + str(resolve(arg.split("=", 1)[1], models_dir))
    return out


def main(argv: list[str] | None = None) -> None:
    from .errors import LocalDigestError
    from .llm import model_params

    try:
        args = resolve_model_arg(sys.argv[1:] if argv is None else argv)
    except LocalDigestError as exc:
        sys.exit(f"Error: {exc}")
    repack = os.environ.get("LOCALDIGEST_CPU_REPACK", "0") not in ("", "0", "false")
    from llama_cpp.server.__main__ import main as server_main

    sys.argv = [sys.argv[0], *args]
    with model_params(repack):  # the server loads its model inside main()
        server_main()


if __name__ == "__main__":
    main()
