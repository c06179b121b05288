"""warclaims: extract and check war-loss claims in English, Ukrainian and Russian."""
from __future__ import annotations

__version__ = "0.1.0"
