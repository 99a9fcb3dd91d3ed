"""The "Thematic map" tab: pick a region and level, an indicator and classes, then export.

The recipients and boundaries come from the last run in memory, or are
read from a saved recipient layer (the penerima layer of hasil.gpkg) and a
boundary layer or file. Reading, counting and classifying run in a QgsTask.
The print layout is built and exported on the main thread, as QGIS
requires, with a progress dialog whose Cancel stops between atlas pages.
"""

from __future__ import annotations

import dataclasses
import os

from qgis.core import QgsApplication, QgsFeedback, QgsProject, QgsTask, QgsVectorLayer
from qgis.PyQt.QtCore import Qt, pyqtSignal
from qgis.PyQt.QtWidgets import (
    QCheckBox, QComboBox, QCompleter, QFileDialog, QFormLayout, QHBoxLayout, QLineEdit,
    QMessageBox, QProgressDialog, QPushButton, QSpinBox, QVBoxLayout, QWidget,
)

from ..core import indicators
from ..i18n import tr
from . import pickers

# Cache key of the recipients or villages handed over by set_sources()
# without the layer or boundary source they came from.
RUN_KEY = "run"


def find_region(names: dict, text: str) -> str:
    """Return the code of the region typed as a code, "code name" or a unique name, or ""."""
    text = text.strip()
    first = text.split(" ", 1)[0]
    if first in names:
        return first
    hits = indicators.search_regions(names, text)
    wanted = text.lower()
    exact = [code for code, name in hits
             if name.lower() == wanted or name.lower().split(" ", 1)[-1] == wanted]
    if exact:
        return exact[0]
    # Otherwise the highest-level match, e.g. a district before its villages.
    return hits[0][0] if hits else ""


def region_not_found(text: str) -> str:
    return tr("Region '{text}' not found. Type a region code or pick a name from the "
              "list.").format(text=text)


def read_recipient_layer(source, name: str):
    """Read a recipient layer (a layer or an OGR URI); return (recipients, mapping).

    ``mapping`` ({canonical field: column index}) finds the programme and
    decile columns among the layer's source columns. Raises ValueError with
    a message for the user when the layer cannot be opened or lacks the
    recipient fields.
    """
    from ..core.column_mapping import detect_mapping
    from ..gis import storage

    layer = QgsVectorLayer(source, name, "ogr") if isinstance(source, str) else source
    if not layer.isValid():
        raise ValueError(tr("The recipient layer '{name}' cannot be opened. Check that its file "
                            "still exists, then choose the layer again.").format(name=name))
    try:
        headers, recipients = storage.recipients_from_layer(layer, with_points=False)
    except ValueError as error:
        raise ValueError(tr(
            "Layer '{name}' lacks the recipient fields {fields}. Choose the penerima layer of a "
            "DTKS Spasial result (hasil.gpkg).").format(name=name, fields=str(error))) from error
    # Source columns renamed "<name>_asli" beside a recipient field keep their meaning.
    original = [header[:-5] if header.endswith("_asli") else header for header in headers]
    return recipients, detect_mapping(original)


class _PrepareTask(QgsTask):
    """Reads the sources not in memory, counts and classifies; ``data`` or ``error`` is set when done.

    ``recipient_source`` and ``boundary_source`` are read only when
    ``recipients`` or ``villages`` is None. A source is a file path or URI,
    or a layer that no other thread uses (see boundary_source_for_task).
    """

    def __init__(self, request, recipients=None, mapping=None, villages=None,
                 recipient_source=None, recipient_name: str = "", boundary_source=None):
        super().__init__(tr("Preparing the thematic map"), QgsTask.Flag.CanCancel)
        self.request = request
        self.recipients, self.mapping, self.villages = recipients, mapping, villages
        self.recipient_source, self.recipient_name = recipient_source, recipient_name
        self.boundary_source = boundary_source
        # Keys (layer id or file path) of the chosen sources the task reads.
        self.recipient_key = None
        self.village_key = None
        self.data = None
        self.error = ""
        self.feedback = QgsFeedback()

    def cancel(self):
        self.feedback.cancel()
        super().cancel()

    def run(self):
        from ..gis import atlas
        from ..gis.boundaries import BoundaryError, load_villages

        feedback = self.feedback
        try:
            if self.recipients is None:
                self.recipients, self.mapping = read_recipient_layer(self.recipient_source,
                                                                     self.recipient_name)
            if self.isCanceled():
                return False
            if self.villages is None:
                self.villages = load_villages(self.boundary_source, feedback)
            if self.isCanceled():
                return False
            names = atlas.region_names(self.villages)
            if self.request.region not in names:
                code = find_region(names, self.request.region)
                if not code:
                    raise ValueError(region_not_found(self.request.region))
                self.request = dataclasses.replace(self.request, region=code)
            self.data = atlas.prepare_map_data(self.recipients, self.mapping, self.villages,
                                               self.request, feedback)
        except (atlas.MapError, BoundaryError, ValueError) as error:
            self.error = str(error)
            return False
        return self.data is not None and not self.isCanceled()


