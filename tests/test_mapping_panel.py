"""The column mapping panel of the dock: detected mapping, override and saved mappings."""

import pytest
from qgis.core import QgsSettings
from qgis.PyQt.QtWidgets import QInputDialog, QMessageBox

from dtks_spasial.plugin.core.column_mapping import CANONICAL_FIELDS, MappingPresets
from dtks_spasial.plugin.core.table_reader import Table, read_table
from dtks_spasial.plugin.gui import mapping_panel as panel_module
from dtks_spasial.plugin.gui.mapping_panel import MappingPanel

PRESET_NAME = "uji pytest ID"
NAMES_KEY = MappingPresets.PREFIX + "_names"


def write_small_table(folder) -> str:
    path = folder / "kecil.csv"
    path.write_text("ID;NAMA ART;TGL\n"
                    "3273011203800001;BUDI SANTOSO;12-03-1980\n"
                    "3273014505850002;SITI AMINAH;05-05-1985\n", encoding="utf-8")
    return str(path)


def combo_texts(combo) -> list:
    return [combo.itemText(index) for index in range(combo.count())]


def choose(panel, field: str, text: str) -> None:
    combo = panel.table.combo(field)
    index = combo.findText(text)
    assert index >= 0, f"{text!r} is not an item of the {field} combo box"
    combo.setCurrentIndex(index)


@pytest.fixture()
def preset_settings():
    """Keep the saved-mapping keys of QgsSettings as they were before the test."""
    settings = QgsSettings()
    names_before = settings.value(NAMES_KEY, None)
    yield settings
    settings.remove(MappingPresets.PREFIX + PRESET_NAME)
    settings.remove(MappingPresets.PREFIX + "a/b")
    if names_before is None:
        settings.remove(NAMES_KEY)
    else:
        settings.setValue(NAMES_KEY, names_before)


@pytest.fixture()
def panel(tmp_path):
    """Return a panel showing the columns of the small table (ID;NAMA ART;TGL)."""
    panel = MappingPanel()
    panel.show_columns(read_table(write_small_table(tmp_path)))
    return panel


def test_panel_shows_detected_mapping(panel):
    assert panel.table.rowCount() == len(CANONICAL_FIELDS)
    assert panel.table.item(0, 0).text() == "nik"
    assert combo_texts(panel.table.combo("nik")) == ["(none)", "ID", "NAMA ART", "TGL"]
    assert panel.table.combo("nama").currentText() == "NAMA ART"
    assert panel.table.combo("nik").currentText() == "(none)"
    assert panel.table.combo("tgl_lahir").currentText() == "(none)"
    assert panel.table.combo("nik").isEnabled()
    assert panel.status_label.text() == "Detected: utf-8, ';', header on row 1"
    assert panel.override() == {}


def test_changing_combo_yields_override(panel):
    choose(panel, "nik", "ID")
    assert panel.override() == {"nik": "ID"}

    choose(panel, "tgl_lahir", "TGL")
    assert panel.override() == {"nik": "ID", "tgl_lahir": "TGL"}

    choose(panel, "nama", "(none)")
    assert panel.override() == {"nik": "ID", "tgl_lahir": "TGL", "nama": None}


def test_column_moves_to_new_field(panel):
    choose(panel, "nik", "ID")

    choose(panel, "no_kk", "ID")

    assert panel.table.combo("nik").currentText() == "(none)"
    assert panel.override() == {"no_kk": "ID"}


def test_changed_fields_shown_bold(panel):
    choose(panel, "nik", "ID")

    assert panel.table.item(CANONICAL_FIELDS.index("nik"), 0).font().bold()
    assert not panel.table.item(CANONICAL_FIELDS.index("nama"), 0).font().bold()


def test_override_reaches_read_table(panel, tmp_path):
    choose(panel, "nik", "ID")
    choose(panel, "tgl_lahir", "TGL")

    table = read_table(write_small_table(tmp_path), mapping_override=panel.override())

    assert table.mapping == {"nik": 0, "nama": 1, "tgl_lahir": 2}


def test_override_signal_on_edit(panel):
    emitted = []
    panel.overrideChanged.connect(lambda: emitted.append(True))

    choose(panel, "nik", "ID")

    assert emitted == [True]


def test_pending_override_before_read():
    panel = MappingPanel()

    panel.table.apply_override({"nik": "ID", "nama": None})

    assert panel.override() == {"nik": "ID", "nama": None}
    assert combo_texts(panel.table.combo("nik")) == ["ID"]
    assert panel.table.combo("nama").currentText() == "(none)"
    assert panel.table.combo("no_kk").currentText() == "(automatic)"
    assert not panel.table.combo("nik").isEnabled()


def test_forget_columns_keeps_override(panel):
    choose(panel, "nik", "ID")

    panel.forget_columns()

    assert not panel.table.has_columns()
    assert panel.override() == {"nik": "ID"}
    assert panel.table.combo("nik").currentText() == "ID"
    assert panel.status_label.text().startswith("Click Read columns")


