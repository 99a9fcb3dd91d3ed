"""Generate a synthetic DTKS recipient table and its truth file, for tests and benchmarks.

Usage:
    python scripts/generate_dtks.py --rows N --seed S --out FILE.csv
        [--truth TRUTH.csv] [--data DIR]

Every person is invented: names are drawn from the lists below, and the
villages, codes and points come from the Jawa Barat village layer
(``batas_jabar_desa.gpkg``, layer ``desa``) in the data folder. NIK and KK
numbers follow the Dukcapil structure. They start with the 6-digit district
code, which is the first six digits of the village code. Then comes DDMMYY:
the birth date for a NIK, with 40 added to the day for women, and the issue
date for a KK. A 4-digit serial that counts from 0001 per district and date
ends the number.

``--rows`` is the number of rows under the header: records, a few blank rows
and one JUMLAH total row at the end. The same seed always writes the same
bytes. The truth file has one row per sheet row: ``baris`` (header = 1, first
row under it = 2), ``id_orang`` (shared by the two rows of a duplicate),
``kode_desa_benar``, ``status_koordinat_benar`` (sesuai, beda_desa,
tertukar, tanpa_koordinat), ``rekaman`` (1 record, 0 not a record) and
``fault`` (one of the FAULT_* codes below, or empty).
"""

import argparse
import csv
import datetime
import heapq
import os
import random
import sys
from pathlib import Path

from qgis.core import QgsGeometry, QgsPoint, QgsSpatialIndex, QgsVectorLayer

REPO = Path(__file__).resolve().parents[1]
DEFAULT_DATA = REPO.parent / "shared" / "data"
VILLAGE_FILE = "batas_jabar_desa.gpkg"
VILLAGE_LAYER = "desa"

HEADER = ["NO", "IDDTKS", "NIK", "NO_KK", "NAMA", "JENIS_KELAMIN", "TGL_LAHIR", "HUB_KELUARGA",
          "ALAMAT", "RT", "RW", "KODE_WILAYAH", "PROVINSI", "KABUPATEN", "KECAMATAN", "DESA",
          "LATITUDE", "LONGITUDE", "DESIL", "PKH", "BPNT", "PBI"]
TRUTH_HEADER = ["baris", "id_orang", "kode_desa_benar", "status_koordinat_benar", "rekaman",
                "fault"]
COLUMN = {name: index for index, name in enumerate(HEADER)}

STATUS_SESUAI = "sesuai"
STATUS_BEDA_DESA = "beda_desa"
STATUS_TERTUKAR = "tertukar"
STATUS_TANPA = "tanpa_koordinat"

# Fault codes of the truth file. A record has at most one fault.
FAULT_SWAPPED = "koordinat_tertukar"            # LATITUDE and LONGITUDE exchanged
FAULT_NEIGHBOUR = "koordinat_desa_tetangga"     # point inside a neighbouring village
FAULT_NAME_TYPO = "nama_desa_salah_ketik"       # one letter of DESA wrong, missing or doubled
FAULT_NAME_PREFIX = "nama_desa_berawalan"       # DESA written as "DESA x", "DS. x" or "KEL. x"
FAULT_CODE_EMPTY = "kode_wilayah_kosong"
FAULT_CODE_UNDOTTED = "kode_wilayah_tanpa_titik"  # 3201011001 for 32.01.01.1001
FAULT_NIK_SCIENTIFIC = "nik_notasi_ilmiah"       # 3.20101E+15, as Excel shows a number
FAULT_NIK_POINT_ZERO = "nik_akhiran_titik_nol"   # 3201015203880001.0
FAULT_DUPLICATE = "duplikat"                     # the same person entered a second time
FAULT_BLANK_ROW = "baris_kosong"                 # not a record
FAULT_TOTAL_ROW = "baris_jumlah"                 # not a record: the JUMLAH row at the end

