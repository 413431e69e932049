"""Domain exceptions and the error pages (HTML, or JSON for API clients)."""

from __future__ import annotations

from flask import Flask, Response, jsonify, render_template, request
from werkzeug.exceptions import HTTPException

from marketplace.domain.vocabulary import N_
from marketplace.extensions import db

ERROR_TITLES = {  # translated when rendered
    400: N_("Dit verzoek klopt niet"),
    403: N_("Geen toegang"),
    404: N_("Pagina niet gevonden"),
    405: N_("Dit kan zo niet"),
    413: N_("Bestand te groot"),
    429: N_("Te veel pogingen"),
    500: N_("Er ging iets mis"),
}


class DomainError(Exception):
    """A business rule refused the action; the message is for the user, in Dutch."""

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field


class AccessRefused(Exception):
    """The user may not have this object (services/platform/access.py): 404 when they may
    not even know it exists, 403 when they see it but may not change it.

    Not a DomainError on purpose: views catch those to show the message on the form,
    and a refusal of access must end the request instead.
    """

    def __init__(self, status: int) -> None:
        super().__init__(status)
        self.status = status

    @classmethod
    def not_found(cls) -> AccessRefused:
        return cls(404)

    @classmethod
    def forbidden(cls) -> AccessRefused:
        return cls(403)


def _wants_json() -> bool:
    if request.path.startswith("/api/"):
        return True
    best = request.accept_mimetypes.best_match(["text/html", "application/json"])
    return best == "application/json"


def _render(status: int) -> tuple[Response | str, int]:
    title = ERROR_TITLES.get(status, ERROR_TITLES[500])
    if _wants_json():
        body = jsonify(type="about:blank", title=title, status=status)
        body.mimetype = "application/problem+json"
        return body, status
    return render_template("errors/error.html", status=status, title=title), status


def register_errorhandlers(app: Flask) -> None:
    def handle_http(error: HTTPException) -> tuple[Response | str, int]:
        return _render(error.code or 500)

    def handle_unexpected(error: Exception) -> tuple[Response | str, int]:
        app.logger.exception("Unhandled error", exc_info=error)
        db.session.rollback()  # the error page reads the database too (the header)
        return _render(500)

    def handle_refused(error: AccessRefused) -> tuple[Response | str, int]:
        return _render(error.status)

    app.register_error_handler(HTTPException, handle_http)
    app.register_error_handler(AccessRefused, handle_refused)
    app.register_error_handler(Exception, handle_unexpected)
