"""The "Suspected duplicates" tab of the dock: review duplicate groups and decide on them.

The panel only shows and calls gis.duplicate_review, which reads the
groups and writes the decisions. NIK and KK numbers are masked in the
tables. Names are shown in the comparison table only, because the analyst
needs them to decide. They never go into messages or the log.
"""

from qgis.core import Qgis, QgsFeatureRequest, QgsProject, QgsRectangle
from qgis.PyQt.QtCore import QAbstractTableModel, QModelIndex, Qt
from qgis.PyQt.QtGui import QBrush, QColor, QFont
from qgis.PyQt.QtWidgets import (
    QAbstractItemView, QApplication, QHBoxLayout, QHeaderView, QLabel, QPushButton, QSplitter,
    QTableView, QWidget,
)

from ..core import records
from ..core.duplicates import KEPUTUSAN_BUKAN_DUPLIKAT, KEPUTUSAN_HAPUS, KEPUTUSAN_SIMPAN
from ..core.privacy import mask_number
from ..gis import duplicate_review
from ..i18n import tr
from . import pickers
from .mapping_panel import FocusWheelComboBox
from .review_panel import _transformed_box

# Groups added to the list view at a time as it scrolls.
FETCH_SIZE = 500
# Background of the values that differ between the members of a group.
DIFFERENT_COLOR = "#ffd8a8"

# Choices of the groups that the list shows.
SHOW_ALL = "all"
SHOW_UNDECIDED = "undecided"
SHOW_DECIDED = "decided"


def show_labels() -> dict:
    """Return the translated label of each group list choice, by key."""
    return {
        SHOW_ALL: tr("All groups"),
        SHOW_UNDECIDED: tr("Undecided groups"),
        SHOW_DECIDED: tr("Decided groups"),
    }


def decision_labels() -> dict:
    """Return the translated label of each decision of a whole group (GROUP_* values)."""
    return {
        duplicate_review.GROUP_UNDECIDED: "",
        duplicate_review.GROUP_NOT_DUPLICATES: tr("Not duplicates (bukan_duplikat)"),
        duplicate_review.GROUP_KEPT: tr("One row kept (simpan)"),
        duplicate_review.GROUP_PARTLY: tr("Partly decided"),
    }


def row_decision_labels() -> dict:
    """Return the translated label of a row's keputusan_duplikat value."""
    return {
        KEPUTUSAN_BUKAN_DUPLIKAT: tr("Not a duplicate (bukan_duplikat)"),
        KEPUTUSAN_SIMPAN: tr("Keep (simpan)"),
        KEPUTUSAN_HAPUS: tr("Remove (hapus)"),
    }


def field_labels() -> dict:
    """Return the translated label of each contract field shown in the comparison table."""
    return {
        records.NIK: tr("NIK"),
        records.NO_KK: tr("KK number"),
        records.NAMA: tr("Name"),
        records.TGL_LAHIR: tr("Birth date"),
        records.JENIS_KELAMIN: tr("Sex"),
        records.KODE_DESA: tr("Village code"),
        records.NAMA_DESA: tr("Village"),
        records.KEPUTUSAN_DUPLIKAT: tr("Decision"),
    }


def value_text(name: str, value) -> str:
    """Return the comparison table text of a value, with NIK and KK numbers masked."""
    if value is None:
        return ""
    if duplicate_review.is_identity_field(name):
        return mask_number(value)
    if name == records.KEPUTUSAN_DUPLIKAT:
        return row_decision_labels().get(value, str(value))
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


