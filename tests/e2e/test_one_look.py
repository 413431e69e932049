"""One look (issue 20): the caseload, the board, the matches page and the dashboard at
1280 and 390 px wide in real Chromium, with a screenshot of each: one typeface family
(the vendored Noto Sans) for every text, no sideways scrolling of the page, and no
axe-core violations."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import Page

pytestmark = pytest.mark.e2e

WIDTHS = (1280, 390)

# Every element that shows text, with the family its text is drawn in.
FAMILIES = """() => {
  const found = new Set();
  for (const el of document.querySelectorAll('body *')) {
    if (!el.offsetParent && getComputedStyle(el).position !== 'fixed') continue;
    const own = [...el.childNodes].some(n => n.nodeType === 3 && n.textContent.trim());
    if (own || ['INPUT', 'SELECT', 'TEXTAREA', 'BUTTON'].includes(el.tagName)) {
      found.add(getComputedStyle(el).fontFamily.split(',')[0].replace(/["']/g, '').trim());
    }
  }
  return [...found];
}"""
SIDEWAYS = "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
FONT_LOADED = "() => document.fonts.check('16px \"Noto Sans\"')"


def _check(page: Page, name: str, shots: Path, assert_accessible) -> None:
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 900})
        page.wait_for_load_state("networkidle")
        page.evaluate("document.fonts.ready")
        page.screenshot(path=str(shots / f"{name}-{width}.png"), full_page=True)
        assert page.evaluate(FAMILIES) == ["Noto Sans"], (name, width)
        assert page.evaluate(FONT_LOADED), "the vendored Noto Sans is loaded"
        assert page.evaluate(SIDEWAYS) <= 0, f"{name} scrolls sideways at {width} px"
        assert_accessible()


def test_the_four_daily_pages_have_one_look(login_as, page: Page, assert_accessible,
                                           tmp_path: Path) -> None:
    login_as("coach@demo.nl")
    page.goto("/deelnemers/")
    _check(page, "caseload", tmp_path, assert_accessible)
    page.goto("/vacatures/")
    _check(page, "board", tmp_path, assert_accessible)
    page.goto("/deelnemers/")
    page.get_by_role("link", name=re.compile("Hiba")).first.click()
    page.get_by_role("link", name="Passende plekken zoeken").click()
    _check(page, "matches", tmp_path, assert_accessible)
    page.get_by_role("button", name="Uitloggen").click()
    login_as("beleid@demo.nl")
    page.goto("/rapportages/")
    _check(page, "dashboard", tmp_path, assert_accessible)
    assert len(list(tmp_path.glob("*.png"))) == 8
