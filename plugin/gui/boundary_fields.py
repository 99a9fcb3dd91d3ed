"""Dialog to choose which fields of a boundary layer hold the codes and names."""

from qgis.core import QgsFieldProxyModel, QgsVectorLayer
from qgis.gui import QgsFieldComboBox
from qgis.PyQt.QtWidgets import (
    QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout,
)

from ..gis.boundaries import (
    FIELD_ROLES, detect_fields, detect_level, role_labels, save_field_mapping,
    saved_field_mapping,
)
from ..i18n import tr

LEVEL_NAMES = {1: "provinsi", 2: "kabupaten/kota", 3: "kecamatan", 4: "desa/kelurahan"}


class BoundaryFieldsDialog(QDialog):
    """Shows the detected role of each field and lets the user change it.

    The choice is remembered for the layer's data source, so the next run on
    the same file (in the dock or in Processing) uses it without asking.
    """

    def __init__(self, layer: QgsVectorLayer, parent=None):
        super().__init__(parent)
        self.layer = layer
        self.setWindowTitle(tr("Boundary fields: {layer}").format(layer=layer.name()))
        self.combos = {}

        layout = QVBoxLayout(self)
        intro = QLabel(tr(
            "Choose the field that holds each value. Fields found automatically are already "
            "chosen; leave a role empty if the layer does not have it. The choice is "
            "remembered for this layer."))
        intro.setWordWrap(True)
        layout.addWidget(intro)

        form = QFormLayout()
        labels = role_labels()
        for role in FIELD_ROLES:
            combo = QgsFieldComboBox()
            combo.setObjectName(f"field_{role}")
            combo.setAllowEmptyFieldName(True)
            combo.setFilters(QgsFieldProxyModel.Filter.String | QgsFieldProxyModel.Filter.Numeric)
            combo.setLayer(layer)
            combo.fieldChanged.connect(self._update_level)
            self.combos[role] = combo
            form.addRow(labels[role], combo)
        layout.addLayout(form)

        self.level_label = QLabel()
        self.level_label.setObjectName("level_label")
        self.level_label.setWordWrap(True)
        layout.addWidget(self.level_label)

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
            | QDialogButtonBox.StandardButton.RestoreDefaults)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        buttons.button(QDialogButtonBox.StandardButton.RestoreDefaults).clicked.connect(
            self.restore_detected)
        layout.addWidget(buttons)
        self._show(detect_fields(layer))

    def _show(self, fields: dict) -> None:
        for role, combo in self.combos.items():
            combo.blockSignals(True)
            combo.setField(fields.get(role, ""))
            combo.blockSignals(False)
        self._update_level()

    def restore_detected(self) -> None:
        """Forget the saved choice and show what is detected from the field names."""
        save_field_mapping(self.layer, {})
        self._show(detect_fields(self.layer))

    def mapping(self) -> dict:
        """Return the chosen {role: field name}; an empty role maps to ""."""
        return {role: combo.currentField() for role, combo in self.combos.items()}

    def _update_level(self, *_args) -> None:
        mapping = self.mapping()
        if not mapping["kode"]:
            self.level_label.setText(tr("Choose the field with the Kemendagri region code."))
            return
        level = detect_level(self.layer, mapping)
        if level == 4:
            self.level_label.setText(tr("Level found from the codes: {level}.").format(
                level=LEVEL_NAMES[level]))
        elif level:
            self.level_label.setText(tr(
                "Level found from the codes: {level}. Recipients are matched to villages, "
                "so choose a village (desa) layer.").format(level=LEVEL_NAMES[level]))
        else:
            self.level_label.setText(tr(
                "The chosen code field does not hold Kemendagri codes such as 17.04.01.2001."))

    def accept(self) -> None:
        save_field_mapping(self.layer, self.mapping())
        super().accept()


def boundary_fields_for(layer: QgsVectorLayer) -> dict:
    """Return the field mapping saved for a layer, for passing to a task, or None."""
    return saved_field_mapping(layer) or None
