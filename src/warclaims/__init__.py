"""warclaims: extract and check war-loss claims in English, Ukrainian and Russian.

    import warclaims
    result = warclaims.extract(text, published="2023-03-31")
    result.loss_tallies, result.checks
"""
from __future__ import annotations

__version__ = "0.1.0"

from .api import categories, check, extract, extract_path, series
from .errors import WarclaimsError
from .models import Check, Document, LossTally, Party, Result

__all__ = ["Check", "Document", "LossTally", "Party", "Result", "WarclaimsError", "__version__", "categories",
           "check", "extract", "extract_path", "series"]
