"""Error classes found by reading the coder's output on 2022 war reporting (a development
sample of Guardian articles; docs/evaluation.md, "hand check"). Each case is a sentence of
our own that has the structure of the error, run through the real pipeline."""

from __future__ import annotations

from datetime import date

from claimgraph.events.coder import _date_bounds

from .helpers import codes, events_of


def flags_of(event: dict[str, object]) -> set[str]:
    return {k for k, v in event["flags"].items() if v}  # type: ignore[attr-defined]


def by_type(text: str, type_: str) -> list[dict[str, object]]:
    return [e for e in events_of(text) if e["type"] == type_]


def test_a_fronted_phrase_is_not_what_the_accusation_alleges() -> None:
    text = (
        "With the invasion of Ukraine entering its third month, the US accused Russia of "
        "blocking grain exports."
    )
    [invasion] = [e for e in events_of(text) if e["trigger"]["text"] == "invasion"]
    assert "alleged" not in flags_of(invasion)
    [accusation] = by_type(text, "ACCUSE")
    assert codes(accusation, "actor") == ["USA"] and not flags_of(accusation)


def test_a_main_clause_modal_does_not_reach_an_adverbial_participle() -> None:
    text = "France said it would check the rules, while accusing the Kremlin of lying."
    [accusation] = by_type(text, "ACCUSE")
    assert "hypothetical" not in flags_of(accusation)


def test_date_bounds_of_coarse_values() -> None:
    assert _date_bounds("2022") == (date(2022, 1, 1), date(2022, 12, 31))
    assert _date_bounds("2022-02") == (date(2022, 2, 1), date(2022, 2, 28))
    assert _date_bounds("2022-12") == (date(2022, 12, 1), date(2022, 12, 31))
    assert _date_bounds("2022-07-14") == (date(2022, 7, 14), date(2022, 7, 14))
    # a week is read to its year: never later than it may be
    assert _date_bounds("2022-W28") == (date(2022, 1, 1), date(2022, 12, 31))
    assert _date_bounds("PRESENT_REF") is None


def test_this_weeks_attack_is_not_future() -> None:
    text = "Ukraine accused Russia of this week's attack on Vinnytsia."
    for event in events_of(text, published="2022-07-15"):
        assert "future" not in flags_of(event), event


def test_the_patient_of_a_passive_relative_clause_is_not_the_doer() -> None:
    text = "Russia put on trial two Britons, who were captured in Mariupol."
    for event in events_of(text):
        assert "GBR" not in codes(event, "actor"), event


def test_a_strike_is_an_attack_unless_named_a_labour_strike() -> None:
    attacks = by_type("Russian strikes on Kharkiv killed ten people.", "ASSAULT")
    [strikes] = [e for e in attacks if e["trigger"]["text"] == "strikes"]
    assert codes(strikes, "actor") == ["RUS"]
    assert not by_type("Russian strikes on Kharkiv killed ten people.", "PROTEST")
    assert codes(by_type("Iranian miners went on strike.", "PROTEST")[0], "actor") == ["IRN"]
    assert by_type("French unions called a general strike.", "PROTEST")
    assert not by_type("French unions called a general strike.", "ASSAULT")


def test_under_attack_from_names_the_attacker() -> None:
    text = "Kharkiv, which is under attack from Russian troops, is Ukraine's second city."
    [attack] = by_type(text, "ASSAULT")
    assert codes(attack, "actor") == ["RUS"] and codes(attack, "recipient") == ["UKR"]


def test_releasing_a_list_frees_no_one() -> None:
    assert not by_type("Russia released a list of 963 Americans.", "RETREAT")
    [release] = by_type("Russia released two American prisoners.", "RETREAT")
    assert codes(release, "recipient") == ["USA"]


def test_an_outlet_spoken_to_is_no_party() -> None:
    assert not by_type("Zelenskiy was speaking with Reuters in an interview.", "CONSULT")
    [demand] = by_type("Zelenskiy told the BBC that Russia must withdraw its troops.", "REQUEST")
    assert codes(demand, "actor") == ["UKR"] and codes(demand, "recipient") == ["RUS"]


def test_an_obligation_is_no_intention_and_no_fact() -> None:
    events = events_of("Russia must withdraw its troops from Ukraine.")
    assert all(e["type"] != "AGREE" for e in events), events
    assert all("hypothetical" in flags_of(e) for e in events), events


