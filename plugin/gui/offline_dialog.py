"""Dialog "Prepare offline package": reads the region and options, builds it in a QgsTask."""

import os
import traceback

from qgis.core import (
    Qgis, QgsApplication, QgsMapLayerProxyModel, QgsMessageLog, QgsProcessingFeedback,
    QgsSettings, QgsTask,
)
from qgis.gui import QgsFileWidget, QgsMapLayerComboBox
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtWidgets import (
    QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QMessageBox,
    QProgressBar, QPushButton, QSpinBox, QVBoxLayout,
)

from .. import LOG_TAG
from ..gis import basemaps, offline
from ..i18n import tr

SETTINGS_PREFIX = "dtks_spasial/offline/"


def _layer_source(layer):
    """Return a file source of a layer that a worker thread can reopen, or the layer.

    A memory layer cannot be reopened from its source, so it is passed as it is;
    the dialog does not change it while the task runs.
    """
    if layer is None:
        return None
    if layer.providerType() == "ogr":
        return layer.source()
    return layer


class OfflinePackageTask(QgsTask):
    """Run build_offline_package() in a worker thread.

    run() touches no widget and no layer of the project; it stores the
    package, a message for the user or the traceback of an unexpected error.
    """

    def __init__(self, arguments: dict, on_finished=None):
        super().__init__(tr("DTKS Spasial: preparing the offline package"),
                         QgsTask.Flag.CanCancel)
        self.arguments = arguments
        self.on_finished = on_finished
        self.feedback = QgsProcessingFeedback(False)
        self.feedback.progressChanged.connect(self.setProgress,
                                              Qt.ConnectionType.DirectConnection)
        self.package = None
        self.error_message = ""
        self.error_details = ""

    def run(self) -> bool:
        try:
            self.package = offline.build_offline_package(feedback=self.feedback,
                                                         **self.arguments)
        except (offline.OfflinePackageError, basemaps.ServiceError) as error:
            self.error_message = str(error)
            return False
        except OSError as error:
            self.error_message = tr("Reading or writing a file failed: {error}").format(
                error=error)
            return False
        except Exception:  # noqa: BLE001 (a bug: the dialog logs it)
            self.error_details = traceback.format_exc()
            return False
        return self.package is not None

    def cancel(self) -> None:
        self.feedback.cancel()
        super().cancel()

    def finished(self, successful: bool) -> None:
        if self.on_finished is not None:
            self.on_finished(self, successful)


