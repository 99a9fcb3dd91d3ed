"""The synthetic DTKS generator (scripts/generate_dtks.py) checked against its own truth."""

import csv
import importlib.util
import re
from collections import Counter
from pathlib import Path

import pytest

from dtks_spasial.plugin.core import records
from dtks_spasial.plugin.core.regions import normalize_name
from dtks_spasial.plugin.gis.pipeline import import_recipients

REPO = Path(__file__).resolve().parents[1]
ROWS = 300
SEED = 7
SCIENTIFIC = re.compile(r"^\d\.\d{5}E\+15$")
PREFIXES = ("DESA ", "Desa ", "DS. ", "KEL. ", "Kel. ", "KELURAHAN ")
# The columns that each record fault changes.
FAULT_COLUMNS = {
    "koordinat_tertukar": ("LATITUDE", "LONGITUDE"),
    "koordinat_desa_tetangga": ("LATITUDE", "LONGITUDE"),
    "nama_desa_salah_ketik": ("DESA",),
    "nama_desa_berawalan": ("DESA",),
    "kode_wilayah_kosong": ("KODE_WILAYAH",),
    "kode_wilayah_tanpa_titik": ("KODE_WILAYAH",),
    "nik_notasi_ilmiah": ("NIK",),
    "nik_akhiran_titik_nol": ("NIK",),
}


