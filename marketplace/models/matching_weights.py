"""Component weights learned from the region's outcomes by `flask matching learn`.

Each run that had enough outcomes adds a row; the newest row is the one in use.
Rows are never changed, so the page can say since when a version is in use and the
history of versions stays readable.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON
from sqlalchemy.orm import Mapped, mapped_column

from marketplace.extensions import Model
from marketplace.models._types import timestamp, utcnow


class MatchingWeights(Model):
    __tablename__ = "matching_weights"

    # The version number shown to coaches: 1, 2, 3, ... in the order they were learned.
    version: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    learned_at: Mapped[datetime] = mapped_column(timestamp(), default=utcnow)
    weights: Mapped[dict[str, float]] = mapped_column(JSON)  # component -> weight, sum 1
    outcomes: Mapped[int]  # outcomes that could be used
    comparisons: Mapped[int]  # pairs of one participant's outcomes with different results
    learned_share: Mapped[float]  # the rest is the hand weights (the prior)

    def __repr__(self) -> str:
        return f"<MatchingWeights v{self.version} {self.learned_at:%Y-%m-%d}>"
