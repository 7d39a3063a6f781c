"""Stable document ids: the same input gives the same id on every run, so reruns add nothing.

Order of preference: the input's own `id` (as given), else the normalised URL, else a hash of the
content. Hashed ids carry a prefix ("url:", "sha:", "loc:") so that the kinds cannot collide.
"""

from __future__ import annotations

import hashlib
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

# 20 hex characters = 80 bits: collisions stay improbable far beyond any realistic corpus size.
_HASH_CHARS = 20


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()[:_HASH_CHARS]


def normalise_url(url: str) -> str:
    """Lowercase scheme and host, drop the fragment and `utm_*` tracking parameters, strip a
    trailing slash: the forms under which one page is usually shared map to one string."""
    url = url.strip()
    try:
        parts = urlsplit(url)
    except ValueError:
        return url
    query = urlencode(
        [
            (k, v)
            for k, v in parse_qsl(parts.query, keep_blank_values=True)
            if not k.lower().startswith("utm_")
        ]
    )
    path = parts.path.rstrip("/")
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), path, query, ""))


def content_id(data: bytes | str) -> str:
    raw = data.encode("utf-8", "surrogatepass") if isinstance(data, str) else data
    return "sha:" + _digest(raw)


def url_id(url: str) -> str:
    return "url:" + _digest(normalise_url(url).encode("utf-8", "surrogatepass"))


def location_id(origin: str) -> str:
    """For rejections of things never read whole (too large, unreadable): the place they came from."""
    return "loc:" + _digest(origin.encode("utf-8", "surrogatepass"))


def record_id(given_id: str | None, url: str | None, text: str) -> str:
    if given_id is not None and given_id.strip():
        return given_id.strip()
    if url is not None and url.strip():
        return url_id(url)
    return content_id(text)
