"""Boundary layers as they come: BIG layout, other field names, other formats and CRSs."""

import pytest
from qgis.core import (
    QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsCoordinateTransformContext, QgsFeature, QgsFeatureRequest,
    QgsField, QgsFields, QgsGeometry, QgsSettings, QgsVectorFileWriter, QgsVectorLayer,
)
from qgis.PyQt.QtCore import QVariant

from dtks_spasial.plugin.gis.boundaries import (
    BoundaryError, detect_fields, detect_level, fields_from_text, fields_to_text, load_villages,
    save_field_mapping, saved_field_mapping,
)

DISTRICT = "17.04.01"   # the first district of Kabupaten Kaur
RENAMED = {"KDEPUM": "KD_WIL", "NAMOBJ": "DESA_NM", "WADMKC": "KEC_NM", "WADMKK": "KAB_NM"}


@pytest.fixture(scope="module")
def bengkulu_desa(data_dir):
    return QgsVectorLayer(f"{data_dir / 'batas_bengkulu.gpkg'}|layername=desa", "desa", "ogr")


def _district_features(layer):
    request = QgsFeatureRequest().setFilterExpression(f"\"KDCPUM\" = '{DISTRICT}'")
    return list(layer.getFeatures(request))


def _write(path, driver, layer, features, crs="EPSG:4326", renamed=None, layer_name="desa"):
    """Write features to a file with QGIS's writer, renaming fields and reprojecting."""
    renamed = renamed or {}
    fields = QgsFields()
    for field in layer.fields():
        if field.name().lower() == "fid":
            continue
        fields.append(QgsField(renamed.get(field.name(), field.name()), QVariant.String))
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName = driver
    options.layerName = layer_name
    target = QgsCoordinateReferenceSystem(crs)
    writer = QgsVectorFileWriter.create(str(path), fields, layer.wkbType(), target,
                                        QgsCoordinateTransformContext(), options)
    assert writer.hasError() == QgsVectorFileWriter.WriterError.NoError, writer.errorMessage()
    transform = QgsCoordinateTransform(layer.crs(), target, QgsCoordinateTransformContext())
    for source in features:
        feature = QgsFeature(fields)
        feature.setAttributes([str(source[name]) for name in layer.fields().names()
                               if name.lower() != "fid"])
        geometry = QgsGeometry(source.geometry())
        geometry.transform(transform)
        feature.setGeometry(geometry)
        writer.addFeature(feature)
    del writer


def _signature(villages):
    """Codes, names and rounded areas (in degrees²) of a VillageLayer."""
    return {code: (village.name, village.kecamatan, round(villages.geometries[code].area(), 6))
            for code, village in villages.villages.items()}


def test_levels_detected(data_dir):
    path = data_dir / "batas_bengkulu.gpkg"
    levels = {name: detect_level(QgsVectorLayer(f"{path}|layername={name}", name, "ogr"))
              for name in ("provinsi", "kabupaten", "kecamatan", "desa")}
    assert levels == {"provinsi": 1, "kabupaten": 2, "kecamatan": 3, "desa": 4}
    jabar = QgsVectorLayer(f"{data_dir / 'batas_jabar_desa.gpkg'}|layername=desa", "j", "ogr")
    assert detect_level(jabar) == 4


def test_whole_file_picks_village_level(data_dir):
    villages = load_villages(str(data_dir / "batas_bengkulu.gpkg"))
    assert len(villages.villages) == 1513
    assert villages.repaired == 0     # the shared file was repaired when it was made


def test_file_geodatabase_and_utm_shapefile_agree(bengkulu_desa, tmp_path):
    features = _district_features(bengkulu_desa)
    reference = load_villages(bengkulu_desa)
    expected = {code: value for code, value in _signature(reference).items()
                if code.startswith(DISTRICT + ".")}
    assert len(expected) == len(features) == 14

    gdb = tmp_path / "batas.gdb"
    _write(gdb, "OpenFileGDB", bengkulu_desa, features)
    from_gdb = load_villages(str(gdb))
    assert _signature(from_gdb) == expected

    shapefile = tmp_path / "batas_utm.shp"
    _write(shapefile, "ESRI Shapefile", bengkulu_desa, features, crs="EPSG:32748")
    from_utm = load_villages(str(shapefile))
    assert set(from_utm.villages) == set(expected)
    # Back in EPSG:4326 the areas agree to a millionth of a square degree or so.
    for code, (name, district, area) in expected.items():
        assert from_utm.villages[code].name == name
        assert abs(from_utm.geometries[code].area() - area) < 2e-6


