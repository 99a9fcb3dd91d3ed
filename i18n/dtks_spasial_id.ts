<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="id_ID" sourcelanguage="en">
  <context>
    <name>DtksSpasial</name>
    <message>
      <location filename="plugin/processing/algorithms.py" line="305" />
      <source>A map needs a region code (REGION).</source>
      <translation>Peta memerlukan kode wilayah (REGION).</translation>
    </message>
    <message>
      <location filename="plugin/gis/pipeline.py" line="116" />
      <source>Coordinate status:</source>
      <translation>Status koordinat:</translation>
    </message>
    <message>
      <location filename="plugin/gui/task.py" line="69" />
      <source>DTKS Spasial: processing the table</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="plugin/processing/algorithms.py" line="98" />
      <source>DTKS table (CSV/XLSX)</source>
      <translation>Tabel DTKS (CSV/XLSX)</translation>
    </message>
    <message>
      <location filename="plugin/processing/algorithms.py" line="198" />
      <source>Duplicate groups</source>
      <translation>Kelompok duplikat</translation>
    </message>
    <message>
      <location filename="plugin/processing/algorithms.py" line="100" />
      <source>Excel sheet (empty: the first)</source>
      <translation>Lembar Excel (kosong: lembar pertama)</translation>
    </message>
    <message>
      <location filename="plugin/processing/algorithms.py" line="229" />
      <source>Export thematic map</source>
      <translation>Ekspor peta tematik</translation>
    </message>
    <message>
      <location filename="scripts/run_pipeline.py" line="59" />
      <source>Failed: {error}</source>
      <translation>Gagal: {error}</translation>
    </message>
    <message>
      <location filename="plugin/core/table_reader.py" line="168" />
      <source>File format '{extension}' is not supported. Use CSV, TXT or XLSX.</source>
      <translation>Format berkas '{extension}' tidak didukung. Gunakan CSV, TXT atau XLSX.</translation>
    </message>
    <message>
      <location filename="plugin/core/table_reader.py" line="160" />
      <source>File not found: {name}</source>
      <translation>Berkas tidak ditemukan: {name}</translation>
    </message>
    <message>
      <location filename="plugin/processing/algorithms.py" line="185" />
      <source>Find suspected duplicates</source>
      <translation>Cari dugaan duplikat</translation>
    </message>
    <message>
      <location filename="plugin/gis/pipeline.py" line="238" />
      <source>Finding each recipient's village</source>
      <translation>Mencari desa setiap penerima</translation>
    </message>
    <message>
      <location filename="plugin/gis/pipeline.py" line="243" />
      <source>Finding suspected duplicates</source>
      <translation>Mencari dugaan duplikat</translation>
    </message>
    <message>
      <location filename="plugin/processing/algorithms.py" line="145" />
      <source>Gives each recipient its registered village: by region code when the code exists in the boundaries, else by village name within the named district and regency (fuzzy, ignoring case, spacing and prefixes such as DESA, KEL., DS.), else by the village containing its coordinate. The coordinate is compared with that village (status_koordinat: sesuai, beda_desa, tertukar, di_luar_wilayah, tanpa_koordinat). Recipients without a coordinate get a point inside their village, marked lokasi_perkiraan.</source>
      <translation>Menentukan desa terdaftar setiap penerima: menurut kode wilayah bila kode itu ada di lapisan batas, jika tidak menurut nama desa di dalam kecamatan dan kabupaten yang disebut (pencocokan mirip, mengabaikan huruf besar/kecil, spasi dan awalan seperti DESA, KEL., DS.), jika tidak menurut desa yang memuat koordinatnya. Koordinat lalu dibandingkan dengan desa itu (status_koordinat: sesuai, beda_desa, tertukar, di_luar_wilayah, tanpa_koordinat). Penerima tanpa koordinat mendapat titik di dalam desanya, ditandai lokasi_perkiraan.</translation>
    </message>
    <message>
      <location filename="plugin/processing/algorithms.py" line="188" />
      <source>Groups rows that probably belong to one person: the same NIK on several rows, NIKs one digit apart in one family card with a similar name and the same birth date, and a similar name with the same birth date and sex in the same district. Each group gets an id (kelompok_duplikat) and a short reason (alasan_duplikat).</source>
      <translation>Mengelompokkan baris yang kemungkinan besar milik satu orang: NIK sama pada beberapa baris, NIK berbeda satu digit dalam satu KK dengan nama mirip dan tanggal lahir sama, serta nama mirip dengan tanggal lahir dan jenis kelamin sama di kecamatan yang sama. Setiap kelompok mendapat nomor (kelompok_duplikat) dan alasan singkat (alasan_duplikat).</translation>
    </message>
    <message>
      <location filename="plugin/processing/algorithms.py" line="86" />
      <source>Import DTKS table</source>
      <translation>Impor tabel DTKS</translation>
    </message>
    <message>
      <location filename="plugin/processing/algorithms.py" line="274" />
      <source>Imports a DTKS table, snaps recipients to the village boundaries, finds suspected duplicates and prints the map of a region. Results go into one GeoPackage: penerima (recipients), ditolak (rejected rows), kelompok_duplikat (duplicate groups) and jumlah_per_desa (recipients per village of the region). BOUNDARIES may be a layer or a file; in a file with several levels the village level is picked from its codes.</source>
      <translation>Mengimpor tabel DTKS, menempatkan penerima ke batas desa, mencari dugaan duplikat dan mencetak peta suatu wilayah. Hasil disimpan dalam satu GeoPackage: penerima, ditolak (baris yang ditolak), kelompok_duplikat dan jumlah_per_desa (jumlah penerima per desa di wilayah itu). BOUNDARIES boleh berupa lapisan atau berkas; pada berkas berisi beberapa tingkat, lapisan desa dipilih menurut kodenya.</translation>
    </message>
    <message>
      <location filename="plugin/gis/pipeline.py" line="203" />
      <source>Invalid region code '{code}'. Use a Kemendagri code such as 17 or 17.04 or 17.04.01.</source>
      <translation>Kode wilayah '{code}' tidak sah. Gunakan kode Kemendagri seperti 17, 17.04 atau 17.04.01.</translation>
    </message>
    <message>
      <location filename="plugin/gis/pipeline.py" line="108" />
      <source>Loaded: {n}</source>
      <translation>Dimuat: {n}</translation>
    </message>
    <message>
      <location filename="plugin/processing/algorithms.py" line="243" />
      <source>Map (PDF)</source>
      <translation>Peta (PDF)</translation>
    </message>
    <message>
      <location filename="scripts/run_pipeline.py" line="68" />
      <source>Map: {path}</source>
      <translation>Peta: {path}</translation>
    </message>
    <message>
      <location filename="plugin/gis/pipeline.py" line="49" />
      <source>No NIK or NAMA column found in the table. Check that the header row has the usual DTKS column names.</source>
      <translation>Kolom NIK atau NAMA tidak ditemukan di tabel. Periksa apakah baris judul kolom memakai nama kolom DTKS yang lazim.</translation>
    </message>
    <message>
      <location filename="plugin/gis/boundaries.py" line="99" />
      <source>No village boundary layer found: a polygon layer with a region code field (KDEPUM or kode) is required.</source>
      <translation>Lapisan batas desa tidak ditemukan: diperlukan lapisan poligon dengan kolom kode wilayah (KDEPUM atau kode).</translation>
    </message>
    <message>
      <location filename="plugin/gis/pipeline.py" line="119" />
      <source>Points placed inside their village (approximate): {n}</source>
      <translation>Titik yang ditempatkan di dalam desanya (perkiraan): {n}</translation>
    </message>
    <message>
      <location filename="plugin/processing/algorithms.py" line="232" />
      <source>Prints an A4 landscape map of recipients per village for a region code (province, regency, district or village) to PDF. Each recipient counts once, in its registered village (kode_desa). The map shows counts per village only, never names or NIK.</source>
      <translation>Mencetak peta A4 mendatar berisi jumlah penerima per desa untuk suatu kode wilayah (provinsi, kabupaten, kecamatan atau desa) ke PDF. Setiap penerima dihitung sekali, di desa terdaftarnya (kode_desa). Peta hanya menampilkan jumlah per desa, tidak pernah nama atau NIK.</translation>
    </message>
    <message>
      <location filename="plugin/gis/pipeline.py" line="122" />
      <source>Problems found in loaded rows:</source>
      <translation>Masalah pada baris yang dimuat:</translation>
    </message>
    <message>
      <location filename="plugin/gis/pipeline.py" line="222" />
      <source>Reading the table</source>
      <translation>Membaca tabel</translation>
    </message>
    <message>
      <location filename="plugin/gis/pipeline.py" line="227" />
      <source>Reading village boundaries</source>
      <translation>Membaca batas desa</translation>
    </message>
    <message>
      <location filename="plugin/processing/algorithms.py" line="89" />
      <source>Reads a DTKS or DTSEN table (CSV, TXT or XLSX) into a recipient layer. Rows with usable coordinates become points; the others are kept without geometry. NIK and KK numbers are kept as text. Rows that are not records (blank rows, repeated headers, total rows) go to the rejected table with their reason. The source file is only read, never changed.</source>
      <translation>Membaca tabel DTKS atau DTSEN (CSV, TXT atau XLSX) menjadi lapisan penerima. Baris dengan koordinat yang dapat dipakai menjadi titik; baris lainnya tetap disimpan tanpa geometri. NIK dan nomor KK disimpan sebagai teks. Baris yang bukan data penerima (baris kosong, judul kolom berulang, baris jumlah) masuk ke tabel baris ditolak beserta alasannya. Berkas sumber hanya dibaca, tidak pernah diubah.</translation>
    </message>
    <message>
      <location filename="plugin/processing/algorithms.py" line="71" />
      <source>Recipient layer</source>
      <translation>Lapisan penerima</translation>
    </message>
    <message>
      <location filename="plugin/processing/algorithms.py" line="67" />
      <source>Recipients</source>
      <translation>Penerima</translation>
    </message>
    <message>
      <location filename="plugin/processing/algorithms.py" line="241" />
      <source>Region code (e.g. 17.04)</source>
      <translation>Kode wilayah (mis. 17.04)</translation>
    </message>
    <message>
      <location filename="plugin/processing/algorithms.py" line="289" />
      <source>Region code to map (e.g. 17.04)</source>
      <translation>Kode wilayah yang dipetakan (mis. 17.04)</translation>
    </message>
    <message>
      <location filename="plugin/gis/pipeline.py" line="207" />
      <source>Region code {code} has no village in the boundary layer. Check the code or the boundary layer.</source>
      <translation>Kode wilayah {code} tidak memiliki desa di lapisan batas. Periksa kode atau lapisan batasnya.</translation>
    </message>
    <message>
      <location filename="plugin/processing/algorithms.py" line="103" />
      <source>Rejected rows</source>
      <translation>Baris ditolak</translation>
    </message>
    <message>
      <location filename="plugin/gis/pipeline.py" line="109" />
      <source>Rejected: {n}</source>
      <translation>Ditolak: {n}</translation>
    </message>
    <message>
      <location filename="plugin/processing/algorithms.py" line="291" />
      <source>Result GeoPackage</source>
      <translation>GeoPackage hasil</translation>
    </message>
    <message>
      <location filename="scripts/run_pipeline.py" line="66" />
      <source>Results: {path}</source>
      <translation>Hasil: {path}</translation>
    </message>
    <message>
      <location filename="plugin/processing/algorithms.py" line="105" />
      <source>Rows loaded</source>
      <translation>Baris dimuat</translation>
    </message>
    <message>
      <location filename="plugin/processing/algorithms.py" line="104" />
      <source>Rows read</source>
      <translation>Baris dibaca</translation>
    </message>
    <message>
      <location filename="plugin/gis/pipeline.py" line="107" />
      <source>Rows read: {n}</source>
      <translation>Baris dibaca: {n}</translation>
    </message>
    <message>
      <location filename="plugin/processing/algorithms.py" line="106" />
      <source>Rows rejected</source>
      <translation>Baris ditolak</translation>
    </message>
    <message>
      <location filename="plugin/processing/algorithms.py" line="271" />
      <source>Run the whole DTKS job</source>
      <translation>Jalankan seluruh proses DTKS</translation>
    </message>
    <message>
      <location filename="plugin/core/table_reader.py" line="119" />
      <source>Sheet '{sheet}' not found in the Excel file.</source>
      <translation>Lembar '{sheet}' tidak ditemukan di berkas Excel.</translation>
    </message>
    <message>
      <location filename="plugin/processing/algorithms.py" line="142" />
      <source>Snap recipients to village boundaries</source>
      <translation>Tempatkan penerima ke batas desa</translation>
    </message>
    <message>
      <location filename="plugin/processing/algorithms.py" line="199" />
      <source>Suspected duplicate groups</source>
      <translation>Kelompok dugaan duplikat</translation>
    </message>
    <message>
      <location filename="plugin/gis/pipeline.py" line="125" />
      <source>Suspected duplicate groups: {groups} ({rows} rows)</source>
      <translation>Kelompok dugaan duplikat: {groups} ({rows} baris)</translation>
    </message>
    <message>
      <location filename="plugin/core/table_reader.py" line="114" />
      <source>The Excel file cannot be opened ({error}). Check that it is a valid XLSX file.</source>
      <translation>Berkas Excel tidak dapat dibuka ({error}). Periksa apakah berkas itu XLSX yang sah.</translation>
    </message>
    <message>
      <location filename="plugin/core/table_reader.py" line="109" />
      <source>The Python package 'openpyxl' is not installed, so Excel files cannot be read.</source>
      <translation>Paket Python 'openpyxl' belum terpasang, sehingga berkas Excel tidak dapat dibaca.</translation>
    </message>
    <message>
      <location filename="plugin/gis/boundaries.py" line="102" />
      <source>The boundary layer is not at village level (its codes are not of the form PP.KK.CC.DDDD). Choose the village (desa) layer.</source>
      <translation>Lapisan batas bukan tingkat desa (kodenya tidak berbentuk PP.KK.CC.DDDD). Pilih lapisan desa.</translation>
    </message>
    <message>
      <location filename="plugin/core/table_reader.py" line="57" />
      <source>The file cannot be read as text: its encoding is not UTF-8, UTF-16 or Windows-1252.</source>
      <translation>Berkas tidak dapat dibaca sebagai teks: penyandiannya bukan UTF-8, UTF-16 atau Windows-1252.</translation>
    </message>
    <message>
      <location filename="plugin/core/table_reader.py" line="171" />
      <source>The file is empty: it has no rows to read.</source>
      <translation>Berkas kosong: tidak ada baris yang dapat dibaca.</translation>
    </message>
    <message>
      <location filename="plugin/processing/algorithms.py" line="50" />
      <source>The layer is not a recipient layer of DTKS Spasial: fields {fields} are missing. Run 'Import DTKS table' first.</source>
      <translation>Lapisan ini bukan lapisan penerima DTKS Spasial: kolom {fields} tidak ada. Jalankan 'Impor tabel DTKS' terlebih dahulu.</translation>
    </message>
    <message>
      <location filename="plugin/processing/algorithms.py" line="46" />
      <source>The recipient layer could not be opened.</source>
      <translation>Lapisan penerima tidak dapat dibuka.</translation>
    </message>
    <message>
      <location filename="plugin/processing/algorithms.py" line="40" />
      <source>The village boundary layer could not be opened.</source>
      <translation>Lapisan batas desa tidak dapat dibuka.</translation>
    </message>
    <message>
      <location filename="plugin/gis/boundaries.py" line="136" />
      <source>The village boundary layer has no polygon with a valid region code.</source>
      <translation>Lapisan batas desa tidak berisi poligon dengan kode wilayah yang sah.</translation>
    </message>
    <message>
      <location filename="scripts/run_pipeline.py" line="69" />
      <source>Time: {seconds:.1f} s</source>
      <translation>Waktu: {seconds:.1f} detik</translation>
    </message>
    <message>
      <location filename="plugin/processing/algorithms.py" line="75" />
      <source>Village boundaries</source>
      <translation>Batas desa</translation>
    </message>
    <message>
      <location filename="plugin/gis/pipeline.py" line="113" />
      <source>Village found by method:</source>
      <translation>Desa ditemukan menurut metode:</translation>
    </message>
    <message>
      <location filename="plugin/gis/pipeline.py" line="249" />
      <source>Writing results</source>
      <translation>Menulis hasil</translation>
    </message>
    <message>
      <location filename="plugin/gui/task.py" line="94" />
      <source>Writing the results to {folder} failed: {error}. Check that the folder is writable and that {file} is not open in another program.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="plugin/gui/task.py" line="120" />
      <source>{kind} (message not shown because it may contain personal data)
Traceback (most recent call last):
{stack}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="plugin/gis/pipeline.py" line="230" />
      <source>{n} invalid village polygons were repaired.</source>
      <translation>{n} poligon desa yang tidak valid telah diperbaiki.</translation>
    </message>
  </context>
</TS>
