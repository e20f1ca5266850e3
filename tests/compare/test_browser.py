"""The HTML report in a real headless Chromium: it renders, charts appear, no console errors, no network.

Needs Debian's `chromium` (apt-get install chromium) and the PyPI `playwright` package, which
drives that browser through ``executable_path``; `playwright install` is never needed.
A screenshot is saved under artifacts/ (git-ignored) for a human to look at.
"""

from __future__ import annotations

import io
from pathlib import Path

from framing.compare import render

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "artifacts"
def test_html_report_renders_offline_with_charts_and_examples(browser, two_outlets, tmp_path):
    buffer = io.StringIO()
    render(two_outlets, "html", buffer)
    report = tmp_path / "report.html"
    report.write_text(buffer.getvalue(), encoding="utf-8")

    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    problems, requests = [], []
    page.on("console", lambda message: problems.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: problems.append(str(error)))
    page.on("request", lambda request: requests.append(request.url))
    # Anything but the report itself would be a network request: record it and refuse it.
    context.route(lambda url: url != report.as_uri(), lambda route: route.abort())
    page.goto(report.as_uri())
    page.wait_for_load_state("load")

    charts = page.locator("svg.chart")
    assert charts.count() >= 5
    box = charts.first.bounding_box()
    assert box and box["width"] > 300 and box["height"] > 50
    assert page.locator("svg.forest circle").count() > 10

    # Every number is traceable: clicking a rate opens the sentences behind it.
    page.locator("button.ex").first.click()
    assert page.locator("#panel").is_visible()
    assert page.locator("#panel-body li").count() >= 1
    assert page.locator("#panel-body mark").count() >= 1

    # Sortable tables: clicking a header reorders the rows.
    table = page.locator("table.sortable").first
    header = table.locator("th[data-sortable]").first
    header.click()
    assert header.get_attribute("aria-sort") == "ascending"
    header.click()
    assert header.get_attribute("aria-sort") == "descending"

    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "compare_report.png"), full_page=False)
    page.locator("#panel-close").click()
    page.screenshot(path=str(ARTIFACTS / "compare_report_full.png"), full_page=True)
    context.close()

    assert problems == []
    assert requests == [report.as_uri()]