def test_other_field_names_through_a_mapping(bengkulu_desa, tmp_path):
    features = _district_features(bengkulu_desa)
    path = tmp_path / "lain.gpkg"
    _write(path, "GPKG", bengkulu_desa, features, renamed=RENAMED)
    with pytest.raises(BoundaryError):
        load_villages(str(path))

    mapping = fields_from_text("kode=KD_WIL;nama=DESA_NM;kecamatan=KEC_NM;kabupaten=KAB_NM")
    villages = load_villages(str(path), fields=mapping)
    assert len(villages.villages) == 14
    village = villages.villages[DISTRICT + ".2001"]
    assert (village.kecamatan, village.kabupaten) == ("Kinal", "Kabupaten Kaur")

    layer = QgsVectorLayer(f"{path}|layername=desa", "desa", "ogr")
    try:
        save_field_mapping(layer, mapping)
        assert saved_field_mapping(layer) == mapping
        assert detect_fields(layer)["kode"] == "KD_WIL"
        assert len(load_villages(layer).villages) == 14
    finally:
        save_field_mapping(layer, {})
    assert saved_field_mapping(layer) == {}
    assert QgsSettings().value("DtksSpasial/boundaryFields", None) is None


def test_field_mapping_text():
    mapping = {"nama": "NAMA", "kode": "KODE"}
    assert fields_to_text(mapping) == "kode=KODE;nama=NAMA"
    assert fields_from_text(" kode = KODE ; nama=NAMA;") == {"kode": "KODE", "nama": "NAMA"}
    with pytest.raises(ValueError, match="Unknown role 'warna'"):
        fields_from_text("warna=MERAH")
    with pytest.raises(ValueError, match="role 'kode' has no field: write kode=FIELD_NAME"):
        fields_from_text("kode")
    with pytest.raises(ValueError, match="role 'kode' is given twice"):
        fields_from_text("kode=A;kode=B")


def test_missing_mapped_field_named(bengkulu_desa, tmp_path):
    path = tmp_path / "lain.gpkg"
    _write(path, "GPKG", bengkulu_desa, _district_features(bengkulu_desa), renamed=RENAMED)
    with pytest.raises(BoundaryError, match="The field 'NOPE' given for 'kode' is not in the "
                                            "boundary layer 'desa'. Its fields are: fid, "
                                            "DESA_NM, TIPADM"):
        load_villages(str(path), fields={"kode": "NOPE", "nama": "DESA_NM"})


def test_invalid_polygons_repaired_and_counted(qgis_app):
    layer = QgsVectorLayer("MultiPolygon?crs=EPSG:4326&field=kode:string&field=nama:string",
                           "desa", "memory")
    bow_tie = QgsFeature(layer.fields())
    bow_tie.setAttributes(["17.04.01.2001", "Kupu"])
    bow_tie.setGeometry(QgsGeometry.fromWkt(
        "MULTIPOLYGON(((102 -4, 102.01 -4.01, 102.01 -4, 102 -4.01, 102 -4)))"))
    square = QgsFeature(layer.fields())
    square.setAttributes(["17.04.01.2002", "Kotak"])
    square.setGeometry(QgsGeometry.fromWkt(
        "MULTIPOLYGON(((102.02 -4, 102.03 -4, 102.03 -4.01, 102.02 -4.01, 102.02 -4)))"))
    layer.dataProvider().addFeatures([bow_tie, square])
    villages = load_villages(layer)
    assert villages.repaired == 1
    repaired = villages.geometries["17.04.01.2001"]
    assert repaired.isGeosValid()
    assert round(repaired.area(), 8) == 0.00005
