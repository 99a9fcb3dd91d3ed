"""The "DTKS Spasial" dock: choose the inputs, run the pipeline in a task, show the results."""

import os
import tempfile
from pathlib import Path

from qgis.core import (
    Qgis, QgsApplication, QgsCoordinateReferenceSystem, QgsCoordinateTransform,
    QgsFeatureRequest, QgsMapLayer, QgsMapLayerProxyModel, QgsMessageLog, QgsProject,
    QgsRectangle, QgsSettings, QgsVectorLayer,
)
from qgis.gui import (
    QgsCollapsibleGroupBox, QgsDockWidget, QgsFileWidget, QgsMapLayerComboBox,
    QgsProjectionSelectionWidget,
)
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtWidgets import (
    QFormLayout, QFrame, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit,
    QDoubleSpinBox, QProgressBar, QPushButton, QScrollArea, QSizePolicy, QSpinBox, QTabWidget,
    QVBoxLayout, QWidget,
)

from .. import LOG_TAG, PLUGIN_NAME
from ..core.table_reader import ENCODING_CHOICES, EXCEL_EXTENSIONS, TEXT_EXTENSIONS
from ..gis import pipeline
from ..core.matching import DISTRICT_CUTOFF
from ..gis.boundaries import BoundaryError, open_village_layer, polygon_layers, saved_field_mapping
from ..gis.thematic import apply_count_renderer
from .boundary_fields import BoundaryFieldsDialog
from .duplicate_panel import DuplicatePanel
from ..i18n import tr
from .mapping_panel import FocusWheelComboBox, MappingPanel
from .map_panel import MapPanel
from .review_panel import ReviewPanel
from .task import (
    MAP_PDF_NAME, RESULT_GPKG_NAME, ColumnReadTask, PipelineTask, RunRequest, SheetListTask,
)

RESULT_GROUP_NAME = PLUGIN_NAME
DEFAULT_OUTPUT_DIR = os.path.join(tempfile.gettempdir(), "dtks_spasial")
CODE_LIST_SETTING = "dtks_spasial/code_list_path"
DEFAULT_COORDINATE_CRS = "EPSG:4326"
# Maximum of the header row spin box. read_table() rejects a row past the end of the file.
MAX_HEADER_ROW = 100000

STYLES_DIR = Path(__file__).resolve().parents[2] / "resources" / "styles"
RECIPIENT_STYLE = STYLES_DIR / "penerima.qml"
VILLAGE_COUNT_STYLE = STYLES_DIR / "desa_jumlah.qml"
DUPLICATE_LINE_STYLE = STYLES_DIR / "garis_duplikat.qml"
STYLE_CATEGORIES = QgsMapLayer.StyleCategory.Symbology | QgsMapLayer.StyleCategory.Labeling

# Result layers in the order they appear in the layer tree, top first.
RESULT_LAYERS = (
    pipeline.LAYER_RECIPIENTS,
    pipeline.LAYER_DUPLICATE_LINES,
    pipeline.LAYER_VILLAGE_COUNTS,
    pipeline.LAYER_GROUPS,
    pipeline.LAYER_REJECTED,
)

# Background and text colours of the message line per level.
MESSAGE_COLORS = {
    Qgis.MessageLevel.Info: ("#e8f1fb", "#0b3d6b"),
    Qgis.MessageLevel.Success: ("#e3f4e6", "#1b5e20"),
    Qgis.MessageLevel.Warning: ("#fff4d6", "#6b4e00"),
    Qgis.MessageLevel.Critical: ("#fde7e7", "#8b0000"),
}


