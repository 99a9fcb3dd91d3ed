"""The "Thematic map" tab: pick a region and level, an indicator and classes, then export.

Counting and classifying run in a QgsTask. The print layout is built and
exported on the main thread, as QGIS requires, with a progress dialog whose
Cancel stops between atlas pages.
"""

from __future__ import annotations

import os

from qgis.core import QgsApplication, QgsFeedback, QgsTask
from qgis.PyQt.QtCore import Qt, pyqtSignal
from qgis.PyQt.QtWidgets import (
    QCheckBox, QComboBox, QCompleter, QFileDialog, QFormLayout, QHBoxLayout, QLineEdit,
    QMessageBox, QProgressDialog, QPushButton, QSpinBox, QVBoxLayout, QWidget,
)

from ..core import indicators
from ..i18n import tr


class _PrepareTask(QgsTask):
    """Counts and classifies in the background; ``data`` or ``error`` is set when done."""

    def __init__(self, recipients, mapping, villages, request):
        super().__init__(tr("Preparing the thematic map"), QgsTask.Flag.CanCancel)
        self.recipients, self.mapping, self.villages, self.request = (
            recipients, mapping, villages, request)
        self.data = None
        self.error = ""

    def run(self):
        from ..gis import atlas

        feedback = QgsFeedback()
        try:
            self.data = atlas.prepare_map_data(self.recipients, self.mapping, self.villages,
                                               self.request, feedback)
        except (atlas.MapError, ValueError) as error:
            self.error = str(error)
            return False
        return self.data is not None and not self.isCanceled()


