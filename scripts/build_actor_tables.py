"""Generate ``src/claimgraph/data/actors/states.tsv`` from the shared reference data.

The state table is the one actor table that is generated rather than written by hand: names,
official names, alternative spellings, demonyms and capitals come from mledoze/countries
(``mledoze_countries.json``, ODbL 1.0, see docs/actors.md), and this script adds what that file
does not have or gets wrong for news text:

* the UN status of each state (mledoze marks the Holy See as a member; it is an observer);
* Wikidata QIDs (mledoze has none; ``QIDS`` below, cross-checked against the Our World in Data
  country table);
* aliases that news uses ("the US", "U.S.", "Britain", "DRC", "Burma"), and spellings to drop
  because they collide with ordinary English ("Island" for Iceland, "Emirates") or are too
  ambiguous to resolve ("Congo", "Congolese");
* capitals used as metonyms of the government, with exclusions for capitals whose names are
  ambiguous ("Victoria", "Kingston", "Georgetown") and additions ("Kiev", "Washington");
* which aliases double as personal names ("Jordan", "Chad", "Georgia") and so are guarded by
  the name-neighbour rule in the matcher.

Run from the project root (the generated file is committed, because a user's clone has no
``../shared``)::

    .venv/bin/python scripts/build_actor_tables.py --shared ../shared/data
    .venv/bin/python scripts/build_actor_tables.py --shared ../shared/data --check

``--check`` exits non-zero when the committed file differs from what would be generated.
"""

from __future__ import annotations

import argparse
import json
import sys
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from claimgraph.actors.tables import TABLES

ROOT = Path(__file__).resolve().parent.parent
OUTPUT = ROOT / "src" / "claimgraph" / "data" / "actors" / "states.tsv"

COLUMNS = TABLES["states"].columns  # the packaged reader's own column list

# The two UN General Assembly observer states. mledoze marks the Vatican as a UN member.
UN_OBSERVERS = frozenset({"VAT", "PSE"})
# Not UN members or observers, but needed in news. Kosovo has no ISO 3166 code: PLOVER uses
# KOS (mledoze uses the user-assigned UNK, which would clash with PLOVER's UNK sector).
EXTRA_STATES = {"TWN": "TWN", "UNK": "KOS"}

