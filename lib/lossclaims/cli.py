"""The `lossclaims` command line: one sub-command per job, each defined beside the code it runs.

Each module in `COMMAND_MODULES` has `register(subparsers)` that adds its sub-command(s)
and sets `func`, a callable taking the parsed arguments and returning an exit code.
"""
from __future__ import annotations

import argparse
import importlib
import sys

COMMAND_MODULES = [
    "lossclaims.pipeline",
    "lossclaims.evaluation",
    "lossclaims.vocabulary",
    "lossclaims.reference",
    "lossclaims.reconcile",
    "lossclaims.reports",
]


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every registered sub-command."""
    parser = argparse.ArgumentParser(
        prog="lossclaims",
        description="Read war-loss figures out of news articles into tidy, traceable tables.",
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the process exit code."""
    args = build_parser().parse_args(argv)
    try:
        return int(args.func(args) or 0)
    except KeyboardInterrupt:
        return 130
    except (FileNotFoundError, NotADirectoryError, ValueError) as exc:
        print(f"lossclaims {args.command}: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
