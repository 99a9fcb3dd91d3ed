"""Field names, status values and reason codes shared by every step.

The values written into result layers are the data's own vocabulary
(Bahasa Indonesia) and stay the same whatever language the QGIS interface
uses, so scripts can rely on them.
"""

# Fields added to the recipient layer.
BARIS = "baris"
NIK = "nik"
NO_KK = "no_kk"
NAMA = "nama"
TGL_LAHIR = "tgl_lahir"
JENIS_KELAMIN = "jenis_kelamin"
KODE_DESA = "kode_desa"
NAMA_DESA = "nama_desa"
METODE_LOKASI = "metode_lokasi"
SKOR_LOKASI = "skor_lokasi"
STATUS_KOORDINAT = "status_koordinat"
JARAK_DESA_M = "jarak_desa_m"
LOKASI_PERKIRAAN = "lokasi_perkiraan"
# Code of the village that contains the recipient's own point, if any.
KODE_DESA_KOORDINAT = "kode_desa_koordinat"
# Best name candidates of an unmatched row: "kode nama (skor); ...".
KANDIDAT_DESA = "kandidat_desa"
# Village assigned by hand in the review tab; a re-run keeps it.
KODE_DESA_MANUAL = "kode_desa_manual"
KELOMPOK_DUPLIKAT = "kelompok_duplikat"
ALASAN_DUPLIKAT = "alasan_duplikat"
SKOR_DUPLIKAT = "skor_duplikat"
# The analyst's decision on the row's duplicate group: bukan_duplikat, simpan,
# hapus (duplicates.KEPUTUSAN_VALUES) or NULL when undecided.
KEPUTUSAN_DUPLIKAT = "keputusan_duplikat"
MASALAH = "masalah"
LINTANG = "lintang"
BUJUR = "bujur"

RECIPIENT_FIELDS = (
    BARIS, NIK, NO_KK, NAMA, TGL_LAHIR, JENIS_KELAMIN, KODE_DESA, NAMA_DESA,
    METODE_LOKASI, SKOR_LOKASI, STATUS_KOORDINAT, JARAK_DESA_M,
    LOKASI_PERKIRAAN, KODE_DESA_KOORDINAT, KANDIDAT_DESA, KODE_DESA_MANUAL,
    KELOMPOK_DUPLIKAT, ALASAN_DUPLIKAT, SKOR_DUPLIKAT, KEPUTUSAN_DUPLIKAT, MASALAH, LINTANG,
    BUJUR,
)

# Fields that layers written by version 0.1.0 lack; reading such a layer
# leaves them empty.
OPTIONAL_FIELDS = (KODE_DESA_KOORDINAT, KANDIDAT_DESA, KODE_DESA_MANUAL, SKOR_DUPLIKAT,
                   KEPUTUSAN_DUPLIKAT)

# Fields of the rejected-rows table (the raw source values follow them).
ALASAN = "alasan"
PESAN = "pesan"

# Methods by which a recipient's registered village was found.
METODE_KODE = "kode"
METODE_NAMA = "nama"
METODE_KOORDINAT = "koordinat"
METODE_MANUAL = "manual"
METODE_TIDAK_COCOK = "tidak_cocok"
METODE_VALUES = (METODE_KODE, METODE_NAMA, METODE_KOORDINAT, METODE_MANUAL, METODE_TIDAK_COCOK)

# Statuses of a recipient's coordinate against its registered village.
STATUS_SESUAI = "sesuai"
STATUS_BEDA_DESA = "beda_desa"
STATUS_TERTUKAR = "tertukar"
STATUS_DI_LUAR = "di_luar_wilayah"
STATUS_TANPA = "tanpa_koordinat"
STATUS_VALUES = (STATUS_SESUAI, STATUS_BEDA_DESA, STATUS_TERTUKAR, STATUS_DI_LUAR, STATUS_TANPA)

# Reasons for rejecting a source row: only rows that are not records.
REJECT_BLANK = "baris_kosong"
REJECT_HEADER = "header_berulang"
REJECT_TOTAL = "baris_jumlah"
REJECT_TITLE = "baris_judul"
REJECT_MESSAGES = {
    REJECT_TITLE: "Baris judul atau keterangan di atas judul kolom, bukan data penerima.",
    REJECT_BLANK: "Baris kosong, bukan data penerima.",
    REJECT_HEADER: "Baris judul kolom yang berulang, bukan data penerima.",
    REJECT_TOTAL: "Baris jumlah/total, bukan data penerima.",
}

