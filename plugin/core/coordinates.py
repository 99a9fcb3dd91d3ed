"""Parsing of recipient coordinates and the checks on them."""

import re

# Indonesia's extent in degrees, with a small margin for its outer islands.
LAT_MIN, LAT_MAX = -11.5, 6.5
LON_MIN, LON_MAX = 94.5, 141.5

_DMS = re.compile(
    r"^\s*(\d+(?:[.,]\d+)?)\s*[°º:\s]\s*(?:(\d+(?:[.,]\d+)?)\s*['′:\s]?\s*)?"
    r"(?:(\d+(?:[.,]\d+)?)\s*(?:\"|″|''))?\s*(LU|LS|BT|BB|N|S|E|W)?\s*$",
    re.IGNORECASE)
_NEGATIVE_HEMISPHERES = {"LS", "S", "BB", "W"}


def parse_degrees(raw: str):
    """Parse a decimal or DMS coordinate text and return degrees, or None."""
    text = (raw or "").strip()
    if not text:
        return None
    plain = text.replace(",", ".")
    try:
        return float(plain)
    except ValueError:
        pass
    match = _DMS.match(text)
    if not match:
        return None
    degrees, minutes, seconds, hemisphere = match.groups()
    value = float(degrees.replace(",", "."))
    value += float((minutes or "0").replace(",", ".")) / 60
    value += float((seconds or "0").replace(",", ".")) / 3600
    if hemisphere and hemisphere.upper() in _NEGATIVE_HEMISPHERES:
        value = -value
    return value


def split_combined(raw: str):
    """Split one "lat, lon" or "lat lon" text into two parts, or return None."""
    text = (raw or "").strip()
    if not text:
        return None
    for separator in (";", ", ", ",", " "):
        parts = [part for part in text.split(separator) if part.strip()]
        if len(parts) == 2:
            return parts[0], parts[1]
    return None


def _inside_indonesia(lat, lon):
    return LAT_MIN <= lat <= LAT_MAX and LON_MIN <= lon <= LON_MAX


def read_point(lat_raw: str, lon_raw: str, transform=None):
    """Return (lat, lon, swapped, problems) for one row's coordinate texts.

    Blank and zero values mean no coordinate: (None, None, False, []). A
    pair that only makes sense swapped is swapped back and reported so.
    ``transform`` maps projected (x, y) numbers, e.g. UTM easting and
    northing, to (lon, lat). The latitude column then contains y.
    """
    lat = parse_degrees(lat_raw)
    lon = parse_degrees(lon_raw)
    if transform is not None and lat is not None and lon is not None and (lat or lon):
        return _read_projected(lat, lon, transform)
    if lat is None and lon is None:
        unreadable = bool((lat_raw or "").strip() or (lon_raw or "").strip())
        return None, None, False, (["koordinat_tidak_valid"] if unreadable else [])
    if lat is None or lon is None:
        return None, None, False, ["koordinat_tidak_valid"]
    if lat == 0 and lon == 0:
        return None, None, False, []
    if _inside_indonesia(lat, lon):
        return lat, lon, False, []
    if _inside_indonesia(lon, lat):
        return lon, lat, True, ["koordinat_tertukar"]
    if abs(lat) > 90 or abs(lon) > 180:
        return None, None, False, ["koordinat_tidak_valid"]
    return lat, lon, False, ["koordinat_di_luar_indonesia"]


def _read_projected(y: float, x: float, transform):
    try:
        lon, lat = transform(x, y)
    except ValueError:
        lon = lat = None
    if lat is not None and _inside_indonesia(lat, lon):
        return lat, lon, False, []
    try:
        lon_swapped, lat_swapped = transform(y, x)
    except ValueError:
        lon_swapped = lat_swapped = None
    if lat_swapped is not None and _inside_indonesia(lat_swapped, lon_swapped):
        return lat_swapped, lon_swapped, True, ["koordinat_tertukar"]
    if lat is None:
        return None, None, False, ["koordinat_tidak_valid"]
    return lat, lon, False, ["koordinat_di_luar_indonesia"]