class DtksDock(QgsDockWidget):
    """Dock with the inputs of one run, Run and Cancel, progress and the summary."""

    def __init__(self, iface=None, parent=None):
        super().__init__(PLUGIN_NAME, parent)
        self.setObjectName("DtksSpasialDock")
        self.iface = iface
        self.task = None
        # Tasks that read the sheet names or the columns for the import options.
        self.sheet_task = None
        self.column_task = None
        self._build_widgets()
        self._connect_signals()
        self._set_running(False)

    # Widgets

    def _build_widgets(self) -> None:
        content = QWidget()
        layout = QVBoxLayout(content)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.setSpacing(8)

        layout.addWidget(self._build_table_group())
        layout.addWidget(self._build_boundary_group())
        layout.addWidget(self._build_output_group())
        layout.addLayout(self._build_run_row())

        self.progress_bar = QProgressBar()
        self.progress_bar.setRange(0, 100)
        self.progress_bar.setValue(0)
        self.progress_bar.setTextVisible(True)
        layout.addWidget(self.progress_bar)

        self.message_label = QLabel()
        self.message_label.setWordWrap(True)
        self.message_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message_label.setVisible(False)
        layout.addWidget(self.message_label)

        summary_title = QLabel(tr("Summary"))
        summary_title.setStyleSheet("font-weight: bold;")
        layout.addWidget(summary_title)
        self.summary_text = QPlainTextEdit()
        self.summary_text.setReadOnly(True)
        self.summary_text.setPlaceholderText(tr("The counts of the last run appear here."))
        self.summary_text.setMinimumHeight(160)
        self.summary_text.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        layout.addWidget(self.summary_text, 1)

        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(content)

        self.tabs = QTabWidget()
        self.tabs.addTab(scroll, tr("Run"))
        self.review_panel = ReviewPanel(self.iface)
        self.tabs.addTab(self.review_panel, tr("Review locations"))
        self.duplicate_panel = DuplicatePanel(self.iface)
        self.tabs.addTab(self.duplicate_panel, tr("Suspected duplicates"))
        self.map_panel = MapPanel(self.iface)
        self.tabs.addTab(self.map_panel, tr("Thematic map"))
        self.setWidget(self.tabs)

    def _build_table_group(self) -> QGroupBox:
        group = QGroupBox(tr("1. DTKS table"))
        form = _form_layout(group)

        self.table_file = QgsFileWidget()
        self.table_file.setStorageMode(QgsFileWidget.StorageMode.GetFile)
        self.table_file.setDialogTitle(tr("Choose the DTKS table"))
        self.table_file.setFilter(tr(
            "DTKS tables (*.csv *.txt *.tsv *.xlsx *.xlsm *.xls *.ods);;All files (*)"))
        self.table_file.setToolTip(tr(
            "CSV, TXT, Excel (XLSX, XLS) or ODS file with one recipient per row and a header "
            "row with the usual DTKS column names (NIK, NO_KK, NAMA, KODE_WILAYAH, DESA, "
            "LATITUDE, LONGITUDE, ...). The file is only read, never changed."))
        form.addRow(tr("Table file"), self.table_file)

        form.addRow(self._build_import_options())
        return group

    def _build_import_options(self) -> QgsCollapsibleGroupBox:
        box = QgsCollapsibleGroupBox(tr("Import options"))
        box.setObjectName("DtksSpasialImportOptions")
        # Always start collapsed instead of restoring the state of the last session.
        box.setSaveCollapsedState(False)
        form = _form_layout(box)

        self.sheet_combo = FocusWheelComboBox()
        self.sheet_combo.addItem(tr("(automatic)"), "")
        self.sheet_combo.setToolTip(tr(
            "Sheet of a spreadsheet (XLSX, XLS or ODS) to read. (automatic) reads the first "
            "sheet with at least two DTKS column names in its first 30 rows, or else the first "
            "sheet."))
        form.addRow(tr("Sheet"), self.sheet_combo)

        self.header_row_spin = QSpinBox()
        self.header_row_spin.setRange(0, MAX_HEADER_ROW)
        self.header_row_spin.setSpecialValueText(tr("automatic"))
        self.header_row_spin.setToolTip(tr(
            "Row number of the column headers, counting the first row of the file as 1. "
            "0 (automatic) takes the row among the first 30 with the most DTKS column names. "
            "Rows above the header are listed as rejected rows."))
        form.addRow(tr("Header row"), self.header_row_spin)

        self.encoding_combo = FocusWheelComboBox()
        self.encoding_combo.addItem(tr("(automatic)"), "")
        for encoding in ENCODING_CHOICES:
            self.encoding_combo.addItem(encoding, encoding)
        self.encoding_combo.setToolTip(tr(
            "Text encoding of a CSV or TXT file. (automatic) reads UTF-16 when the file starts "
            "with its byte order mark, and otherwise tries UTF-8, Windows-1252 (cp1252) and "
            "Latin-1 in this order. Choose another encoding when names show wrong letters."))
        form.addRow(tr("Text encoding"), self.encoding_combo)

        self.delimiter_combo = FocusWheelComboBox()
        for label, delimiter in ((tr("(automatic)"), ""), (tr("Comma (,)"), ","),
                                 (tr("Semicolon (;)"), ";"), (tr("Pipe (|)"), "|"),
                                 (tr("Tab"), "\t")):
            self.delimiter_combo.addItem(label, delimiter)
        self.delimiter_combo.setToolTip(tr(
            "Character between the columns of a CSV or TXT file. (automatic) picks the one "
            "that splits most of the first 60 lines into the same number of columns."))
        form.addRow(tr("Delimiter"), self.delimiter_combo)

        mapping_title = QLabel(tr("Column mapping"))
        mapping_title.setStyleSheet("font-weight: bold;")
        form.addRow(mapping_title)
        self.mapping_panel = MappingPanel()
        form.addRow(self.mapping_panel)

        self.code_list_file = QgsFileWidget()
        self.code_list_file.setStorageMode(QgsFileWidget.StorageMode.GetFile)
        self.code_list_file.setDialogTitle(tr("Choose the Kemendagri region code list"))
        self.code_list_file.setFilter(tr("CSV files (*.csv);;All files (*)"))
        self.code_list_file.setToolTip(tr(
            "CSV file with the columns kode,nama,tingkat listing the Kemendagri region codes. "
            "When given, region codes and NIK district codes that are not in the list are "
            "flagged as problems of their rows. The file chosen here is remembered."))
        self.code_list_file.setFilePath(QgsSettings().value(CODE_LIST_SETTING, "", type=str))
        form.addRow(tr("Region code list"), self.code_list_file)

        self.coordinate_crs = QgsProjectionSelectionWidget()
        self.coordinate_crs.setCrs(QgsCoordinateReferenceSystem(DEFAULT_COORDINATE_CRS))
        self.coordinate_crs.setToolTip(tr(
            "Coordinate reference system of the LATITUDE/LONGITUDE (or X/Y) columns. Keep "
            "EPSG:4326 for degrees. For a table with UTM coordinates in metres, choose its UTM "
            "zone, for example EPSG:32748."))
        form.addRow(tr("Coordinate CRS"), self.coordinate_crs)

        box.setCollapsed(True)
        self.import_options_box = box
        return box

    def _build_boundary_group(self) -> QGroupBox:
        group = QGroupBox(tr("2. Village boundaries"))
        form = _form_layout(group)

        self.boundary_layer = QgsMapLayerComboBox()
        self.boundary_layer.setFilters(_polygon_layer_filter())
        self.boundary_layer.setAllowEmptyLayer(True)
        self.boundary_layer.setLayer(None)
        self.boundary_layer.setToolTip(tr(
            "Village (desa) polygon layer of the project, in BIG's field layout (KDEPUM, "
            "NAMOBJ, WADMKC, ...) or with kode and nama fields."))
        form.addRow(tr("Layer in project"), self.boundary_layer)

        self.boundary_file = QgsFileWidget()
        self.boundary_file.setStorageMode(QgsFileWidget.StorageMode.GetFile)
        self.boundary_file.setDialogTitle(tr("Choose a village boundary file"))
        self.boundary_file.setFilter(tr("Boundary files (*.gpkg *.shp);;All files (*)"))
        self.boundary_file.setToolTip(tr(
            "GeoPackage or shapefile with village polygons, used instead of a project layer. "
            "In a GeoPackage with several layers the village level is found automatically."))
        form.addRow(tr("or file"), self.boundary_file)

        self.boundary_fields_button = QPushButton(tr("Fields..."))
        self.boundary_fields_button.setToolTip(tr(
            "Choose which fields of the boundary layer hold the village code and the names, "
            "for a layer whose field names are not recognised. The choice is remembered for "
            "the layer."))
        self.min_name_score = QDoubleSpinBox()
        self.min_name_score.setRange(50.0, 100.0)
        self.min_name_score.setDecimals(0)
        self.min_name_score.setValue(DISTRICT_CUTOFF)
        self.min_name_score.setToolTip(tr(
            "Lowest score (0-100) at which a village name from the table is accepted as a "
            "match inside its district; in the whole regency the bar is 10 points higher. "
            "Rows below it are listed as tidak_cocok with their best candidates."))
        row = QHBoxLayout()
        row.addWidget(self.boundary_fields_button)
        row.addStretch(1)
        row.addWidget(QLabel(tr("Lowest name score")))
        row.addWidget(self.min_name_score)
        form.addRow(row)
        return group

    def boundary_layer_for_fields(self):
        """Return the layer whose fields the user names: the project layer or the file's."""
        layer = self.boundary_layer.currentLayer()
        path = self.boundary_file.filePath().strip()
        if layer is not None or not path:
            return layer
        try:
            return open_village_layer(path)
        except BoundaryError:
            layers = polygon_layers(path)
            return layers[0] if layers else None

    def edit_boundary_fields(self) -> None:
        """Open the boundary field dialog for the chosen layer or file."""
        layer = self.boundary_layer_for_fields()
        if layer is None:
            self.show_message(tr(
                "Choose a village boundary layer of the project or a boundary file."),
                Qgis.MessageLevel.Warning)
            return
        BoundaryFieldsDialog(layer, self).exec()

    def _build_output_group(self) -> QGroupBox:
        group = QGroupBox(tr("3. Map and output"))
        form = _form_layout(group)

        self.region_edit = QLineEdit()
        self.region_edit.setPlaceholderText(tr("e.g. 17.04"))
        self.region_edit.setToolTip(tr(
            "Kemendagri code of the province, regency, district or village to count per "
            "village and to map, for example 17.04 for Kabupaten Kaur. Leave empty to skip "
            "the village counts and the map."))
        form.addRow(tr("Region code"), self.region_edit)

        self.output_dir = QgsFileWidget()
        self.output_dir.setStorageMode(QgsFileWidget.StorageMode.GetDirectory)
        self.output_dir.setDialogTitle(tr("Choose the output folder"))
        self.output_dir.setFilePath(DEFAULT_OUTPUT_DIR)
        self.output_dir.setToolTip(tr(
            "Folder for {gpkg} (recipients, rejected rows, duplicate groups, counts per "
            "village) and {pdf} (the map). Files of an earlier run in this folder are "
            "replaced.").format(gpkg=RESULT_GPKG_NAME, pdf=MAP_PDF_NAME))
        form.addRow(tr("Output folder"), self.output_dir)
        return group

    def _build_run_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.run_button = QPushButton(tr("Run"))
        self.run_button.setDefault(True)
        self.run_button.setToolTip(tr(
            "Read the table, find each recipient's village, look for suspected duplicates, "
            "write the results and add them to the project."))
        self.cancel_button = QPushButton(tr("Cancel"))
        self.cancel_button.setToolTip(tr("Stop the running job. No layers are added."))
        row.addStretch(1)
        row.addWidget(self.run_button)
        row.addWidget(self.cancel_button)
        return row

    def _connect_signals(self) -> None:
        self.run_button.clicked.connect(self.start_run)
        self.cancel_button.clicked.connect(self.cancel_run)
        self.table_file.fileChanged.connect(self._on_table_file_changed)
        # A changed reading option makes the listed columns out of date.
        self.sheet_combo.currentIndexChanged.connect(self._on_reading_option_changed)
        self.header_row_spin.valueChanged.connect(self._on_reading_option_changed)
        self.encoding_combo.currentIndexChanged.connect(self._on_reading_option_changed)
        self.delimiter_combo.currentIndexChanged.connect(self._on_reading_option_changed)
        self.mapping_panel.readRequested.connect(self.read_columns)
        self.mapping_panel.overrideChanged.connect(self._update_options_title)
        self.coordinate_crs.crsChanged.connect(self._update_options_title)
        self.code_list_file.fileChanged.connect(_remember_code_list)
        # The layer and the file are alternatives: choosing one clears the other.
        self.boundary_layer.layerChanged.connect(self._on_boundary_layer_changed)
        self.boundary_file.fileChanged.connect(self._on_boundary_file_changed)
        self.boundary_fields_button.clicked.connect(self.edit_boundary_fields)
        self._update_option_states(self.table_file.filePath())
        self._update_options_title()

    def _update_option_states(self, path: str) -> None:
        """Enable the sheet for spreadsheets and the encoding and delimiter for text files."""
        self.sheet_combo.setEnabled(is_spreadsheet(path))
        self.encoding_combo.setEnabled(is_text_table(path))
        self.delimiter_combo.setEnabled(is_text_table(path))

    def _on_boundary_layer_changed(self, layer) -> None:
        if layer is not None and self.boundary_file.filePath():
            self.boundary_file.setFilePath("")

    def _on_boundary_file_changed(self, path: str) -> None:
        if path and self.boundary_layer.currentLayer() is not None:
            self.boundary_layer.setLayer(None)

    def _set_running(self, running: bool) -> None:
        for widget in (self.table_file, self.import_options_box, self.boundary_layer,
                       self.boundary_file, self.region_edit, self.output_dir, self.run_button):
            widget.setEnabled(not running)
        self.cancel_button.setEnabled(running)
        # A run replaces the result GeoPackage with the decisions it read at its start.
        self.duplicate_panel.set_decisions_locked(running)
        if not running:
            self.progress_bar.setValue(0)
            self.progress_bar.setFormat("%p%")

    def show_message(self, text: str, level=Qgis.MessageLevel.Info) -> None:
        """Show one line of feedback under the progress bar; an empty text hides it."""
        background, foreground = MESSAGE_COLORS.get(level, MESSAGE_COLORS[Qgis.MessageLevel.Info])
        self.message_label.setStyleSheet(
            f"QLabel {{ background: {background}; color: {foreground}; "
            f"border: 1px solid {foreground}; border-radius: 3px; padding: 4px; }}")
        self.message_label.setText(text)
        self.message_label.setVisible(bool(text))

    # Import options

    def _on_table_file_changed(self, path: str) -> None:
        self._update_option_states(path)
        _detach_task(self.sheet_task)
        _detach_task(self.column_task)
        self.sheet_task = self.column_task = None

        self.sheet_combo.blockSignals(True)
        self.sheet_combo.clear()
        self.sheet_combo.addItem(tr("(automatic)"), "")
        self.sheet_combo.blockSignals(False)
        self.mapping_panel.forget_columns()
        self._update_options_title()

        if is_spreadsheet(path) and os.path.isfile(path):
            self.sheet_task = SheetListTask(path, self._on_sheets_read)
            QgsApplication.taskManager().addTask(self.sheet_task)

    def _on_sheets_read(self, task: SheetListTask, successful: bool) -> None:
        if task is not self.sheet_task:
            return
        self.sheet_task = None
        if not successful:
            self._report_read_error(task)
            return
        chosen = self.sheet_combo.currentData()
        self.sheet_combo.blockSignals(True)
        for name in task.sheets:
            self.sheet_combo.addItem(name, name)
        self.sheet_combo.setCurrentIndex(max(self.sheet_combo.findData(chosen), 0))
        self.sheet_combo.blockSignals(False)

    def _on_reading_option_changed(self) -> None:
        _detach_task(self.column_task)
        self.column_task = None
        self.mapping_panel.forget_columns()
        self._update_options_title()

    def _update_options_title(self) -> None:
        """Mark the title when an option differs from automatic, which a collapsed box hides."""
        options = self.import_options()
        changed = (options.sheet or options.header_row or options.encoding or options.delimiter
                   or options.mapping_override
                   or options.coordinate_crs not in ("", DEFAULT_COORDINATE_CRS))
        self.import_options_box.setTitle(
            tr("Import options (changed)") if changed else tr("Import options"))

    def read_columns(self) -> None:
        """Read the table's columns in a task with the current import options."""
        path = self.table_file.filePath().strip()
        if not path:
            self.mapping_panel.show_error(tr("Choose the DTKS table file first."))
            return
        _detach_task(self.column_task)
        self.column_task = ColumnReadTask(path, self.import_options(), self._on_columns_read)
        self.mapping_panel.show_reading()
        QgsApplication.taskManager().addTask(self.column_task)

    def _on_columns_read(self, task: ColumnReadTask, successful: bool) -> None:
        if task is not self.column_task:
            return
        self.column_task = None
        if successful and task.table is not None:
            self.mapping_panel.show_columns(task.table)
        else:
            self._report_read_error(task)

    def _report_read_error(self, task) -> None:
        if task.error_message:
            self.mapping_panel.show_error(task.error_message)
        elif task.error_details:
            QgsMessageLog.logMessage(
                tr("Unexpected error while reading the table: {details}").format(
                    details=task.error_details),
                LOG_TAG, Qgis.MessageLevel.Critical)
            self.mapping_panel.show_error(tr(
                "Reading the table failed because of an internal error. The details are in "
                "the Log Messages panel, tab {tab}.").format(tab=LOG_TAG))
        else:
            self.mapping_panel.show_error(tr("Reading the table was canceled."))

    def import_options(self) -> pipeline.ImportOptions:
        """Return the dock's ImportOptions, leaving empty those the file's type does not use."""
        path = self.table_file.filePath().strip()
        spreadsheet, text_file = is_spreadsheet(path), is_text_table(path)
        return pipeline.ImportOptions(
            sheet=(self.sheet_combo.currentData() or "") if spreadsheet else "",
            header_row=self.header_row_spin.value(),
            encoding=(self.encoding_combo.currentData() or "") if text_file else "",
            delimiter=(self.delimiter_combo.currentData() or "") if text_file else "",
            mapping_override=self.mapping_panel.override() or None,
            code_list_path=self.code_list_file.filePath().strip(),
            coordinate_crs=crs_text(self.coordinate_crs.crs()))

    # Running

    def collect_request(self) -> RunRequest:
        """Return the inputs of a run, or raise InputError naming what is missing."""
        table_path = self.table_file.filePath().strip()
        if not table_path:
            raise InputError(tr("Choose the DTKS table file (CSV, TXT or Excel)."))

        boundary_path = self.boundary_file.filePath().strip()
        layer = self.boundary_layer.currentLayer()
        if boundary_path:
            if not os.path.isfile(boundary_path.split("|", 1)[0]):
                raise InputError(tr("Boundary file not found: {path}").format(path=boundary_path))
            boundaries = boundary_path
        elif layer is not None:
            boundaries = boundary_source_for_task(layer)
        else:
            raise InputError(tr(
                "Choose a village boundary layer of the project or a boundary file."))

        output_dir = self.output_dir.filePath().strip()
        if not output_dir:
            raise InputError(tr("Choose an output folder."))

        options = self.import_options()
        if options.code_list_path and not os.path.isfile(options.code_list_path):
            raise InputError(tr(
                "Region code list not found: {path}. Choose the file again under Import "
                "options, or clear the field.").format(path=options.code_list_path))

        # A project layer may reach the task as a memory copy, whose source
        # differs from the one the field choice was saved for.
        if layer is not None and not boundary_path:
            options.boundary_fields = saved_field_mapping(layer) or None
        options.min_name_score = self.min_name_score.value()
        return RunRequest(table_path=table_path, boundaries=boundaries,
                          region_text=self.region_edit.text().strip(),
                          output_dir=output_dir, options=options)

    def start_run(self) -> None:
        """Start a PipelineTask with the dock's inputs, unless one is running."""
        if self.task is not None:
            return
        try:
            request = self.collect_request()
        except InputError as error:
            self.show_message(str(error), Qgis.MessageLevel.Warning)
            return

        self.summary_text.clear()
        self.show_message(tr("Running..."), Qgis.MessageLevel.Info)
        self.task = PipelineTask(request, self._on_task_finished)
        self.task.progressChanged.connect(self._on_progress)
        self.task.feedback.step_started.connect(self._on_step_started)
        self._set_running(True)
        QgsApplication.taskManager().addTask(self.task)

    def cancel_run(self) -> None:
        """Ask the running task to stop; its finished handler resets the dock."""
        if self.task is not None:
            self.cancel_button.setEnabled(False)
            self.show_message(tr("Canceling..."), Qgis.MessageLevel.Info)
            self.task.cancel()

    def shutdown(self) -> None:
        """Cancel the running tasks and detach them, before the dock is deleted."""
        for task in (self.task, self.sheet_task, self.column_task):
            _detach_task(task)
        self.task = self.sheet_task = self.column_task = None
        self.map_panel.shutdown()

    def _on_progress(self, value: float) -> None:
        if self.task is not None:
            self.progress_bar.setValue(int(value))

    def _on_step_started(self, text: str) -> None:
        if self.task is not None:
            self.progress_bar.setFormat(f"{text} \u2013 %p%")

    def _on_task_finished(self, task: PipelineTask, successful: bool) -> None:
        self.task = None
        self._set_running(False)
        if not successful:
            discard_file(task.request.partial_gpkg_path)

        if task.error_message:
            self.show_message(task.error_message, Qgis.MessageLevel.Critical)
            return
        if task.error_details:
            QgsMessageLog.logMessage(
                tr("Unexpected error while processing the table: {details}").format(
                    details=task.error_details),
                LOG_TAG, Qgis.MessageLevel.Critical)
            self.show_message(tr(
                "Processing failed because of an internal error. The details are in the Log "
                "Messages panel, tab {tab}.").format(tab=LOG_TAG), Qgis.MessageLevel.Critical)
            return
        if not successful or task.result is None:
            self.show_message(tr("Canceled. No layers were added."), Qgis.MessageLevel.Info)
            return

        self._show_result(task)

    def _show_result(self, task: PipelineTask) -> None:
        result, request = task.result, task.request
        # Layers of an earlier run would keep the old file open, which blocks
        # replacing it on Windows.
        remove_layers_reading(QgsProject.instance(), request.gpkg_path)
        try:
            os.replace(request.partial_gpkg_path, request.gpkg_path)
        except OSError as error:
            self.show_message(tr(
                "The results could not be saved as {path}: {error}. Close programs that use "
                "this file and run again.").format(path=request.gpkg_path, error=error),
                Qgis.MessageLevel.Critical)
            return

        lines = pipeline.summary_lines(result.summary)
        if result.villages is not None and result.villages.repaired:
            lines.append(tr("{n} invalid village polygons were repaired.").format(
                n=result.villages.repaired))
        lines.append("")
        lines.append(tr("Results: {path}").format(path=request.gpkg_path))

        level = Qgis.MessageLevel.Success
        message = tr("Done. The results were added to the layer group \"{group}\".").format(
            group=RESULT_GROUP_NAME)
        if not result.region:
            lines.append(tr("No region code given, so no counts per village and no map were made."))
        else:
            map_error = export_map(result, request.pdf_path)
            if map_error:
                lines.append(tr("The map was not exported: {error}").format(error=map_error))
                level = Qgis.MessageLevel.Warning
                message = tr("Done, but the map was not exported. See the summary.")
            else:
                lines.append(tr("Map (PDF): {path}").format(path=request.pdf_path))

        layers = add_result_layers(QgsProject.instance(), request.gpkg_path)
        self.summary_text.setPlainText("\n".join(lines))
        self.show_message(message, level)
        self._zoom_to(layers)
        self._review(layers)
        recipient_layers = [layer for layer in layers if layer.name() == pipeline.LAYER_RECIPIENTS]
        self.map_panel.set_sources(
            result.recipients, result.table.mapping, result.villages,
            layer=recipient_layers[0] if recipient_layers else None,
            boundary=self.boundary_file.filePath().strip() or self.boundary_layer.currentLayer())

    def _review(self, layers: list) -> None:
        """Show the new recipient layer in the review tabs, with the run's boundaries."""
        recipients = [layer for layer in layers if layer.name() == pipeline.LAYER_RECIPIENTS]
        if recipients:
            self.review_panel.show_layer(recipients[0], self.boundary_layer.currentLayer(),
                                         self.boundary_file.filePath().strip())
            self.duplicate_panel.show_layer(recipients[0])

    def _zoom_to(self, layers: list) -> None:
        if self.iface is None or not layers:
            return
        by_name = {layer.name(): layer for layer in layers}
        layer = by_name.get(pipeline.LAYER_VILLAGE_COUNTS) or by_name.get(pipeline.LAYER_RECIPIENTS)
        if layer is None or layer.extent().isEmpty():
            return
        canvas = self.iface.mapCanvas()
        transform = QgsCoordinateTransform(layer.crs(), canvas.mapSettings().destinationCrs(),
                                           QgsProject.instance())
        extent = QgsRectangle(transform.transformBoundingBox(layer.extent()))
        extent.scale(1.05)
        canvas.setExtent(extent)
        canvas.refresh()