class GroupListModel(QAbstractTableModel):
    """The groups of a layer, highest score first, handed to the view in batches."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.groups = []
        self._fetched = 0
        self.columns = [tr("Group"), tr("Rows"), tr("Score"), tr("Reasons"), tr("Villages"),
                        tr("Decision")]

    def set_groups(self, groups) -> None:
        self.beginResetModel()
        self.groups = list(groups)
        self._fetched = min(len(self.groups), FETCH_SIZE)
        self.endResetModel()

    def group(self, row: int):
        return self.groups[row]

    def row_of(self, group_id: str) -> int:
        """Return the list position of a group (fetching up to it), or -1."""
        for number, group in enumerate(self.groups):
            if group.group_id == group_id:
                while self._fetched <= number:
                    self.fetchMore(QModelIndex())
                return number
        return -1

    def set_decision(self, row: int, decision: str) -> None:
        self.groups[row].decision = decision
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.columns) - 1))

    def rowCount(self, parent=QModelIndex()):  # noqa: N802 (Qt API)
        return 0 if parent.isValid() else self._fetched

    def columnCount(self, parent=QModelIndex()):  # noqa: N802 (Qt API)
        return 0 if parent.isValid() else len(self.columns)

    def canFetchMore(self, parent=QModelIndex()):  # noqa: N802 (Qt API)
        return not parent.isValid() and self._fetched < len(self.groups)

    def fetchMore(self, parent=QModelIndex()):  # noqa: N802 (Qt API)
        if parent.isValid():
            return
        count = min(FETCH_SIZE, len(self.groups) - self._fetched)
        if count <= 0:
            return
        self.beginInsertRows(QModelIndex(), self._fetched, self._fetched + count - 1)
        self._fetched += count
        self.endInsertRows()

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.columns[section]
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.row() >= self._fetched:
            return None
        group = self.groups[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter) \
                if column in (1, 2) else None
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        if column == 0:
            return group.group_id
        if column == 1:
            return str(group.size)
        if column == 2:
            return "" if group.score is None else f"{group.score:.1f}"
        if column == 3:
            return group.reasons
        if column == 4:
            return ", ".join(group.villages)
        return decision_labels().get(group.decision, group.decision)


class ComparisonModel(QAbstractTableModel):
    """The members of one group side by side: a column per row, a line per field."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.members = []
        self.names = []
        self.differing = set()
        self._labels = field_labels()

    def set_members(self, members, names) -> None:
        self.beginResetModel()
        self.members = list(members)
        self.names = list(names)
        compared = [name for name in self.names if name != records.KEPUTUSAN_DUPLIKAT]
        self.differing = set(duplicate_review.differing_fields(self.members, compared))
        self.endResetModel()

    def clear(self) -> None:
        self.set_members([], [])

    def member(self, column: int):
        return self.members[column]

    def rowCount(self, parent=QModelIndex()):  # noqa: N802 (Qt API)
        return 0 if parent.isValid() else len(self.names)

    def columnCount(self, parent=QModelIndex()):  # noqa: N802 (Qt API)
        return 0 if parent.isValid() else len(self.members)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return tr("Row {n}").format(n=self.members[section].baris)
        name = self.names[section]
        return self._labels.get(name, name)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        name = self.names[index.row()]
        member = self.members[index.column()]
        differs = name in self.differing
        if role == Qt.ItemDataRole.DisplayRole:
            return value_text(name, member.values.get(name))
        if role == Qt.ItemDataRole.BackgroundRole and differs:
            return QBrush(QColor(DIFFERENT_COLOR))
        if role == Qt.ItemDataRole.ForegroundRole and differs:
            return QBrush(QColor("#000000"))
        if role == Qt.ItemDataRole.FontRole and differs:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole and differs:
            return tr("This value differs between the rows of the group.")
        return None