# Share of records given each fault. The two coordinate faults are a share
# of the records that have a coordinate; the others a share of all records.
COORDINATE_FAULT_RATES = ((FAULT_SWAPPED, 0.02), (FAULT_NEIGHBOUR, 0.02))
RECORD_FAULT_RATES = (
    (FAULT_NAME_TYPO, 0.03), (FAULT_NAME_PREFIX, 0.05), (FAULT_CODE_EMPTY, 0.04),
    (FAULT_CODE_UNDOTTED, 0.08), (FAULT_NIK_SCIENTIFIC, 0.005), (FAULT_NIK_POINT_ZERO, 0.005),
)
DUPLICATE_RATE = 0.02
# A duplicate is written this many records after its original, at most
# (or earlier, when the table ends first).
DUPLICATE_MAX_DISTANCE = 5000
HOUSEHOLD_COORDINATE_SHARE = 0.60
ROWS_PER_BLANK_ROW = 2000
MIN_BLANK_ROWS = 2
MIN_ROWS = MIN_BLANK_ROWS + 2

# Birth years stay after 1930 because a NIK has a 2-digit year, which
# readers (plugin/core/nik.py too) place in the last hundred years.
HEAD_BIRTH_YEARS = (1945, 2000)
PARENT_BIRTH_YEARS = (1935, 1955)
LAST_BIRTH_YEAR = 2023
LAST_SPOUSE_BIRTH_YEAR = 2005
FIRST_KK_ISSUE = datetime.date(2005, 1, 1)
LAST_KK_ISSUE = datetime.date(2024, 12, 31)

# Common Indonesian and Sundanese given names (lists written for this
# generator). Full names are random combinations of them.
MALE_NAMES = (
    "Asep", "Ujang", "Dede", "Agus", "Budi", "Dadang", "Deden", "Endang", "Cecep", "Yayan",
    "Iwan", "Wawan", "Hendra", "Rudi", "Dedi", "Ahmad", "Muhammad", "Ade", "Yusuf", "Rahmat",
    "Hidayat", "Saepudin", "Suherman", "Sutisna", "Nana", "Jajang", "Ujang", "Aep", "Atep",
    "Eko", "Joko", "Bambang", "Slamet", "Sugeng", "Dian", "Irfan", "Ridwan", "Ilham", "Fajar",
    "Rizki", "Andi", "Arif", "Bayu", "Dimas", "Galih", "Gilang", "Hasan", "Iman", "Komar",
    "Maman", "Oman", "Usep", "Wahyu", "Yogi", "Zaenal", "Aang", "Engkus", "Odang", "Tatang",
    "Karna", "Enjang", "Dodi", "Rohman", "Sopian", "Taufik", "Abdul", "Firman", "Heri",
)
FEMALE_NAMES = (
    "Siti", "Euis", "Iis", "Neneng", "Entin", "Cucu", "Nining", "Yati", "Imas", "Dewi",
    "Sri", "Rina", "Yuli", "Lina", "Tuti", "Eti", "Nur", "Ai", "Enok", "Popon", "Titin",
    "Yeni", "Wati", "Nani", "Ani", "Aisyah", "Fitri", "Indah", "Intan", "Lilis", "Nia",
    "Nurhayati", "Suryani", "Rohayati", "Kartini", "Mulyani", "Yanti", "Rosita", "Ratna",
    "Dina", "Elis", "Ela", "Ika", "Kokom", "Omah", "Enah", "Icih", "Onih", "Cicih", "Tati",
    "Lia", "Putri", "Rani", "Sari", "Wulan", "Ayu", "Anisa", "Nabila", "Salsabila", "Zahra",
    "Nurjanah", "Hasanah", "Maryam", "Halimah", "Khodijah", "Fatimah", "Rukmini", "Sumiati",
)
FAMILY_NAMES = (
    "Hidayat", "Saputra", "Setiawan", "Permana", "Nugraha", "Kurniawan", "Suryana", "Sutisna",
    "Firmansyah", "Ramdani", "Rahayu", "Sopandi", "Supriatna", "Gunawan", "Hermawan",
    "Mulyana", "Kusnadi", "Sumarna", "Rohendi", "Wijaya", "Pratama", "Maulana", "Sulaeman",
    "Hamdani", "Kusumah", "Sudrajat", "Purnama", "Darmawan", "Komarudin", "Rosmiati",
)
STREETS = (
    "Jl. Merdeka", "Jl. Raya", "Jl. Pasar", "Jl. Masjid", "Jl. Siliwangi", "Jl. Pahlawan",
    "Jl. Sukamaju", "Jl. Cempaka", "Jl. Melati", "Jl. Kenanga", "Gg. Mawar", "Gg. Sawo",
    "Kp. Babakan", "Kp. Cibeureum", "Kp. Sukasari", "Kp. Cipanas", "Kp. Pasir", "Kp. Legok",
    "Dusun Kaler", "Dusun Kidul", "Dusun Wetan", "Dusun Kulon",
)
CHILD_COUNTS = (0, 1, 1, 2, 2, 2, 3, 3, 4, 5)
# Neighbouring keys on a QWERTY keyboard, for typing errors.
KEY_NEIGHBOURS = {
    "a": "sqz", "b": "vn", "c": "xv", "d": "sf", "e": "wr", "f": "dg", "g": "fh", "h": "gj",
    "i": "uo", "j": "hk", "k": "jl", "l": "k", "m": "n", "n": "bm", "o": "ip", "p": "o",
    "q": "w", "r": "et", "s": "ad", "t": "ry", "u": "yi", "v": "cb", "w": "qe", "x": "zc",
    "y": "tu", "z": "x",
}
MAX_POINT_TRIES = 10000


