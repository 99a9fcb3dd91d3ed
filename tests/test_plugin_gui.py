"""The plugin object and the DTKS Spasial dock, run inside pytest-qgis's stub QGIS interface."""

import csv
import threading
import time
from unittest.mock import MagicMock

import pytest
from qgis.core import (
    Qgis, QgsApplication, QgsCoordinateReferenceSystem, QgsFeatureRequest,
    QgsGraduatedSymbolRenderer, QgsProject, QgsRuleBasedRenderer, QgsSettings, QgsVectorLayer,
)
from qgis.gui import QgsDockWidget
from qgis.PyQt.QtCore import QCoreApplication, Qt

import dtks_spasial
from dtks_spasial.plugin import main as main_module
from dtks_spasial.plugin.core.table_reader import read_table
from dtks_spasial.plugin.gis.boundaries import save_field_mapping
from dtks_spasial.plugin.gis.pipeline import ImportOptions, point_transform_for
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
# A clerk's table with a title block: the region labels on row 2 contain as many
# known column names as the real header on row 3, so detection takes row 2.
# The header on row 3 names NIK "ID", KK "NOMOR KARTU" and the region code "KODE".
TITLED_TABLE = (
    "DAFTAR PENERIMA BANSOS KABUPATEN KAUR\n"
    "PROVINSI;BENGKULU;KABUPATEN;KAUR;KECAMATAN;KINAL;DESA;GEDUNG WANI\n"
    "ID;NOMOR KARTU;NAMA ART;TGL;JK;KODE;LINTANG;BUJUR\n"
    "1704011203800001;1704010101100001;BUDI SANTOSO;12-03-1980;L;17.04.01.2001;"
    "-4.630929;103.285574\n"
    "1704014505850002;1704010101100001;SITI AMINAH;05-05-1985;P;17.04.01.2001;;\n"
    "1704025212900004;1704020202100003;RINA WATI;12-12-1990;P;17.04.02.2010;-4.618115;103.188865\n"
)
TITLED_NIKS = {"1704011203800001", "1704014505850002", "1704025212900004"}
TITLED_OVERRIDE = {"nik": "ID", "no_kk": "NOMOR KARTU", "tgl_lahir": "TGL", "kode_wilayah": "KODE"}
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


def write_titled_table(folder) -> str:
    path = folder / "dtks_berjudul.csv"
    path.write_text(TITLED_TABLE, encoding="utf-8")
    return str(path)


def choose_data(combo, data) -> None:
    index = combo.findData(data)
    assert index >= 0, f"{data!r} is not an item of the combo box"
    combo.setCurrentIndex(index)


def choose_column(dock, field: str, header: str) -> None:
    combo = dock.mapping_panel.table.combo(field)
    index = combo.findText(header)
    assert index >= 0, f"{header!r} is not a column in the {field} combo box"
    combo.setCurrentIndex(index)


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
def no_code_list_setting():
    """Start without a remembered region code list, and restore the user's setting afterwards."""
    settings = QgsSettings()
    before = settings.value(dock_module.CODE_LIST_SETTING, None)
    settings.remove(dock_module.CODE_LIST_SETTING)
    yield settings
    if before is None:
        settings.remove(dock_module.CODE_LIST_SETTING)
    else:
        settings.setValue(dock_module.CODE_LIST_SETTING, before)


@pytest.fixture()
def plugin(iface, english_ui, no_code_list_setting):
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
    # The other toolbar button and menu entry is the BIG base-map menu.
    assert iface.addToolBarIcon.call_args_list == [((plugin.action,),),
                                                   ((plugin.basemap_menu.action,),)]
    assert iface.addPluginToMenu.call_args_list == [
        (("&DTKS Spasial", plugin.action),), (("&DTKS Spasial", plugin.basemap_menu.action),)]
    assert not plugin.action.icon().isNull()
    assert plugin.dock.isHidden()

    plugin.action.trigger()

    assert not plugin.dock.isHidden()


def test_unload_removes_action_dock_provider(plugin, iface):
    registry = QgsApplication.processingRegistry()
    action, dock, provider = plugin.action, plugin.dock, plugin.provider
    basemap_action = plugin.basemap_menu.action
    assert provider is not None, "the Processing provider was not registered"
    provider_id = provider.id()
    assert registry.providerById(provider_id) is provider

    plugin.unload()

    assert iface.removeToolBarIcon.call_args_list == [((action,),), ((basemap_action,),)]
    assert iface.removePluginMenu.call_args_list == [
        (("&DTKS Spasial", action),), (("&DTKS Spasial", basemap_action),)]
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


def test_import_options_collapsed_by_default(dock):
    assert dock.import_options_box.isCollapsed()
    assert dock.import_options_box.title() == "Import options"
    assert dock.header_row_spin.value() == 0
    assert dock.header_row_spin.text() == "automatic"
    assert dock.coordinate_crs.crs().authid() == "EPSG:4326"
    assert dock.import_options() == ImportOptions(coordinate_crs="EPSG:4326")


