"""Time the village snap against QGIS's own point-in-polygon join on the same data.

Usage:
    python scripts/bench_snap.py [--rows "100000 1000000"] [--seed 1] [--data DIR]
        [--work build/bench] [--report FILE] [--repeat 1]

For each size, a synthetic table and its truth file are generated with
scripts/generate_dtks.py over the 5,957 villages of ``batas_jabar_desa.gpkg``
and imported once into a recipient GeoPackage (``recipients_<rows>_seed<seed>.gpkg``,
layer ``penerima``, each parsed coordinate as the point). Both are cached in the
work folder. Then two Processing algorithms run on that layer, each in its own
child process, from the same input GeoPackage to a new output GeoPackage:

- ours: ``dtks:snap_to_boundaries`` with the village layer as BOUNDARIES
  (registered village by code, name or point, village names, statuses,
  distances, points placed for rows without a coordinate);
- QGIS: ``native:joinattributesbylocation`` with the recipients as INPUT,
  the villages as JOIN, predicate intersects, JOIN_FIELDS ``kode``, one-to-one
  (METHOD 1, "first matching feature only") and DISCARD_NONMATCHING false, so
  its output has one row per recipient like ours.

The times compared are those of the algorithm's ``run`` call in the child:
opening the input, reading the villages, the work and writing the output.
QGIS start-up is left out on both sides but the child's whole wall time is
printed too. Peak memory is the child's maximum resident set size from
``os.wait4``, which includes start-up. Our accuracy is the share of records
whose ``kode_desa`` is the generator's true village, and the agreement of our
``kode_desa_koordinat`` with the join's ``kode`` on rows with a point.
"""

import argparse
import csv
import json
import os
import sqlite3
import statistics
import subprocess
import sys
import time
from pathlib import Path

from bench_import import benchmark_parser, timed_run
from plugin_path import add_plugin_to_path

REPO = Path(__file__).resolve().parents[1]
GENERATOR = REPO / "scripts" / "generate_dtks.py"
DEFAULT_DATA = REPO.parent / "shared" / "data"
DEFAULT_WORK = REPO / "build" / "bench"
DEFAULT_ROWS = "100000 1000000"
VILLAGE_FILE = "batas_jabar_desa.gpkg"
RECIPIENT_LAYER = "penerima"
# The speed goal: our snap may take at most this multiple of the join's time.
TARGET_RATIO = 1.0
# The memory goal at every size, in MB.
TARGET_PEAK_MB = 2048
OUR_PHASES = ("read_s", "villages_s", "containment_s", "matching_s", "write_s")


