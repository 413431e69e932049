"""Security headers on every response, including a Content-Security-Policy without
inline script: pages only run the JavaScript files served from /static."""

from __future__ import annotations

from flask import Flask, Response, request, session

CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        # Inline style attributes are allowed (e.g. bar widths); inline script is not.
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data:",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)

SECURITY_HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
    "Cross-Origin-Opener-Policy": "same-origin",
}


def _may_hold_personal_data(response: Response) -> bool:
    """Pages of a logged-in user, downloads and the API: no browser or proxy keeps a
    copy (a shared computer's back button, a cache between here and the user)."""
    if request.endpoint == "static":
        return False
    attachment = response.headers.get("Content-Disposition", "").startswith("attachment")
    return "_user_id" in session or attachment or request.path.startswith("/api/")


def register_security_headers(app: Flask) -> None:
    production = app.config["KOPPELKANS_ENV"] == "production"

    @app.after_request
    def add_headers(response: Response) -> Response:
        for name, value in SECURITY_HEADERS.items():
            response.headers.setdefault(name, value)
        if _may_hold_personal_data(response):
            response.headers["Cache-Control"] = "no-store"
        if production:
            response.headers.setdefault(
                "Strict-Transport-Security", "max-age=31536000; includeSubDomains"
            )
        return response
