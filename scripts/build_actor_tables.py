"""Generate ``src/claimgraph/data/actors/states.tsv`` and ``gazetteer.tsv`` from the shared
reference data.

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
* the names and demonyms of former states, as aliases of the state that continues them
  ("Soviet Union" -> RUS, "Yugoslavia" -> SRB; ``HISTORIC_ALIASES``);
* capitals used as metonyms of the government, with exclusions for capitals whose names are
  ambiguous ("Victoria", "Kingston", "Georgetown") and additions ("Kiev", "Washington");
* which aliases double as personal names ("Jordan", "Chad", "Georgia") and so are guarded by
  the name-neighbour rule in the matcher.

``agents.tsv`` (``claimgraph.actors.agents``) comes from the PLOVER agents dictionary
(``PLOVER_agents.txt``, MIT): generic agent nouns and their sectors (see ``agent_rows``).
``gazetteer.tsv`` (``claimgraph.actors.gazetteer``) comes from the Phoenix dictionaries
(``Phoenix.Countries.actors.txt``, ``Phoenix.International.actors.txt``,
``Phoenix.MilNonState.actors.txt``, MIT, Open Event Data Alliance): the places (cities,
regions, provinces), institutions and office holders they list under each state, and the
international bodies and armed groups, as lookup keys for names the knowledge base does not
know (see ``gazetteer_rows``).

Run from the project root (the generated files are committed, because a user's clone has no
``../shared``)::

    .venv/bin/python scripts/build_actor_tables.py --shared ../shared/data
    .venv/bin/python scripts/build_actor_tables.py --shared ../shared/data --check

``--check`` exits non-zero when the committed file differs from what would be generated.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any, NamedTuple

from claimgraph.actors.agents import FILE as AGENTS_FILE
from claimgraph.actors.gazetteer import COLUMNS as GAZETTEER_COLUMNS
from claimgraph.actors.gazetteer import FILE as GAZETTEER_FILE
from claimgraph.actors.gazetteer import normalize
from claimgraph.actors.model import SECTORS
from claimgraph.actors.tables import TABLES

ROOT = Path(__file__).resolve().parent.parent
OUTPUT = ROOT / "src" / "claimgraph" / "data" / "actors" / "states.tsv"
# The Phoenix dictionaries the gazetteer is made from: states with their places and office
# holders; international bodies and NGOs; non-state armed groups.
PHOENIX = tuple(
    Path("actors") / f"Phoenix.{name}.actors.txt"
    for name in ("Countries", "International", "MilNonState")
)

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

# Names of former states and former names of states, coded as the current state that
# continues them (docs/actors.md, "Former states"). The contract's codes are ISO 3166-1
# alpha-3 codes of current states, the PLOVER gold records were edited to current codes
# ("Czechia and China signed an agreement ... in 1983"), and the Correlates of War system
# keeps the Soviet Union and Russia one state (365), Yugoslavia and Serbia one (345); so a
# former state resolves to its continuator (the state that kept its UN seat and treaties:
# Russia for the Soviet Union, Serbia for Yugoslavia and Serbia and Montenegro, the Federal
# Republic for both Germanys), or, where none was recognised, to the successor that kept its
# capital (Czechia for Czechoslovakia: Prague already resolves to CZE), and never to a
# retired ISO 3166-3 code (SUHH, YUCS, CSHH, DDDE, ZRCD) that no current state shares. The
# mention keeps the historic name as its text. "former Yugoslavia" and "post-Soviet" name
# regions of several states and are blocked (blocked.tsv).
HISTORIC_ALIASES: dict[str, tuple[str, ...]] = {
    "RUS": ("Soviet Union", "USSR", "U.S.S.R.", "Union of Soviet Socialist Republics"),
    "SRB": ("Yugoslavia", "Federal Republic of Yugoslavia", "Serbia and Montenegro",
            "Serbia-Montenegro"),
    "CZE": ("Czechoslovakia",),
    "DEU": ("West Germany", "East Germany", "German Democratic Republic", "GDR",
            "Federal Republic of Germany", "FRG"),
    "COD": ("Zaire",),
    "MKD": ("Former Yugoslav Republic of Macedonia",),
    # Unified states: the reunified state continues both halves.
    "VNM": ("North Vietnam", "South Vietnam"),
    "YEM": ("North Yemen", "South Yemen"),
    # Former names of the same state (the Phoenix country dictionary lists most of them as
    # synonyms of the current state).
    "LKA": ("Ceylon",),
    "BEN": ("Dahomey",),
    "BFA": ("Upper Volta",),
    "KHM": ("Kampuchea", "Democratic Kampuchea"),
    "THA": ("Siam",),
    "IRN": ("Persia",),
    "ZWE": ("Rhodesia", "Southern Rhodesia"),
    "ZMB": ("Northern Rhodesia",),
}  # fmt: skip
HISTORIC_DEMONYMS: dict[str, tuple[str, ...]] = {
    "RUS": ("Soviet", "Soviets"),
    "SRB": ("Yugoslav", "Yugoslavs", "Yugoslavian"),
    "CZE": ("Czechoslovak", "Czechoslovakian"),
    "DEU": ("West German", "West Germans", "East German", "East Germans"),
    "COD": ("Zairean", "Zaireans", "Zairian", "Zairians"),
    "VNM": ("North Vietnamese", "South Vietnamese"),
    "YEM": ("North Yemeni", "South Yemeni"),
    "KHM": ("Kampuchean",),
    "ZWE": ("Rhodesian", "Rhodesians"),
}

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
    "RUS": "Also the Soviet Union ('Soviet', 'USSR'), which Russia continues (UN seat since "
    "1991-12-24).",
    "SRB": "Also Yugoslavia (1918-2003) and Serbia and Montenegro (2003-2006), which Serbia "
    "continues; 'former Yugoslavia' (the region) is blocked.",
    "CZE": "Also Czechoslovakia (no continuator state; coded by its capital, Prague, as the "
    "PLOVER gold records are).",
    "DEU": "Also West and East Germany (the GDR acceded to the Federal Republic in 1990).",
    "COD": "Also Zaire (the name from 1971 to 1997). Bare 'Congo' and 'Congolese' are "
    "ambiguous between COD and COG and are not mapped.",
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
    raw.extend(HISTORIC_DEMONYMS.get(code, ()))
    drop = DROP_DEMONYMS.get(code, frozenset())
    singular = [d for d in _unique(raw) if d and d not in drop]
    plurals = [p for d in singular if (p := _plural(d)) is not None]
    return _unique([*singular, *plurals])


def _aliases(code: str, entry: Mapping[str, Any], name: str) -> list[str]:
    drop = DROP_ALIASES.get(code, frozenset())
    candidates = [name, entry["name"]["common"], entry["name"]["official"]]
    candidates += [a for a in entry.get("altSpellings", []) if len(a) > 2 and _latin(a)]
    candidates += EXTRA_ALIASES.get(code, ())
    candidates += HISTORIC_ALIASES.get(code, ())
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


# --- gazetteer.tsv: places, institutions and past office holders (Phoenix, MIT) ----------

# Phoenix codes that are not the ISO 3166 alpha-3 code of a state of states.tsv.
# East German and Soviet codes (DDR, SUN) are coded as the state that continues them, as
# states.tsv codes the former states' names (docs/actors.md, "Former states"). Yugoslav and
# Czechoslovak codes (YUG, SCG, CSK) are not mapped: their entries mix the republics.
PHOENIX_CODES = {"TMP": "TLS", "KSV": "KOS", "ROM": "ROU", "ZAR": "COD", "DDR": "DEU", "SUN": "RUS"}
# The sector part of a Phoenix person code that marks an elite (ELI: former officials and
# other notables): entries with it are people, whatever their comment says.
PERSON_SECTOR = "ELI"
# CountryInfo-derived entries (people) carry this comment.
PERSON_COMMENT = "CountryInfo"
# A person whose codes include this sector held government office: their last name alone
# is a key after a title ("President Kagame").
LEADER_SECTOR = "GOV"
# Codes of bodies and groups that are no state (igos.tsv, organizations.tsv): PLOVER's polity
# codes; UNO and IGO come from Phoenix's IGO codes (``_polity``).
POLITY_CODES = frozenset({"NGO", "IMG"})
BODY_CODES = frozenset({"UNO", "IGO", "NGO", "IMG"})
# The sector CAMEO and the PLOVER gold records give a place (a city, a region).
PLACE_SECTOR = "CVL"
# Keys shorter than this are too ambiguous ("al", "a" in spelling lists).
MIN_KEY_LENGTH = 4
# Words inside a name that are no surname of their own ("Frederik Willem *de* Klerk", "Omar
# Hassan Ahmad *al* Bashir").
NAME_PARTICLES = frozenset(
    {"abu", "ben", "bin", "bint", "del", "della", "des", "dos", "ibn", "van", "von", "ould"}
)
_PHOENIX_CODE = re.compile(r"\[\s*([A-Z]{3})([A-Z]*)[^\]]*\]")

GAZETTEER_HEADER = """\
# gazetteer.tsv: names the actor tables do not know, resolved to an actor code (GENERATED by
# scripts/build_actor_tables.py from the Phoenix dictionaries Phoenix.Countries.actors.txt,
# Phoenix.International.actors.txt and Phoenix.MilNonState.actors.txt of
# openeventdata/petrarch2, MIT, (c) 2014 Open Event Data Alliance; the country dictionary
# was built from CountryInfo.txt; see README.md). Read by claimgraph.actors.gazetteer: the
# event coder asks it about a proper name only when no named actor fills a role.
# Columns (tab-separated):
#   kind    name (a whole name) | pair (a person's first and last word; also the first of
#           two surnames, "andres pastrana", where no other key is the same) | surname (a
#           past head of state's or government's last name, or first of two, used only
#           after a title)
#   key     the normalized key (claimgraph.actors.gazetteer.normalize)
#   code    the state (ISO 3166-1 alpha-3) the name belongs to or lies in, or UNO, IGO,
#           NGO, IMG for an international body or armed group
#   sector  CVL for a place, the dictionary's sector for a state institution, empty for a
#           person or an international body
"""


class _Entry(NamedTuple):
    names: list[str]
    codes: list[tuple[str, str]]  # (state, sector) of each code line
    person: bool


def _polity(prefix: str, rest: str, states: frozenset[str]) -> str | None:
    """The actor code of a Phoenix code's first three letters: a state (Phoenix's old codes
    mapped, ``PHOENIX_CODES``), UNO for the UN system (IGOUNO...), IGO for the other
    intergovernmental bodies, NGO, IMG (transnational armed groups); None for companies
    (MNC) and regions."""
    state = PHOENIX_CODES.get(prefix, prefix)
    if state in states:
        return state
    if prefix == "IGO":
        return "UNO" if rest.startswith("UNO") else "IGO"
    return prefix if prefix in POLITY_CODES else None


def phoenix_entries(text: str, states: frozenset[str]) -> list[_Entry]:
    """The entries of a Phoenix actor file: a head line, ``+`` synonym lines, ``[CODE]``
    lines. A state's own entry ("IRAQ_ [IRQ]") lists its places as synonyms."""
    entries: list[_Entry] = []
    for line in text.split("\n"):
        body, _, comment = line.partition("#")
        if not body.strip():
            continue
        codes = [
            (polity, sector)
            for state, sector in _PHOENIX_CODE.findall(body)
            if (polity := _polity(state, sector, states)) is not None
        ]
        if line.startswith("+") and entries:
            entries[-1].names.append(_PHOENIX_CODE.sub("", body[1:]).strip())
        elif line[0].isspace() and entries:
            entries[-1].codes.extend(codes)
        elif not line[0].isspace():
            name = _PHOENIX_CODE.sub("", body).strip()
            entries.append(_Entry([name], codes, PERSON_COMMENT in comment))
    return entries


