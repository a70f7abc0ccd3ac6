"""The gazetteer (places and past office holders) and the agents dictionary: the tables the
event coder consults for names and generic nouns the knowledge base does not know."""

from __future__ import annotations

from claimgraph.actors.agents import Agents, default_agents
from claimgraph.actors.agents import parse as parse_agents
from claimgraph.actors.gazetteer import Gazetteer, default_gazetteer, normalize
from claimgraph.actors.gazetteer import parse as parse_gazetteer


def test_normalize() -> None:
    assert normalize("Omar Hassan al-Bashir") == "omar hassan al bashir"
    assert normalize("  Côte  d'Ivoire ") == "cote d'ivoire"
    assert normalize("U.S.") == "u s"


def _gazetteer() -> Gazetteer:
    return Gazetteer(
        parse_gazetteer(
            "# a comment\n"
            "kind\tkey\tcode\tsector\n"
            "name\tsamarra\tIRQ\tCVL\n"
            "name\tdarfur\tSDN\tCVL\n"
            "name\tlevy mwanawasa\tZMB\t\n"
            "pair\tomar bashir\tSDN\t\n"
            "surname\tkagame\tRWA\t\n"
            "name\tjuvenal\tFRA\t\n"
        )
    )


def test_gazetteer_names() -> None:
    g = _gazetteer()
    assert len(g) == 6
    assert g.find(["Samarra"]) == ("IRQ", "CVL")
    assert g.find(["Levy", "Mwanawasa"]) == ("ZMB", None)
    # the first and last word of a name written with other middle names
    assert g.find(["President", "Omar", "El", "Bashir"]) == ("SDN", None)
    # a last name alone only right after a title
    assert g.find(["President", "Kagame"], title=1) == ("RWA", None)
    assert g.find(["Kagame"]) is None
    assert g.find(["Paul", "Kagame"]) is None  # "Paul" is no title
    # a place inside a longer name, but not a person's word ("Juvenal")
    assert g.find(["West", "Darfur", "State"]) == ("SDN", "CVL")
    assert g.find(["Juvenal", "Habyariman"]) is None
    assert g.find([]) is None


def test_packaged_gazetteer() -> None:
    g = default_gazetteer()
    assert len(g) > 10_000
    assert g.find(["Kirkuk"]) == ("IRQ", "CVL")
    assert g.find(["Goukouni", "Oueddei"]) == ("TCD", None)
    assert g.find(["Dili"]) == ("TLS", "CVL")  # Phoenix's old East Timor code, mapped


def test_agents() -> None:
    agents = Agents(
        parse_agents(
            "phrase\tsector\tother_sectors\n"
            "militiaman\tUAF\t\n"
            "demonstrator\tCVL\tOPP\n"
            "party\tPTY\t\n"
        )
    )
    assert len(agents) == 3
    assert agents.sectors("militiamen") == ("UAF", ())
    assert agents.sectors("demonstrators") == ("CVL", ("OPP",))
    assert agents.entry("parties") == "party"
    assert agents.sectors("clouds") is None


def test_packaged_agents_skip_non_agents() -> None:
    agents = default_agents()
    assert agents.sectors("gunmen") == ("UAF", ())
    assert agents.sectors("settlers") == ("CVL", ())
    # the dictionary's natural disasters and non-agents (JNK, NON, UNK) are left out
    assert agents.sectors("earthquake") is None
    assert agents.sectors("monday") is None


def test_the_first_of_two_surnames_is_a_key() -> None:
    # "Andres Pastrana Arango": news writes "Andres Pastrana" and "President Pastrana"
    gazetteer = default_gazetteer()
    for words, title in ((["Andres", "Pastrana"], 0), (["President", "Pastrana"], 1)):
        place = gazetteer.find(words, title=title)
        assert place is not None and place.code == "COL", words


def test_a_title_before_a_full_name_the_table_spells_otherwise() -> None:
    # the table has "Frederick Willem de Klerk"; after a title the last name decides
    place = default_gazetteer().find(["President", "Frederik", "de", "Klerk"], title=1)
    assert place is not None and place.code == "ZAF"
    # without a title a first name is not enough
    assert default_gazetteer().find(["Frederik", "de", "Klerk"]) is None


def test_a_place_inside_a_persons_name_is_not_the_place() -> None:
    g = Gazetteer(parse_gazetteer("name\tfarah\tAFG\tCVL\nname\tbasra\tIRQ\tCVL\n"))
    # "Farah" is an Afghan province, and the middle name of a Somali leader
    assert g.find(["Mohamed", "Farah", "Aidid"]) is None
    assert g.find(["General", "Mohamed", "Farah", "Aidid"], title=1) is None
    # named by their place: a descriptor or an institution on one side only
    assert g.find(["Farah", "Province"]) == ("AFG", "CVL")
    assert g.find(["Basra", "Police"]) == ("IRQ", "CVL")
    assert g.find(["Northern", "Farah", "Province"]) == ("AFG", "CVL")


def test_geonames_towns_complete_the_phoenix_table() -> None:
    gazetteer = default_gazetteer()
    for town, code in (("Mykolaiv", "UKR"), ("Bakhmut", "UKR"), ("Tiraspol", "MDA")):
        place = gazetteer.find([town])
        assert place is not None and (place.code, place.sector) == (code, "CVL"), town
    # the Phoenix table wins where both have a key, and person-name words are no towns
    assert gazetteer.find(["Kharkov"]) == gazetteer.find(["Kharkiv"])
    assert gazetteer.find(["Navarro"]) is None  # a Peruvian town, and a surname


def test_the_cities_table_keys_are_unambiguous_and_normalized() -> None:
    from importlib import resources

    text = resources.files("claimgraph.data").joinpath("actors", "cities.tsv").read_text("utf-8")
    rows = parse_gazetteer(text)
    assert len(rows) > 40_000
    keys = [key for _, key, _, _ in rows]
    assert len(keys) == len(set(keys))
    assert all(normalize(key) == key and len(key.replace(" ", "")) >= 4 for key in keys)
