"""The "DTKS Spasial" Processing provider."""

from pathlib import Path

from qgis.core import QgsProcessingProvider
from qgis.PyQt.QtGui import QIcon

from .algorithms import (
    ExportThematicMap, FindDuplicates, ImportTable, RunPipeline, SnapToBoundaries,
)
from .offline_algorithm import PackageOffline

ICON = Path(__file__).resolve().parents[2] / "resources" / "icons" / "dtks.svg"


class DtksProvider(QgsProcessingProvider):
    """Provider with one algorithm per step of the DTKS job, and the whole job."""

    def id(self):
        return "dtks"

    def name(self):
        return "DTKS Spasial"

    def longName(self):
        return self.name()

    def icon(self):
        return QIcon(str(ICON))

    def loadAlgorithms(self):
        for algorithm in (ImportTable(), SnapToBoundaries(), FindDuplicates(),
                          ExportThematicMap(), RunPipeline(), PackageOffline()):
            self.addAlgorithm(algorithm)
