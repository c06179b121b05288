"""WARC files (fastwarc): the HTML responses of a crawl, one Document each.

Common Crawl News (CC-NEWS-YYYYMMDDhhmmss-NNNNN.warc.gz) holds `response` records: WARC headers
(WARC-Target-URI, WARC-Date), then the HTTP response (status line, headers, body). The source of a
record is its target URI, so the same article in two crawls is one source with revisions. A record
that cannot be read becomes a WarcRecordError outcome; the other records of the file still are.
"""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from warclaims.errors import WarcRecordError

TEXT_TYPES = ("text/html", "application/xhtml", "text/plain", "application/xml", "text/xml")


@dataclass
class WarcItem:
    """One record: the HTTP body and what the WARC headers say, or the error that stopped it."""

    index: int  # the response record's number in the file (0, 1, ...)
    source: str  # WARC-Target-URI, or file#index when there is none
    body: bytes | None = None
    content_type: str | None = None
    warc_date: str | None = None
    error: WarcRecordError | None = None


def iter_warc(path: str, offset: int = 0, count: int | None = None, first: int = 0) -> Iterator[WarcItem]:
    """The response (and resource) records of a WARC file (gzip or not): `count` records from the one at
    byte `offset` (numbered from `first`), so workers can split one file (see ingest.plan.warc_offsets)."""
    try:
        from fastwarc.warc import ArchiveIterator, WarcRecordType
    except ImportError as err:
        raise WarcRecordError(f"WARC support is not installed ({err})", source=path,
                              hint="pip install 'warclaims[warc]'") from err
    index = first - 1
    try:
        with open(path, "rb") as fh:
            fh.seek(offset)
            records = ArchiveIterator(fh, record_types=WarcRecordType.response | WarcRecordType.resource,
                                      parse_http=False)
            for record in records:
                index += 1
                if count is not None and index >= first + count:
                    break
                yield _item(record, index, path)
    except (OSError, EOFError, ValueError) as err:  # a broken file ends here; records read so far stay
        yield WarcItem(index + 1, f"{path}#{index + 1}",
                       error=WarcRecordError(f"{path}: cannot read past record {index + 1} ({err})", source=path,
                                             hint="the file is truncated or corrupt; the records before it were "
                                                  "read (check it with: gzip -t FILE)"))


def _item(record, index: int, path: str) -> WarcItem:
    from fastwarc.warc import WarcRecordType

    uri = record.headers.get("WARC-Target-URI") or f"{path}#{index}"
    date = record.headers.get("WARC-Date")
    try:
        raw = record.reader.read()
    except Exception as err:
        return WarcItem(index, uri, warc_date=date, error=WarcRecordError(
            f"{uri}: the record's body cannot be read ({err})", source=uri, hint="the record is corrupt; skipped"))
    if record.record_type == WarcRecordType.resource:
        return WarcItem(index, uri, raw, record.headers.get("Content-Type"), date)
    head, sep, body = raw.partition(b"\r\n\r\n")
    if not sep:
        head, sep, body = raw.partition(b"\n\n")
    lines = head.decode("iso-8859-1").splitlines()
    if not sep or not lines or not lines[0].startswith("HTTP/"):
        return WarcItem(index, uri, warc_date=date, error=WarcRecordError(
            f"{uri}: the record holds no HTTP response", source=uri, hint="a broken record; the others are read"))
    parts = lines[0].split(" ", 2)
    status = int(parts[1]) if len(parts) > 1 and parts[1].isdigit() else 0
    headers = {}
    for line in lines[1:]:
        key, _, value = line.partition(":")
        headers[key.strip().lower()] = value.strip()
    if status != 200:
        return WarcItem(index, uri, warc_date=date, error=WarcRecordError(
            f"{uri}: HTTP {status or '?'} in the archive", source=uri, hint="not an article page; skipped"))
    ctype = headers.get("content-type")
    if ctype and not ctype.lower().startswith(TEXT_TYPES):
        return WarcItem(index, uri, warc_date=date, error=WarcRecordError(
            f"{uri}: {ctype.split(';')[0]} is not a text page", source=uri, hint="not an article page; skipped"))
    if "chunked" in headers.get("transfer-encoding", "").lower():
        body = _dechunk(body)
    encoding = headers.get("content-encoding", "").lower()
    if encoding in ("gzip", "x-gzip", "deflate"):
        import contextlib
        import zlib

        with contextlib.suppress(zlib.error):  # else archived already decoded, the header kept as sent
            body = zlib.decompress(body, 47 if "gzip" in encoding else 15)
    return WarcItem(index, uri, body, ctype, date)


def _dechunk(body: bytes) -> bytes:
    out, pos = bytearray(), 0
    while pos < len(body):
        end = body.find(b"\r\n", pos)
        if end < 0:
            break
        try:
            size = int(body[pos:end].split(b";")[0], 16)
        except ValueError:
            return body  # not chunked after all
        if size == 0:
            break
        out += body[end + 2:end + 2 + size]
        pos = end + 2 + size + 2
    return bytes(out)
