"""An uploaded import file, parsed and checked, waiting for the user's decision."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from marketplace.extensions import Model
from marketplace.models._types import timestamp, utcnow


class ImportBatch(Model):
    """Rows of one upload kept server-side between preview and commit (never in the cookie)."""

    id: Mapped[int] = mapped_column(primary_key=True)
    # Random, so that a batch URL cannot be guessed; the owner is checked as well.
    token: Mapped[str] = mapped_column(String(32), unique=True)
    owner_id: Mapped[int] = mapped_column(ForeignKey("user_account.id"), index=True)
    filename: Mapped[str] = mapped_column(String(255))
    row_count: Mapped[int] = mapped_column(default=0)
    # {"rows": [{column: text}], "first_row": n, "notices": [...]}
    payload: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    created_at: Mapped[datetime] = mapped_column(timestamp(), default=utcnow)
    expires_at: Mapped[datetime] = mapped_column(timestamp())
    committed_at: Mapped[datetime | None] = mapped_column(timestamp())

    def __repr__(self) -> str:
        return f"<ImportBatch {self.token} {self.filename!r}>"