class MapPanel(QWidget):
    """Widget of the thematic map tab.

    The recipients come from the chosen recipient layer, and the villages
    from the chosen boundary layer or file. After a run the dock calls
    ``set_sources(recipients, mapping, villages, layer, boundary)``, which
    chooses the run's layer and boundaries and keeps the run's data in
    memory, so they are not read again. ``mapping`` is the table's
    {field: column}. ``iface`` opens the layout designer.
    """

    exported = pyqtSignal(str)

    PAPERS = (("A4", "lanskap"), ("A4", "potret"), ("A3", "lanskap"), ("A3", "potret"))
    METHODS = (indicators.METHOD_JENKS, indicators.METHOD_QUANTILE, indicators.METHOD_EQUAL,
               indicators.METHOD_MANUAL)

    def __init__(self, iface=None, parent=None):
        super().__init__(parent)
        self.iface = iface
        # Recipients and villages in memory, with the key of the source they
        # were read from: a layer id, a file path, or RUN_KEY.
        self.recipients = []
        self.mapping = {}
        self.recipient_key = None
        self.villages = None
        self.village_key = None
        self.names = {}
        self._watched_layer = None
        self._task = None
        self._build()
        self._connect_sources()
        self.set_sources([], {}, None)

    # --- widgets ---------------------------------------------------------------

    def _build(self):
        from ..gis.thematic import COLOR_RAMPS

        form = QFormLayout()
        self._build_sources(form)
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

    def _build_sources(self, form: QFormLayout) -> None:
        self.layer_combo = pickers.add_recipient_layer_row(form, tr(
            "Recipient layer (penerima) written by DTKS Spasial, e.g. from a hasil.gpkg opened "
            "in QGIS. The layer of the last run is chosen after each run."))
        self.boundary_combo, self.boundary_file = pickers.add_boundary_rows(form, tr(
            "Village boundary layer that gives the region names and polygons. The boundaries "
            "of the last run are chosen after each run."))

    def _connect_sources(self) -> None:
        self.layer_combo.layerChanged.connect(self._update_buttons)
        pickers.connect_boundary_pair(self.boundary_combo, self.boundary_file,
                                      self._boundary_changed)
        QgsProject.instance().layersAdded.connect(self._update_layer_exceptions)
        self._update_layer_exceptions()

    def _update_layer_exceptions(self, *_args) -> None:
        """Hide the project's point layers that lack the recipient fields."""
        from ..gis.review import is_recipient_layer

        pickers.update_layer_exceptions(self.layer_combo, is_recipient_layer)

    def _boundary_changed(self) -> None:
        """Offer the region names of the chosen boundaries when they are in memory."""
        key = self._boundary_key()
        in_memory = self.village_key == (RUN_KEY if key is None else key)
        self._set_names(self.villages if in_memory else None)
        self._update_buttons()

    def boundary_source(self):
        """Return the chosen boundary file path, the chosen layer, or None."""
        return pickers.boundary_source(self.boundary_combo, self.boundary_file)

    def _boundary_key(self):
        source = self.boundary_source()
        if source is None or isinstance(source, str):
            return source
        return source.id()

    def _set_names(self, villages) -> None:
        from qgis.PyQt.QtCore import QStringListModel

        self.names = {}
        if villages is not None:
            from ..gis.atlas import region_names

            self.names = region_names(villages)
        entries = [f"{code} {name}" for code, name in sorted(self.names.items())]
        self.completer.setModel(QStringListModel(entries, self.completer))

    def _watch_recipient_layer(self, layer) -> None:
        """Forget the recipients in memory when ``layer``, their source, changes."""
        previous, self._watched_layer = self._watched_layer, layer
        # Saved edits emit afterCommitChanges, and a provider reload emits dataChanged.
        if previous is not None:
            for signal in ("dataChanged", "afterCommitChanges"):
                try:
                    getattr(previous, signal).disconnect(self._on_recipient_data_changed)
                except (TypeError, RuntimeError):
                    pass  # never connected, or the layer is already deleted
        if layer is not None:
            layer.dataChanged.connect(self._on_recipient_data_changed)
            layer.afterCommitChanges.connect(self._on_recipient_data_changed)

    def _on_recipient_data_changed(self) -> None:
        self.recipients, self.mapping, self.recipient_key = [], {}, None
        self._watch_recipient_layer(None)

    def _show_individual(self, checked: bool) -> None:
        self.points_combo.setEnabled(checked)
        self.individual_warning.setVisible(checked)

    def set_sources(self, recipients, mapping, villages, layer=None, boundary=None) -> None:
        """Give the panel a run's recipients, source column mapping and VillageLayer.

        ``layer`` is the recipient layer the run wrote and ``boundary`` the
        boundary layer or file it read. Both are chosen in the panel, and the
        data is used while they stay chosen and the layer is not edited.
        Without them the data is used while no layer or boundary is chosen.
        """
        self.recipients, self.mapping = recipients or [], mapping or {}
        if not recipients:
            self.recipient_key = None
        elif layer is not None:
            self.recipient_key = layer.id()
        else:
            self.recipient_key = RUN_KEY
        self._watch_recipient_layer(layer if recipients else None)
        self.villages = villages
        self.village_key = None
        if villages is not None:
            self.village_key = RUN_KEY if boundary is None else (
                boundary if isinstance(boundary, str) else boundary.id())
        if layer is not None:
            self._update_layer_exceptions()
            self.layer_combo.setLayer(layer)
        if isinstance(boundary, str):
            self.boundary_file.setFilePath(boundary)
        elif boundary is not None:
            self.boundary_combo.setLayer(boundary)
        self._boundary_changed()

    def _update_buttons(self, *_args) -> None:
        has_recipients = (self.layer_combo.currentLayer() is not None
                          or self.recipient_key == RUN_KEY)
        has_boundaries = self.boundary_source() is not None or self.village_key == RUN_KEY
        ready = has_recipients and has_boundaries and self._task is None
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
        return find_region(self.names, self.region_edit.text())

    def request(self):
        """Build the MapRequest of the widgets; raise ValueError with a message for the user.

        Before the chosen boundaries are read, the region is left as typed,
        and the preparation task looks it up.
        """
        from ..gis.atlas import MapRequest

        text = self.region_edit.text().strip()
        region = self.region_code()
        if not region and (self.names or not text):
            raise ValueError(region_not_found(self.region_edit.text()))
        region = region or text
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
                points = self.layer_combo.currentLayer()
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

    def show_warning(self, text: str) -> None:
        QMessageBox.warning(self, tr("Thematic map"), text)

    def start(self, open_designer: bool = False) -> None:
        """Prepare the data in a QgsTask, then export or open the designer when it ends."""
        if self._task is not None:
            return
        try:
            request = self.request()
            task = self._prepare_task(request)
        except ValueError as error:
            self.show_warning(str(error))
            return
        if not open_designer and not self.output_edit.text().strip():
            self.show_warning(tr("Choose an output file first."))
            return
        task.taskCompleted.connect(lambda: self._prepared(task, open_designer))
        task.taskTerminated.connect(lambda: self._prepared(task, open_designer))
        self._task = task
        self._update_buttons()
        QgsApplication.taskManager().addTask(task)

    def _prepare_task(self, request) -> _PrepareTask:
        """Return the task for ``request``, with the data in memory or the sources to read.

        Raises ValueError with a message for the user when a source is missing.
        """
        from .dock import boundary_source_for_task

        task = _PrepareTask(request)
        layer = self.layer_combo.currentLayer()
        if layer is None and self.recipient_key != RUN_KEY:
            raise ValueError(tr("Choose the recipient layer (penerima) first."))
        if layer is None or (layer.id() == self.recipient_key and not layer.isModified()):
            task.recipients, task.mapping = self.recipients, self.mapping
        else:
            # The task reads the file again, or a copy with the unsaved edits.
            task.recipient_source = boundary_source_for_task(layer)
            task.recipient_name = layer.name()
            task.recipient_key = layer.id()
        source = self.boundary_source()
        if source is None and self.village_key != RUN_KEY:
            raise ValueError(tr("Choose the village boundary layer or file first."))
        if source is None or self._boundary_key() == self.village_key:
            task.villages = self.villages
        else:
            task.boundary_source = (source if isinstance(source, str)
                                    else boundary_source_for_task(source))
            task.village_key = self._boundary_key()
        return task

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
        self._keep_sources(task)
        self._update_buttons()
        if task.data is None:
            if task.error:
                self.show_warning(task.error)
            return
        if open_designer:
            from ..gis.atlas import open_in_designer

            open_in_designer(self.iface, task.data)
            return
        self.export(task.data, self.output_edit.text().strip())

    def _keep_sources(self, task) -> None:
        """Keep what the task read in memory while its source is still chosen and unedited."""
        layer = self.layer_combo.currentLayer()
        if (task.recipient_key is not None and task.recipients is not None
                and layer is not None and layer.id() == task.recipient_key
                and not layer.isModified()):
            self.recipients, self.mapping, self.recipient_key = (
                task.recipients, task.mapping, task.recipient_key)
            self._watch_recipient_layer(layer)
        if (task.village_key is not None and task.villages is not None
                and not task.feedback.isCanceled() and self._boundary_key() == task.village_key):
            self.villages, self.village_key = task.villages, task.village_key
            self._set_names(self.villages)

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
            self.show_warning(message)
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
