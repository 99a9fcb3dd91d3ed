"""Generate a DTKS-shaped recipient table with known duplicates and hard negatives.

Usage:
    python scripts/generate_people.py --rows 100000 --seed 1 --out people.csv
        [--truth people_truth.csv] [--codes ../shared/data/wilayah_kemendagri.csv]

The table has the columns of a DTKS extract (NO, IDDTKS, NIK, NO_KK, NAMA,
JENIS_KELAMIN, TGL_LAHIR as DD-MM-YYYY, HUB_KELUARGA, ALAMAT, RT, RW,
KODE_WILAYAH, PROVINSI, KABUPATEN, KECAMATAN, DESA, LATITUDE, LONGITUDE,
DESIL, PKH, BPNT, PBI), without coordinates. People live in households
(one KK number each) in the Jawa Barat villages (codes 32.*) of the
Kemendagri code list. NIKs follow Dukcapil's layout: six digits of the
district of registration, the birth date as DDMMYY with 40 added to the
day for women, and a serial that counts up per district and birth date,
so people of one district born on one day get consecutive serials. The
same seed and row count give the same bytes.

Duplicates (about 2.5 % of the people get one extra row; ``jenis_duplikat``
of the extra row in the truth file):
- ``exact``: the row entered again, sometimes in another letter case;
- ``nik_typo``: one digit changed or two adjacent digits swapped in the NIK,
  and half of them with a name variant, in the same KK and village;
- ``moved``: the same NIK in a village of another district (half of them
  in another regency) with a new KK;
- ``name_variant``: the same NIK and KK with a spelling variant of the name
  (M./Moh./Muh. for Muhammad, St. for Siti, H./Hj. titles, a typo, an
  initial for the last word, words run together, spacing and case);
- ``nik_lain``: the same person under another NIK in a village of the same
  district, with a new KK. Half of these NIKs keep the district and birth
  digits with a serial from 0100 to 0998 (registered again years later),
  half are unrelated. Serials one or two apart are left to the hard
  negatives below, as Dukcapil gives them to different people;
- ``dua_kk``: the same NIK in the same village under a second KK;
- ``kk_dua_desa``: a whole household entered again in another village with
  the same KK number (one extra row per member).

Hard negatives (different people; ``negatif`` in the truth file, with the
row of the other person in ``pasangan``):
- ``kembar``: twins in one KK, born on one day, sharing the surname, with
  consecutive NIK serials;
- ``nama_umum``: people with a common name (MUHAMMAD RIZKI, SITI AMINAH, NUR
  and the like) and one birth date and sex in different districts;
- ``nama_tunggal``: the same for single names (SUPARMI, WARSONO);
- ``nik_berurutan``: two people of other households born on one day in one
  district, whose NIKs are one serial apart.

Truth file columns: ``baris`` (row number in the sheet, header = 1),
``id_orang`` (rows sharing it are one person), ``jenis_duplikat``,
``negatif``, ``pasangan``, ``kode_desa_benar``.
"""

import argparse
import csv
import datetime
import random
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT_CODES = REPO.parent / "shared" / "data" / "wilayah_kemendagri.csv"
HEADER = ["NO", "IDDTKS", "NIK", "NO_KK", "NAMA", "JENIS_KELAMIN", "TGL_LAHIR", "HUB_KELUARGA",
          "ALAMAT", "RT", "RW", "KODE_WILAYAH", "PROVINSI", "KABUPATEN", "KECAMATAN", "DESA",
          "LATITUDE", "LONGITUDE", "DESIL", "PKH", "BPNT", "PBI"]
TRUTH_HEADER = ["baris", "id_orang", "jenis_duplikat", "negatif", "pasangan", "kode_desa_benar"]

