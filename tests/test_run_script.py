"""The command-line script behind make run: its options and help, without QGIS."""

import subprocess
import sys

from conftest import REPO

from dtks_spasial.plugin.core.table_reader import ENCODING_CHOICES
from dtks_spasial.plugin.processing.algorithms import DELIMITER_CHOICES

sys.path.insert(0, str(REPO / "scripts"))
import run_pipeline  # noqa: E402  (scripts/ is not a package)


def test_choices_follow_processing_parameters():
    assert run_pipeline.ENCODINGS == ENCODING_CHOICES
    assert [("\t" if value == "tab" else value) for value in run_pipeline.DELIMITERS] == list(
        DELIMITER_CHOICES)


def test_help_lists_every_option():
    completed = subprocess.run([sys.executable, str(REPO / "scripts" / "run_pipeline.py"),
                                "--help"], capture_output=True, text=True, check=True)
    for option in ("--sheet", "--codes", "--crs", "--header-row", "--encoding", "--delimiter",
                   "--mapping", "--boundary-fields", "--min-name-score"):
        assert option in completed.stdout
    assert completed.stdout.startswith("usage: run_pipeline.py ")
