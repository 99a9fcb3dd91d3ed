"""Bahasa Indonesia catalogue: complete, compiled and loaded by the plugin."""

import subprocess
import sys

from dtks_spasial.plugin import i18n
from conftest import REPO


def test_every_string_translated():
    check = subprocess.run([sys.executable, str(REPO / "scripts" / "update_ts.py"), "--check"],
                           capture_output=True, text=True)
    assert check.stdout == ""
    assert check.returncode == 0


def test_indonesian_catalogue_loads():
    assert i18n.install_translator("id")
    try:
        assert i18n.tr("Rows read: {n}").format(n=5) == "Baris dibaca: 5"
        assert i18n.tr("Import DTKS table") == "Impor tabel DTKS"
    finally:
        i18n.remove_translators()
    assert i18n.tr("Import DTKS table") == "Import DTKS table"


def test_print_date_in_indonesian():
    import datetime

    from dtks_spasial.plugin.gis.layout import format_date

    assert i18n.install_translator("id")
    try:
        assert format_date(datetime.date(2026, 12, 4)) == "4 Desember 2026"
        assert format_date(datetime.date(2026, 5, 1)) == "1 Mei 2026"
    finally:
        i18n.remove_translators()
    assert format_date(datetime.date(2026, 12, 4)) == "4 December 2026"


def test_map_letters_follow_the_language():
    from dtks_spasial.plugin.gis import layout

    assert layout.hemisphere_letters() == ("W", "E", "S", "N")
    assert layout.north_arrow_path().name == "utara_n.svg"
    assert i18n.install_translator("id")
    try:
        assert layout.hemisphere_letters() == ("BB", "BT", "LS", "LU")
        assert layout.north_arrow_path() == layout.NORTH_ARROW_PATH
    finally:
        i18n.remove_translators()
