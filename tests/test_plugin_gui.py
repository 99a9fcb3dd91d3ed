"""The plugin object and the DTKS Spasial dock, run inside pytest-qgis's stub QGIS interface."""

import csv
import threading
import time
from unittest.mock import MagicMock

import pytest
from qgis.core import (
    Qgis, QgsApplication, QgsFeatureRequest, QgsGraduatedSymbolRenderer, QgsProject,
    QgsRuleBasedRenderer, QgsSettings, QgsVectorLayer,
)
from qgis.gui import QgsDockWidget
from qgis.PyQt.QtCore import QCoreApplication, Qt

import dtks_spasial
from dtks_spasial.plugin import main as main_module
from dtks_spasial.plugin.gui import dock as dock_module
from dtks_spasial.plugin.gui import task as task_module

HEADER = ["NIK", "NO_KK", "NAMA", "JENIS_KELAMIN", "TGL_LAHIR", "KODE_WILAYAH", "KECAMATAN",
          "DESA", "LATITUDE", "LONGITUDE"]
# Invented people in villages of Kabupaten Kaur (17.04). Each point lies inside
# the polygon of the named village, the swapped one once swapped back.
ROWS = [
    # Gedung Wani (17.04.01.2001): the same person twice, once without a point.
    ["1704011203800001", "1704010101100001", "BUDI SANTOSO", "L", "12-03-1980",
     "17.04.01.2001", "KINAL", "Gedung Wani", "-4.630929", "103.285574"],
    ["1704011203800001", "1704010101100001", "BUDI SANTOSO", "L", "12-03-1980",
     "17.04.01.2001", "KINAL", "Gedung Wani", "", ""],
    ["1704014505850002", "1704010101100001", "SITI AMINAH", "P", "05-05-1985",
     "17.04.01.2001", "KINAL", "Gedung Wani", "", ""],
    # Selika (17.04.02.2010) by name only, then by code with latitude and longitude swapped.
    ["1704020707700003", "1704020202100002", "AHMAD YANI", "L", "07-07-1970",
     "", "TANJUNG KEMUNING", "Selika", "-4.618115", "103.188865"],
    ["1704025212900004", "1704020202100003", "RINA WATI", "P", "12-12-1990",
     "17.04.02.2010", "TANJUNG KEMUNING", "Selika", "103.188865", "-4.618115"],
    # A header row repeated in the middle of the table: rejected, not a record.
    HEADER,
    # Tanjung Kemuning (17.04.02.2009) by coordinate only.
    ["1704021111650005", "1704020202100004", "JOKO SUSILO", "L", "11-11-1965",
     "", "", "", "-4.611916", "103.179825"],
    # No code, an unknown village name and no point: no village found.
    ["1704024404880006", "1704020202100005", "DEWI LESTARI", "P", "04-04-1988",
     "", "", "Entah Berantah", "", ""],
]
KAUR_VILLAGES = 195
RESULT_LAYER_NAMES = ["penerima", "jumlah_per_desa", "kelompok_duplikat", "ditolak"]
DUPLICATE_FILTER = '"kelompok_duplikat" IS NOT NULL'


def personal_values() -> set:
    """Return every NIK, KK number and name of ROWS."""
    return {value for row in ROWS if row is not HEADER for value in row[:3]}


def write_table(folder) -> str:
    path = folder / "dtks_kecil.csv"
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(HEADER)
        writer.writerows(ROWS)
    return str(path)


def wait_until(condition, timeout: float = 60.0) -> None:
    """Process Qt events until ``condition()`` is true; fail after ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"condition not met within {timeout} s")
        QCoreApplication.processEvents()
        time.sleep(0.01)


def result_group():
    return QgsProject.instance().layerTreeRoot().findGroup(dock_module.RESULT_GROUP_NAME)


def feature_count(layer, expression: str) -> int:
    request = QgsFeatureRequest().setFilterExpression(expression)
    return sum(1 for _ in layer.getFeatures(request))


@pytest.fixture()
def iface(qgis_iface, monkeypatch):
    """Return the stub iface with the calls the plugin makes recorded as mocks."""
    for name in ("addToolBarIcon", "removeToolBarIcon", "addPluginToMenu", "removePluginMenu",
                 "addDockWidget", "removeDockWidget"):
        monkeypatch.setattr(qgis_iface, name, MagicMock(name=name), raising=False)
    return qgis_iface


@pytest.fixture()
def english_ui():
    """Run with an English QGIS locale, so the dock shows the English source texts."""
    settings = QgsSettings()
    settings.setValue("locale/overrideFlag", True)
    settings.setValue("locale/userLocale", "en_US")
    yield
    settings.remove("locale/overrideFlag")
    settings.remove("locale/userLocale")


@pytest.fixture()
def plugin(iface, english_ui):
    plugin = dtks_spasial.classFactory(iface)
    plugin.initGui()
    yield plugin
    if plugin.dock is not None:
        plugin.unload()


@pytest.fixture()
def dock(plugin, qgis_new_project, tmp_path):
    """Return the plugin's dock with the small table and an output folder in tmp_path."""
    plugin.dock.table_file.setFilePath(write_table(tmp_path))
    plugin.dock.output_dir.setFilePath(str(tmp_path / "hasil"))
    return plugin.dock