class VillageSampler:
    """Village polygons of the data folder, with random points inside them.

    Every random draw goes through the caller's ``random.Random``, so the
    same seed gives the same points.
    """

    def __init__(self, data_dir):
        path = Path(data_dir) / VILLAGE_FILE
        if not path.is_file():
            raise FileNotFoundError(
                f"Village layer not found: {path}. Pass the shared data folder with --data.")
        layer = QgsVectorLayer(f"{path}|layername={VILLAGE_LAYER}", VILLAGE_LAYER, "ogr")
        if not layer.isValid():
            raise OSError(f"Failed to open layer '{VILLAGE_LAYER}' of {path}. Check that the "
                          f"file is a GeoPackage with a '{VILLAGE_LAYER}' layer.")
        self.villages = {}      # code → (name, kecamatan, kabupaten, provinsi)
        self.geometries = {}    # code → QgsGeometry in EPSG:4326
        self._codes_by_feature = {}
        self._index = QgsSpatialIndex()
        for feature in layer.getFeatures():
            code = str(feature["kode"])
            geometry = feature.geometry()
            if not geometry.isGeosValid():
                geometry = geometry.makeValid()
            self.villages[code] = (str(feature["nama"]), str(feature["kecamatan"]),
                                   str(feature["kabupaten"]), str(feature["provinsi"]))
            self.geometries[code] = geometry
            self._codes_by_feature[feature.id()] = code
            self._index.addFeature(feature.id(), geometry.boundingBox())
        self.codes = sorted(self.villages)
        self._engines = {}
        self._neighbours = {}

    def _engine(self, code):
        engine = self._engines.get(code)
        if engine is None:
            engine = QgsGeometry.createGeometryEngine(self.geometries[code].constGet())
            engine.prepareGeometry()
            self._engines[code] = engine
        return engine

    def contains(self, code, lon, lat) -> bool:
        """Tell whether the village polygon contains the point."""
        return self._engine(code).contains(QgsPoint(lon, lat))

    def random_point(self, code, rng, outside=None):
        """Return (lat, lon), rounded to 6 decimals, inside a village, or None.

        The rounded point is tested, so the text written to the table is
        inside the polygon. With ``outside``, the point is also outside that
        village. None means that MAX_POINT_TRIES random points in the
        bounding box all missed.
        """
        box = self.geometries[code].boundingBox()
        for _ in range(MAX_POINT_TRIES):
            lon = round(rng.uniform(box.xMinimum(), box.xMaximum()), 6)
            lat = round(rng.uniform(box.yMinimum(), box.yMaximum()), 6)
            if self.contains(code, lon, lat) and not (outside and self.contains(outside, lon, lat)):
                return lat, lon
        return None

    def neighbours(self, code) -> list:
        """Return the sorted codes of the villages whose polygons touch this one."""
        found = self._neighbours.get(code)
        if found is None:
            geometry = self.geometries[code]
            engine = self._engine(code)
            candidates = (self._codes_by_feature[fid]
                          for fid in self._index.intersects(geometry.boundingBox()))
            found = sorted(other for other in candidates
                           if other != code and engine.intersects(self.geometries[other].constGet()))
            if not found:
                # An island village touches nothing: take the nearest ones.
                nearest = self._index.nearestNeighbor(geometry.centroid().asPoint(), 3)
                found = sorted(self._codes_by_feature[fid] for fid in nearest
                               if self._codes_by_feature[fid] != code)
            self._neighbours[code] = found
        return found


