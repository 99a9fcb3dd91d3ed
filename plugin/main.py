"""The plugin object: toolbar button, menu entry, dock and Processing provider."""

import importlib.util
from pathlib import Path

from qgis.core import Qgis, QgsApplication, QgsMessageLog, QgsSettings
from qgis.PyQt.QtCore import QLocale, Qt
from qgis.PyQt.QtGui import QIcon
from qgis.PyQt.QtWidgets import QAction

from . import LOG_TAG, PLUGIN_NAME, REQUIRED_PACKAGES
from .i18n import install_translator, remove_translators, tr

ICON_PATH = Path(__file__).resolve().parents[1] / "resources" / "icons" / "dtks.svg"
MENU_NAME = "&" + PLUGIN_NAME


def missing_packages() -> list:
    """Return the required Python packages that this QGIS cannot import."""
    return [name for name in REQUIRED_PACKAGES if importlib.util.find_spec(name) is None]


def qgis_language() -> str:
    """Return the two-letter language code of the QGIS user interface, e.g. "id"."""
    settings = QgsSettings()
    if settings.value("locale/overrideFlag", False, type=bool):
        locale = settings.value("locale/userLocale", "", type=str)
    else:
        locale = QLocale.system().name()
    return (locale or "")[:2]


class DtksSpasialPlugin:
    """Adds the DTKS Spasial dock, its toolbar button and menu entry, and the provider."""

    def __init__(self, iface):
        self.iface = iface
        self.action = None
        self.dock = None
        self.provider = None
        self.basemap_menu = None

    def initProcessing(self) -> None:  # noqa: N802 (QGIS plugin API)
        """Register the Processing provider; qgis_process calls only this."""
        if self.provider is None:
            install_translator(qgis_language())
            if not self._report_missing_packages():
                self._add_provider()

    def initGui(self) -> None:  # noqa: N802 (QGIS plugin API)
        if self.provider is None:
            install_translator(qgis_language())
        missing = self._report_missing_packages()
        if missing:
            self.iface.messageBar().pushMessage(
                PLUGIN_NAME, self._missing_message(missing), Qgis.MessageLevel.Critical, 0)
            return

        from .gui.dock import DtksDock

        self.dock = DtksDock(self.iface, self.iface.mainWindow())
        self.iface.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.dock)
        self.dock.hide()

        self.action = QAction(QIcon(str(ICON_PATH)), PLUGIN_NAME, self.iface.mainWindow())
        self.action.setObjectName("DtksSpasialShowDock")
        self.action.setCheckable(True)
        self.action.setToolTip(tr("Show or hide the DTKS Spasial panel"))
        self.action.setStatusTip(tr(
            "Place DTKS recipients in villages, find suspected duplicates and print maps"))
        self.action.toggled.connect(self.dock.setUserVisible)
        self.dock.visibilityChanged.connect(self.action.setChecked)
        self.iface.addToolBarIcon(self.action)
        self.iface.addPluginToMenu(MENU_NAME, self.action)

        from .gui.basemap_menu import BaseMapMenu

        self.basemap_menu = BaseMapMenu(self.iface, MENU_NAME)

        if self.provider is None:
            self._add_provider()

    @staticmethod
    def _missing_message(missing) -> str:
        return tr(
            "DTKS Spasial needs the Python packages {packages}, which this QGIS does not "
            "have. Install them for QGIS's Python (Windows: OSGeo4W Shell, python -m pip "
            "install {packages}; Linux: python3 -m pip install --user {packages}) and restart "
            "QGIS.").format(packages=" ".join(missing))

    def _report_missing_packages(self) -> list:
        """Log the missing required packages, if any, and return them."""
        missing = missing_packages()
        if missing:
            QgsMessageLog.logMessage(self._missing_message(missing), LOG_TAG,
                                     Qgis.MessageLevel.Critical)
        return missing

    def _add_provider(self) -> None:
        try:
            from .processing.provider import DtksProvider
        except ImportError as error:
            QgsMessageLog.logMessage(
                tr("The DTKS Spasial Processing algorithms are not available: {error}").format(
                    error=error),
                LOG_TAG, Qgis.MessageLevel.Warning)
            return
        provider = DtksProvider()
        provider_id = provider.id()
        # When addProvider fails, the registry has already deleted the provider object.
        if QgsApplication.processingRegistry().addProvider(provider):
            self.provider = provider
        else:
            QgsMessageLog.logMessage(
                tr("The DTKS Spasial Processing provider was not registered: a provider with "
                   "the id \"{id}\" is registered already, or the provider failed to "
                   "load.").format(id=provider_id),
                LOG_TAG, Qgis.MessageLevel.Warning)

    def unload(self) -> None:
        if self.provider is not None:
            QgsApplication.processingRegistry().removeProvider(self.provider)
            self.provider = None

        if self.action is not None:
            self.iface.removePluginMenu(MENU_NAME, self.action)
            self.iface.removeToolBarIcon(self.action)
            self.action.deleteLater()
            self.action = None

        if self.basemap_menu is not None:
            self.basemap_menu.unload()
            self.basemap_menu = None

        if self.dock is not None:
            self.dock.shutdown()
            self.iface.removeDockWidget(self.dock)
            self.dock.deleteLater()
            self.dock = None

        remove_translators()
