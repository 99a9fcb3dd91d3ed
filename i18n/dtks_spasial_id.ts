<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="id_ID" sourcelanguage="en">
  <context>
    <name>DtksSpasial</name>
    <message>
      <location filename="plugin/gui/basemap_menu.py" line="49" />
      <source>'{title}' could not be opened. Check the network connection and the URL in the service list; BIG sometimes moves its services.</source>
      <translation>'{title}' tidak dapat dibuka. Periksa sambungan jaringan dan URL di daftar layanan; BIG kadang memindahkan layanannya.</translation>
    </message>
    <message>
      <location filename="plugin/gis/basemaps.py" line="142" />
      <source>'{title}' is a WMS/WMTS service: give its layer name.</source>
      <translation>'{title}' adalah layanan WMS/WMTS: isi nama layernya.</translation>
    </message>
    <message>
      <location filename="plugin/gis/basemaps.py" line="145" />
      <source>'{title}' is a WMTS service: give its tile matrix set, e.g. GoogleMapsCompatible.</source>
      <translation>'{title}' adalah layanan WMTS: isi tile matrix set-nya, mis. GoogleMapsCompatible.</translation>
    </message>
    <message>
      <location filename="plugin/gis/offline.py" line="505" />
      <source>'{title}' is a feature service, not a base map: choose a tile, WMS, WMTS or ArcGIS MapServer service.</source>
      <translation>'{title}' adalah layanan fitur, bukan peta dasar: pilih layanan tile, WMS, WMTS atau ArcGIS MapServer.</translation>
    </message>
    <message>
      <location filename="plugin/gui/dock.py" line="161" />
      <source>(automatic)</source>
      <translation>(otomatis)</translation>
    </message>
    <message>
      <location filename="plugin/gui/mapping_panel.py" line="306" />
      <source>(no saved mapping)</source>
      <translation>(tanpa pemetaan tersimpan)</translation>
    </message>
    <message>
      <location filename="plugin/gui/mapping_panel.py" line="113" />
      <source>(none)</source>
      <translation>(tidak ada)</translation>
    </message>
    <message>
      <location filename="plugin/gui/dock.py" line="136" />
      <source>1. DTKS table</source>
      <translation>1. Tabel DTKS</translation>
    </message>
    <message>
      <location filename="plugin/gui/dock.py" line="227" />
      <source>2. Village boundaries</source>
      <translation>2. Batas desa</translation>
    </message>
    <message>
      <location filename="plugin/gui/dock.py" line="292" />
      <source>3. Map and output</source>
      <translation>3. Peta dan keluaran</translation>
    </message>
    <message>
      <location filename="plugin/core/indicators.py" line="636" />
      <source>&lt; {n}</source>
      <translation>&lt; {n}</translation>
    </message>
    <message>
      <location filename="plugin/gis/duplicate_review.py" line="340" />
      <source>A decision needs a group of at least two rows; this group has {n}.</source>
      <translation>Keputusan memerlukan kelompok dengan minimal dua baris; kelompok ini berisi {n}.</translation>
    </message>
    <message>
      <location filename="plugin/processing/algorithms.py" line="713" />
      <source>A map needs a region code (REGION).</source>
      <translation>Peta memerlukan kode wilayah (REGION).</translation>
    </message>
    <message>
      <location filename="plugin/gui/duplicate_panel.py" line="545" />
      <source>A new run that replaces this GeoPackage keeps the decision.</source>
      <translation>Proses baru yang mengganti GeoPackage ini mempertahankan keputusan tersebut.</translation>
    </message>
    <message>
      <location filename="plugin/gis/offline.py" line="539" />
      <source>A region code needs boundary layers to find the region in.</source>
      <translation>Kode wilayah memerlukan layer batas wilayah untuk mencari wilayahnya.</translation>
    </message>
    <message>
      <location filename="plugin/gui/duplicate_panel.py" line="478" />
      <source>A run is writing new results. Decisions can be made again when it has finished.</source>
      <translation>Proses sedang menulis hasil baru. Keputusan dapat dibuat lagi setelah proses selesai.</translation>
    </message>
    <message>
      <location filename="plugin/gis/basemaps.py" line="75" />
      <source>A service entry must be a JSON object, not {value}.</source>
      <translation>Entri layanan harus berupa objek JSON, bukan {value}.</translation>
    </message>
    <message>
      <location filename="plugin/gis/basemaps.py" line="254" />
      <source>A service with the id '{id}' exists already.</source>
      <translation>Layanan dengan id '{id}' sudah ada.</translation>
    </message>
    <message>
      <location filename="plugin/gui/map_panel.py" line="220" />
      <source>A3 landscape</source>
      <translation>A3 lanskap</translation>
    </message>
    <message>
      <location filename="plugin/gui/map_panel.py" line="221" />
      <source>A3 portrait</source>
      <translation>A3 potret</translation>
    </message>
    <message>
      <location filename="plugin/gui/map_panel.py" line="220" />
      <source>A4 landscape</source>
      <translation>A4 lanskap</translation>
    </message>
    <message>
      <location filename="plugin/gui/map_panel.py" line="220" />
      <source>A4 portrait</source>
      <translation>A4 potret</translation>
    </message>
    <message>
      <location filename="plugin/gui/basemap_menu.py" line="137" />
      <source>Add</source>
      <translation>Tambah</translation>
    </message>
    <message>
      <location filename="plugin/gui/basemap_menu.py" line="77" />
      <source>Add a base map or boundary service of BIG, or prepare an offline package</source>
      <translation>Tambahkan peta dasar atau layanan batas wilayah BIG, atau siapkan paket luring</translation>
    </message>
    <message>
      <location filename="plugin/gui/duplicate_panel.py" line="40" />
      <source>All groups</source>
      <translation>Semua kelompok</translation>
    </message>
    <message>
      <location filename="plugin/gui/review_panel.py" line="41" />
      <source>All problems</source>
      <translation>Semua masalah</translation>
    </message>
    <message>
      <location filename="plugin/gis/layout.py" line="90" />
      <source>April</source>
      <translation>April</translation>
    </message>
    <message>
      <location filename="plugin/gui/review_panel.py" line="482" />
      <source>Assign by code</source>
      <translation>Tetapkan dengan kode</translation>
    </message>
    <message>
      <location filename="plugin/gui/review_panel.py" line="224" />
      <source>Assign by code...</source>
      <translation>Tetapkan dengan kode...</translation>
    </message>
    <message>
      <location filename="plugin/gui/review_panel.py" line="220" />
      <source>Assign this village</source>
      <translation>Tetapkan desa ini</translation>
    </message>
    <message>
      <location filename="plugin/gis/review.py" line="356" />
      <source>Assign villages by hand</source>
      <translation>Tetapkan desa secara manual</translation>
    </message>
    <message>
      <location filename="plugin/gui/review_panel.py" line="48" />
      <source>Assigned by hand</source>
      <translation>Ditetapkan manual</translation>
    </message>
    <message>
      <location filename="plugin/gui/map_panel.py" line="231" />
      <source>Atlas: one page per region</source>
      <translation>Atlas: satu halaman per wilayah</translation>
    </message>
    <message>
      <location filename="plugin/gui/basemap_menu.py" line="25" />
      <source>Attribution</source>
      <translation>Atribusi</translation>
    </message>
    <message>
      <location filename="plugin/processing/offline_algorithm.py" line="65" />
      <source>Attribution of the XYZ tiles</source>
      <translation>Atribusi tile XYZ</translation>
    </message>
    <message>
      <location filename="plugin/gis/layout.py" line="91" />
      <source>August</source>
      <translation>Agustus</translation>
    </message>
    <message>
      <location filename="plugin/gui/basemap_menu.py" line="70" />
      <source>BIG base maps</source>
      <translation>Peta dasar BIG</translation>
    </message>
    <message>
      <location filename="plugin/gis/boundaries.py" line="74" />
      <source>BPS village code</source>
      <translation>Kode desa BPS</translation>
    </message>
    <message>
      <location filename="plugin/gui/basemap_menu.py" line="48" />
      <source>Base map</source>
      <translation>Peta dasar</translation>
    </message>
    <message>
      <location filename="plugin/gui/basemap_menu.py" line="130" />
      <source>Base-map services</source>
      <translation>Layanan peta dasar</translation>
    </message>
    <message>
      <location filename="plugin/processing/offline_algorithm.py" line="77" />
      <source>Base-map tiles (MBTiles)</source>
      <translation>Tile peta dasar (MBTiles)</translation>
    </message>
    <message>
      <location filename="plugin/gui/duplicate_panel.py" line="71" />
      <source>Birth date</source>
      <translation>Tanggal lahir</translation>
    </message>
    <message>
      <location filename="plugin/gui/offline_dialog.py" line="127" />
      <source>Boundaries (GeoPackage with provinsi/kabupaten/kecamatan/desa)</source>
      <translation>Batas wilayah (GeoPackage berisi provinsi/kabupaten/kecamatan/desa)</translation>
    </message>
    <message>
      <location filename="plugin/processing/offline_algorithm.py" line="49" />
      <source>Boundaries (a file with several levels, or one layer)</source>
      <translation>Batas wilayah (berkas dengan beberapa tingkat, atau satu layer)</translation>
    </message>
    <message>
      <location filename="plugin/processing/algorithms.py" line="218" />
      <source>Boundary fields (e.g. kode=KODE_DESA;nama=NAMA;kecamatan=KEC;kabupaten=KAB)</source>
      <translation>Kolom batas wilayah (mis. kode=KODE_DESA;nama=NAMA;kecamatan=KEC;kabupaten=KAB)</translation>
    </message>
    <message>
      <location filename="plugin/gui/boundary_fields.py" line="28" />
      <source>Boundary fields: {layer}</source>
      <translation>Kolom batas wilayah: {layer}</translation>
    </message>
    <message>
      <location filename="plugin/gis/offline.py" line="247" />
      <source>Boundary file not found: {path}</source>
      <translation>Berkas batas wilayah tidak ditemukan: {path}</translation>
    </message>
    <message>
      <location filename="plugin/gui/offline_dialog.py" line="94" />
      <source>Boundary files (*.gpkg *.shp *.geojson)</source>
      <translation>Berkas batas wilayah (*.gpkg *.shp *.geojson)</translation>
    </message>
    <message>
      <location filename="plugin/gui/dock.py" line="242" />
      <source>Boundary files (*.gpkg *.shp);;All files (*)</source>
      <translation>Berkas batas wilayah (*.gpkg *.shp);;Semua berkas (*)</translation>
    </message>
    <message>
      <location filename="plugin/gui/map_panel.py" line="264" />
      <source>Browse…</source>
      <translation>Telusuri…</translation>
    </message>
    <message>
      <location filename="plugin/gis/atlas.py" line="429" />
      <source>CONFIDENTIAL — contains individual-level data; for official use only</source>
      <translation>RAHASIA — memuat data perorangan; hanya untuk keperluan dinas</translation>
    </message>
    <message>
      <location filename="plugin/processing/algorithms.py" line="174" />
      <source>CRS of the coordinate columns</source>
      <translation>CRS kolom koordinat</translation>
    </message>
    <message>
      <location filename="plugin/gui/dock.py" line="207" />
      <source>CSV file with the columns kode,nama,tingkat listing the Kemendagri region codes. When given, region codes and NIK district codes that are not in the list are flagged as problems of their rows. The file chosen here is remembered.</source>
      <translation>Berkas CSV dengan kolom kode,nama,tingkat yang memuat kode wilayah Kemendagri. Bila diisi, kode wilayah dan kode kecamatan NIK yang tidak ada di daftar ditandai sebagai masalah pada barisnya. Berkas yang dipilih di sini diingat.</translation>
    </message>
    <message>
      <location filename="plugin/gui/dock.py" line="206" />
      <source>CSV files (*.csv);;All files (*)</source>
      <translation>Berkas CSV (*.csv);;Semua berkas (*)</translation>
    </message>
    <message>
      <source>CSV, TXT or Excel file with one recipient per row and a header row with the usual DTKS column names (NIK, NO_KK, NAMA, KODE_WILAYAH, DESA, LATITUDE, LONGITUDE, ...). The file is only read, never changed.</source>
      <translation type="obsolete">Berkas CSV, TXT atau Excel dengan satu penerima per baris dan baris judul kolom yang memakai nama kolom DTKS yang lazim (NIK, NO_KK, NAMA, KODE_WILAYAH, DESA, LATITUDE, LONGITUDE, ...). Berkas ini hanya dibaca, tidak pernah diubah.</translation>
    </message>
    <message>
      <location filename="plugin/gui/dock.py" line="144" />
      <source>CSV, TXT, Excel (XLSX, XLS) or ODS file with one recipient per row and a header row with the usual DTKS column names (NIK, NO_KK, NAMA, KODE_WILAYAH, DESA, LATITUDE, LONGITUDE, ...). The file is only read, never changed.</source>
      <translation>Berkas CSV, TXT, Excel (XLSX, XLS) atau ODS dengan satu penerima per baris dan baris judul kolom yang memakai nama kolom DTKS yang lazim (NIK, NO_KK, NAMA, KODE_WILAYAH, DESA, LATITUDE, LONGITUDE, ...). Berkas ini hanya dibaca, tidak pernah diubah.</translation>
    </message>
    <message>
      <location filename="plugin/gui/dock.py" line="321" />
      <source>Cancel</source>
      <translation>Batal</translation>
    </message>
    <message>
      <location filename="plugin/gui/dock.py" line="575" />
      <source>Canceled. No layers were added.</source>
      <translation>Dibatalkan. Tidak ada lapisan yang ditambahkan.</translation>
    </message>
    <message>
      <location filename="plugin/gui/offline_dialog.py" line="261" />
      <source>Canceled; the files already written were removed.</source>
      <translation>Dibatalkan; berkas yang sudah ditulis telah dihapus.</translation>
    </message>
    <message>
      <location filename="plugin/gui/dock.py" line="538" />
      <source>Canceling...</source>
      <translation>Membatalkan...</translation>
    </message>
    <message>
      <location filename="plugin/gui/offline_dialog.py" line="240" />
      <source>Canceling…</source>
      <translation>Membatalkan…</translation>
    </message>
    <message>
      <location filename="plugin/processing/algorithms.py" line="488" />
      <source>Candidate pairs scored: {pairs}</source>
      <translation>Pasangan kandidat yang dinilai: {pairs}</translation>
    </message>
    <message>
      <location filename="plugin/gis/atlas.py" line="124" />
      <source>Cannot map each {unit} inside region {region}: the regions to map must be below the region's own level (province, regency/city, district, village).</source>
      <translation>Tidak dapat memetakan setiap {unit} di dalam wilayah {region}: wilayah yang dipetakan harus berada di bawah tingkat wilayah itu sendiri (provinsi, kabupaten/kota, kecamatan, desa).</translation>
    </message>
    <message>
      <source>Cannot map level {level} inside region {region}: choose a level below the region's own level (1 province, 2 regency, 3 district, 4 village).</source>
      <translation type="obsolete">Tingkat {level} tidak dapat dipetakan di dalam wilayah {region}: pilih tingkat di bawah tingkat wilayah itu sendiri (1 provinsi, 2 kabupaten/kota, 3 kecamatan, 4 desa).</translation>
    </message>
    <message>
      <location filename="plugin/gui/dock.py" line="192" />
      <source>Character between the columns of a CSV or TXT file. (automatic) picks the one that splits most of the first 60 lines into the same number of columns.</source>
      <translation>Karakter di antara kolom berkas CSV atau TXT. (otomatis) memilih karakter yang membagi sebagian besar dari 60 baris pertama menjadi jumlah kolom yang sama.</translation>
    </message>
    <message>
      <location filename="plugin/gui/duplicate_panel.py" line="567" />
      <source>Choose a recipient layer with duplicate groups.</source>
      <translation>Pilih layer penerima yang memiliki kelompok duplikat.</translation>
    </message>
    <message>
      <location filename="plugin/gui/dock.py" line="241" />
      <source>Choose a village boundary file</source>
      <translation>Pilih berkas batas desa</translation>
    </message>
    <message>
      <location filename="plugin/gui/dock.py" line="285" />
      <source>Choose a village boundary layer of the project or a boundary file.</source>
      <translation>Pilih lapisan batas desa dari proyek atau berkas batas wilayah.</translation>
    </message>
    <message>
      <location filename="plugin/gui/offline_dialog.py" line="210" />
      <source>Choose an existing boundary file.</source>
      <translation>Pilih berkas batas wilayah yang ada.</translation>
    </message>
    <message>
      <location filename="plugin/gui/map_panel.py" line="457" />
      <source>Choose an output file first.</source>
      <translation>Pilih berkas keluaran terlebih dahulu.</translation>
    </message>
    <message>
      <location filename="plugin/gui/dock.py" line="499" />
      <source>Choose an output folder.</source>
      <translation>Pilih folder keluaran.</translation>
    </message>
    <message>
      <location filename="plugin/gui/dock.py" line="141" />
      <source>Choose the DTKS table</source>
      <translation>Pilih tabel DTKS</translation>
    </message>
    <message>
      <location filename="plugin/gui/dock.py" line="483" />
      <source>Choose the DTKS table file (CSV, TXT or Excel).</source>
      <translation>Pilih berkas tabel DTKS (CSV, TXT atau Excel).</translation>
    </message>
    <message>
      <location filename="plugin/gui/dock.py" line="434" />
      <source>Choose the DTKS table file first.</source>
      <translation>Pilih berkas tabel DTKS terlebih dahulu.</translation>
    </message>
    <message>
      <location filename="plugin/gui/dock.py" line="205" />
      <source>Choose the Kemendagri region code list</source>
      <translation>Pilih daftar kode wilayah Kemendagri</translation>
    </message>
    <message>
      <location filename="plugin/gui/boundary_fields.py" line="32" />
      <source>Choose the field that holds each value. Fields found automatically are already chosen; leave a role empty if the layer does not have it. The choice is remembered for this layer.</source>
      <translation>Pilih kolom yang berisi setiap nilai. Kolom yang ditemukan otomatis sudah terpilih; kosongkan peran yang tidak ada di lapisan ini. Pilihan ini diingat untuk lapisan ini.</translation>
    </message>
    <message>
      <location filename="plugin/gui/boundary_fields.py" line="86" />
      <source>Choose the field with the Kemendagri region code.</source>
      <translation>Pilih kolom yang berisi kode wilayah Kemendagri.</translation>
    </message>
    <message>
      <location filename="plugin/gui/dock.py" line="305" />
      <source>Choose the output folder</source>
      <translation>Pilih folder keluaran</translation>
    </message>
    <message>
      <location filename="plugin/gui/offline_dialog.py" line="212" />
      <source>Choose the package folder.</source>
      <translation>Pilih folder paket.</translation>
    </message>
    <message>
      <location filename="plugin/gui/map_panel.py" line="475" />
      <source>Choose the recipient layer (penerima) first.</source>
      <translation>Pilih lapisan penerima (penerima) terlebih dahulu.</translation>
    </message>
    <message>
      <location filename="plugin/gui/map_panel.py" line="432" />
      <source>Choose the recipient point layer for the individual-level map, or untick the option.</source>
      <translation>Pilih lapisan titik penerima untuk peta data perorangan, atau hapus centang pilihan ini.</translation>
    </message>
    <message>
      <location filename="plugin/gis/duplicate_review.py" line="353" />
      <source>Choose the row to keep among the rows of group {group}.</source>
      <translation>Pilih baris yang disimpan di antara baris kelompok {group}.</translation>
    </message>
    <message>
      <location filename="plugin/gui/map_panel.py" line="485" />
      <source>Choose the village boundary layer or file first.</source>
      <translation>Pilih dulu layer atau berkas batas desa.</translation>
    </message>
    <message>
      <location filename="plugin/gui/dock.py" line="249" />
      <source>Choose which fields of the boundary layer hold the village code and the names, for a layer whose field names are not recognised. The choice is remembered for the layer.</source>
      <translation>Pilih kolom lapisan batas wilayah yang berisi kode desa dan nama-nama wilayah, untuk lapisan yang nama kolomnya tidak dikenali. Pilihan ini diingat untuk lapisan tersebut.</translation>
    </message>
    <message>
      <location filename="plugin/gui/map_panel.py" line="203" />
      <source>Classes</source>
      <translation>Kelas</translation>
    </message>
    <message>
      <location filename="plugin/processing/algorithms.py" line="544" />
      <source>Classification method</source>
      <translation>Metode klasifikasi</translation>
    </message>
    <message>
      <location filename="plugin/gui/review_panel.py" line="227" />
      <source>Clear manual assignment</source>
      <translation>Hapus penetapan manual</translation>
    </message>
    <message>
      <location filename="plugin/gui/mapping_panel.py" line="272" />
      <source>Click Read columns to list the columns of the file and check which column fills each field.</source>
      <translation>Klik Baca kolom untuk menampilkan kolom berkas dan memeriksa kolom yang mengisi setiap isian.</translation>
    </message>
    <message>
      <location filename="plugin/gis/atlas.py" line="851" />
      <source>Code</source>
      <translation>Kode</translation>
    </message>
    <message>
      <location filename="plugin/gui/map_panel.py" line="210" />
      <source>Colour ramp</source>
      <translation>Gradasi warna</translation>
    </message>
    <message>
      <location filename="plugin/gui/mapping_panel.py" line="67" />
      <source>Column in the file</source>
      <translation>Kolom di berkas</translation>
    </message>
    <message>
      <location filename="plugin/gui/dock.py" line="197" />
      <source>Column mapping</source>
      <translation>Pemetaan kolom</translation>
    </message>
    <message>
      <location filename="plugin/processing/algorithms.py" line="168" />
      <source>Column mapping (e.g. nik=NO INDUK;nama=NAMA ART)</source>
      <translation>Pemetaan kolom (mis. nik=NO INDUK;nama=NAMA ART)</translation>
    </message>
    <message>
      <location filename="plugin/gui/mapping_panel.py" line="358" />
      <source>Column mapping saved as '{name}'.</source>
      <translation>Pemetaan kolom disimpan sebagai '{name}'.</translation>
    </message>
    <message>
      <location filename="plugin/gui/mapping_panel.py" line="232" />
      <source>Column of the file that fills each field. Fields in bold differ from the detected mapping. Choose (none) to ignore a column that was recognised wrongly.</source>
      <translation>Kolom berkas yang mengisi setiap isian. Isian bercetak tebal berbeda dari pemetaan yang terdeteksi. Pilih (tidak ada) untuk mengabaikan kolom yang salah dikenali.</translation>
    </message>
    <message>
      <location filename="plugin/gis/pipeline.py" line="215" />
      <source>Columns recognised: {columns}</source>
      <translation>Kolom yang dikenali: {columns}</translation>
    </message>
    <message>
      <location filename="plugin/gui/dock.py" line="188" />
      <source>Comma (,)</source>
      <translation>Koma (,)</translation>
    </message>
    <message>
      <location filename="plugin/gui/dock.py" line="220" />
      <source>Coordinate CRS</source>
      <translation>CRS koordinat</translation>
    </message>
    <message>
      <location filename="plugin/gui/dock.py" line="804" />
      <source>Coordinate from the table</source>
      <translation>Koordinat dari tabel</translation>
    </message>
    <message>
      <location filename="plugin/gui/dock.py" line="216" />
      <source>Coordinate reference system of the LATITUDE/LONGITUDE (or X/Y) columns. Keep EPSG:4326 for degrees. For a table with UTM coordinates in metres, choose its UTM zone, for example EPSG:32748.</source>
      <translation>Sistem referensi koordinat (CRS) kolom LATITUDE/LONGITUDE (atau X/Y). Biarkan EPSG:4326 untuk derajat. Untuk tabel dengan koordinat UTM dalam meter, pilih zona UTM-nya, misalnya EPSG:32748.</translation>
    </message>
    <message>
      <location filename="plugin/gis/pipeline.py" line="257" />
      <source>Coordinate status:</source>
      <translation>Status koordinat:</translation>
    </message>
    <message>
      <location filename="plugin/gis/layout.py" line="291" />
      <source>Coordinate system: {name}</source>
      <translation>Sistem koordinat: {name}</translation>
    </message>
    <message>
      <location filename="plugin/gis/offline.py" line="589" />
      <source>Copying the recipients…</source>
      <translation>Menyalin penerima…</translation>
    </message>
    <message>
      <location filename="plugin/gui/review_panel.py" line="194" />
      <source>Count the rows of each list again and reload the table.</source>
      <translation>Hitung ulang baris setiap daftar dan muat ulang tabel.</translation>
    </message>
    <message>
      <location filename="plugin/gui/review_panel.py" line="135" />
      <source>Counting the rows to review...</source>
      <translation>Menghitung baris yang perlu ditinjau...</translation>
    </message>
    <message>
      <location filename="plugin/gis/atlas.py" line="457" />
      <source>Counts from 1 to {n} are printed as “{text}” to protect personal data.</source>
      <translation>Angka 1–{n} ditulis “{text}” untuk melindungi data pribadi.</translation>
    </message>
    <message>
      <location filename="plugin/gui/map_panel.py" line="215" />
      <source>Counts from 1 up to this number print as '&lt; n+1' and are hatched. 0 hides none.</source>
      <translation>Angka 1 sampai angka ini dicetak sebagai '&lt; n+1' dan diarsir. 0 berarti tidak ada yang disembunyikan.</translation>
    </message>
    <message>
      <location filename="plugin/core/indicators.py" line="437" />
      <source>Counts must be whole numbers, not {value}.</source>
      <translation>Jumlah harus berupa bilangan bulat, bukan {value}.</translation>
    </message>
    <message>
      <location filename="plugin/main.py" line="85" />
      <source>DTKS Spasial needs the Python packages {packages}, which this QGIS does not have. Install them for QGIS's Python (Windows: OSGeo4W Shell, python -m pip install {packages}; Linux: python3 -m pip install --user {packages}) and restart QGIS.</source>
      <translation>DTKS Spasial memerlukan paket Python {packages}, yang belum ada di QGIS ini. Pasang paket itu untuk Python milik QGIS (Windows: OSGeo4W Shell, python -m pip install {packages}; Linux: python3 -m pip install --user {packages}), lalu jalankan ulang QGIS.</translation>
    </message>
    <message>
      <location filename="plugin/gui/offline_dialog.py" line="45" />
      <source>DTKS Spasial: preparing the offline package</source>
      <translation>DTKS Spasial: menyiapkan paket luring</translation>
    </message>
    <message>
      <location filename="plugin/gui/task.py" line="77" />
      <source>DTKS Spasial: processing the table</source>
      <translation>DTKS Spasial: memproses tabel</translation>
    </message>
    <message>
      <location filename="plugin/gui/task.py" line="182" />
      <source>DTKS Spasial: reading the columns</source>
      <translation>DTKS Spasial: membaca kolom</translation>
    </message>
    <message>
      <location filename="plugin/gui/task.py" line="167" />
      <source>DTKS Spasial: reading the sheet names</source>
      <translation>DTKS Spasial: membaca nama lembar</translation>
    </message>
    <message>
      <location filename="plugin/processing/algorithms.py" line="273" />
      <source>DTKS table (CSV/XLSX)</source>
      <translation>Tabel DTKS (CSV/XLSX)</translation>
    </message>
    <message>
      <location filename="plugin/gui/dock.py" line="142" />
      <source>DTKS tables (*.csv *.txt *.tsv *.xlsx *.xlsm *.xls *.ods);;All files (*)</source>
      <translation>Tabel DTKS (*.csv *.txt *.tsv *.xlsx *.xlsm *.xls *.ods);;Semua berkas (*)</translation>
    </message>
    <message>
      <source>DTKS tables (*.csv *.txt *.tsv *.xlsx *.xlsm);;All files (*)</source>
      <translation type="obsolete">Tabel DTKS (*.csv *.txt *.tsv *.xlsx *.xlsm);;Semua berkas (*)</translation>
    </message>
    <message>
      <location filename="plugin/gis/layout.py" line="92" />
      <source>December</source>
      <translation>Desember</translation>
    </message>
    <message>
      <location filename="plugin/gis/duplicate_review.py" line="416" />
      <source>Decide on suspected duplicates</source>
      <translation>Putuskan dugaan duplikat</translation>
    </message>
    <message>
      <location filename="plugin/gui/duplicate_panel.py" line="42" />
      <source>Decided groups</source>
      <translation>Kelompok sudah diputuskan</translation>
    </message>
    <message>
      <location filename="plugin/gui/duplicate_panel.py" line="75" />
      <source>Decision</source>
      <translation>Keputusan</translation>
    </message>
    <message>
      <location filename="plugin/gui/duplicate_panel.py" line="522" />
      <source>Decision on group {group} removed.</source>
      <translation>Keputusan atas kelompok {group} dibatalkan.</translation>
    </message>
    <message>
      <location filename="plugin/gui/mapping_panel.py" line="246" />
      <source>Delete</source>
      <translation>Hapus</translation>
    </message>
    <message>
      <location filename="plugin/gui/mapping_panel.py" line="366" />
      <source>Delete column mapping</source>
      <translation>Hapus pemetaan kolom</translation>
    </message>
    <message>
      <location filename="plugin/gui/mapping_panel.py" line="247" />
      <source>Delete the chosen saved mapping.</source>
      <translation>Hapus pemetaan tersimpan yang dipilih.</translation>
    </message>
    <message>
      <location filename="plugin/gui/mapping_panel.py" line="367" />
      <source>Delete the saved mapping '{name}'?</source>
      <translation>Hapus pemetaan tersimpan '{name}'?</translation>
    </message>
    <message>
      <location filename="plugin/gui/dock.py" line="195" />
      <source>Delimiter</source>
      <translation>Pemisah kolom</translation>
    </message>
    <message>
      <location filename="plugin/processing/algorithms.py" line="166" />
      <source>Detect</source>
      <translation>Deteksi otomatis</translation>
    </message>
    <message>
      <location filename="plugin/gui/mapping_panel.py" line="404" />
      <source>Detected: sheet '{sheet}', header on row {row}</source>
      <translation>Terdeteksi: lembar '{sheet}', judul kolom di baris {row}</translation>
    </message>
    <message>
      <location filename="plugin/gui/mapping_panel.py" line="406" />
      <source>Detected: {encoding}, {delimiter}, header on row {row}</source>
      <translation>Terdeteksi: {encoding}, {delimiter}, judul kolom di baris {row}</translation>
    </message>
    <message>
      <location filename="plugin/gui/review_panel.py" line="71" />
      <source>Distance (m)</source>
      <translation>Jarak (m)</translation>
    </message>
    <message>
      <location filename="plugin/gis/layout.py" line="102" />
      <source>Distribution of Social Assistance Recipients</source>
      <translation>Peta Sebaran Penerima Bantuan Sosial</translation>
    </message>
    <message>
      <location filename="plugin/gui/review_panel.py" line="65" />
      <source>District (table)</source>
      <translation>Kecamatan (tabel)</translation>
    </message>
    <message>
      <location filename="plugin/gis/boundaries.py" line="73" />
      <source>District name</source>
      <translation>Nama kecamatan</translation>
    </message>
    <message>
      <location filename="plugin/gui/map_panel.py" line="183" />
      <source>Districts</source>
      <translation>Kecamatan</translation>
    </message>
    <message>
      <location filename="plugin/gui/dock.py" line="611" />
      <source>Done, but the map was not exported. See the summary.</source>
      <translation>Selesai, tetapi peta tidak diekspor. Lihat ringkasan.</translation>
    </message>
    <message>
      <location filename="plugin/gui/dock.py" line="602" />
      <source>Done. The results were added to the layer group "{group}".</source>
      <translation>Selesai. Hasil telah ditambahkan ke grup lapisan "{group}".</translation>
    </message>
    <message>
      <location filename="plugin/processing/algorithms.py" line="421" />
      <source>Duplicate groups</source>
      <translation>Kelompok duplikat</translation>
    </message>
    <message>
      <location filename="plugin/gui/basemap_menu.py" line="103" />
      <source>Edit service list…</source>
      <translation>Ubah daftar layanan…</translation>
    </message>
    <message>
      <location filename="plugin/gis/pipeline.py" line="212" />
      <source>Encoding: {encoding}, delimiter: {delimiter}, header on row {row}</source>
      <translation>Penyandian: {encoding}, pemisah: {delimiter}, judul kolom di baris {row}</translation>
    </message>
    <message>
      <location filename="plugin/gis/basemaps.py" line="191" />
      <source>Entry {number} of {path}: {error}</source>
      <translation>Entri ke-{number} di {path}: {error}</translation>
    </message>
    <message>
      <location filename="plugin/gui/map_panel.py" line="195" />
      <source>Equal interval</source>
      <translation>Interval sama</translation>
    </message>
    <message>
      <source>Excel sheet</source>
      <translation type="obsolete">Lembar Excel</translation>
    </message>
    <message>
      <source>Excel sheet (empty: the first)</source>
      <translation type="obsolete">Lembar Excel (kosong: lembar pertama)</translation>
    </message>
    <message>
      <location filename="plugin/gui/map_panel.py" line="271" />
      <source>Export map</source>
      <translation>Ekspor peta</translation>
    </message>
    <message>
      <location filename="plugin/processing/algorithms.py" line="514" />
      <source>Export thematic map</source>
      <translation>Ekspor peta tematik</translation>
    </message>
    <message>
      <location filename="plugin/gis/atlas.py" line="688" />
      <source>Exporting the map failed (QgsLayoutExporter result code {code}{detail}). Check that the target folder exists and is writable, and that the file is not open in another program.</source>
      <translation>Ekspor peta gagal (kode hasil QgsLayoutExporter {code}{detail}). Periksa apakah folder tujuan ada dan dapat ditulisi, serta apakah berkas itu tidak sedang dibuka di program lain.</translation>
    </message>
    <message>
      <location filename="plugin/gis/layout.py" line="243" />
      <source>Exporting the map to PDF failed (QgsLayoutExporter result code {code}). Check that the target folder exists and is writable, and that the PDF is not open in another program.</source>
      <translation>Ekspor peta ke PDF gagal (kode hasil QgsLayoutExporter {code}). Periksa apakah folder tujuan ada dan dapat ditulisi, serta apakah PDF tersebut tidak sedang dibuka di program lain.</translation>
    </message>
    <message>
      <location filename="plugin/gui/map_panel.py" line="541" />
      <source>Exporting the map…</source>
      <translation>Mengekspor peta…</translation>
    </message>
    <message>
      <location filename="plugin/gis/atlas.py" line="877" />
      <source>Exporting the summary table failed (QgsLayoutExporter result code {code}).</source>
      <translation>Ekspor tabel ringkasan gagal (kode hasil QgsLayoutExporter {code}).</translation>
    </message>
    <message>
      <location filename="plugin/processing/algorithms.py" line="142" />
      <source>Failed to write the recipient layer to {path}: {error}</source>
      <translation>Gagal menulis lapisan penerima ke {path}: {error}</translation>
    </message>
    <message>
      <location filename="scripts/run_pipeline.py" line="109" />
      <source>Failed: {error}</source>
      <translation>Gagal: {error}</translation>
    </message>
    <message>
      <location filename="plugin/gis/layout.py" line="90" />
      <source>February</source>
      <translation>Februari</translation>
    </message>
    <message>
      <location filename="plugin/gui/mapping_panel.py" line="67" />
      <source>Field</source>
      <translation>Isian</translation>
    </message>
    <message>
      <location filename="plugin/gis/thematic.py" line="102" />
      <source>Field '{field}' contains fractions. Recipient counts must be whole numbers.</source>
      <translation>Kolom '{field}' berisi bilangan pecahan. Jumlah penerima harus berupa bilangan bulat.</translation>
    </message>
    <message>
      <location filename="plugin/gis/thematic.py" line="129" />
      <source>Field '{field}' is empty in every feature, so the map cannot be coloured.</source>
      <translation>Kolom '{field}' kosong pada semua fitur, sehingga peta tidak dapat diwarnai.</translation>
    </message>
    <message>
      <location filename="plugin/gis/thematic.py" line="90" />
      <source>Field '{field}' must contain numbers (recipient counts).</source>
      <translation>Kolom '{field}' harus berisi angka (jumlah penerima).</translation>
    </message>
    <message>
      <location filename="plugin/gis/thematic.py" line="86" />
      <source>Field '{field}' not found in layer '{layer}'. Choose an existing recipient count field.</source>
      <translation>Kolom '{field}' tidak ditemukan di lapisan '{layer}'. Pilih kolom jumlah penerima yang ada.</translation>
    </message>
    <message>
      <location filename="plugin/gui/dock.py" line="248" />
      <source>Fields...</source>
      <translation>Kolom...</translation>
    </message>
    <message>
      <source>File format '{extension}' is not supported. Use CSV, TXT or XLSX.</source>
      <translation type="obsolete">Format berkas '{extension}' tidak didukung. Gunakan CSV, TXT atau XLSX.</translation>
    </message>
    <message>
      <location filename="plugin/core/table_reader.py" line="313" />
      <source>File format '{extension}' is not supported. Use CSV, TXT, XLSX, XLS or ODS.</source>
      <translation>Format berkas '{extension}' tidak didukung. Gunakan CSV, TXT, XLSX, XLS atau ODS.</translation>
    </message>
    <message>
      <location filename="plugin/core/table_reader.py" line="301" />
      <source>File not found: {name}</source>
      <translation>Berkas tidak ditemukan: {name}</translation>
    </message>
    <message>
      <location filename="plugin/processing/algorithms.py" line="380" />
      <source>Find suspected duplicates</source>
      <translation>Cari dugaan duplikat</translation>
    </message>
    <message>
      <location filename="plugin/gis/pipeline.py" line="449" />
      <source>Finding each recipient's village</source>
      <translation>Mencari desa setiap penerima</translation>
    </message>
    <message>
      <location filename="plugin/gis/pipeline.py" line="458" />
      <source>Finding suspected duplicates</source>
      <translation>Mencari dugaan duplikat</translation>
    </message>
    <message>
      <source>First sheet</source>
      <translation type="obsolete">Lembar pertama</translation>
    </message>
    <message>
      <location filename="plugin/gui/dock.py" line="307" />
      <source>Folder for {gpkg} (recipients, rejected rows, duplicate groups, counts per village) and {pdf} (the map). Files of an earlier run in this folder are replaced.</source>
      <translation>Folder untuk {gpkg} (penerima, baris ditolak, kelompok duplikat, jumlah per desa) dan {pdf} (peta). Berkas dari proses sebelumnya di folder ini akan ditimpa.</translation>
    </message>
    <message>
      <location filename="plugin/gui/map_panel.py" line="261" />
      <source>Format</source>
      <translation>Format</translation>
    </message>
    <message>
      <location filename="plugin/gui/dock.py" line="243" />
      <source>GeoPackage or shapefile with village polygons, used instead of a project layer. In a GeoPackage with several layers the village level is found automatically.</source>
      <translation>GeoPackage atau shapefile berisi poligon desa, dipakai sebagai pengganti lapisan proyek. Pada GeoPackage yang berisi beberapa lapisan, lapisan tingkat desa dikenali secara otomatis.</translation>
    </message>
    <message>
      <location filename="plugin/gui/offline_dialog.py" line="169" />
      <source>Give a region code and a boundary file to see the tile count.</source>
      <translation>Isi kode wilayah dan berkas batas wilayah untuk melihat jumlah tile.</translation>
    </message>
    <message>
      <location filename="plugin/gis/offline.py" line="544" />
      <source>Give a region code or an extent for the package.</source>
      <translation>Isi kode wilayah atau cakupan (extent) paket.</translation>
    </message>
    <message>
      <location filename="plugin/gui/offline_dialog.py" line="208" />
      <source>Give the region code, e.g. 17.04.01.</source>
      <translation>Isi kode wilayah, mis. 17.04.01.</translation>
    </message>
    <message>
      <location filename="plugin/gui/review_panel.py" line="221" />
      <source>Give the village chosen above to every selected row. The choice is stored in the layer (kode_desa_manual) and kept when the snap or the whole run is repeated.</source>
      <translation>Berikan desa yang dipilih di atas kepada setiap baris terpilih. Pilihan disimpan di layer (kode_desa_manual) dan dipertahankan saat pencocokan atau seluruh proses diulang.</translation>
    </message>
    <message>
      <location filename="plugin/processing/algorithms.py" line="321" />
      <source>Gives each recipient its registered village: by Kemendagri region code when the code exists in the boundaries (or by BPS code when the boundaries carry KDEBPS), else by village name within the named district and then the named regency (fuzzy, ignoring case, spacing, prefixes such as DESA, KEL., DS., roman numerals, old spellings and abbreviations such as SEI. or TJ.), else by the village containing its coordinate. skor_lokasi keeps the name score; a name scoring below MIN_NAME_SCORE gives tidak_cocok with the best three candidates in kandidat_desa. A village assigned by hand (kode_desa_manual) is kept. The coordinate is compared with the village (status_koordinat: sesuai, beda_desa with jarak_desa_m in metres, tertukar, di_luar_wilayah, tanpa_koordinat). Recipients without a coordinate get a point inside their village, marked lokasi_perkiraan. BOUNDARY_FIELDS names the fields of a boundary layer with other field names, e.g. kode=KODE_DESA;nama=NAMA;kecamatan=KEC;kabupaten=KAB.</source>
      <translation>Menetapkan desa terdaftar setiap penerima: menurut kode wilayah Kemendagri bila kode itu ada di batas wilayah (atau menurut kode BPS bila batas wilayah memuat KDEBPS), jika tidak menurut nama desa di dalam kecamatan lalu kabupaten/kota yang disebut (pencocokan samar, tanpa memedulikan huruf besar/kecil, spasi, awalan seperti DESA, KEL., DS., angka Romawi, ejaan lama dan singkatan seperti SEI. atau TJ.), jika tidak menurut desa yang memuat koordinatnya. skor_lokasi menyimpan skor nama; nama dengan skor di bawah MIN_NAME_SCORE menjadi tidak_cocok dengan tiga kandidat terbaik di kandidat_desa. Desa yang ditetapkan manual (kode_desa_manual) dipertahankan. Koordinat dibandingkan dengan desa tersebut (status_koordinat: sesuai, beda_desa dengan jarak_desa_m dalam meter, tertukar, di_luar_wilayah, tanpa_koordinat). Penerima tanpa koordinat diberi titik di dalam desanya, ditandai lokasi_perkiraan. BOUNDARY_FIELDS menyebut kolom lapisan batas wilayah yang bernama lain, mis. kode=KODE_DESA;nama=NAMA;kecamatan=KEC;kabupaten=KAB.</translation>
    </message>
    <message>
      <source>Gives each recipient its registered village: by region code when the code exists in the boundaries, else by village name within the named district and regency (fuzzy, ignoring case, spacing and prefixes such as DESA, KEL., DS.), else by the village containing its coordinate. The coordinate is compared with that village (status_koordinat: sesuai, beda_desa, tertukar, di_luar_wilayah, tanpa_koordinat). Recipients without a coordinate get a point inside their village, marked lokasi_perkiraan.</source>
      <translation type="obsolete">Menentukan desa terdaftar setiap penerima: menurut kode wilayah bila kode itu ada di lapisan batas, jika tidak menurut nama desa di dalam kecamatan dan kabupaten yang disebut (pencocokan mirip, mengabaikan huruf besar/kecil, spasi dan awalan seperti DESA, KEL., DS.), jika tidak menurut desa yang memuat koordinatnya. Koordinat lalu dibandingkan dengan desa itu (status_koordinat: sesuai, beda_desa, tertukar, di_luar_wilayah, tanpa_koordinat). Penerima tanpa koordinat mendapat titik di dalam desanya, ditandai lokasi_perkiraan.</translation>
    </message>
    <message>
      <location filename="plugin/gui/duplicate_panel.py" line="101" />
      <source>Group</source>
      <translation>Kelompok</translation>
    </message>
    <message>
      <location filename="plugin/gui/duplicate_panel.py" line="502" />
      <source>Group {group} marked as not duplicates.</source>
      <translation>Kelompok {group} ditandai bukan duplikat.</translation>
    </message>
    <message>
      <source>Groups rows that probably belong to one person. Rules: the same NIK on several rows, also in other villages and regencies (moved); NIKs one typo apart (one digit changed or two adjacent digits swapped) with a similar name and the same birth date; a similar name with the same birth date and sex in the same district, even with unrelated NIKs; one person in two KK; one KK number in two villages. Names are compared after titles, abbreviations (M., Moh., Muh. for Muhammad, St. for Siti), spacing and case are normalised. Twins in one KK, and common names with one birth date in different districts without other evidence, stay apart.

