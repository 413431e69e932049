"""One row per background job of `flask jobs run`: when it is due, who runs it, how it went.

The row is also the lock: a jobs process takes a run with one conditional UPDATE
(due and not leased by a living run), so two jobs processes never run the same job
at once, nor the same due run twice.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import String, Text
from sqlalchemy.orm import Mapped, mapped_column

from marketplace.extensions import Model
from marketplace.models._types import timestamp


class JobRun(Model):
    __tablename__ = "job_run"

    name: Mapped[str] = mapped_column(String(40), primary_key=True)
    due_at: Mapped[datetime] = mapped_column(timestamp())
    # Set while a process runs the job; a crashed run frees the job when it expires.
    leased_until: Mapped[datetime | None] = mapped_column(timestamp())
    runner: Mapped[str | None] = mapped_column(String(120))  # host:pid, no person
    started_at: Mapped[datetime | None] = mapped_column(timestamp())
    finished_at: Mapped[datetime | None] = mapped_column(timestamp())
    ok: Mapped[bool | None] = mapped_column()
    result: Mapped[str | None] = mapped_column(Text)
    runs: Mapped[int] = mapped_column(default=0)

    def __repr__(self) -> str:
        return f"<JobRun {self.name} due {self.due_at}>"
