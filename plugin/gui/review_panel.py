"""The "Review locations" tab of the dock: list problem rows and assign villages by hand.

The panel only shows and calls gis.review, which does the filtering and
the writing. The table reads its rows from the layer in pages, so a layer
with a million rows needs only the feature ids of the listed rows in memory.
"""

from collections import OrderedDict

from qgis.core import (
    Qgis, QgsApplication, QgsCoordinateTransform, QgsFeatureRequest, QgsGeometry, QgsMessageLog,
    QgsProject, QgsRectangle,
)
from qgis.PyQt.QtCore import QAbstractTableModel, QModelIndex, Qt
from qgis.PyQt.QtWidgets import (
    QAbstractItemView, QApplication, QDoubleSpinBox, QHBoxLayout, QHeaderView, QInputDialog,
    QLabel, QListWidget, QListWidgetItem, QPushButton, QTableView, QWidget,
)

from .. import LOG_TAG
from ..core import records
from ..core.privacy import mask_number
from ..gis import review
from ..gis.boundaries import WGS84, BoundaryError, load_villages
from ..i18n import tr
from . import pickers
from .mapping_panel import FocusWheelComboBox
from .task import ReviewRowsTask

# Rows read from the layer at a time, and pages kept in memory.
PAGE_SIZE = 200
MAX_CACHED_PAGES = 20
# Layers with this many features or more are counted and listed in a task.
# A saved GeoPackage of 1,000,000 rows took about 1 s on the main thread.
BACKGROUND_MIN_ROWS = 100_000


def filter_labels() -> dict:
    """Return the translated label of each review filter, by key."""
    return {
        review.FILTER_CONFLICTS: tr("All problems"),
        review.FILTER_TIDAK_COCOK: tr("No village found (tidak_cocok)"),
        review.FILTER_BEDA_DESA: tr("Point in another village (beda_desa)"),
        review.FILTER_DI_LUAR: tr("Point outside every village (di_luar_wilayah)"),
        review.FILTER_TERTUKAR: tr("Latitude and longitude swapped (tertukar)"),
        review.FILTER_NAMA_BEDA_KODE: tr("Village name differs from the code (nama_desa_beda_kode)"),
        review.FILTER_LOW_SCORE: tr("Village found by name with a low score"),
        review.FILTER_MANUAL: tr("Assigned by hand"),
    }


