#!/usr/bin/env python3
# SPDX-FileCopyrightText: 2026 ClinicDesk developers
# SPDX-License-Identifier: GPL-3.0-or-later
"""A patient registry for the duplicate-search benchmark, as CSV.

N patients, among them planted duplicates of earlier rows (a spelling slip in the first or
last name, a nickname, first and last name swapped, a married name, a hyphenated or double
last name, a different case/accent/punctuation, a middle initial) and twins (same date of
birth, last name, address and phone; another first name), who are NOT duplicates.

Columns: row, mrn, first_name, middle_name, last_name, date_of_birth, gender, address_line1,
city, state, zip, phone, email, member_id, kind, duplicate_of, variant.
  kind          original | duplicate | twin
  duplicate_of  for a duplicate, the row of the patient it duplicates (else empty)
  variant       for a duplicate, how it differs (typo-first, nickname, swap, married, …);
                for a twin, "twin-of:<row>"

Precision and recall are counted over `duplicate_of`: a lookup of a duplicate row should find
its original (and nothing that is not one); a lookup of a twin should find no one.

  bench/gen-registry.py --count 100000 --seed 8 > registry.csv
"""

import argparse
import csv
import datetime
import random
import sys

FEMALE = """Mary Patricia Jennifer Linda Elizabeth Barbara Susan Jessica Sarah Karen Lisa Nancy
Betty Margaret Sandra Ashley Kimberly Emily Donna Michelle Carol Amanda Dorothy Melissa Deborah
Stephanie Rebecca Sharon Laura Cynthia Kathleen Amy Angela Shirley Anna Brenda Pamela Emma Nicole
Helen Samantha Katherine Christine Debra Rachel Carolyn Janet Catherine Maria Heather Diane Ruth
Julie Olivia Joyce Virginia Victoria Kelly Lauren Christina Joan Evelyn Judith Megan Andrea
Cheryl Hannah Jacqueline Martha Gloria Teresa Ann Sara Madison Frances Kathryn Janice Jean Abigail
Alice Judy Sophia Grace Denise Amber Doris Marilyn Danielle Beverly Isabella Theresa Diana Natalie
Brittany Charlotte Marie Kayla Alexis Lori Kyla Yesenia Xiomara Guadalupe Linh Mei Aaliyah""".split()

MALE = """James Robert John Michael David William Richard Joseph Thomas Charles Christopher Daniel
Matthew Anthony Mark Donald Steven Paul Andrew Joshua Kenneth Kevin Brian George Timothy Ronald
Edward Jason Jeffrey Ryan Jacob Gary Nicholas Eric Jonathan Stephen Larry Justin Scott Brandon
Benjamin Samuel Gregory Alexander Frank Patrick Raymond Jack Dennis Jerry Tyler Aaron Jose Adam
Nathan Henry Douglas Zachary Peter Kyle Ethan Walter Noah Jeremy Christian Keith Roger Terry
Gerald Harold Sean Austin Carl Arthur Lawrence Dylan Jesse Jordan Bryan Billy Joe Bruce Gabriel
Logan Albert Willie Alan Juan Wayne Elijah Randy Roy Vincent Ralph Eugene Russell Bobby Mason
Philip Louis Andreas Ollie Chris Tuan Hiroshi Omar""".split()