class OfflinePackageDialog(QDialog):
    """Region, base map, zoom levels, folder and recipients; Run, Cancel and progress."""

    def __init__(self, iface, parent=None):
        super().__init__(parent)
        self.iface = iface
        self.task = None
        self.setWindowTitle(tr("Prepare offline package"))
        settings = QgsSettings()

        self.region = QLineEdit(settings.value(SETTINGS_PREFIX + "region", "", type=str), self)
        self.region.setPlaceholderText(tr("e.g. 17.04.01"))
        self.boundaries = QgsFileWidget(self)
        self.boundaries.setFilter(tr("Boundary files (*.gpkg *.shp *.geojson)"))
        self.boundaries.setFilePath(settings.value(SETTINGS_PREFIX + "boundaries", "", type=str))
        self.services = QComboBox(self)
        try:
            services = basemaps.load_services()
        except basemaps.ServiceError as error:
            QMessageBox.warning(self, self.windowTitle(), str(error))
            services = basemaps.default_services()
        language = self._language()
        for service in services:
            if service.kind in basemaps.RASTER_KINDS:
                self.services.addItem(service.display_title(language), service)
        self.zoom_min = QSpinBox(self)
        self.zoom_max = QSpinBox(self)
        for box in (self.zoom_min, self.zoom_max):
            box.setRange(0, basemaps.MAX_ZOOM_LEVEL)
        self.zoom_min.setValue(settings.value(SETTINGS_PREFIX + "zoom_min", 10, type=int))
        self.zoom_max.setValue(settings.value(SETTINGS_PREFIX + "zoom_max", 14, type=int))
        self.estimate = QLabel(self)
        self.recipients = QgsMapLayerComboBox(self)
        self.recipients.setFilters(QgsMapLayerProxyModel.Filter.PointLayer)
        self.recipients.setAllowEmptyLayer(True)
        self.output = QgsFileWidget(self)
        self.output.setStorageMode(QgsFileWidget.StorageMode.GetDirectory)
        self.output.setFilePath(settings.value(SETTINGS_PREFIX + "folder", "", type=str))
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 100)
        self.progress.setValue(0)
        self.status = QLabel(self)
        self.status.setWordWrap(True)

        form = QFormLayout()
        form.addRow(tr("Region code"), self.region)
        form.addRow(tr("Boundaries (GeoPackage with provinsi/kabupaten/kecamatan/desa)"),
                    self.boundaries)
        form.addRow(tr("Base map"), self.services)
        form.addRow(tr("Minimum zoom level"), self.zoom_min)
        form.addRow(tr("Maximum zoom level"), self.zoom_max)
        form.addRow("", self.estimate)
        form.addRow(tr("Recipient layer (optional)"), self.recipients)
        form.addRow(tr("Package folder"), self.output)

        self.run_button = QPushButton(tr("Run"), self)
        self.run_button.clicked.connect(self.start)
        self.cancel_button = QPushButton(tr("Cancel"), self)
        self.cancel_button.setEnabled(False)
        self.cancel_button.clicked.connect(self.cancel)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.addButton(self.run_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addWidget(buttons)

        for box in (self.zoom_min, self.zoom_max):
            box.valueChanged.connect(self.update_estimate)
        self.region.editingFinished.connect(self.update_estimate)
        self.boundaries.fileChanged.connect(self.update_estimate)
        self.update_estimate()

    @staticmethod
    def _language() -> str:
        from ..main import qgis_language

        return qgis_language()

    def _extent(self):
        """Return the region's EPSG:4326 box, or None with the reason shown."""
        region = self.region.text().strip()
        path = self.boundaries.filePath().strip()
        if not region or not path:
            self.estimate.setText(tr("Give a region code and a boundary file to see the "
                                     "tile count."))
            return None
        try:
            return offline.region_extent(offline.boundary_levels(path), region)
        except offline.OfflinePackageError as error:
            self.estimate.setText(str(error))
            return None

    def update_estimate(self) -> None:
        extent = self._extent()
        if extent is None:
            return
        low, high = self.zoom_min.value(), self.zoom_max.value()
        if low > high:
            self.estimate.setText(tr("The minimum zoom level is above the maximum."))
            return
        count = offline.tile_count(extent, low, high)
        text = tr("{count} tiles at zoom levels {min}-{max}.").format(
            count=count, min=low, max=high)
        if count > offline.MAX_TILES:
            text += " " + tr("This is above the limit of {limit} tiles.").format(
                limit=offline.MAX_TILES)
        self.estimate.setText(text)

    def _save_settings(self) -> None:
        settings = QgsSettings()
        settings.setValue(SETTINGS_PREFIX + "region", self.region.text().strip())
        settings.setValue(SETTINGS_PREFIX + "boundaries", self.boundaries.filePath())
        settings.setValue(SETTINGS_PREFIX + "zoom_min", self.zoom_min.value())
        settings.setValue(SETTINGS_PREFIX + "zoom_max", self.zoom_max.value())
        settings.setValue(SETTINGS_PREFIX + "folder", self.output.filePath())

    def start(self) -> None:
        folder = self.output.filePath().strip()
        boundaries = self.boundaries.filePath().strip()
        service = self.services.currentData()
        problems = []
        if not self.region.text().strip():
            problems.append(tr("Give the region code, e.g. 17.04.01."))
        if not boundaries or not os.path.exists(boundaries):
            problems.append(tr("Choose an existing boundary file."))
        if not folder:
            problems.append(tr("Choose the package folder."))
        if service is None:
            problems.append(tr("The service list has no base map; add one with 'Edit "
                               "service list'."))
        if problems:
            QMessageBox.warning(self, self.windowTitle(), "\n".join(problems))
            return
        self._save_settings()
        recipients = _layer_source(self.recipients.currentLayer())
        arguments = {
            "output_dir": folder, "service": service, "zoom_min": self.zoom_min.value(),
            "zoom_max": self.zoom_max.value(), "region_code": self.region.text().strip(),
            "boundaries": boundaries, "recipients": recipients,
        }
        self.task = OfflinePackageTask(arguments, self._finished)
        # A bound method of the dialog: Qt queues the call to the dialog's thread.
        self.task.progressChanged.connect(self._show_progress)
        self.run_button.setEnabled(False)
        self.cancel_button.setEnabled(True)
        self.status.setText(tr("Preparing the package…"))
        QgsApplication.taskManager().addTask(self.task)

    def _show_progress(self, value: float) -> None:
        self.progress.setValue(int(value))

    def cancel(self) -> None:
        if self.task is not None:
            self.task.cancel()
            self.status.setText(tr("Canceling…"))

    def _finished(self, task, successful: bool) -> None:
        self.task = None
        self.run_button.setEnabled(True)
        self.cancel_button.setEnabled(False)
        if successful and task.package is not None:
            self.progress.setValue(100)
            self.status.setText(tr("The package is ready: {path}. Copy the whole folder to "
                                   "the field computer and open the project there.").format(
                path=task.package.project_path))
            return
        self.progress.setValue(0)
        if task.error_details:
            QgsMessageLog.logMessage(task.error_details, LOG_TAG, Qgis.MessageLevel.Critical)
            self.status.setText(tr("The package could not be prepared because of an "
                                   "unexpected error; the details are in the DTKS Spasial "
                                   "tab of the message log."))
        elif task.error_message:
            self.status.setText(task.error_message)
        else:
            self.status.setText(tr("Canceled; the files already written were removed."))

    def reject(self) -> None:
        if self.task is not None:
            self.task.on_finished = None
            self.task.cancel()
            self.task = None
        super().reject()