def test_reread_with_override_keeps_it(panel, tmp_path):
    choose(panel, "nik", "ID")

    panel.show_columns(read_table(write_small_table(tmp_path), mapping_override=panel.override()))

    assert panel.table.combo("nik").currentText() == "ID"
    assert panel.override() == {"nik": "ID"}


def test_preset_round_trips_settings(panel, preset_settings, tmp_path, monkeypatch):
    monkeypatch.setattr(QInputDialog, "getText",
                        staticmethod(lambda *args, **kwargs: (PRESET_NAME, True)))
    monkeypatch.setattr(QMessageBox, "question",
                        staticmethod(lambda *args, **kwargs: QMessageBox.StandardButton.Yes))
    choose(panel, "nik", "ID")
    choose(panel, "nama", "(none)")

    panel.save_button.click()

    assert preset_settings.value(MappingPresets.PREFIX + PRESET_NAME) == "nama=;nik=ID"
    assert PRESET_NAME in MappingPresets(preset_settings).names()
    assert panel.preset_combo.currentText() == PRESET_NAME
    assert panel.status_label.text() == f"Column mapping saved as '{PRESET_NAME}'."

    other = MappingPanel()
    other.show_columns(read_table(write_small_table(tmp_path)))
    assert other.override() == {}
    index = other.preset_combo.findText(PRESET_NAME)
    assert index > 0
    other.preset_combo.setCurrentIndex(index)
    other.preset_combo.activated.emit(index)
    assert other.override() == {"nik": "ID", "nama": None}
    assert other.table.combo("nik").currentText() == "ID"
    assert other.table.combo("nama").currentText() == "(none)"

    other.delete_button.click()
    assert PRESET_NAME not in MappingPresets(preset_settings).names()
    assert other.preset_combo.findText(PRESET_NAME) == -1
    assert other.preset_combo.currentText() == "(no saved mapping)"
    assert not other.delete_button.isEnabled()


def test_no_preset_returns_to_detected(panel, preset_settings, monkeypatch):
    monkeypatch.setattr(QInputDialog, "getText",
                        staticmethod(lambda *args, **kwargs: (PRESET_NAME, True)))
    choose(panel, "nik", "ID")
    panel.save_button.click()

    panel.preset_combo.setCurrentIndex(0)
    panel.preset_combo.activated.emit(0)

    assert panel.override() == {}
    assert panel.table.combo("nik").currentText() == "(none)"


def test_replace_preset_needs_confirmation(panel, preset_settings, monkeypatch):
    monkeypatch.setattr(QInputDialog, "getText",
                        staticmethod(lambda *args, **kwargs: (PRESET_NAME, True)))
    monkeypatch.setattr(QMessageBox, "question",
                        staticmethod(lambda *args, **kwargs: QMessageBox.StandardButton.No))
    choose(panel, "nik", "ID")
    panel.save_button.click()

    choose(panel, "tgl_lahir", "TGL")
    panel.save_button.click()

    assert preset_settings.value(MappingPresets.PREFIX + PRESET_NAME) == "nik=ID"


def test_preset_name_with_slash_rejected(panel, preset_settings, monkeypatch):
    monkeypatch.setattr(QInputDialog, "getText",
                        staticmethod(lambda *args, **kwargs: ("a/b", True)))
    names_before = MappingPresets(preset_settings).names()
    choose(panel, "nik", "ID")

    panel.save_button.click()

    assert MappingPresets(preset_settings).names() == names_before
    assert preset_settings.value(MappingPresets.PREFIX + "a/b", None) is None
    assert panel.status_label.text() == (
        "The name 'a/b' cannot be used: it must not contain / or \\ and must not start with _.")


def test_save_without_changes_rejected(panel, preset_settings, monkeypatch):
    def fail(*args, **kwargs):
        raise AssertionError("no name should be asked for")

    monkeypatch.setattr(QInputDialog, "getText", staticmethod(fail))
    names_before = MappingPresets(preset_settings).names()

    panel.save_button.click()

    assert MappingPresets(preset_settings).names() == names_before
    assert panel.status_label.text().startswith("The column mapping has no changes")


def test_column_labels_number_repeated_names():
    labels = panel_module.column_labels(["NAMA", "ID", "NAMA"])

    assert labels == ["NAMA (column 1)", "ID", "NAMA (column 3)"]


def test_detected_text_sheet_and_tab():
    sheet = Table(headers=["NIK"], header_row=4, encoding="xlsx", sheet="Data")
    tab = Table(headers=["NIK"], header_row=1, encoding="cp1252", delimiter="\t")

    assert panel_module.detected_text(sheet) == "Detected: sheet 'Data', header on row 4"
    assert panel_module.detected_text(tab) == "Detected: cp1252, tab, header on row 1"