LAST = """Smith Johnson Williams Brown Jones Garcia Miller Davis Rodriguez Martinez Hernandez Lopez
Gonzalez Wilson Anderson Thomas Taylor Moore Jackson Martin Lee Perez Thompson White Harris
Sanchez Clark Ramirez Lewis Robinson Walker Young Allen King Wright Scott Torres Nguyen Hill
Flores Green Adams Nelson Baker Hall Rivera Campbell Mitchell Carter Roberts Gomez Phillips Evans
Turner Diaz Parker Cruz Edwards Collins Reyes Stewart Morris Morales Murphy Cook Rogers Gutierrez
Ortiz Morgan Cooper Peterson Bailey Reed Kelly Howard Ramos Kim Cox Ward Richardson Watson Brooks
Chavez Wood James Bennett Gray Mendoza Ruiz Hughes Price Alvarez Castillo Sanders Patel Myers
Long Ross Foster Jimenez Powell Jenkins Perry Russell Sullivan Bell Coleman Butler Henderson
Barnes Gonzales Fisher Vasquez Simmons Romero Jordan Patterson Alexander Hamilton Graham Reynolds
Griffin Wallace Moreno West Cole Hayes Bryant Herrera Gibson Ellis Tran Medina Aguilar Stevens
Murray Ford Castro Marshall Owens Harrison Fernandez McDonald Woods Washington Kennedy Wells
Vargas Henry Chen Freeman Webb Tucker Guzman Burns Crawford Olson Simpson Porter Hunter Gordon
Mendez Silva Shaw Snyder Mason Dixon Munoz Hunt Hicks Holmes Palmer Wagner Black Robertson Boyd
Rose Stone Salazar Fox Warren Mills Meyer Rice Schmidt Garza Daniels Ferguson Nichols Stephens
Soto Weaver Ryan Gardner Payne Grant Dunn Kelley Spencer Hawkins Arnold Pierce Vazquez Hansen
Peters Santos Hart Bradley Knight Elliott Cunningham Duncan Armstrong Hudson Carroll Lane Riley
Andrews Alvarado Ray Delgado Berry Perkins Hoffman Johnston Matthews Pena Richards Contreras
Willis Carpenter Lawrence Sandoval Fields O'Brien Nunez""".split()

# Short forms the desk's table knows (services/patients/duplicatenicknames.cpp).
NICKNAMES = {
    "Robert": ["Bob", "Bobby", "Rob"], "William": ["Bill", "Will", "Billy"],
    "Elizabeth": ["Liz", "Beth", "Betty"], "Katherine": ["Kate", "Kathy"],
    "James": ["Jim", "Jimmy"], "Margaret": ["Peggy", "Maggie", "Meg"],
    "Michael": ["Mike"], "Richard": ["Rick", "Dick"], "Thomas": ["Tom"],
    "Joseph": ["Joe"], "Charles": ["Charlie", "Chuck"], "Christopher": ["Chris"],
    "Daniel": ["Dan", "Danny"], "Matthew": ["Matt"], "Anthony": ["Tony"],
    "Steven": ["Steve"], "Andrew": ["Andy", "Drew"], "Joshua": ["Josh"],
    "Kenneth": ["Ken"], "Timothy": ["Tim"], "Ronald": ["Ron"], "Edward": ["Ed", "Ted"],
    "Jeffrey": ["Jeff"], "Nicholas": ["Nick"], "Jonathan": ["Jon"], "Benjamin": ["Ben"],
    "Samuel": ["Sam"], "Gregory": ["Greg"], "Alexander": ["Alex"], "Patrick": ["Pat"],
    "Patricia": ["Pat", "Patty"], "Jennifer": ["Jen", "Jenny"], "Susan": ["Sue"],
    "Jessica": ["Jess"], "Deborah": ["Debbie", "Deb"], "Rebecca": ["Becky"],
    "Pamela": ["Pam"], "Samantha": ["Sam"], "Christine": ["Chris", "Tina"],
    "Catherine": ["Cathy", "Kate"], "Victoria": ["Vicky"], "Abigail": ["Abby"],
    "Judith": ["Judy"], "Dorothy": ["Dot"], "Kimberly": ["Kim"], "Stephanie": ["Steph"],
    "Virginia": ["Ginny"], "Frances": ["Fran"], "Lawrence": ["Larry"], "Gerald": ["Jerry"],
    "Zachary": ["Zach"], "Philip": ["Phil"], "Walter": ["Walt"], "Vincent": ["Vince"],
    "Peter": ["Pete"], "Henry": ["Hank"], "Harold": ["Hal"], "Douglas": ["Doug"],
    "Eugene": ["Gene"], "Louis": ["Lou"], "Jacob": ["Jake"], "Nathan": ["Nate"],
}