class MapPanel(QWidget):
    """Widget of the thematic map tab. ``set_sources`` gives it the data to map.

    The dock calls ``set_sources(recipients, mapping, villages)`` after a run
    (``mapping`` is the table's {field: column}); ``iface`` opens the layout
    designer.
    """

    exported = pyqtSignal(str)

    PAPERS = (("A4", "lanskap"), ("A4", "potret"), ("A3", "lanskap"), ("A3", "potret"))
    METHODS = (indicators.METHOD_JENKS, indicators.METHOD_QUANTILE, indicators.METHOD_EQUAL,
               indicators.METHOD_MANUAL)

    def __init__(self, iface=None, parent=None):
        super().__init__(parent)
        self.iface = iface
        self.recipients = []
        self.mapping = {}
        self.villages = None
        self.names = {}
        self._task = None
        self._build()
        self.set_sources([], {}, None)

    # --- widgets ---------------------------------------------------------------

    def _build(self):
        from ..gis.thematic import COLOR_RAMPS

        form = QFormLayout()
        self.region_edit = QLineEdit()
        self.region_edit.setPlaceholderText(tr("Region code or name, e.g. 17.04 or Kaur"))
        self.completer = QCompleter([], self)
        self.completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.region_edit.setCompleter(self.completer)
        form.addRow(tr("Region"), self.region_edit)

        self.level_combo = QComboBox()
        for level, text in ((2, tr("Regencies")), (3, tr("Districts")), (4, tr("Villages"))):
            self.level_combo.addItem(text, level)
        self.level_combo.setCurrentIndex(2)
        form.addRow(tr("Map the"), self.level_combo)

        self.indicator_combo = QComboBox()
        for key in indicators.indicator_keys():
            self.indicator_combo.addItem(indicators.indicator(key).legend_title, key)
        form.addRow(tr("Indicator"), self.indicator_combo)

        self.method_combo = QComboBox()
        for method, text in zip(self.METHODS, (tr("Natural breaks (Jenks)"), tr("Quantile"),
                                               tr("Equal interval"), tr("Manual"))):
            self.method_combo.addItem(text, method)
        self.classes_spin = QSpinBox()
        self.classes_spin.setRange(1, 9)
        self.classes_spin.setValue(5)
        method_row = QHBoxLayout()
        method_row.addWidget(self.method_combo, 1)
        method_row.addWidget(self.classes_spin)
        form.addRow(tr("Classes"), method_row)
        self.breaks_edit = QLineEdit()
        self.breaks_edit.setPlaceholderText(tr("Upper bounds, e.g. 10, 50, 100"))
        form.addRow(tr("Manual bounds"), self.breaks_edit)

        self.ramp_combo = QComboBox()
        self.ramp_combo.addItems(list(COLOR_RAMPS))
        form.addRow(tr("Colour ramp"), self.ramp_combo)

        self.threshold_spin = QSpinBox()
        self.threshold_spin.setRange(0, 99)
        self.threshold_spin.setValue(indicators.DEFAULT_THRESHOLD)
        self.threshold_spin.setToolTip(tr("Counts from 1 up to this number print as '< n+1' "
                                          "and are hatched. 0 hides none."))
        form.addRow(tr("Hide counts up to"), self.threshold_spin)

        self.paper_combo = QComboBox()
        for text in (tr("A4 landscape"), tr("A4 portrait"), tr("A3 landscape"),
                     tr("A3 portrait")):
            self.paper_combo.addItem(text)
        form.addRow(tr("Template"), self.paper_combo)

        self.labels_combo = QComboBox()
        for mode, text in (("value", tr("Value")), ("name_value", tr("Name and value")),
                           ("none", tr("None"))):
            self.labels_combo.addItem(text, mode)
        form.addRow(tr("Labels"), self.labels_combo)

        self.atlas_check = QCheckBox(tr("Atlas: one page per region"))
        self.table_check = QCheckBox(tr("Write the summary table"))
        self.table_check.setChecked(True)
        form.addRow(self.atlas_check)
        form.addRow(self.table_check)

        from qgis.core import QgsMapLayerProxyModel
        from qgis.gui import QgsMapLayerComboBox
        from qgis.PyQt.QtWidgets import QLabel

        self.individual_check = QCheckBox(tr("Show each recipient as a point (individual-level "
                                             "map, confidential)"))
        self.individual_check.setChecked(False)
        self.points_combo = QgsMapLayerComboBox()
        self.points_combo.setFilters(QgsMapLayerProxyModel.Filter.PointLayer)
        self.points_combo.setAllowEmptyLayer(True)
        self.points_combo.setLayer(None)
        self.individual_warning = QLabel(tr(
            "The map will show where individual recipients live. It prints a confidentiality "
            "notice; share it only inside the office."))
        self.individual_warning.setWordWrap(True)
        self.individual_warning.setStyleSheet("color: #b30000;")
        form.addRow(self.individual_check)
        form.addRow(tr("Recipient point layer"), self.points_combo)
        form.addRow(self.individual_warning)
        self.individual_check.toggled.connect(self._show_individual)
        self._show_individual(False)

        self.format_combo = QComboBox()
        self.format_combo.addItems(["PDF", "PNG", "SVG"])
        form.addRow(tr("Format"), self.format_combo)

        self.output_edit = QLineEdit()
        browse = QPushButton(tr("Browse…"))
        browse.clicked.connect(self._browse)
        output_row = QHBoxLayout()
        output_row.addWidget(self.output_edit, 1)
        output_row.addWidget(browse)
        form.addRow(tr("Output file"), output_row)

        self.export_button = QPushButton(tr("Export map"))
        self.export_button.clicked.connect(lambda: self.start(open_designer=False))
        self.designer_button = QPushButton(tr("Open in layout designer"))
        self.designer_button.clicked.connect(lambda: self.start(open_designer=True))
        buttons = QHBoxLayout()
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.designer_button)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addStretch(1)

    def _show_individual(self, checked: bool) -> None:
        self.points_combo.setEnabled(checked)
        self.individual_warning.setVisible(checked)

    def set_sources(self, recipients, mapping, villages) -> None:
        """Give the panel the recipients, the source column mapping and the village layer."""
        from qgis.PyQt.QtCore import QStringListModel

        self.recipients, self.mapping, self.villages = recipients or [], mapping or {}, villages
        self.names = {}
        if villages is not None:
            from ..gis.atlas import region_names

            self.names = region_names(villages)
        entries = [f"{code} {name}" for code, name in sorted(self.names.items())]
        self.completer.setModel(QStringListModel(entries, self.completer))
        ready = bool(self.recipients) and villages is not None
        self.export_button.setEnabled(ready)
        self.designer_button.setEnabled(ready)

    def _browse(self):
        extension = self.format_combo.currentText().lower()
        path, _ = QFileDialog.getSaveFileName(self, tr("Save the map as"), self.output_edit.text(),
                                              f"{extension.upper()} (*.{extension})")
        if path:
            self.output_edit.setText(path)

    # --- request and export --------------------------------------------------------

    def region_code(self) -> str:
        """Return the region code typed or picked: a code, "code name", or a unique name."""
        text = self.region_edit.text().strip()
        first = text.split(" ", 1)[0]
        if first in self.names:
            return first
        hits = indicators.search_regions(self.names, text)
        wanted = text.lower()
        exact = [code for code, name in hits
                 if name.lower() == wanted or name.lower().split(" ", 1)[-1] == wanted]
        if exact:
            return exact[0]
        # Otherwise the highest-level match, e.g. a district before its villages.
        return hits[0][0] if hits else ""

    def request(self):
        """Build the MapRequest of the widgets; raise ValueError with a message for the user."""
        from ..gis.atlas import MapRequest

        region = self.region_code()
        if not region:
            raise ValueError(tr("Region '{text}' not found. Type a region code or pick a name "
                                "from the list.").format(text=self.region_edit.text()))
        key = self.indicator_combo.currentData()
        method = self.method_combo.currentData()
        manual = None
        if method == indicators.METHOD_MANUAL:
            manual = indicators.parse_manual_breaks(self.breaks_edit.text(),
                                                    indicators.indicator(key).decimals)
        paper, orientation = self.PAPERS[self.paper_combo.currentIndex()]
        points = None
        if self.individual_check.isChecked():
            points = self.points_combo.currentLayer()
            if points is None:
                raise ValueError(tr("Choose the recipient point layer for the individual-level "
                                    "map, or untick the option."))
        return MapRequest(
            region=region, level=self.level_combo.currentData(), indicator=key, method=method,
            classes=self.classes_spin.value(), manual_breaks=manual,
            threshold=self.threshold_spin.value(), ramp=self.ramp_combo.currentText(),
            paper=paper, orientation=orientation, labels=self.labels_combo.currentData(),
            atlas=self.atlas_check.isChecked(),
            output_format=self.format_combo.currentText().lower(),
            summary_table=self.table_check.isChecked(), individual_layer=points)

    def start(self, open_designer: bool = False) -> None:
        """Prepare the data in a QgsTask, then export or open the designer when it ends."""
        try:
            request = self.request()
        except ValueError as error:
            QMessageBox.warning(self, tr("Thematic map"), str(error))
            return
        if not open_designer and not self.output_edit.text().strip():
            QMessageBox.warning(self, tr("Thematic map"), tr("Choose an output file first."))
            return
        self.export_button.setEnabled(False)
        self.designer_button.setEnabled(False)
        task = _PrepareTask(self.recipients, self.mapping, self.villages, request)
        task.taskCompleted.connect(lambda: self._prepared(task, open_designer))
        task.taskTerminated.connect(lambda: self._prepared(task, open_designer))
        self._task = task
        QgsApplication.taskManager().addTask(task)

    def shutdown(self) -> None:
        """Cancel a running preparation and ignore its result (the panel is closing)."""
        task, self._task = self._task, None
        if task is not None:
            for signal in (task.taskCompleted, task.taskTerminated):
                try:
                    signal.disconnect()
                except TypeError:
                    pass
            task.cancel()

    def _prepared(self, task, open_designer: bool) -> None:
        self._task = None
        self.export_button.setEnabled(True)
        self.designer_button.setEnabled(True)
        if task.data is None:
            if task.error:
                QMessageBox.warning(self, tr("Thematic map"), task.error)
            return
        if open_designer:
            from ..gis.atlas import open_in_designer

            open_in_designer(self.iface, task.data)
            return
        self.export(task.data, self.output_edit.text().strip())

    def export(self, data, path: str) -> dict:
        """Export prepared map data on the main thread, with a progress dialog and Cancel."""
        from ..gis import atlas

        if not os.path.splitext(path)[1]:
            path += "." + data.request.output_format
        pages = len(data.rows) if data.request.atlas else 1
        dialog = QProgressDialog(tr("Exporting the map…"), tr("Cancel"), 0, 100, self)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(300)
        feedback = QgsFeedback()
        feedback.progressChanged.connect(lambda value: dialog.setValue(int(value)))
        dialog.canceled.connect(feedback.cancel)
        try:
            result = atlas.export_thematic_map(data, path, feedback)
        except atlas.MapError as error:
            result, message = {}, str(error)
        else:
            message = ""
        canceled = feedback.isCanceled()
        # Closing a QProgressDialog emits canceled(), so the link goes first.
        dialog.canceled.disconnect(feedback.cancel)
        dialog.close()
        if message:
            QMessageBox.warning(self, tr("Thematic map"), message)
        if canceled or not result:
            return {}
        self.exported.emit(path)
        if self.iface is not None:
            from qgis.core import Qgis

            self.iface.messageBar().pushMessage(
                tr("Thematic map"), tr("{pages} of {total} pages written to {path}").format(
                    pages=result["pages"], total=pages, path=path),
                Qgis.MessageLevel.Success, 8)
        return result