Score: each pair of rows that shares a NIK, KK, name or birth date gets a score from 0 to 100 from the evidence: name similarity, NIK distance, birth date, sex, KK and how far apart the villages are. A score of 50 means even odds.

Threshold: pairs scoring at least the threshold (default {threshold}) are joined into groups. Lower it to see weaker pairs, raise it to keep only strong ones. A group of more than {size} rows, or one whose members are loosely linked, is split at its weakest link.

Outputs: the recipient layer with kelompok_duplikat (group id), alasan_duplikat (reasons) and skor_duplikat (the score of the group's weakest link); the group table, one row per group with kelompok_duplikat, jumlah_baris (rows), alasan_duplikat, kode_desa (the members' villages) and skor_duplikat; and garis_duplikat, a line between the two rows of each linked pair placed in different villages, with baris_a, baris_b, kode_desa_a, kode_desa_b, the pair's skor_duplikat and alasan_duplikat. The log lists the groups, rows and groups per reason.</source>
      <translation type="obsolete" />
    </message>
    <message>
      <location filename="plugin/processing/algorithms.py" line="385" />
      <source>Groups rows that probably belong to one person. Rules: the same NIK on several rows, also in other villages and regencies (moved); NIKs one typo apart (one digit changed or two adjacent digits swapped) with a similar name and the same birth date; a similar name with the same birth date and sex in the same district, even with unrelated NIKs; one person in two KK; one KK number in two villages. Names are compared after titles, abbreviations (M., Moh., Muh. for Muhammad, St. for Siti), spacing and case are normalised. Twins in one KK, and common names with one birth date in different districts without other evidence, stay apart.