def test_init_gui_adds_dock_and_action(plugin, iface):
    assert isinstance(plugin.dock, QgsDockWidget)
    assert plugin.dock.windowTitle() == "DTKS Spasial"
    iface.addDockWidget.assert_called_once_with(Qt.DockWidgetArea.RightDockWidgetArea, plugin.dock)
    iface.addToolBarIcon.assert_called_once_with(plugin.action)
    iface.addPluginToMenu.assert_called_once_with("&DTKS Spasial", plugin.action)
    assert not plugin.action.icon().isNull()
    assert plugin.dock.isHidden()

    plugin.action.trigger()

    assert not plugin.dock.isHidden()


def test_unload_removes_action_dock_provider(plugin, iface):
    registry = QgsApplication.processingRegistry()
    action, dock, provider = plugin.action, plugin.dock, plugin.provider
    assert provider is not None, "the Processing provider was not registered"
    provider_id = provider.id()
    assert registry.providerById(provider_id) is provider

    plugin.unload()

    iface.removeToolBarIcon.assert_called_once_with(action)
    iface.removePluginMenu.assert_called_once_with("&DTKS Spasial", action)
    iface.removeDockWidget.assert_called_once_with(dock)
    assert registry.providerById(provider_id) is None
    assert plugin.dock is None
    assert plugin.action is None


def test_qgis_language_follows_override():
    settings = QgsSettings()
    settings.setValue("locale/overrideFlag", True)
    settings.setValue("locale/userLocale", "id_ID")
    try:
        assert main_module.qgis_language() == "id"
        settings.setValue("locale/overrideFlag", False)
        assert main_module.qgis_language() == main_module.QLocale.system().name()[:2]
    finally:
        settings.remove("locale/overrideFlag")
        settings.remove("locale/userLocale")


def test_boundary_layer_and_file_exclusive(dock, data_dir):
    layer = QgsVectorLayer(f"{data_dir / 'batas_bengkulu.gpkg'}|layername=desa", "desa", "ogr")
    QgsProject.instance().addMapLayer(layer)

    dock.boundary_layer.setLayer(layer)
    dock.boundary_file.setFilePath(str(data_dir / "batas_bengkulu.gpkg"))
    assert dock.boundary_layer.currentLayer() is None

    dock.boundary_layer.setLayer(layer)
    assert dock.boundary_file.filePath() == ""


def test_run_adds_result_layers(dock, data_dir, tmp_path):
    dock.boundary_file.setFilePath(str(data_dir / "batas_bengkulu.gpkg"))
    dock.region_edit.setText("17.04")

    dock.run_button.click()
    assert dock.cancel_button.isEnabled()
    wait_until(lambda: dock.task is None)

    group = result_group()
    assert group is not None
    layers = {layer.name(): layer for layer in (node.layer() for node in group.findLayers())}
    assert [node.layer().name() for node in group.findLayers()] == RESULT_LAYER_NAMES
    assert layers["penerima"].featureCount() == 7
    assert layers["jumlah_per_desa"].featureCount() == KAUR_VILLAGES
    assert layers["kelompok_duplikat"].featureCount() == 1
    assert layers["ditolak"].featureCount() == 1

    recipients = layers["penerima"]
    assert feature_count(recipients, DUPLICATE_FILTER) == 2
    assert feature_count(recipients, "\"metode_lokasi\" = 'kode'") == 4
    assert feature_count(recipients, "\"metode_lokasi\" = 'nama'") == 1
    assert feature_count(recipients, "\"metode_lokasi\" = 'koordinat'") == 1
    assert feature_count(recipients, "\"metode_lokasi\" = 'tidak_cocok'") == 1

    counts = {feature["kode"]: (feature["jumlah"], feature["duplikat"])
              for feature in layers["jumlah_per_desa"].getFeatures()}
    assert counts["17.04.01.2001"] == (3, 2)
    assert counts["17.04.02.2010"] == (2, 0)
    assert counts["17.04.02.2009"] == (1, 0)
    assert sum(count for count, _ in counts.values()) == 6

    summary = dock.summary_text.toPlainText().splitlines()
    gpkg = str(tmp_path / "hasil" / "hasil.gpkg")
    pdf = tmp_path / "hasil" / "peta.pdf"
    assert "Rows read: 8" in summary
    assert "Loaded: 7" in summary
    assert "Rejected: 1" in summary
    assert "  header_berulang: 1" in summary
    assert "  tidak_cocok: 1" in summary
    assert "Suspected duplicate groups: 1 (2 rows)" in summary
    assert f"Results: {gpkg}" in summary
    assert f"Map (PDF): {pdf}" in summary
    assert pdf.read_bytes().startswith(b"%PDF")

    assert dock.message_label.text().startswith("Done.")
    assert dock.run_button.isEnabled()
    assert not dock.cancel_button.isEnabled()
    assert dock.progress_bar.value() == 0


