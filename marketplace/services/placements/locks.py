"""A placement row locked for one transaction: where every step of a placement starts.

Who may see or act on a placement (`role_of`, `may_view`) is decided with the other
access rules in `services/platform/access.py`."""

from __future__ import annotations

from flask_babel import gettext
from sqlalchemy import select

from marketplace.errors import DomainError
from marketplace.extensions import db
from marketplace.models import Placement


def locked(placement_id: int) -> Placement:
    """The placement, its row locked for this transaction (fresh from the database)."""
    placement = db.session.execute(
        select(Placement).where(Placement.id == placement_id)
        .with_for_update(of=Placement)
        .execution_options(populate_existing=True)
    ).scalar_one_or_none()
    if placement is None:
        raise DomainError(gettext("Deze plaatsing bestaat niet (meer)."))
    return placement