def district_digits(code: str) -> str:
    """Return the 6-digit district part of a dotted village code (32.01.01.1001 → 320101)."""
    return code.replace(".", "")[:6]


class SerialCounter:
    """Dukcapil serials: 0001, 0002, … per district and date digits."""

    def __init__(self):
        self._next = {}

    def number(self, district: str, date_digits: str) -> str:
        key = district + date_digits
        serial = self._next.get(key, 1)
        self._next[key] = serial + 1
        if serial > 9999:
            raise RuntimeError(f"Serial overflow: district {district} needs more than 9999 "
                               f"numbers for date digits {date_digits}.")
        return f"{key}{serial:04d}"


def random_date(rng, first: datetime.date, last: datetime.date) -> datetime.date:
    return datetime.date.fromordinal(rng.randint(first.toordinal(), last.toordinal()))


def year_range(first_year: int, last_year: int):
    return datetime.date(first_year, 1, 1), datetime.date(last_year, 12, 31)


def make_nik(serials, district, birth, sex) -> str:
    day = birth.day + (40 if sex == "P" else 0)
    return serials.number(district, f"{day:02d}{birth.month:02d}{birth.year % 100:02d}")


def make_name(rng, sex) -> str:
    given_names = MALE_NAMES if sex == "L" else FEMALE_NAMES
    shape = rng.random()
    if shape < 0.3:
        words = [rng.choice(given_names)]
    elif shape < 0.85:
        words = [rng.choice(given_names), rng.choice(FAMILY_NAMES)]
    else:
        words = [rng.choice(given_names), rng.choice(given_names), rng.choice(FAMILY_NAMES)]
    name = " ".join(words)
    return name.upper() if rng.random() < 0.6 else name


def misspell(rng, name: str) -> str:
    """Return the name with one letter replaced, dropped or doubled (never unchanged)."""
    positions = [index for index, character in enumerate(name) if character.isalpha()]
    index = rng.choice(positions)
    letter = name[index]
    operation = rng.random()
    if operation < 0.5 and letter.lower() in KEY_NEIGHBOURS:
        replacement = rng.choice(KEY_NEIGHBOURS[letter.lower()])
        replacement = replacement.upper() if letter.isupper() else replacement
        return name[:index] + replacement + name[index + 1:]
    if operation < 0.75 and len(positions) > 3:
        return name[:index] + name[index + 1:]
    return name[:index] + letter + name[index:]