def _load_generator():
    spec = importlib.util.spec_from_file_location("generate_dtks",
                                                  REPO / "scripts" / "generate_dtks.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


generator = _load_generator()


@pytest.fixture(scope="module")
def sampler(data_dir):
    return generator.VillageSampler(data_dir)


@pytest.fixture(scope="module")
def generated(sampler, tmp_path_factory):
    """Generate one table; return (table path, truth path, counts, rows, truth rows)."""
    folder = tmp_path_factory.mktemp("generated")
    table_path, truth_path = folder / "dtks.csv", folder / "truth.csv"
    counts = generator.generate(ROWS, SEED, table_path, truth_path, sampler=sampler)
    with open(table_path, encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    with open(truth_path, encoding="utf-8", newline="") as handle:
        truth = list(csv.DictReader(handle))
    return table_path, truth_path, counts, rows, truth


def _records(generated):
    """Yield (values as a dict, truth row) for every sheet row under the header."""
    _, _, _, rows, truth = generated
    for values, expected in zip(rows[1:], truth):
        yield dict(zip(generator.HEADER, values)), expected


def test_same_seed_same_bytes(generated, sampler, tmp_path):
    table_path, truth_path, _, _, _ = generated
    generator.generate(ROWS, SEED, tmp_path / "again.csv", tmp_path / "again_truth.csv",
                       sampler=sampler)
    assert (tmp_path / "again.csv").read_bytes() == table_path.read_bytes()
    assert (tmp_path / "again_truth.csv").read_bytes() == truth_path.read_bytes()


def test_other_seed_other_table(generated, sampler, tmp_path):
    table_path, _, _, _, _ = generated
    generator.generate(ROWS, SEED + 1, tmp_path / "other.csv", sampler=sampler)
    assert (tmp_path / "other.csv").read_bytes() != table_path.read_bytes()


def test_row_counts_match_truth(generated):
    _, _, counts, rows, truth = generated
    assert rows[0] == generator.HEADER
    assert len(rows) == ROWS + 1
    assert all(len(values) == len(generator.HEADER) for values in rows)
    assert len(truth) == ROWS
    assert [int(row["baris"]) for row in truth] == list(range(2, ROWS + 2))
    assert sum(row["rekaman"] == "1" for row in truth) == counts["records"]
    assert counts["records"] + counts["baris_kosong"] + counts["baris_jumlah"] == ROWS
    assert rows[-1][0] == "JUMLAH"
    assert truth[-1]["fault"] == generator.FAULT_TOTAL_ROW
    assert truth[-1]["rekaman"] == "0"


def test_record_numbers_in_order(generated):
    numbers = [int(values["NO"]) for values, expected in _records(generated)
               if expected["rekaman"] == "1"]
    assert numbers == list(range(1, len(numbers) + 1))


def test_clean_rows_follow_dukcapil(generated, sampler):
    clean = [(values, expected) for values, expected in _records(generated)
             if expected["rekaman"] == "1" and not expected["fault"]]
    assert len(clean) > ROWS // 2
    for values, expected in clean:
        code = expected["kode_desa_benar"]
        district = code.replace(".", "")[:6]
        nik, kk = values["NIK"], values["NO_KK"]
        assert len(nik) == 16, values
        assert nik.isdigit(), values
        assert nik[:6] == district, values
        assert len(kk) == 16, values
        assert kk.isdigit(), values
        assert kk[:6] == district, values
        assert nik[12:] != "0000", values
        assert kk[12:] != "0000", values
        # DDMMYY of the birth date, with 40 added to the day for women.
        day, month, year = values["TGL_LAHIR"].split("-")
        nik_day = int(day) + (40 if values["JENIS_KELAMIN"] == "P" else 0)
        assert nik[6:12] == f"{nik_day:02d}{month}{year[2:]}", values
        assert values["KODE_WILAYAH"] == code, values
        assert values["DESA"].upper() == sampler.villages[code][0].upper(), values


def test_clean_coordinates_inside_village(generated, sampler):
    statuses = Counter()
    for values, expected in _records(generated):
        if expected["rekaman"] != "1" or expected["fault"]:
            continue
        status = expected["status_koordinat_benar"]
        statuses[status] += 1
        if status == generator.STATUS_TANPA:
            assert values["LATITUDE"] == "", values
            assert values["LONGITUDE"] == "", values
        else:
            assert status == generator.STATUS_SESUAI, values
            lat, lon = float(values["LATITUDE"]), float(values["LONGITUDE"])
            assert sampler.contains(expected["kode_desa_benar"], lon, lat), values
    # About 60 % of households have a coordinate.
    share = statuses[generator.STATUS_SESUAI] / sum(statuses.values())
    assert 0.45 < share < 0.75


def _fault_visible(fault, values, expected, sampler, people) -> bool:
    """Tell whether a row shows the fault that its truth row names."""
    code = expected["kode_desa_benar"]
    name = sampler.villages[code][0] if code else ""

    if fault == generator.FAULT_SWAPPED:
        lon, lat = float(values["LATITUDE"]), float(values["LONGITUDE"])
        return lon > 90 and sampler.contains(code, lon, lat)
    if fault == generator.FAULT_NEIGHBOUR:
        lat, lon = float(values["LATITUDE"]), float(values["LONGITUDE"])
        return (not sampler.contains(code, lon, lat)
                and any(sampler.contains(other, lon, lat) for other in sampler.neighbours(code)))

    if fault == generator.FAULT_NAME_TYPO:
        return (values["DESA"].upper() != name.upper()
                and abs(len(values["DESA"]) - len(name)) <= 1)
    if fault == generator.FAULT_NAME_PREFIX:
        prefix = next((prefix for prefix in PREFIXES if values["DESA"].startswith(prefix)), None)
        return prefix is not None and values["DESA"][len(prefix):].upper() == name.upper()

    if fault == generator.FAULT_CODE_EMPTY:
        return values["KODE_WILAYAH"] == ""
    if fault == generator.FAULT_CODE_UNDOTTED:
        return values["KODE_WILAYAH"] == code.replace(".", "")
    if fault == generator.FAULT_NIK_SCIENTIFIC:
        return bool(SCIENTIFIC.match(values["NIK"]))
    if fault == generator.FAULT_NIK_POINT_ZERO:
        return values["NIK"].endswith(".0") and len(values["NIK"][:-2]) == 16

    if fault == generator.FAULT_DUPLICATE:
        # The second entry repeats the clean row of the first one, so the two
        # differ only in their record numbers and in the first one's fault.
        first, first_truth = people[expected["id_orang"]][0]
        differing = {column for column in generator.HEADER if first[column] != values[column]}
        return first is not values and differing <= {"NO", "IDDTKS"} | set(
            FAULT_COLUMNS.get(first_truth["fault"], ()))

    if fault == generator.FAULT_BLANK_ROW:
        return not any(values.values())
    if fault == generator.FAULT_TOTAL_ROW:
        return values["NO"] == "JUMLAH" and values["NIK"] == ""
    return False


def test_fault_counts_match_truth(generated, sampler):
    _, _, counts, _, truth = generated
    rows = list(_records(generated))
    people = {}
    for values, expected in rows:
        if expected["id_orang"]:
            people.setdefault(expected["id_orang"], []).append((values, expected))

    truth_counts = Counter(row["fault"] for row in truth if row["fault"])
    expected_counts = {fault: count for fault, count in counts.items()
                       if fault not in ("rows", "records", "people")}
    assert truth_counts == expected_counts
    # Every fault kind occurs in this table, so every check below runs.
    faults = {value for name, value in vars(generator).items() if name.startswith("FAULT_")}
    assert set(truth_counts) == faults

    visible = Counter(expected["fault"] for values, expected in rows
                      if expected["fault"]
                      and _fault_visible(expected["fault"], values, expected, sampler, people))
    assert visible == truth_counts


def test_duplicates_share_person(generated):
    _, _, counts, _, truth = generated
    people = Counter(row["id_orang"] for row in truth if row["id_orang"])
    assert sum(1 for count in people.values() if count == 2) == counts["duplikat"]
    assert max(people.values()) == 2
    assert len(people) == counts["people"]


def test_truth_statuses_of_faults(generated):
    for _, expected in _records(generated):
        fault, status = expected["fault"], expected["status_koordinat_benar"]
        if fault == generator.FAULT_SWAPPED:
            assert status == generator.STATUS_TERTUKAR
        elif fault == generator.FAULT_NEIGHBOUR:
            assert status == generator.STATUS_BEDA_DESA
        elif expected["rekaman"] == "1":
            assert status in (generator.STATUS_SESUAI, generator.STATUS_TANPA)
        else:
            assert status == ""
            assert expected["id_orang"] == ""
            assert expected["kode_desa_benar"] == ""


def test_import_accounts_for_every_row(generated):
    table_path, _, _, _, truth = generated
    table, recipients = import_recipients(str(table_path))
    non_records = {int(row["baris"]): row["fault"] for row in truth if row["rekaman"] == "0"}
    record_rows = [int(row["baris"]) for row in truth if row["rekaman"] == "1"]

    assert table.rows_read == ROWS
    assert len(recipients) + len(table.rejected) == table.rows_read
    assert {baris: reason for baris, reason, _ in table.rejected} == non_records
    assert [item.baris for item in recipients] == record_rows


def test_import_flags_faulty_values(generated):
    table_path, _, _, _, truth = generated
    _, recipients = import_recipients(str(table_path))
    faults = {int(row["baris"]): row["fault"] for row in truth}
    for item in recipients:
        fault = faults[item.baris]
        if fault in (generator.FAULT_NIK_SCIENTIFIC, generator.FAULT_NIK_POINT_ZERO):
            assert item.problems == [records.PROBLEM_NIK_RUSAK_EXCEL], item.baris
        elif fault == generator.FAULT_SWAPPED:
            assert item.problems == [records.PROBLEM_KOORDINAT_TERTUKAR], item.baris
        else:
            assert item.problems == [], (item.baris, fault, item.problems)


def test_prefix_removed_by_name_normalisation(generated, sampler):
    for values, expected in _records(generated):
        if expected["fault"] == generator.FAULT_NAME_PREFIX:
            name = sampler.villages[expected["kode_desa_benar"]][0]
            assert normalize_name(values["DESA"]) == normalize_name(name), values


def test_too_few_rows_rejected(sampler, tmp_path):
    with pytest.raises(ValueError, match="at least"):
        generator.generate(3, SEED, tmp_path / "small.csv", sampler=sampler)