MALE = ["MUHAMMAD", "AHMAD", "ABDUL", "AGUS", "BUDI", "DEDI", "ASEP", "UJANG", "DADANG", "RUDI",
        "HENDRA", "IWAN", "YANTO", "EKO", "RIZKI", "FAJAR", "ANDI", "DENI", "ADE", "SEPTIAN",
        "YUSUF", "HASAN", "HUSEIN", "IRWAN", "JAJANG", "CECEP", "ENDANG", "DODI", "RAHMAT",
        "SUPRIYADI", "TATANG", "ARIF", "BAYU", "DIMAS", "GILANG", "HADI", "ILHAM", "JAMAL",
        "KUSNADI", "LUKMAN", "MAMAT", "NANANG", "OMAN", "PUJI", "RIDWAN", "SAEPUL", "TAUFIK",
        "UDIN", "WAHYU", "YAYAT", "ZAENAL", "AAN", "ENCEP", "DADAN", "ROHMAN", "SOLEH"]
FEMALE = ["SITI", "NUR", "DEWI", "SRI", "RINA", "YULI", "ENOK", "IMAS", "NENG", "EUIS", "TITIN",
          "LILIS", "YANTI", "ANI", "AMINAH", "FATIMAH", "AISYAH", "NURUL", "RATNA", "WATI",
          "ENDAH", "IIS", "NINING", "CUCU", "TUTI", "AI", "ELIS", "HANI", "INDAH", "JUJU",
          "KOKOM", "LELA", "MAYA", "NANI", "OCAH", "PUTRI", "RAHMA", "SALSA", "TINA", "UMI",
          "WIDYA", "YAYAH", "ZAHRA", "ANISA", "DIAN", "EVI", "FITRI", "HERNI", "IKA", "LINDA"]
SECOND = ["HIDAYAT", "SETIAWAN", "RAHAYU", "KURNIAWAN", "SAPUTRA", "LESTARI", "WIJAYA",
          "SUTRISNO", "NURHAYATI", "RAHMAN", "SURYANA", "SUDRAJAT", "PERMANA", "GUNAWAN",
          "HERMAWAN", "FAUZI", "RIZKI", "AMINAH", "MULYANA", "SUHENDAR", "KOMARUDIN",
          "NURJANAH", "SOPIAN", "ROSADI", "HAERUDIN", "SUPRIATNA", "FIRMANSYAH", "MAULANA",
          "SAEPUDIN", "RUSTANDI", "HASANAH", "SOLIHIN", "JUNAEDI", "ROHAYATI", "KARTIKA",
          "ANGGRAENI", "PRATAMA", "SUNARYA", "NUGRAHA", "SULAEMAN", "WAHYUDI", "SETIADI",
          "RAMDANI", "KUSNANDAR", "HERYANA", "SUKMANA", "RUKMANA", "TARYANA", "SANUSI"]
SINGLE_MALE = ["WARSONO", "SUKARDI", "KARTA", "DARSO", "TARMAN", "SARMAN", "WAGINO", "SUPARDI",
               "KASIM", "DULLAH", "OMIN", "UDAY", "ENJANG", "OTONG", "NANA", "CASTA", "WARMAN"]
SINGLE_FEMALE = ["SUPARMI", "SUMARNI", "TARSIH", "KARSIH", "WARSIH", "ENAH", "ICIH", "OOM",
                 "EMAH", "ONAH", "SARIAH", "NUR", "KOMALASARI", "RUKIAH", "SANIAH", "WASTI"]
COMMON = [("MUHAMMAD RIZKI", "L"), ("SITI AMINAH", "P"), ("NUR", "P"), ("SITI NURHAYATI", "P"),
          ("MUHAMMAD FAUZI", "L"), ("NUR HASANAH", "P"), ("AHMAD HIDAYAT", "L")]
COMMON_SINGLE = [("SUPARMI", "P"), ("WARSONO", "L"), ("SUMARNI", "P"), ("SUKARDI", "L")]
STREETS = ["Jl. Merdeka", "Jl. Raya", "Kp. Sukamaju", "Dusun Cibodas", "Jl. Pasantren",
           "Kp. Babakan", "Gg. Mawar", "Jl. Siliwangi", "Kp. Cikaret", "Blok Sawah"]

DUPLICATE_SHARE = 0.025
DUPLICATE_KINDS = (("exact", 25), ("nik_typo", 15), ("moved", 15), ("name_variant", 15),
                   ("nik_lain", 10), ("dua_kk", 10), ("kk_dua_desa", 10))