def test_a_common_word_outlet_name_is_matched_as_written() -> None:
    [visit] = by_type("Taiwan's foreign minister visited Russia today.", "CONSULT")
    assert codes(visit, "recipient") == ["RUS"]


def test_fighting_a_fire_or_a_disease_is_no_assault() -> None:
    assert not by_type("American firefighters are battling wildfires in Arizona.", "ASSAULT")
    assert not by_type("Kenyan police fought against corruption.", "ASSAULT")
    [battle] = by_type("Ukrainian forces are battling Russian troops.", "ASSAULT")
    assert codes(battle, "recipient") == ["RUS"]


def test_a_ban_is_a_sanction_a_coercion_or_law_making() -> None:
    assert not events_of("Oklahoma passed the strictest abortion ban in the United States.")
    [embargo] = events_of("The EU imposed a ban on Russian oil imports.")
    assert (embargo["type"], codes(embargo, "recipient")) == ("SANCTION", ["RUS"])
    [travel] = by_type("Russia imposed a travel ban on British ministers.", "SANCTION")
    assert codes(travel, "recipient") == ["GBR"]
    assert not by_type("Texas banned abortion.", "COERCE")


def test_giving_oneself_up_is_a_surrender() -> None:
    [surrender] = events_of("Ukrainian fighters gave themselves up to Russian troops.")
    assert (surrender["type"], surrender["cameo"]) == ("RETREAT", "0874")
    assert codes(surrender, "recipient") == ["RUS"]


def test_warning_of_a_risk_is_no_threat() -> None:
    assert not by_type("Germany warned of a high risk of gas shortages.", "THREATEN")
    [threat] = by_type("Russia warned Finland against joining NATO.", "THREATEN")
    assert codes(threat, "recipient") == ["FIN"]


def test_the_user_of_a_thing_does_its_purpose() -> None:
    text = "Iran's drones had been used by the Houthi rebels in Yemen to attack Saudi Arabia."
    [attack] = by_type(text, "ASSAULT")
    assert codes(attack, "actor") == ["YEM"] and codes(attack, "recipient") == ["SAU"]


def test_a_named_compound_owns_the_decision() -> None:
    [blame] = by_type("The US decision to blame Iran angered Tehran.", "ACCUSE")
    assert codes(blame, "actor") == ["USA"] and codes(blame, "recipient") == ["IRN"]


def test_an_act_describing_a_noun_is_outside_the_clause_modal() -> None:
    text = "Germans said they would stand by Ukraine under attack from Russia."
    for event in events_of(text):
        assert event["type"] != "THREATEN", event


def test_a_faced_sanction_is_received_not_imposed() -> None:
    [sanction] = events_of("Russia faces sanctions over its invasion of Ukraine.")
    assert sanction["type"] == "SANCTION"
    assert codes(sanction, "actor") == [] and codes(sanction, "recipient") == ["RUS"]
    [hypothetical] = events_of("Russia would face sanctions over its invasion of Ukraine.")
    assert hypothetical["type"] == "SANCTION" and "hypothetical" in flags_of(hypothetical)


def test_an_object_act_keeps_its_own_doer() -> None:
    [attack] = by_type("Ukraine repelled the Russian attack.", "ASSAULT")
    assert codes(attack, "actor") == ["RUS"]
    [invasion] = by_type(
        "His address announcing Russia's invasion of Ukraine was terrifying.", "ASSAULT"
    )
    assert codes(invasion, "actor") == ["RUS"]


def test_someone_elses_forecast_is_no_threat() -> None:
    # an intention is the doer's own word; a known third party's forecast stays an
    # event of the doer's with its modal flag
    text = "Zelenskiy told the agency that Russia would hit back harder."
    [hit] = events_of(text)
    assert (hit["type"], codes(hit, "actor")) == ("ASSAULT", ["RUS"])
    assert "hypothetical" in flags_of(hit)
    [threat] = events_of("Iran said it would attack Israel.")
    assert (threat["type"], codes(threat, "actor")) == ("THREATEN", ["IRN"])


def test_a_noun_act_is_not_modalized_by_a_verb_it_is_the_topic_of() -> None:
    [attack] = by_type("Lavrov said Moscow will respond to the attack on Crimea.", "ASSAULT")
    assert not flags_of(attack) & {"future", "hypothetical"}
    [planned] = events_of("Russia will launch an attack on Kharkiv.")
    assert planned["type"] == "THREATEN"