def add_prefix(rng, code: str, name: str) -> str:
    # Kemendagri village serials from 1001 are kelurahan, from 2001 desa.
    is_kelurahan = code.rsplit(".", 1)[-1].startswith("1")
    prefix = rng.choice(("KEL.", "Kel.", "KELURAHAN") if is_kelurahan else ("DESA", "Desa", "DS."))
    return f"{prefix} {name}"


class Household:
    """One family card: its village, point and the shared columns of its rows."""

    def __init__(self, code, point, shared):
        self.code = code
        self.point = point          # (lat, lon) or None
        self.shared = shared        # values of the household columns, by column name


def household_rows(rng, sampler, serials, kk_serials):
    """Yield (household, clean row values) for an endless stream of invented families."""
    while True:
        code = rng.choice(sampler.codes)
        name, kecamatan, kabupaten, provinsi = sampler.villages[code]
        district = district_digits(code)
        point = None
        if rng.random() < HOUSEHOLD_COORDINATE_SHARE:
            point = sampler.random_point(code, rng)

        head_sex = "L" if rng.random() < 0.85 else "P"
        head_birth = random_date(rng, *year_range(*HEAD_BIRTH_YEARS))
        members = [(head_sex, head_birth, "KEPALA KELUARGA")]
        married = rng.random() < (0.9 if head_sex == "L" else 0.25)
        if married:
            # Wives are mostly younger than their husbands.
            offset = rng.randint(-3, 10)
            spouse_year = head_birth.year + (offset if head_sex == "L" else -offset)
            spouse_year = min(max(spouse_year, PARENT_BIRTH_YEARS[0]), LAST_SPOUSE_BIRTH_YEAR)
            members.append(("P" if head_sex == "L" else "L",
                            random_date(rng, *year_range(spouse_year, spouse_year)),
                            "ISTRI" if head_sex == "L" else "SUAMI"))
        first_child_year = head_birth.year + 20
        last_child_year = min(head_birth.year + 45, LAST_BIRTH_YEAR)
        if first_child_year <= last_child_year:
            for _ in range(rng.choice(CHILD_COUNTS)):
                members.append((rng.choice("LP"),
                                random_date(rng, *year_range(first_child_year, last_child_year)),
                                "ANAK"))
        if rng.random() < 0.05:
            members.append((rng.choice("LP"), random_date(rng, *year_range(*PARENT_BIRTH_YEARS)),
                            "ORANG TUA"))

        youngest = max(birth for _, birth, _ in members)
        # A family card is reissued at each birth, so it is younger than every member.
        first_issue = max(FIRST_KK_ISSUE, youngest, datetime.date(head_birth.year + 18, 1, 1))
        issued = random_date(rng, first_issue, LAST_KK_ISSUE)
        no_kk = kk_serials.number(district, issued.strftime("%d%m%y"))
        village_text = name.upper() if rng.random() < 0.3 else name
        shared = {
            "NO_KK": no_kk,
            "ALAMAT": f"{rng.choice(STREETS)} No. {rng.randint(1, 250)}",
            "RT": f"{rng.randint(1, 15):03d}",
            "RW": f"{rng.randint(1, 10):03d}",
            "KODE_WILAYAH": code,
            "PROVINSI": provinsi.upper(),
            "KABUPATEN": kabupaten.upper(),
            "KECAMATAN": kecamatan.upper(),
            "DESA": village_text,
            "LATITUDE": f"{point[0]:.6f}" if point else "",
            "LONGITUDE": f"{point[1]:.6f}" if point else "",
            "DESIL": str(rng.randint(1, 4)),
            "PKH": str(int(rng.random() < 0.4)),
            "BPNT": str(int(rng.random() < 0.5)),
            "PBI": str(int(rng.random() < 0.85)),
        }
        household = Household(code, point, shared)
        for sex, birth, relation in members:
            values = [""] * len(HEADER)
            for column, value in shared.items():
                values[COLUMN[column]] = value
            values[COLUMN["NIK"]] = make_nik(serials, district, birth, sex)
            values[COLUMN["NAMA"]] = make_name(rng, sex)
            values[COLUMN["JENIS_KELAMIN"]] = sex
            values[COLUMN["TGL_LAHIR"]] = birth.strftime("%d-%m-%Y")
            values[COLUMN["HUB_KELUARGA"]] = relation
            yield household, values


