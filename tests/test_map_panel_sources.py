"""The thematic map tab with a saved recipient layer and boundaries, and after a run."""

import shutil
import time

import pytest
from qgis.core import QgsProject, QgsVectorLayer
from qgis.PyQt.QtCore import QCoreApplication

from dtks_spasial.plugin.gui.map_panel import RUN_KEY, MapPanel
from test_layout import pdf_words

# Upper bound of one preparation task in these tests, so a hung task fails
# the test instead of blocking the run.
TASK_TIMEOUT_S = 120


@pytest.fixture
def saved_layer(kaur_run):
    """Add the penerima layer of the run's hasil.gpkg to the project, as a user opening it."""
    _result, gpkg, _pdf = kaur_run
    layer = QgsVectorLayer(f"{gpkg}|layername=penerima", "penerima", "ogr")
    assert layer.isValid()
    QgsProject.instance().addMapLayer(layer)
    yield layer
    QgsProject.instance().removeMapLayer(layer.id())


@pytest.fixture
def panel(qgis_app):
    widget = MapPanel()
    widget.warnings = []
    widget.show_warning = widget.warnings.append
    yield widget
    widget.shutdown()


def export_district_map(panel, pdf_path) -> None:
    """Ask for the district map of Kabupaten Kaur and wait for the export."""
    panel.region_edit.setText("Kaur")
    panel.level_combo.setCurrentIndex(panel.level_combo.findData(3))
    panel.labels_combo.setCurrentIndex(panel.labels_combo.findData("name_value"))
    panel.table_check.setChecked(False)
    panel.output_edit.setText(str(pdf_path))
    panel.start()
    deadline = time.monotonic() + TASK_TIMEOUT_S
    while panel._task is not None and time.monotonic() < deadline:
        QCoreApplication.processEvents()
        time.sleep(0.01)
    assert panel._task is None, "the preparation task did not finish"


def test_saved_layer_and_file_export(panel, saved_layer, data_dir, tmp_path):
    panel.layer_combo.setLayer(saved_layer)
    panel.boundary_file.setFilePath(f"{data_dir / 'batas_bengkulu.gpkg'}|layername=desa")
    assert panel.export_button.isEnabled()
    assert panel.names == {}

    pdf = tmp_path / "kecamatan.pdf"
    export_district_map(panel, pdf)
    assert panel.warnings == []
    text = pdf_words(pdf)
    assert "Kabupaten Kaur" in text
    assert "Number of recipients per district" in text
    assert "Kecamatan Kinal" in text
    # What the task read stays in memory for the next export.
    assert panel.recipient_key == saved_layer.id()
    assert panel.names["17.04"] == "Kabupaten Kaur"


def test_saved_layer_counts_match_run(panel, saved_layer, kaur_run, data_dir):
    result, gpkg, _pdf = kaur_run
    panel.layer_combo.setLayer(saved_layer)
    panel.boundary_file.setFilePath(f"{data_dir / 'batas_bengkulu.gpkg'}|layername=desa")
    panel.region_edit.setText("17.04")
    panel.level_combo.setCurrentIndex(panel.level_combo.findData(3))
    task = panel._prepare_task(panel.request())
    assert task.recipients is None
    assert task.villages is None
    assert isinstance(task.recipient_source, str)
    assert task.recipient_source.startswith(str(gpkg))
    assert task.run()
    expected = {}
    for item in result.recipients:
        if item.kode_desa:
            expected[item.kode_desa[:8]] = expected.get(item.kode_desa[:8], 0) + 1
    assert {row.code: row.tally.recipients for row in task.data.rows} == {
        row.code: expected.get(row.code, 0) for row in task.data.rows}
    assert task.mapping["desil"] == result.table.mapping["desil"]


def test_boundary_project_layer(panel, saved_layer, data_dir):
    boundaries = QgsVectorLayer(f"{data_dir / 'batas_bengkulu.gpkg'}|layername=desa", "desa",
                                "ogr")
    QgsProject.instance().addMapLayer(boundaries)
    try:
        panel.layer_combo.setLayer(saved_layer)
        panel.boundary_combo.setLayer(boundaries)
        panel.region_edit.setText("17.04.01")
        task = panel._prepare_task(panel.request())
        # An unmodified OGR layer reaches the task as its URI, never as the project's layer.
        assert task.boundary_source == boundaries.source()
        assert task.run()
        assert len(task.data.rows) == 14
    finally:
        QgsProject.instance().removeMapLayer(boundaries.id())