def _entry_keys(entry: _Entry) -> Iterator[tuple[str, str, str, bool]]:
    """(kind, key, sector, secondary) of each key an entry gives; a secondary key (the first
    of two surnames) yields to any other key that is the same."""
    sectors = {sector[:3] for _, sector in entry.codes}
    person = entry.person or PERSON_SECTOR in sectors
    if person or entry.codes[0][0] in BODY_CODES:
        sector = ""  # a person, or an international body or group: no place
    elif entry.codes and entry.codes[0][1][:3] in SECTORS:
        sector = entry.codes[0][1][:3]  # an institution: "KNESSET [ISRGOVLEG]"
    else:
        sector = PLACE_SECTOR  # a state's places: "IRAQ_ [IRQ]" +KIRKUK
    for name in entry.names:
        key = normalize(name)
        if len(key) < MIN_KEY_LENGTH:
            continue
        yield "name", key, sector, False
        words = key.split()
        if person and len(words) > 1:
            yield "pair", f"{words[0]} {words[-1]}", sector, False
            if LEADER_SECTOR in sectors:
                yield "surname", words[-1], sector, False
            # a Spanish or Portuguese name ends in two surnames, and news gives the first
            # ("Andres *Pastrana* Arango": "President Andres Pastrana", "President Pastrana")
            second = words[-2]
            if len(words) > 2 and second not in NAME_PARTICLES and len(second) >= MIN_KEY_LENGTH:
                yield "pair", f"{words[0]} {second}", sector, True
                if LEADER_SECTOR in sectors:
                    yield "surname", second, sector, True


