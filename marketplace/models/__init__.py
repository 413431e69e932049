"""All models, importable from one place (and registered with the metadata)."""

from marketplace.models.account_link import AccountLink
from marketplace.models.allocation import CohortAllocation
from marketplace.models.api_token import ApiToken
from marketplace.models.audit import AuditEntry
from marketplace.models.checkin import CheckIn
from marketplace.models.confirmation_link import ConfirmationLink
from marketplace.models.geo import GeocodeCache, ImportedPostcode
from marketplace.models.import_batch import ImportBatch
from marketplace.models.job_run import JobRun
from marketplace.models.login_throttle import LoginThrottle
from marketplace.models.measurement import Measurement, ZrmScore
from marketplace.models.notification import Notification
from marketplace.models.organisation import Organisation
from marketplace.models.outbox import OutboxMessage
from marketplace.models.participant import Consent, Goal, Participant
from marketplace.models.placement import (
    Placement,
    PlacementEvent,
    PlacementEventNote,
    PlacementMessage,
)
from marketplace.models.region import (
    Municipality,
    Region,
    organisation_municipality,
    user_municipality,
)
from marketplace.models.shortlist import ShortlistEntry
from marketplace.models.user import User
from marketplace.models.vacancy import Vacancy

__all__ = [
    "AccountLink",
    "ApiToken",
    "AuditEntry",
    "CheckIn",
    "CohortAllocation",
    "ConfirmationLink",
    "Consent",
    "GeocodeCache",
    "Goal",
    "ImportBatch",
    "ImportedPostcode",
    "LoginThrottle",
    "JobRun",
    "Measurement",
    "Municipality",
    "Notification",
    "Organisation",
    "OutboxMessage",
    "Participant",
    "Placement",
    "PlacementEvent",
    "PlacementEventNote",
    "PlacementMessage",
    "Region",
    "ShortlistEntry",
    "User",
    "Vacancy",
    "ZrmScore",
    "organisation_municipality",
    "user_municipality",
]
