"""ingest: any input (file, bytes, standard input, string; text or HTML) to a `Document`.

    load_path("article.txt", encoding=None, published=None) -> Document
    load_bytes(data, "https://...", content_type="text/html; charset=utf-8") -> Document
    load_text("...", published="2023-03-30") -> Document
    load_stdin() -> Document

Decoding (BOM, UTF-8, a checked guess among cp1251/koi8/...), mojibake repair, binary and
empty-input errors, HTML main text and metadata, publication date, language, id.
"""
from __future__ import annotations

from .decode import decode_bytes
from .html import HtmlSupportMissing, extract_html, looks_like_html
from .lang import detect_language
from .load import InputUnreadable, load_bytes, load_path, load_stdin, load_text
from .meta import parse_published, published_from_text
from .text import document_id, repair_text

__all__ = [
    "HtmlSupportMissing",
    "InputUnreadable",
    "decode_bytes",
    "detect_language",
    "document_id",
    "extract_html",
    "load_bytes",
    "load_path",
    "load_stdin",
    "load_text",
    "looks_like_html",
    "parse_published",
    "published_from_text",
    "repair_text",
]
