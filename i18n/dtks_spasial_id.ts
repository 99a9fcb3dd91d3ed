<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="id_ID" sourcelanguage="en">
  <context>
    <name>DtksSpasial</name>
    <message>
      <location filename="plugin/processing/algorithms.py" line="305" />
      <source>A map needs a region code (REGION).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="plugin/gis/pipeline.py" line="116" />
      <source>Coordinate status:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="plugin/processing/algorithms.py" line="98" />
      <source>DTKS table (CSV/XLSX)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="plugin/processing/algorithms.py" line="198" />
      <source>Duplicate groups</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="plugin/processing/algorithms.py" line="100" />
      <source>Excel sheet (empty: the first)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="plugin/processing/algorithms.py" line="229" />
      <source>Export thematic map</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="plugin/core/table_reader.py" line="167" />
      <source>File format '{extension}' is not supported. Use CSV, TXT or XLSX.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="plugin/core/table_reader.py" line="159" />
      <source>File not found: {name}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="plugin/processing/algorithms.py" line="185" />
      <source>Find suspected duplicates</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="plugin/gis/pipeline.py" line="238" />
      <source>Finding each recipient's village</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="plugin/gis/pipeline.py" line="243" />
      <source>Finding suspected duplicates</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="plugin/processing/algorithms.py" line="145" />
      <source>Gives each recipient its registered village: by region code when the code exists in the boundaries, else by village name within the named district and regency (fuzzy, ignoring case, spacing and prefixes such as DESA, KEL., DS.), else by the village containing its coordinate. The coordinate is compared with that village (status_koordinat: sesuai, beda_desa, tertukar, di_luar_wilayah, tanpa_koordinat). Recipients without a coordinate get a point inside their village, marked lokasi_perkiraan.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="plugin/processing/algorithms.py" line="188" />
      <source>Groups rows that probably belong to one person: the same NIK on several rows, NIKs one digit apart in one family card with a similar name and the same birth date, and a similar name with the same birth date and sex in the same district. Each group gets an id (kelompok_duplikat) and a short reason (alasan_duplikat).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="plugin/processing/algorithms.py" line="86" />
      <source>Import DTKS table</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="plugin/processing/algorithms.py" line="274" />
      <source>Imports a DTKS table, snaps recipients to the village boundaries, finds suspected duplicates and prints the map of a region. Results go into one GeoPackage: penerima (recipients), ditolak (rejected rows), kelompok_duplikat (duplicate groups) and jumlah_per_desa (recipients per village of the region). BOUNDARIES may be a layer or a file; in a file with several levels the village level is picked from its codes.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="plugin/gis/pipeline.py" line="203" />
      <source>Invalid region code '{code}'. Use a Kemendagri code such as 17 or 17.04 or 17.04.01.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="plugin/gis/pipeline.py" line="108" />
      <source>Loaded: {n}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="plugin/processing/algorithms.py" line="243" />
      <source>Map (PDF)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="plugin/gis/pipeline.py" line="49" />
      <source>No NIK or NAMA column found in the table. Check that the header row has the usual DTKS column names.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="plugin/gis/boundaries.py" line="99" />
      <source>No village boundary layer found: a polygon layer with a region code field (KDEPUM or kode) is required.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="plugin/gis/pipeline.py" line="119" />
      <source>Points placed inside their village (approximate): {n}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="plugin/processing/algorithms.py" line="232" />
      <source>Prints an A4 landscape map of recipients per village for a region code (province, regency, district or village) to PDF. Each recipient counts once, in its registered village (kode_desa). The map shows counts per village only, never names or NIK.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="plugin/gis/pipeline.py" line="122" />
      <source>Problems found in loaded rows:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="plugin/gis/pipeline.py" line="222" />
      <source>Reading the table</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="plugin/gis/pipeline.py" line="227" />
      <source>Reading village boundaries</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="plugin/processing/algorithms.py" line="89" />
      <source>Reads a DTKS or DTSEN table (CSV, TXT or XLSX) into a recipient layer. Rows with usable coordinates become points; the others are kept without geometry. NIK and KK numbers are kept as text. Rows that are not records (blank rows, repeated headers, total rows) go to the rejected table with their reason. The source file is only read, never changed.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="plugin/processing/algorithms.py" line="71" />
      <source>Recipient layer</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="plugin/processing/algorithms.py" line="67" />
      <source>Recipients</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="plugin/processing/algorithms.py" line="241" />
      <source>Region code (e.g. 17.04)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="plugin/processing/algorithms.py" line="289" />
      <source>Region code to map (e.g. 17.04)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="plugin/gis/pipeline.py" line="207" />
      <source>Region code {code} has no village in the boundary layer. Check the code or the boundary layer.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="plugin/processing/algorithms.py" line="103" />
      <source>Rejected rows</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="plugin/gis/pipeline.py" line="109" />
      <source>Rejected: {n}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="plugin/processing/algorithms.py" line="291" />
      <source>Result GeoPackage</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="plugin/processing/algorithms.py" line="105" />
      <source>Rows loaded</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="plugin/processing/algorithms.py" line="104" />
      <source>Rows read</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="plugin/gis/pipeline.py" line="107" />
      <source>Rows read: {n}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="plugin/processing/algorithms.py" line="106" />
      <source>Rows rejected</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="plugin/processing/algorithms.py" line="271" />
      <source>Run the whole DTKS job</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="plugin/core/table_reader.py" line="119" />
      <source>Sheet '{sheet}' not found in the Excel file.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="plugin/processing/algorithms.py" line="142" />
      <source>Snap recipients to village boundaries</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="plugin/processing/algorithms.py" line="199" />
      <source>Suspected duplicate groups</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="plugin/gis/pipeline.py" line="125" />
      <source>Suspected duplicate groups: {groups} ({rows} rows)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="plugin/core/table_reader.py" line="114" />
      <source>The Excel file cannot be opened ({error}). Check that it is a valid XLSX file.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="plugin/core/table_reader.py" line="109" />
      <source>The Python package 'openpyxl' is not installed, so Excel files cannot be read.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="plugin/gis/boundaries.py" line="102" />
      <source>The boundary layer is not at village level (its codes are not of the form PP.KK.CC.DDDD). Choose the village (desa) layer.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="plugin/core/table_reader.py" line="57" />
      <source>The file cannot be read as text: its encoding is not UTF-8, UTF-16 or Windows-1252.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="plugin/core/table_reader.py" line="170" />
      <source>The file is empty: it has no rows to read.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="plugin/processing/algorithms.py" line="50" />
      <source>The layer is not a recipient layer of DTKS Spasial: fields {fields} are missing. Run 'Import DTKS table' first.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="plugin/processing/algorithms.py" line="46" />
      <source>The recipient layer could not be opened.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="plugin/processing/algorithms.py" line="40" />
      <source>The village boundary layer could not be opened.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="plugin/gis/boundaries.py" line="136" />
      <source>The village boundary layer has no polygon with a valid region code.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="plugin/processing/algorithms.py" line="75" />
      <source>Village boundaries</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="plugin/gis/pipeline.py" line="113" />
      <source>Village found by method:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="plugin/gis/pipeline.py" line="249" />
      <source>Writing results</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="plugin/gis/pipeline.py" line="230" />
      <source>{n} invalid village polygons were repaired.</source>
      <translation type="unfinished" />
    </message>
  </context>
</TS>