class InputError(Exception):
    """A missing or invalid input in the dock; the message is for the user."""


def is_spreadsheet(path: str) -> bool:
    """Return True for a path that read_table() opens as a spreadsheet (XLSX, XLS, ODS)."""
    return bool(path) and os.path.splitext(path)[1].lower() in EXCEL_EXTENSIONS


def is_text_table(path: str) -> bool:
    """Return True for a path that read_table() opens as delimited text (CSV, TXT, TSV)."""
    return bool(path) and os.path.splitext(path)[1].lower() in TEXT_EXTENSIONS


def crs_text(crs: QgsCoordinateReferenceSystem) -> str:
    """Return a CRS as ImportOptions.coordinate_crs text: its authority id, else its WKT."""
    if not crs.isValid():
        return ""
    return crs.authid() or "WKT:" + crs.toWkt()


def _remember_code_list(path: str) -> None:
    QgsSettings().setValue(CODE_LIST_SETTING, path)


def _detach_task(task) -> None:
    """Cancel ``task`` and drop its finished handler, so its result is ignored."""
    if task is not None:
        task.on_finished = None
        task.cancel()


def _form_layout(group: QGroupBox) -> QFormLayout:
    form = QFormLayout(group)
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
    form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
    form.setContentsMargins(6, 6, 6, 6)
    form.setVerticalSpacing(6)
    return form