Score: each pair of rows with something in common (the NIK or half of it, the KK, the name or the birth date) gets a score from 0 to 100 from the evidence: name similarity, NIK distance, birth date, sex, KK and how far apart the villages are. A score of 50 means even odds.

Threshold: pairs scoring at least the threshold (default {threshold}) are joined into groups. Lower it to see weaker pairs, raise it to keep only strong ones. A group of more than {size} rows, or one whose members are loosely linked, is split at its weakest link.

Outputs: the recipient layer with kelompok_duplikat (group id), alasan_duplikat (reasons) and skor_duplikat (the score of the group's weakest link); the group table, one row per group with kelompok_duplikat, jumlah_baris (rows), alasan_duplikat, kode_desa (the members' villages) and skor_duplikat; and garis_duplikat, a line between the two rows of each linked pair placed in different villages, with baris_a, baris_b, kode_desa_a, kode_desa_b, the pair's skor_duplikat and alasan_duplikat. The log lists the groups, rows and groups per reason.</source>
      <translation>Mengelompokkan baris yang kemungkinan milik satu orang. Aturan: NIK sama pada beberapa baris, juga di desa dan kabupaten lain (pindah domisili); NIK yang berbeda satu salah ketik (satu digit berubah atau dua digit berdampingan tertukar) dengan nama mirip dan tanggal lahir sama; nama mirip dengan tanggal lahir dan jenis kelamin sama di kecamatan yang sama, meskipun NIK-nya tidak berkaitan; satu orang di dua KK; satu nomor KK di dua desa. Nama dibandingkan setelah gelar, singkatan (M., Moh., Muh. untuk Muhammad, St. untuk Siti), spasi dan huruf besar-kecil dinormalkan. Anak kembar dalam satu KK, serta nama umum dengan tanggal lahir sama di kecamatan berbeda tanpa bukti lain, tetap dipisah.

Skor: setiap pasangan baris yang punya kesamaan (NIK atau separuhnya, KK, nama atau tanggal lahir) diberi skor 0 sampai 100 dari buktinya: kemiripan nama, jarak NIK, tanggal lahir, jenis kelamin, KK dan seberapa jauh letak desanya. Skor 50 berarti peluang seimbang.

Ambang: pasangan dengan skor paling sedikit sama dengan ambang (bawaan {threshold}) digabung menjadi kelompok. Turunkan untuk melihat pasangan yang lebih lemah, naikkan untuk menyimpan yang kuat saja. Kelompok lebih dari {size} baris, atau yang anggotanya hanya terhubung longgar, dipecah pada tautan terlemahnya.

