"""The UI language: loads the app's compiled Qt Linguist catalogue (``resources/translations/iam_<lang>.qm``) and
Qt's own ``qtbase`` catalogue (standard buttons such as "Annulla"), and switches them live. Source strings are
English, so English needs no catalogue of ours. Installing or removing a translator makes Qt send every widget a
``LanguageChange`` event; each view re-translates itself in ``changeEvent`` (as Frescobaldi's ``translateUI``).
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QObject, QTranslator, Signal

from iam_desktop.resources import resource

log = logging.getLogger(__name__)

LANGUAGES = ("it", "en")
DEFAULT_LANGUAGE = "it"


def catalogue_path(language: str) -> str:
    return str(resource("translations", f"iam_{language}.qm"))


class UiLanguage(QObject):
    """The language the UI currently speaks, and the translators installed for it."""

    changed = Signal(str)

    def __init__(self, app: QCoreApplication, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._app = app
        self._installed: list[QTranslator] = []
        self.language = "en"

    def switch(self, language: str) -> None:
        if language not in LANGUAGES:
            language = DEFAULT_LANGUAGE
        self._remove_installed()
        if language != "en":
            own = QTranslator(self)
            if own.load(catalogue_path(language)):
                self._install(own)
            else:
                log.warning("translation catalogue for %s missing: run python -m iam_desktop.ui.i18n_build", language)
            qt = QTranslator(self)
            if qt.load(QLocale(language), "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
                self._install(qt)
        QLocale.setDefault(QLocale(language))
        self.language = language
        self.changed.emit(language)

    def _install(self, translator: QTranslator) -> None:
        self._app.installTranslator(translator)
        self._installed.append(translator)

    def _remove_installed(self) -> None:
        for translator in self._installed:
            self._app.removeTranslator(translator)
        self._installed.clear()

    def close(self) -> None:
        """Remove our translators (tests share one QApplication)."""
        self._remove_installed()