def _polygon_layer_filter():
    # QGIS 3.34 moved the layer filters from QgsMapLayerProxyModel.Filter to Qgis.LayerFilter.
    layer_filter = getattr(Qgis, "LayerFilter", None)
    if layer_filter is not None:
        return layer_filter.PolygonLayer
    return QgsMapLayerProxyModel.Filter.PolygonLayer


def boundary_source_for_task(layer: QgsVectorLayer):
    """Return what the task may read of a project layer: its file URI or a private copy.

    A layer of the project must not be read from the task's thread,
    because the user may edit or remove it meanwhile. A file layer without
    unsaved edits is opened again from its URI, which keeps any subset
    filter. Any other layer is copied into a memory layer here, on the
    main thread.
    """
    if layer.providerType() == "ogr" and not layer.isModified():
        return layer.source()
    # NOTE: QGIS does not respond while the copy is made, which is noticeable only for
    # large layers such as all villages of a big province or of the country.
    return layer.materialize(QgsFeatureRequest())


def remove_layers_reading(project: QgsProject, path: str) -> None:
    """Remove the project's layers whose data source is the file ``path``."""
    target = os.path.normcase(os.path.abspath(path))
    doomed = []
    for layer in project.mapLayers().values():
        source = layer.source().split("|", 1)[0]
        if source and os.path.normcase(os.path.abspath(source)) == target:
            doomed.append(layer.id())
    if doomed:
        project.removeMapLayers(doomed)


