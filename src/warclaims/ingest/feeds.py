"""RSS and Atom feeds (feedparser): the articles a feed lists, as URLs to fetch.

A feed's entry says where the article is (`link`) and often when it was published; the article
itself is fetched (a summary is not the article). An entry without a link but with full content
(`content:encoded`) is taken from the feed as it is.
"""
from __future__ import annotations

from dataclasses import dataclass

from warclaims.errors import MalformedInput


@dataclass
class FeedEntry:
    link: str | None
    title: str | None
    published: str | None  # ISO date from the entry, when it gives one
    content: str | None  # full content when the feed carries it and no link


def parse_feed(data: bytes, source: str) -> list[FeedEntry]:
    """The entries of an RSS/Atom document; MalformedInput when it is not a feed at all."""
    import feedparser

    parsed = feedparser.parse(data)
    if not parsed.entries and (parsed.bozo or not parsed.feed):
        reason = getattr(parsed, "bozo_exception", None)
        raise MalformedInput(f"{source} is not an RSS or Atom feed ({reason or 'no entries'})", source=source,
                             hint="pass the feed's URL (often /rss, /feed or /atom.xml), or the page URLs themselves")
    out = []
    for e in parsed.entries:
        published = None
        stamp = e.get("published_parsed") or e.get("updated_parsed")
        if stamp:
            published = f"{stamp[0]:04d}-{stamp[1]:02d}-{stamp[2]:02d}"
        content = None
        if not e.get("link") and e.get("content"):
            content = e["content"][0].get("value")
        out.append(FeedEntry(e.get("link"), e.get("title"), published, content))
    return out