def test_run_hides_personal_data(dock, data_dir):
    dock.boundary_file.setFilePath(str(data_dir / "batas_bengkulu.gpkg"))
    dock.region_edit.setText("17.04")

    dock.run_button.click()
    wait_until(lambda: dock.task is None)

    visible_text = dock.summary_text.toPlainText() + "\n" + dock.message_label.text()
    assert result_group() is not None
    for value in personal_values():
        assert value not in visible_text


def test_run_styles_recipients_and_counts(dock, data_dir):
    dock.boundary_file.setFilePath(str(data_dir / "batas_bengkulu.gpkg"))
    dock.region_edit.setText("17.04")

    dock.run_button.click()
    wait_until(lambda: dock.task is None)

    layers = {node.layer().name(): node.layer() for node in result_group().findLayers()}
    renderer = layers["penerima"].renderer()
    assert isinstance(renderer, QgsRuleBasedRenderer)
    assert renderer.usingSymbolLevels()
    rules = {rule.description(): rule for rule in renderer.rootRule().descendants()}
    duplicate = rules["duplikat"]
    assert duplicate.filterExpression() == DUPLICATE_FILTER
    assert duplicate.label() == "Suspected duplicate (member of a duplicate group)"
    ring_layers = duplicate.symbol().symbolLayers()
    point = rules["metode_kode"].children()[0].symbol()
    assert min(layer.renderingPass() for layer in ring_layers) > point.symbolLayer(0).renderingPass()
    assert duplicate.symbol().size() >= 1.8 * point.size()
    assert ring_layers[-1].strokeColor().name() == "#d7191c"

    counts = layers["jumlah_per_desa"].renderer()
    assert isinstance(counts, QgsGraduatedSymbolRenderer)
    assert counts.classAttribute() == "jumlah"
    assert counts.ranges()[0].lowerValue() == 0
    assert counts.ranges()[-1].upperValue() == 3


def test_run_with_project_layer_without_region(dock, data_dir, tmp_path):
    source = QgsVectorLayer(f"{data_dir / 'batas_bengkulu.gpkg'}|layername=desa", "desa", "ogr")
    kaur = source.materialize(QgsFeatureRequest().setFilterExpression("\"KDPKAB\" = '17.04'"))
    kaur.setName("desa_kaur")
    QgsProject.instance().addMapLayer(kaur)
    dock.boundary_layer.setLayer(kaur)

    dock.run_button.click()
    wait_until(lambda: dock.task is None)

    group = result_group()
    assert group is not None
    names = [node.layer().name() for node in group.findLayers()]
    assert names == ["penerima", "kelompok_duplikat", "ditolak"]
    assert group.findLayers()[0].layer().featureCount() == 7
    summary = dock.summary_text.toPlainText().splitlines()
    assert "No region code given, so no counts per village and no map were made." in summary
    assert not (tmp_path / "hasil" / "peta.pdf").exists()


def test_run_rejects_unknown_region(dock, data_dir):
    dock.boundary_file.setFilePath(str(data_dir / "batas_bengkulu.gpkg"))
    dock.region_edit.setText("99.99")

    dock.run_button.click()
    wait_until(lambda: dock.task is None)

    assert result_group() is None
    assert dock.message_label.text() == (
        "Region code 99.99 has no village in the boundary layer. Check the code or the "
        "boundary layer.")
    assert dock.summary_text.toPlainText() == ""
    assert dock.run_button.isEnabled()


def test_failed_rerun_keeps_previous_results(dock, data_dir, tmp_path):
    dock.boundary_file.setFilePath(str(data_dir / "batas_bengkulu.gpkg"))
    dock.region_edit.setText("17.04")
    dock.run_button.click()
    wait_until(lambda: dock.task is None)
    gpkg = tmp_path / "hasil" / "hasil.gpkg"
    first_run = gpkg.read_bytes()

    dock.region_edit.setText("99.99")
    dock.run_button.click()
    wait_until(lambda: dock.task is None)

    assert dock.message_label.text().startswith("Region code 99.99 has no village")
    assert [node.layer().name() for node in result_group().findLayers()] == RESULT_LAYER_NAMES
    assert all(node.layer().isValid() for node in result_group().findLayers())
    assert gpkg.read_bytes() == first_run
    assert not (tmp_path / "hasil" / "hasil.tmp.gpkg").exists()