def test_a_participle_describing_a_noun_makes_it_the_patient() -> None:
    text = "Russia is exploring a possible exchange of Ukrainian fighters captured at Azovstal."
    [capture] = by_type(text, "ASSAULT")
    assert codes(capture, "actor") == [] and codes(capture, "recipient") == ["UKR"]
    assert not by_type(text, "THREATEN")  # no intention without a doer
    [by] = by_type("Ukrainian soldiers captured by Russian troops were moved.", "ASSAULT")
    assert codes(by, "actor") == ["RUS"] and codes(by, "recipient") == ["UKR"]


def test_committing_crimes_and_evidence_that_suggests_are_no_events() -> None:
    assert not by_type("Russian soldiers commit war crimes every day.", "AGREE")
    assert not by_type("Monitoring of Russian strikes suggested a new emphasis.", "REQUEST")
    assert by_type("France suggested to Iran that talks resume.", "REQUEST")


def test_arms_sent_to_a_state_are_military_aid() -> None:
    [aid] = events_of("Germany sent tanks to Ukraine.")
    assert (aid["type"], aid["cameo"], codes(aid, "recipient")) == ("AID", "072", ["UKR"])
    [deployment] = events_of("Russia sent tanks into Ukraine.")
    assert deployment["type"] == "MOBILIZE"


def test_a_reporting_outlet_is_no_antecedent() -> None:
    text = (
        "The country, which has received condemnation for its invasion of Ukraine, said it "
        "would retaliate, Reuters reported."
    )
    for event in events_of(text):
        assert "GBR" not in codes(event, "actor"), event


def test_a_gerund_after_a_temporal_preposition_is_the_subjects() -> None:
    text = "Russia has provoked concern in Brussels after threatening to retaliate."
    [threat] = by_type(text, "THREATEN")
    assert codes(threat, "actor") == ["RUS"]


def test_an_entry_ban_on_foreign_officials_is_a_sanction() -> None:
    [ban] = events_of("Russia banned 963 Americans from entering the country.")
    assert (ban["type"], codes(ban, "actor"), codes(ban, "recipient")) == (
        "SANCTION",
        ["RUS"],
        ["USA"],
    )


def test_the_venue_of_a_multilateral_meeting_is_no_party() -> None:
    [summit] = events_of("Johnson spoke at the G7 summit in Bavaria, Germany.")
    assert codes(summit, "actor") == ["G7"] and codes(summit, "recipient") == []
    [nato] = events_of("The Nato summit in Madrid ended on Thursday.")
    assert codes(nato, "actor") == ["IGO"] and codes(nato, "recipient") == []
    # a state's envoy holding talks in a capital holds them with its government
    [talks] = events_of("Iran's foreign minister held talks in Moscow.")
    assert codes(talks, "actor") == ["IRN"] and codes(talks, "recipient") == ["RUS"]


def test_a_coordinated_verb_shares_the_time_of_the_first() -> None:
    text = "The city was captured by Soviet troops in April 1945 and ceded to Poland."
    [ceded] = [e for e in events_of(text) if e["trigger"]["text"] == "ceded"]
    assert ceded["date"] == "1945-04" and "historical" in flags_of(ceded)


def test_meeting_a_crisis_and_market_demand_are_no_events() -> None:
    assert not events_of("Germany must show how it will meet the looming energy crisis.")
    assert not by_type("Rising demand for gas worries Russia.", "REQUEST")
    assert by_type("Putin will meet Erdogan in Tehran.", "AGREE")


def test_a_pronoun_takes_a_fitting_antecedent_or_none() -> None:
    # an unknown name above "he" is its antecedent: nothing is coded, not the nearest actor
    text = "Schröder came under fire after he travelled to Moscow to meet Putin."
    for event in events_of(text):
        assert codes(event, "actor") != ["RUS"], event
    # "he" inside a quotation is not the speaker outside it
    for event in events_of("“Well, he resigned, and so be it,” Lavrov said."):
        assert codes(event, "actor") != ["RUS"], event
    # a first-person pronoun is the speaker, never the nearest name
    assert not events_of("Let us say as they do in Russian: until we meet again.")


def test_a_governor_says_nothing_of_its_own_subject() -> None:
    [offensive] = by_type("He predicted the Russian offensive would fail.", "ASSAULT")
    assert "negated" not in flags_of(offensive)
    [capture] = by_type("Russia failed to capture Kyiv.", "ASSAULT")
    assert "negated" in flags_of(capture)