Keluaran: lapisan penerima dengan kelompok_duplikat (id kelompok), alasan_duplikat (alasan) dan skor_duplikat (skor tautan terlemah kelompok); tabel kelompok, satu baris per kelompok dengan kelompok_duplikat, jumlah_baris (banyak baris), alasan_duplikat, kode_desa (desa para anggota) dan skor_duplikat; serta garis_duplikat, garis antara dua baris dari setiap pasangan terhubung yang berada di desa berbeda, dengan baris_a, baris_b, kode_desa_a, kode_desa_b, skor_duplikat pasangan dan alasan_duplikat. Log mencantumkan jumlah kelompok, baris dan kelompok per alasan.</translation>
    </message>
    <message>
      <source>Groups rows that probably belong to one person: the same NIK on several rows, NIKs one digit apart in one family card with a similar name and the same birth date, and a similar name with the same birth date and sex in the same district. Each group gets an id (kelompok_duplikat) and a short reason (alasan_duplikat).</source>
      <translation type="obsolete">Mengelompokkan baris yang kemungkinan besar milik satu orang: NIK sama pada beberapa baris, NIK berbeda satu digit dalam satu KK dengan nama mirip dan tanggal lahir sama, serta nama mirip dengan tanggal lahir dan jenis kelamin sama di kecamatan yang sama. Setiap kelompok mendapat nomor (kelompok_duplikat) dan alasan singkat (alasan_duplikat).</translation>
    </message>
    <message>
      <location filename="plugin/gui/duplicate_panel.py" line="257" />
      <source>Groups to list, highest score first.</source>
      <translation>Kelompok yang ditampilkan, skor tertinggi lebih dulu.</translation>
    </message>
    <message>
      <location filename="plugin/processing/algorithms.py" line="493" />
      <source>Groups with reason {code} ({text}): {groups}</source>
      <translation>Kelompok dengan alasan {code} ({text}): {groups}</translation>
    </message>
    <message>
      <location filename="plugin/gui/dock.py" line="175" />
      <source>Header row</source>
      <translation>Baris judul kolom</translation>
    </message>
    <message>
      <location filename="plugin/processing/algorithms.py" line="159" />
      <source>Header row (0: detect)</source>
      <translation>Baris judul kolom (0: deteksi otomatis)</translation>
    </message>
    <message>
      <location filename="plugin/core/table_reader.py" line="336" />
      <source>Header row {row} is past the end of the file ({count} rows).</source>
      <translation>Baris judul kolom {row} melewati akhir berkas ({count} baris).</translation>
    </message>
    <message>
      <location filename="plugin/core/indicators.py" line="765" />
      <source>Hidden ({text} people)</source>
      <translation>Disembunyikan ({text} orang)</translation>
    </message>
    <message>
      <location filename="plugin/processing/algorithms.py" line="552" />
      <source>Hide counts from 1 up to (0: hide none)</source>
      <translation>Samarkan jumlah dari 1 sampai (0: tidak ada)</translation>
    </message>
    <message>
      <location filename="plugin/gui/map_panel.py" line="217" />
      <source>Hide counts up to</source>
      <translation>Sembunyikan angka sampai</translation>
    </message>
    <message>
      <location filename="plugin/gis/atlas.py" line="851" />
      <source>Households</source>
      <translation>KK</translation>
    </message>
    <message>
      <location filename="plugin/processing/algorithms.py" line="261" />
      <source>Import DTKS table</source>
      <translation>Impor tabel DTKS</translation>
    </message>
    <message>
      <location filename="plugin/gui/dock.py" line="154" />
      <source>Import options</source>
      <translation>Opsi impor</translation>
    </message>
    <message>
      <location filename="plugin/gui/dock.py" line="428" />
      <source>Import options (changed)</source>
      <translation>Opsi impor (diubah)</translation>
    </message>
    <message>
      <location filename="plugin/processing/algorithms.py" line="680" />
      <source>Imports a DTKS table, snaps recipients to the village boundaries, finds suspected duplicates and prints the map of a region. Results go into one GeoPackage: penerima (recipients), ditolak (rejected rows), kelompok_duplikat (duplicate groups) and jumlah_per_desa (recipients per village of the region). BOUNDARIES may be a layer or a file; in a file with several levels the village level is picked from its codes.</source>
      <translation>Mengimpor tabel DTKS, menempatkan penerima ke batas desa, mencari dugaan duplikat dan mencetak peta suatu wilayah. Hasil disimpan dalam satu GeoPackage: penerima, ditolak (baris yang ditolak), kelompok_duplikat dan jumlah_per_desa (jumlah penerima per desa di wilayah itu). BOUNDARIES boleh berupa lapisan atau berkas; pada berkas berisi beberapa tingkat, lapisan desa dipilih menurut kodenya.</translation>
    </message>
    <message>
      <location filename="plugin/gui/map_panel.py" line="191" />
      <source>Indicator</source>
      <translation>Indikator</translation>
    </message>
    <message>
      <location filename="plugin/gis/basemaps.py" line="129" />
      <source>Invalid URL '{url}' in '{title}': it must start with http://, https:// or file://.</source>
      <translation>URL '{url}' di '{title}' tidak valid: harus diawali http://, https:// atau file://.</translation>
    </message>
    <message>
      <location filename="plugin/core/indicators.py" line="596" />
      <source>Invalid manual class bound '{value}'. Write numbers separated by commas or spaces, e.g. 10, 50, 100.</source>
      <translation>Batas kelas manual '{value}' tidak valid. Tulis angka yang dipisahkan koma atau spasi, mis. 10, 50, 100.</translation>
    </message>
    <message>
      <location filename="plugin/gis/pipeline.py" line="407" />
      <source>Invalid region code '{code}'. Use a Kemendagri code such as 17 or 17.04 or 17.04.01.</source>
      <translation>Kode wilayah '{code}' tidak sah. Gunakan kode Kemendagri seperti 17, 17.04 atau 17.04.01.</translation>
    </message>
    <message>
      <location filename="plugin/gis/offline.py" line="285" />
      <source>Invalid region code '{code}': use a Kemendagri code such as 17, 17.04, 17.04.01 or 17.04.01.2001.</source>
      <translation>Kode wilayah '{code}' tidak valid: gunakan kode Kemendagri seperti 17, 17.04, 17.04.01 atau 17.04.01.2001.</translation>
    </message>
    <message>
      <location filename="plugin/gis/basemaps.py" line="121" />
      <source>Invalid service id '{id}': use letters, digits, '_', '-' or '.' only.</source>
      <translation>Id layanan '{id}' tidak valid: gunakan hanya huruf, angka, '_', '-' atau '.'.</translation>
    </message>
    <message>
      <location filename="plugin/gis/offline.py" line="509" />
      <source>Invalid zoom levels {min}-{max}: they must be between 0 and 25, the minimum not above the maximum.</source>
      <translation>Tingkat zoom {min}-{max} tidak valid: harus antara 0 dan 25, dan minimum tidak boleh di atas maksimum.</translation>
    </message>
    <message>
      <location filename="plugin/gis/layout.py" line="90" />
      <source>January</source>
      <translation>Januari</translation>
    </message>
    <message>
      <location filename="plugin/gis/layout.py" line="91" />
      <source>July</source>
      <translation>Juli</translation>
    </message>
    <message>
      <location filename="plugin/gis/layout.py" line="90" />
      <source>June</source>
      <translation>Juni</translation>
    </message>
    <message>
      <location filename="plugin/gui/duplicate_panel.py" line="69" />
      <source>KK number</source>
      <translation>Nomor KK</translation>
    </message>
    <message>
      <location filename="plugin/gui/duplicate_panel.py" line="60" />
      <source>Keep (simpan)</source>
      <translation>Simpan (simpan)</translation>
    </message>
    <message>
      <location filename="plugin/gui/duplicate_panel.py" line="305" />
      <source>Keep the row chosen in the comparison table (simpan) and mark the other rows of the group for removal (hapus). The next run reports the group again with these decisions.</source>
      <translation>Simpan baris yang dipilih di tabel perbandingan (simpan) dan tandai baris lain dalam kelompok untuk dihapus (hapus). Proses berikutnya melaporkan kelompok ini lagi dengan keputusan tersebut.</translation>
    </message>
    <message>
      <location filename="plugin/gui/duplicate_panel.py" line="304" />
      <source>Keep this row</source>
      <translation>Simpan baris ini</translation>
    </message>
    <message>
      <location filename="plugin/gui/dock.py" line="297" />
      <source>Kemendagri code of the province, regency, district or village to count per village and to map, for example 17.04 for Kabupaten Kaur. Leave empty to skip the village counts and the map.</source>
      <translation>Kode Kemendagri untuk provinsi, kabupaten, kecamatan atau desa yang penerimanya dihitung per desa dan dipetakan, misalnya 17.04 untuk Kabupaten Kaur. Kosongkan untuk melewati penghitungan per desa dan peta.</translation>
    </message>
    <message>
      <location filename="plugin/gui/review_panel.py" line="483" />
      <source>Kemendagri code of the village, e.g. 17.04.01.2001:</source>
      <translation>Kode Kemendagri desa, mis. 17.04.01.2001:</translation>
    </message>
    <message>
      <location filename="plugin/processing/algorithms.py" line="171" />
      <source>Kemendagri region code list (CSV kode,nama,tingkat)</source>
      <translation>Daftar kode wilayah Kemendagri (CSV kode,nama,tingkat)</translation>
    </message>
    <message>
      <location filename="plugin/gis/boundaries.py" line="72" />
      <source>Kemendagri village code</source>
      <translation>Kode desa Kemendagri</translation>
    </message>
    <message>
      <location filename="plugin/gui/basemap_menu.py" line="24" />
      <source>Kind</source>
      <translation>Jenis</translation>
    </message>
    <message>
      <location filename="plugin/gui/map_panel.py" line="229" />
      <source>Labels</source>
      <translation>Label</translation>
    </message>
    <message>
      <location filename="plugin/gui/review_panel.py" line="45" />
      <source>Latitude and longitude swapped (tertukar)</source>
      <translation>Lintang dan bujur tertukar (tertukar)</translation>
    </message>
    <message>
      <location filename="plugin/gis/thematic.py" line="123" />
      <source>Layer '{layer}' must be a polygon layer for a distribution map.</source>
      <translation>Lapisan '{layer}' harus berupa lapisan poligon untuk peta sebaran.</translation>
    </message>
    <message>
      <location filename="plugin/gis/layout.py" line="174" />
      <source>Layer '{name}' has no area to map. Choose a village boundary layer.</source>
      <translation>Lapisan '{name}' tidak memiliki wilayah untuk dipetakan. Pilih lapisan batas desa.</translation>
    </message>
    <message>
      <location filename="plugin/gui/map_panel.py" line="70" />
      <source>Layer '{name}' lacks the recipient fields {fields}. Choose the penerima layer of a DTKS Spasial result (hasil.gpkg).</source>
      <translation>Lapisan '{name}' tidak memiliki kolom penerima {fields}. Pilih lapisan penerima dari hasil DTKS Spasial (hasil.gpkg).</translation>
    </message>
    <message>
      <location filename="plugin/gui/dock.py" line="237" />
      <source>Layer in project</source>
      <translation>Lapisan di proyek</translation>
    </message>
    <message>
      <location filename="plugin/gui/basemap_menu.py" line="24" />
      <source>Layer(s)</source>
      <translation>Layer</translation>
    </message>
    <message>
      <location filename="plugin/gui/boundary_fields.py" line="90" />
      <source>Level found from the codes: {level}.</source>
      <translation>Tingkat menurut kode: {level}.</translation>
    </message>
    <message>
      <location filename="plugin/gui/boundary_fields.py" line="93" />
      <source>Level found from the codes: {level}. Recipients are matched to villages, so choose a village (desa) layer.</source>
      <translation>Tingkat menurut kode: {level}. Penerima dicocokkan ke desa, jadi pilih lapisan desa.</translation>
    </message>
    <message>
      <location filename="plugin/processing/algorithms.py" line="427" />
      <source>Lines between villages</source>
      <translation>Garis antardesa</translation>
    </message>
    <message>
      <location filename="plugin/processing/algorithms.py" line="423" />
      <source>Lines between villages (garis_duplikat)</source>
      <translation>Garis antardesa (garis_duplikat)</translation>
    </message>
    <message>
      <location filename="plugin/processing/algorithms.py" line="495" />
      <source>Lines between villages (garis_duplikat): {lines}</source>
      <translation>Garis antardesa (garis_duplikat): {lines}</translation>
    </message>
    <message>
      <location filename="plugin/gui/review_panel.py" line="382" />
      <source>Listing the rows failed because of an internal error. The details are in the Log Messages panel, tab {tab}.</source>
      <translation>Pendaftaran baris gagal karena kesalahan internal. Rinciannya ada di panel Log Messages, tab {tab}.</translation>
    </message>
    <message>
      <location filename="plugin/gui/task.py" line="210" />
      <source>Listing the rows to review</source>
      <translation>Mendaftar baris yang perlu ditinjau</translation>
    </message>
    <message>
      <location filename="plugin/gui/review_panel.py" line="387" />
      <source>Listing the rows was canceled.</source>
      <translation>Pendaftaran baris dibatalkan.</translation>
    </message>
    <message>
      <location filename="plugin/gis/pipeline.py" line="220" />
      <source>Loaded: {n}</source>
      <translation>Dimuat: {n}</translation>
    </message>
    <message>
      <location filename="plugin/gis/atlas.py" line="541" />
      <source>Location</source>
      <translation>Lokasi</translation>
    </message>
    <message>
      <location filename="plugin/gis/atlas.py" line="537" />
      <source>Location in {region}</source>
      <translation>Lokasi di {region}</translation>
    </message>
    <message>
      <location filename="plugin/gui/dock.py" line="264" />
      <source>Lowest name score</source>
      <translation>Skor nama terendah</translation>
    </message>
    <message>
      <location filename="plugin/gui/dock.py" line="257" />
      <source>Lowest score (0-100) at which a village name from the table is accepted as a match inside its district; in the whole regency the bar is 10 points higher. Rows below it are listed as tidak_cocok with their best candidates.</source>
      <translation>Skor terendah (0-100) agar nama desa dari tabel diterima sebagai cocok di dalam kecamatannya; di seluruh kabupaten/kota batasnya 10 poin lebih tinggi. Baris di bawahnya dicatat sebagai tidak_cocok beserta kandidat terbaiknya.</translation>
    </message>
    <message>
      <location filename="plugin/processing/algorithms.py" line="225" />
      <source>Lowest village name score accepted (0-100)</source>
      <translation>Skor nama desa terendah yang diterima (0-100)</translation>
    </message>
    <message>
      <location filename="plugin/gis/layout.py" line="506" />
      <source>Made with DTKS Spasial {version}</source>
      <translation>Dibuat dengan DTKS Spasial {version}</translation>
    </message>
    <message>
      <location filename="plugin/gis/offline.py" line="184" />
      <source>Making the base-map tiles failed: {error}</source>
      <translation>Pembuatan tile peta dasar gagal: {error}</translation>
    </message>
    <message>
      <location filename="plugin/gui/map_panel.py" line="195" />
      <source>Manual</source>
      <translation>Manual</translation>
    </message>
    <message>
      <location filename="plugin/gui/review_panel.py" line="517" />
      <source>Manual assignment cleared for {n} rows.</source>
      <translation>Penetapan manual dihapus untuk {n} baris.</translation>
    </message>
    <message>
      <location filename="plugin/gui/map_panel.py" line="206" />
      <source>Manual bounds</source>
      <translation>Batas manual</translation>
    </message>
    <message>
      <location filename="plugin/core/indicators.py" line="574" />
      <source>Manual class bounds must increase: {bounds}.</source>
      <translation>Batas kelas manual harus naik: {bounds}.</translation>
    </message>
    <message>
      <location filename="plugin/processing/algorithms.py" line="550" />
      <source>Manual class upper bounds (e.g. 10, 50, 100)</source>
      <translation>Batas atas kelas manual (mis. 10, 50, 100)</translation>
    </message>
    <message>
      <location filename="plugin/core/indicators.py" line="601" />
      <source>Manual classes need at least one bound, e.g. 10, 50, 100.</source>
      <translation>Kelas manual memerlukan paling sedikit satu batas, mis. 10, 50, 100.</translation>
    </message>
    <message>
      <location filename="plugin/processing/algorithms.py" line="699" />
      <source>Map (PDF)</source>
      <translation>Peta (PDF)</translation>
    </message>
    <message>
      <location filename="plugin/gui/dock.py" line="613" />
      <source>Map (PDF): {path}</source>
      <translation>Peta (PDF): {path}</translation>
    </message>
    <message>
      <location filename="plugin/processing/algorithms.py" line="576" />
      <source>Map file</source>
      <translation>Berkas peta</translation>
    </message>
    <message>
      <location filename="plugin/gis/layout.py" line="130" />
      <source>Map letters for west, east, south and north: W E S N</source>
      <translation>Huruf peta untuk barat, timur, selatan dan utara: BB BT LS LU</translation>
    </message>
    <message>
      <location filename="plugin/gui/map_panel.py" line="186" />
      <source>Map the</source>
      <translation>Petakan</translation>
    </message>
    <message>
      <location filename="scripts/run_pipeline.py" line="118" />
      <source>Map: {path}</source>
      <translation>Peta: {path}</translation>
    </message>
    <message>
      <location filename="plugin/gis/layout.py" line="90" />
      <source>March</source>
      <translation>Maret</translation>
    </message>
    <message>
      <location filename="plugin/gui/duplicate_panel.py" line="301" />
      <source>Mark the rows of the group as different people (bukan_duplikat). The next run does not group them together again.</source>
      <translation>Tandai baris-baris kelompok sebagai orang yang berbeda (bukan_duplikat). Proses berikutnya tidak mengelompokkannya lagi.</translation>
    </message>
    <message>
      <location filename="plugin/processing/offline_algorithm.py" line="67" />
      <source>Maximum number of tiles</source>
      <translation>Jumlah tile maksimum</translation>
    </message>
    <message>
      <location filename="plugin/gui/basemap_menu.py" line="25" />
      <source>Maximum zoom</source>
      <translation>Zoom maksimum</translation>
    </message>
    <message>
      <location filename="plugin/gui/offline_dialog.py" line="131" />
      <source>Maximum zoom level</source>
      <translation>Tingkat zoom maksimum</translation>
    </message>
    <message>
      <location filename="plugin/gis/layout.py" line="90" />
      <source>May</source>
      <translation>Mei</translation>
    </message>
    <message>
      <location filename="plugin/gui/review_panel.py" line="68" />
      <source>Method</source>
      <translation>Metode</translation>
    </message>
    <message>
      <location filename="plugin/gui/basemap_menu.py" line="25" />
      <source>Minimum zoom</source>
      <translation>Zoom minimum</translation>
    </message>
    <message>
      <location filename="plugin/gui/offline_dialog.py" line="130" />
      <source>Minimum zoom level</source>
      <translation>Tingkat zoom minimum</translation>
    </message>
    <message>
      <location filename="plugin/gui/duplicate_panel.py" line="68" />
      <source>NIK</source>
      <translation>NIK</translation>
    </message>
    <message>
      <location filename="plugin/gui/duplicate_panel.py" line="70" />
      <source>Name</source>
      <translation>Nama</translation>
    </message>
    <message>
      <location filename="plugin/gui/map_panel.py" line="226" />
      <source>Name and value</source>
      <translation>Nama dan nilai</translation>
    </message>
    <message>
      <location filename="plugin/gui/mapping_panel.py" line="340" />
      <source>Name of the mapping:</source>
      <translation>Nama pemetaan:</translation>
    </message>
    <message>
      <source>Name of the worksheet to read from an Excel file. Leave empty to read the first sheet. Only used for .xlsx and .xlsm files.</source>
      <translation type="obsolete">Nama lembar kerja yang dibaca dari berkas Excel. Kosongkan untuk membaca lembar pertama. Hanya dipakai untuk berkas .xlsx dan .xlsm.</translation>
    </message>
    <message>
      <location filename="plugin/gui/review_panel.py" line="190" />
      <source>Name score (0-100) below which a village found by name is listed as a low score.</source>
      <translation>Skor nama (0-100); desa yang ditemukan dari nama dengan skor di bawah nilai ini masuk daftar skor rendah.</translation>
    </message>
    <message>
      <location filename="plugin/gui/map_panel.py" line="194" />
      <source>Natural breaks (Jenks)</source>
      <translation>Natural breaks (Jenks)</translation>
    </message>
    <message>
      <location filename="plugin/gui/basemap_menu.py" line="192" />
      <source>New service</source>
      <translation>Layanan baru</translation>
    </message>
    <message>
      <location filename="plugin/gis/pipeline.py" line="119" />
      <source>No NIK or NAMA column found in the table. Check that the header row has the usual DTKS column names, or choose the header row and the columns yourself.</source>
      <translation>Kolom NIK atau NAMA tidak ditemukan di tabel. Periksa apakah baris judul kolom memakai nama kolom DTKS yang lazim, atau tentukan sendiri baris judul kolom dan kolom-kolomnya.</translation>
    </message>
    <message>
      <source>No NIK or NAMA column found in the table. Check that the header row has the usual DTKS column names.</source>
      <translation type="obsolete">Kolom NIK atau NAMA tidak ditemukan di tabel. Periksa apakah baris judul kolom memakai nama kolom DTKS yang lazim.</translation>
    </message>
    <message>
      <location filename="plugin/gis/offline.py" line="573" />
      <source>No base-map tile could be made: the service '{title}' sent nothing for this region. Check the network connection and the service address ({url}), then try again.</source>
      <translation>Tidak ada tile peta dasar yang dapat dibuat: layanan '{title}' tidak mengirim apa pun untuk wilayah ini. Periksa sambungan jaringan dan alamat layanan ({url}), lalu coba lagi.</translation>
    </message>
    <message>
      <location filename="plugin/gis/offline.py" line="258" />
      <source>No boundary layer found: a polygon layer with a region code field (KDEPUM, KDCPUM, KDPKAB, KDPPUM or kode) is required.</source>
      <translation>Layer batas wilayah tidak ditemukan: diperlukan layer poligon dengan kolom kode wilayah (KDEPUM, KDCPUM, KDPKAB, KDPPUM atau kode).</translation>
    </message>
    <message>
      <location filename="plugin/core/indicators.py" line="758" />
      <source>No data</source>
      <translation>Tidak ada data</translation>
    </message>
    <message>
      <location filename="plugin/gui/dock.py" line="605" />
      <source>No region code given, so no counts per village and no map were made.</source>
      <translation>Kode wilayah tidak diisi, sehingga jumlah per desa dan peta tidak dibuat.</translation>
    </message>
    <message>
      <location filename="plugin/gui/duplicate_panel.py" line="457" />
      <source>No row of group {group} has a point on the map.</source>
      <translation>Tidak ada baris kelompok {group} yang memiliki titik di peta.</translation>
    </message>
    <message>
      <location filename="plugin/gis/basemaps.py" line="289" />
      <source>No service with the id '{id}' in the list.</source>
      <translation>Tidak ada layanan dengan id '{id}' di daftar.</translation>
    </message>
    <message>
      <location filename="plugin/gis/boundaries.py" line="236" />
      <source>No village boundary layer found: a polygon layer with a region code field (KDEPUM or kode) is required.</source>
      <translation>Lapisan batas desa tidak ditemukan: diperlukan lapisan poligon dengan kolom kode wilayah (KDEPUM atau kode).</translation>
    </message>
    <message>
      <source>No village boundary layer found: a polygon layer with a region code field (KDEPUM or kode) is required. If the codes are in a field with another name, choose the boundary fields yourself.</source>
      <translation type="obsolete">Lapisan batas desa tidak ditemukan: diperlukan lapisan poligon dengan kolom kode wilayah (KDEPUM atau kode). Jika kode ada di kolom dengan nama lain, pilih sendiri kolom batas wilayahnya.</translation>
    </message>
    <message>
      <location filename="plugin/gui/dock.py" line="803" />
      <source>No village found</source>
      <translation>Desa tidak ditemukan</translation>
    </message>
    <message>
      <location filename="plugin/gui/review_panel.py" line="42" />
      <source>No village found (tidak_cocok)</source>
      <translation>Desa tidak ditemukan (tidak_cocok)</translation>
    </message>
    <message>
      <location filename="plugin/gui/map_panel.py" line="227" />
      <source>None</source>
      <translation>Tanpa label</translation>
    </message>
    <message>
      <location filename="plugin/gui/duplicate_panel.py" line="59" />
      <source>Not a duplicate (bukan_duplikat)</source>
      <translation>Bukan duplikat (bukan_duplikat)</translation>
    </message>
    <message>
      <location filename="plugin/gui/duplicate_panel.py" line="300" />
      <source>Not duplicates</source>
      <translation>Bukan duplikat</translation>
    </message>
    <message>
      <location filename="plugin/gui/duplicate_panel.py" line="50" />
      <source>Not duplicates (bukan_duplikat)</source>
      <translation>Bukan duplikat (bukan_duplikat)</translation>
    </message>
    <message>
      <location filename="plugin/gis/layout.py" line="91" />
      <source>November</source>
      <translation>November</translation>
    </message>
    <message>
      <location filename="plugin/processing/algorithms.py" line="548" />
      <source>Number of classes</source>
      <translation>Jumlah kelas</translation>
    </message>
    <message>
      <location filename="plugin/core/indicators.py" line="319" />
      <source>Number of recipients</source>
      <translation>Jumlah penerima</translation>
    </message>
    <message>
      <location filename="plugin/gis/layout.py" line="91" />
      <source>October</source>
      <translation>Oktober</translation>
    </message>
    <message>
      <location filename="plugin/gis/offline.py" line="598" />
      <source>Offline package {region}</source>
      <translation>Paket luring {region}</translation>
    </message>
    <message>
      <location filename="plugin/gui/duplicate_panel.py" line="51" />
      <source>One row kept (simpan)</source>
      <translation>Satu baris disimpan (simpan)</translation>
    </message>
    <message>
      <location filename="plugin/gis/offline.py" line="578" />
      <source>Only {stored} of {count} base-map tiles have map content; the rest of the region stays blank offline.</source>
      <translation>Hanya {stored} dari {count} tile peta dasar yang berisi peta; bagian wilayah lainnya tetap kosong saat luring.</translation>
    </message>
    <message>
      <location filename="plugin/gui/map_panel.py" line="273" />
      <source>Open in layout designer</source>
      <translation>Buka di perancang tata letak</translation>
    </message>
    <message>
      <location filename="plugin/gui/map_panel.py" line="269" />
      <source>Output file</source>
      <translation>Berkas keluaran</translation>
    </message>
    <message>
      <location filename="plugin/gui/dock.py" line="311" />
      <source>Output folder</source>
      <translation>Folder keluaran</translation>
    </message>
    <message>
      <location filename="plugin/processing/algorithms.py" line="566" />
      <source>Output format</source>
      <translation>Format keluaran</translation>
    </message>
    <message>
      <location filename="plugin/processing/offline_algorithm.py" line="78" />
      <source>Package GeoPackage</source>
      <translation>GeoPackage paket</translation>
    </message>
    <message>
      <location filename="plugin/gui/offline_dialog.py" line="134" />
      <source>Package folder</source>
      <translation>Folder paket</translation>
    </message>
    <message>
      <location filename="plugin/processing/offline_algorithm.py" line="76" />
      <source>Package project</source>
      <translation>Proyek paket</translation>
    </message>
    <message>
      <location filename="plugin/processing/offline_algorithm.py" line="29" />
      <source>Packages a region for work without a network. The base map is rendered into tiles (MBTiles) over the region's whole bounding box at the chosen zoom levels; every boundary level found in BOUNDARIES (provinsi, kabupaten, kecamatan, desa) is cut to the region, and the region's recipients (by kode_desa) are copied, into one GeoPackage. A QGIS project with relative paths opens them all. The tile count is reported before any tile is fetched, and a package above MAX_TILES tiles is rejected. XYZ_URL, when given, replaces the chosen service with an XYZ tile URL such as https://server/tile/{z}/{y}/{x}.</source>
      <translation>Mengemas satu wilayah untuk bekerja tanpa jaringan. Peta dasar dirender menjadi tile (MBTiles) untuk seluruh kotak batas wilayah pada tingkat zoom yang dipilih; setiap tingkat batas wilayah yang ada di BOUNDARIES (provinsi, kabupaten, kecamatan, desa) dipotong sesuai wilayah, dan penerima di wilayah itu (menurut kode_desa) disalin, ke dalam satu GeoPackage. Sebuah proyek QGIS dengan path relatif membuka semuanya. Jumlah tile dilaporkan sebelum tile mana pun diambil, dan paket di atas MAX_TILES tile ditolak. XYZ_URL, bila diisi, menggantikan layanan yang dipilih dengan URL tile XYZ seperti https://server/tile/{z}/{y}/{x}.</translation>
    </message>
    <message>
      <location filename="plugin/processing/algorithms.py" line="577" />
      <source>Pages</source>
      <translation>Halaman</translation>
    </message>
    <message>
      <location filename="plugin/processing/algorithms.py" line="557" />
      <source>Paper</source>
      <translation>Kertas</translation>
    </message>
    <message>
      <location filename="plugin/gui/duplicate_panel.py" line="52" />
      <source>Partly decided</source>
      <translation>Sebagian diputuskan</translation>
    </message>
    <message>
      <location filename="plugin/gui/dock.py" line="189" />
      <source>Pipe (|)</source>
      <translation>Garis tegak (|)</translation>
    </message>
    <message>
      <location filename="plugin/main.py" line="69" />
      <source>Place DTKS recipients in villages, find suspected duplicates and print maps</source>
      <translation>Tempatkan penerima DTKS di desanya, cari dugaan duplikat dan cetak peta</translation>
    </message>
    <message>
      <location filename="plugin/gui/dock.py" line="805" />
      <source>Placed inside the village (approximate)</source>
      <translation>Ditempatkan di dalam desa (perkiraan)</translation>
    </message>
    <message>
      <location filename="plugin/gui/review_panel.py" line="43" />
      <source>Point in another village (beda_desa)</source>
      <translation>Titik di desa lain (beda_desa)</translation>
    </message>
    <message>
      <location filename="plugin/gui/review_panel.py" line="44" />
      <source>Point outside every village (di_luar_wilayah)</source>
      <translation>Titik di luar semua desa (di_luar_wilayah)</translation>
    </message>
    <message>
      <location filename="plugin/gis/pipeline.py" line="260" />
      <source>Points placed inside their village (approximate): {n}</source>
      <translation>Titik yang ditempatkan di dalam desanya (perkiraan): {n}</translation>
    </message>
    <message>
      <location filename="plugin/processing/algorithms.py" line="573" />
      <source>Population table (CSV with kode and penduduk columns)</source>
      <translation>Tabel penduduk (CSV dengan kolom kode dan penduduk)</translation>
    </message>
    <message>
      <location filename="plugin/gui/offline_dialog.py" line="88" />
      <source>Prepare offline package</source>
      <translation>Siapkan paket luring</translation>
    </message>
    <message>
      <location filename="plugin/gui/basemap_menu.py" line="104" />
      <source>Prepare offline package…</source>
      <translation>Siapkan paket luring…</translation>
    </message>
    <message>
      <location filename="plugin/gui/offline_dialog.py" line="231" />
      <source>Preparing the package…</source>
      <translation>Menyiapkan paket…</translation>
    </message>
    <message>
      <location filename="plugin/gui/map_panel.py" line="88" />
      <source>Preparing the thematic map</source>
      <translation>Menyiapkan peta tematik</translation>
    </message>
    <message>
      <location filename="plugin/gis/layout.py" line="107" />
      <source>Printed: {date}</source>
      <translation>Dicetak: {date}</translation>
    </message>
    <message>
      <location filename="plugin/processing/algorithms.py" line="517" />
      <source>Prints a map of a region (province, regency, district or village code) showing an indicator per region of a lower level: recipients, recipients per programme or welfare decile, households (distinct KK), suspected duplicates and their share, rows not placed or in conflict, recipients per km², or recipients per 1,000 residents from a population table (CSV with kode and penduduk columns). Each recipient counts once, in its registered village (kode_desa), and each region's count is the sum of its villages. Classes: equal interval, quantile, natural breaks (Jenks) or manual upper bounds, on whole numbers for counts. Counts from 1 to the suppression threshold are printed as '&lt; threshold+1' and hatched. With Atlas, each region gets its own page. PNG and SVG give one file per page. A summary table is written beside the map as &lt;name&gt;_tabel.pdf. The map shows aggregate numbers only, never names or NIK.</source>
      <translation>Mencetak peta suatu wilayah (kode provinsi, kabupaten/kota, kecamatan atau desa) yang menampilkan indikator per wilayah tingkat di bawahnya: jumlah penerima, penerima per program atau desil kesejahteraan, keluarga (KK berbeda), dugaan data ganda dan persentasenya, baris yang belum ditempatkan atau tidak sesuai, penerima per km², atau penerima per 1.000 penduduk dari tabel penduduk (CSV dengan kolom kode dan penduduk). Setiap penerima dihitung sekali, di desa terdaftarnya (kode_desa), dan jumlah setiap wilayah adalah jumlah desa-desanya. Kelas: interval sama, kuantil, natural breaks (Jenks) atau batas atas manual, berupa bilangan bulat untuk jumlah. Jumlah 1 sampai ambang penyamaran dicetak sebagai '&lt; ambang+1' dan diarsir. Dengan Atlas, setiap wilayah mendapat halamannya sendiri. PNG dan SVG menghasilkan satu berkas per halaman. Tabel ringkasan ditulis di samping peta sebagai &lt;nama&gt;_tabel.pdf. Peta hanya memuat angka agregat, tidak pernah nama atau NIK.</translation>
    </message>
    <message>
      <source>Prints an A4 landscape map of recipients per village for a region code (province, regency, district or village) to PDF. Each recipient counts once, in its registered village (kode_desa). The map shows counts per village only, never names or NIK.</source>
      <translation type="obsolete">Mencetak peta A4 mendatar berisi jumlah penerima per desa untuk suatu kode wilayah (provinsi, kabupaten, kecamatan atau desa) ke PDF. Setiap penerima dihitung sekali, di desa terdaftarnya (kode_desa). Peta hanya menampilkan jumlah per desa, tidak pernah nama atau NIK.</translation>
    </message>
    <message>
      <location filename="plugin/gis/pipeline.py" line="267" />
      <source>Problems found in loaded rows:</source>
      <translation>Masalah pada baris yang dimuat:</translation>
    </message>
    <message>
      <location filename="plugin/gui/dock.py" line="570" />
      <source>Processing failed because of an internal error. The details are in the Log Messages panel, tab {tab}.</source>
      <translation>Pemrosesan gagal karena kesalahan internal. Rinciannya ada di panel Log Messages, tab {tab}.</translation>
    </message>
    <message>
      <location filename="plugin/gis/boundaries.py" line="74" />
      <source>Province name</source>
      <translation>Nama provinsi</translation>
    </message>
    <message>
      <location filename="plugin/gui/map_panel.py" line="194" />
      <source>Quantile</source>
      <translation>Kuantil</translation>
    </message>
    <message>
      <location filename="plugin/gui/mapping_panel.py" line="217" />
      <source>Read columns</source>
      <translation>Baca kolom</translation>
    </message>
    <message>
      <location filename="plugin/gui/mapping_panel.py" line="218" />
      <source>Read the column headers of the table with the options above and show which column fills each field. The whole file is read, which takes a few seconds for a large file.</source>
      <translation>Membaca judul kolom tabel dengan opsi di atas dan menampilkan kolom yang mengisi setiap isian. Seluruh berkas dibaca, sehingga berkas besar memerlukan beberapa detik.</translation>
    </message>
    <message>
      <location filename="plugin/gui/duplicate_panel.py" line="260" />
      <source>Read the groups of the layer again.</source>
      <translation>Baca ulang kelompok dari layer.</translation>
    </message>
    <message>
      <location filename="plugin/gui/dock.py" line="318" />
      <source>Read the table, find each recipient's village, look for suspected duplicates, write the results and add them to the project.</source>
      <translation>Membaca tabel, mencari desa setiap penerima, mencari dugaan duplikat, menulis hasil dan menambahkannya ke proyek.</translation>
    </message>
    <message>
      <location filename="plugin/gui/offline_dialog.py" line="64" />
      <source>Reading or writing a file failed: {error}</source>
      <translation>Membaca atau menulis berkas gagal: {error}</translation>
    </message>
    <message>
      <location filename="plugin/gui/task.py" line="103" />
      <source>Reading or writing a file failed: {error}. Check that the table can be read, that {folder} is writable and that no other program has {file} open.</source>
      <translation>Gagal membaca atau menulis berkas: {error}. Periksa apakah tabel dapat dibaca, apakah {folder} dapat ditulisi, dan apakah tidak ada program lain yang sedang membuka {file}.</translation>
    </message>
    <message>
      <location filename="plugin/gui/mapping_panel.py" line="279" />
      <source>Reading the columns…</source>
      <translation>Membaca kolom…</translation>
    </message>
    <message>
      <location filename="plugin/gis/pipeline.py" line="433" />
      <source>Reading the table</source>
      <translation>Membaca tabel</translation>
    </message>
    <message>
      <location filename="plugin/gui/dock.py" line="458" />
      <source>Reading the table failed because of an internal error. The details are in the Log Messages panel, tab {tab}.</source>
      <translation>Pembacaan tabel gagal karena kesalahan internal. Rinciannya ada di panel Log Messages, tab {tab}.</translation>
    </message>
    <message>
      <location filename="plugin/gui/dock.py" line="462" />
      <source>Reading the table was canceled.</source>
      <translation>Pembacaan tabel dibatalkan.</translation>
    </message>
    <message>
      <location filename="plugin/gis/pipeline.py" line="438" />
      <source>Reading village boundaries</source>
      <translation>Membaca batas desa</translation>
    </message>
    <message>
      <location filename="plugin/processing/algorithms.py" line="264" />
      <source>Reads a DTKS or DTSEN table (CSV, TXT or XLSX) into a recipient layer. Rows with usable coordinates become points; the others are kept without geometry. NIK and KK numbers are kept as text. Rows that are not records (blank rows, repeated headers, total rows) go to the rejected table with their reason. The source file is only read, never changed.</source>
      <translation>Membaca tabel DTKS atau DTSEN (CSV, TXT atau XLSX) menjadi lapisan penerima. Baris dengan koordinat yang dapat dipakai menjadi titik; baris lainnya tetap disimpan tanpa geometri. NIK dan nomor KK disimpan sebagai teks. Baris yang bukan data penerima (baris kosong, judul kolom berulang, baris jumlah) masuk ke tabel baris ditolak beserta alasannya. Berkas sumber hanya dibaca, tidak pernah diubah.</translation>
    </message>
    <message>
      <location filename="plugin/gui/duplicate_panel.py" line="101" />
      <source>Reasons</source>
      <translation>Alasan</translation>
    </message>
    <message>
      <location filename="plugin/gis/offline.py" line="392" />
      <source>Recipient file not found: {path}</source>
      <translation>Berkas penerima tidak ditemukan: {path}</translation>
    </message>
    <message>
      <location filename="plugin/core/indicators.py" line="321" />
      <source>Recipient households (KK)</source>
      <translation>Jumlah keluarga penerima (KK)</translation>
    </message>
    <message>
      <location filename="plugin/gui/pickers.py" line="65" />
      <source>Recipient layer</source>
      <translation>Lapisan penerima</translation>
    </message>
    <message>
      <location filename="plugin/gui/offline_dialog.py" line="133" />
      <source>Recipient layer (optional)</source>
      <translation>Layer penerima (opsional)</translation>
    </message>
    <message>
      <location filename="plugin/gui/map_panel.py" line="285" />
      <source>Recipient layer (penerima) written by DTKS Spasial, e.g. from a hasil.gpkg opened in QGIS. The layer of the last run is chosen after each run.</source>
      <translation>Lapisan penerima (penerima) yang ditulis DTKS Spasial, misalnya dari hasil.gpkg yang dibuka di QGIS. Lapisan dari proses terakhir dipilih setelah setiap proses.</translation>
    </message>
    <message>
      <location filename="plugin/gui/pickers.py" line="61" />
      <source>Recipient layer (penerima) written by DTKS Spasial. The layer of the last run is chosen after each run.</source>
      <translation>Layer penerima yang ditulis DTKS Spasial. Layer dari proses terakhir dipilih setiap kali proses selesai.</translation>
    </message>
    <message>
      <location filename="plugin/gui/map_panel.py" line="254" />
      <source>Recipient point layer</source>
      <translation>Lapisan titik penerima</translation>
    </message>
    <message>
      <location filename="plugin/gis/atlas.py" line="851" />
      <source>Recipients</source>
      <translation>Penerima</translation>
    </message>
    <message>
      <location filename="plugin/core/indicators.py" line="341" />
      <source>Recipients in decile {n}</source>
      <translation>Penerima desil {n}</translation>
    </message>
    <message>
      <location filename="plugin/core/indicators.py" line="333" />
      <source>Recipients per 1,000 residents</source>
      <translation>Penerima per 1.000 penduduk</translation>
    </message>
    <message>
      <location filename="plugin/core/indicators.py" line="330" />
      <source>Recipients per km²</source>
      <translation>Penerima per km²</translation>
    </message>
    <message>
      <location filename="plugin/gis/layout.py" line="471" />
      <source>Recipients per village</source>
      <translation>Jumlah penerima per desa</translation>
    </message>
    <message>
      <location filename="plugin/gui/duplicate_panel.py" line="259" />
      <source>Refresh</source>
      <translation>Muat ulang</translation>
    </message>
    <message>
      <location filename="plugin/gui/map_panel.py" line="183" />
      <source>Regencies</source>
      <translation>Kabupaten/kota</translation>
    </message>
    <message>
      <location filename="plugin/gis/boundaries.py" line="73" />
      <source>Regency name</source>
      <translation>Nama kabupaten/kota</translation>
    </message>
    <message>
      <location filename="plugin/gis/atlas.py" line="851" />
      <source>Region</source>
      <translation>Wilayah</translation>
    </message>
    <message>
      <location filename="plugin/gui/map_panel.py" line="48" />
      <source>Region '{text}' not found. Type a region code or pick a name from the list.</source>
      <translation>Wilayah '{text}' tidak ditemukan. Ketik kode wilayah atau pilih nama dari daftar.</translation>
    </message>
    <message>
      <location filename="plugin/gui/dock.py" line="301" />
      <source>Region code</source>
      <translation>Kode wilayah</translation>
    </message>
    <message>
      <location filename="plugin/processing/algorithms.py" line="537" />
      <source>Region code (e.g. 17.04)</source>
      <translation>Kode wilayah (mis. 17.04)</translation>
    </message>
    <message>
      <location filename="plugin/processing/offline_algorithm.py" line="47" />
      <source>Region code (e.g. 17.04.01)</source>
      <translation>Kode wilayah (mis. 17.04.01)</translation>
    </message>
    <message>
      <location filename="plugin/gui/dock.py" line="212" />
      <source>Region code list</source>
      <translation>Daftar kode wilayah</translation>
    </message>
    <message>
      <location filename="plugin/gui/dock.py" line="503" />
      <source>Region code list not found: {path}. Choose the file again under Import options, or clear the field.</source>
      <translation>Daftar kode wilayah tidak ditemukan: {path}. Pilih lagi berkasnya di Opsi impor, atau kosongkan isiannya.</translation>
    </message>
    <message>
      <location filename="plugin/gui/map_panel.py" line="175" />
      <source>Region code or name, e.g. 17.04 or Kaur</source>
      <translation>Kode atau nama wilayah, mis. 17.04 atau Kaur</translation>
    </message>
    <message>
      <location filename="plugin/processing/algorithms.py" line="695" />
      <source>Region code to map (e.g. 17.04)</source>
      <translation>Kode wilayah yang dipetakan (mis. 17.04)</translation>
    </message>
    <message>
      <location filename="plugin/gis/atlas.py" line="184" />
      <source>Region code {code} has no village in the boundary layer. Check the code or the boundary layer.</source>
      <translation>Kode wilayah {code} tidak memiliki desa di lapisan batas. Periksa kode atau lapisan batasnya.</translation>
    </message>
    <message>
      <location filename="plugin/gis/atlas.py" line="488" />
      <source>Region {code} has no area at level {level} to map.</source>
      <translation>Wilayah {code} tidak memiliki wilayah tingkat {level} untuk dipetakan.</translation>
    </message>
    <message>
      <location filename="plugin/gis/atlas.py" line="119" />
      <source>Region {region} is a village, which has no smaller regions to map. Choose its district or regency as the region and villages as the regions to map.</source>
      <translation>Wilayah {region} adalah desa, yang tidak memiliki wilayah lebih kecil untuk dipetakan. Pilih kecamatan atau kabupatennya sebagai wilayah dan desa sebagai wilayah yang dipetakan.</translation>
    </message>
    <message>
      <location filename="plugin/processing/algorithms.py" line="539" />
      <source>Regions to map inside it</source>
      <translation>Wilayah yang dipetakan di dalamnya</translation>
    </message>
    <message>
      <location filename="plugin/processing/algorithms.py" line="279" />
      <source>Rejected rows</source>
      <translation>Baris ditolak</translation>
    </message>
    <message>
      <location filename="plugin/gis/pipeline.py" line="221" />
      <source>Rejected: {n}</source>
      <translation>Ditolak: {n}</translation>
    </message>
    <message>
      <location filename="plugin/gui/basemap_menu.py" line="139" />
      <source>Remove</source>
      <translation>Hapus</translation>
    </message>
    <message>
      <location filename="plugin/gui/duplicate_panel.py" line="61" />
      <source>Remove (hapus)</source>
      <translation>Hapus (hapus)</translation>
    </message>
    <message>
      <location filename="plugin/gui/duplicate_panel.py" line="310" />
      <source>Remove the decision on the group from the layer and from the decisions stored for the next run.</source>
      <translation>Hapus keputusan atas kelompok ini dari layer dan dari keputusan yang disimpan untuk proses berikutnya.</translation>
    </message>
    <message>
      <location filename="plugin/gui/review_panel.py" line="228" />
      <source>Remove the village assigned by hand from the selected rows. They get the village found from the table's code, name or point again.</source>
      <translation>Hapus desa yang ditetapkan manual dari baris terpilih. Baris kembali mendapat desa yang ditemukan dari kode, nama, atau titik pada tabel.</translation>
    </message>
    <message>
      <location filename="plugin/gis/offline.py" line="563" />
      <source>Rendering the base-map tiles…</source>
      <translation>Merender tile peta dasar…</translation>
    </message>
    <message>
      <location filename="plugin/gui/basemap_menu.py" line="205" />
      <source>Replace the list with the plugin's default services? Services you added are removed.</source>
      <translation>Ganti daftar dengan layanan bawaan plugin? Layanan yang Anda tambahkan akan dihapus.</translation>
    </message>
    <message>
      <location filename="plugin/gui/mapping_panel.py" line="353" />
      <source>Replace the saved mapping '{name}'?</source>
      <translation>Ganti pemetaan tersimpan '{name}'?</translation>
    </message>
    <message>
      <location filename="plugin/gui/basemap_menu.py" line="141" />
      <source>Reset to defaults</source>
      <translation>Kembalikan ke bawaan</translation>
    </message>
    <message>
      <location filename="plugin/processing/algorithms.py" line="697" />
      <source>Result GeoPackage</source>
      <translation>GeoPackage hasil</translation>
    </message>
    <message>
      <location filename="plugin/gui/dock.py" line="599" />
      <source>Results: {path}</source>
      <translation>Hasil: {path}</translation>
    </message>
    <message>
      <location filename="plugin/gui/dock.py" line="128" />
      <source>Review locations</source>
      <translation>Tinjau lokasi</translation>
    </message>
    <message>
      <location filename="plugin/gui/review_panel.py" line="62" />
      <source>Row</source>
      <translation>Baris</translation>
    </message>
    <message>
      <location filename="plugin/gui/dock.py" line="171" />
      <source>Row number of the column headers, counting the first row of the file as 1. 0 (automatic) takes the row among the first 30 with the most DTKS column names. Rows above the header are listed as rejected rows.</source>
      <translation>Nomor baris judul kolom, dengan baris pertama berkas dihitung sebagai 1. 0 (otomatis) memakai baris di antara 30 baris pertama yang memuat nama kolom DTKS terbanyak. Baris di atas baris judul kolom dicantumkan sebagai baris yang ditolak.</translation>
    </message>
    <message>
      <location filename="plugin/gui/duplicate_panel.py" line="207" />
      <source>Row {n}</source>
      <translation>Baris {n}</translation>
    </message>
    <message>
      <location filename="plugin/gui/duplicate_panel.py" line="513" />
      <source>Row {row} of group {group} kept; the other rows are marked for removal (hapus).</source>
      <translation>Baris {row} dari kelompok {group} disimpan; baris lainnya ditandai untuk dihapus (hapus).</translation>
    </message>
    <message>
      <location filename="plugin/gui/basemap_menu.py" line="228" />
      <source>Row {row}: {error}</source>
      <translation>Baris {row}: {error}</translation>
    </message>
    <message>
      <location filename="plugin/gui/duplicate_panel.py" line="101" />
      <source>Rows</source>
      <translation>Baris</translation>
    </message>
    <message>
      <location filename="plugin/processing/algorithms.py" line="281" />
      <source>Rows loaded</source>
      <translation>Baris dimuat</translation>
    </message>
    <message>
      <location filename="plugin/core/indicators.py" line="328" />
      <source>Rows not placed or in conflict</source>
      <translation>Baris belum ditempatkan atau tidak sesuai</translation>
    </message>
    <message>
      <location filename="plugin/processing/algorithms.py" line="280" />
      <source>Rows read</source>
      <translation>Baris dibaca</translation>
    </message>
    <message>
      <location filename="plugin/gis/pipeline.py" line="219" />
      <source>Rows read: {n}</source>
      <translation>Baris dibaca: {n}</translation>
    </message>
    <message>
      <location filename="plugin/processing/algorithms.py" line="282" />
      <source>Rows rejected</source>
      <translation>Baris ditolak</translation>
    </message>
    <message>
      <location filename="plugin/gui/review_panel.py" line="182" />
      <source>Rows to list. Problem lists leave out rows whose village was assigned by hand.</source>
      <translation>Baris yang ditampilkan. Daftar masalah tidak memuat baris yang desanya sudah ditetapkan manual.</translation>
    </message>
    <message>
      <location filename="plugin/gui/dock.py" line="126" />
      <source>Run</source>
      <translation>Jalankan</translation>
    </message>
    <message>
      <location filename="plugin/processing/algorithms.py" line="677" />
      <source>Run the whole DTKS job</source>
      <translation>Jalankan seluruh proses DTKS</translation>
    </message>
    <message>
      <location filename="plugin/gui/dock.py" line="527" />
      <source>Running...</source>
      <translation>Sedang berjalan...</translation>
    </message>
    <message>
      <location filename="plugin/gui/mapping_panel.py" line="340" />
      <source>Save column mapping</source>
      <translation>Simpan pemetaan kolom</translation>
    </message>
    <message>
      <location filename="plugin/gui/mapping_panel.py" line="242" />
      <source>Save mapping…</source>
      <translation>Simpan pemetaan…</translation>
    </message>
    <message>
      <location filename="plugin/gui/mapping_panel.py" line="243" />
      <source>Save the changes to the detected mapping under a name, to use them again for tables with the same columns.</source>
      <translation>Simpan perubahan terhadap pemetaan yang terdeteksi dengan sebuah nama, untuk dipakai lagi pada tabel dengan kolom yang sama.</translation>
    </message>
    <message>
      <location filename="plugin/gui/map_panel.py" line="395" />
      <source>Save the map as</source>
      <translation>Simpan peta sebagai</translation>
    </message>
    <message>
      <location filename="plugin/gui/mapping_panel.py" line="239" />
      <source>Saved column mappings. Choosing one applies it, and (no saved mapping) returns to the detected mapping.</source>
      <translation>Pemetaan kolom yang disimpan. Memilih salah satu akan menerapkannya, dan (tanpa pemetaan tersimpan) kembali ke pemetaan yang terdeteksi.</translation>
    </message>
    <message>
      <location filename="plugin/gui/mapping_panel.py" line="372" />
      <source>Saved mapping '{name}' deleted.</source>
      <translation>Pemetaan tersimpan '{name}' telah dihapus.</translation>
    </message>
    <message>
      <location filename="plugin/gui/basemap_menu.py" line="239" />
      <source>Saving the service list failed: {error}</source>
      <translation>Penyimpanan daftar layanan gagal: {error}</translation>
    </message>
    <message>
      <location filename="plugin/gis/layout.py" line="120" />
      <source>Scale</source>
      <translation>Skala</translation>
    </message>
    <message>
      <location filename="plugin/gui/duplicate_panel.py" line="101" />
      <source>Score</source>
      <translation>Skor</translation>
    </message>
    <message>
      <location filename="plugin/processing/algorithms.py" line="416" />
      <source>Score threshold (0-100)</source>
      <translation>Ambang skor (0-100)</translation>
    </message>
    <message>
      <location filename="plugin/gui/dock.py" line="189" />
      <source>Semicolon (;)</source>
      <translation>Titik koma (;)</translation>
    </message>
    <message>
      <location filename="plugin/gis/layout.py" line="91" />
      <source>September</source>
      <translation>September</translation>
    </message>
    <message>
      <location filename="plugin/gui/basemap_menu.py" line="44" />
      <source>Service '{title}' ({url}) could not be opened: {error}</source>
      <translation>Layanan '{title}' ({url}) tidak dapat dibuka: {error}</translation>
    </message>
    <message>
      <location filename="plugin/gis/basemaps.py" line="234" />
      <source>Service ids must be unique; repeated: {ids}.</source>
      <translation>Id layanan harus unik; yang berulang: {ids}.</translation>
    </message>
    <message>
      <location filename="plugin/gui/duplicate_panel.py" line="72" />
      <source>Sex</source>
      <translation>Jenis kelamin</translation>
    </message>
    <message>
      <location filename="plugin/gui/dock.py" line="166" />
      <source>Sheet</source>
      <translation>Lembar</translation>
    </message>
    <message>
      <source>Sheet '{sheet}' not found in the Excel file.</source>
      <translation type="obsolete">Lembar '{sheet}' tidak ditemukan di berkas Excel.</translation>
    </message>
    <message>
      <location filename="plugin/core/table_reader.py" line="256" />
      <source>Sheet '{sheet}' not found in the file.</source>
      <translation>Lembar '{sheet}' tidak ditemukan di berkas.</translation>
    </message>
    <message>
      <location filename="plugin/processing/algorithms.py" line="275" />
      <source>Sheet (empty: the first that looks like a table)</source>
      <translation>Lembar (kosong: lembar pertama yang berupa tabel)</translation>
    </message>
    <message>
      <location filename="plugin/gui/dock.py" line="162" />
      <source>Sheet of a spreadsheet (XLSX, XLS or ODS) to read. (automatic) reads the first sheet with at least two DTKS column names in its first 30 rows, or else the first sheet.</source>
      <translation>Lembar spreadsheet (XLSX, XLS atau ODS) yang dibaca. (otomatis) membaca lembar pertama yang memuat sedikitnya dua nama kolom DTKS di 30 baris pertamanya, atau jika tidak ada, lembar pertama.</translation>
    </message>
    <message>
      <location filename="plugin/gis/pipeline.py" line="209" />
      <source>Sheet: {sheet}, header on row {row}</source>
      <translation>Lembar: {sheet}, judul kolom di baris {row}</translation>
    </message>
    <message>
      <location filename="plugin/gui/duplicate_panel.py" line="262" />
      <source>Show</source>
      <translation>Tampilkan</translation>
    </message>
    <message>
      <location filename="plugin/gui/map_panel.py" line="241" />
      <source>Show each recipient as a point (individual-level map, confidential)</source>
      <translation>Tampilkan setiap penerima sebagai titik (peta data perorangan, rahasia)</translation>
    </message>
    <message>
      <location filename="plugin/main.py" line="68" />
      <source>Show or hide the DTKS Spasial panel</source>
      <translation>Tampilkan atau sembunyikan panel DTKS Spasial</translation>
    </message>
    <message>
      <location filename="plugin/processing/algorithms.py" line="318" />
      <source>Snap recipients to village boundaries</source>
      <translation>Tempatkan penerima ke batas desa</translation>
    </message>
    <message>
      <location filename="plugin/gis/layout.py" line="192" />
      <source>Source: DTKS Kemensos; administrative boundaries BIG / region codes Kemendagri</source>
      <translation>Sumber: DTKS Kemensos; batas wilayah BIG / kode wilayah Kemendagri</translation>
    </message>
    <message>
      <location filename="plugin/gis/layout.py" line="112" />
      <source>Source: DTKS/DTSEN Kemensos; administrative boundaries BIG / region codes Kemendagri</source>
      <translation>Sumber: DTKS/DTSEN Kemensos; batas wilayah BIG / kode wilayah Kemendagri</translation>
    </message>
    <message>
      <location filename="plugin/gui/review_panel.py" line="70" />
      <source>Status</source>
      <translation>Status</translation>
    </message>
    <message>
      <location filename="plugin/gui/dock.py" line="322" />
      <source>Stop the running job. No layers are added.</source>
      <translation>Hentikan proses yang sedang berjalan. Tidak ada lapisan yang ditambahkan.</translation>
    </message>
    <message>
      <location filename="plugin/gui/dock.py" line="828" />
      <source>Style {path} could not be loaded: {error}</source>
      <translation>Gaya {path} tidak dapat dimuat: {error}</translation>
    </message>
    <message>
      <location filename="plugin/gui/dock.py" line="110" />
      <source>Summary</source>
      <translation>Ringkasan</translation>
    </message>
    <message>
      <location filename="plugin/gui/dock.py" line="798" />
      <source>Suspected duplicate (member of a duplicate group)</source>
      <translation>Dugaan duplikat (anggota kelompok duplikat)</translation>
    </message>
    <message>
      <location filename="plugin/processing/algorithms.py" line="425" />
      <source>Suspected duplicate groups</source>
      <translation>Kelompok dugaan duplikat</translation>
    </message>
    <message>
      <location filename="plugin/gis/pipeline.py" line="232" />
      <source>Suspected duplicate groups: {groups} ({rows} rows)</source>
      <translation>Kelompok dugaan duplikat: {groups} ({rows} baris)</translation>
    </message>
    <message>
      <location filename="plugin/processing/algorithms.py" line="485" />
      <source>Suspected duplicate groups: {groups} ({rows} rows) at threshold {threshold}</source>
      <translation>Kelompok dugaan duplikat: {groups} ({rows} baris) pada ambang {threshold}</translation>
    </message>
    <message>
      <location filename="plugin/gui/dock.py" line="130" />
      <source>Suspected duplicates</source>
      <translation>Dugaan duplikat</translation>
    </message>
    <message>
      <location filename="plugin/core/indicators.py" line="325" />
      <source>Suspected duplicates (% of recipients)</source>
      <translation>Dugaan data ganda (% penerima)</translation>
    </message>
    <message>
      <location filename="plugin/core/indicators.py" line="323" />
      <source>Suspected duplicates (rows)</source>
      <translation>Dugaan data ganda (baris)</translation>
    </message>
    <message>
      <location filename="plugin/gui/dock.py" line="190" />
      <source>Tab</source>
      <translation>Tab</translation>
    </message>
    <message>
      <location filename="plugin/gui/dock.py" line="148" />
      <source>Table file</source>
      <translation>Berkas tabel</translation>
    </message>
    <message>
      <location filename="plugin/gis/atlas.py" line="829" />
      <source>Table – {region}</source>
      <translation>Tabel – {region}</translation>
    </message>
    <message>
      <location filename="plugin/gui/map_panel.py" line="223" />
      <source>Template</source>
      <translation>Templat</translation>
    </message>
    <message>
      <location filename="plugin/gui/dock.py" line="185" />
      <source>Text encoding</source>
      <translation>Penyandian teks</translation>
    </message>
    <message>
      <location filename="plugin/gui/dock.py" line="181" />
      <source>Text encoding of a CSV or TXT file. (automatic) reads UTF-16 when the file starts with its byte order mark, and otherwise tries UTF-8, Windows-1252 (cp1252) and Latin-1 in this order. Choose another encoding when names show wrong letters.</source>
      <translation>Penyandian teks berkas CSV atau TXT. (otomatis) membaca UTF-16 bila berkas diawali penanda urutan bita (BOM), dan selain itu mencoba UTF-8, Windows-1252 (cp1252) dan Latin-1 menurut urutan ini. Pilih penyandian lain bila huruf pada nama tampil keliru.</translation>
    </message>
    <message>
      <location filename="plugin/main.py" line="104" />
      <source>The DTKS Spasial Processing algorithms are not available: {error}</source>
      <translation>Algoritma Processing DTKS Spasial tidak tersedia: {error}</translation>
    </message>
    <message>
      <location filename="plugin/main.py" line="115" />
      <source>The DTKS Spasial Processing provider was not registered: a provider with the id "{id}" is registered already, or the provider failed to load.</source>
      <translation>Penyedia Processing DTKS Spasial tidak didaftarkan: penyedia dengan id "{id}" sudah terdaftar, atau penyedia gagal dimuat.</translation>
    </message>
    <message>
      <source>The Excel file cannot be opened ({error}). Check that it is a valid XLSX file.</source>
      <translation type="obsolete">Berkas Excel tidak dapat dibuka ({error}). Periksa apakah berkas itu XLSX yang sah.</translation>
    </message>
    <message>
      <location filename="plugin/core/table_reader.py" line="169" />
      <source>The Python package 'openpyxl' is not installed, so Excel files cannot be read.</source>
      <translation>Paket Python 'openpyxl' belum terpasang, sehingga berkas Excel tidak dapat dibaca.</translation>
    </message>
    <message>
      <location filename="plugin/core/table_reader.py" line="188" />
      <source>The Python package 'xlrd' is not installed, so XLS files cannot be read.</source>
      <translation>Paket Python 'xlrd' belum terpasang, sehingga berkas XLS tidak dapat dibaca.</translation>
    </message>
    <message>
      <location filename="plugin/gis/offline.py" line="143" />
      <source>The QGIS algorithm 'Generate XYZ tiles (MBTiles)' is not available. Enable the Processing plugin in QGIS and try again.</source>
      <translation>Algoritme QGIS 'Generate XYZ tiles (MBTiles)' tidak tersedia. Aktifkan plugin Processing di QGIS lalu coba lagi.</translation>
    </message>
    <message>
      <location filename="plugin/gis/offline.py" line="160" />
      <source>The base map '{title}' could not be opened: {error}</source>
      <translation>Peta dasar '{title}' tidak dapat dibuka: {error}</translation>
    </message>
    <message>
      <location filename="plugin/gis/offline.py" line="547" />
      <source>The base map needs {count} tiles at zoom levels {min}-{max}.</source>
      <translation>Peta dasar memerlukan {count} tile pada tingkat zoom {min}-{max}.</translation>
    </message>
    <message>
      <location filename="plugin/gis/boundaries.py" line="95" />
      <source>The boundary field role '{role}' has no field: write {role}=FIELD_NAME.</source>
      <translation>Peran kolom batas wilayah '{role}' tidak diberi kolom: tulis {role}=NAMA_KOLOM.</translation>
    </message>
    <message>
      <location filename="plugin/gis/boundaries.py" line="99" />
      <source>The boundary field role '{role}' is given twice.</source>
      <translation>Peran kolom batas wilayah '{role}' disebut dua kali.</translation>
    </message>
    <message>
      <location filename="plugin/processing/offline_algorithm.py" line="108" />
      <source>The boundary layer could not be opened.</source>
      <translation>Layer batas wilayah tidak dapat dibuka.</translation>
    </message>
    <message>
      <location filename="plugin/gis/boundaries.py" line="239" />
      <source>The boundary layer is not at village level (its codes are not of the form PP.KK.CC.DDDD). Choose the village (desa) layer.</source>
      <translation>Lapisan batas bukan tingkat desa (kodenya tidak berbentuk PP.KK.CC.DDDD). Pilih lapisan desa.</translation>
    </message>
    <message>
      <location filename="plugin/gis/review.py" line="428" />
      <source>The changes could not be saved in {layer}: {errors}</source>
      <translation>Perubahan tidak dapat disimpan di {layer}: {errors}</translation>
    </message>
    <message>
      <location filename="plugin/gui/boundary_fields.py" line="97" />
      <source>The chosen code field does not hold Kemendagri codes such as 17.04.01.2001.</source>
      <translation>Kolom kode yang dipilih tidak berisi kode Kemendagri seperti 17.04.01.2001.</translation>
    </message>
    <message>
      <location filename="plugin/gui/mapping_panel.py" line="335" />
      <source>The column mapping has no changes from the detected one, so there is nothing to save. Change a column first.</source>
      <translation>Pemetaan kolom tidak berbeda dari yang terdeteksi, jadi tidak ada yang disimpan. Ubah dulu salah satu kolom.</translation>
    </message>
    <message>
      <location filename="plugin/gui/dock.py" line="115" />
      <source>The counts of the last run appear here.</source>
      <translation>Jumlah hasil proses terakhir tampil di sini.</translation>
    </message>
    <message>
      <location filename="plugin/gis/duplicate_review.py" line="406" />
      <source>The decision table could not be written in {path}: {error}</source>
      <translation>Tabel keputusan tidak dapat ditulis di {path}: {error}</translation>
    </message>
    <message>
      <location filename="plugin/gis/boundaries.py" line="110" />
      <source>The field '{field}' given for '{role}' is not in the boundary layer '{layer}'. Its fields are: {fields}.</source>
      <translation>Kolom '{field}' yang diberikan untuk '{role}' tidak ada di lapisan batas wilayah '{layer}'. Kolom yang ada: {fields}.</translation>
    </message>
    <message>
      <location filename="plugin/gis/review.py" line="394" />
      <source>The field {field} could not be added to {layer}.</source>
      <translation>Kolom {field} tidak dapat ditambahkan ke {layer}.</translation>
    </message>
    <message>
      <source>The file cannot be read as text.</source>
      <translation type="obsolete">Berkas tidak dapat dibaca sebagai teks.</translation>
    </message>
    <message>
      <source>The file cannot be read as text: its encoding is not UTF-8, UTF-16 or Windows-1252.</source>
      <translation type="obsolete">Berkas tidak dapat dibaca sebagai teks: penyandiannya bukan UTF-8, UTF-16 atau Windows-1252.</translation>
    </message>
    <message>
      <location filename="plugin/core/table_reader.py" line="130" />
      <source>The file cannot be read with encoding {encoding}. Choose another encoding or leave it empty to detect it.</source>
      <translation>Berkas tidak dapat dibaca dengan penyandian {encoding}. Pilih penyandian lain atau kosongkan agar dideteksi otomatis.</translation>
    </message>
    <message>
      <location filename="plugin/core/table_reader.py" line="258" />
      <source>The file is empty: it has no rows to read.</source>
      <translation>Berkas kosong: tidak ada baris yang dapat dibaca.</translation>
    </message>
    <message>
      <location filename="plugin/gui/duplicate_panel.py" line="552" />
      <source>The layer is in edit mode, so the change is in its edit buffer: save the layer edits to keep it.</source>
      <translation>Layer sedang dalam mode edit, jadi perubahan ada di buffer edit. Simpan edit layer untuk mempertahankannya.</translation>
    </message>
    <message>
      <location filename="plugin/gui/duplicate_panel.py" line="547" />
      <source>The layer is not a GeoPackage, so the decision is stored in this layer only and a new run does not read it.</source>
      <translation>Layer ini bukan GeoPackage, sehingga keputusan hanya disimpan di layer ini dan tidak dibaca oleh proses baru.</translation>
    </message>
    <message>
      <location filename="plugin/processing/algorithms.py" line="109" />
      <source>The layer is not a recipient layer of DTKS Spasial: fields {fields} are missing. Run 'Import DTKS table' first.</source>
      <translation>Lapisan ini bukan lapisan penerima DTKS Spasial: kolom {fields} tidak ada. Jalankan 'Impor tabel DTKS' terlebih dahulu.</translation>
    </message>
    <message>
      <location filename="plugin/gis/offline.py" line="402" />
      <source>The layer is not a recipient layer of DTKS Spasial: it has no {field} field. Run 'Import DTKS table' and 'Snap recipients to village boundaries' first.</source>
      <translation>Layer ini bukan layer penerima DTKS Spasial: tidak ada kolom {field}. Jalankan 'Impor tabel DTKS' dan 'Tempatkan penerima ke batas desa' terlebih dahulu.</translation>
    </message>
    <message>
      <location filename="plugin/gis/review.py" line="408" />
      <source>The layer {layer} cannot be edited. Check that its file is writable.</source>
      <translation>Layer {layer} tidak dapat diedit. Periksa bahwa berkasnya dapat ditulisi.</translation>
    </message>
    <message>
      <location filename="plugin/gis/layout.py" line="318" />
      <source>The map layout template {name} cannot be read ({error}). Reinstall the DTKS Spasial plugin.</source>
      <translation>Templat tata letak peta {name} tidak dapat dibaca ({error}). Pasang ulang plugin DTKS Spasial.</translation>
    </message>
    <message>
      <location filename="plugin/gis/layout.py" line="339" />
      <source>The map layout template {name} has no item '{item}' ({kind}). Reinstall the DTKS Spasial plugin.</source>
      <translation>Templat tata letak peta {name} tidak memiliki item '{item}' ({kind}). Pasang ulang plugin DTKS Spasial.</translation>
    </message>
    <message>
      <location filename="plugin/gis/layout.py" line="330" />
      <source>The map layout template {name} is damaged or invalid. Reinstall the DTKS Spasial plugin.</source>
      <translation>Templat tata letak peta {name} rusak atau tidak sah. Pasang ulang plugin DTKS Spasial.</translation>
    </message>
    <message>
      <location filename="plugin/gui/dock.py" line="609" />
      <source>The map was not exported: {error}</source>
      <translation>Peta tidak diekspor: {error}</translation>
    </message>
    <message>
      <location filename="plugin/gui/map_panel.py" line="248" />
      <source>The map will show where individual recipients live. It prints a confidentiality notice; share it only inside the office.</source>
      <translation>Peta akan menunjukkan tempat tinggal setiap penerima. Peta mencetak catatan rahasia; bagikan hanya di lingkungan dinas.</translation>
    </message>
    <message>
      <location filename="plugin/gis/basemaps.py" line="154" />
      <source>The minimum zoom ({min}) of '{title}' is above its maximum zoom ({max}).</source>
      <translation>Zoom minimum ({min}) '{title}' di atas zoom maksimumnya ({max}).</translation>
    </message>
    <message>
      <location filename="plugin/gui/offline_dialog.py" line="184" />
      <source>The minimum zoom level is above the maximum.</source>
      <translation>Tingkat zoom minimum di atas maksimum.</translation>
    </message>
    <message>
      <location filename="plugin/gui/mapping_panel.py" line="346" />
      <source>The name '{name}' cannot be used: it must not contain / or \ and must not start with _.</source>
      <translation>Nama '{name}' tidak dapat dipakai: nama tidak boleh memuat / atau \ dan tidak boleh diawali _.</translation>
    </message>
    <message>
      <source>The next run of this output folder keeps the decision.</source>
      <translation type="obsolete" />
    </message>
    <message>
      <location filename="plugin/core/indicators.py" line="442" />
      <source>The number of classes must be at least 1, not {n}.</source>
      <translation>Jumlah kelas harus minimal 1, bukan {n}.</translation>
    </message>
    <message>
      <location filename="plugin/gis/atlas.py" line="657" />
      <source>The output folder {path} does not exist.</source>
      <translation>Folder keluaran {path} tidak ada.</translation>
    </message>
    <message>
      <location filename="plugin/gui/offline_dialog.py" line="255" />
      <source>The package could not be prepared because of an unexpected error; the details are in the DTKS Spasial tab of the message log.</source>
      <translation>Paket tidak dapat disiapkan karena galat tak terduga; rinciannya ada di tab DTKS Spasial pada log pesan.</translation>
    </message>
    <message>
      <location filename="plugin/gui/offline_dialog.py" line="248" />
      <source>The package is ready: {path}. Copy the whole folder to the field computer and open the project there.</source>
      <translation>Paket siap: {path}. Salin seluruh folder ke komputer lapangan dan buka proyeknya di sana.</translation>
    </message>
    <message>
      <location filename="plugin/gis/offline.py" line="550" />
      <source>The package would need {count} tiles, more than the limit of {limit}. Choose a lower maximum zoom or a smaller region.</source>
      <translation>Paket ini memerlukan {count} tile, melebihi batas {limit}. Pilih zoom maksimum yang lebih rendah atau wilayah yang lebih kecil.</translation>
    </message>
    <message>
      <location filename="plugin/processing/algorithms.py" line="661" />
      <source>The population table {path} needs a code column (kode) and a population column (penduduk).</source>
      <translation>Tabel penduduk {path} memerlukan kolom kode (kode) dan kolom jumlah penduduk (penduduk).</translation>
    </message>
    <message>
      <location filename="plugin/gis/atlas.py" line="189" />
      <source>The rate per 1,000 residents needs a population table or field. Choose one, or choose another indicator.</source>
      <translation>Angka per 1.000 penduduk memerlukan tabel atau kolom penduduk. Pilih salah satunya, atau pilih indikator lain.</translation>
    </message>
    <message>
      <location filename="plugin/gui/map_panel.py" line="65" />
      <source>The recipient layer '{name}' cannot be opened. Check that its file still exists, then choose the layer again.</source>
      <translation>Lapisan penerima '{name}' tidak dapat dibuka. Periksa apakah berkasnya masih ada, lalu pilih lapisan itu lagi.</translation>
    </message>
    <message>
      <location filename="plugin/gis/offline.py" line="400" />
      <source>The recipient layer could not be opened.</source>
      <translation>Lapisan penerima tidak dapat dibuka.</translation>
    </message>
    <message>
      <location filename="plugin/gis/pipeline.py" line="107" />
      <source>The region code list {path} cannot be read ({error}). Choose the CSV with the columns kode,nama,tingkat.</source>
      <translation>Daftar kode wilayah {path} tidak dapat dibaca ({error}). Pilih berkas CSV dengan kolom kode,nama,tingkat.</translation>
    </message>
    <message>
      <location filename="plugin/gis/offline.py" line="308" />
      <source>The region {code} is not in the boundary layers. Check the code, or choose boundaries that cover it.</source>
      <translation>Wilayah {code} tidak ada di layer batas wilayah. Periksa kodenya, atau pilih batas wilayah yang mencakupnya.</translation>
    </message>
    <message>
      <location filename="plugin/gui/dock.py" line="588" />
      <source>The results could not be saved as {path}: {error}. Close programs that use this file and run again.</source>
      <translation>Hasil tidak dapat disimpan sebagai {path}: {error}. Tutup program yang memakai berkas ini, lalu jalankan lagi.</translation>
    </message>
    <message>
      <location filename="plugin/gui/duplicate_panel.py" line="291" />
      <source>The rows of the chosen group side by side. Values that differ between the rows are highlighted. Click a column to choose the row to keep.</source>
      <translation>Baris-baris kelompok terpilih berdampingan. Nilai yang berbeda antarbaris disorot. Klik satu kolom untuk memilih baris yang disimpan.</translation>
    </message>
    <message>
      <location filename="plugin/gis/basemaps.py" line="87" />
      <source>The service entry lacks the fields {fields}.</source>
      <translation>Entri layanan tidak memiliki kolom {fields}.</translation>
    </message>
    <message>
      <location filename="plugin/processing/offline_algorithm.py" line="93" />
      <source>The service list has no base map number {number}.</source>
      <translation>Daftar layanan tidak memiliki peta dasar nomor {number}.</translation>
    </message>
    <message>
      <location filename="plugin/gui/offline_dialog.py" line="214" />
      <source>The service list has no base map; add one with 'Edit service list'.</source>
      <translation>Daftar layanan tidak memiliki peta dasar; tambahkan lewat 'Ubah daftar layanan'.</translation>
    </message>
    <message>
      <location filename="plugin/gis/basemaps.py" line="177" />
      <source>The service list {path} is not valid JSON: {error}.</source>
      <translation>Daftar layanan {path} bukan JSON yang valid: {error}.</translation>
    </message>
    <message>
      <location filename="plugin/gis/basemaps.py" line="180" />
      <source>The service list {path} must be a JSON object with a "services" list.</source>
      <translation>Daftar layanan {path} harus berupa objek JSON dengan daftar "services".</translation>
    </message>
    <message>
      <location filename="plugin/core/table_reader.py" line="158" />
      <source>The spreadsheet cannot be opened ({error}). Check that the file is not damaged and that its extension matches its format.</source>
      <translation>Lembar kerja tidak dapat dibuka ({error}). Periksa apakah berkas tidak rusak dan ekstensinya sesuai dengan formatnya.</translation>
    </message>
    <message>
      <location filename="plugin/core/indicators.py" line="736" />
      <source>The suppression threshold must be 0 or more, not {n}.</source>
      <translation>Ambang penyamaran harus 0 atau lebih, bukan {n}.</translation>
    </message>
    <message>
      <location filename="plugin/gui/task.py" line="148" />
      <source>The table file cannot be read: {error}. Check that the file exists and that no other program has it locked.</source>
      <translation>Berkas tabel tidak dapat dibaca: {error}. Periksa bahwa berkasnya ada dan tidak sedang dikunci program lain.</translation>
    </message>
    <message>
      <location filename="plugin/gis/basemaps.py" line="137" />
      <source>The tile URL of '{title}' lacks the placeholders {parts}; an XYZ URL looks like https://server/tile/{{z}}/{{y}}/{{x}}.</source>
      <translation>URL tile '{title}' tidak memiliki penanda {parts}; URL XYZ berbentuk seperti https://server/tile/{{z}}/{{y}}/{{x}}.</translation>
    </message>
    <message>
      <location filename="plugin/processing/algorithms.py" line="99" />
      <source>The village boundary layer could not be opened.</source>
      <translation>Lapisan batas desa tidak dapat dibuka.</translation>
    </message>
    <message>
      <location filename="plugin/gis/boundaries.py" line="278" />
      <source>The village boundary layer has no polygon with a valid region code.</source>
      <translation>Lapisan batas desa tidak berisi poligon dengan kode wilayah yang sah.</translation>
    </message>
    <message>
      <location filename="plugin/gui/dock.py" line="820" />
      <source>The village counts could not be classified: {error}</source>
      <translation>Jumlah penerima per desa tidak dapat diklasifikasikan: {error}</translation>
    </message>
    <message>
      <location filename="plugin/gui/dock.py" line="132" />
      <source>Thematic map</source>
      <translation>Peta tematik</translation>
    </message>
    <message>
      <location filename="plugin/gui/offline_dialog.py" line="190" />
      <source>This is above the limit of {limit} tiles.</source>
      <translation>Ini melebihi batas {limit} tile.</translation>
    </message>
    <message>
      <location filename="plugin/gui/duplicate_panel.py" line="228" />
      <source>This value differs between the rows of the group.</source>
      <translation>Nilai ini berbeda antarbaris dalam kelompok.</translation>
    </message>
    <message>
      <location filename="plugin/gui/basemap_menu.py" line="24" />
      <source>Tile matrix set</source>
      <translation>Tile matrix set</translation>
    </message>
    <message>
      <location filename="plugin/processing/offline_algorithm.py" line="79" />
      <source>Tiles</source>
      <translation>Tile</translation>
    </message>
    <message>
      <location filename="scripts/run_pipeline.py" line="119" />
      <source>Time: {seconds:.1f} s</source>
      <translation>Waktu: {seconds:.1f} detik</translation>
    </message>
    <message>
      <location filename="plugin/gui/basemap_menu.py" line="24" />
      <source>Title</source>
      <translation>Judul</translation>
    </message>
    <message>
      <location filename="plugin/gis/atlas.py" line="790" />
      <source>Total {region}</source>
      <translation>Jumlah {region}</translation>
    </message>
    <message>
      <location filename="plugin/gis/duplicate_review.py" line="346" />
      <source>Two rows of group {group} have the same row number and NIK, so a decision could not tell them apart on the next run.</source>
      <translation>Dua baris kelompok {group} memiliki nomor baris dan NIK yang sama, sehingga keputusan tidak dapat membedakannya pada proses berikutnya.</translation>
    </message>
    <message>
      <location filename="plugin/gui/review_panel.py" line="225" />
      <source>Type the Kemendagri code of the village to give to every selected row.</source>
      <translation>Ketik kode Kemendagri desa yang diberikan kepada setiap baris terpilih.</translation>
    </message>
    <message>
      <location filename="plugin/gui/basemap_menu.py" line="24" />
      <source>URL</source>
      <translation>URL</translation>
    </message>
    <message>
      <location filename="plugin/gis/layout.py" line="289" />
      <source>UTM projection zone {zone}N, WGS 84 datum</source>
      <translation>Proyeksi UTM zona {zone}U, datum WGS 84</translation>
    </message>
    <message>
      <location filename="plugin/gis/layout.py" line="290" />
      <source>UTM projection zone {zone}S, WGS 84 datum</source>
      <translation>Proyeksi UTM zona {zone}S, datum WGS 84</translation>
    </message>
    <message>
      <location filename="plugin/gui/duplicate_panel.py" line="41" />
      <source>Undecided groups</source>
      <translation>Kelompok belum diputuskan</translation>
    </message>
    <message>
      <location filename="plugin/gui/duplicate_panel.py" line="309" />
      <source>Undo decision</source>
      <translation>Batalkan keputusan</translation>
    </message>
    <message>
      <location filename="plugin/gui/review_panel.py" line="380" />
      <source>Unexpected error while listing the rows to review: {details}</source>
      <translation>Kesalahan tak terduga saat mendaftar baris yang perlu ditinjau: {details}</translation>
    </message>
    <message>
      <location filename="plugin/gui/dock.py" line="567" />
      <source>Unexpected error while processing the table: {details}</source>
      <translation>Kesalahan tak terduga saat memproses tabel: {details}</translation>
    </message>
    <message>
      <location filename="plugin/gui/dock.py" line="455" />
      <source>Unexpected error while reading the table: {details}</source>
      <translation>Kesalahan tak terduga saat membaca tabel: {details}</translation>
    </message>
    <message>
      <location filename="plugin/gis/basemaps.py" line="159" />
      <source>Unknown boundary level '{level}' in '{title}'. Known levels: {levels}.</source>
      <translation>Tingkat batas wilayah '{level}' di '{title}' tidak dikenal. Tingkat yang dikenal: {levels}.</translation>
    </message>
    <message>
      <location filename="plugin/core/indicators.py" line="615" />
      <source>Unknown classification method '{method}'. Use one of: {methods}.</source>
      <translation>Metode klasifikasi '{method}' tidak dikenal. Gunakan salah satu dari: {methods}.</translation>
    </message>
    <message>
      <location filename="plugin/gis/thematic.py" line="179" />
      <source>Unknown colour ramp '{ramp}'. Use one of: {ramps}.</source>
      <translation>Gradasi warna '{ramp}' tidak dikenal. Gunakan salah satu dari: {ramps}.</translation>
    </message>
    <message>
      <location filename="plugin/gis/pipeline.py" line="85" />
      <source>Unknown coordinate reference system: {crs}</source>
      <translation>Sistem referensi koordinat tidak dikenal: {crs}</translation>
    </message>
    <message>
      <location filename="plugin/processing/algorithms.py" line="187" />
      <source>Unknown field '{field}' in the column mapping. Known fields: {fields}.</source>
      <translation>Kolom '{field}' pada pemetaan kolom tidak dikenal. Kolom yang dikenal: {fields}.</translation>
    </message>
    <message>
      <location filename="plugin/core/indicators.py" line="342" />
      <source>Unknown indicator '{key}'. Known indicators: {keys}.</source>
      <translation>Indikator '{key}' tidak dikenal. Indikator yang dikenal: {keys}.</translation>
    </message>
    <message>
      <location filename="plugin/gis/atlas.py" line="133" />
      <source>Unknown label mode '{name}'. Use none, value or name_value.</source>
      <translation>Mode label '{name}' tidak dikenal. Gunakan none, value atau name_value.</translation>
    </message>
    <message>
      <location filename="plugin/gis/atlas.py" line="130" />
      <source>Unknown output format '{name}'. Use pdf, png or svg.</source>
      <translation>Format keluaran '{name}' tidak dikenal. Gunakan pdf, png atau svg.</translation>
    </message>
    <message>
      <location filename="plugin/gis/layout.py" line="297" />
      <source>Unknown paper '{paper}' or orientation '{orientation}'. Use A4 or A3, and lanskap (landscape) or potret (portrait).</source>
      <translation>Kertas '{paper}' atau orientasi '{orientation}' tidak dikenal. Gunakan A4 atau A3, dan lanskap atau potret.</translation>
    </message>
    <message>
      <location filename="plugin/gis/boundaries.py" line="91" />
      <source>Unknown role '{role}' in the boundary fields. Known roles: {roles}.</source>
      <translation>Peran '{role}' pada kolom batas wilayah tidak dikenal. Peran yang dikenal: {roles}.</translation>
    </message>
    <message>
      <location filename="plugin/gis/basemaps.py" line="125" />
      <source>Unknown service kind '{kind}' in '{title}'. Known kinds: {kinds}.</source>
      <translation>Jenis layanan '{kind}' di '{title}' tidak dikenal. Jenis yang dikenal: {kinds}.</translation>
    </message>
    <message>
      <location filename="plugin/gui/map_panel.py" line="205" />
      <source>Upper bounds, e.g. 10, 50, 100</source>
      <translation>Batas atas, mis. 10, 50, 100</translation>
    </message>
    <message>
      <location filename="plugin/gui/map_panel.py" line="226" />
      <source>Value</source>
      <translation>Nilai</translation>
    </message>
    <message>
      <location filename="plugin/gui/duplicate_panel.py" line="74" />
      <source>Village</source>
      <translation>Desa</translation>
    </message>
    <message>
      <location filename="plugin/gui/dock.py" line="234" />
      <source>Village (desa) polygon layer of the project, in BIG's field layout (KDEPUM, NAMOBJ, WADMKC, ...) or with kode and nama fields.</source>
      <translation>Lapisan poligon desa dari proyek, dengan struktur kolom BIG (KDEPUM, NAMOBJ, WADMKC, ...) atau dengan kolom kode dan nama.</translation>
    </message>
    <message>
      <location filename="plugin/gui/review_panel.py" line="64" />
      <source>Village (table)</source>
      <translation>Desa (tabel)</translation>
    </message>
    <message>
      <location filename="plugin/gui/dock.py" line="802" />
      <source>Village assigned by hand</source>
      <translation>Desa ditetapkan manual</translation>
    </message>
    <message>
      <location filename="plugin/gui/pickers.py" line="88" />
      <source>Village boundaries</source>
      <translation>Batas desa</translation>
    </message>
    <message>
      <location filename="plugin/gui/map_panel.py" line="288" />
      <source>Village boundary layer that gives the region names and polygons. The boundaries of the last run are chosen after each run.</source>
      <translation>Lapisan batas desa yang memberi nama dan poligon wilayah. Batas wilayah dari proses terakhir dipilih setelah setiap proses.</translation>
    </message>
    <message>
      <location filename="plugin/gui/review_panel.py" line="174" />
      <source>Village boundary layer that gives the village names and polygons. Assigning a village checks its code and re-snaps the row against these boundaries.</source>
      <translation>Layer batas desa yang memberi nama dan poligon desa. Saat desa ditetapkan, kodenya diperiksa dan baris dicocokkan ulang dengan batas ini.</translation>
    </message>
    <message>
      <location filename="plugin/gui/duplicate_panel.py" line="73" />
      <source>Village code</source>
      <translation>Kode desa</translation>
    </message>
    <message>
      <location filename="plugin/gis/review.py" line="333" />
      <source>Village code {code} is not in the village boundary layer.</source>
      <translation>Kode desa {code} tidak ada di layer batas desa.</translation>
    </message>
    <message>
      <location filename="plugin/gis/review.py" line="316" />
      <source>Village code {code} is not in the village boundary layer. Type a village code such as 17.04.01.2001.</source>
      <translation>Kode desa {code} tidak ada di layer batas desa. Ketik kode desa seperti 17.04.01.2001.</translation>
    </message>
    <message>
      <location filename="plugin/gui/dock.py" line="801" />
      <source>Village found by coordinate</source>
      <translation>Desa ditemukan menurut koordinat</translation>
    </message>
    <message>
      <location filename="plugin/gis/pipeline.py" line="254" />
      <source>Village found by method:</source>
      <translation>Desa ditemukan menurut metode:</translation>
    </message>
    <message>
      <location filename="plugin/gui/review_panel.py" line="47" />
      <source>Village found by name with a low score</source>
      <translation>Desa ditemukan dari nama dengan skor rendah</translation>
    </message>
    <message>
      <location filename="plugin/gui/dock.py" line="799" />
      <source>Village found by region code</source>
      <translation>Desa ditemukan menurut kode wilayah</translation>
    </message>
    <message>
      <location filename="plugin/gui/dock.py" line="800" />
      <source>Village found by village name</source>
      <translation>Desa ditemukan menurut nama desa</translation>
    </message>
    <message>
      <location filename="plugin/gis/boundaries.py" line="72" />
      <source>Village name</source>
      <translation>Nama desa</translation>
    </message>
    <message>
      <location filename="plugin/gui/review_panel.py" line="46" />
      <source>Village name differs from the code (nama_desa_beda_kode)</source>
      <translation>Nama desa berbeda dengan kodenya (nama_desa_beda_kode)</translation>
    </message>
    <message>
      <location filename="plugin/gui/review_panel.py" line="506" />
      <source>Village {code} {name} assigned to {n} rows.</source>
      <translation>Desa {code} {name} ditetapkan untuk {n} baris.</translation>
    </message>
    <message>
      <location filename="plugin/gui/duplicate_panel.py" line="101" />
      <source>Villages</source>
      <translation>Desa/kelurahan</translation>
    </message>
    <message>
      <location filename="plugin/gui/review_panel.py" line="210" />
      <source>Villages to choose from</source>
      <translation>Desa yang dapat dipilih</translation>
    </message>
    <message>
      <location filename="plugin/gui/review_panel.py" line="214" />
      <source>Villages whose names are closest to the row's village name, and the village containing the row's point when it is not the registered one.</source>
      <translation>Desa dengan nama paling mirip dengan nama desa pada baris, dan desa tempat titik baris berada bila bukan desa terdaftarnya.</translation>
    </message>
    <message>
      <location filename="plugin/gui/map_panel.py" line="232" />
      <source>Write the summary table</source>
      <translation>Tulis tabel ringkasan</translation>
    </message>
    <message>
      <location filename="plugin/gis/pipeline.py" line="468" />
      <source>Writing results</source>
      <translation>Menulis hasil</translation>
    </message>
    <message>
      <location filename="plugin/gis/offline.py" line="584" />
      <source>Writing the boundaries…</source>
      <translation>Menulis batas wilayah…</translation>
    </message>
    <message>
      <location filename="plugin/gis/offline.py" line="341" />
      <source>Writing the layer {name} into {path} failed: {error}</source>
      <translation>Penulisan layer {name} ke {path} gagal: {error}</translation>
    </message>
    <message>
      <location filename="plugin/gis/offline.py" line="495" />
      <source>Writing the project {path} failed: {error}</source>
      <translation>Penulisan proyek {path} gagal: {error}</translation>
    </message>
    <message>
      <location filename="plugin/gis/offline.py" line="597" />
      <source>Writing the project…</source>
      <translation>Menulis proyek…</translation>
    </message>
    <message>
      <source>Writing the results to {folder} failed: {error}. Check that the folder is writable and that {file} is not open in another program.</source>
      <translation type="obsolete" />
    </message>
    <message>
      <location filename="plugin/processing/offline_algorithm.py" line="63" />
      <source>XYZ tile URL instead of the base map above</source>
      <translation>URL tile XYZ sebagai pengganti peta dasar di atas</translation>
    </message>
    <message>
      <location filename="plugin/processing/offline_algorithm.py" line="84" />
      <source>XYZ tiles</source>
      <translation>Tile XYZ</translation>
    </message>
    <message>
      <location filename="plugin/gui/duplicate_panel.py" line="314" />
      <source>Zoom the map to the rows of the group and select them.</source>
      <translation>Perbesar peta ke baris-baris kelompok dan pilih baris tersebut.</translation>
    </message>
    <message>
      <location filename="plugin/gui/duplicate_panel.py" line="313" />
      <source>Zoom to group</source>
      <translation>Perbesar ke kelompok</translation>
    </message>
    <message>
      <location filename="plugin/gui/dock.py" line="170" />
      <source>automatic</source>
      <translation>otomatis</translation>
    </message>
    <message>
      <location filename="plugin/gis/atlas.py" line="434" />
      <source>district</source>
      <translation>kecamatan</translation>
    </message>
    <message>
      <location filename="plugin/gui/dock.py" line="296" />
      <source>e.g. 17.04</source>
      <translation>mis. 17.04</translation>
    </message>
    <message>
      <location filename="plugin/gui/offline_dialog.py" line="92" />
      <source>e.g. 17.04.01</source>
      <translation>mis. 17.04.01</translation>
    </message>
    <message>
      <location filename="plugin/gui/dock.py" line="246" />
      <source>or file</source>
      <translation>atau berkas</translation>
    </message>
    <message>
      <location filename="plugin/gis/atlas.py" line="434" />
      <source>province</source>
      <translation>provinsi</translation>
    </message>
    <message>
      <location filename="plugin/gis/atlas.py" line="434" />
      <source>regency/city</source>
      <translation>kabupaten/kota</translation>
    </message>
    <message>
      <location filename="plugin/gis/pipeline.py" line="273" />
      <source>tab</source>
      <translation>tab</translation>
    </message>
    <message>
      <location filename="plugin/gis/atlas.py" line="449" />
      <source>total {n}</source>
      <translation>total {n}</translation>
    </message>
    <message>
      <location filename="plugin/gis/atlas.py" line="435" />
      <source>village</source>
      <translation>desa/kelurahan</translation>
    </message>
    <message>
      <location filename="plugin/gui/review_panel.py" line="426" />
      <source>{code} {name} (name score {score:.0f})</source>
      <translation>{code} {name} (skor nama {score:.0f})</translation>
    </message>
    <message>
      <location filename="plugin/gui/review_panel.py" line="423" />
      <source>{code} {name} (village containing the point)</source>
      <translation>{code} {name} (desa tempat titik berada)</translation>
    </message>
    <message>
      <location filename="plugin/gui/offline_dialog.py" line="187" />
      <source>{count} tiles at zoom levels {min}-{max}.</source>
      <translation>{count} tile pada tingkat zoom {min}-{max}.</translation>
    </message>
    <message>
      <location filename="plugin/gis/basemaps.py" line="113" />
      <source>{field} must be a whole number, not '{value}'.</source>
      <translation>{field} harus bilangan bulat, bukan '{value}'.</translation>
    </message>
    <message>
      <location filename="plugin/gis/basemaps.py" line="150" />
      <source>{field} of '{title}' must be between 0 and {max}, not {value}.</source>
      <translation>{field} '{title}' harus antara 0 dan {max}, bukan {value}.</translation>
    </message>
    <message>
      <location filename="plugin/gui/duplicate_panel.py" line="571" />
      <source>{groups} groups ({rows} rows), {undecided} undecided</source>
      <translation>{groups} kelompok ({rows} baris), {undecided} belum diputuskan</translation>
    </message>
    <message>
      <location filename="plugin/gui/mapping_panel.py" line="380" />
      <source>{header} (column {number})</source>
      <translation>{header} (kolom {number})</translation>
    </message>
    <message>
      <location filename="plugin/gis/atlas.py" line="441" />
      <source>{indicator} per {level}</source>
      <translation>{indicator} per {level}</translation>
    </message>
    <message>
      <location filename="plugin/gui/task.py" line="249" />
      <source>{kind} (message not shown because it may contain personal data)
