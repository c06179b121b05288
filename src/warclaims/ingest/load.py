"""Any input to a `Document`: a path, bytes, standard input or a Python string.

Every known failure is a `WarclaimsError` naming the next step, with `source` set, so the CLI
prints it and a batch goes on with the other documents.
"""
from __future__ import annotations

import stat
import sys
from datetime import UTC, date, datetime
from pathlib import Path, PurePath

from warclaims.errors import EmptyInput, InputNotFound, InputUnreadable, MalformedInput, UsageError, WarclaimsError
from warclaims.models import Document

from .decode import decode_bytes
from .html import charset_from_meta, extract_html, looks_like_html
from .lang import detect_language
from .meta import parse_published, published_from_text
from .text import check_text, document_id, normalise_newlines, repair_text

MAX_BYTES = 100 * 1024 * 1024  # a news text is kilobytes; beyond this it is not one document



def load_path(path: str | PurePath, *, encoding: str | None = None, published: str | None = None) -> Document:
    """Read a file ("-" for standard input) into a Document."""
    source = str(path)
    if source == "-":
        return load_stdin(encoding=encoding, published=published)
    option = _option(published, source)
    if source.startswith(("http://", "https://")):
        raise UsageError("fetching URLs is not supported yet", source=source,
                         hint="save the page first (curl -o page.html URL) and pass the file")
    data = _read_file(Path(source), source)
    return _from_bytes(data, source, encoding=encoding, option=option, content_type=None,
                       suffix=Path(source).suffix, what="the file")


def load_bytes(data: bytes, source: str, *, encoding: str | None = None, published: str | None = None,
               content_type: str | None = None) -> Document:
    """Bytes from anywhere (a download, an archive record) into a Document."""
    option = _option(published, source)
    return _from_bytes(data, source, encoding=encoding, option=option, content_type=content_type,
                       suffix=PurePath(source.split("?")[0]).suffix, what="the input")


def load_stdin(*, encoding: str | None = None, published: str | None = None) -> Document:
    """Standard input (source "-") into a Document."""
    option = _option(published, "-")
    stream = getattr(sys.stdin, "buffer", None)
    if stream is None:
        raise UsageError("there is no standard input to read", source="-",
                         hint="pass a file name instead of -")
    if stream.isatty():
        raise UsageError("standard input is a terminal, not a file", source="-",
                         hint="pipe a text in (cat article.txt | warclaims extract -) or pass a file name")
    data = stream.read(MAX_BYTES + 1)
    _check_size(len(data), "-")
    return _from_bytes(data, "-", encoding=encoding, option=option, content_type=None, suffix="",
                       what="standard input")


def load_text(text: str, source: str = "<text>", *, published: str | None = None, url: str | None = None,
              title: str | None = None) -> Document:
    """A Python string (the `warclaims.extract(text)` API) into a Document."""
    if isinstance(text, (bytes, bytearray)):
        return load_bytes(bytes(text), source, published=published)
    option = _option(published, source)
    try:
        doc = _build(text, source, encoding=None, option=option, content_type=None, suffix="",
                     what="the text", url=url, retrieved=False)
    except WarclaimsError as err:
        raise _with_source(err, source) from None
    if title:
        doc.title = title
    return doc


def _option(published: str | date | None, source: str) -> tuple[str, str] | None:
    """The validated `published=` option (checked before any reading: fail fast)."""
    if published is None:
        return None
    try:
        return parse_published(published), "option"
    except WarclaimsError as err:
        raise _with_source(err, source) from None


def _read_file(path: Path, source: str) -> bytes:
    try:
        info = path.stat()
    except FileNotFoundError:
        raise InputNotFound(
            f"no such file: {source}", source=source,
            hint="check the path (a relative path starts from the current directory)",
        ) from None
    except PermissionError:
        raise InputUnreadable(f"cannot read {source}: permission denied", source=source,
                              hint="check the permissions of the file and its folders") from None
    except OSError as err:
        raise InputUnreadable(f"cannot read {source}: {err.strerror or err}", source=source) from None
    if stat.S_ISDIR(info.st_mode):
        raise UsageError(f"{source} is a directory", source=source,
                         hint=f"pass the files inside, e.g. {source.rstrip('/')}/*.txt")
    if not (stat.S_ISREG(info.st_mode) or stat.S_ISFIFO(info.st_mode)):
        raise UsageError(f"{source} is not a regular file (a device or socket?)", source=source,
                         hint="pass a text or HTML file")
    _check_size(info.st_size, source)
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_BYTES + 1)
    except PermissionError:
        raise InputUnreadable(
            f"cannot read {source}: permission denied", source=source,
            hint="check the file's permissions (chmod +r) or run as a user who can read it",
        ) from None
    except OSError as err:
        raise InputUnreadable(f"cannot read {source}: {err.strerror or err}", source=source) from None
    _check_size(len(data), source)
    return data


def _check_size(size: int, source: str) -> None:
    if size > MAX_BYTES:
        raise MalformedInput(f"{source} is larger than {MAX_BYTES // 2**20} MB: too big for one document",
                             source=source, hint="split it, or pass the articles one by one")


def _from_bytes(data: bytes, source: str, *, encoding: str | None, option: tuple[str, str] | None,
                content_type: str | None, suffix: str, what: str) -> Document:
    try:
        if not data:
            raise EmptyInput(f"{what} is empty; nothing to extract",
                             hint="pass a file with the article's text")
        declared: list[str] = []
        if content_type and "charset=" in content_type.lower():
            declared.append(content_type.lower().split("charset=")[1].split(";")[0].strip(" \"'"))
        if b"<" in data[:4096]:
            meta_charset = charset_from_meta(data)
            if meta_charset:
                declared.append(meta_charset)
        text, enc = decode_bytes(data, encoding=encoding, declared=tuple(declared))
        url = source if source.startswith(("http://", "https://")) else None
        return _build(text, source, encoding=enc, option=option, content_type=content_type, suffix=suffix,
                      what=what, url=url, retrieved=True)
    except WarclaimsError as err:
        raise _with_source(err, source) from None


def _build(text: str, source: str, *, encoding: str | None, option: tuple[str, str] | None,
           content_type: str | None, suffix: str, what: str, url: str | None, retrieved: bool) -> Document:
    text = normalise_newlines(text)
    check_text(text, what)
    title = publisher = None
    dated: tuple[str, str] | None = option
    url_date: str | None = None
    repairs: list[str] = []
    if looks_like_html(text, suffix=suffix, content_type=content_type):
        page = extract_html(text, url)
        text, title, publisher, url = page.text, page.title, page.publisher, url or page.url
        if dated is None and page.published:
            dated = page.published, "html-metadata"
        url_date = page.published_from_url
        if title:
            title, done = repair_text(title)
            repairs += done
        if publisher:
            publisher, done = repair_text(publisher)
            repairs += done
    text, done = repair_text(text)
    repairs = list(dict.fromkeys(repairs + done))
    check_text(text, what)
    if dated is None:
        found = published_from_text(text)
        if found:
            dated = found[0], f"text:{found[1]}"
    if dated is None and url_date:
        dated = url_date, "url"
    return Document(
        id=document_id(text),
        source=source,
        text=text,
        url=url,
        title=title,
        publisher=publisher,
        published=dated[0] if dated else None,
        published_basis=dated[1] if dated else None,
        language=detect_language(text),
        encoding=encoding,
        retrieved_at=datetime.now(UTC).isoformat(timespec="seconds") if retrieved else None,
        repairs=repairs,
    )


def _with_source(err: WarclaimsError, source: str) -> WarclaimsError:
    if err.source is None:
        err.source = source
    return err
