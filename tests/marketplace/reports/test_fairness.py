"""The fairness page: matching.audit over the live data, aggregates only."""

from __future__ import annotations

from sqlalchemy import select

from marketplace.domain.vocabulary import Role
from marketplace.extensions import db
from marketplace.models import User
from marketplace.services.reports.fairness import fairness_audit
from tests.builders import make_participant, make_user, make_vacancy
from tests.marketplace.reports.conftest import personal_details

URL = "/rapportages/eerlijkheid"


def test_the_demo_region_shows_real_figures_for_every_comparison(policy, demo_region) -> None:
    page = policy.get(URL).get_data(as_text=True)
    result = fairness_audit(demo_user("beleid@demo.nl"))
    assert result.participants >= 40 and result.vacancies >= 50
    for comparison in result.comparisons:
        assert not comparison.suppressed, comparison.key
        first, second = comparison.groups
        assert first.mean_feasible is not None and first.mean_feasible > 0
        assert first.exposure is not None and second.exposure is not None
        # The page shows the group sizes the audit computed.
        assert f">{first.participants}<" in page and f">{second.participants}<" in page
    childcare = result.comparisons[0]
    # Children at home without care: the mothers lose vacancies to the childcare rule.
    assert childcare.excluded_gap["childcare"] > 5
    assert "Kinderopvang: kinderen thuis, geen opvang" in page
    assert "De regels verklaren dus ongeveer" in page


def test_the_page_names_nobody(policy, demo_region) -> None:
    page = policy.get(URL).get_data(as_text=True)
    for detail in personal_details(demo_region):
        assert detail not in page


def test_a_comparison_with_a_group_under_five_is_not_shown(client, login, db) -> None:
    coach = make_user(Role.COACH, municipality="Nijmegen")
    make_vacancy()
    for _ in range(2):
        make_participant(coach, gender="f", childcare_needed=["wed_afternoon"], route="Z",
                         municipality="Nijmegen")
    for _ in range(6):
        make_participant(coach, gender="m", route="Z", municipality="Nijmegen")
    login(make_user(Role.POLICY, municipality="Nijmegen"))
    page = client.get(URL).get_data(as_text=True)
    assert page.count("Niet getoond: een van de twee groepen heeft minder dan 5") == 3
    assert ">2<" not in page and ">6<" not in page


def test_a_policy_officer_counts_only_her_own_municipalities(db) -> None:
    coach = make_user(Role.COACH, municipality="Nijmegen")
    make_vacancy()
    for _ in range(6):
        make_participant(coach, gender="m", route="Z", municipality="Nijmegen")
    nijmegen = make_user(Role.POLICY, municipality="Nijmegen")
    wijchen = make_user(Role.POLICY, municipality="Wijchen")
    assert fairness_audit(nijmegen).participants == 6
    assert fairness_audit(wijchen).participants == 0


def demo_user(email: str) -> User:
    return db.session.scalars(select(User).where(User.email == email)).one()