def choose_fault(rng, has_point: bool) -> str:
    """Draw at most one fault for a record, at the rates of the tables above."""
    draw = rng.random()
    rates = (COORDINATE_FAULT_RATES + RECORD_FAULT_RATES) if has_point else RECORD_FAULT_RATES
    for fault, rate in rates:
        if draw < rate:
            return fault
        draw -= rate
    return ""


def apply_fault(rng, sampler, household, values, fault):
    """Write the fault into a copy of a clean row in place; return (status, fault).

    The status is the true coordinate status. The fault comes back empty when
    no neighbouring village has room for a point outside the household's.
    """
    status = STATUS_SESUAI if household.point else STATUS_TANPA
    if fault == FAULT_SWAPPED:
        values[COLUMN["LATITUDE"]], values[COLUMN["LONGITUDE"]] = \
            values[COLUMN["LONGITUDE"]], values[COLUMN["LATITUDE"]]
        status = STATUS_TERTUKAR
    elif fault == FAULT_NEIGHBOUR:
        neighbours = list(sampler.neighbours(household.code))
        rng.shuffle(neighbours)
        for neighbour in neighbours:
            point = sampler.random_point(neighbour, rng, outside=household.code)
            if point:
                values[COLUMN["LATITUDE"]] = f"{point[0]:.6f}"
                values[COLUMN["LONGITUDE"]] = f"{point[1]:.6f}"
                return STATUS_BEDA_DESA, fault
        return status, ""
    elif fault == FAULT_NAME_TYPO:
        values[COLUMN["DESA"]] = misspell(rng, values[COLUMN["DESA"]])
    elif fault == FAULT_NAME_PREFIX:
        values[COLUMN["DESA"]] = add_prefix(rng, household.code, values[COLUMN["DESA"]])
    elif fault == FAULT_CODE_EMPTY:
        values[COLUMN["KODE_WILAYAH"]] = ""
    elif fault == FAULT_CODE_UNDOTTED:
        values[COLUMN["KODE_WILAYAH"]] = household.code.replace(".", "")
    elif fault == FAULT_NIK_SCIENTIFIC:
        values[COLUMN["NIK"]] = f"{int(values[COLUMN['NIK']]):.5E}"
    elif fault == FAULT_NIK_POINT_ZERO:
        values[COLUMN["NIK"]] += ".0"
    return status, fault


def total_row(records: int, sums: dict) -> list:
    values = [""] * len(HEADER)
    values[COLUMN["NO"]] = "JUMLAH"
    values[COLUMN["NAMA"]] = f"{records} penerima"
    for column, total in sums.items():
        values[COLUMN[column]] = str(total)
    return values