TWIN_SHARE = 0.02
COMMON_SHARE = 0.004
SERIAL_NEIGHBOUR_SHARE = 0.004


def _zipf_weights(count: int) -> list:
    return [1.0 / (rank + 1) ** 0.8 for rank in range(count)]


class Villages:
    """Jawa Barat villages from the Kemendagri code list, indexed by district."""

    def __init__(self, path: Path):
        names, villages = {}, []
        with open(path, encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                code = row["kode"]
                if not code.startswith("32"):
                    continue
                names[code] = row["nama"]
                if row["tingkat"] == "desa":
                    villages.append(code)
        if not villages:
            raise SystemExit(f"generate_people: no Jawa Barat village (code 32.*) in {path}.")
        self.codes = sorted(villages)
        self.names = names
        self.by_district = {}
        for code in self.codes:
            self.by_district.setdefault(code[:8], []).append(code)
        self.districts = sorted(self.by_district)

    def describe(self, code: str) -> list:
        """Return [KODE_WILAYAH, PROVINSI, KABUPATEN, KECAMATAN, DESA] of a village."""
        return [code, self.names.get(code[:2], "").upper(), self.names.get(code[:5], "").upper(),
                self.names.get(code[:8], "").upper(), self.names.get(code, "")]


class Generator:
    def __init__(self, rows: int, seed: int, villages: Villages):
        self.random = random.Random(seed)
        self.rows = rows
        self.villages = villages
        self.serials = {}
        self.people = []  # dicts; one per row before duplicates
        self.person_id = 0
        self.hard = []  # (row index a, row index b, kind)
        self.male_weights = _zipf_weights(len(MALE))
        self.female_weights = _zipf_weights(len(FEMALE))
        self.second_weights = _zipf_weights(len(SECOND))
        self.kk_serials = {}
        self._neighbour = None

    # Numbers -------------------------------------------------------------
    def next_serial(self, prefix: str, counters: dict) -> str:
        counters[prefix] = counters.get(prefix, 0) + 1
        return f"{counters[prefix]:04d}"

    def make_nik(self, district: str, born: datetime.date, sex: str) -> str:
        day = born.day + (40 if sex == "P" else 0)
        prefix = f"{district.replace('.', '')}{day:02d}{born.month:02d}{born.year % 100:02d}"
        return prefix + self.next_serial(prefix, self.serials)

    def make_kk(self, district: str) -> str:
        issued = datetime.date(2005, 1, 1) + datetime.timedelta(days=self.random.randrange(6200))
        prefix = f"{district.replace('.', '')}{issued.day:02d}{issued.month:02d}{issued.year % 100:02d}"
        return prefix + self.next_serial(prefix, self.kk_serials)

    def birth_date(self, oldest: int, youngest: int) -> datetime.date:
        start = datetime.date(2024 - oldest, 1, 1)
        span = (datetime.date(2024 - youngest, 12, 31) - start).days
        return start + datetime.timedelta(days=self.random.randrange(span))

    # Names ---------------------------------------------------------------
    def first_name(self, sex: str) -> str:
        if sex == "L":
            return self.random.choices(MALE, self.male_weights)[0]
        return self.random.choices(FEMALE, self.female_weights)[0]

    def full_name(self, sex: str, surname: str = "") -> str:
        if not surname and self.random.random() < 0.25:
            return self.random.choice(SINGLE_MALE if sex == "L" else SINGLE_FEMALE)
        surname = surname or self.random.choices(SECOND, self.second_weights)[0]
        first = self.first_name(sex)
        while first == surname:
            first = self.first_name(sex)
        return f"{first} {surname}"

    def name_variant(self, name: str) -> str:
        words = name.split()
        choices = ["case", "typo", "spacing"]
        if words[0] == "MUHAMMAD":
            choices += ["muhammad"] * 3
        if words[0] == "SITI":
            choices += ["siti"] * 3
        if len(words) > 1:
            choices += ["initial", "join"]
        choices.append("title")
        kind = self.random.choice(choices)
        if kind == "muhammad":
            words[0] = self.random.choice(["M.", "MOH.", "Muh.", "MUHAMAD", "MOCHAMAD"])
            words[0] = "MUHAMAD" if words[0] == "MOCHAMAD" else words[0]
        elif kind == "siti":
            words[0] = "ST."
        elif kind == "initial":
            words[-1] = words[-1][0] + "."
        elif kind == "join":
            return "".join(words[:2]) + (" " + " ".join(words[2:]) if len(words) > 2 else "")
        elif kind == "title":
            return self.random.choice(["H. ", "HJ. "]) + name
        elif kind == "spacing":
            return "  ".join(words) + " "
        elif kind == "typo":
            position = max(range(len(words)), key=lambda index: len(words[index]))
            word = words[position]
            if len(word) >= 4:
                letter = self.random.randrange(1, len(word))
                if self.random.random() < 0.5:
                    word = word[:letter] + word[letter + 1:]
                else:
                    word = word[:letter] + self.random.choice("AIUEO") + word[letter + 1:]
                words[position] = word
        else:
            return name.title()
        return " ".join(words)

    # People --------------------------------------------------------------
    def person(self, household: dict, role: str, sex: str, born: datetime.date, name: str,
               district: str = None) -> dict:
        self.person_id += 1
        person = {
            "id": self.person_id, "nik": self.make_nik(district or household["district"], born, sex),
            "kk": household["kk"], "name": name, "sex": sex, "born": born, "role": role,
            "village": household["village"], "street": household["street"],
            "rt": household["rt"], "rw": household["rw"], "kind": "", "negative": "",
            "partner": None,
        }
        self.people.append(person)
        return person

    def household(self) -> None:
        village = self.random.choice(self.villages.codes)
        household = {"village": village, "district": village[:8], "kk": self.make_kk(village[:8]),
                     "street": f"{self.random.choice(STREETS)} No. {self.random.randrange(1, 250)}",
                     "rt": f"{self.random.randrange(1, 15):03d}", "rw": f"{self.random.randrange(1, 9):03d}"}
        head_sex = "L" if self.random.random() < 0.85 else "P"
        head_born = self.birth_date(80, 22)
        head = self.person(household, "KEPALA KELUARGA", head_sex, head_born,
                           self.full_name(head_sex))
        surname = head["name"].split()[-1] if len(head["name"].split()) > 1 else ""
        if head_sex == "L" and self.random.random() < 0.75:
            spouse_born = head_born + datetime.timedelta(days=self.random.randrange(-3000, 3000))
            if spouse_born > datetime.date(2004, 12, 31):
                spouse_born = self.birth_date(60, 20)
            self.person(household, "ISTRI", "P", spouse_born, self.full_name("P"))
        for _ in range(self.random.choice((0, 1, 1, 2, 2, 3, 4))):
            child_sex = self.random.choice("LP")
            earliest = max(head_born.year + 18, 1960)
            if earliest > 2023:
                break
            child_born = self.birth_date(2024 - earliest, 0)
            if self.random.random() < SERIAL_NEIGHBOUR_SHARE * 4:
                child_born = self.serial_neighbour(household, child_sex) or child_born
            child_name = self.full_name(child_sex, surname if self.random.random() < 0.5 else "")
            child = self.person(household, "ANAK", child_sex, child_born, child_name)
            self.mark_serial_neighbour(child)
            if self.random.random() < TWIN_SHARE:
                twin_sex = self.random.choice("LP")
                child_surname = child_name.split()[-1] if len(child_name.split()) > 1 else (
                    surname or self.random.choice(SECOND))
                twin_name = self.full_name(twin_sex, child_surname)
                while twin_name.split()[0] == child_name.split()[0]:
                    twin_name = self.full_name(twin_sex, child_surname)
                if len(child_name.split()) == 1:
                    child["name"] = f"{child_name} {child_surname}"
                twin = self.person(household, "ANAK", twin_sex, child_born, twin_name)
                self.hard_negative(child, twin, "kembar")

    def serial_neighbour(self, household: dict, sex: str):
        """Return the birth date of an earlier person of the same district, or None."""
        recent = [person for person in self.people[-400:]
                  if person["village"][:8] == household["district"] and person["role"] == "ANAK"
                  and person["kk"] != household["kk"] and not person["negative"]]
        if not recent:
            return None
        other = self.random.choice(recent)
        self._neighbour = other
        return other["born"]

    def mark_serial_neighbour(self, child: dict) -> None:
        other = getattr(self, "_neighbour", None)
        self._neighbour = None
        if other is None or other["born"] != child["born"] or other["negative"]:
            return
        if child["nik"][:12] != other["nik"][:12]:
            return
        if abs(int(child["nik"][12:]) - int(other["nik"][12:])) == 1:
            self.hard_negative(other, child, "nik_berurutan")

    def hard_negative(self, first: dict, second: dict, kind: str) -> None:
        first["negative"] = first["negative"] or kind
        second["negative"] = kind
        second["partner"] = first

    # Duplicates ----------------------------------------------------------
    def nik_typo(self, nik: str) -> str:
        """Return the NIK with one digit changed or two swapped, unused by anyone else."""
        while True:
            position = self.random.randrange(15)
            if self.random.random() < 0.5:
                digits = list(nik)
                digits[position], digits[position + 1] = digits[position + 1], digits[position]
            else:
                digits = list(nik)
                digits[position] = self.random.choice([d for d in "0123456789" if d != nik[position]])
            typo = "".join(digits)
            if typo != nik and typo not in self.used_niks:
                return typo

    def duplicate(self, person: dict, kind: str) -> list:
        copy = dict(person)
        copy["kind"], copy["negative"], copy["partner"] = kind, "", None
        if kind == "exact":
            if self.random.random() < 0.3:
                copy["name"] = person["name"].title()
        elif kind == "nik_typo":
            copy["nik"] = self.nik_typo(person["nik"])
            if self.random.random() < 0.5:
                copy["name"] = self.name_variant(person["name"])
        elif kind == "moved":
            districts = self.villages.districts
            other = self.random.choice(districts)
            if self.random.random() < 0.5:
                same_regency = [code for code in districts if code[:5] == person["village"][:5]]
                other = self.random.choice(same_regency)
            while other == person["village"][:8]:
                other = self.random.choice(districts)
            copy["village"] = self.random.choice(self.villages.by_district[other])
            copy["kk"] = self.make_kk(other)
        elif kind == "name_variant":
            copy["name"] = self.name_variant(person["name"])
        elif kind == "nik_lain":
            district = person["village"][:8]
            copy["village"] = self.random.choice(self.villages.by_district[district])
            copy["kk"] = self.make_kk(district)
            if self.random.random() < 0.5:
                # Registered again years later: a serial from a later batch.
                copy["nik"] = person["nik"][:12] + f"{self.random.randrange(100, 999):04d}"
            else:
                other = self.random.choice(self.villages.districts)
                copy["nik"] = self.make_nik(other, self.birth_date(80, 0), person["sex"])
            if self.random.random() < 0.4:
                copy["name"] = self.name_variant(person["name"])
        elif kind == "dua_kk":
            copy["kk"] = self.make_kk(person["village"][:8])
        return [copy]

    def household_copy(self, person: dict) -> list:
        members = self.kk_members.get(person["kk"], [person])
        village = self.random.choice(self.villages.codes)
        copies = []
        for member in members:
            copy = dict(member)
            copy.update(kind="kk_dua_desa", negative="", partner=None, village=village)
            copies.append(copy)
        return copies
    def add_duplicates(self) -> list:
        """Add duplicates to the people already generated and shuffle the rows."""
        self.used_niks = {person["nik"] for person in self.people}
        self.kk_members = {}
        for person in self.people:
            self.kk_members.setdefault(person["kk"], []).append(person)
        rows = list(self.people)
        names = [name for name, _ in DUPLICATE_KINDS]
        weights = [weight for _, weight in DUPLICATE_KINDS]
        candidates = [person for person in self.people if not person["negative"]]
        self.random.shuffle(candidates)
        used = set()
        for person in candidates:
            if len(rows) >= self.rows:
                break
            if person["id"] in used:
                continue
            kind = self.random.choices(names, weights)[0]
            if kind == "kk_dua_desa":
                copies = self.household_copy(person)
                if any(member["id"] in used or member["negative"] for member in copies):
                    continue
            else:
                copies = self.duplicate(person, kind)
            for copy in copies:
                used.add(copy["id"])
            rows.extend(copies[: self.rows - len(rows)])
        self.random.shuffle(rows)
        return rows


def fix_common_names(generator: Generator) -> None:
    """Give pairs of people in different districts one common name, birth date and sex."""
    rng = generator.random
    people = [person for person in generator.people if not person["negative"]
              and person["role"] != "ANAK"]
    count = int(len(generator.people) * COMMON_SHARE)
    for _ in range(count):
        first, second = rng.sample(people, 2)
        if (first["village"][:8] == second["village"][:8] or first["negative"]
                or second["negative"]):
            continue
        pool = COMMON_SINGLE if rng.random() < 0.35 else COMMON
        name, sex = rng.choice(pool)
        kind = "nama_tunggal" if pool is COMMON_SINGLE else "nama_umum"
        for person in (first, second):
            person["name"], person["sex"] = name, sex
            person["born"] = first["born"]
            district = person["village"][:8]
            person["nik"] = generator.make_nik(district, first["born"], sex)
        generator.hard_negative(first, second, kind)


def write(rows, villages: Villages, out: Path, truth: Path, seed: int) -> None:
    rng = random.Random(seed + 1)
    baris_of = {}
    for position, row in enumerate(rows):
        baris_of[id(row)] = position + 2
    with open(out, "w", encoding="utf-8", newline="") as table, \
            open(truth, "w", encoding="utf-8", newline="") as truth_file:
        table_writer, truth_writer = csv.writer(table), csv.writer(truth_file)
        table_writer.writerow(HEADER)
        truth_writer.writerow(TRUTH_HEADER)
        for position, row in enumerate(rows):
            born = row["born"]
            table_writer.writerow(
                [position + 1, f"DTKS{3200000000 + position:010d}", row["nik"], row["kk"],
                 row["name"], row["sex"], f"{born.day:02d}-{born.month:02d}-{born.year}",
                 row["role"], row["street"], row["rt"], row["rw"], *villages.describe(row["village"]),
                 "", "", rng.randrange(1, 5), rng.randrange(2), rng.randrange(2), rng.randrange(2)])
            partner = row["partner"]
            truth_writer.writerow([position + 2, row["id"], row["kind"], row["negative"],
                                   baris_of.get(id(partner), "") if partner else "",
                                   row["village"]])


def parse_arguments(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, required=True, help="rows to write under the header")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default: 1)")
    parser.add_argument("--out", required=True, help="CSV file to write")
    parser.add_argument("--truth", help="truth CSV (default: OUT with _truth before .csv)")
    parser.add_argument("--codes", default=str(DEFAULT_CODES),
                        help=f"Kemendagri code list CSV (default: {DEFAULT_CODES})")
    return parser.parse_args(argv)


def main(argv=None) -> int:
    arguments = parse_arguments(argv)
    if arguments.rows < 10:
        print(f"generate_people: invalid --rows {arguments.rows}; use 10 or more.", file=sys.stderr)
        return 2
    out = Path(arguments.out)
    truth = Path(arguments.truth) if arguments.truth else out.with_name(out.stem + "_truth.csv")
    villages = Villages(Path(arguments.codes))
    generator = Generator(arguments.rows, arguments.seed, villages)
    target_people = int(arguments.rows / (1 + DUPLICATE_SHARE * 1.1))
    while len(generator.people) < target_people:
        generator.household()
    del generator.people[target_people:]
    fix_common_names(generator)
    rows = generator.add_duplicates()
    write(rows, villages, out, truth, arguments.seed)
    return 0


if __name__ == "__main__":
    sys.exit(main())