# Wikidata QIDs of the sovereign-state items (cross-checked against the Our World in Data
# CountriesRegions table, which maps ISO codes to Wikidata). The Netherlands uses Q55 (the
# country), not Q29999 (the Kingdom); the Holy See uses Q159583, not Vatican City (Q237).
QIDS: dict[str, str] = {
    "AFG": "Q889", "AGO": "Q916", "ALB": "Q222", "AND": "Q228", "ARE": "Q878", "ARG": "Q414",
    "ARM": "Q399", "ATG": "Q781", "AUS": "Q408", "AUT": "Q40", "AZE": "Q227", "BDI": "Q967",
    "BEL": "Q31", "BEN": "Q962", "BFA": "Q965", "BGD": "Q902", "BGR": "Q219", "BHR": "Q398",
    "BHS": "Q778", "BIH": "Q225", "BLR": "Q184", "BLZ": "Q242", "BOL": "Q750", "BRA": "Q155",
    "BRB": "Q244", "BRN": "Q921", "BTN": "Q917", "BWA": "Q963", "CAF": "Q929", "CAN": "Q16",
    "CHE": "Q39", "CHL": "Q298", "CHN": "Q148", "CIV": "Q1008", "CMR": "Q1009", "COD": "Q974",
    "COG": "Q971", "COL": "Q739", "COM": "Q970", "CPV": "Q1011", "CRI": "Q800", "CUB": "Q241",
    "CYP": "Q229", "CZE": "Q213", "DEU": "Q183", "DJI": "Q977", "DMA": "Q784", "DNK": "Q35",
    "DOM": "Q786", "DZA": "Q262", "ECU": "Q736", "EGY": "Q79", "ERI": "Q986", "ESP": "Q29",
    "EST": "Q191", "ETH": "Q115", "FIN": "Q33", "FJI": "Q712", "FRA": "Q142", "FSM": "Q702",
    "GAB": "Q1000", "GBR": "Q145", "GEO": "Q230", "GHA": "Q117", "GIN": "Q1006", "GMB": "Q1005",
    "GNB": "Q1007", "GNQ": "Q983", "GRC": "Q41", "GRD": "Q769", "GTM": "Q774", "GUY": "Q734",
    "HND": "Q783", "HRV": "Q224", "HTI": "Q790", "HUN": "Q28", "IDN": "Q252", "IND": "Q668",
    "IRL": "Q27", "IRN": "Q794", "IRQ": "Q796", "ISL": "Q189", "ISR": "Q801", "ITA": "Q38",
    "JAM": "Q766", "JOR": "Q810", "JPN": "Q17", "KAZ": "Q232", "KEN": "Q114", "KGZ": "Q813",
    "KHM": "Q424", "KIR": "Q710", "KNA": "Q763", "KOR": "Q884", "KWT": "Q817", "LAO": "Q819",
    "LBN": "Q822", "LBR": "Q1014", "LBY": "Q1016", "LCA": "Q760", "LIE": "Q347", "LKA": "Q854",
    "LSO": "Q1013", "LTU": "Q37", "LUX": "Q32", "LVA": "Q211", "MAR": "Q1028", "MCO": "Q235",
    "MDA": "Q217", "MDG": "Q1019", "MDV": "Q826", "MEX": "Q96", "MHL": "Q709", "MKD": "Q221",
    "MLI": "Q912", "MLT": "Q233", "MMR": "Q836", "MNE": "Q236", "MNG": "Q711", "MOZ": "Q1029",
    "MRT": "Q1025", "MUS": "Q1027", "MWI": "Q1020", "MYS": "Q833", "NAM": "Q1030", "NER": "Q1032",
    "NGA": "Q1033", "NIC": "Q811", "NLD": "Q55", "NOR": "Q20", "NPL": "Q837", "NRU": "Q697",
    "NZL": "Q664", "OMN": "Q842", "PAK": "Q843", "PAN": "Q804", "PER": "Q419", "PHL": "Q928",
    "PLW": "Q695", "PNG": "Q691", "POL": "Q36", "PRK": "Q423", "PRT": "Q45", "PRY": "Q733",
    "PSE": "Q219060", "QAT": "Q846", "ROU": "Q218", "RUS": "Q159", "RWA": "Q1037", "SAU": "Q851",
    "SDN": "Q1049", "SEN": "Q1041", "SGP": "Q334", "SLB": "Q685", "SLE": "Q1044", "SLV": "Q792",
    "SMR": "Q238", "SOM": "Q1045", "SRB": "Q403", "SSD": "Q958", "STP": "Q1039", "SUR": "Q730",
    "SVK": "Q214", "SVN": "Q215", "SWE": "Q34", "SWZ": "Q1050", "SYC": "Q1042", "SYR": "Q858",
    "TCD": "Q657", "TGO": "Q945", "THA": "Q869", "TJK": "Q863", "TKM": "Q874", "TLS": "Q574",
    "TON": "Q678", "TTO": "Q754", "TUN": "Q948", "TUR": "Q43", "TUV": "Q672", "TWN": "Q865",
    "TZA": "Q924", "UGA": "Q1036", "UKR": "Q212", "URY": "Q77", "USA": "Q30", "UZB": "Q265",
    "VAT": "Q159583", "VCT": "Q757", "VEN": "Q717", "VNM": "Q881", "VUT": "Q686", "WSM": "Q683",
    "YEM": "Q805", "ZAF": "Q258", "ZMB": "Q953", "ZWE": "Q954", "KOS": "Q1246",
}  # fmt: skip

# Display names where mledoze's common name is not the one we want.
NAMES = {"VAT": "Holy See", "KOS": "Kosovo", "COG": "Republic of the Congo"}

