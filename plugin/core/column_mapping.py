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
    "program": ("PROGRAM", "PROGRAM BANSOS", "JENIS BANTUAN", "BANSOS", "KEPESERTAAN",
                "PROGRAM BANTUAN"),
}

# Canonical fields in the order the mapping table shows them.
CANONICAL_FIELDS = tuple(SYNONYMS)

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


def apply_override(mapping: dict, headers, override) -> dict:
    """Return ``mapping`` changed by a user's override {field: header name or None}.

    A header name that is not in the table is ignored, so a saved mapping
    can be reused on a file that lacks some of its columns.
    """
    if not override:
        return dict(mapping)
    result = dict(mapping)
    # With repeated header names the first column wins, as in detect_mapping.
    positions, normalized = {}, {}
    for index, header in enumerate(headers):
        positions.setdefault(header, index)
        normalized.setdefault(normalize_header(header), index)
    for field, header in override.items():
        if field not in SYNONYMS:
            continue
        if header is None or header == "":
            result.pop(field, None)
            continue
        index = positions.get(header, normalized.get(normalize_header(header)))
        if index is not None:
            for other, other_index in list(result.items()):
                if other_index == index and other != field:
                    del result[other]
            result[field] = index
    return result


def mapping_to_text(mapping: dict, headers) -> str:
    """Write a mapping as ``field=HEADER;field=HEADER`` (the Processing parameter form)."""
    return ";".join(f"{field}={headers[index]}" for field, index in sorted(
        mapping.items(), key=lambda item: item[1]))


def mapping_from_text(text: str) -> dict:
    """Parse ``field=HEADER;field=`` into an override (an empty header unmaps the field).

    Raises ValueError naming the first unknown field.
    """
    override = {}
    for part in (text or "").split(";"):
        if not part.strip():
            continue
        field, _, header = part.partition("=")
        field = field.strip().lower()
        if field not in SYNONYMS:
            raise ValueError(field)
        override[field] = header.strip() or None
    return override


class MappingPresets:
    """Named column mappings saved by the user, kept in a key-value store.

    ``store`` is any object with ``value(key, default)`` and
    ``setValue(key, value)`` (QgsSettings in the plugin, a dict-backed
    object in tests); presets are kept as ``field=HEADER;…`` text.
    """

    PREFIX = "dtks_spasial/mapping_presets/"

    def __init__(self, store):
        self.store = store

    def names(self) -> list:
        """Return the saved preset names in alphabetical order."""
        text = self.store.value(self.PREFIX + "_names", "") or ""
        return sorted(name for name in text.split("\n") if name)

    def save(self, name: str, override: dict) -> None:
        """Save (or replace) a preset under ``name``."""
        text = ";".join(f"{field}={header or ''}" for field, header in sorted(override.items()))
        self.store.setValue(self.PREFIX + name, text)
        names = set(self.names()) | {name}
        self.store.setValue(self.PREFIX + "_names", "\n".join(sorted(names)))

    def load(self, name: str) -> dict:
        """Return the override saved under ``name`` (empty when there is none)."""
        return mapping_from_text(self.store.value(self.PREFIX + name, "") or "")

    def delete(self, name: str) -> None:
        """Forget a preset."""
        if hasattr(self.store, "remove"):
            self.store.remove(self.PREFIX + name)
        else:
            self.store.setValue(self.PREFIX + name, "")
        self.store.setValue(self.PREFIX + "_names",
                            "\n".join(other for other in self.names() if other != name))
