"""Shared fixtures: the plugin package on sys.path, the shared data and one full run."""

import csv
import os
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
DATA = Path(os.environ.get("DTKS_DATA", REPO.parent / "shared" / "data")).resolve()

sys.path.insert(0, str(REPO / "scripts"))
from plugin_path import add_plugin_to_path  # noqa: E402  (scripts/ is not a package)

add_plugin_to_path()

KAUR_CSV = DATA / "dtks_sample" / "dtks_kaur.csv"
KAUR_TRUTH = DATA / "dtks_sample" / "dtks_kaur_truth.csv"
BENGKULU = DATA / "batas_bengkulu.gpkg"


@pytest.fixture(scope="session")
def data_dir() -> Path:
    """Return the shared data folder, failing clearly when it is missing."""
    if not BENGKULU.is_file():
        pytest.fail(f"Shared data not found in {DATA}; set DTKS_DATA to its folder.")
    return DATA


@pytest.fixture(scope="session")
def kaur_truth(data_dir):
    """Return {baris: truth row} of the Kaur sample."""
    with open(KAUR_TRUTH, encoding="utf-8", newline="") as handle:
        return {int(row["baris"]): row for row in csv.DictReader(handle)}


@pytest.fixture(scope="session")
def kaur_run(data_dir, tmp_path_factory):
    """Run the whole pipeline once on the Kaur sample; return (result, gpkg, pdf)."""
    from dtks_spasial.plugin.gis.pipeline import run_pipeline

    out = tmp_path_factory.mktemp("kaur")
    gpkg, pdf = out / "hasil.gpkg", out / "peta.pdf"
    result = run_pipeline(str(KAUR_CSV), f"{BENGKULU}|layername=desa", "17.04", str(gpkg),
                          str(pdf))
    return result, gpkg, pdf


@pytest.fixture(scope="session")
def processing_ready(qgis_app):
    """Initialise Processing and register the DTKS provider for the session."""
    from qgis.core import QgsApplication

    python_plugins = os.path.join(QgsApplication.pkgDataPath(), "python", "plugins")
    if python_plugins not in sys.path:
        sys.path.append(python_plugins)
    from processing.core.Processing import Processing

    from dtks_spasial.plugin.processing.provider import DtksProvider

    Processing.initialize()
    provider = DtksProvider()
    QgsApplication.processingRegistry().addProvider(provider)
    yield provider
    QgsApplication.processingRegistry().removeProvider(provider)
