"""Disclosure control on the demo region (run on SQLite and, in `make test-postgres`,
on PostgreSQL): the main result stays visible, and no differencing of the published
cells and totals of any table gives away a count under 5."""

from __future__ import annotations

from datetime import date

import pytest

from marketplace.domain.disclosure import LARGE, leaks
from marketplace.domain.vocabulary import ZRM_DOMAINS
from marketplace.services.reports import monitoring

PEILDATUMS = [date(2025, 9, 15), date(2026, 3, 1), date(2026, 6, 30), date(2026, 10, 31)]
# Tables that publish sums of one another's cells are audited together.
TOGETHER = {"ladder": "voortgang", "voortgang": "ladder"}


@pytest.fixture()
def db(rolled_back_db, demo_region_once):
    """Every test starts from the demo region, seeded once for this module; what a test
    commits is rolled back (tests/rollback.py)."""
    return rolled_back_db


def _scopes() -> list[monitoring.Filters]:
    municipalities, teams = monitoring.filter_options()
    scopes = [monitoring.Filters.default(day) for day in PEILDATUMS]
    scopes += [monitoring.Filters(PEILDATUMS[-1], date(2025, 9, 1), PEILDATUMS[-1], m)
               for m in municipalities]
    scopes += [monitoring.Filters(PEILDATUMS[-1], date(2025, 9, 1), PEILDATUMS[-1], team=t)
               for t in teams]
    return scopes


def test_the_zrm_table_shows_beter_in_every_domain_where_it_is_ten_or_more(demo_region) -> None:
    filters = monitoring.Filters.default(date(2026, 10, 31))
    per_domain, measured, _ = monitoring.zrm_counts(filters)
    table = monitoring.dashboard(filters).table("zrm")
    assert table is not None
    rows = {row.label: row.cells for row in table.rows}
    large = [domain for domain, (better, _, _) in per_domain.items() if better >= LARGE]
    assert len(large) >= 5, "the demo region should improve in several domains"
    for domain in large:
        shown = rows[ZRM_DOMAINS[domain]][1]
        assert shown.value == per_domain[domain][0], domain
        assert shown.text.startswith(f"{per_domain[domain][0]} (")  # with its percentage
    forward = rows["Vooruit op minstens twee domeinen"]
    assert forward[0].text == str(measured)  # the base under its own header


def test_no_table_gives_away_a_count_under_five(demo_region) -> None:
    audited = 0
    for filters in _scopes():
        dashboard = monitoring.dashboard(filters)
        for table in dashboard.tables:
            published = table.published()
            partner = dashboard.table(TOGETHER.get(table.key, ""))
            if partner is not None:
                published += partner.published()
            assert leaks(published) == [], (table.key, filters)
            audited += 1
    assert audited >= 40


def test_the_summary_shows_only_what_the_tables_show(demo_region) -> None:
    dashboard = monitoring.dashboard(monitoring.Filters.default(date(2026, 10, 31)))
    summary = dashboard.summary
    assert summary is not None
    shown = {id(c) for table in dashboard.tables for c in table.published()}
    for figure in (summary.people, summary.up, summary.same, summary.twice, summary.first_only):
        assert id(figure) in shown