STREETS = """Main Oak Pine Maple Cedar Elm Washington Lake Hill Park River Mill Church Spring
Highland Sunset Willow Jackson Franklin Lincoln Ridge Meadow Forest Valley""".split()
SUFFIXES = ["St", "Ave", "Rd", "Ln", "Dr", "Ct", "Way", "Blvd"]
CITIES = [("Springfield", "OR", "974"), ("Eugene", "OR", "974"), ("Salem", "OR", "973"),
          ("Portland", "OR", "972"), ("Bend", "OR", "977"), ("Corvallis", "OR", "973")]
PAYER_PREFIXES = ["W", "XJ", "ACT", "COB", "H", "MBR"]


def typo(name, rng):
    """One keyboard slip in the inside of a name: a swap, a dropped or doubled or wrong letter."""
    if len(name) < 4:
        return name + name[-1]
    i = rng.randrange(1, len(name) - 1)
    kind = rng.choice(["swap", "drop", "double", "replace"])
    if kind == "swap" and i + 1 < len(name):
        return name[:i] + name[i + 1] + name[i] + name[i + 2:]
    if kind == "drop":
        return name[:i] + name[i + 1:]
    if kind == "double":
        return name[:i] + name[i] + name[i:]
    letters = "aeiou" if name[i].lower() in "aeiou" else "bcdfghklmnprstvz"
    replacement = rng.choice([c for c in letters if c != name[i].lower()])
    return name[:i] + replacement + name[i + 1:]


def accents(name):
    table = str.maketrans({"a": "á", "e": "é", "i": "í", "o": "ó", "u": "ú", "n": "ñ"})
    return name[:1] + name[1:].translate(table) if len(name) > 2 else name