def generate(rows: int, seed: int, out_path, truth_path=None, data_dir=DEFAULT_DATA,
             sampler=None) -> dict:
    """Write a table of ``rows`` rows under the header (and its truth file); return counts.

    The counts are: rows, records, blank rows, people and one entry per fault code.
    ``sampler`` lets callers reuse a loaded VillageSampler.
    """
    if rows < MIN_ROWS:
        raise ValueError(f"--rows must be at least {MIN_ROWS} (records, blank rows and the "
                         f"total row); got {rows}.")
    rng = random.Random(seed)
    sampler = sampler or VillageSampler(data_dir)
    blank_count = max(MIN_BLANK_ROWS, rows // ROWS_PER_BLANK_ROW)
    record_count = rows - blank_count - 1
    # Slot i is sheet row i + 2; the last slot is the total row.
    blank_slots = set(rng.sample(range(rows - 1), blank_count))

    counts = {"rows": rows, "records": record_count, "people": 0, FAULT_BLANK_ROW: blank_count,
              FAULT_TOTAL_ROW: 1}
    sums = {"PKH": 0, "BPNT": 0, "PBI": 0}
    stream = household_rows(rng, sampler, SerialCounter(), SerialCounter())
    pending = []          # heap of (due record number, person id, household, clean values)
    record_number = 0     # records written so far
    blank_values = [""] * len(HEADER)

    out_path, truth_path = Path(out_path), Path(truth_path) if truth_path else None
    out_path.parent.mkdir(parents=True, exist_ok=True)
    truth_handle = None
    with open(out_path, "w", encoding="utf-8", newline="") as table_handle:
        table = csv.writer(table_handle, lineterminator="\n")
        table.writerow(HEADER)
        if truth_path:
            truth_path.parent.mkdir(parents=True, exist_ok=True)
            truth_handle = open(truth_path, "w", encoding="utf-8", newline="")
            truth = csv.writer(truth_handle, lineterminator="\n")
            truth.writerow(TRUTH_HEADER)
        try:
            for slot in range(rows - 1):
                baris = slot + 2
                if slot in blank_slots:
                    table.writerow(blank_values)
                    if truth_handle:
                        truth.writerow([baris, "", "", "", 0, FAULT_BLANK_ROW])
                    continue

                records_left = record_count - record_number
                if pending and (pending[0][0] <= record_number or records_left <= len(pending)):
                    _, person, household, values = heapq.heappop(pending)
                    values = list(values)
                    fault = FAULT_DUPLICATE
                    status = STATUS_SESUAI if household.point else STATUS_TANPA
                else:
                    household, clean = next(stream)
                    counts["people"] += 1
                    person = counts["people"]
                    fault = choose_fault(rng, household.point is not None)
                    values = list(clean)
                    status, fault = apply_fault(rng, sampler, household, values, fault)
                    # Schedule a second entry only while a record slot is left for it.
                    if rng.random() < DUPLICATE_RATE and records_left - 1 > len(pending):
                        due = record_number + rng.randint(1, DUPLICATE_MAX_DISTANCE)
                        heapq.heappush(pending, (due, person, household, clean))

                record_number += 1
                values[COLUMN["NO"]] = str(record_number)
                values[COLUMN["IDDTKS"]] = f"DTKS32{record_number:08d}"
                for column in sums:
                    sums[column] += int(values[COLUMN[column]])
                if fault:
                    counts[fault] = counts.get(fault, 0) + 1
                table.writerow(values)
                if truth_handle:
                    truth.writerow([baris, person, household.code, status, 1, fault])

            table.writerow(total_row(record_count, sums))
            if truth_handle:
                truth.writerow([rows + 1, "", "", "", 0, FAULT_TOTAL_ROW])
        finally:
            if truth_handle:
                truth_handle.close()
    return counts


def parse_arguments(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, required=True,
                        help="rows under the header: records, blank rows and the total row")
    parser.add_argument("--seed", type=int, required=True, help="random seed; the same seed "
                        "writes the same bytes")
    parser.add_argument("--out", required=True, help="CSV table to write")
    parser.add_argument("--truth", help="CSV truth file to write (one row per sheet row)")
    parser.add_argument("--data", default=str(DEFAULT_DATA),
                        help=f"folder that contains {VILLAGE_FILE} (default: {DEFAULT_DATA})")
    return parser.parse_args(argv)


def main(argv=None) -> int:
    arguments = parse_arguments(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from qgis.core import QgsApplication

    application = QgsApplication([], False)
    application.initQgis()
    try:
        counts = generate(arguments.rows, arguments.seed, arguments.out, arguments.truth,
                          arguments.data)
    except (OSError, ValueError) as error:
        print(f"generate_dtks: {error}", file=sys.stderr)
        return 1
    finally:
        application.exitQgis()
    summary = ", ".join(f"{name} {value}" for name, value in counts.items())
    print(f"Wrote {arguments.out}: {summary}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