Traceback (most recent call last):
{stack}</source>
      <translation>{kind} (pesan tidak ditampilkan karena mungkin memuat data pribadi)
Traceback (most recent call last):
{stack}</translation>
    </message>
    <message>
      <location filename="plugin/gui/review_panel.py" line="331" />
      <source>{label} ({n})</source>
      <translation>{label} ({n})</translation>
    </message>
    <message>
      <location filename="plugin/processing/offline_algorithm.py" line="124" />
      <source>{layer}: {count} features</source>
      <translation>{layer}: {count} fitur</translation>
    </message>
    <message>
      <location filename="plugin/core/indicators.py" line="769" />
      <source>{mark} also hidden, to protect {text}</source>
      <translation>{mark} ikut disembunyikan, melindungi {text}</translation>
    </message>
    <message>
      <location filename="plugin/gis/atlas.py" line="811" />
      <source>{mark} hidden so that counts {text} cannot be worked out</source>
      <translation>{mark} disembunyikan agar angka {text} tidak dapat dihitung</translation>
    </message>
    <message>
      <location filename="plugin/processing/algorithms.py" line="438" />
      <source>{n} decisions on duplicate groups were read from the input GeoPackage.</source>
      <translation>{n} keputusan atas kelompok duplikat dibaca dari GeoPackage masukan.</translation>
    </message>
    <message>
      <location filename="plugin/gis/pipeline.py" line="441" />
      <source>{n} invalid village polygons were repaired.</source>
      <translation>{n} poligon desa yang tidak valid telah diperbaiki.</translation>
    </message>
    <message>
      <location filename="plugin/processing/algorithms.py" line="634" />
      <source>{n} regions with small counts are hatched.</source>
      <translation>{n} wilayah dengan jumlah kecil diarsir.</translation>
    </message>
    <message>
      <location filename="plugin/gis/atlas.py" line="461" />
      <source>{n} rows without a village code are left off the map.</source>
      <translation>{n} baris tanpa kode desa tidak masuk peta.</translation>
    </message>
    <message>
      <location filename="plugin/processing/algorithms.py" line="631" />
      <source>{n} rows without a village code are not on the map.</source>
      <translation>{n} baris tanpa kode desa tidak ada di peta.</translation>
    </message>
    <message>
      <location filename="plugin/gis/pipeline.py" line="452" />
      <source>{n} villages assigned by hand were kept from the earlier results.</source>
      <translation>{n} desa yang ditetapkan manual dipertahankan dari hasil sebelumnya.</translation>
    </message>
    <message>
      <location filename="plugin/gui/map_panel.py" line="566" />
      <source>{pages} of {total} pages written to {path}</source>
      <translation>{pages} dari {total} halaman ditulis ke {path}</translation>
    </message>
    <message>
      <location filename="plugin/gui/dock.py" line="735" />
      <source>{path} could not be deleted: {error}</source>
      <translation>{path} tidak dapat dihapus: {error}</translation>
    </message>
    <message>
      <location filename="plugin/processing/algorithms.py" line="84" />
      <source>{path} is not a table file that DTKS Spasial reads. Choose a CSV, TXT, TSV, XLSX, XLSM, XLS or ODS file.</source>
      <translation>{path} bukan berkas tabel yang dapat dibaca DTKS Spasial. Pilih berkas CSV, TXT, TSV, XLSX, XLSM, XLS atau ODS.</translation>
    </message>
    <message>
      <location filename="plugin/core/indicators.py" line="337" />
      <source>{programme} recipients</source>
      <translation>Penerima {programme}</translation>
    </message>
  </context>
</TS>
