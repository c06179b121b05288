"""CLI commands beyond extract/check/series: one module per command group, each a thin adapter over
the Python API. A module defines `register(subparsers)`; cli.COMMANDS lists the module names."""