class ReviewTableModel(QAbstractTableModel):
    """The rows of one review filter, read from the layer in pages of PAGE_SIZE features."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.layer = None
        self.fids = []
        self.source = {}
        self._pages = OrderedDict()
        self.columns = [
            (records.BARIS, tr("Row")),
            (records.NIK, tr("NIK")),
            ("desa", tr("Village (table)")),
            ("kecamatan", tr("District (table)")),
            (records.KODE_DESA, tr("Village code")),
            (records.NAMA_DESA, tr("Village")),
            (records.METODE_LOKASI, tr("Method")),
            (records.SKOR_LOKASI, tr("Score")),
            (records.STATUS_KOORDINAT, tr("Status")),
            (records.JARAK_DESA_M, tr("Distance (m)")),
        ]

    def set_rows(self, layer, fids) -> None:
        """Show the features ``fids`` (a sequence of feature ids) of ``layer``."""
        self.beginResetModel()
        self.layer = layer
        self.fids = fids
        self.source = review.source_fields(layer) if layer is not None else {}
        self._pages.clear()
        self.endResetModel()

    def clear(self) -> None:
        self.set_rows(None, [])

    def fid(self, row: int) -> int:
        return self.fids[row]

    def rowCount(self, parent=QModelIndex()):  # noqa: N802 (Qt API)
        return 0 if parent.isValid() else len(self.fids)

    def columnCount(self, parent=QModelIndex()):  # noqa: N802 (Qt API)
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.columns[section][1]
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole,
                                               Qt.ItemDataRole.TextAlignmentRole):
            return None
        name = self.columns[index.column()][0]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            numeric = name in (records.BARIS, records.SKOR_LOKASI, records.JARAK_DESA_M)
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter) \
                if numeric else None
        row = self._row(index.row())
        if row is None:
            return None
        return display_text(name, row.get(self.source.get(name, name)))

    def _row(self, number: int):
        page = number // PAGE_SIZE
        rows = self._pages.get(page)
        if rows is None:
            rows = self._load_page(page)
        else:
            self._pages.move_to_end(page)
        return rows.get(self.fids[number])

    def _load_page(self, page: int) -> dict:
        names = [name for name, _ in self.columns if name not in ("desa", "kecamatan")]
        names += list(self.source.values())
        fids = self.fids[page * PAGE_SIZE:(page + 1) * PAGE_SIZE]
        rows = review.read_rows(self.layer, fids, names)
        self._pages[page] = rows
        while len(self._pages) > MAX_CACHED_PAGES:
            self._pages.popitem(last=False)
        return rows


def counting_text() -> str:
    return tr("Counting the rows to review...")


def display_text(name: str, value) -> str:
    """Return the table text of a field value; NIK and KK numbers are masked."""
    if value is None:
        return ""
    if name in (records.NIK, records.NO_KK):
        return mask_number(value)
    if name == records.SKOR_LOKASI:
        return f"{float(value):.1f}"
    if name == records.JARAK_DESA_M:
        return f"{float(value):.0f}"
    return str(value)


class ReviewPanel(QWidget):
    """List problem rows of a recipient layer, show candidates, assign villages by hand."""

    def __init__(self, iface=None, parent=None):
        super().__init__(parent)
        self.iface = iface
        self.villages = None
        self._villages_source = None
        self._layer = None
        # The running ReviewRowsTask, and a number that grows with each new listing.
        self._task = None
        self._request = 0
        self._build_widgets()
        self._connect_signals()
        self._update_layer_exceptions()
        self._update_buttons()

    # Widgets

    def _build_widgets(self) -> None:
        layout, form = pickers.panel_layouts(self)

        self.layer_combo = pickers.add_recipient_layer_row(form)
        self.boundary_combo, self.boundary_file = pickers.add_boundary_rows(form, tr(
            "Village boundary layer that gives the village names and polygons. Assigning a "
            "village checks its code and re-snaps the row against these boundaries."))

        row = QHBoxLayout()
        self.filter_combo = FocusWheelComboBox()
        for key, label in filter_labels().items():
            self.filter_combo.addItem(label, key)
        self.filter_combo.setToolTip(tr(
            "Rows to list. Problem lists leave out rows whose village was assigned by hand."))
        row.addWidget(self.filter_combo, 1)
        self.score_spin = QDoubleSpinBox()
        self.score_spin.setRange(0.0, 100.0)
        self.score_spin.setDecimals(0)
        self.score_spin.setValue(review.DEFAULT_LOW_SCORE)
        self.score_spin.setPrefix("< ")
        self.score_spin.setToolTip(tr(
            "Name score (0-100) below which a village found by name is listed as a low score."))
        row.addWidget(self.score_spin)
        self.refresh_button = QPushButton(tr("Refresh"))
        self.refresh_button.setToolTip(tr("Count the rows of each list again and reload the table."))
        row.addWidget(self.refresh_button)
        form.addRow(tr("Show"), row)
        layout.addLayout(form)

        self.model = ReviewTableModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(22)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        layout.addWidget(self.table, 3)

        candidates_title = QLabel(tr("Villages to choose from"))
        candidates_title.setStyleSheet("font-weight: bold;")
        layout.addWidget(candidates_title)
        self.candidate_list = QListWidget()
        self.candidate_list.setToolTip(tr(
            "Villages whose names are closest to the row's village name, and the village "
            "containing the row's point when it is not the registered one."))
        layout.addWidget(self.candidate_list, 1)

        buttons = QHBoxLayout()
        self.assign_button = QPushButton(tr("Assign this village"))
        self.assign_button.setToolTip(tr(
            "Give the village chosen above to every selected row. The choice is stored in the "
            "layer (kode_desa_manual) and kept when the snap or the whole run is repeated."))
        self.assign_code_button = QPushButton(tr("Assign by code..."))
        self.assign_code_button.setToolTip(tr(
            "Type the Kemendagri code of the village to give to every selected row."))
        self.clear_button = QPushButton(tr("Clear manual assignment"))
        self.clear_button.setToolTip(tr(
            "Remove the village assigned by hand from the selected rows. They get the village "
            "found from the table's code, name or point again."))
        for button in (self.assign_button, self.assign_code_button, self.clear_button):
            buttons.addWidget(button)
        layout.addLayout(buttons)

        self.message_label = pickers.message_label()
        layout.addWidget(self.message_label)

    def _connect_signals(self) -> None:
        self.layer_combo.layerChanged.connect(self._on_layer_changed)
        pickers.connect_boundary_pair(self.boundary_combo, self.boundary_file,
                                      self._on_boundary_changed)
        self.filter_combo.currentIndexChanged.connect(self.reload_rows)
        self.score_spin.editingFinished.connect(self.refresh)
        self.refresh_button.clicked.connect(self.refresh)
        self.table.selectionModel().selectionChanged.connect(self._on_selection_changed)
        self.candidate_list.currentRowChanged.connect(self._update_buttons)
        self.assign_button.clicked.connect(self.assign_candidate)
        self.assign_code_button.clicked.connect(self.ask_code)
        self.clear_button.clicked.connect(self.clear_selected)
        project = QgsProject.instance()
        project.layersAdded.connect(self._update_layer_exceptions)
        project.layerWillBeRemoved.connect(self._on_layer_removed)

    # Layers

    def show_layer(self, layer, boundary_layer=None, boundary_file: str = "") -> None:
        """Choose the recipient layer and the boundaries, e.g. those of the run just made."""
        self._update_layer_exceptions()
        if boundary_file:
            self.boundary_file.setFilePath(boundary_file)
        elif boundary_layer is not None:
            self.boundary_combo.setLayer(boundary_layer)
        self.layer_combo.setLayer(layer)
        if self._layer is not layer:
            self._on_layer_changed(layer)

    def _update_layer_exceptions(self, *_args) -> None:
        """Hide the project's point layers that lack the recipient fields."""
        pickers.update_layer_exceptions(self.layer_combo, review.is_recipient_layer)

    def _on_layer_changed(self, layer) -> None:
        self._layer = layer if review.is_recipient_layer(layer) else None
        self.refresh()

    def _on_layer_removed(self, layer_id: str) -> None:
        if self._layer is not None and self._layer.id() == layer_id:
            self._layer = None
            self._list_rows(with_counts=True)

    def _on_boundary_changed(self) -> None:
        self.villages = None

    def boundary_source(self):
        """Return the chosen boundary file path, the chosen layer, or None."""
        return pickers.boundary_source(self.boundary_combo, self.boundary_file)

    def load_boundaries(self, quiet: bool = False):
        """Return the VillageLayer of the chosen boundaries, reading it on first use.

        Returns None when no usable boundary is chosen, and then shows why
        unless ``quiet``.
        """
        source = self.boundary_source()
        if source is None:
            if not quiet:
                    self.show_message(tr("Choose the village boundary layer or file first."),
                                  Qgis.MessageLevel.Warning)
            return None
        key = source if isinstance(source, str) else source.id()
        if self.villages is not None and self._villages_source == key:
            return self.villages
        # NOTE: the boundaries are read on the main thread. Reading the villages
        # of a large province takes a few seconds, once per boundary choice.
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self.villages = load_villages(source)
        except BoundaryError as error:
            self.villages = None
            self.show_message(str(error), Qgis.MessageLevel.Critical)
            return None
        finally:
            QApplication.restoreOverrideCursor()
        self._villages_source = key
        return self.villages

    # Rows

    def current_filter(self) -> str:
        return self.filter_combo.currentData()

    def refresh(self) -> None:
        """Count the rows of every filter and reload the table."""
        self._list_rows(with_counts=True)

    def _update_counts(self, counts: dict) -> None:
        labels = filter_labels()
        for index in range(self.filter_combo.count()):
            key = self.filter_combo.itemData(index)
            text = labels[key]
            if key in counts:
                text = tr("{label} ({n})").format(label=text, n=counts[key])
            self.filter_combo.setItemText(index, text)

    def reload_rows(self, *_args) -> None:
        """List the rows of the chosen filter."""
        self._list_rows(with_counts=False)

    def _list_rows(self, with_counts: bool) -> None:
        """List the chosen filter's rows, and count every filter too ``with_counts``.

        A layer of BACKGROUND_MIN_ROWS features or more is read in a
        ReviewRowsTask, which the task manager can cancel. Its result is
        used only if nothing was asked of the panel since.
        """
        self.candidate_list.clear()
        self._request += 1
        if self._task is not None:
            self._task.cancel()
            self._task = None
        layer = self._layer
        if layer is None:
            self._update_counts({})
            self.model.clear()
            self._update_buttons()
            return
        key, low_score = self.current_filter(), self.score_spin.value()
        if layer.featureCount() < BACKGROUND_MIN_ROWS:
            if with_counts:
                self._update_counts(review.count_filters(layer, low_score))
            self.model.set_rows(layer, review.matching_ids(layer, key, low_score))
            self._update_buttons()
            return
        self.model.clear()
        self._update_buttons()
        # A message already shown, such as the result of an assignment, stays.
        if not self.message_label.text():
            self.show_message(counting_text())
        request = self._request
        self._task = ReviewRowsTask(
            review.row_source(layer), key, low_score, with_counts,
            lambda task, successful: self._rows_listed(task, successful, request))
        QgsApplication.taskManager().addTask(self._task)

    def _rows_listed(self, task, successful: bool, request: int) -> None:
        if request != self._request or self._layer is None:
            return
        self._task = None
        if task.error_details:
            QgsMessageLog.logMessage(
                tr("Unexpected error while listing the rows to review: {details}").format(
                    details=task.error_details), LOG_TAG, Qgis.MessageLevel.Critical)
            self.show_message(tr(
                "Listing the rows failed because of an internal error. The details are in the "
                "Log Messages panel, tab {tab}.").format(tab=LOG_TAG), Qgis.MessageLevel.Critical)
            return
        if not successful:
            self.show_message(tr("Listing the rows was canceled."))
            return
        if task.with_counts:
            self._update_counts(task.counts)
        self.model.set_rows(self._layer, task.fids)
        if self.message_label.text() == counting_text():
            self.message_label.clear()
        self._update_buttons()

    def selected_fids(self) -> list:
        rows = sorted(index.row() for index in self.table.selectionModel().selectedRows())
        return [self.model.fid(row) for row in rows]

    def _on_selection_changed(self, *_args) -> None:
        self.candidate_list.clear()
        fids = self.selected_fids()
        if fids:
            # The row last clicked, when it is selected, else the first selected row.
            current = self.table.selectionModel().currentIndex()
            fid = self.model.fid(current.row()) if current.isValid() else None
            if fid not in fids:
                fid = fids[0]
            villages = self.load_boundaries(quiet=True)
            self._show_candidates(fid, villages)
            self._show_on_map(fid, fids, villages)
        self._update_buttons()

    def _show_candidates(self, fid: int, villages) -> None:
        names = [records.KODE_DESA, records.KANDIDAT_DESA, records.KODE_DESA_KOORDINAT]
        row = review.read_rows(self._layer, [fid], names).get(fid)
        if row is None:
            return
        for code, name, score in review.candidate_villages(
                row[records.KANDIDAT_DESA], row[records.KODE_DESA],
                row[records.KODE_DESA_KOORDINAT], villages):
            if score is None:
                text = tr("{code} {name} (village containing the point)").format(
                    code=code, name=name)
            else:
                text = tr("{code} {name} (name score {score:.0f})").format(
                    code=code, name=name, score=score)
            item = QListWidgetItem(text.replace("  ", " "))
            item.setData(Qt.ItemDataRole.UserRole, code)
            self.candidate_list.addItem(item)
        if self.candidate_list.count():
            self.candidate_list.setCurrentRow(0)

    def _show_on_map(self, fid: int, fids: list, villages) -> None:
        """Select the rows on the map, zoom to the row and its registered village, flash it."""
        self._layer.selectByIds(fids)
        if self.iface is None:
            return
        canvas = self.iface.mapCanvas()
        feature = next(self._layer.getFeatures(QgsFeatureRequest(fid)), None)
        if feature is None:
            return
        extent = QgsRectangle()
        geometry = feature.geometry()
        if geometry is not None and not geometry.isEmpty():
            extent = _transformed_box(geometry, self._layer.crs(), canvas)
        code = feature[records.KODE_DESA]
        if villages is not None and code in villages.geometries:
            village_box = _transformed_box(villages.geometries[code], WGS84, canvas)
            if extent.isNull():
                extent = village_box
            else:
                extent.combineExtentWith(village_box)
        if extent.isNull():
            return
        if extent.width() == 0 or extent.height() == 0:
            canvas.zoomToFeatureIds(self._layer, [fid])
        else:
            extent.scale(1.2)
            canvas.setExtent(extent)
        canvas.refresh()
        if geometry is not None and not geometry.isEmpty():
            canvas.flashFeatureIds(self._layer, [fid])

    # Assigning

    def _update_buttons(self, *_args) -> None:
        has_rows = self._layer is not None and bool(self.table.selectionModel().selectedRows())
        self.assign_button.setEnabled(has_rows and self.candidate_list.currentItem() is not None)
        self.assign_code_button.setEnabled(has_rows)
        self.clear_button.setEnabled(has_rows)

    def assign_candidate(self) -> None:
        """Give the chosen candidate village to the selected rows."""
        item = self.candidate_list.currentItem()
        if item is not None:
            self.assign(item.data(Qt.ItemDataRole.UserRole))

    def ask_code(self) -> None:
        """Ask for a village code and give that village to the selected rows."""
        text, accepted = QInputDialog.getText(
            self, tr("Assign by code"),
            tr("Kemendagri code of the village, e.g. 17.04.01.2001:"))
        if accepted and text.strip():
            self.assign_code(text)

    def assign_code(self, text: str) -> None:
        """Give the village with the typed code to the selected rows."""
        villages = self.load_boundaries()
        if villages is None:
            return
        try:
            village = review.village_for_code(villages, text)
        except review.ReviewError as error:
            self.show_message(str(error), Qgis.MessageLevel.Warning)
            return
        self.assign(village.code)

    def assign(self, code: str) -> None:
        """Give the village ``code`` to the selected rows and save the layer."""
        fids = self.selected_fids()
        villages = self.load_boundaries()
        if not fids or villages is None:
            return
        self._apply(lambda: review.assign_village(self._layer, fids, code, villages),
                    tr("Village {code} {name} assigned to {n} rows.").format(
                        code=code, name=villages.villages[code].name if code in villages.villages
                        else "", n=len(fids)))

    def clear_selected(self) -> None:
        """Remove the hand-assigned village of the selected rows and save the layer."""
        fids = self.selected_fids()
        villages = self.load_boundaries()
        if not fids or villages is None:
            return
        self._apply(lambda: review.clear_assignment(self._layer, fids, villages),
                    tr("Manual assignment cleared for {n} rows.").format(n=len(fids)))

    def _apply(self, change, done_message: str) -> None:
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            saved = change()
        except review.ReviewError as error:
            self.show_message(str(error), Qgis.MessageLevel.Critical)
            return
        finally:
            QApplication.restoreOverrideCursor()
        if saved:
            self.show_message(done_message, Qgis.MessageLevel.Success)
        else:
            self.show_message(done_message + " " + tr(
                "The layer is in edit mode, so the change is in its edit buffer: save the "
                "layer edits to keep it."), Qgis.MessageLevel.Info)
        self._layer.triggerRepaint()
        self.refresh()

    def show_message(self, text: str, level=Qgis.MessageLevel.Info) -> None:
        pickers.show_message(self.message_label, text, level)


def _transformed_box(geometry: QgsGeometry, crs, canvas) -> QgsRectangle:
    transform = QgsCoordinateTransform(crs, canvas.mapSettings().destinationCrs(),
                                       QgsProject.instance())
    return QgsRectangle(transform.transformBoundingBox(geometry.boundingBox()))
