"""Addresses on this site and the language of texts made outside a request.

Mail and notifications are written from requests and from commands alike; these
helpers give both the same paths, absolute links on BASE_URL, and Dutch where no user
has chosen a language.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from flask import current_app, has_request_context, url_for
from flask_babel import force_locale


def site_path(endpoint: str, **values: Any) -> str:
    """A path on this site, also from a command (no request)."""
    if has_request_context():
        return url_for(endpoint, **values)
    with current_app.test_request_context():
        return url_for(endpoint, **values)


def site_url(endpoint: str, **values: Any) -> str:
    """An absolute URL for e-mail, on BASE_URL."""
    return str(current_app.config["BASE_URL"]).rstrip("/") + site_path(endpoint, **values)


@contextmanager
def in_dutch_without_request() -> Iterator[None]:
    """Messages in the user's language in a request; Dutch in commands and threads."""
    if has_request_context():
        yield
    else:
        with force_locale("nl"):
            yield
