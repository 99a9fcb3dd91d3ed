"""Plugin metadata and the ZIP built for Plugins ▸ Install from ZIP."""

import configparser
import subprocess
import sys
import zipfile

from qgis.core import Qgis

from conftest import REPO


def _metadata():
    parser = configparser.ConfigParser()
    parser.read(REPO / "metadata.txt", encoding="utf-8")
    return parser["general"]


def test_metadata_fields():
    general = _metadata()
    assert general["name"] == "DTKS Spasial"
    assert general["qgisMinimumVersion"] == "3.22"
    assert general["category"] == "Vector"
    assert general["hasProcessingProvider"] == "yes"
    assert (REPO / general["icon"]).is_file()
    major, minor, patch = (int(part) for part in general["version"].split("."))
    assert (major, minor, patch) >= (0, 1, 0)
    minimum = tuple(int(part) for part in general["qgisMinimumVersion"].split("."))
    assert Qgis.QGIS_VERSION_INT >= minimum[0] * 10000 + minimum[1] * 100


def test_package_zip(tmp_path):
    build = subprocess.run([sys.executable, str(REPO / "scripts" / "package.py")],
                           capture_output=True, text=True, cwd=REPO)
    assert build.returncode == 0, build.stderr
    version = _metadata()["version"]
    with zipfile.ZipFile(REPO / "dist" / f"dtks_spasial-{version}.zip") as archive:
        names = set(archive.namelist())
    for required in ("metadata.txt", "__init__.py", "plugin/main.py", "plugin/core/records.py",
                     "resources/layouts/peta_a4_lanskap.qpt", "i18n/dtks_spasial_id.qm",
                     "README.md", "LICENSE"):
        assert f"dtks_spasial/{required}" in names
    assert not any(name.startswith("dtks_spasial/tests/") for name in names)
    assert not any("__pycache__" in name for name in names)