def test_a_condition_named_by_a_noun_is_hypothetical_not_an_intention() -> None:
    text = "Ukraine said a settlement would be contingent on the withdrawal of Russian troops."
    [withdrawal] = events_of(text)
    assert withdrawal["type"] == "RETREAT" and "hypothetical" in flags_of(withdrawal)


def test_be_to_is_a_plan() -> None:
    [meeting] = events_of("Austria's chancellor is to meet Vladimir Putin.")
    assert meeting["type"] == "AGREE" and codes(meeting, "recipient") == ["RUS"]


def test_a_warning_that_someone_else_may_act_is_no_threat() -> None:
    text = "The UK warned that Russian forces may resort to using phosphorus weapons."
    assert not by_type(text, "THREATEN")
    [threat] = by_type("Russia warned that it would respond to any attack.", "THREATEN")
    assert codes(threat, "actor") == ["RUS"]


def test_a_share_contributed_is_no_aid() -> None:
    assert not events_of("Its Russian operations contributed 9% of the company's sales.")


def test_blocking_goods_or_a_website_is_coercion_and_a_road_a_protest() -> None:
    [exports] = events_of("Russia is blocking Ukraine's grain exports.")
    assert (exports["type"], exports["cameo"]) == ("COERCE", "191")
    [site] = events_of("Russia has blocked the website of the BBC.")
    assert (site["type"], codes(site, "recipient")) == ("COERCE", ["GBR"])
    [road] = events_of("Iranian protesters blocked the road to the parliament.")
    assert road["type"] == "PROTEST"


def test_verbal_retorts_and_showing_are_no_acts() -> None:
    assert not by_type("Borrell hit back by saying that sanctions do not hurt Russia.", "ASSAULT")
    text = "Baerbock came to demonstrate that Germany will not leave the stage to Russia."
    assert not by_type(text, "PROTEST")
    assert not by_type("Ukraine complied with the UN charter.", "CONCEDE")
    assert not by_type("Johnson's downfall has been met with delight in Moscow.", "CONSULT")


def test_trading_blame_is_a_mutual_accusation() -> None:
    [blame] = events_of("Kyiv and Moscow have traded blame over the strikes on the prison.")
    assert blame["type"] == "ACCUSE" and codes(blame, "actor") == ["UKR", "RUS"]


def test_an_object_pronoun_is_not_its_verbs_doer() -> None:
    [praise] = by_type("Erdogan met Putin and praised him.", "SUPPORT")
    assert codes(praise, "actor") == ["TUR"] and codes(praise, "recipient") == ["RUS"]
    text = "Zelenskiy's office praised him as an example to other world leaders."
    [office] = events_of(text)
    assert codes(office, "recipient") == []


def test_a_passive_clause_without_agent_has_no_doer_from_above() -> None:
    text = "Two Britons face death after being captured in Mariupol."
    for event in by_type(text, "ASSAULT"):
        assert codes(event, "actor") == [], event
    for event in events_of("Two British nationals have been reported killed in Ukraine."):
        assert "GBR" not in codes(event, "actor"), event
    text = "Asked about a report that the US helped Ukraine, Peskov said Russia would respond."
    assert not by_type(text, "REQUEST")


def test_an_accused_party_did_the_act_named_by_a_noun() -> None:
    [strikes] = by_type(
        "Ukraine has accused Russian forces of strikes near the reactor.", "ASSAULT"
    )
    assert codes(strikes, "actor") == ["RUS"] and "alleged" in flags_of(strikes)
    [wave] = by_type("Russia began a wave of strikes on Kyiv.", "ASSAULT")
    assert codes(wave, "actor") == ["RUS"]


def test_an_act_dodged_or_resisted_is_someone_elses() -> None:
    text = "Putin met Erdogan to discuss Kremlin efforts to circumvent western sanctions."
    for event in by_type(text, "SANCTION"):
        assert codes(event, "actor") != ["RUS"], event


def test_metaphors_and_own_operations_are_no_acts() -> None:
    assert not by_type("The billionaire was hit by EU sanctions.", "ASSAULT")
    assert not by_type("Sanctions have hit the Russian economy.", "ASSAULT")
    assert not by_type("Novaya Gazeta suspended operations after warnings.", "SANCTION")
    assert not by_type("Tui regrets attempts by Russia to restrict press freedoms.", "CONCEDE")
    assert not by_type("Pictures released by Russian-backed fighters show smoke.", "RETREAT")
    assert not by_type("Russia launched an attack that sought to capture Kyiv.", "REQUEST")