class Registry:
    def __init__(self, rng, start_year, end_year):
        self.rng = rng
        self.rows = []
        self.first_day = datetime.date(start_year, 1, 1)
        self.days = (datetime.date(end_year, 12, 31) - self.first_day).days
        self.member_seq = 0

    def member_id(self):
        self.member_seq += 1
        return f"{self.rng.choice(PAYER_PREFIXES)}{self.member_seq:09d}"

    def person(self):
        rng = self.rng
        gender = rng.choice("FM")
        first = rng.choice(FEMALE if gender == "F" else MALE)
        last = rng.choice(LAST)
        dob = self.first_day + datetime.timedelta(days=rng.randrange(self.days))
        city, state, zip3 = rng.choice(CITIES)
        return {
            "first_name": first,
            "middle_name": rng.choice(["", "", "", rng.choice("ABCDEFGHJKLMNPRSTW")]),
            "last_name": last,
            "date_of_birth": dob.isoformat(),
            "gender": gender,
            "address_line1": f"{rng.randrange(1, 9999)} {rng.choice(STREETS)} {rng.choice(SUFFIXES)}",
            "city": city,
            "state": state,
            "zip": f"{zip3}{rng.randrange(0, 99):02d}",
            "phone": f"541-{rng.randrange(200, 999)}-{rng.randrange(0, 9999):04d}",
            "email": (f"{first}.{last}{rng.randrange(100)}@example.com".lower().replace("'", "")
                      if rng.random() < 0.5 else ""),
            "member_id": self.member_id() if rng.random() < 0.8 else "",
        }

    def add(self, fields, kind="original", duplicate_of="", variant=""):
        row = dict(fields)
        row["row"] = len(self.rows) + 1
        row["mrn"] = f"GEN{row['row']:07d}"
        row["kind"] = kind
        row["duplicate_of"] = duplicate_of
        row["variant"] = variant
        self.rows.append(row)
        return row

    def duplicate(self, original):
        """The same person registered again, differently."""
        rng = self.rng
        d = {k: original[k] for k in original if k not in ("row", "mrn", "kind", "duplicate_of", "variant")}
        first, last = d["first_name"], d["last_name"]
        choices = ["typo-first", "typo-last", "swap", "case-accents", "middle-initial", "hyphenated"]
        if first in NICKNAMES:
            choices += ["nickname"] * 3
        if d["gender"] == "F":
            choices += ["married"] * 2
        variant = rng.choice(choices)
        if variant == "typo-first":
            d["first_name"] = typo(first, rng)
        elif variant == "typo-last":
            d["last_name"] = typo(last, rng)
        elif variant == "nickname":
            d["first_name"] = rng.choice(NICKNAMES[first])
        elif variant == "swap":
            d["first_name"], d["last_name"] = last, first
        elif variant == "married":
            d["last_name"] = rng.choice([n for n in LAST if n != last])
        elif variant == "hyphenated":
            other = rng.choice([n for n in LAST if n != last])
            d["last_name"] = rng.choice([f"{last}-{other}", f"{other} {last}", f"{other}-{last}"])
        elif variant == "case-accents":
            d["first_name"] = accents(first).upper()
            d["last_name"] = last.replace("'", "").upper()
        elif variant == "middle-initial":
            d["middle_name"] = rng.choice("ABCDEFGHJKLMNPRSTW") if not d["middle_name"] else d["middle_name"][0]
        # Contact details: some are kept, some changed since, some not given this time.
        if rng.random() < 0.4:
            d["phone"] = rng.choice(["", f"541-{rng.randrange(200, 999)}-{rng.randrange(0, 9999):04d}"])
        if rng.random() < 0.4:
            d["address_line1"] = rng.choice(["", f"{rng.randrange(1, 9999)} {rng.choice(STREETS)} St"])
        if rng.random() < 0.5:
            d["email"] = ""
        if rng.random() < 0.6:
            d["member_id"] = ""  # registered again before the card was entered
        return self.add(d, "duplicate", original["row"], variant)

    def twin(self, sibling):
        """A twin: same birth, family and home; another person."""
        rng = self.rng
        d = {k: sibling[k] for k in sibling if k not in ("row", "mrn", "kind", "duplicate_of", "variant")}
        d["gender"] = rng.choice("FM")
        names = FEMALE if d["gender"] == "F" else MALE
        first = sibling["first_name"]
        # A name that is plainly another: not the same first two letters, not a short form.
        related = set(NICKNAMES.get(first, [])) | {k for k, v in NICKNAMES.items() if first in v}
        d["first_name"] = rng.choice([n for n in names
                                      if n[:2] != first[:2] and n not in related])
        d["middle_name"] = rng.choice(["", rng.choice("ABCDEFGHJKLMNPRSTW")])
        d["email"] = ""
        d["member_id"] = self.member_id() if rng.random() < 0.8 else ""
        return self.add(d, "twin", "", f"twin-of:{sibling['row']}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=100000, help="patients in all (100000)")
    parser.add_argument("--duplicates", type=float, default=0.03,
                        help="share of rows that are planted duplicates (0.03)")
    parser.add_argument("--twins", type=float, default=0.005, help="share of rows that are twins (0.005)")
    parser.add_argument("--seed", type=int, default=8)
    parser.add_argument("--from-year", type=int, default=1925)
    parser.add_argument("--to-year", type=int, default=2024)
    parser.add_argument("--output", "-o", help="CSV file (default: standard output)")
    args = parser.parse_args()

    rng = random.Random(args.seed)
    registry = Registry(rng, args.from_year, args.to_year)
    originals = []
    while len(registry.rows) < args.count:
        roll = rng.random()
        if originals and roll < args.duplicates:
            registry.duplicate(rng.choice(originals))
        elif originals and roll < args.duplicates + args.twins:
            registry.twin(rng.choice(originals))
        else:
            originals.append(registry.add(registry.person()))
    columns = ["row", "mrn", "first_name", "middle_name", "last_name", "date_of_birth", "gender",
               "address_line1", "city", "state", "zip", "phone", "email", "member_id", "kind",
               "duplicate_of", "variant"]
    out = open(args.output, "w", newline="", encoding="utf-8") if args.output else sys.stdout
    writer = csv.DictWriter(out, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    writer.writerows(registry.rows)
    if args.output:
        out.close()
    counts = {}
    for row in registry.rows:
        counts[row["kind"]] = counts.get(row["kind"], 0) + 1
    print(", ".join(f"{n} {k}" for k, n in sorted(counts.items())), file=sys.stderr)


if __name__ == "__main__":
    main()