def gazetteer_rows(text: str, states: frozenset[str]) -> list[tuple[str, str, str, str]]:
    """(kind, key, code, sector) rows: every key with the one state all its entries give
    (keys given to two states are dropped); the state of an entry is its most frequent
    code."""
    found: dict[tuple[str, str], set[tuple[str, str]]] = {}
    secondary: dict[tuple[str, str], set[tuple[str, str]]] = {}
    for entry in phoenix_entries(text, states):
        if not entry.codes:
            continue
        counts = Counter(state for state, _ in entry.codes)
        code = max(counts, key=lambda state: counts[state])
        for kind, key, sector, second in _entry_keys(entry):
            (secondary if second else found).setdefault((kind, key), set()).add((code, sector))
    for kind_key, values in secondary.items():
        found.setdefault(kind_key, values)
    rows = []
    for (kind, key), values in found.items():
        if len({code for code, _ in values}) == 1:
            code, sector = min(values)
            rows.append((kind, key, code, sector))
    rows.sort()
    return rows


def render_gazetteer(rows: Sequence[tuple[str, str, str, str]]) -> str:
    lines = [GAZETTEER_HEADER.rstrip("\n"), "\t".join(GAZETTEER_COLUMNS)]
    lines += ["\t".join(row) for row in rows]
    return "\n".join(lines) + "\n"