# Problem codes listed in the `masalah` field of a loaded record.
PROBLEM_NIK_KOSONG = "nik_kosong"
PROBLEM_NIK_BUKAN_16 = "nik_bukan_16_digit"
PROBLEM_NIK_RUSAK_EXCEL = "nik_rusak_excel"
PROBLEM_NIK_TANGGAL = "nik_tanggal_tidak_valid"
PROBLEM_NIK_BEDA_TGL = "nik_beda_tgl_lahir"
PROBLEM_NIK_WILAYAH = "nik_kode_wilayah_tidak_dikenal"
PROBLEM_KK_BUKAN_16 = "kk_bukan_16_digit"
PROBLEM_KK_RUSAK_EXCEL = "kk_rusak_excel"
PROBLEM_TGL_TIDAK_VALID = "tgl_lahir_tidak_valid"
PROBLEM_TGL_AMBIGU = "tgl_lahir_ambigu"
PROBLEM_JK_TIDAK_VALID = "jenis_kelamin_tidak_valid"
PROBLEM_KOORDINAT_TIDAK_VALID = "koordinat_tidak_valid"
PROBLEM_KOORDINAT_TERTUKAR = "koordinat_tertukar"
PROBLEM_KOORDINAT_LUAR_INDONESIA = "koordinat_di_luar_indonesia"
PROBLEM_KODE_WILAYAH_TIDAK_VALID = "kode_wilayah_tidak_valid"
# Set by the snapping step: the village name of the row is not that of its code.
PROBLEM_NAMA_DESA_BEDA_KODE = "nama_desa_beda_kode"
PROBLEM_KODE_WILAYAH_TIDAK_DIKENAL = "kode_wilayah_tidak_dikenal"

# Reasons given to suspected-duplicate groups.
DUP_SAME_NIK = "nik_sama"
DUP_SAME_NIK_MOVED = "nik_sama_beda_desa"
DUP_NIK_TYPO = "nik_mirip"
DUP_SAME_PERSON = "nama_tgl_lahir_sama"
# Similar name and the same birth date, but not the same sex and district.
DUP_SAME_NAME_DATE = "nama_tgl_lahir_sama_beda_kecamatan"
# Linked by the sum of weaker evidence (such as a date typo with one name).
DUP_OTHER_EVIDENCE = "bukti_gabungan"
DUP_TWO_KK = "satu_orang_dua_kk"
DUP_KK_TWO_VILLAGES = "kk_sama_beda_desa"
# Confirmed by the analyst (keputusan simpan/hapus) on an earlier run.
DUP_CONFIRMED = "dikonfirmasi_analis"
DUP_REASON_TEXT = {
    DUP_SAME_NIK: "NIK sama pada beberapa baris",
    DUP_SAME_NIK_MOVED: "NIK sama di desa berbeda (pindah domisili?)",
    DUP_NIK_TYPO: "NIK beda satu digit, nama mirip, tanggal lahir sama",
    DUP_SAME_PERSON: "Nama mirip, tanggal lahir dan jenis kelamin sama, kecamatan sama",
    DUP_SAME_NAME_DATE: "Nama mirip dan tanggal lahir sama, di kecamatan lain",
    DUP_OTHER_EVIDENCE: "Gabungan bukti: nama, tanggal lahir, KK dan wilayah mirip",
    DUP_TWO_KK: "Satu orang tercatat di dua KK",
    DUP_KK_TWO_VILLAGES: "Nomor KK sama di desa berbeda",
    DUP_CONFIRMED: "Dikonfirmasi duplikat oleh analis",
}
# Order in which reasons are listed in a group's alasan_duplikat.
DUP_REASON_ORDER = (DUP_SAME_NIK, DUP_SAME_NIK_MOVED, DUP_NIK_TYPO, DUP_SAME_PERSON,
                    DUP_SAME_NAME_DATE, DUP_OTHER_EVIDENCE, DUP_TWO_KK, DUP_KK_TWO_VILLAGES,
                    DUP_CONFIRMED)