# Aliases news uses that mledoze lacks. "the US" / "the UK" are here because the article
# is part of how they are written; lookup() strips a leading "the" anyway.
EXTRA_ALIASES: dict[str, tuple[str, ...]] = {
    "USA": ("US", "U.S.", "U.S.A.", "USA", "America", "the US", "the U.S.", "United States",
            "the United States", "United States of America"),
    "GBR": ("UK", "U.K.", "the UK", "the U.K.", "Britain", "Great Britain", "United Kingdom",
            "the United Kingdom"),
    "RUS": ("Russian Federation",),
    "CHN": ("PRC", "People's Republic of China", "mainland China"),
    "TWN": ("Chinese Taipei", "Republic of China"),
    "KOR": ("ROK", "Republic of Korea", "S. Korea", "S.Korea"),
    "PRK": ("DPRK", "N. Korea", "N.Korea"),
    "ARE": ("UAE", "U.A.E.", "the UAE", "the Emirates"),
    "SAU": ("KSA", "Saudi", "Kingdom of Saudi Arabia"),
    "TUR": ("Turkey", "Türkiye", "Turkiye", "Republic of Turkey"),
    "CZE": ("Czech Republic",),
    "MKD": ("North Macedonia", "FYROM"),
    "SWZ": ("Swaziland",),
    "MMR": ("Burma",),
    "CIV": ("Côte d'Ivoire", "Cote d'Ivoire", "Cote D'Ivoire", "Ivory Coast"),
    "COD": ("DRC", "DR Congo", "D.R. Congo", "Democratic Republic of Congo",
            "Democratic Republic of the Congo", "Congo-Kinshasa"),
    "COG": ("Republic of Congo", "Republic of the Congo", "Congo Republic", "Congo-Brazzaville"),
    "TLS": ("East Timor",),
    "CPV": ("Cabo Verde",),
    "NLD": ("the Netherlands", "Holland"),
    "VAT": ("Vatican", "the Vatican", "Holy See", "the Holy See", "Vatican City"),
    "PSE": ("State of Palestine",),
    "KOS": ("Kosovo", "Republic of Kosovo"),
    "BIH": ("Bosnia", "Bosnia-Herzegovina"),
    "GMB": ("The Gambia",),
    "BHS": ("The Bahamas",),
    "VNM": ("Viet Nam",),
    "LAO": ("Lao PDR",),
    "STP": ("Sao Tome and Principe",),
    "KNA": ("St Kitts and Nevis", "St. Kitts and Nevis"),
    "VCT": ("St Vincent and the Grenadines", "St. Vincent and the Grenadines"),
    "LCA": ("St Lucia", "St. Lucia"),
    "AFG": ("Islamic Emirate of Afghanistan",),
    "SYR": ("Syrian Arab Republic",),
    "IRN": ("Islamic Republic of Iran",),
    "LBY": ("State of Libya",),
}  # fmt: skip

# mledoze alternative spellings that collide with English words, name something else in
# news, or are too ambiguous to resolve to one state.
DROP_ALIASES: dict[str, frozenset[str]] = {
    "ISL": frozenset({"Island"}),
    "COG": frozenset({"Congo"}),
    "DMA": frozenset({"Dominique"}),
    "ARE": frozenset({"Emirates"}),
    "THA": frozenset({"Thai", "Prathet"}),
    "PRT": frozenset({"Portuguesa"}),
    "MEX": frozenset({"Mexicanos"}),
    "TGO": frozenset({"Togolese"}),
    "BRN": frozenset({"the Abode of Peace", "Nation of Brunei", "Nation of Brunei, Abode of Peace"}),
    "NRU": frozenset({"Pleasant Island"}),
    "TLS": frozenset({"Timor"}),
    "ZAF": frozenset({"RSA"}),
    "AFG": frozenset({"Islamic Republic of Afghanistan"}),
}  # fmt: skip

# Aliases matched case-sensitively even though they have two significant words.
EXACT: dict[str, tuple[str, ...]] = {}

