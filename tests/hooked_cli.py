"""`python tests/hooked_cli.py ARGS...`: the actionplans CLI with the hooks of tests/hooks.py installed."""
from __future__ import annotations

import hooks

if __name__ == "__main__":
    hooks.install()
    from pipeline import cli

    cli()
