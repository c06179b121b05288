"""/docs: the OpenAPI description as a plain page (FastAPI's Swagger UI loads its JS from a CDN; this page
needs nothing but the server). The machine-readable schema is /openapi.json."""
from __future__ import annotations

from html import escape
from typing import Any

_METHODS = ("get", "post", "put", "patch", "delete")


def render(schema: dict[str, Any]) -> str:
    info = schema.get("info", {})
    parts = [
        "<!doctype html><html lang=en><head><meta charset=utf-8>",
        "<meta name=viewport content='width=device-width, initial-scale=1'>",
        f"<title>{escape(info.get('title', 'API'))} — API</title>",
        "<link rel=stylesheet href='/static/style.css'></head><body class=docs>",
        f"<h1>{escape(info.get('title', 'API'))} {escape(str(info.get('version', '')))}</h1>",
        f"<p>{escape(info.get('description', ''))}</p>",
        "<p>Machine-readable: <a href='/openapi.json'>/openapi.json</a> (OpenAPI "
        f"{escape(str(schema.get('openapi', '')))}). Dashboard: <a href='/'>/</a>.</p>",
    ]
    for path, ops in schema.get("paths", {}).items():
        for method in _METHODS:
            op = ops.get(method)
            if not op:
                continue
            parts.append(f"<section class=op><h2><code>{method.upper()} {escape(path)}</code></h2>")
            if op.get("summary"):
                parts.append(f"<p><b>{escape(op['summary'])}</b></p>")
            if op.get("description"):
                parts.append(f"<p>{escape(op['description'])}</p>")
            params = op.get("parameters") or []
            if params:
                parts.append("<table><tr><th>parameter</th><th>in</th><th>type</th><th>about</th></tr>")
                for p in params:
                    sch = p.get("schema", {})
                    typ = sch.get("type") or "/".join(a.get("type", "") for a in sch.get("anyOf", []) if a.get("type"))
                    req = " (required)" if p.get("required") else ""
                    parts.append(f"<tr><td><code>{escape(p.get('name', ''))}</code>{req}</td>"
                                 f"<td>{escape(p.get('in', ''))}</td><td>{escape(str(typ))}</td>"
                                 f"<td>{escape(p.get('description', ''))}</td></tr>")
                parts.append("</table>")
            body = op.get("requestBody", {}).get("content", {}).get("application/json", {}).get("schema")
            if body:
                ref = body.get("$ref", "").rsplit("/", 1)[-1]
                model = schema.get("components", {}).get("schemas", {}).get(ref, {})
                fields = ", ".join(f"<code>{escape(k)}</code>" for k in model.get("properties", {}))
                parts.append(f"<p>JSON body <code>{escape(ref)}</code>: {fields}</p>")
            parts.append("</section>")
    parts.append("</body></html>")
    return "\n".join(parts)