# --- agents.tsv: generic agent nouns and their sectors (PLOVER agents dictionary, MIT) -----

AGENTS = Path("actors") / "PLOVER_agents.txt"
# Sectors of the agents dictionary that name no party: JNK (natural disasters), NON (words
# that are not agents: "the border", "Monday"), UNK ("group", "man").
NO_AGENT_SECTORS = frozenset({"JNK", "NON", "UNK"})
_AGENT_LINE = re.compile(r"^([^\[{#]+?)\s*(?:\{([^}]*)\})?\s*\[~([A-Z]+)\]")
_SUBSTITUTION = re.compile(r"^(!\w+!)\s*=\s*(.+)$")

AGENTS_HEADER = """\
# agents.tsv: generic agent nouns ("militiaman", "gunman", "settler", "emir") and their PLOVER
# sectors (GENERATED by scripts/build_actor_tables.py from PLOVER_agents.txt, the PLOVER
# agents dictionary of ahalterman/NGEC, MIT, (c) 2014 Open Event Data Alliance, derived from
# the Phoenix agents file; see README.md). Read by claimgraph.actors.agents: the event coder
# codes a generic group the role table (roles.tsv) does not have with its sector, and with
# the country of its sentence or dateline. Regular plurals are not listed: the reader
# singularizes.
# Columns (tab-separated):
#   phrase         lower-case noun phrase, words separated by one space
#   sector         PLOVER sector
#   other_sectors  further sectors, "|"-separated
"""