def discard_file(path: str) -> None:
    """Delete ``path`` if it exists, logging a failure instead of raising."""
    try:
        os.remove(path)
    except FileNotFoundError:
        pass
    except OSError as error:
        QgsMessageLog.logMessage(
            tr("{path} could not be deleted: {error}").format(path=path, error=error),
            LOG_TAG, Qgis.MessageLevel.Warning)


def export_map(result, pdf_path: str) -> str:
    """Export the count map of the result's region to ``pdf_path``; return an error text or "".

    Runs on the main thread, because print layouts are not thread safe.
    """
    from ..gis.atlas import MapError

    try:
        pipeline.export_region_map(result, pdf_path)
    except (MapError, ValueError, RuntimeError) as error:
        # The map modules raise these with a message for the user.
        return str(error)
    return ""


def add_result_layers(project: QgsProject, gpkg_path: str) -> list:
    """Add the GeoPackage's result layers, styled, to the group "DTKS Spasial"; return them.

    A layer missing from the GeoPackage is skipped: there is no
    jumlah_per_desa layer when the run had no region code. The
    garis_duplikat layer is skipped when it has no line, because no group
    has members in different villages.
    """
    root = project.layerTreeRoot()
    group = root.findGroup(RESULT_GROUP_NAME) or root.insertGroup(0, RESULT_GROUP_NAME)
    added = []
    for name in RESULT_LAYERS:
        layer = QgsVectorLayer(f"{gpkg_path}|layername={name}", name, "ogr")
        if not layer.isValid():
            continue
        if name == pipeline.LAYER_DUPLICATE_LINES:
            if layer.featureCount() == 0:
                continue
            _load_style(layer, DUPLICATE_LINE_STYLE)
        elif name == pipeline.LAYER_RECIPIENTS:
            style_recipient_layer(layer)
        elif name == pipeline.LAYER_VILLAGE_COUNTS:
            style_village_count_layer(layer)
        project.addMapLayer(layer, False)
        # Above the layers of earlier runs, in the order of RESULT_LAYERS.
        group.insertLayer(len(added), layer)
        added.append(layer)
    return added


