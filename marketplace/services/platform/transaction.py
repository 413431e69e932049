"""The one way a service ends its unit of work: commit when the block succeeds, roll back
on anything else, so nothing is ever half-written (Superset's `@transaction` is the model).

    with transaction(conflict="De plek kon niet worden opgeslagen."):
        change_rows()

or, for a whole service function, as a decorator: ``@transaction()``.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy.exc import IntegrityError

from marketplace.errors import DomainError
from marketplace.extensions import db


@contextmanager
def transaction(conflict: str | None = None, *, ignore_conflict: bool = False) -> Iterator[None]:
    """Commit at the end of the block; on any exception roll back and re-raise.

    ``conflict``: a database constraint refusing the change (IntegrityError, often a
    concurrent request) becomes ``DomainError(conflict)``, a message for the user.
    ``ignore_conflict``: such a refusal means the work was already done (e.g. added at
    the same moment in another tab); roll back and carry on.
    """
    try:
        yield
        db.session.commit()
    except IntegrityError as error:
        db.session.rollback()
        if ignore_conflict:
            return
        if conflict is not None:
            raise DomainError(conflict) from error
        raise
    except BaseException:
        # BaseException too: an interrupted request must not leave a transaction open.
        db.session.rollback()
        raise


def commit(conflict: str | None = None) -> None:
    """Commit what the session already holds, with `transaction`'s rollback and mapping."""
    with transaction(conflict):
        pass
