"""Column mapping of the dock: which column of the table fills each canonical field.

The panel shows the mapping that read_table() used and lets the user
change it. Its override() contains only the differences from what
detect_mapping() finds on the same headers, so a saved mapping still lets
detection handle the columns the user did not touch.
"""

from qgis.core import QgsSettings
from qgis.PyQt.QtCore import Qt, pyqtSignal
from qgis.PyQt.QtGui import QFont
from qgis.PyQt.QtWidgets import (
    QAbstractItemView, QComboBox, QHBoxLayout, QHeaderView, QInputDialog, QLabel, QLineEdit,
    QMessageBox, QPushButton, QSizePolicy, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget,
)

from ..core.column_mapping import CANONICAL_FIELDS, MappingPresets, apply_override, detect_mapping
from ..i18n import tr

FIELD_COLUMN = 0
SOURCE_COLUMN = 1
# Rows of the mapping table shown without scrolling. The other fields scroll into view.
VISIBLE_ROWS = 8

STATUS_STYLES = {
    "info": "",
    "error": "QLabel { color: #8b0000; }",
}


class FocusWheelComboBox(QComboBox):
    """Combo box that takes mouse wheel events only while it has the focus.

    Without this, scrolling the dock or the mapping table over a combo box
    would silently change its choice. Its minimum width is that of a few
    characters, so that it fits a narrow dock and grows with it.
    """

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(6)

    def wheelEvent(self, event):  # noqa: N802 (Qt API name)
        if self.hasFocus():
            super().wheelEvent(event)
        else:
            event.ignore()


