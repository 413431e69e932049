"""Signed, timed tokens (itsdangerous, SECRET_KEY) that can be made again from their parts.

A token is a pure function of SECRET_KEY, its salt, its payload and the second it was
issued. That is what lets the outbox keep a link's *recipe* (payload and second, no
secret) instead of the link itself, and sign it again at the moment the mail leaves:
whoever reads the database without SECRET_KEY cannot make a working link from it.
"""

from __future__ import annotations

from typing import Any

from flask import current_app
from itsdangerous import TimestampSigner, URLSafeTimedSerializer


class _SignerIssuedAt(TimestampSigner):
    """A timestamp signer that signs with a given issue time instead of now."""

    def __init__(self, *args: Any, issued_at: int, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.issued_at = issued_at

    def get_timestamp(self) -> int:
        return self.issued_at


def mint(salt: str, payload: dict[str, Any], issued_at: int) -> str:
    """The token for this payload as issued at `issued_at` (seconds since the epoch)."""
    return URLSafeTimedSerializer(
        current_app.config["SECRET_KEY"], salt=salt,
        signer=_SignerIssuedAt, signer_kwargs={"issued_at": issued_at},
    ).dumps(payload)


def read(salt: str, token: str, max_age_seconds: int) -> Any:
    """The payload of a valid token; itsdangerous' BadSignature/SignatureExpired if not."""
    return URLSafeTimedSerializer(current_app.config["SECRET_KEY"], salt=salt).loads(
        token, max_age=max_age_seconds)