def _start_qgis():
    """Start a QgsApplication without display and return it."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    add_plugin_to_path()
    from qgis.core import QgsApplication

    application = QgsApplication([], False)
    application.initQgis()
    return application


def run_child_prepare(table_path: str, gpkg_path: str) -> int:
    """Import a generated table into a recipient GeoPackage, points at the parsed coordinates."""
    application = _start_qgis()
    from dtks_spasial.plugin.gis.pipeline import PipelineResult, import_recipients, write_geopackage

    table, recipients = import_recipients(table_path)
    for item in recipients:
        if item.lat is not None:
            item.x, item.y = item.lon, item.lat
    if os.path.exists(gpkg_path):
        os.remove(gpkg_path)
    write_geopackage(PipelineResult(table=table, recipients=recipients), gpkg_path)
    application.exitQgis()
    return 0


def _run_algorithm(algorithm_id: str, parameters: dict) -> float:
    """Run one registered Processing algorithm; return its run time in seconds."""
    from qgis.core import QgsApplication, QgsProcessingContext, QgsProcessingFeedback

    algorithm = QgsApplication.processingRegistry().createAlgorithmById(algorithm_id)
    if algorithm is None:
        raise RuntimeError(f"Processing algorithm {algorithm_id} not found.")
    context, feedback = QgsProcessingContext(), QgsProcessingFeedback()
    started = time.perf_counter()
    results, ok = algorithm.run(parameters, context, feedback)
    elapsed = time.perf_counter() - started
    if not ok:
        raise RuntimeError(f"Processing algorithm {algorithm_id} failed.")
    return elapsed


def _timed(phases: dict, name: str, function):
    """Wrap a function so that its run times add up in phases[name].

    phases[name + "_peak_mb"] gets the process's peak memory after the call.
    """
    import resource

    def wrapper(*args, **kwargs):
        started = time.perf_counter()
        try:
            return function(*args, **kwargs)
        finally:
            phases[name] = phases.get(name, 0.0) + time.perf_counter() - started
            phases[name + "_peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    return wrapper


def run_child_ours(input_gpkg: str, villages: str, output_gpkg: str, result_path: str) -> int:
    """Run dtks:snap_to_boundaries; store its run time and phase times as JSON."""
    application = _start_qgis()
    from qgis.core import QgsApplication

    from dtks_spasial.plugin.gis import placement, snapping, storage
    from dtks_spasial.plugin.processing import algorithms
    from dtks_spasial.plugin.processing.provider import DtksProvider

    provider = DtksProvider()  # the registry does not keep it alive
    QgsApplication.processingRegistry().addProvider(provider)
    # Timing wrappers around the phases; each adds one clock read per call.
    phases = {}
    storage.recipients_from_layer = _timed(phases, "read_s", storage.recipients_from_layer)
    algorithms.load_villages = _timed(phases, "villages_s", algorithms.load_villages)
    snapping.snap_recipients = _timed(phases, "snap_s", snapping.snap_recipients)
    placement.VillageLocator.__init__ = _timed(phases, "locator_s",
                                               placement.VillageLocator.__init__)
    placement.VillageLocator.containing_all = _timed(phases, "containment_only_s",
                                                     placement.VillageLocator.containing_all)
    algorithms._Base._write_recipients = _timed(phases, "write_s",
                                                algorithms._Base._write_recipients)
    if os.path.exists(output_gpkg):
        os.remove(output_gpkg)
    run_s = _run_algorithm("dtks:snap_to_boundaries", {
        "INPUT": f"{input_gpkg}|layername={RECIPIENT_LAYER}",
        "BOUNDARIES": f"{villages}|layername=desa",
        "OUTPUT": output_gpkg,
    })
    result = {
        "run_s": run_s,
        "read_s": phases.get("read_s", 0.0),
        "villages_s": phases.get("villages_s", 0.0),
        # The locator's set-up (index, grid) counts as containment.
        "containment_s": phases.get("locator_s", 0.0) + phases.get("containment_only_s", 0.0),
        "matching_s": (phases.get("snap_s", 0.0) - phases.get("locator_s", 0.0)
                       - phases.get("containment_only_s", 0.0)),
        "write_s": phases.get("write_s", 0.0),
        "peaks_mb": {name[:-8]: value for name, value in phases.items()
                     if name.endswith("_peak_mb")},
    }
    Path(result_path).write_text(json.dumps(result), encoding="utf-8")
    application.exitQgis()
    return 0


def run_child_join(input_gpkg: str, villages: str, output_gpkg: str, result_path: str) -> int:
    """Run native:joinattributesbylocation; store its run time as JSON."""
    application = _start_qgis()
    from qgis.analysis import QgsNativeAlgorithms
    from qgis.core import QgsApplication

    provider = QgsNativeAlgorithms()  # the registry does not keep it alive
    QgsApplication.processingRegistry().addProvider(provider)
    if os.path.exists(output_gpkg):
        os.remove(output_gpkg)
    run_s = _run_algorithm("native:joinattributesbylocation", {
        "INPUT": f"{input_gpkg}|layername={RECIPIENT_LAYER}",
        "JOIN": f"{villages}|layername=desa",
        "PREDICATE": [0],
        "JOIN_FIELDS": ["kode"],
        "METHOD": 1,
        "DISCARD_NONMATCHING": False,
        "PREFIX": "",
        "OUTPUT": output_gpkg,
    })
    Path(result_path).write_text(json.dumps({"run_s": run_s}), encoding="utf-8")
    application.exitQgis()
    return 0


def cached_inputs(rows: int, seed: int, work: Path, data: Path) -> tuple:
    """Return (table, truth, recipient GeoPackage) for rows and seed, made when missing or stale."""
    table = work / f"dtks_{rows}_seed{seed}.csv"
    truth = work / f"dtks_{rows}_seed{seed}_truth.csv"
    generator_time = GENERATOR.stat().st_mtime
    if not (table.exists() and truth.exists() and table.stat().st_mtime >= generator_time
            and truth.stat().st_mtime >= generator_time):
        print(f"Generating {rows} rows (seed {seed}) and their truth into {work} …", flush=True)
        partial, partial_truth = table.with_suffix(".partial.csv"), truth.with_suffix(".partial.csv")
        subprocess.run([sys.executable, str(GENERATOR), "--rows", str(rows), "--seed", str(seed),
                        "--out", str(partial), "--truth", str(partial_truth),
                        "--data", str(data)], check=True)
        partial_truth.replace(truth)
        partial.replace(table)
    gpkg = work / f"recipients_{rows}_seed{seed}.gpkg"
    if not gpkg.exists() or gpkg.stat().st_mtime < table.stat().st_mtime:
        print(f"Importing {table.name} into {gpkg.name} …", flush=True)
        partial_gpkg = gpkg.with_suffix(".partial.gpkg")
        subprocess.run([sys.executable, str(Path(__file__).resolve()), "--child-prepare",
                        str(table), str(partial_gpkg)], check=True, stdout=subprocess.DEVNULL)
        partial_gpkg.replace(gpkg)
    return table, truth, gpkg


def check_accuracy(truth_path: Path, ours_gpkg: Path, join_gpkg: Path) -> dict:
    """Compare our output with the truth and the join's output; return the counts."""
    true_codes, true_statuses = {}, {}
    with open(truth_path, encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            if row["rekaman"] == "1":
                true_codes[int(row["baris"])] = row["kode_desa_benar"]
                true_statuses[int(row["baris"])] = row["status_koordinat_benar"]
    ours_table = _single_table(ours_gpkg)
    with sqlite3.connect(ours_gpkg) as connection:
        ours = connection.execute(
            f'SELECT baris, kode_desa, status_koordinat, kode_desa_koordinat, lintang '
            f'FROM "{ours_table}"').fetchall()
    join_table = _single_table(join_gpkg)
    with sqlite3.connect(join_gpkg) as connection:
        joined = dict(connection.execute(f'SELECT baris, kode FROM "{join_table}"'))
    right_code = right_status = points = agree = other_village = one_side = 0
    for baris, code, status, point_code, lat in ours:
        right_code += code == true_codes.get(baris)
        right_status += status == true_statuses.get(baris)
        if lat is None:
            continue
        points += 1
        join_code = joined.get(baris)
        if point_code == join_code:
            agree += 1
        elif point_code and join_code:
            # A point in two villages (overlapping polygons or a shared
            # border): ours takes the registered one, the join its first.
            other_village += 1
        else:
            one_side += 1
    return {"records": len(true_codes), "output_rows": len(ours), "join_rows": len(joined),
            "right_code": right_code, "right_status": right_status, "points": points,
            "agree_with_join": agree, "other_village": other_village, "one_side": one_side}


def _single_table(gpkg: Path) -> str:
    with sqlite3.connect(gpkg) as connection:
        names = [row[0] for row in connection.execute(
            "SELECT table_name FROM gpkg_contents WHERE data_type = 'features'")]
    if len(names) != 1:
        raise RuntimeError(f"Expected one feature table in {gpkg}, found {names}.")
    return names[0]


def bench_size(rows: int, seed: int, work: Path, data: Path, repeat: int) -> dict:
    """Time ours and the join on one size; return medians, peaks, phases and accuracy."""
    table, truth, gpkg = cached_inputs(rows, seed, work, data)
    villages = data / VILLAGE_FILE
    ours_gpkg, join_gpkg = work / f"snap_ours_{rows}.gpkg", work / f"snap_join_{rows}.gpkg"
    ours_json, join_json = work / f"snap_ours_{rows}.json", work / f"snap_join_{rows}.json"
    script = str(Path(__file__).resolve())
    ours, join = [], []
    for attempt in range(repeat):
        print(f"{rows} rows, run {attempt + 1}/{repeat}: dtks:snap_to_boundaries …", flush=True)
        run = timed_run([sys.executable, script, "--child-ours", str(gpkg), str(villages),
                         str(ours_gpkg), str(ours_json)])
        run.update(json.loads(ours_json.read_text(encoding="utf-8")))
        ours.append(run)
        print(f"{rows} rows, run {attempt + 1}/{repeat}: native:joinattributesbylocation …",
              flush=True)
        run = timed_run([sys.executable, script, "--child-join", str(gpkg), str(villages),
                         str(join_gpkg), str(join_json)])
        run.update(json.loads(join_json.read_text(encoding="utf-8")))
        join.append(run)
    return {
        "rows": rows,
        "ours_s": statistics.median(run["run_s"] for run in ours),
        "ours_wall_s": statistics.median(run["wall_s"] for run in ours),
        "ours_mb": max(run["peak_mb"] for run in ours),
        "join_s": statistics.median(run["run_s"] for run in join),
        "join_wall_s": statistics.median(run["wall_s"] for run in join),
        "join_mb": max(run["peak_mb"] for run in join),
        "phases": {name: statistics.median(run[name] for run in ours) for name in OUR_PHASES},
        "accuracy": check_accuracy(truth, ours_gpkg, join_gpkg),
    }


def format_report(results, seed: int, repeat: int) -> tuple:
    """Return (report text, whether every row came out on both sides)."""
    lines = [
        f"Snap: dtks:snap_to_boundaries vs native:joinattributesbylocation, Jawa Barat "
        f"villages (seed {seed}, median of {repeat} run{'s' if repeat > 1 else ''})",
        f"{'rows':>10}  {'ours (s)':>9}  {'ours peak MB':>12}  {'join (s)':>9}  "
        f"{'join peak MB':>12}  {'ratio':>6}",
    ]
    for result in results:
        ratio = result["ours_s"] / result["join_s"]
        lines.append(f"{result['rows']:>10}  {result['ours_s']:>9.1f}  {result['ours_mb']:>12.0f}  "
                     f"{result['join_s']:>9.1f}  {result['join_mb']:>12.0f}  {ratio:>5.2f}x")
    lines.append("")

    complete = True
    for result in results:
        phases, accuracy = result["phases"], result["accuracy"]
        rows_match = accuracy["output_rows"] == accuracy["join_rows"] == accuracy["records"]
        complete = complete and rows_match
        lines.append(
            f"{result['rows']} rows: ours read {phases['read_s']:.1f} s, villages "
            f"{phases['villages_s']:.1f} s, containment {phases['containment_s']:.1f} s, "
            f"matching and statuses {phases['matching_s']:.1f} s, write {phases['write_s']:.1f} s; "
            f"whole process ours {result['ours_wall_s']:.1f} s, join {result['join_wall_s']:.1f} s")
        lines.append(
            f"  records {accuracy['records']}, rows out: ours {accuracy['output_rows']}, join "
            f"{accuracy['join_rows']} ({'OK' if rows_match else 'MISMATCH'}); true kode_desa "
            f"{_share(accuracy['right_code'], accuracy['records'])}, true status_koordinat "
            f"{_share(accuracy['right_status'], accuracy['records'])}")
        lines.append(
            f"  village of the point: equal to the join's on {accuracy['agree_with_join']} of "
            f"{accuracy['points']} points, another village that also contains the point on "
            f"{accuracy['other_village']}, a village on one side only on {accuracy['one_side']}")

    for result in results:
        ratio = result["ours_s"] / result["join_s"]
        speed = "met" if ratio <= TARGET_RATIO else "not met"
        memory = "met" if result["ours_mb"] < TARGET_PEAK_MB else "not met"
        lines.append(f"Target at {result['rows']} rows: ours at most {TARGET_RATIO:.1f}x the "
                     f"join's time: {speed}; peak under {TARGET_PEAK_MB} MB: {memory}.")
    return "\n".join(lines) + "\n", complete


def _share(part: int, whole: int) -> str:
    return f"{part}/{whole} ({100.0 * part / max(whole, 1):.2f} %)"


def parse_arguments(argv):
    parser = benchmark_parser(__doc__.split("\n\n")[0], DEFAULT_ROWS, DEFAULT_DATA, DEFAULT_WORK)
    parser.add_argument("--child-prepare", nargs=2, metavar=("TABLE", "GPKG"),
                        help=argparse.SUPPRESS)
    parser.add_argument("--child-ours", nargs=4, metavar=("INPUT", "VILLAGES", "OUTPUT", "JSON"),
                        help=argparse.SUPPRESS)
    parser.add_argument("--child-join", nargs=4, metavar=("INPUT", "VILLAGES", "OUTPUT", "JSON"),
                        help=argparse.SUPPRESS)
    return parser.parse_args(argv)


def main(argv=None) -> int:
    arguments = parse_arguments(argv)
    if arguments.child_prepare:
        return run_child_prepare(*arguments.child_prepare)
    if arguments.child_ours:
        return run_child_ours(*arguments.child_ours)
    if arguments.child_join:
        return run_child_join(*arguments.child_join)
    try:
        sizes = [int(size) for size in arguments.rows.split()]
    except ValueError:
        print(f"bench_snap: invalid --rows '{arguments.rows}'; give whole numbers separated "
              f"by spaces, such as \"100000 1000000\".", file=sys.stderr)
        return 2
    if arguments.repeat < 1:
        print(f"bench_snap: invalid --repeat {arguments.repeat}; use 1 or more.", file=sys.stderr)
        return 2
    work, data = Path(arguments.work), Path(arguments.data)
    if not (data / VILLAGE_FILE).is_file():
        print(f"bench_snap: {data / VILLAGE_FILE} not found; pass the shared data folder "
              f"with --data.", file=sys.stderr)
        return 2
    work.mkdir(parents=True, exist_ok=True)

    results = [bench_size(rows, arguments.seed, work, data, arguments.repeat) for rows in sizes]
    report, complete = format_report(results, arguments.seed, arguments.repeat)
    print()
    print(report, end="")
    if arguments.report:
        Path(arguments.report).write_text(report, encoding="utf-8")
    return 0 if complete else 1


if __name__ == "__main__":
    sys.exit(main())
