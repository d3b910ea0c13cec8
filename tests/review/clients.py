"""HTTP clients run in worker processes: light imports only, so spawning them is quick."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import httpx


def post_many(base: str, token: str, fingerprints: list[str], worker: int, count: int) -> list[int]:
    """POST ``count`` decisions from 5 threads; return the status codes."""

    def post(index: int) -> int:
        body = {
            "fingerprint": fingerprints[index % len(fingerprints)],
            "decision": "in_progress",
            "reviewer": f"editor {worker}",
            "note": f"w{worker}-{index} " + "x" * 2000,
        }
        with httpx.Client(base_url=base, timeout=20.0) as client:
            headers = {"Authorization": f"Bearer {token}"}
            return client.post("/api/decisions", json=body, headers=headers).status_code

    with ThreadPoolExecutor(max_workers=5) as pool:
        return list(pool.map(post, range(count)))
