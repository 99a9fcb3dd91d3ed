"""Run dtks:run_pipeline headless and print its summary (used by ``make run``).

Usage: python scripts/run_pipeline.py INPUT BOUNDARIES REGION OUTDIR [SHEET]
Writes OUTDIR/hasil.gpkg and OUTDIR/peta.pdf. The language of the summary
follows DTKS_LANG (default ``id``).
"""

import os
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
PACKAGE_PARENT = Path(__file__).resolve().parents[1] / "build" / "pkg"


def _import_plugin():
    link = PACKAGE_PARENT / "dtks_spasial"
    if not link.exists():
        PACKAGE_PARENT.mkdir(parents=True, exist_ok=True)
        link.symlink_to(Path(__file__).resolve().parents[1], target_is_directory=True)
    sys.path.insert(0, str(PACKAGE_PARENT))


def main(argv) -> int:
    if len(argv) < 5:
        print(__doc__)
        return 2
    input_path, boundaries, region, out_dir = argv[1:5]
    sheet = argv[5] if len(argv) > 5 else ""
    _import_plugin()

    from qgis.core import QgsApplication, QgsProcessingFeedback
    application = QgsApplication([], False)
    application.initQgis()
    sys.path.append(os.path.join(QgsApplication.pkgDataPath(), "python", "plugins"))
    from processing.core.Processing import Processing
    import processing
    from qgis.core import QgsProcessingException

    from dtks_spasial.plugin.i18n import install_translator, tr
    install_translator(os.environ.get("DTKS_LANG", "id"))
    from dtks_spasial.plugin.processing.provider import DtksProvider

    Processing.initialize()
    provider = DtksProvider()
    QgsApplication.processingRegistry().addProvider(provider)

    gpkg = os.path.join(out_dir, "hasil.gpkg")
    pdf = os.path.join(out_dir, "peta.pdf")
    started = time.monotonic()
    try:
        results = processing.run("dtks:run_pipeline", {
            "INPUT": input_path, "SHEET": sheet, "BOUNDARIES": boundaries, "REGION": region,
            "OUTPUT": gpkg, "MAP_PDF": pdf if region else None,
        }, feedback=QgsProcessingFeedback())
    except QgsProcessingException as error:
        # processing.run puts an untranslated "Unable to execute algorithm" line first.
        lines = str(error).splitlines()
        if len(lines) > 1 and lines[0].startswith("Unable to execute"):
            lines = lines[1:]
        print(tr("Failed: {error}").format(error="\n".join(lines)), file=sys.stderr)
        return 1
    finally:
        QgsApplication.processingRegistry().removeProvider(provider)

    from dtks_spasial.plugin.gis.pipeline import summary_lines
    print("\n".join(summary_lines(results["SUMMARY"])))
    print(tr("Results: {path}").format(path=gpkg))
    if region:
        print(tr("Map: {path}").format(path=pdf))
    print(tr("Time: {seconds:.1f} s").format(seconds=time.monotonic() - started))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