def style_recipient_layer(layer: QgsVectorLayer) -> None:
    """Apply penerima.qml and translate the legend labels of its rules."""
    if not _load_style(layer, RECIPIENT_STYLE):
        return
    labels = recipient_rule_labels()
    root = layer.renderer().rootRule()
    for rule in root.descendants():
        if rule.description() in labels:
            rule.setLabel(labels[rule.description()])


def recipient_rule_labels() -> dict:
    """Return the translated legend label of each rule of penerima.qml, by rule description."""
    return {
        "duplikat": tr("Suspected duplicate (member of a duplicate group)"),
        "metode_kode": tr("Village found by region code"),
        "metode_nama": tr("Village found by village name"),
        "metode_koordinat": tr("Village found by coordinate"),
        "metode_manual": tr("Village assigned by hand"),
        "metode_tidak_cocok": tr("No village found"),
        "titik_koordinat": tr("Coordinate from the table"),
        "titik_perkiraan": tr("Placed inside the village (approximate)"),
    }


def style_village_count_layer(layer: QgsVectorLayer) -> None:
    """Apply desa_jumlah.qml, then recompute its classes from this layer's counts.

    The classes are those of the printed map (gis.thematic), so screen and
    PDF agree. The classes stored in the .qml come from the Kaur sample.
    """
    _load_style(layer, VILLAGE_COUNT_STYLE)
    try:
        apply_count_renderer(layer, "jumlah")
    except ValueError as error:
        QgsMessageLog.logMessage(
            tr("The village counts could not be classified: {error}").format(error=error),
            LOG_TAG, Qgis.MessageLevel.Warning)


def _load_style(layer: QgsVectorLayer, path: Path) -> bool:
    message, ok = layer.loadNamedStyle(str(path), STYLE_CATEGORIES)
    if not ok:
        QgsMessageLog.logMessage(
            tr("Style {path} could not be loaded: {error}").format(path=path, error=message),
            LOG_TAG, Qgis.MessageLevel.Warning)
    return ok
