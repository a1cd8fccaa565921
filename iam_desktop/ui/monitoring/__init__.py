"""The Monitoraggio section (issue 8's dashboard): period and scope selectors, headline figures, charts with their
tables and definitions, every other indicator, CSV export and the report and public summary PDFs. ``view`` holds the
section; ``charts``, ``panels``, ``others``, ``selectors`` and ``tables`` its parts."""

from .view import MonitoringView

__all__ = ["MonitoringView"]