class DuplicatePanel(QWidget):
    """List the duplicate groups of a recipient layer, compare their rows, store decisions."""

    def __init__(self, iface=None, parent=None):
        super().__init__(parent)
        self.iface = iface
        self._layer = None
        self._all_groups = []
        self._locked = False
        self._build_widgets()
        self._connect_signals()
        self._update_layer_exceptions()
        self._update_buttons()

    # Widgets

    def _build_widgets(self) -> None:
        layout, form = pickers.panel_layouts(self)

        self.layer_combo = pickers.add_recipient_layer_row(form)

        row = QHBoxLayout()
        self.show_combo = FocusWheelComboBox()
        for key, label in show_labels().items():
            self.show_combo.addItem(label, key)
        self.show_combo.setToolTip(tr("Groups to list, highest score first."))
        row.addWidget(self.show_combo, 1)
        self.refresh_button = QPushButton(tr("Refresh"))
        self.refresh_button.setToolTip(tr("Read the groups of the layer again."))
        row.addWidget(self.refresh_button)
        form.addRow(tr("Show"), row)
        layout.addLayout(form)

        self.count_label = QLabel()
        layout.addWidget(self.count_label)

        splitter = QSplitter(Qt.Orientation.Vertical)
        self.group_model = GroupListModel(self)
        self.group_view = QTableView()
        self.group_view.setModel(self.group_model)
        self.group_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.group_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.group_view.setAlternatingRowColors(True)
        self.group_view.verticalHeader().setVisible(False)
        self.group_view.verticalHeader().setDefaultSectionSize(22)
        self.group_view.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.Interactive)
        self.group_view.horizontalHeader().setStretchLastSection(True)
        splitter.addWidget(self.group_view)

        self.comparison_model = ComparisonModel(self)
        self.comparison_view = QTableView()
        self.comparison_view.setModel(self.comparison_model)
        self.comparison_view.setSelectionBehavior(
            QAbstractItemView.SelectionBehavior.SelectColumns)
        self.comparison_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.comparison_view.verticalHeader().setDefaultSectionSize(22)
        self.comparison_view.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.Interactive)
        self.comparison_view.setToolTip(tr(
            "The rows of the chosen group side by side. Values that differ between the rows "
            "are highlighted. Click a column to choose the row to keep."))
        splitter.addWidget(self.comparison_view)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        layout.addWidget(splitter, 1)

        buttons = QHBoxLayout()
        self.not_duplicates_button = QPushButton(tr("Not duplicates"))
        self.not_duplicates_button.setToolTip(tr(
            "Mark the rows of the group as different people (bukan_duplikat). The next run "
            "does not group them together again."))
        self.keep_button = QPushButton(tr("Keep this row"))
        self.keep_button.setToolTip(tr(
            "Keep the row chosen in the comparison table (simpan) and mark the other rows of "
            "the group for removal (hapus). The next run reports the group again with these "
            "decisions."))
        self.undo_button = QPushButton(tr("Undo decision"))
        self.undo_button.setToolTip(tr(
            "Remove the decision on the group from the layer and from the decisions stored "
            "for the next run."))
        self.zoom_button = QPushButton(tr("Zoom to group"))
        self.zoom_button.setToolTip(tr("Zoom the map to the rows of the group and select them."))
        for button in (self.not_duplicates_button, self.keep_button, self.undo_button,
                       self.zoom_button):
            buttons.addWidget(button)
        layout.addLayout(buttons)

        self.message_label = pickers.message_label()
        layout.addWidget(self.message_label)

    def _connect_signals(self) -> None:
        self.layer_combo.layerChanged.connect(self._on_layer_changed)
        self.show_combo.currentIndexChanged.connect(self._show_groups)
        self.refresh_button.clicked.connect(self.refresh)
        self.group_view.selectionModel().selectionChanged.connect(self._on_group_changed)
        self.comparison_view.selectionModel().selectionChanged.connect(self._update_buttons)
        self.not_duplicates_button.clicked.connect(self.mark_not_duplicates)
        self.keep_button.clicked.connect(self.keep_selected_row)
        self.undo_button.clicked.connect(self.undo)
        self.zoom_button.clicked.connect(self.zoom_to_group)
        project = QgsProject.instance()
        project.layersAdded.connect(self._update_layer_exceptions)
        project.layerWillBeRemoved.connect(self._on_layer_removed)

    # Layers

    def show_layer(self, layer) -> None:
        """Choose the recipient layer, e.g. that of the run just made, and list its groups."""
        self._update_layer_exceptions()
        self.layer_combo.setLayer(layer)
        if self._layer is not layer:
            self._on_layer_changed(layer)

    def _update_layer_exceptions(self, *_args) -> None:
        """Hide the project's point layers that lack the duplicate fields."""
        pickers.update_layer_exceptions(self.layer_combo, duplicate_review.is_duplicate_layer)

    def _on_layer_changed(self, layer) -> None:
        self._layer = layer if duplicate_review.is_duplicate_layer(layer) else None
        self.refresh()

    def _on_layer_removed(self, layer_id: str) -> None:
        if self._layer is not None and self._layer.id() == layer_id:
            self._layer = None
            self._all_groups = []
            self._show_groups()

    # Groups

    def refresh(self, *_args) -> None:
        """Read the groups of the layer again and list them."""
        if self._layer is None:
            self._all_groups = []
        else:
            QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
            try:
                self._all_groups = duplicate_review.list_groups(self._layer)
            finally:
                QApplication.restoreOverrideCursor()
        self._show_groups()

    def _show_groups(self, *_args) -> None:
        choice = self.show_combo.currentData()
        if choice == SHOW_UNDECIDED:
            groups = [group for group in self._all_groups
                      if group.decision == duplicate_review.GROUP_UNDECIDED]
        elif choice == SHOW_DECIDED:
            groups = [group for group in self._all_groups
                      if group.decision != duplicate_review.GROUP_UNDECIDED]
        else:
            groups = self._all_groups
        self.comparison_model.clear()
        self.group_model.set_groups(groups)
        for column in range(3):
            self.group_view.resizeColumnToContents(column)
        self._show_groups_count()
        self._update_buttons()

    def current_group(self):
        """Return the GroupSummary selected in the list, or None."""
        rows = self.group_view.selectionModel().selectedRows()
        if not rows or self._layer is None:
            return None
        return self.group_model.group(rows[0].row())

    def select_group(self, group_id: str) -> bool:
        """Select a group of the list by id, or return False when the list does not show it."""
        row = self.group_model.row_of(group_id)
        if row < 0:
            return False
        self.group_view.selectRow(row)
        return True

    def _on_group_changed(self, *_args) -> None:
        group = self.current_group()
        if group is None:
            self.comparison_model.clear()
        else:
            self._show_members(group)
            self._show_on_map(group)
        self._update_buttons()

    def _show_members(self, group) -> None:
        members = duplicate_review.read_members(self._layer, group.fids)
        names = duplicate_review.comparison_fields(self._layer)
        if self._layer.fields().indexOf(records.KEPUTUSAN_DUPLIKAT) >= 0:
            names.insert(0, records.KEPUTUSAN_DUPLIKAT)
        self.comparison_model.set_members(members, names)
        self.comparison_view.resizeColumnsToContents()

    def selected_member(self):
        """Return the Member chosen in the comparison table, or None."""
        columns = self.comparison_view.selectionModel().selectedColumns()
        if not columns:
            return None
        return self.comparison_model.member(columns[0].column())

    # Map

    def zoom_to_group(self) -> None:
        group = self.current_group()
        if group is not None:
            self._show_on_map(group)

    def _show_on_map(self, group) -> None:
        """Select the members on the map, zoom to their points and flash them."""
        self._layer.selectByIds(list(group.fids))
        if self.iface is None:
            return
        canvas = self.iface.mapCanvas()
        extent = QgsRectangle()
        placed = []
        request = QgsFeatureRequest().setFilterFids(list(group.fids)).setNoAttributes()
        for feature in self._layer.getFeatures(request):
            geometry = feature.geometry()
            if geometry is None or geometry.isEmpty():
                continue
            box = _transformed_box(geometry, self._layer.crs(), canvas)
            if extent.isNull():
                extent = box
            else:
                extent.combineExtentWith(box)
            placed.append(feature.id())
        if not placed:
            self.show_message(tr("No row of group {group} has a point on the map.").format(
                group=group.group_id), Qgis.MessageLevel.Info)
            return
        if extent.width() == 0 or extent.height() == 0:
            canvas.zoomToFeatureIds(self._layer, placed)
        else:
            extent.scale(1.3)
            canvas.setExtent(extent)
        canvas.refresh()
        canvas.flashFeatureIds(self._layer, placed)

    # Decisions

    def set_decisions_locked(self, locked: bool) -> None:
        """Disable the decision buttons while a run is writing the results, or enable them again.

        A run reads the stored decisions at its duplicate step and then
        replaces the GeoPackage, so a decision made meanwhile would be lost.
        """
        self._locked = locked
        if locked:
            self.show_message(tr(
                "A run is writing new results. Decisions can be made again when it has "
                "finished."), Qgis.MessageLevel.Info)
        else:
            self.show_message("")
        self._update_buttons()

    def _update_buttons(self, *_args) -> None:
        group = self.current_group()
        has_group = group is not None
        can_decide = has_group and not self._locked
        self.not_duplicates_button.setEnabled(can_decide)
        self.keep_button.setEnabled(can_decide and self.selected_member() is not None)
        self.undo_button.setEnabled(
            can_decide and group.decision != duplicate_review.GROUP_UNDECIDED)
        self.zoom_button.setEnabled(has_group)

    def mark_not_duplicates(self) -> None:
        """Mark the selected group as different people."""
        group = self.current_group()
        if group is None:
            return
        self._apply(group, lambda: duplicate_review.decide(
            self._layer, group.fids, KEPUTUSAN_BUKAN_DUPLIKAT, group_id=group.group_id),
            tr("Group {group} marked as not duplicates.").format(group=group.group_id),
            advance=True)

    def keep_selected_row(self) -> None:
        """Keep the row chosen in the comparison table and mark the other rows for removal."""
        group, member = self.current_group(), self.selected_member()
        if group is None or member is None:
            return
        self._apply(group, lambda: duplicate_review.decide(
            self._layer, group.fids, KEPUTUSAN_SIMPAN, keep_fid=member.fid,
            group_id=group.group_id),
            tr("Row {row} of group {group} kept; the other rows are marked for removal "
               "(hapus).").format(row=member.baris, group=group.group_id), advance=True)

    def undo(self) -> None:
        """Remove the decision on the selected group."""
        group = self.current_group()
        if group is None:
            return
        self._apply(group, lambda: duplicate_review.undo_decision(self._layer, group.fids),
                    tr("Decision on group {group} removed.").format(group=group.group_id),
                    advance=False)

    def _apply(self, group, change, done_message: str, advance: bool) -> None:
        if self._locked:
            return
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            outcome = change()
        except duplicate_review.DuplicateReviewError as error:
            self.show_message(str(error), Qgis.MessageLevel.Critical)
            return
        finally:
            QApplication.restoreOverrideCursor()

        row = self.group_model.row_of(group.group_id)
        decision = duplicate_review.group_decision(list(outcome.values.values()))
        if row >= 0:
            self.group_model.set_decision(row, decision)
        self._show_groups_count()

        message, level = done_message, Qgis.MessageLevel.Success
        if outcome.stored:
            message += " " + tr("A new run that replaces this GeoPackage keeps the decision.")
        else:
            message += " " + tr(
                "The layer is not a GeoPackage, so the decision is stored in this layer only "
                "and a new run does not read it.")
            level = Qgis.MessageLevel.Warning
        if not outcome.saved:
            message += " " + tr(
                "The layer is in edit mode, so the change is in its edit buffer: save the "
                "layer edits to keep it.")
            level = Qgis.MessageLevel.Info
        self.show_message(message, level)

        self._layer.triggerRepaint()
        if advance and 0 <= row < len(self.group_model.groups) - 1:
            self.group_view.selectRow(row + 1)
        else:
            self._show_members(group)
            self._update_buttons()

    def _show_groups_count(self) -> None:
        if self._layer is None:
            self.count_label.setText(tr("Choose a recipient layer with duplicate groups."))
            return
        undecided = sum(1 for group in self._all_groups
                        if group.decision == duplicate_review.GROUP_UNDECIDED)
        self.count_label.setText(tr("{groups} groups ({rows} rows), {undecided} undecided").format(
            groups=len(self._all_groups), rows=sum(group.size for group in self._all_groups),
            undecided=undecided))

    def show_message(self, text: str, level=Qgis.MessageLevel.Info) -> None:
        pickers.show_message(self.message_label, text, level)
