"""Layer and boundary pickers and the message line shared by the dock's panels.

The review, duplicate and thematic map tabs each choose a recipient layer,
and two of them choose village boundaries as a project layer or a file.
The functions here build those widgets and keep their behaviour the same
in every tab. The panels keep the widgets as their own attributes
(``layer_combo``, ``boundary_combo``, ``boundary_file``, ``message_label``).
"""

from qgis.core import Qgis, QgsMapLayerProxyModel, QgsProject, QgsVectorLayer
from qgis.gui import QgsFileWidget, QgsMapLayerComboBox
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtWidgets import QFormLayout, QLabel, QVBoxLayout

from ..i18n import tr

MESSAGE_STYLES = {
    Qgis.MessageLevel.Info: "color: #0b3d6b;",
    Qgis.MessageLevel.Success: "color: #1b5e20;",
    Qgis.MessageLevel.Warning: "color: #6b4e00;",
    Qgis.MessageLevel.Critical: "color: #8b0000;",
}


def panel_layouts(panel):
    """Give ``panel`` a vertical layout and return it with a new form for the panel's choices.

    The caller adds the form to the layout once its rows are in.
    """
    layout = QVBoxLayout(panel)
    layout.setContentsMargins(6, 6, 6, 6)
    form = QFormLayout()
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
    return layout, form


def layer_filter(name: str):
    """Return the layer filter ``name`` (e.g. "PointLayer") of the running QGIS version."""
    # QGIS 3.34 moved the layer filters from QgsMapLayerProxyModel.Filter to Qgis.LayerFilter.
    layer_filter_enum = getattr(Qgis, "LayerFilter", None)
    if layer_filter_enum is not None:
        return getattr(layer_filter_enum, name)
    return getattr(QgsMapLayerProxyModel.Filter, name)


def _layer_combo(filter_name: str, tooltip: str) -> QgsMapLayerComboBox:
    combo = QgsMapLayerComboBox()
    combo.setFilters(layer_filter(filter_name))
    combo.setAllowEmptyLayer(True)
    combo.setLayer(None)
    combo.setToolTip(tooltip)
    return combo


def add_recipient_layer_row(form, tooltip: str = "") -> QgsMapLayerComboBox:
    """Add a "Recipient layer" row of point layers, empty allowed, to ``form``; return its combo.

    Without ``tooltip`` the combo gets the tooltip of the review tabs.
    """
    if not tooltip:
        tooltip = tr(
            "Recipient layer (penerima) written by DTKS Spasial. The layer of the last run is "
            "chosen after each run.")
    combo = _layer_combo("PointLayer", tooltip)
    form.addRow(tr("Recipient layer"), combo)
    return combo


def update_layer_exceptions(combo: QgsMapLayerComboBox, accepts) -> None:
    """Hide the project's vector layers for which ``accepts(layer)`` is false from ``combo``.

    The chosen layer stays chosen when it is still offered.
    """
    chosen = combo.currentLayer()
    excepted = [layer for layer in QgsProject.instance().mapLayers().values()
                if isinstance(layer, QgsVectorLayer) and not accepts(layer)]
    combo.setExceptedLayerList(excepted)
    if chosen is not None and chosen not in excepted:
        combo.setLayer(chosen)


def add_boundary_rows(form, tooltip: str):
    """Add a "Village boundaries" polygon layer row and an "or file" row to ``form``.

    Returns (combo, file_widget). Connect them with connect_boundary_pair().
    """
    combo = _layer_combo("PolygonLayer", tooltip)
    form.addRow(tr("Village boundaries"), combo)
    file_widget = QgsFileWidget()
    file_widget.setStorageMode(QgsFileWidget.StorageMode.GetFile)
    file_widget.setFilter(tr("Boundary files (*.gpkg *.shp);;All files (*)"))
    form.addRow(tr("or file"), file_widget)
    return combo, file_widget


def connect_boundary_pair(combo, file_widget, on_changed) -> None:
    """Make the boundary layer and file alternatives, and call ``on_changed()`` on each change.

    Choosing a layer clears the file and choosing a file clears the layer.
    The cleared widget emits its own change first, so ``on_changed`` runs
    once for it and once for the widget the user changed.
    """
    def layer_changed(layer) -> None:
        if layer is not None and file_widget.filePath():
            file_widget.setFilePath("")
        on_changed()

    def file_changed(path: str) -> None:
        if path and combo.currentLayer() is not None:
            combo.setLayer(None)
        on_changed()

    combo.layerChanged.connect(layer_changed)
    file_widget.fileChanged.connect(file_changed)


def boundary_source(combo, file_widget):
    """Return the chosen boundary file path, the chosen layer, or None."""
    path = file_widget.filePath().strip()
    if path:
        return path
    return combo.currentLayer()


def message_label() -> QLabel:
    """Return a word-wrapped, selectable label for a panel's last message."""
    label = QLabel()
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def show_message(label: QLabel, text: str, level=Qgis.MessageLevel.Info) -> None:
    """Show ``text`` in ``label`` in the colour of ``level``."""
    label.setStyleSheet(MESSAGE_STYLES.get(level, ""))
    label.setText(text)
