"""Toolbar menu "BIG base maps": add a service as a layer, edit the list, package offline."""

from pathlib import Path

from qgis.core import Qgis, QgsMessageLog, QgsProject
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtGui import QCursor, QIcon
from qgis.PyQt.QtWidgets import (
    QAbstractItemView, QAction, QComboBox, QDialog, QDialogButtonBox, QHBoxLayout, QMenu,
    QMessageBox, QPushButton, QTableWidget, QTableWidgetItem, QVBoxLayout,
)

from .. import LOG_TAG
from ..gis import basemaps
from ..i18n import tr

ICON_PATH = Path(__file__).resolve().parents[2] / "resources" / "icons" / "peta_dasar.svg"
# Service fields shown as table columns in the service list dialog, in order.
COLUMNS = ("title", "kind", "url", "layers", "tile_matrix_set", "attribution", "min_zoom",
           "max_zoom")


def _column_headers() -> list:
    return [tr("Title"), tr("Kind"), tr("URL"), tr("Layer(s)"), tr("Tile matrix set"),
            tr("Attribution"), tr("Minimum zoom"), tr("Maximum zoom")]


def _language() -> str:
    from ..main import qgis_language

    return qgis_language()


def add_service_layer(iface, service: basemaps.BaseMapService) -> bool:
    """Add a service's layer to the current project; report a failure in the message bar.

    Base maps go to the bottom of the layer tree, boundary feature layers to
    the top, so the base map never hides them.
    """
    layer = basemaps.make_layer(service, _language())
    if not layer.isValid():
        detail = layer.error().summary() if layer.error() else ""
        QgsMessageLog.logMessage(
            tr("Service '{title}' ({url}) could not be opened: {error}").format(
                title=service.title, url=service.url, error=detail),
            LOG_TAG, Qgis.MessageLevel.Warning)
        iface.messageBar().pushMessage(
            tr("Base map"),
            tr("'{title}' could not be opened. Check the network connection and the URL in "
               "the service list; BIG sometimes moves its services.").format(
                title=layer.name()),
            Qgis.MessageLevel.Warning, 10)
        return False
    project = QgsProject.instance()
    project.addMapLayer(layer, False)
    root = project.layerTreeRoot()
    if service.kind == basemaps.KIND_FEATURESERVER:
        root.insertLayer(0, layer)
    else:
        root.addLayer(layer)
    return True


class BaseMapMenu:
    """The toolbar button and plugin-menu entry with the service list."""

    def __init__(self, iface, menu_name: str):
        self.iface = iface
        self.menu_name = menu_name
        self.menu = QMenu(tr("BIG base maps"), iface.mainWindow())
        self.menu.setObjectName("DtksSpasialBaseMapMenu")
        self.menu.aboutToShow.connect(self._fill_menu)
        # One action with the menu serves the toolbar (a button with a menu arrow)
        # and the Plugins menu (a submenu).
        self.action = QAction(QIcon(str(ICON_PATH)), tr("BIG base maps"), iface.mainWindow())
        self.action.setObjectName("DtksSpasialBaseMaps")
        self.action.setToolTip(tr("Add a base map or boundary service of BIG, or prepare an "
                                  "offline package"))
        self.action.setMenu(self.menu)
        self.action.triggered.connect(lambda _checked=False: self.menu.popup(QCursor.pos()))
        iface.addToolBarIcon(self.action)
        iface.addPluginToMenu(menu_name, self.action)
        self._fill_menu()

    def _fill_menu(self) -> None:
        self.menu.clear()
        try:
            services = basemaps.load_services()
        except basemaps.ServiceError as error:
            self.iface.messageBar().pushMessage(tr("Base map"), str(error),
                                                Qgis.MessageLevel.Warning, 10)
            services = basemaps.default_services()
        language = _language()
        raster = [service for service in services if service.kind in basemaps.RASTER_KINDS]
        features = [service for service in services if service not in raster]
        for group in (raster, features):
            for service in group:
                action = self.menu.addAction(service.display_title(language))
                action.setToolTip(service.url)
                action.triggered.connect(
                    lambda _checked=False, chosen=service: add_service_layer(self.iface, chosen))
            self.menu.addSeparator()
        self.menu.addAction(tr("Edit service list…")).triggered.connect(self.edit_services)
        self.menu.addAction(tr("Prepare offline package…")).triggered.connect(
            self.prepare_offline_package)

    def edit_services(self) -> None:
        dialog = ServiceListDialog(self.iface.mainWindow())
        dialog.exec()

    def prepare_offline_package(self) -> None:
        from .offline_dialog import OfflinePackageDialog

        dialog = OfflinePackageDialog(self.iface, self.iface.mainWindow())
        dialog.exec()

    def unload(self) -> None:
        self.iface.removePluginMenu(self.menu_name, self.action)
        self.iface.removeToolBarIcon(self.action)
        self.action.deleteLater()
        self.menu.deleteLater()