class MappingTable(QTableWidget):
    """Table with one row per canonical field and a combo box of the file's columns.

    Before a file is read the combo boxes are disabled and show the pending
    override: a column name, "(none)" or "(automatic)".
    """

    mappingEdited = pyqtSignal()

    def __init__(self, parent=None):
        super().__init__(len(CANONICAL_FIELDS), 2, parent)
        self._headers = []
        self._detected = {}
        self._pending = {}

        self.setHorizontalHeaderLabels([tr("Field"), tr("Column in the file")])
        self.verticalHeader().setVisible(False)
        header = self.horizontalHeader()
        header.setSectionResizeMode(FIELD_COLUMN, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(SOURCE_COLUMN, QHeaderView.ResizeMode.Stretch)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

        for row, field in enumerate(CANONICAL_FIELDS):
            item = QTableWidgetItem(field)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.setItem(row, FIELD_COLUMN, item)
            combo = FocusWheelComboBox()
            combo.currentIndexChanged.connect(
                lambda index, row=row: self._on_combo_changed(row, index))
            self.setCellWidget(row, SOURCE_COLUMN, combo)
        self.resizeRowsToContents()
        self._fit_height()
        self.show_pending({})

    def _fit_height(self) -> None:
        rows = min(VISIBLE_ROWS, self.rowCount())
        height = self.horizontalHeader().sizeHint().height() + 2 * self.frameWidth()
        height += sum(self.rowHeight(row) for row in range(rows))
        self.setFixedHeight(height)

    def combo(self, field: str) -> QComboBox:
        """Return the combo box of a canonical field."""
        return self.cellWidget(CANONICAL_FIELDS.index(field), SOURCE_COLUMN)

    def has_columns(self) -> bool:
        """Return True when the combo boxes list the columns of a file that was read."""
        return bool(self._headers)

    def set_columns(self, headers, mapping: dict) -> None:
        """List ``headers`` in every combo box and select ``mapping`` {field: column index}."""
        self._headers = list(headers)
        self._detected = detect_mapping(self._headers)
        self._pending = {}
        labels = column_labels(self._headers)
        for row, field in enumerate(CANONICAL_FIELDS):
            combo = self.cellWidget(row, SOURCE_COLUMN)
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(tr("(none)"), None)
            for index, label in enumerate(labels):
                combo.addItem(label, index)
            index = mapping.get(field)
            combo.setCurrentIndex(0 if index is None else index + 1)
            combo.setEnabled(True)
            combo.blockSignals(False)
        self._mark_changed_fields()

    def show_pending(self, override: dict) -> None:
        """Forget the file's columns and show ``override`` in disabled combo boxes."""
        self._headers = []
        self._detected = {}
        self._pending = dict(override)
        for row, field in enumerate(CANONICAL_FIELDS):
            combo = self.cellWidget(row, SOURCE_COLUMN)
            combo.blockSignals(True)
            combo.clear()
            if field not in self._pending:
                combo.addItem(tr("(automatic)"), None)
            elif self._pending[field]:
                combo.addItem(self._pending[field], None)
            else:
                combo.addItem(tr("(none)"), None)
            combo.setEnabled(False)
            combo.blockSignals(False)
        self._mark_changed_fields()

    def apply_override(self, override: dict) -> None:
        """Show the detected mapping changed by ``override`` {field: header name or None}."""
        if not self._headers:
            self.show_pending(override)
            return
        mapping = apply_override(self._detected, self._headers, override)
        for row, field in enumerate(CANONICAL_FIELDS):
            combo = self.cellWidget(row, SOURCE_COLUMN)
            combo.blockSignals(True)
            index = mapping.get(field)
            combo.setCurrentIndex(0 if index is None else index + 1)
            combo.blockSignals(False)
        self._mark_changed_fields()

    def override(self) -> dict:
        """Return {field: header name, or None to leave the field unmapped} for the user's changes.

        Fields whose column is the one detect_mapping() finds are left out.
        Before a file is read this is the pending override.
        """
        if not self._headers:
            return dict(self._pending)
        result = {}
        for row, field in enumerate(CANONICAL_FIELDS):
            chosen = self.cellWidget(row, SOURCE_COLUMN).currentData()
            if chosen == self._detected.get(field):
                continue
            # NOTE: apply_override() finds a column by its name, so when several
            # columns have this name the run may use another one of them.
            result[field] = None if chosen is None else self._headers[chosen]
        return result

    def _on_combo_changed(self, row: int, index: int) -> None:
        chosen = self.cellWidget(row, SOURCE_COLUMN).itemData(index)
        # One column fills at most one field, as in apply_override().
        if chosen is not None:
            for other in range(self.rowCount()):
                combo = self.cellWidget(other, SOURCE_COLUMN)
                if other != row and combo.currentData() == chosen:
                    combo.blockSignals(True)
                    combo.setCurrentIndex(0)
                    combo.blockSignals(False)
        self._mark_changed_fields()
        self.mappingEdited.emit()

    def _mark_changed_fields(self) -> None:
        """Show in bold the fields whose column differs from the detected one."""
        changed = self.override()
        for row, field in enumerate(CANONICAL_FIELDS):
            item = self.item(row, FIELD_COLUMN)
            font = QFont(item.font())
            font.setBold(field in changed)
            item.setFont(font)


class MappingPanel(QWidget):
    """Panel with the Read columns button, reading status, mapping table and saved mappings.

    The dock reads the file: it connects ``readRequested`` to a task and
    hands the result to show_columns() or show_error(). Saved mappings are
    kept in ``store`` (QgsSettings() unless a test passes another store).
    """

    readRequested = pyqtSignal()
    # Emitted when the user edits the mapping or chooses a saved mapping.
    overrideChanged = pyqtSignal()

    def __init__(self, store=None, parent=None):
        super().__init__(parent)
        self.presets = MappingPresets(store if store is not None else QgsSettings())

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)

        read_row = QHBoxLayout()
        self.read_button = QPushButton(tr("Read columns"))
        self.read_button.setToolTip(tr(
            "Read the column headers of the table with the options above and show which "
            "column fills each field. The whole file is read, which takes a few seconds for "
            "a large file."))
        read_row.addWidget(self.read_button)
        read_row.addStretch(1)
        layout.addLayout(read_row)

        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        self.status_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.status_label)

        self.table = MappingTable()
        self.table.setToolTip(tr(
            "Column of the file that fills each field. Fields in bold differ from the "
            "detected mapping. Choose (none) to ignore a column that was recognised wrongly."))
        layout.addWidget(self.table)

        self.preset_combo = FocusWheelComboBox()
        self.preset_combo.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.preset_combo.setToolTip(tr(
            "Saved column mappings. Choosing one applies it, and (no saved mapping) returns "
            "to the detected mapping."))
        self.save_button = QPushButton(tr("Save mapping\u2026"))
        self.save_button.setToolTip(tr(
            "Save the changes to the detected mapping under a name, to use them again for "
            "tables with the same columns."))
        self.delete_button = QPushButton(tr("Delete"))
        self.delete_button.setToolTip(tr("Delete the chosen saved mapping."))
        layout.addWidget(self.preset_combo)
        preset_buttons = QHBoxLayout()
        preset_buttons.addStretch(1)
        preset_buttons.addWidget(self.save_button)
        preset_buttons.addWidget(self.delete_button)
        layout.addLayout(preset_buttons)

        self.read_button.clicked.connect(self.readRequested)
        self.table.mappingEdited.connect(self.overrideChanged)
        self.preset_combo.activated.connect(self._on_preset_activated)
        self.save_button.clicked.connect(self.save_preset)
        self.delete_button.clicked.connect(self.delete_preset)
        self.refresh_presets()
        self.forget_columns()

    # Reading

    def forget_columns(self) -> None:
        """Forget the listed columns, because the file or a reading option changed.

        The user's override is kept and applies to the next read and run.
        """
        self.read_button.setEnabled(True)
        self.table.show_pending(self.table.override())
        self.show_status(tr(
            "Click Read columns to list the columns of the file and check which column "
            "fills each field."))

    def show_reading(self) -> None:
        """Show that the file is being read and disable Read columns until the read ends."""
        self.read_button.setEnabled(False)
        self.show_status(tr("Reading the columns\u2026"))

    def show_columns(self, table) -> None:
        """Show the columns and mapping of a Table from read_table()."""
        self.read_button.setEnabled(True)
        self.table.set_columns(table.headers, table.mapping)
        self.show_status(detected_text(table))

    def show_error(self, message: str) -> None:
        """Show why the file could not be read."""
        self.read_button.setEnabled(True)
        self.show_status(message, "error")

    def show_status(self, text: str, kind: str = "info") -> None:
        self.status_label.setStyleSheet(STATUS_STYLES[kind])
        self.status_label.setText(text)

    def override(self) -> dict:
        """Return the user's override {field: header name or None} for ImportOptions."""
        return self.table.override()

    # Saved mappings

    def refresh_presets(self, selected: str = "") -> None:
        """Fill the preset combo box with the saved names and select ``selected``."""
        self.preset_combo.blockSignals(True)
        self.preset_combo.clear()
        self.preset_combo.addItem(tr("(no saved mapping)"), "")
        for name in self.presets.names():
            self.preset_combo.addItem(name, name)
        index = self.preset_combo.findData(selected) if selected else 0
        self.preset_combo.setCurrentIndex(max(index, 0))
        self.preset_combo.blockSignals(False)
        self._update_preset_buttons()

    def preset_name(self) -> str:
        """Return the chosen saved mapping's name, or "" when none is chosen."""
        return self.preset_combo.currentData() or ""

    def preset_override(self) -> dict:
        """Return the override of the chosen saved mapping, or {} when none is chosen."""
        name = self.preset_name()
        return self.presets.load(name) if name else {}

    def _on_preset_activated(self, index: int) -> None:
        self.table.apply_override(self.preset_override())
        self._update_preset_buttons()
        self.overrideChanged.emit()

    def _update_preset_buttons(self) -> None:
        self.delete_button.setEnabled(bool(self.preset_name()))

    def save_preset(self) -> None:
        """Ask for a name and save the current override under it."""
        override = self.override()
        if not override:
            self.show_status(tr(
                "The column mapping has no changes from the detected one, so there is "
                "nothing to save. Change a column first."), "error")
            return
        name, accepted = QInputDialog.getText(
            self, tr("Save column mapping"), tr("Name of the mapping:"),
            QLineEdit.EchoMode.Normal, self.preset_name())
        name = name.strip()
        if not accepted or not name:
            return
        if not valid_preset_name(name):
            self.show_status(tr(
                "The name '{name}' cannot be used: it must not contain / or \\ and must not "
                "start with _.").format(name=name), "error")
            return
        if name in self.presets.names():
            answer = QMessageBox.question(
                self, tr("Save column mapping"),
                tr("Replace the saved mapping '{name}'?").format(name=name))
            if answer != QMessageBox.StandardButton.Yes:
                return
        self.presets.save(name, override)
        self.refresh_presets(selected=name)
        self.show_status(tr("Column mapping saved as '{name}'.").format(name=name))

    def delete_preset(self) -> None:
        """Delete the chosen saved mapping after the user confirms."""
        name = self.preset_name()
        if not name:
            return
        answer = QMessageBox.question(
            self, tr("Delete column mapping"),
            tr("Delete the saved mapping '{name}'?").format(name=name))
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.presets.delete(name)
        self.refresh_presets()
        self.show_status(tr("Saved mapping '{name}' deleted.").format(name=name))