# Aliases that double as personal names (or as the name of a US state): the matcher drops
# them when a capitalised name-like word stands right before or after (docs/actors.md).
GUARDED: dict[str, tuple[str, ...]] = {
    "USA": ("America",),
    "JOR": ("Jordan",),
    "TCD": ("Chad",),
    "GEO": ("Georgia",),
    "ISR": ("Israel",),
    "IND": ("India",),
    "MKD": ("Macedonia",),
    "NER": ("Niger",),
}

# Demonyms: mledoze's are singular and sometimes odd ("Kirghiz", "Tadzhik"); these add the
# forms news uses. Plurals of "-an", "-i" and "-er" demonyms are generated.
EXTRA_DEMONYMS: dict[str, tuple[str, ...]] = {
    "GBR": ("Briton", "Britons", "Brits"),
    "KGZ": ("Kyrgyz",),
    "TJK": ("Tajik", "Tajiks"),
    "MDV": ("Maldivian",),
    "CPV": ("Cape Verdean",),
    "ECU": ("Ecuadorian",),
    "SUR": ("Surinamese",),
    "BWA": ("Botswanan",),
    "DJI": ("Djiboutian",),
    "COM": ("Comorian",),
    "ISL": ("Icelandic",),
    "KAZ": ("Kazakh", "Kazakhs"),
    "UZB": ("Uzbek", "Uzbeks"),
    "LAO": ("Lao",),
    "SAU": ("Saudi", "Saudis"),
    "AZE": ("Azeri", "Azeris"),
    "BLR": ("Belarussian", "Byelorussian"),
    "KOS": ("Kosovan", "Kosovar", "Kosovars"),
    "ESP": ("Spaniard", "Spaniards"),
    "HRV": ("Croat", "Croats"),
    "SRB": ("Serb", "Serbs"),
    "SVN": ("Slovenian",),
    "PHL": ("Philippine", "Filipinos"),
    "TUR": ("Turks",),
    "POL": ("Poles",),
    "DNK": ("Dane", "Danes"),
    "SWE": ("Swede", "Swedes"),
    "FIN": ("Finn", "Finns"),
    "CZE": ("Czechs",),
    "SVK": ("Slovaks",),
    "GRC": ("Greeks",),
    "THA": ("Thais",),
    "NPL": ("Nepali",),
    "BIH": ("Bosniak",),
    "ARG": ("Argentinian",),
}  # fmt: skip

DROP_DEMONYMS: dict[str, frozenset[str]] = {
    # "Congolese" and "Dominican" each name two states; the DRC and the Dominican Republic
    # keep "Congolese"/"Dominican" only through longer aliases.
    "COD": frozenset({"Congolese"}),
    "COG": frozenset({"Congolese"}),
    "DMA": frozenset({"Dominican"}),
    "DJI": frozenset({"Djibouti"}),
    "KIR": frozenset({"I-Kiribati"}),
    "VAT": frozenset({"Vatican"}),
}

# Capitals whose names are too ambiguous to read as the government (other places, people).
DROP_CAPITALS = frozenset(
    {
        "Victoria", "Kingston", "Georgetown", "Saint John's", "St. George's", "San José",
        "Nassau", "Sucre", "Bloemfontein", "Cape Town", "Djibouti", "Singapore", "Luxembourg",
        "Monaco", "City of San Marino", "Vatican City", "Amsterdam", "Malé", "South Tarawa",
        "Yaren", "Kuwait City", "Washington D.C.",
    }
)  # fmt: skip

EXTRA_CAPITALS: dict[str, tuple[str, ...]] = {
    "USA": ("Washington", "Washington, D.C.", "Washington D.C.", "Washington DC"),
    "UKR": ("Kiev",),
    "IND": ("New Delhi",),
    "BOL": ("La Paz",),
    "MYS": ("Putrajaya",),
    "KAZ": ("Nur-Sultan",),
    "MMR": ("Nay Pyi Taw", "Naypyitaw"),
    "MNG": ("Ulaanbaatar",),
    "MDV": ("Malé",),
    "KWT": ("Kuwait City",),
    "ISR": ("Tel Aviv",),
    "BRA": ("Brasilia",),
    "COL": ("Bogota",),
    "MDA": ("Chisinau",),
    "TGO": ("Lome",),
    "CMR": ("Yaounde",),
    "PRY": ("Asuncion",),
    "KOS": ("Pristina",),
}  # fmt: skip