def test_rerun_replaces_result_layers(dock, data_dir):
    dock.boundary_file.setFilePath(str(data_dir / "batas_bengkulu.gpkg"))
    dock.region_edit.setText("17.04")
    dock.run_button.click()
    wait_until(lambda: dock.task is None)

    dock.run_button.click()
    wait_until(lambda: dock.task is None)

    assert [node.layer().name() for node in result_group().findLayers()] == RESULT_LAYER_NAMES
    assert QgsProject.instance().count() == len(RESULT_LAYER_NAMES)
    assert result_group().findLayers()[0].layer().featureCount() == 7


def test_output_folder_is_a_file(dock, data_dir, tmp_path):
    not_a_folder = tmp_path / "hasil.txt"
    not_a_folder.write_text("")
    dock.output_dir.setFilePath(str(not_a_folder))
    dock.boundary_file.setFilePath(str(data_dir / "batas_bengkulu.gpkg"))

    dock.run_button.click()
    wait_until(lambda: dock.task is None)

    assert dock.message_label.text().startswith("Reading or writing a file failed: ")
    assert str(not_a_folder) in dock.message_label.text()
    assert result_group() is None


def test_run_requires_boundaries(dock):
    dock.run_button.click()

    assert dock.task is None
    assert dock.message_label.text() == (
        "Choose a village boundary layer of the project or a boundary file.")


def test_unexpected_error_logged_without_message(dock, data_dir, monkeypatch):
    secret = ROWS[0][0]

    def failing_pipeline(*args, **kwargs):
        raise ValueError(f"cannot parse {secret}")

    monkeypatch.setattr(task_module, "run_pipeline", failing_pipeline)
    logged = []

    def record(message, tag, level):
        logged.append((message, tag, level))

    QgsApplication.messageLog().messageReceived.connect(record)
    dock.boundary_file.setFilePath(str(data_dir / "batas_bengkulu.gpkg"))
    try:
        dock.run_button.click()
        wait_until(lambda: dock.task is None)
        wait_until(lambda: any(tag == "DTKS Spasial" for _, tag, _ in logged))
    finally:
        QgsApplication.messageLog().messageReceived.disconnect(record)

    ours = [(message, level) for message, tag, level in logged if tag == "DTKS Spasial"]
    assert len(ours) == 1
    message, level = ours[0]
    assert level == Qgis.MessageLevel.Critical
    assert "ValueError" in message
    assert "failing_pipeline" in message
    assert secret not in message
    assert dock.message_label.text().startswith("Processing failed because of an internal error.")
    assert result_group() is None


def test_cancel_adds_no_layers(dock, data_dir, tmp_path, monkeypatch):
    started = threading.Event()
    real_pipeline = task_module.run_pipeline

    def pipeline_waiting_for_cancel(*args, feedback=None, **kwargs):
        # Hold the task in run() until Cancel, then let the real pipeline see the cancel.
        started.set()
        deadline = time.monotonic() + 30
        while not feedback.isCanceled() and time.monotonic() < deadline:
            time.sleep(0.01)
        return real_pipeline(*args, feedback=feedback, **kwargs)

    monkeypatch.setattr(task_module, "run_pipeline", pipeline_waiting_for_cancel)
    dock.boundary_file.setFilePath(str(data_dir / "batas_bengkulu.gpkg"))
    dock.region_edit.setText("17.04")

    dock.run_button.click()
    wait_until(started.is_set)
    assert dock.cancel_button.isEnabled()
    assert not dock.run_button.isEnabled()
    assert not dock.table_file.isEnabled()

    dock.cancel_button.click()
    wait_until(lambda: dock.task is None)

    assert result_group() is None
    assert QgsProject.instance().count() == 0
    assert not (tmp_path / "hasil" / "hasil.gpkg").exists()
    assert not (tmp_path / "hasil" / "hasil.tmp.gpkg").exists()
    assert not (tmp_path / "hasil" / "peta.pdf").exists()
    assert dock.message_label.text() == "Canceled. No layers were added."
    assert dock.summary_text.toPlainText() == ""
    assert dock.run_button.isEnabled()
    assert dock.table_file.isEnabled()
    assert not dock.cancel_button.isEnabled()
    assert dock.progress_bar.value() == 0
