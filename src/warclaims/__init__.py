"""warclaims: extract and check war-loss claims in English, Ukrainian and Russian.

    import warclaims
    result = warclaims.extract(text, published="2023-03-31")
    result.loss_tallies, result.checks
"""
from __future__ import annotations

__version__ = "0.1.0"

from .api import Ledger, categories, check, export_claims, extract, extract_path, ingest_sources, series
from .errors import WarclaimsError
from .models import Check, Document, LossTally, Party, Result

__all__ = ["Check", "Document", "Ledger", "LossTally", "Party", "Result", "WarclaimsError", "__version__",
           "categories", "check", "export_claims", "extract", "extract_path", "ingest_sources", "series"]