def test_option_widgets_follow_file_type(dock, tmp_path):
    assert not dock.sheet_combo.isEnabled()
    assert dock.encoding_combo.isEnabled()
    assert dock.delimiter_combo.isEnabled()

    dock.table_file.setFilePath(str(tmp_path / "tidak_ada.xlsx"))

    assert dock.sheet_combo.isEnabled()
    assert not dock.encoding_combo.isEnabled()
    assert not dock.delimiter_combo.isEnabled()


def test_sheet_combo_lists_sheets(dock, tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    workbook = openpyxl.Workbook()
    workbook.active.title = "Catatan"
    workbook.create_sheet("Data").append(["NIK", "NAMA"])
    path = tmp_path / "dtks.xlsx"
    workbook.save(path)

    dock.table_file.setFilePath(str(path))
    wait_until(lambda: dock.sheet_task is None)

    assert [dock.sheet_combo.itemText(index) for index in range(dock.sheet_combo.count())] == [
        "(automatic)", "Catatan", "Data"]
    choose_data(dock.sheet_combo, "Data")
    assert dock.import_options().sheet == "Data"


def test_import_options_reach_request(dock, data_dir, tmp_path, no_code_list_setting):
    code_list = tmp_path / "kode.csv"
    code_list.write_text("kode,nama,tingkat\n17,BENGKULU,provinsi\n", encoding="utf-8")
    dock.boundary_file.setFilePath(str(data_dir / "batas_bengkulu.gpkg"))

    dock.header_row_spin.setValue(3)
    choose_data(dock.encoding_combo, "cp1252")
    choose_data(dock.delimiter_combo, ";")
    dock.mapping_panel.table.apply_override({"nik": "ID", "nama": None})
    dock.code_list_file.setFilePath(str(code_list))
    dock.coordinate_crs.setCrs(QgsCoordinateReferenceSystem("EPSG:32748"))
    request = dock.collect_request()

    assert request.options == ImportOptions(
        sheet="", header_row=3, encoding="cp1252", delimiter=";",
        mapping_override={"nik": "ID", "nama": None}, code_list_path=str(code_list),
        coordinate_crs="EPSG:32748")
    assert dock.import_options_box.title() == "Import options (changed)"
    assert no_code_list_setting.value(dock_module.CODE_LIST_SETTING) == str(code_list)


def test_tab_delimiter_reaches_options(dock):
    choose_data(dock.delimiter_combo, "\t")

    assert dock.import_options().delimiter == "\t"


def test_text_options_ignored_for_spreadsheet(dock, tmp_path):
    choose_data(dock.encoding_combo, "cp1252")
    choose_data(dock.delimiter_combo, ";")

    dock.table_file.setFilePath(str(tmp_path / "tidak_ada.ods"))
    options = dock.import_options()

    assert options.encoding == ""
    assert options.delimiter == ""


def test_crs_without_authid_as_wkt():
    custom = QgsCoordinateReferenceSystem.fromProj(
        "+proj=tmerc +lat_0=0 +lon_0=103.3 +k=0.9999 +x_0=200000 +y_0=1500000 +ellps=WGS84 "
        "+units=m +no_defs")
    assert custom.authid() == ""

    text = dock_module.crs_text(custom)

    assert text.startswith("WKT:")
    # The false origin of this projection lies on the equator at its central meridian.
    lon, lat = point_transform_for(text)(200000, 1500000)
    assert lon == pytest.approx(103.3)
    assert lat == pytest.approx(0.0, abs=1e-9)
    assert dock_module.crs_text(QgsCoordinateReferenceSystem("EPSG:32748")) == "EPSG:32748"
    assert dock_module.crs_text(QgsCoordinateReferenceSystem()) == ""


def test_code_list_remembered(plugin, no_code_list_setting, tmp_path):
    code_list = tmp_path / "kode.csv"
    code_list.write_text("kode,nama,tingkat\n", encoding="utf-8")
    plugin.dock.code_list_file.setFilePath(str(code_list))

    plugin.unload()
    plugin.initGui()

    assert plugin.dock.code_list_file.filePath() == str(code_list)


def test_missing_code_list_rejected(dock, data_dir, tmp_path):
    missing = tmp_path / "tidak_ada.csv"
    dock.boundary_file.setFilePath(str(data_dir / "batas_bengkulu.gpkg"))
    dock.code_list_file.setFilePath(str(missing))

    dock.run_button.click()

    assert dock.task is None
    assert dock.message_label.text() == (
        f"Region code list not found: {missing}. Choose the file again under Import options, "
        "or clear the field.")


def test_read_columns_with_header_row(dock, tmp_path):
    dock.table_file.setFilePath(write_titled_table(tmp_path))
    dock.header_row_spin.setValue(3)

    dock.mapping_panel.read_button.click()
    assert not dock.mapping_panel.read_button.isEnabled()
    wait_until(lambda: dock.column_task is None)

    panel = dock.mapping_panel
    assert panel.read_button.isEnabled()
    assert panel.status_label.text() == "Detected: utf-8, ';', header on row 3"
    assert panel.table.combo("nama").currentText() == "NAMA ART"
    assert panel.table.combo("latitude").currentText() == "LINTANG"
    assert panel.table.combo("nik").currentText() == "(none)"
    assert panel.override() == {}


def test_read_columns_error_shown(dock, tmp_path):
    dock.table_file.setFilePath(write_titled_table(tmp_path))
    dock.header_row_spin.setValue(99)

    dock.mapping_panel.read_button.click()
    wait_until(lambda: dock.column_task is None)

    assert dock.mapping_panel.status_label.text() == (
        "Header row 99 is past the end of the file (6 rows).")
    assert dock.mapping_panel.read_button.isEnabled()


def test_option_change_forgets_columns(dock):
    dock.mapping_panel.read_button.click()
    wait_until(lambda: dock.column_task is None)
    choose_column(dock, "nik", "NO_KK")
    assert dock.mapping_panel.table.has_columns()

    dock.header_row_spin.setValue(1)

    assert not dock.mapping_panel.table.has_columns()
    assert dock.mapping_panel.override() == {"nik": "NO_KK", "no_kk": None}


def test_run_with_header_row_and_mapping(dock, data_dir, tmp_path):
    path = write_titled_table(tmp_path)
    # Without the header row, detection takes the region labels on row 2.
    assert read_table(path).header_row == 2
    dock.table_file.setFilePath(path)
    dock.boundary_file.setFilePath(str(data_dir / "batas_bengkulu.gpkg"))
    dock.header_row_spin.setValue(3)
    choose_data(dock.delimiter_combo, ";")
    dock.mapping_panel.read_button.click()
    wait_until(lambda: dock.column_task is None)
    for field, header in TITLED_OVERRIDE.items():
        choose_column(dock, field, header)
    assert dock.mapping_panel.override() == TITLED_OVERRIDE

    dock.run_button.click()
    wait_until(lambda: dock.task is None)

    assert dock.message_label.text().startswith("Done.")
    recipients = result_group().findLayers()[0].layer()
    assert recipients.name() == "penerima"
    assert {feature["nik"] for feature in recipients.getFeatures()} == TITLED_NIKS
    assert feature_count(recipients, "\"metode_lokasi\" = 'kode'") == 3
    assert feature_count(recipients, "\"no_kk\" = '1704010101100001'") == 2
    assert feature_count(recipients, "\"tgl_lahir\" = to_date('1980-03-12')") == 1
    summary = dock.summary_text.toPlainText().splitlines()
    assert "Encoding: utf-8, delimiter: ';', header on row 3" in summary
    assert "Rows read: 5" in summary
    assert "Loaded: 3" in summary
    assert "Rejected: 2" in summary
    assert "  baris_judul: 2" in summary


def test_missing_package_blocks_dock(iface, monkeypatch):
    monkeypatch.setattr(main_module, "REQUIRED_PACKAGES", ("rapidfuzz", "paket_yang_tidak_ada"))
    plugin = main_module.DtksSpasialPlugin(iface)
    plugin.initGui()
    try:
        assert plugin.dock is None
        assert plugin.provider is None
        assert main_module.missing_packages() == ["paket_yang_tidak_ada"]
        messages = iface.messageBar().get_messages(Qgis.MessageLevel.Critical)
        assert any("paket_yang_tidak_ada" in message for message in messages)
    finally:
        plugin.unload()


def test_boundary_fields_and_score_reach_request(dock, data_dir):
    layer = QgsVectorLayer(f"{data_dir / 'batas_bengkulu.gpkg'}|layername=desa", "desa", "ogr")
    QgsProject.instance().addMapLayer(layer)
    dock.boundary_layer.setLayer(layer)
    dock.min_name_score.setValue(88)
    mapping = {"kode": "KDEPUM", "nama": "WADMKD"}
    save_field_mapping(layer, mapping)
    try:
        assert dock.boundary_layer_for_fields() is layer
        request = dock.collect_request()
        assert request.options.boundary_fields == mapping
        assert request.options.min_name_score == 88.0
    finally:
        save_field_mapping(layer, {})
    assert dock.collect_request().options.boundary_fields is None


def test_boundary_fields_of_a_file(dock, data_dir):
    dock.boundary_file.setFilePath(str(data_dir / "batas_bengkulu.gpkg"))
    layer = dock.boundary_layer_for_fields()
    assert layer.source().endswith("|layername=desa")
    assert dock.collect_request().options.min_name_score == 80.0
