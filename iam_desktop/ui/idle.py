"""Auto-lock after idle time: an application-wide event filter restarts a timer on every key press, click, wheel
turn or mouse move; when the timer runs out, ``idle`` is emitted and the window locks. The interval comes from the
desk settings (minutes); tests set it in milliseconds."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer, Signal

ACTIVITY = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
    }
)


class IdleWatch(QObject):
    """Emits ``idle`` after ``interval_ms`` without user input, while started."""

    idle = Signal()

    def __init__(self, app: QCoreApplication, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._app = app
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.idle)
        self.timer.setInterval(10 * 60_000)
        self.override_ms: int | None = None  # tests lock after milliseconds instead of the desk's minutes
        app.installEventFilter(self)

    def set_minutes(self, minutes: int) -> None:
        self.set_interval_ms(self.override_ms or minutes * 60_000)

    def set_interval_ms(self, interval_ms: int) -> None:
        self.timer.setInterval(interval_ms)
        if self.timer.isActive():
            self.timer.start()

    def start(self) -> None:
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self.timer.isActive() and event.type() in ACTIVITY:
            self.timer.start()
        return False

    def close(self) -> None:
        self.timer.stop()
        self._app.removeEventFilter(self)
