"""Turning source rows into recipient records with canonical fields and problems."""

from . import coordinates, dates, nik as nik_rules, records, regions
from .bulk import gc_paused


class Recipient:
    """One loaded record: canonical values, problems and the source values.

    Slots keep a million recipients in a fraction of the memory that
    per-instance dictionaries would take.
    """

    __slots__ = (
        "baris", "values", "nik", "no_kk", "nama", "tgl_lahir", "jenis_kelamin",
        "kode_wilayah", "provinsi", "kabupaten", "kecamatan", "desa", "lat", "lon", "swapped",
        "problems",
        # Filled by the snapping step.
        "kode_desa", "nama_desa", "metode_lokasi", "skor_lokasi", "status_koordinat",
        "jarak_desa_m", "lokasi_perkiraan", "x", "y",
        "kode_desa_koordinat", "kandidat_desa", "kode_desa_manual",
        # Filled by the duplicate step.
        "kelompok_duplikat", "alasan_duplikat", "skor_duplikat", "keputusan_duplikat",
    )

    def __init__(self, baris: int, values: list):
        self.baris = baris
        self.values = values
        self.nik = self.no_kk = self.nama = self.jenis_kelamin = ""
        self.kode_wilayah = self.provinsi = self.kabupaten = self.kecamatan = self.desa = ""
        self.tgl_lahir = self.lat = self.lon = None
        self.swapped = False
        self.problems = []
        self.kode_desa = self.nama_desa = self.skor_lokasi = self.jarak_desa_m = None
        self.metode_lokasi = records.METODE_TIDAK_COCOK
        self.status_koordinat = records.STATUS_TANPA
        self.lokasi_perkiraan = False
        self.x = self.y = None
        self.kode_desa_koordinat = self.kandidat_desa = self.kode_desa_manual = None
        self.kelompok_duplikat = self.alasan_duplikat = self.skor_duplikat = None
        self.keputusan_duplikat = None


_SEX = {"L": "L", "LAKI-LAKI": "L", "LAKI LAKI": "L", "LAKI": "L", "PRIA": "L", "1": "L", "M": "L",
        "P": "P", "PEREMPUAN": "P", "WANITA": "P", "2": "P", "F": "P"}


def _cell(values, mapping, name) -> str:
    # Rows from the table reader are padded to the header's width.
    index = mapping.get(name)
    if index is None:
        return ""
    return values[index].strip()


def parse_row(baris: int, values: list, mapping: dict, code_list=None,
              point_transform=None) -> Recipient:
    """Build a Recipient from one source row, flagging but never dropping bad values.

    ``code_list`` (a regions.CodeList) enables the checks of NIK districts
    and region codes against the national list. ``point_transform`` turns
    the raw (x, y) numbers of a projected CRS into (lon, lat).
    """
    item = Recipient(baris=baris, values=values)
    problems = item.problems

    item.nik = nik_rules.clean_number(_cell(values, mapping, "nik"))
    item.no_kk = nik_rules.clean_number(_cell(values, mapping, "no_kk"))
    item.nama = " ".join(_cell(values, mapping, "nama").split())

    sex_text = _cell(values, mapping, "jenis_kelamin").upper()
    item.jenis_kelamin = _SEX.get(sex_text, "")
    if sex_text and not item.jenis_kelamin:
        problems.append(records.PROBLEM_JK_TIDAK_VALID)

    date_text = _cell(values, mapping, "tgl_lahir")
    nik_date, _ = nik_rules.birth_date_from_nik(item.nik)
    item.tgl_lahir, ambiguous = dates.parse_date_checked(date_text, hint=nik_date)
    if ambiguous:
        problems.append(records.PROBLEM_TGL_AMBIGU)
    elif date_text and item.tgl_lahir is None:
        problems.append(records.PROBLEM_TGL_TIDAK_VALID)

    nik_problems = nik_rules.nik_problems(item.nik, item.tgl_lahir, item.jenis_kelamin or None)
    # An ambiguous date cannot be compared with the NIK's date.
    if ambiguous and records.PROBLEM_NIK_BEDA_TGL in nik_problems:
        nik_problems.remove(records.PROBLEM_NIK_BEDA_TGL)
    problems.extend(nik_problems)
    if (code_list is not None and len(item.nik) == 16 and item.nik.isdigit()
            and not code_list.knows_nik_district(item.nik)):
        problems.append(records.PROBLEM_NIK_WILAYAH)
    problems.extend(nik_rules.kk_problems(item.no_kk))

    code_text = _cell(values, mapping, "kode_wilayah")
    item.kode_wilayah = regions.normalize_code(code_text) or ""
    if code_text and not item.kode_wilayah:
        problems.append(records.PROBLEM_KODE_WILAYAH_TIDAK_VALID)
    elif item.kode_wilayah and code_list is not None and item.kode_wilayah not in code_list:
        problems.append(records.PROBLEM_KODE_WILAYAH_TIDAK_DIKENAL)
    for name in ("provinsi", "kabupaten", "kecamatan", "desa"):
        setattr(item, name, _cell(values, mapping, name))

    lat_text = _cell(values, mapping, "latitude")
    lon_text = _cell(values, mapping, "longitude")
    if not lat_text and not lon_text and "koordinat" in mapping:
        pair = coordinates.split_combined(_cell(values, mapping, "koordinat"))
        if pair:
            lat_text, lon_text = pair
        elif _cell(values, mapping, "koordinat"):
            problems.append(records.PROBLEM_KOORDINAT_TIDAK_VALID)
    item.lat, item.lon, item.swapped, point_problems = coordinates.read_point(
        lat_text, lon_text, point_transform)
    problems.extend(point_problems)
    return item


def parse_rows(table, feedback=None, code_list=None, point_transform=None) -> list:
    """Parse every record of a Table; ``feedback`` may cancel between rows."""
    result = []
    total = max(len(table.rows), 1)
    with gc_paused():
        for number, (baris, values) in enumerate(table.rows):
            if feedback is not None and number % 2000 == 0:
                if feedback.isCanceled():
                    break
                feedback.setProgress(100.0 * number / total)
            result.append(parse_row(baris, values, table.mapping, code_list, point_transform))
    flag_rounded_numbers(result)
    return result


# Share of 16-digit numbers in a column ending in 0 above which the column is
# taken to have gone through a floating-point number. Real serials end in 0
# about one time in ten; Excel's 15 significant digits turn every 16th digit
# into 0.
ROUNDED_SHARE = 0.5
ROUNDED_MIN_VALUES = 10


def flag_rounded_numbers(recipients) -> None:
    """Flag NIK and KK values ending in 0 when most of their column does.

    A column in which most 16-digit numbers end in 0 went through Excel's
    number type, which keeps 15 digits. Its values ending in 0 lost their
    last digit, so they are flagged and never repaired.
    """
    for attribute, problem in (("nik", records.PROBLEM_NIK_RUSAK_EXCEL),
                               ("no_kk", records.PROBLEM_KK_RUSAK_EXCEL)):
        numbers = [item for item in recipients
                   if len(getattr(item, attribute)) == 16 and getattr(item, attribute).isdigit()]
        rounded = [item for item in numbers if getattr(item, attribute).endswith("0")]
        if len(numbers) < ROUNDED_MIN_VALUES or len(rounded) < ROUNDED_SHARE * len(numbers):
            continue
        for item in rounded:
            if problem not in item.problems:
                item.problems.append(problem)
