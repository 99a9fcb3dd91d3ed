"""Time the DTKS table import against GDAL's own CSV-to-GeoPackage conversion.

Usage:
    python scripts/bench_import.py [--rows "100000 1000000"] [--seed 1] [--data DIR]
        [--work build/bench] [--report FILE] [--repeat 1]

For each size, a synthetic table is generated with scripts/generate_dtks.py
(cached in the work folder, keyed by rows and seed) and converted twice,
each time in a child process:

- ours: ``import_recipients`` (read, parse and check every NIK, date and
  coordinate), then ``write_geopackage`` of the recipient and rejected
  layers, with each parsed coordinate as the point geometry;
- GDAL: ``ogr2ogr -f GPKG out.gpkg in.csv -oo X_POSSIBLE_NAMES=LONGITUDE
  -oo Y_POSSIBLE_NAMES=LATITUDE -a_srs EPSG:4326``.

Wall time covers the whole child process, start-up included. Peak memory
is the child's maximum resident set size from ``os.wait4``. The script
also checks that loaded + rejected rows equal the rows read and the rows
generated, and exits with status 1 when they do not.
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

from plugin_path import add_plugin_to_path

REPO = Path(__file__).resolve().parents[1]
GENERATOR = REPO / "scripts" / "generate_dtks.py"
DEFAULT_DATA = REPO.parent / "shared" / "data"
DEFAULT_WORK = REPO / "build" / "bench"
DEFAULT_ROWS = "100000 1000000"
# The speed goal: our import may take at most this multiple of GDAL's time.
TARGET_RATIO = 1.5


def run_child_import(table_path: str, gpkg_path: str, result_path: str) -> int:
    """Import one table and write its GeoPackage; store counts and phase times as JSON."""
    started = time.perf_counter()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    add_plugin_to_path()
    from qgis.core import QgsApplication

    application = QgsApplication([], False)
    application.initQgis()
    from dtks_spasial.plugin.gis.pipeline import PipelineResult, import_recipients, write_geopackage

    ready = time.perf_counter()
    table, recipients = import_recipients(table_path)
    imported = time.perf_counter()
    # Snapping would give each recipient with a coordinate its point; this
    # benchmark skips snapping, so the parsed coordinate is the geometry.
    for item in recipients:
        if item.lat is not None:
            item.x, item.y = item.lon, item.lat
    if os.path.exists(gpkg_path):
        os.remove(gpkg_path)
    write_geopackage(PipelineResult(table=table, recipients=recipients), gpkg_path)
    written = time.perf_counter()

    result = {
        "rows_read": table.rows_read,
        "loaded": len(recipients),
        "rejected": len(table.rejected),
        "points": sum(1 for item in recipients if item.x is not None),
        "startup_s": ready - started,
        "import_s": imported - ready,
        "write_s": written - imported,
    }
    Path(result_path).write_text(json.dumps(result), encoding="utf-8")
    application.exitQgis()
    return 0


def timed_run(command) -> dict:
    """Run a command; return its wall time in seconds and peak resident set size in MB."""
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise RuntimeError(f"Command failed with exit status {process.returncode}: "
                           f"{' '.join(map(str, command))}")
    # ru_maxrss is in kilobytes on Linux.
    return {"wall_s": wall, "peak_mb": usage.ru_maxrss / 1024}


def cached_table(rows: int, seed: int, work: Path, data: Path) -> Path:
    """Return the generated table for rows and seed, generating it when missing or stale."""
    path = work / f"dtks_{rows}_seed{seed}.csv"
    if path.exists() and path.stat().st_mtime >= GENERATOR.stat().st_mtime:
        print(f"Using cached table {path}", flush=True)
        return path
    print(f"Generating {rows} rows (seed {seed}) into {path} …", flush=True)
    partial = path.with_suffix(".partial.csv")
    subprocess.run([sys.executable, str(GENERATOR), "--rows", str(rows), "--seed", str(seed),
                    "--out", str(partial), "--data", str(data)], check=True)
    partial.replace(path)
    return path


def gdal_feature_count(gpkg: Path) -> int:
    """Return the feature count of the single layer that ogr2ogr wrote."""
    output = subprocess.run(["ogrinfo", "-so", "-al", str(gpkg)], check=True,
                            capture_output=True, text=True).stdout
    for line in output.splitlines():
        if line.strip().startswith("Feature Count:"):
            return int(line.split(":")[1])
    raise RuntimeError(f"ogrinfo output has no 'Feature Count' line for {gpkg}.")


def bench_size(rows: int, seed: int, work: Path, data: Path, repeat: int) -> dict:
    """Time ours and GDAL on one table size.

    Return the median wall times, the maximum peak memory over the runs, the
    row counts and our median phase times.
    """
    table = cached_table(rows, seed, work, data)
    ours_gpkg, gdal_gpkg = work / f"ours_{rows}.gpkg", work / f"gdal_{rows}.gpkg"
    result_json = work / f"ours_{rows}.json"
    ours, gdal, phases = [], [], []
    for attempt in range(repeat):
        print(f"{rows} rows, run {attempt + 1}/{repeat}: our import …", flush=True)
        ours.append(timed_run([sys.executable, str(Path(__file__).resolve()), "--child-import",
                               str(table), str(ours_gpkg), str(result_json)]))
        phases.append(json.loads(result_json.read_text(encoding="utf-8")))
        print(f"{rows} rows, run {attempt + 1}/{repeat}: ogr2ogr …", flush=True)
        if gdal_gpkg.exists():
            gdal_gpkg.unlink()
        gdal.append(timed_run(["ogr2ogr", "-f", "GPKG", str(gdal_gpkg), str(table),
                               "-oo", "X_POSSIBLE_NAMES=LONGITUDE",
                               "-oo", "Y_POSSIBLE_NAMES=LATITUDE", "-a_srs", "EPSG:4326"]))
    counts = phases[-1]
    return {
        "rows": rows,
        "ours_s": statistics.median(run["wall_s"] for run in ours),
        "ours_mb": max(run["peak_mb"] for run in ours),
        "gdal_s": statistics.median(run["wall_s"] for run in gdal),
        "gdal_mb": max(run["peak_mb"] for run in gdal),
        "gdal_features": gdal_feature_count(gdal_gpkg),
        "counts": counts,
        "phases": {name: statistics.median(run[name] for run in phases)
                   for name in ("startup_s", "import_s", "write_s")},
    }


def format_report(results, seed: int, repeat: int) -> tuple:
    """Return (report text, whether every accounting check passed)."""
    lines = [
        f"Import: our import_recipients + write_geopackage vs GDAL ogr2ogr CSV -> GPKG "
        f"(seed {seed}, median of {repeat} run{'s' if repeat > 1 else ''})",
        f"{'rows':>10}  {'ours (s)':>9}  {'ours peak MB':>12}  {'GDAL (s)':>9}  "
        f"{'GDAL peak MB':>12}  {'ratio':>6}",
    ]
    for result in results:
        ratio = result["ours_s"] / result["gdal_s"]
        lines.append(f"{result['rows']:>10}  {result['ours_s']:>9.1f}  {result['ours_mb']:>12.0f}  "
                     f"{result['gdal_s']:>9.1f}  {result['gdal_mb']:>12.0f}  {ratio:>5.1f}x")
    lines.append("")
    all_passed = True
    for result in results:
        counts, phases = result["counts"], result["phases"]
        balanced = counts["loaded"] + counts["rejected"] == counts["rows_read"]
        complete = counts["rows_read"] == result["rows"]
        all_passed = all_passed and balanced and complete
        lines.append(
            f"{result['rows']} rows: loaded {counts['loaded']} + rejected {counts['rejected']} "
            f"= {counts['loaded'] + counts['rejected']}, rows read {counts['rows_read']}, "
            f"rows generated {result['rows']}: {'OK' if balanced and complete else 'MISMATCH'}")
        lines.append(
            f"  ours: start-up {phases['startup_s']:.1f} s, read + parse {phases['import_s']:.1f} s, "
            f"write {phases['write_s']:.1f} s, {counts['points']} points; "
            f"GDAL wrote {result['gdal_features']} features")
    ratios = [result["ours_s"] / result["gdal_s"] for result in results]
    verdict = "met" if max(ratios) <= TARGET_RATIO else "not met"
    lines.append(f"Target: ours at most {TARGET_RATIO}x GDAL's time: {verdict}.")
    return "\n".join(lines) + "\n", all_passed


def benchmark_parser(description: str, default_rows: str, default_data, default_work):
    """Return an argument parser with the options every size benchmark takes.

    --rows (or BENCH_ROWS), --seed, --data, --work, --report and --repeat.
    """
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--rows", default=os.environ.get("BENCH_ROWS") or default_rows,
                        help=f"table sizes in rows, separated by spaces (default: {default_rows})")
    parser.add_argument("--seed", type=int, default=1, help="generator seed (default: 1)")
    parser.add_argument("--data", default=str(default_data),
                        help=f"shared data folder with the village layer (default: {default_data})")
    parser.add_argument("--work", default=str(default_work),
                        help=f"folder for cached inputs and outputs (default: {default_work})")
    parser.add_argument("--report", help="also write the report to this file")
    parser.add_argument("--repeat", type=int, default=1,
                        help="runs per size and side; times are medians (default: 1)")
    return parser


def parse_arguments(argv):
    parser = benchmark_parser(__doc__.split("\n\n")[0], DEFAULT_ROWS, DEFAULT_DATA, DEFAULT_WORK)
    parser.add_argument("--child-import", nargs=3, metavar=("TABLE", "GPKG", "JSON"),
                        help=argparse.SUPPRESS)
    return parser.parse_args(argv)


def main(argv=None) -> int:
    arguments = parse_arguments(argv)
    if arguments.child_import:
        return run_child_import(*arguments.child_import)
    try:
        sizes = [int(size) for size in arguments.rows.split()]
    except ValueError:
        print(f"bench_import: invalid --rows '{arguments.rows}'; give whole numbers separated "
              f"by spaces, such as \"100000 1000000\".", file=sys.stderr)
        return 2
    if arguments.repeat < 1:
        print(f"bench_import: invalid --repeat {arguments.repeat}; use 1 or more.", file=sys.stderr)
        return 2
    work, data = Path(arguments.work), Path(arguments.data)
    work.mkdir(parents=True, exist_ok=True)

    results = [bench_size(rows, arguments.seed, work, data, arguments.repeat) for rows in sizes]
    report, all_passed = format_report(results, arguments.seed, arguments.repeat)
    print()
    print(report, end="")
    if arguments.report:
        Path(arguments.report).write_text(report, encoding="utf-8")
    return 0 if all_passed else 1


if __name__ == "__main__":
    sys.exit(main())