NOTES: dict[str, str] = {
    "USA": "'Washington' is read as the US government; 'Washington state' and 'state of "
    "Washington' are blocked phrases.",
    "GEO": "'Georgia' is read as the country; US-state phrases ('state of Georgia', 'Atlanta, "
    "Georgia') are blocked and the name is guarded.",
    "JOR": "'Jordan' is read as the country unless a capitalised name-like word stands next to "
    "it ('Michael Jordan', 'Jordan Peterson').",
    "ISR": "Capital metonyms 'Jerusalem' and 'Tel Aviv' both stand for the Israeli government "
    "in news; the status of Jerusalem is contested.",
    "PSE": "UN General Assembly observer state.",
    "VAT": "UN General Assembly observer state (the Holy See); mledoze marks it a member.",
    "TWN": "Not a UN member; included because it is commonly needed.",
    "KOS": "Not a UN member; no ISO 3166 code, PLOVER uses KOS (elsewhere XK/XKX).",
    "NLD": "Wikidata Q55 is the country; the Kingdom of the Netherlands is Q29999.",
    "AFG": "Taliban-ruled since 2021-08-15 ('Islamic Emirate'); mledoze's official name is "
    "the former 'Islamic Republic of Afghanistan', dropped.",
    "MKD": "'Macedonia' also names a Greek region: guarded.",
    "COD": "Bare 'Congo' and 'Congolese' are ambiguous between COD and COG and are not mapped.",
    "COG": "Bare 'Congo' and 'Congolese' are ambiguous between COD and COG and are not mapped.",
}

# Function words that may sit between the words of an alias without making it "significant".
_MINOR = frozenset({"the", "of", "and", "da", "de", "del", "di", "la", "le", "al"})


def _latin(text: str) -> bool:
    """True when every letter is Latin script (drops native-script spellings)."""
    return all("LATIN" in unicodedata.name(char, "") for char in text if char.isalpha())


def _unique(values: Iterable[str]) -> list[str]:
    seen: dict[str, None] = {}
    for value in values:
        value = " ".join(value.split())
        if value and value not in seen:
            seen[value] = None
    return list(seen)


def _plural(demonym: str) -> str | None:
    if demonym.endswith(("an", "i", "er")):
        return demonym + "s"
    return None


def _demonyms(code: str, entry: Mapping[str, Any]) -> list[str]:
    eng = entry.get("demonyms", {}).get("eng", {})
    raw: list[str] = []
    for form in (eng.get("m", ""), eng.get("f", "")):
        for part in form.replace(" or ", ",").split(","):
            raw.append(part.strip())
    raw.extend(EXTRA_DEMONYMS.get(code, ()))
    drop = DROP_DEMONYMS.get(code, frozenset())
    singular = [d for d in _unique(raw) if d and d not in drop]
    plurals = [p for d in singular if (p := _plural(d)) is not None]
    return _unique([*singular, *plurals])


def _aliases(code: str, entry: Mapping[str, Any], name: str) -> list[str]:
    drop = DROP_ALIASES.get(code, frozenset())
    candidates = [name, entry["name"]["common"], entry["name"]["official"]]
    candidates += [a for a in entry.get("altSpellings", []) if len(a) > 2 and _latin(a)]
    candidates += EXTRA_ALIASES.get(code, ())
    return [a for a in _unique(candidates) if a not in drop]


def _capitals(code: str, entry: Mapping[str, Any]) -> list[str]:
    found = [c for c in entry.get("capital", []) if c not in DROP_CAPITALS]
    return _unique([*found, *EXTRA_CAPITALS.get(code, ())])


