"""The widgets of the stepped exit pathway (sistema di uscita a gradini): for one case the ladder and its moves
(``CasePathwayPanel``), the individual plan (``PlanEditor``), the diary of interventions (``DiaryView``), the
placements (``PlacementsView``), closing and reopening (``ClosurePanel``) and the timeline (``TimelineView``); for
the desk the agenda with day and week views (``AgendaPanel``), the coordinator's overview (``OverviewPanel``) and the
reminder shown after unlock (``reminder_text``). Each takes the desk and the task runner; none reaches for globals."""

from .agenda_panel import AgendaPanel, reminder_text
from .closure_panel import ClosurePanel
from .diary_view import DiaryView
from .ladder_panel import CasePathwayPanel
from .overview_panel import OverviewPanel
from .placements_view import PlacementsView
from .plan_editor import PlanEditor
from .timeline_view import TimelineView

__all__ = [
    "AgendaPanel",
    "CasePathwayPanel",
    "ClosurePanel",
    "DiaryView",
    "OverviewPanel",
    "PlacementsView",
    "PlanEditor",
    "TimelineView",
    "reminder_text",
]