class ServiceListDialog(QDialog):
    """Table of the services with Add, Remove and Reset to defaults."""

    def __init__(self, parent=None, path=None):
        super().__init__(parent)
        self.path = path
        self.setWindowTitle(tr("Base-map services"))
        self.resize(900, 400)
        self.table = QTableWidget(0, len(COLUMNS), self)
        self.table.setHorizontalHeaderLabels(_column_headers())
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setStretchLastSection(False)

        add_button = QPushButton(tr("Add"), self)
        add_button.clicked.connect(self.add_row)
        remove_button = QPushButton(tr("Remove"), self)
        remove_button.clicked.connect(self.remove_rows)
        reset_button = QPushButton(tr("Reset to defaults"), self)
        reset_button.clicked.connect(self.reset)
        row_buttons = QHBoxLayout()
        for button in (add_button, remove_button, reset_button):
            row_buttons.addWidget(button)
        row_buttons.addStretch(1)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addLayout(row_buttons)
        layout.addWidget(buttons)

        try:
            services = basemaps.load_services(self.path)
        except basemaps.ServiceError as error:
            QMessageBox.warning(self, tr("Base-map services"), str(error))
            services = basemaps.default_services()
        self._fill(services)

    def _fill(self, services) -> None:
        self.table.setRowCount(0)
        for service in services:
            self._append(service)

    def _append(self, service: basemaps.BaseMapService) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        for column, name in enumerate(COLUMNS):
            if name == "kind":
                combo = QComboBox(self.table)
                combo.addItems(basemaps.KINDS)
                combo.setCurrentText(service.kind)
                self.table.setCellWidget(row, column, combo)
                continue
            item = QTableWidgetItem(str(getattr(service, name)))
            if column == 0:
                # The whole entry rides on the first cell, so fields without a
                # column (id, style, format, crs, level) survive the edit.
                item.setData(Qt.ItemDataRole.UserRole, service.to_dict())
            self.table.setItem(row, column, item)

    def add_row(self) -> None:
        taken = {self._row_entry(row).get("id") for row in range(self.table.rowCount())}
        number = 1
        while f"layanan_{number}" in taken:
            number += 1
        self._append(basemaps.BaseMapService(
            id=f"layanan_{number}", title=tr("New service"), kind=basemaps.KIND_XYZ,
            url="https://", min_zoom=0, max_zoom=18))
        self.table.scrollToBottom()
        self.table.editItem(self.table.item(self.table.rowCount() - 1, 0))

    def remove_rows(self) -> None:
        for row in sorted({index.row() for index in self.table.selectedIndexes()},
                          reverse=True):
            self.table.removeRow(row)

    def reset(self) -> None:
        answer = QMessageBox.question(
            self, tr("Base-map services"),
            tr("Replace the list with the plugin's default services? Services you added "
               "are removed."))
        if answer == QMessageBox.StandardButton.Yes:
            self._fill(basemaps.default_services())

    def _row_entry(self, row: int) -> dict:
        first = self.table.item(row, 0)
        entry = dict(first.data(Qt.ItemDataRole.UserRole) or {}) if first else {}
        for column, name in enumerate(COLUMNS):
            if name == "kind":
                entry[name] = self.table.cellWidget(row, column).currentText()
            else:
                item = self.table.item(row, column)
                entry[name] = item.text().strip() if item is not None else ""
        return entry

    def services(self) -> list:
        """Return the table's services; raise ServiceError naming the row that is invalid."""
        services = []
        for row in range(self.table.rowCount()):
            try:
                services.append(basemaps.BaseMapService.from_dict(self._row_entry(row)))
            except basemaps.ServiceError as error:
                raise basemaps.ServiceError(tr("Row {row}: {error}").format(
                    row=row + 1, error=error)) from error
        return services

    def accept(self) -> None:
        try:
            basemaps.save_services(self.services(), self.path)
        except basemaps.ServiceError as error:
            QMessageBox.warning(self, tr("Base-map services"), str(error))
            return
        except OSError as error:
            QMessageBox.warning(self, tr("Base-map services"), tr(
                "Saving the service list failed: {error}").format(error=error))
            return
        super().accept()
