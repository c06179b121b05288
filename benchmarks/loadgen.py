"""A small closed-loop HTTP/1.1 load generator (asyncio, keep-alive): `conns` connections, each sending its
next request when the previous answer is in, for `seconds` or `requests`, whichever ends first.

Latency is measured per request from the write to the last body byte, so with `conns` connections it
includes the server's queue — the number a client sees. Responses are checked for status 200.
"""
from __future__ import annotations

import asyncio
import json
import statistics
import time
from dataclasses import dataclass, field
from typing import Any


@dataclass
class Load:
    name: str
    requests: int = 0
    errors: int = 0
    seconds: float = 0.0
    bytes: int = 0
    latencies: list[float] = field(default_factory=list, repr=False)

    def summary(self) -> dict[str, Any]:
        lat = sorted(self.latencies)

        def pct(p: float) -> float:
            return lat[min(len(lat) - 1, int(p * len(lat)))] * 1e3 if lat else float("nan")

        return {"name": self.name, "requests": self.requests, "errors": self.errors, "seconds": round(self.seconds, 3),
                "rps": self.requests / self.seconds if self.seconds else 0.0, "p50_ms": pct(0.50), "p90_ms": pct(0.90),
                "p99_ms": pct(0.99), "max_ms": lat[-1] * 1e3 if lat else float("nan"),
                "mean_ms": statistics.fmean(lat) * 1e3 if lat else float("nan"),
                "bytes_per_response": self.bytes // max(1, self.requests)}


def request_bytes(host: str, port: int, method: str, path: str, body: Any = None, headers: dict | None = None) -> bytes:
    head = [f"{method} {path} HTTP/1.1", f"Host: {host}:{port}", "Connection: keep-alive"]
    data = b""
    if body is not None:
        data = json.dumps(body).encode()
        head += ["Content-Type: application/json", f"Content-Length: {len(data)}"]
    for k, v in (headers or {}).items():
        head.append(f"{k}: {v}")
    return ("\r\n".join(head) + "\r\n\r\n").encode() + data


async def _read_response(reader: asyncio.StreamReader) -> tuple[int, int]:
    head = await reader.readuntil(b"\r\n\r\n")
    lines = head.split(b"\r\n")
    status = int(lines[0].split()[1])
    length = None
    chunked = False
    for line in lines[1:]:
        k, _, v = line.partition(b":")
        k = k.strip().lower()
        if k == b"content-length":
            length = int(v)
        elif k == b"transfer-encoding" and b"chunked" in v.lower():
            chunked = True
    if length is not None:
        await reader.readexactly(length)
        return status, length
    if chunked:
        total = 0
        while True:
            size = int((await reader.readuntil(b"\r\n")).strip(), 16)
            await reader.readexactly(size + 2)
            total += size
            if size == 0:
                return status, total
    raise RuntimeError("response without a length")


async def run_load(host: str, port: int, name: str, requests: list[bytes], *, conns: int = 16, seconds: float = 3.0,
                   max_requests: int | None = None, warmup: float = 0.3) -> Load:
    """Cycle through `requests` (raw HTTP requests) on `conns` keep-alive connections."""
    load = Load(name)
    stop_at = 0.0
    measuring = False
    issued = 0

    async def worker(k: int) -> None:
        nonlocal issued
        reader, writer = await asyncio.open_connection(host, port)
        i = k
        try:
            while time.perf_counter() < stop_at and (max_requests is None or issued < max_requests):
                req = requests[i % len(requests)]
                i += conns
                t = time.perf_counter()
                writer.write(req)
                status, size = await _read_response(reader)
                dt = time.perf_counter() - t
                if measuring:
                    issued += 1
                    load.requests += 1
                    load.bytes += size
                    load.latencies.append(dt)
                    if status != 200:
                        load.errors += 1
        finally:
            writer.close()

    # warm-up (caches filled, connections open), then the measured run
    stop_at = time.perf_counter() + warmup
    await asyncio.gather(*(worker(k) for k in range(conns)))
    measuring = True
    t0 = time.perf_counter()
    stop_at = t0 + seconds
    await asyncio.gather(*(worker(k) for k in range(conns)))
    load.seconds = time.perf_counter() - t0
    return load


def load_run(host: str, port: int, name: str, requests: list[bytes], **kw: Any) -> dict[str, Any]:
    try:
        import uvloop

        runner = uvloop.run
    except ImportError:
        runner = asyncio.run
    return runner(run_load(host, port, name, requests, **kw)).summary()
