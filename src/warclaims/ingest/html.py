"""HTML pages: main text (trafilatura, with an lxml fallback) and page metadata.

favor_recall=True: on bulletin pages the loss lines are short <p>/<li>/<br> lines, exactly what
a precision-first extractor is tempted to drop; navigation, sidebars and footers were still
removed on every page tried (see tests). The publication date comes from explicit metadata only
(meta tags, JSON-LD, <time itemprop=datePublished>): trafilatura's own date guess (htmldate)
read a "latest news" sidebar date on a mil.gov.ua bulletin, so it is not used.
"""
from __future__ import annotations

import importlib
import json
import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from warclaims.errors import EmptyInput, HtmlSupportMissing

_HTML_START_RE = re.compile(
    r"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html)\b", re.I | re.S
)
_TAG_RE = re.compile(
    r"</?(?:p|div|span|a|br|li|ul|ol|table|tr|td|h[1-6]|script|style|meta|body|head|title|article|"
    r"section|header|footer|nav|main|aside|img|strong|em|b|i)\b[^>]*>",
    re.I,
)
_META_CHARSET_RE = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:\-]+)|<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.:\-]+)""",
    re.I,
)
_URL_DATE_RE = re.compile(r"/((?:19|20)\d\d)[/-]([01]?\d)[/-]([0-3]?\d)(?:/|-|$)")
# <meta> names and properties that carry the publication (not modification) time
_DATE_META = {
    "article:published_time", "og:published_time", "datepublished", "pubdate", "publishdate",
    "publish-date", "publish_date", "date", "dc.date", "dc.date.issued", "dcterms.date",
    "dcterms.issued", "dcterms.created", "parsely-pub-date", "sailthru.date", "citation_publication_date",
    "article.published", "published_time", "mediator_published_time",
}
_BLOCK_TAGS = {
    "p", "div", "br", "li", "ul", "ol", "table", "tr", "h1", "h2", "h3", "h4", "h5", "h6",
    "article", "section", "header", "footer", "main", "aside", "blockquote", "pre", "dd", "dt",
}


@dataclass
class HtmlPage:
    text: str
    title: str | None = None
    publisher: str | None = None
    url: str | None = None
    published: str | None = None  # from explicit metadata only
    published_from_url: str | None = None  # /2023/03/30/ in the canonical URL


def looks_like_html(text: str, *, suffix: str = "", content_type: str | None = None) -> bool:
    """True for an HTML page: by suffix or content type, else by its start or its tag count."""
    if suffix.lower() in (".html", ".htm", ".xhtml", ".shtml"):
        return True
    if content_type and "html" in content_type.lower():
        return True
    head = text[:4096]
    return bool(_HTML_START_RE.match(head)) or len(_TAG_RE.findall(head)) >= 8


def charset_from_meta(data: bytes) -> str | None:
    """The charset a page declares (<meta charset>, http-equiv, <?xml encoding>) in its first 4 KB."""
    found = _META_CHARSET_RE.search(data[:4096])
    return (found.group(1) or found.group(2)).decode("ascii") if found else None


def _trafilatura() -> Any:
    try:
        return importlib.import_module("trafilatura")
    except ImportError as err:  # lxml >= 5.2 without lxml_html_clean fails right here
        raise HtmlSupportMissing(
            f"HTML support is broken in this installation ({err})",
            hint="reinstall it: pip install -U pip && pip install 'lxml[html_clean]' trafilatura",
        ) from err


def extract_html(html: str, url: str | None = None) -> HtmlPage:
    """Main text and metadata of a page; EmptyInput when it has no readable text."""
    traf = _trafilatura()
    tree = traf.load_html(html) if html.strip() else None
    if tree is None:  # a bare fragment ("<p>..</p>") is rejected as dubious: wrap it
        tree = traf.load_html(f"<html><body><div>{html}</div></body></html>")
    page = HtmlPage(text="")
    if tree is None:
        raise EmptyInput("the page has no readable text (a script-only or empty page?)")
    page.url = _canonical_url(tree) or url
    page.published = _published_meta(tree)
    if page.url:
        found = _URL_DATE_RE.search(page.url)
        if found:
            page.published_from_url = _valid_date(*map(int, found.groups()))
    doc = None
    try:
        doc = traf.bare_extraction(
            tree, url=page.url, with_metadata=True, include_comments=False, include_tables=True,
            favor_recall=True, deduplicate=False,
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    except Exception:  # a parser bug on one odd page must not stop a batch: fall back below
        doc = None
    if doc is not None:
        page.title = _clean(doc.title)
        page.publisher = _clean(doc.sitename)
        page.text = (doc.text or "").strip()
    if not page.title:
        page.title = _clean(" ".join(tree.xpath("//title//text()")))
    if not page.text:
        page.text = _body_text(tree)
    if not page.text:
        raise EmptyInput("the page has no readable text (a script-only or empty page?)",
                         hint="save the page after it has loaded (its text may be built by JavaScript)")
    if page.title and not _has_headline(page.text, page.title):
        page.text = f"{page.title}\n\n{page.text}"  # headlines carry claims too
    return page


def _clean(value: str | None) -> str | None:
    value = " ".join((value or "").split())
    return value or None


def _canonical_url(tree: Any) -> str | None:
    for xpath in ('//link[@rel="canonical"]/@href', '//meta[@property="og:url"]/@content'):
        for value in tree.xpath(xpath):
            value = value.strip()
            if value.startswith(("http://", "https://")):
                return value
    return None


def _published_meta(tree: Any) -> str | None:
    """The publication time from <meta>, JSON-LD or <time itemprop/pubdate>, as ISO."""
    for meta in tree.iter("meta"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").strip().lower()
        if key in _DATE_META:
            found = _iso(meta.get("content"))
            if found:
                return found
    for script in tree.xpath('//script[@type="application/ld+json"]'):
        try:
            data = json.loads(script.text or "")
        except ValueError:
            continue
        found = _iso(_jsonld_date(data))
        if found:
            return found
    for value in tree.xpath('//time[@itemprop="datePublished" or @pubdate]/@datetime'):
        found = _iso(value)
        if found:
            return found
    return None


def _jsonld_date(data: Any) -> str | None:
    """datePublished of the first article-like object in a JSON-LD block."""
    stack = [data]
    while stack:
        item = stack.pop(0)
        if isinstance(item, list):
            stack.extend(item)
        elif isinstance(item, dict):
            if isinstance(item.get("datePublished"), str):
                return item["datePublished"]
            stack.extend(v for k, v in item.items() if k in ("@graph", "mainEntity", "mainEntityOfPage"))
    return None


def _iso(value: str | None) -> str | None:
    """Normalise a metadata date; None for unparsable values and dates in the future."""
    value = (value or "").strip()
    if not value:
        return None
    when: datetime | None = None
    try:
        when = datetime.fromisoformat(value.replace(" ", "T", 1) if len(value) > 10 else value)
    except ValueError:
        found = re.match(r"((?:19|20)\d\d)-(\d\d)-(\d\d)", value)
        if found:
            return _valid_date(*map(int, found.groups()))
        from email.utils import parsedate_to_datetime  # lazily: a 10 ms import for a rare format

        try:
            when = parsedate_to_datetime(value)  # RFC 2822: "Thu, 30 Mar 2023 09:15:00 GMT"
        except (TypeError, ValueError, IndexError):
            return None
    limit = datetime.now(UTC) + timedelta(hours=14)
    if when.replace(tzinfo=when.tzinfo or UTC) > limit:
        return None
    if len(value) <= 10:
        return when.date().isoformat()
    return when.isoformat() if when.tzinfo else when.date().isoformat()  # no offset: the date is what is sure


def _valid_date(year: int, month: int, day: int) -> str | None:
    try:
        when = datetime(year, month, day, tzinfo=UTC)
    except ValueError:
        return None
    return when.date().isoformat() if when <= datetime.now(UTC) + timedelta(hours=14) else None


def _body_text(tree: Any) -> str:
    """Plain text of <body> without scripts and styles, one line per block element."""
    bodies = tree.xpath("//body")
    root = bodies[0] if bodies else tree
    for bad in root.xpath(".//script|.//style|.//noscript|.//template|.//svg|.//iframe"):
        bad.drop_tree()
    for el in root.iter():
        if isinstance(el.tag, str) and el.tag.lower() in _BLOCK_TAGS:
            el.tail = "\n" + (el.tail or "")
    lines = (" ".join(line.split()) for line in root.text_content().split("\n"))
    return "\n".join(line for line in lines if line)


def _has_headline(text: str, title: str) -> bool:
    """Does one of the first lines carry (most of the words of) the title?"""
    title_words = set(re.findall(r"\w+", title.casefold()))
    if not title_words:
        return True
    for line in text.split("\n")[:4]:
        words = set(re.findall(r"\w+", line.casefold()))
        if len(title_words & words) >= 0.7 * len(title_words):
            return True
    return False