def agent_rows(text: str) -> list[tuple[str, str, str]]:
    """(phrase, sector, other_sectors) rows of the agents dictionary: ``!SET!`` words
    expanded, irregular plurals (``{...}``) added, sectors split in threes."""
    substitutions: dict[str, list[str]] = {}
    found: dict[str, tuple[str, str]] = {}
    for line in text.split("\n"):
        match = _SUBSTITUTION.match(line.strip())
        if match:
            substitutions[match.group(1)] = [w.strip() for w in match.group(2).split(",")]
            continue
        match = _AGENT_LINE.match(line.strip())
        if not match:
            continue
        names, plurals, codes = match.group(1), match.group(2) or "", match.group(3)
        sectors = [codes[i : i + 3] for i in range(0, len(codes), 3)]
        if sectors[0] in NO_AGENT_SECTORS or not all(c in SECTORS for c in sectors):
            continue
        forms = [names, *plurals.split(",")]
        for key, words in substitutions.items():
            forms = [f.replace(key, w) for f in forms for w in (words if key in f else [""])]
        for form in forms:
            phrase = " ".join(form.replace("_", " ").lower().split())
            if phrase and "!" not in phrase and phrase not in found:
                found[phrase] = (sectors[0], "|".join(sectors[1:]))
    return sorted((phrase, sector, other) for phrase, (sector, other) in found.items())


def render_agents(rows: Sequence[tuple[str, str, str]]) -> str:
    lines = [AGENTS_HEADER.rstrip("\n"), "phrase\tsector\tother_sectors"]
    lines += ["\t".join(row) for row in rows]
    return "\n".join(lines) + "\n"


def _write_or_check(path: Path, text: str, *, check: bool) -> bool:
    """Write the file, or with ``check`` say whether it is current."""
    if check:
        current = path.read_text(encoding="utf-8") if path.exists() else ""
        if current != text:
            sys.stderr.write(f"{path} is stale: rerun scripts/build_actor_tables.py\n")
            return False
        return True
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return True


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
    phoenix = "\n".join(
        (args.shared / path).read_text(encoding="utf-8", errors="replace") for path in PHOENIX
    )
    places = gazetteer_rows(phoenix, frozenset(row["code"] for row in rows))
    agents = agent_rows((args.shared / AGENTS).read_text(encoding="utf-8", errors="replace"))
    gazetteer = args.output.parent / GAZETTEER_FILE
    agents_path = args.output.parent / AGENTS_FILE
    ok = _write_or_check(args.output, render(rows), check=args.check)
    ok = _write_or_check(gazetteer, render_gazetteer(places), check=args.check) and ok
    ok = _write_or_check(agents_path, render_agents(agents), check=args.check) and ok
    if not args.check:
        print(f"wrote {len(rows)} states ({members} UN members) to {args.output}")
        print(f"wrote {len(places)} gazetteer keys to {gazetteer}")
        print(f"wrote {len(agents)} agent nouns to {agents_path}")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