def column_labels(headers) -> list:
    """Return the combo box text of each header, with its 1-based position when names repeat."""
    counts = {}
    for header in headers:
        counts[header] = counts.get(header, 0) + 1
    return [tr("{header} (column {number})").format(header=header, number=index + 1)
            if counts[header] > 1 else header
            for index, header in enumerate(headers)]


def valid_preset_name(name: str) -> bool:
    """Return True when MappingPresets can store ``name`` as a key of its own.

    QgsSettings reads / and \\ as group separators. MappingPresets keeps
    its list of names, separated by newlines, under the key "_names".
    """
    return not name.startswith("_") and "/" not in name and "\\" not in name and "\n" not in name


def delimiter_text(delimiter: str) -> str:
    """Return a delimiter as the user reads it: ';' in quotes, a tab as the word tab."""
    if delimiter == "\t":
        return tr("tab")
    return f"'{delimiter}'"


def detected_text(table) -> str:
    """Return the status line with the sheet or encoding of a Table and its header row."""
    if table.sheet:
        return tr("Detected: sheet '{sheet}', header on row {row}").format(
            sheet=table.sheet, row=table.header_row)
    return tr("Detected: {encoding}, {delimiter}, header on row {row}").format(
        encoding=table.encoding, delimiter=delimiter_text(table.delimiter), row=table.header_row)