def build_rows(countries: Sequence[Mapping[str, Any]]) -> list[dict[str, str]]:
    """One row per state: the 193 UN members, the two observers, Taiwan and Kosovo."""
    rows: list[dict[str, str]] = []
    for entry in countries:
        source_code = entry["cca3"]
        if source_code in EXTRA_STATES:
            code = EXTRA_STATES[source_code]
            status = "none"
        elif source_code in UN_OBSERVERS:
            code, status = source_code, "observer"
        elif entry.get("unMember"):
            code, status = source_code, "member"
        else:
            continue
        name = NAMES.get(code, entry["name"]["common"])
        official = entry["name"]["official"]
        if code == "AFG":
            official = "Afghanistan"
        guarded = GUARDED.get(code, ())
        rows.append(
            {
                "code": code,
                "iso2": "" if code == "KOS" else entry.get("cca2", ""),
                "wikidata": QIDS.get(code, ""),
                "name": name,
                "official_name": official,
                "un_status": status,
                "aliases": " | ".join(_aliases(code, entry, name)),
                "demonyms": " | ".join(_demonyms(code, entry)),
                "capitals": " | ".join(_capitals(code, entry)),
                "guarded": " | ".join(guarded),
                "exact": " | ".join(EXACT.get(code, ())),
                "notes": NOTES.get(code, ""),
            }
        )
    rows.sort(key=lambda row: row["code"])
    return rows


HEADER = """\
# states.tsv: sovereign states as actors (GENERATED by scripts/build_actor_tables.py; edit the
# script, or overlay rows with a user file, rather than this file).
# One row per state: the 193 UN members, the 2 UN observer states (Holy See, Palestine), and
# Taiwan and Kosovo. Contains information from mledoze/countries
# (https://github.com/mledoze/countries), made available under the Open Database License
# (ODbL) 1.0: this table is a Derivative Database and is itself made available under the ODbL
# 1.0, https://opendatacommons.org/licenses/odbl/1.0/ (see README.md and docs/actors.md).
# Columns (tab-separated; lists are separated by " | "; empty means unknown):
#   code           actor code: ISO 3166-1 alpha-3 (KOS for Kosovo, as PLOVER)
#   iso2           ISO 3166-1 alpha-2
#   wikidata       Wikidata QID of the state
#   name           display name
#   official_name  official English name
#   un_status      member | observer | none
#   aliases        names that resolve to the state (sector empty)
#   demonyms       adjectives and plurals ("Iranian", "Iranians") that resolve to the state
#   capitals       capitals read as metonyms of the government (sector GOV)
#   guarded        aliases that double as personal names: dropped by find_mentions next to
#                  a capitalised name-like word
#   exact          aliases always matched case-sensitively
#   notes          free text
"""


def render(rows: Sequence[Mapping[str, str]]) -> str:
    lines = [HEADER.rstrip("\n"), "\t".join(COLUMNS)]
    for row in rows:
        cells = [row[column] for column in COLUMNS]
        for cell in cells:
            if "\t" in cell or "\n" in cell:
                raise ValueError(f"tab or newline in cell {cell!r}")
        lines.append("\t".join(cells))
    return "\n".join(lines) + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--output", type=Path, default=OUTPUT)
    parser.add_argument("--check", action="store_true", help="fail if the output is stale")
    args = parser.parse_args(argv)

    source = args.shared / "actors" / "mledoze_countries.json"
    countries = json.loads(source.read_text(encoding="utf-8"))
    rows = build_rows(countries)
    members = sum(row["un_status"] == "member" for row in rows)
    missing = [row["code"] for row in rows if not row["wikidata"]]
    if members != 193 or missing:
        sys.stderr.write(f"expected 193 UN members with QIDs; got {members}, missing {missing}\n")
        return 1
    text = render(rows)
    if args.check:
        current = args.output.read_text(encoding="utf-8") if args.output.exists() else ""
        if current != text:
            sys.stderr.write(f"{args.output} is stale: rerun scripts/build_actor_tables.py\n")
            return 1
        return 0
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(text, encoding="utf-8")
    print(f"wrote {len(rows)} states ({members} UN members) to {args.output}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
