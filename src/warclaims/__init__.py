"""warclaims: extract and check war-loss claims in English, Ukrainian and Russian.

    import warclaims
    result = warclaims.extract(text, published="2023-03-31")
    result.loss_tallies, result.checks
"""
from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

from . import extract as _extract_package  # noqa: F401  (imported first: `warclaims.extract` is the function below)
from .errors import WarclaimsError
from .models import Check, Document, LossTally, Party, Result

# The API is imported on first use (PEP 562): the extractors compile their word lists at import (~0.3 s), which
# `from warclaims.reference.series import Series` or `warclaims --help` should not pay for.
_API = ("Ledger", "categories", "check", "export_claims", "extract_path", "ingest_sources", "series")

if TYPE_CHECKING:
    from .api import Ledger, categories, check, export_claims, extract_path, ingest_sources, series

__all__ = ["Check", "Document", "Ledger", "LossTally", "Party", "Result", "WarclaimsError", "__version__",
           "categories", "check", "export_claims", "extract", "extract_path", "ingest_sources", "series"]


def extract(*args: Any, **kwargs: Any) -> Result:
    """Extract and check one text: see warclaims.api.extract. (The subpackage `warclaims.extract` is imported
    before this function is defined, so the name stays the function's.)"""
    from .api import extract as run

    return run(*args, **kwargs)


def __getattr__(name: str) -> Any:
    if name in _API:
        value = getattr(importlib.import_module(".api", __name__), name)
        globals()[name] = value
        return value
    try:  # a submodule: warclaims.api, warclaims.pipeline, …
        return importlib.import_module(f".{name}", __name__)
    except ModuleNotFoundError:
        raise AttributeError(f"module 'warclaims' has no attribute {name!r}") from None