def test_a_suggestion_is_an_appeal_only_when_it_proposes() -> None:
    assert not by_type("The official suggested that Ukraine had an advantage.", "REQUEST")
    assert by_type("France suggested to Iran that talks resume.", "REQUEST")


def test_handing_over_intelligence_is_sharing_it() -> None:
    [share] = events_of("The US hands over intelligence to Ukraine's armed forces.")
    assert (share["type"], share["cameo"]) == ("COOPERATE", "064")


def test_a_relational_noun_is_not_its_possessor() -> None:
    [supply] = by_type("Russia's western allies rushed to supply Kyiv with artillery.", "AID")
    assert codes(supply, "actor") != ["RUS"] and codes(supply, "recipient") == ["UKR"]


def test_agreeing_that_something_is_so_is_an_opinion() -> None:
    assert not by_type("Feygin agrees that China has rejected the overtures.", "AGREE")
    [reject] = by_type("Feygin agrees that China has rejected Russia's overtures.", "REJECT")
    assert "future" not in flags_of(reject)
    [agree] = by_type("Hungary and Romania agreed that their countries should cooperate.", "AGREE")
    assert codes(agree, "actor") == ["HUN", "ROU"]


def test_asking_whether_is_a_question() -> None:
    assert not by_type("Germany has been asking whether the flow will begin again.", "REQUEST")


def test_a_belief_is_no_intention() -> None:
    text = "It was a flaw in Putin's strategy to think China would bail him out."
    assert not by_type(text, "AGREE")


def test_blaming_or_welcoming_an_act_does_not_make_it_yours() -> None:
    for event in by_type("Russia has blamed sanctions for the reduced flow.", "SANCTION"):
        assert codes(event, "actor") != ["RUS"], event


def test_a_passive_with_its_own_subject_takes_no_doer_from_above() -> None:
    text = "The Kremlin said it would increase supplies once the turbine was returned to Russia."
    [returned] = by_type(text, "RETREAT")
    assert codes(returned, "actor") == []


def test_a_pronoun_prefers_an_earlier_subject() -> None:
    text = "If Russia won the battles in Ukraine, it would pursue new offensives."
    [offensive] = events_of(text)
    assert codes(offensive, "actor") == ["RUS"]


def test_have_to_is_an_obligation() -> None:
    [cut] = events_of("We have to cut Russia off from the global economy, Ukraine said.")
    assert "hypothetical" in flags_of(cut) and cut["type"] == "COERCE"


def test_a_noun_subject_keeps_its_modal_only_with_a_verb_of_happening() -> None:
    text = "Protests in Russia against the war may strengthen the belief that Putin is weak."
    [protests] = by_type(text, "PROTEST")
    assert "hypothetical" not in flags_of(protests)


def test_a_coordinated_verb_is_not_governed_by_its_sibling() -> None:
    text = "Kuleba accused Russia of a war crime and called on leaders to isolate Russia."
    [call] = by_type(text, "REQUEST")
    assert "alleged" not in flags_of(call)


def test_lower_case_the_west_is_a_party() -> None:
    [urge] = events_of("Zelenskiy has urged the west to intensify sanctions against Russia.")
    assert codes(urge, "recipient") == ["WST"]


def test_opportunities_territory_and_labels_are_no_acts() -> None:
    assert not events_of("Russia's absence from Davos has provided Ukraine with an opportunity.")
    assert not by_type("Lavrov said Russia may seek more territory.", "REQUEST")
    assert by_type("The UN sought an end to the fighting in Syria.", "REQUEST")
    assert not by_type("Twitter put a warning on the Russian tweet.", "THREATEN")
    text = "The US envoy said there should be no doubt that Russia intended to annex Ukraine."
    assert not by_type(text, "REQUEST")


def test_towns_of_the_war_are_placed_in_their_state() -> None:
    [attack] = events_of("The Russian army attacked the cities of Mykolaiv and Kharkiv.")
    assert codes(attack, "actor") == ["RUS"] and codes(attack, "recipient") == ["UKR"]
    [shelled] = events_of("Russia shelled the town of Bakhmut.")
    assert codes(shelled, "recipient") == ["UKR"]
