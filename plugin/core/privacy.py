"""Masking of identity numbers (NIK, KK) before they are shown on screen."""

# The first six digits of a NIK or KK number are the district code
# (province, regency, district), which is not personal.
VISIBLE_DIGITS = 6
MASK_CHARACTER = "*"


def mask_number(value) -> str:
    """Return a NIK or KK number with everything after the district code masked.

    ``3201011203800001`` becomes ``320101**********``. The length is kept, so
    a number of the wrong length still shows as such. A value of up to six
    characters is masked whole, because it is not a district code followed
    by a personal part. None and empty values return "".
    """
    if value is None:
        return ""
    text = str(value).strip()
    if not text:
        return ""
    if len(text) <= VISIBLE_DIGITS:
        return MASK_CHARACTER * len(text)
    return text[:VISIBLE_DIGITS] + MASK_CHARACTER * (len(text) - VISIBLE_DIGITS)
