"""The administrator's view of the background jobs: last run and result of each."""

from __future__ import annotations

from flask import Blueprint, render_template

from marketplace.auth.access import roles_required
from marketplace.domain.vocabulary import Role
from marketplace.jobs import runner
from marketplace.jobs.schedule import JOB_LABELS

bp = Blueprint("jobs", __name__, url_prefix="/beheer/taken")


@bp.get("/")
@roles_required(Role.ADMIN)
def index() -> str:
    return render_template("admin/job_runs.html", runs=runner.job_runs(), labels=JOB_LABELS)
