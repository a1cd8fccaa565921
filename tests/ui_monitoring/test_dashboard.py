"""The Monitoraggio dashboard on a real desk with a small data set written through the services (figures counted
by hand in ``small_data_set``): headline figures and the funnel table, a period change recomputes (debounced), the
empty period says so, CSV export, the report PDF, the operator's own-desk scope, the live language switch."""

from __future__ import annotations

import csv
import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from iam_desktop.ui.monitoring.charts import BarChart

from .conftest import small_data_set

TODAY = dt.date.today()
THIS_YEAR = (dt.date(TODAY.year, 1, 1), dt.date(TODAY.year, 12, 31))


def figures(view) -> dict[str, str]:
    return {name: figure.value_label.text() for name, figure in view.figures.items()}


def cells(model) -> list[list[str]]:
    return [
        [model.data(model.index(r, c), Qt.ItemDataRole.DisplayRole) for c in range(model.columnCount())]
        for r in range(model.rowCount())
    ]


def test_headline_figures_funnel_and_charts(desk, make_view):
    small_data_set(desk)
    view = make_view()
    view.refresh()  # the default period is this year
    assert view.shown_period == THIS_YEAR and not view.is_empty()
    shown = figures(view)
    assert (shown["new"], shown["active"], shown["closed"]) == ("4", "4", "1")
    assert shown["median_days"] == "0 giorni"  # both moves happened on the day of the intake
    assert shown["work_at_exit"] == "0%"  # one discharged person, no work placement
    funnel = cells(view.funnel.table.model)
    assert view.funnel.table.model.table.headers == ("Gradino", "Sul gradino", "Hanno raggiunto")
    assert funnel[0][1:] == ["2", "4"] and funnel[0][0].startswith("Gradino 1 · Accoglienza")
    assert funnel[1][1:] == ["2", "2"]
    assert [row[1:] for row in funnel[2:]] == [["0", "0"]] * 3
    chart = view.funnel.chart
    assert isinstance(chart, BarChart)
    reached = chart.sets()[0]
    assert [reached.at(i) for i in range(reached.count())] == [0, 0, 0, 2, 4]  # step 1 drawn on top
    assert cells(view.outcomes.table.model) == [["Autonomia raggiunta", "1"]]
    assert view.outcomes.chart.series.count() == 1
    month = cells(view.trend.table.model)[TODAY.month - 1]
    assert month[1:] == ["4", "1"]
    assert view.warnings_label.isHidden()
    labels = [view.others.list.item(i).text() for i in range(view.others.list.count())]
    assert any(text.startswith("Invii tra sportelli per tipo") and "non disponibile" in text for text in labels)
    view.others.select("referrals_by_type")
    assert "Non ancora disponibile" in view.others.status_label.text() and view.others.table.isHidden()
    view.others.select("people_active")
    view.others.breakdown_combo.setCurrentText("Sesso")
    assert cells(view.others.table.model) == [["Donne", "1"], ["Uomini", "3"], ["Totale", "4"]]


def test_period_change_recomputes_and_empty_period_says_so(qtbot, desk, make_view):
    small_data_set(desk)
    view = make_view()
    view.refresh()
    bars = view.funnel.chart.sets()
    view.selector.set_period(dt.date(2001, 1, 1), dt.date(2001, 12, 31))
    qtbot.waitUntil(lambda: view.shown_period == (dt.date(2001, 1, 1), dt.date(2001, 12, 31)), timeout=3000)
    assert view.is_empty()
    assert "Nessun caso in questo periodo" in view.empty_label.text()
    view.selector.preset_combo.setCurrentIndex(view.selector.preset_combo.findData("year"))
    qtbot.waitUntil(lambda: view.shown_period == THIS_YEAR, timeout=3000)
    assert not view.is_empty() and figures(view)["new"] == "4"
    assert view.funnel.chart.sets() == bars  # the chart's bar sets are updated in place, not rebuilt


def test_csv_export_writes_the_table(desk, make_view, shown, tmp_path):
    small_data_set(desk)
    view = make_view()
    view.refresh()
    shown.save_path = tmp_path / "gradini.csv"
    assert view.funnel.table.export_csv() == shown.save_path
    raw = shown.save_path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # the BOM: Excel reads the file as UTF-8
    with shown.save_path.open(encoding="utf-8-sig", newline="") as source:
        rows = list(csv.reader(source, delimiter=";"))
    assert rows[0] == ["Gradino", "Sul gradino", "Hanno raggiunto"]
    assert [row[1:] for row in rows[1:3]] == [["2", "4"], ["2", "2"]] and len(rows) == 6


def test_report_button_previews_the_pdf(desk, make_view):
    small_data_set(desk)
    view = make_view()
    view.refresh()
    view.report_button.click()
    assert len(view.previews) == 1
    preview = view.previews[0]
    assert preview.pdf.exists() and preview.pdf.stat().st_size > 1000
    if hasattr(preview, "document"):
        assert preview.page_count > 0
    preview.close()
    view.public_button.click()
    assert view.previews and view.previews[-1].pdf.exists()


def test_operator_sees_their_desk_and_the_view_clears_on_lock(desk, make_view):
    from tests.ui_pathway.conftest import as_operator

    small_data_set(desk)
    as_operator(desk)
    view = make_view()
    view.refresh()
    assert figures(view)["new"] == "4"
    assert view.selector.scope_combo.isHidden()  # one scope only: their desk
    view.clear()
    assert view.report is None and view.is_empty() and view.stale
    assert view.funnel.table.model.rowCount() == 0


def test_language_switch_relabels(qapp: QApplication, desk, make_view, italian, language):
    small_data_set(desk)
    view = make_view()
    view.refresh()
    assert view.tabs.tabText(0) == "Gradini" and view.report_button.text() == "Rapporto PDF…"
    assert view.funnel.title_label.text() == "Persone per gradino"
    language[0] = "en"
    qapp.removeTranslator(italian)  # Qt sends LanguageChange to every widget
    QApplication.processEvents()
    assert view.tabs.tabText(0) == "Steps" and view.report_button.text() == "PDF report…"
    assert view.funnel.title_label.text() == "People by step"
    assert view.funnel.table.model.table.headers == ("Step", "On the step", "Reached")
    assert view.figures["new"].caption_label.text() == "People taken in charge (new)"
    qapp.installTranslator(italian)