def test_missing_sources_message(panel):
    assert not panel.export_button.isEnabled()
    panel.region_edit.setText("17.04")
    panel.output_edit.setText("/tmp/unused.pdf")
    panel.start()
    assert panel.warnings == ["Choose the recipient layer (penerima) first."]
    assert panel._task is None


def test_region_not_found_in_task(panel, saved_layer, data_dir):
    panel.layer_combo.setLayer(saved_layer)
    panel.boundary_file.setFilePath(f"{data_dir / 'batas_bengkulu.gpkg'}|layername=desa")
    panel.region_edit.setText("Atlantis")
    task = panel._prepare_task(panel.request())
    assert not task.run()
    assert task.error == ("Region 'Atlantis' not found. Type a region code or pick a name "
                          "from the list.")


def test_run_sources_preselected(panel, saved_layer, kaur_run, data_dir, tmp_path):
    result, _gpkg, _pdf = kaur_run
    boundary = f"{data_dir / 'batas_bengkulu.gpkg'}|layername=desa"
    panel.set_sources(result.recipients, result.table.mapping, result.villages,
                      layer=saved_layer, boundary=boundary)
    assert panel.layer_combo.currentLayer() is saved_layer
    assert panel.boundary_file.filePath() == boundary
    assert panel.names["17.04"] == "Kabupaten Kaur"
    panel.region_edit.setText("17.04")
    task = panel._prepare_task(panel.request())
    # The run's data is used as it is, without reading the layer again.
    assert task.recipients is result.recipients
    assert task.villages is result.villages

    pdf = tmp_path / "kecamatan.pdf"
    export_district_map(panel, pdf)
    assert panel.warnings == []
    assert "Kabupaten Kaur" in pdf_words(pdf)


def test_run_sources_without_layer(panel, kaur_run):
    result, _gpkg, _pdf = kaur_run
    panel.set_sources(result.recipients, result.table.mapping, result.villages)
    assert panel.recipient_key == RUN_KEY
    assert panel.export_button.isEnabled()
    panel.region_edit.setText("Kaur")
    task = panel._prepare_task(panel.request())
    assert task.request.region == "17.04"
    assert task.recipients is result.recipients


def test_edited_layer_is_read_again(panel, saved_layer, kaur_run, data_dir):
    result, _gpkg, _pdf = kaur_run
    panel.set_sources(result.recipients, result.table.mapping, result.villages,
                      layer=saved_layer,
                      boundary=f"{data_dir / 'batas_bengkulu.gpkg'}|layername=desa")
    panel.region_edit.setText("17.04")
    saved_layer.startEditing()
    first = next(saved_layer.getFeatures())
    saved_layer.changeAttributeValue(first.id(), saved_layer.fields().indexOf("nama_desa"), "X")
    try:
        task = panel._prepare_task(panel.request())
        assert task.recipients is None
        # Unsaved edits reach the task as a memory copy of the layer.
        assert isinstance(task.recipient_source, QgsVectorLayer)
        assert task.recipient_source.providerType() == "memory"
        assert task.recipient_source.featureCount() == saved_layer.featureCount()
    finally:
        saved_layer.rollBack()
    task = panel._prepare_task(panel.request())
    assert task.recipients is result.recipients


def test_saved_edits_drop_memory(panel, kaur_run, data_dir, tmp_path):
    result, gpkg, _pdf = kaur_run
    copy = tmp_path / "hasil.gpkg"
    shutil.copyfile(gpkg, copy)
    layer = QgsVectorLayer(f"{copy}|layername=penerima", "penerima", "ogr")
    QgsProject.instance().addMapLayer(layer)
    try:
        panel.set_sources(result.recipients, result.table.mapping, result.villages, layer=layer)
        assert panel.recipient_key == layer.id()
        layer.startEditing()
        first = next(layer.getFeatures())
        layer.changeAttributeValue(first.id(), layer.fields().indexOf("nama_desa"), "X")
        assert layer.commitChanges()
        assert panel.recipient_key is None
        assert panel.recipients == []
        panel.region_edit.setText("17.04")
        task = panel._prepare_task(panel.request())
        assert task.recipient_source == layer.source()
    finally:
        QgsProject.instance().removeMapLayer(layer.id())
