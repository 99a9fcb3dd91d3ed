"""Recognition of DTKS column headers and the mapping to canonical fields."""

import re

# Canonical field → header spellings seen in DTKS, DTSEN, BNBA and SIKS-NG
# extracts, written in the normalised form of ``normalize_header``.
SYNONYMS = {
    "nik": ("NIK", "NO NIK", "NOMOR NIK", "NOMOR INDUK KEPENDUDUKAN", "NIK ART", "NIK KRT"),
    "no_kk": ("NO KK", "NOKK", "NOMOR KK", "NO KARTU KELUARGA", "NOMOR KARTU KELUARGA", "KK"),
    "nama": ("NAMA", "NAMA LENGKAP", "NAMA ART", "NAMA KRT", "NAMA KEPALA KELUARGA",
             "NAMA PENERIMA", "NAMA ANGGOTA"),
    "tgl_lahir": ("TGL LAHIR", "TANGGAL LAHIR", "TGLLAHIR", "TGL LHR"),
    "jenis_kelamin": ("JENIS KELAMIN", "JK", "L P", "KELAMIN", "SEX"),
    "kode_wilayah": ("KODE WILAYAH", "KODE DESA", "KDDESA", "KD DESA", "ID DESA",
                     "KODE KELURAHAN", "KODE DESA KELURAHAN", "KODE WIL"),
    "provinsi": ("PROVINSI", "PROV", "NAMA PROVINSI"),
    "kabupaten": ("KABUPATEN", "KAB KOTA", "KABUPATEN KOTA", "KAB", "NAMA KABUPATEN"),
    "kecamatan": ("KECAMATAN", "KEC", "NAMA KECAMATAN"),
    "desa": ("DESA", "KELURAHAN", "DESA KELURAHAN", "DESA KEL", "NAMA DESA", "KEL DESA"),
    "latitude": ("LATITUDE", "LAT", "LINTANG", "Y"),
    "longitude": ("LONGITUDE", "LON", "LONG", "LNG", "BUJUR", "X"),
    "koordinat": ("KOORDINAT", "LOKASI", "TITIK KOORDINAT"),
    "desil": ("DESIL", "DESIL KESEJAHTERAAN", "PERINGKAT DESIL"),
    "alamat": ("ALAMAT", "ALAMAT LENGKAP"),
    "rt": ("RT",),
    "rw": ("RW",),
    "pkh": ("PKH", "STATUS PKH"),
    "bpnt": ("BPNT", "STATUS BPNT", "SEMBAKO"),
    "pbi": ("PBI", "PBI JK", "STATUS PBI"),
}

_LOOKUP = {spelling: field for field, spellings in SYNONYMS.items() for spelling in spellings}


def normalize_header(header: str) -> str:
    """Upper-case a header and turn punctuation and underscores into single spaces."""
    return " ".join(re.sub(r"[^0-9A-Z]+", " ", (header or "").upper()).split())


def detect_mapping(headers) -> dict:
    """Map canonical fields to column indexes; the first matching column wins."""
    mapping = {}
    for index, header in enumerate(headers):
        field = _LOOKUP.get(normalize_header(header))
        if field and field not in mapping:
            mapping[field] = index
    return mapping


def header_score(cells) -> int:
    """Count the cells of a row that are known DTKS headers."""
    return sum(1 for cell in cells if normalize_header(cell) in _LOOKUP)
