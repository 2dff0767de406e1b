"""The parser on the phrasing families of real war reporting, one sentence of our own each.

Each case lists the claims a careful reader takes from the text, as
(party, category, measure, value, qualifier, period, source); `None` in a
field means that field is not what the case is about.
"""
from __future__ import annotations

import pytest

from lossclaims import Article
from lossclaims.extraction import extract, split_sentences

FIELDS = ("party", "category", "measure", "value", "qualifier", "period", "source")


def claims_of(text: str) -> list[dict]:
    claims, _ = extract(Article(id="t", text=text))
    return [dict(zip(FIELDS, c[1:8])) | {"flags": c[11], "start": c[9], "end": c[10]} for c in claims]


def mentions_of(text: str) -> list[tuple[float, str]]:
    _, mentions = extract(Article(id="t", text=text))
    return [(m[2], m[3]) for m in mentions]


def _matches(claim: dict, want: tuple) -> bool:
    return all(w is None or claim[f] == w for f, w in zip(FIELDS, want))


def assert_claims(text: str, *wanted: tuple) -> None:
    got = claims_of(text)
    for want in wanted:
        assert any(_matches(c, want) for c in got), f"missing {want} in {[tuple(c[f] for f in FIELDS) for c in got]}"
    assert len(got) == len(wanted), f"extra claims: {[tuple(c[f] for f in FIELDS) for c in got]}"


CASES = {
    "general_staff_kyiv_independent": (
        "Russia has lost 1,020,010 troops in Ukraine since the beginning of its full-scale invasion on Feb. 24, 2022, "
        "the General Staff of Ukraine's Armed Forces reported on July 1. This number includes 1,070 casualties Russian "
        "forces suffered over the past day.",
        [("russia", "personnel", "casualties", 1020010, "exact", "cumulative", "ukraine_official"),
         ("russia", "personnel", "casualties", 1070, "exact", "daily", "ukraine_official")],
    ),
    "list_under_colon_qualifier": (
        "Ukraine's General Staff said the losses of the occupiers amounted to approximately: 20,300 military "
        "personnel, 773 tanks, 2,002 armoured combat vehicles and 376 artillery systems.",
        [("russia", "personnel", "casualties", 20300, "approx", "cumulative", "ukraine_official"),
         ("russia", "tanks", "lost", 773, "approx", None, None),
         ("russia", "armoured_vehicles", "lost", 2002, "approx", None, None),
         ("russia", "artillery", "lost", 376, "approx", None, None)],
    ),
    "label_dash_list_with_daily_increments": (
        "The total combat losses of the enemy from 24.02.22 to 12.03.24 were approximately: personnel - about "
        "430,950 (+1,190) persons were liquidated, tanks - 6,729 (+12), helicopters - 325.",
        [("russia", "personnel", "killed|casualties", 430950, "approx", "cumulative", None),
         ("russia", "personnel", None, 1190, None, "daily", None),
         ("russia", "tanks", "lost", 6729, "approx", "cumulative", None),
         ("russia", "tanks", "lost", 12, None, "daily", None),
         ("russia", "helicopters", "lost", 325, "approx", "cumulative", None)],
    ),
    "list_led_by_including": (
        "Moscow has lost around 8,000 pieces of equipment, including 2,100 tanks and 40 helicopters, "
        "according to the Institute for the Study of War.",
        [("russia", "equipment", "lost", 8000, "approx", "cumulative", "isw"),
         ("russia", "tanks", "lost", 2100, "exact", "cumulative", "isw"),
         ("russia", "helicopters", "lost", 40, "exact", "cumulative", "isw")],
    ),
    "daily_and_cumulative_in_one_sentence": (
        "Over the past day 590 Russian soldiers lost their lives, bringing the total number killed to 111,760.",
        [("russia", "personnel", "killed", 590, "exact", "daily", "unattributed"),
         ("russia", "personnel", "killed", 111760, "exact", "cumulative", "unattributed")],
    ),
    "russian_speaker_adversary": (
        "Russian Defence Minister Sergei Shoigu told reporters that the adversary's losses reached over 26,000 "
        "servicemen in June.",
        [("ukraine", "personnel", "casualties", 26000, "at_least", "window", "russia_official")],
    ),
    "destroyer_is_not_the_loser": (
        "Ukraine destroyed 1 101 units of Russian equipment last month, the military said.",
        [("russia", "equipment", "lost", 1101, "exact", "window", None)],
    ),
    "russian_forces_destroyed_ukrainian_tanks": (
        "Russian forces destroyed 12 Ukrainian tanks near Avdiivka, the Russian Defence Ministry said.",
        [("ukraine", "tanks", "lost", 12, "exact", None, "russia_official")],
    ),
    "russian_air_defence_shot_down": (
        "Air defence systems shot down 40 drones over the Belgorod and Kursk regions overnight, Russia's Defence "
        "Ministry said.",
        [("ukraine", "drones", "lost", 40, "exact", "window", "russia_official")],
    ),
    "ukrainian_air_force_shot_down": (
        "Ukraine's air force said it shot down 483 UAVs of the 502 drones launched overnight.",
        [("russia", "drones", "lost", 483, "exact", "window", "ukraine_official")],
    ),
    "range_with_hyphen": (
        "U.S. officials estimate that 70,000-80,000 Russian troops have been killed or wounded.",
        [("russia", "personnel", "casualties", 70000, "at_least", "cumulative", "us_official"),
         ("russia", "personnel", "casualties", 80000, "at_most", "cumulative", "us_official")],
    ),
    "range_between": (
        "The Pentagon's top general said Russia has suffered between 150,000 and 200,000 killed and wounded.",
        [("russia", "personnel", "casualties", 150000, "at_least", "cumulative", "us_official"),
         ("russia", "personnel", "casualties", 200000, "at_most", "cumulative", "us_official")],
    ),
    "scale_words": (
        "UK Defence Intelligence estimates Russia has suffered around 1.25 million casualties.",
        [("russia", "personnel", "casualties", 1250000, "approx", "cumulative", "uk_official")],
    ),
    "half_a_million_bound": (
        "Russia has lost more than half a million troops, Ukraine's military said.",
        [("russia", "personnel", "casualties", 500000, "at_least", "cumulative", "ukraine_official")],
    ),
    "words_for_small_numbers": (
        "Ukrainian forces shot down three helicopters and sank one submarine this week.",
        [("russia", "helicopters", "lost", 3, "exact", "window", "unattributed"),
         ("russia", "submarines", "lost", 1, "exact", "window", "unattributed")],
    ),
    "dot_and_space_thousands": (
        "Russia lost 173.990 soldiers and 7 905 artillery systems, the General Staff said.",
        [("russia", "personnel", "casualties", 173990, "exact", None, "ukraine_official"),
         ("russia", "artillery", "lost", 7905, "exact", None, "ukraine_official")],
    ),
    "bounds_fewer_than": (
        "Fewer than 6,000 North Korean soldiers have been killed in Kursk, South Korea's National Intelligence "
        "Service said.",
        [("north_korea", "personnel", "killed", 6000, "at_most", None, "other_official")],
    ),
    "bounds_as_many_as": (
        "As many as 200,000 Russian soldiers have been killed, according to US officials.",
        [("russia", "personnel", "killed", 200000, "at_most", "cumulative", "us_official")],
    ),
    "bounds_upwards_and_approaching": (
        "Mediazona has confirmed the deaths of upwards of 100,000 Russian soldiers, and the true toll is approaching "
        "200,000 dead, analysts say.",
        [("russia", "personnel", "killed", 100000, "at_least", "cumulative", "independent"),
         ("russia", "personnel", "killed", 200000, "at_most", "cumulative", "independent")],
    ),
    "civilians_killed_and_injured": (
        "Since February 2022 Russian attacks have killed 11,743 civilians and injured 24,614, the UN Human Rights "
        "Monitoring Mission said.",
        [("ukraine", "civilians", "killed", 11743, "exact", "cumulative", "un"),
         ("ukraine", "civilians", "wounded", 24614, "exact", "cumulative", "un")],
    ),
    "children_part_of_total": (
        "The UN has verified that at least 12,000 civilians have been killed, including 650 children.",
        [("ukraine", "civilians", "killed", 12000, "at_least", "cumulative", "un"),
         ("ukraine", "civilians", "killed", 650, "exact", "cumulative", "un")],
    ),
    "governor_wounded_in_town": (
        "Kharkiv Governor Oleh Syniehubov said 11 were wounded when Russian shells hit the town of Kupiansk on "
        "Tuesday.",
        [("ukraine", "civilians", "wounded", 11, "exact", "window", "ukraine_official")],
    ),
    "russian_region_civilians": (
        "Two people were killed in a Ukrainian drone attack on the Belgorod region, Governor Vyacheslav Gladkov said.",
        [("russia", "civilians", "killed", 2, "exact", "window", "russia_official")],
    ),
    "independent_estimate": (
        "Independent estimates suggest around 400,000 Ukrainian troops have been killed or wounded.",
        [("ukraine", "personnel", "casualties", 400000, "approx", "cumulative", "independent")],
    ),
    "figure_far_from_noun": (
        "Russia lost 1,100 troops in the past day, taking the total to 1,020,010, Kyiv says.",
        [("russia", "personnel", "casualties", 1100, "exact", "daily", "ukraine_official"),
         ("russia", "personnel", "casualties", 1020010, "exact", "cumulative", "ukraine_official")],
    ),
    "typo_causalities": (
        "Russian causalities have passed 700,000, according to the General Staff.",
        [("russia", "personnel", "casualties", 700000, "at_least", "cumulative", "ukraine_official")],
    ),
    "vocabulary_of_mod_reports": (
        "Over the past day, the Russian Defence Ministry said, its forces destroyed two HIMARS launchers, three "
        "radars, five electronic-warfare stations and 14 field artillery guns and mortars of the Ukrainian army.",
        [("ukraine", "mlrs", "lost", 2, "exact", "daily", "russia_official"),
         ("ukraine", "special_equipment", "lost", 3, "exact", "daily", "russia_official"),
         ("ukraine", "special_equipment", "lost", 5, "exact", "daily", "russia_official"),
         ("ukraine", "artillery", "lost", 14, "exact", "daily", "russia_official")],
    ),
    "enemy_lost_russian_source": (
        "The enemy lost up to 1,200 servicemen over the past day, the Russian Defence Ministry said.",
        [("ukraine", "personnel", "casualties", 1200, "at_most", "daily", "russia_official")],
    ),
    "article_as_number_equipment": (
        "A Russian drone destroyed a tank and an infantry fighting vehicle near Pokrovsk, the Ukrainian military said.",
        [("ukraine", "tanks", "lost", 1, "exact", None, "ukraine_official"),
         ("ukraine", "ifv", "lost", 1, "exact", None, "ukraine_official")],
    ),
    "article_as_number_person": (
        "A woman was killed and three people were injured in Russian shelling of Kherson, the regional governor said.",
        [("ukraine", "civilians", "killed", 1, "exact", "window", None),
         ("ukraine", "civilians", "wounded", 3, "exact", "window", None)],
    ),
    "north_korea_deployed_and_casualties": (
        "North Korea has sent some 11,000 troops to Russia's Kursk region, and about 4,000 of them have been killed or "
        "wounded, Zelensky said.",
        [("north_korea", "personnel", "deployed", 11000, "approx", None, "ukraine_official"),
         ("north_korea", "personnel", "casualties", 4000, "approx", None, "ukraine_official")],
    ),
    "mediazona_confirmed": (
        "Mediazona has confirmed the names of 106,745 Russian soldiers killed in the war.",
        [("russia", "personnel", "killed", 106745, "exact", "cumulative", "independent")],
    ),
    "oryx_visually_confirmed": (
        "Oryx has documented 3,000 Russian tanks destroyed, damaged, abandoned or captured.",
        [("russia", "tanks", "lost", 3000, "exact", "cumulative", "independent")],
    ),
    "russian_nationals_are_civilians": (
        "Three Russian nationals were killed in the strike, TASS reported.",
        [("russia", "civilians", "killed", 3, "exact", "window", "russia_official")],
    ),
    "denominator_is_launched": (
        "Ukraine's air force said air defences shot down 10 of 12 Shahed drones launched overnight.",
        [("russia", "drones", "lost", 10, "exact", "window", "ukraine_official")],
    ),
    "second_side_in_a_contrast": (
        "Oryx says Russia has lost around 2,000 tanks since February 2022, while Ukraine has lost about 500.",
        [("russia", "tanks", "lost", 2000, "approx", "cumulative", "independent"),
         ("ukraine", "tanks", "lost", 500, "approx", "cumulative", "independent")],
    ),
    "table_written_as_text": (
        "The total combat losses of the enemy are approximately:\nCategory | Total | Past day\n"
        "Tanks | 4,187 | +5\nAircraft | 315 | 0",
        [("russia", "tanks", "lost", 4187, "approx", "cumulative", None),
         ("russia", "tanks", "lost", 5, None, "daily", None),
         ("russia", "aircraft", "lost", 315, "approx", "cumulative", None)],
    ),
    "header_as_follows_then_list": (
        "The losses of the Russian Federation are approximately as follows, the General Staff reported.\n"
        "Personnel: about 39 870 people (170 more over the past day); tanks: 1 730 (+7).",
        [("russia", "personnel", "casualties", 39870, "approx", "cumulative", "ukraine_official"),
         ("russia", "personnel", "casualties", 170, None, "daily", "ukraine_official"),
         ("russia", "tanks", "lost", 1730, "approx", "cumulative", "ukraine_official"),
         ("russia", "tanks", "lost", 7, None, "daily", "ukraine_official")],
    ),
    "trailing_voice_attributes_figures_before_it": (
        "Russia lost 9,667 tanks and 19,890 armoured combat vehicles.\nThe data are being updated, the General Staff noted.",
        [("russia", "tanks", "lost", 9667, "exact", "cumulative", "ukraine_official"),
         ("russia", "armoured_vehicles", "lost", 19890, "exact", "cumulative", "ukraine_official")],
    ),
    "moscow_civilians_are_russian": (
        "Moscow Mayor Sergei Sobyanin said three people were killed in the drone attack.",
        [("russia", "civilians", "killed", 3, "exact", "window", "russia_official")],
    ),
    "intercepted_munitions_are_the_launchers": (
        "Russia fired 25 cruise missiles at Ukraine on Tuesday, the Air Force said. Eighteen cruise missiles were intercepted.",
        [("russia", "cruise_missiles", "lost", 18, "exact", None, "ukraine_official")],
    ),
    "air_defence_after_an_attack_named_earlier": (
        "Ukraine's military said a strike on Kharkiv killed three people.\n"
        "Russia launched 120 drones and nine missiles at Kyiv overnight, the Air Force said. Air defence destroyed 101 drones.",
        [("ukraine", "civilians", "killed", 3, None, None, None),
         ("russia", "drones", "lost", 101, "exact", None, "ukraine_official")],
    ),
    "the_losses_included_parts_of_the_figure_before": (
        "Ukraine lost up to 1,200 troops over the past day, the Russian Defence Ministry said. "
        "According to the briefing, the losses included up to 300 soldiers facing Russia's West group.",
        [("ukraine", "personnel", "casualties", 1200, "at_most", "daily", "russia_official"),
         ("ukraine", "personnel", "casualties", 300, "at_most", None, "russia_official")],
    ),
    "total_since_a_date_to": (
        "Ukraine's military said 1,200 Russian soldiers were killed or wounded in the past day, "
        "bringing the total since Feb. 24, 2022 to 930,000.",
        [("russia", "personnel", "casualties", 1200, "exact", "daily", "ukraine_official"),
         ("russia", "personnel", "casualties", 930000, "exact", "cumulative", "ukraine_official")],
    ),
    "strike_death_toll_headline_is_civilians": (
        "Russian strike on Kramatorsk: death toll rises to 8",
        [("ukraine", "civilians", "killed", 8, "exact", None, None)],
    ),
    "people_killed_as_troops_shelled": (
        "In the Donetsk region, three people were killed and five injured as Russian troops shelled 12 towns, the governor said.",
        [("ukraine", "civilians", "killed", 3, "exact", None, "ukraine_official"),
         ("ukraine", "civilians", "wounded", 5, "exact", None, "ukraine_official")],
    ),
    "one_resident_killed": (
        "Russian artillery hit the village overnight, killing one resident, the regional administration said.",
        [("ukraine", "civilians", "killed", 1, "exact", None, "ukraine_official")],
    ),
    "partitive_of_the_dead": (
        "Researchers have identified 80,000 Russian soldiers killed, an independent count shows. "
        "Of the identified dead, 9,500 were mobilised men and 12,000 had been recruited from prisons.",
        [("russia", "personnel", "killed", 80000, "exact", None, "independent"),
         ("russia", "personnel", "killed", 9500, "exact", None, "independent"),
         ("russia", "personnel", "killed", 12000, "exact", None, "independent")],
    ),
    "median_age_of_the_dead_is_not_a_count": (
        "The count of Russian soldiers killed has reached 80,000, researchers said, and the average age of the dead has risen to 35.",
        [("russia", "personnel", "killed", 80000, "exact", None, "independent")],
    ),
    "crew_and_sailors_are_personnel": (
        "Four Russian crew members were killed when the landing ship sank, Ukraine's navy said. "
        "Russia's defence ministry said one sailor had died and 27 were missing.",
        [("russia", "personnel", "killed", 4, "exact", None, "ukraine_official"),
         ("russia", "personnel", "killed", 1, "exact", None, "russia_official"),
         ("russia", "personnel", "missing", 27, "exact", None, "russia_official")],
    ),
    "a_warplane_shot_down": (
        "Ukraine's air force said it shot down a Russian warplane over the Black Sea.",
        [("russia", "aircraft", "lost", 1, "exact", None, "ukraine_official")],
    ),
    "running_totals_quoted_in_a_story_about_one_raid": (
        "Ukraine loses an F-16 as Russia launches massive overnight attack\n"
        "Ukraine lost an F-16 fighter jet overnight during a massive Russian attack, Ukraine's air force said.\n"
        "Oryx has confirmed the loss of 140 Russian fixed-wing aircraft and 12 Russian drones.",
        [("ukraine", "aircraft", "lost", 1, "exact", "window", "ukraine_official"),
         ("russia", "aircraft", "lost", 140, "exact", "cumulative", "independent"),
         ("russia", "drones", "lost", 12, "exact", "window", "independent")],
    ),
    "wire_dateline_and_the_countrys_own_voice": (
        "KYIV—Ukraine has lost a second F-16 fighter jet in a crash, the country's air force said on Friday.",
        [("ukraine", "aircraft", "lost", 1, "exact", None, "ukraine_official")],
    ),
    "a_hyphenated_model_in_the_noun_phrase": (
        "Ukraine's military intelligence said it destroyed two A-50 early-warning planes.",
        [("russia", "aircraft", "lost", 2, "exact", None, "ukraine_official")],
    ),
    "the_outlets_own_model_and_a_dash_range_of_whom": (
        "By our own count, Russia has suffered 800,000 casualties, of whom 160,000-230,000 have been killed.",
        [("russia", "personnel", "casualties", 800000, "exact", "cumulative", "independent"),
         ("russia", "personnel", "killed", 160000, "at_least", "cumulative", "independent"),
         ("russia", "personnel", "killed", 230000, "at_most", "cumulative", "independent")],
    ),
    "that_one_person_was_wounded": (
        "The governor of Belgorod reported that one person was wounded in the shelling of Shebekino.",
        [("russia", "civilians", "wounded", 1, "exact", None, "russia_official")],
    ),
    "a_single_item_after_a_list_with_us_made": (
        "Russia's Defence Ministry said its forces destroyed three U.S.-made Bradley infantry fighting vehicles, "
        "a German-made Leopard tank and four howitzers.",
        [("ukraine", "ifv", "lost", 3, "exact", None, "russia_official"),
         ("ukraine", "tanks", "lost", 1, "exact", None, "russia_official"),
         ("ukraine", "artillery", "lost", 4, "exact", None, "russia_official")],
    ),
    "inverted_attribution_said_spokesman": (
        "Ukraine lost 12 tanks in the assault, said Ukrainian military spokesman Nazar Voloshyn.",
        [("ukraine", "tanks", "lost", 12, "exact", None, "ukraine_official")],
    ),
    "russian_installed_official_and_a_told_event": (
        "Two civilians were killed in Enerhodar, the Russian-installed governor Yevgeny Balitsky said.",
        [("ukraine", "civilians", "killed", 2, "exact", "window", "russia_official")],
    ),
    "shahed_drones_are_russian_when_no_side_is_named": (
        "Over the past 24 hours, air defences destroyed 41 of 56 Shahed drones, the air force said.",
        [("russia", "drones", "lost", 41, "exact", "daily", None)],
    ),
    "commander_in_chief_as_source": (
        "In May alone, Russian forces lost 35,000 troops, according to Ukraine's commander-in-chief.",
        [("russia", "personnel", "casualties", 35000, "exact", "window", "ukraine_official")],
    ),
    "people_killed_in_a_russian_strike_are_ukrainian_civilians": (
        "At least 14 people were killed in Russia's missile strike on Dnipro, the head of the regional "
        "military administration said.",
        [("ukraine", "civilians", "killed", 14, "at_least", "window", "ukraine_official")],
    ),
    "named_cruise_missile_type": (
        "Air defences destroyed 12 Kalibr cruise missiles and four Kh-59 missiles over the Black Sea.",
        [("russia", "cruise_missiles", "lost", 12, "exact", None, None),
         ("russia", "cruise_missiles", "lost", 4, "exact", None, None)],
    ),
    "in_a_day_is_a_period_not_a_rate": (
        "Russia lost 1,200 troops in a day, Ukraine's military said.",
        [("russia", "personnel", "casualties", 1200, "exact", "daily", "ukraine_official")],
    ),
    "civilians_of_occupied_ukraine_counted_by_moscow_installed_officials": (
        "Moscow-installed officials in occupied Luhansk said Ukrainian rockets killed three civilians in Alchevsk.",
        [("ukraine", "civilians", "killed", 3, "exact", "window", "russia_official")],
    ),
    "parts_of_a_named_count_after_it_includes": (
        "UALosses has confirmed the deaths of 64,500 Ukrainian soldiers. The list also includes 9,200 "
        "mobilised men drafted last year and 1,150 officers.",
        [("ukraine", "personnel", "killed", 64500, "exact", "cumulative", "independent"),
         ("ukraine", "personnel", "killed", 9200, "exact", None, "independent"),
         ("ukraine", "personnel", "killed", 1150, "exact", None, "independent")],
    ),
    "put_out_of_action_by_the_count_of": (
        "By the count of Ukraine's navy, 28 Russian warships and boats have been put out of action since 2022.",
        [("russia", "ships", "lost", 28, "exact", "cumulative", "ukraine_official")],
    ),
    "the_voice_does_not_own_the_drones_it_downed": (
        "Russia launched 120 drones at Ukraine overnight. Ukraine's Air Force said 96 of the drones were shot down "
        "and 17 were \"locally lost\".",
        [("russia", "drones", "lost", 96, "exact", "window", "ukraine_official"),
         ("russia", "drones", "lost", 17, "exact", "window", "ukraine_official")],
    ),
    "a_sides_operational_command_denies_a_figure": (
        "Russia's Defence Ministry said it had killed 900 Ukrainian soldiers near Pokrovsk in a week. Ukraine's Tavria "
        "operational-strategic group dismissed the figure, saying its units had fewer than 200 soldiers killed and wounded.",
        [("ukraine", "personnel", "killed", 900, "exact", "window", "russia_official"),
         ("ukraine", "personnel", "casualties", 200, "at_most", None, "ukraine_official")],
    ),
    "spokesman_after_a_quote_speaks_for_the_side_last_heard": (
        "Ukraine's General Staff said the assault had failed. \"The enemy lost 800 men in five days,\" "
        "spokesman Andriy Kovalov told reporters.",
        [("russia", "personnel", "casualties", 800, "exact", "window", "ukraine_official")],
    ),
    "country_as_voice_after_a_relative_clause": (
        "Britain, which shares intelligence with Kyiv, said Russia had suffered about 450,000 casualties.",
        [("russia", "personnel", "casualties", 450000, "approx", "cumulative", "uk_official")],
    ),
    "one_million_headline_caps": (
        "Russian casualties pass 1 MILLION",
        [("russia", "personnel", "casualties", 1000000, "at_least", "cumulative", "unattributed")],
    ),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_phrasing_family(name: str) -> None:
    text, wanted = CASES[name]
    got = claims_of(text)
    rows = [tuple(c[f] for f in FIELDS) for c in got]
    for want in wanted:
        ok = any(all(w is None or (c[f] in str(w).split("|") if isinstance(w, str) else c[f] == w)
                     for f, w in zip(FIELDS, want)) for c in got)
        assert ok, f"{name}: missing {want}; got {rows}"
    assert len(got) == len(wanted), f"{name}: expected {len(wanted)} claims, got {rows}"


TRAPS = {
    "ship_class_project_number": ("Drones sank a Project 22160 patrol ship near Novorossiysk.", "model_number"),
    "losses_a_day_are_a_rate": ("Russia is losing about 1,000 soldiers a day, Kyiv says.", "rate"),
    "iso_date": ("Ukraine's air force reported the attack on 2024-01-09.", "date"),
    "day_of_war": ("It is day 1,204 of the war.", "day_of_war"),
    "launched_record": ("Russia launched a record 479 drones at Ukraine on Sunday.", "launched"),
    "percent": ("NATO called for a 400 per cent increase in air defence.", "percentage"),
    "new_air_defence_sites": ("Ukraine has set up 110 new locations for its air defences.", "no_category"),
    "other_war_toll": ("The deadliest war in Europe since World War II, which claimed up to 20 million lives.", "other_war"),
    "model_number": ("Ukrainian pilots flew the F-16 and the Su-27 over Odesa.", "model_number"),
    "area_gained": ("Russian forces captured 4,168 square kilometres of Ukrainian land in 2024.", "measurement"),
    "rate_per_square_km": ("Russia is losing 1,500 soldiers per square kilometre gained.", "rate"),
    "rate_for_every": ("Russia is losing five soldiers for every Ukrainian.", "rate"),
    "stock_started_with": ("Russia started the war with 3,000 tanks in active service.", "stock"),
    "deliveries": ("The United States has supplied 198 howitzers to Ukraine.", "stock"),
    "recruitment": ("Russia recruits some 30,000 soldiers a month, officials said.", "recruitment"),
    "forecast": ("Russian casualties are expected to reach a million by the summer.", "forecast"),
    "money": ("Congress approved $61 billion in aid.", "money"),
    "ordinal_unit": ("The 47th Mechanized Brigade repelled the assault.", "ordinal"),
    "duration": ("The war has gone on for 1,204 days.", "duration"),
    "army_grows_by_to": ("Putin ordered the armed forces to grow by 150,000 troops to 1.32 million.", "stock"),
    "median_age": ("Researchers say the median age of the dead has risen to 37.", "age"),
}


@pytest.mark.parametrize("name", sorted(TRAPS))
def test_traps_are_mentions_not_claims(name: str) -> None:
    text, reason = TRAPS[name]
    assert claims_of(text) == [], f"{name}: took a trap as a claim"
    assert reason in {r for _, r in mentions_of(text)}, f"{name}: {mentions_of(text)}"


def test_mistyped_separator_is_read_and_flagged() -> None:
    [c] = claims_of("General Staff: Russia lost 1,020.010 troops in Ukraine")
    assert c["value"] == 1020010 and "separator_typo" in c["flags"] and "headline" in c["flags"]


def test_same_figure_in_headline_and_body_is_one_claim() -> None:
    text = "Russia has lost 10,980 tanks\nRussia has lost 10,980 tanks, the General Staff said."
    claims, mentions = extract(Article(id="t", text=text))
    assert len(claims) == 1 and claims[0][7] == "ukraine_official"
    assert [m[3] for m in mentions] == ["repeat"]


def test_every_number_is_a_claim_or_a_mention() -> None:
    text = ("On Feb. 24, 2022 Russia invaded. It has lost 10,980 tanks and 40% of its fleet, "
            "worth $5 billion, in 1,204 days; three helicopters were shot down.")
    claims, mentions = extract(Article(id="t", text=text))
    spans = sorted((c[9], c[10]) for c in claims) + sorted((m[5], m[6]) for m in mentions)
    assert len(spans) == len(set(spans)) == 7


def test_spans_hold_the_number_and_quote_is_the_sentence() -> None:
    text = "Intro line\nKyiv says Russia has lost 1,020,010 troops. Another sentence."
    [c] = claims_of(text)
    assert text[c["start"]:c["end"]] == "1,020,010"
    claims, _ = extract(Article(id="t", text=text))
    assert claims[0][8] == "Kyiv says Russia has lost 1,020,010 troops."


def test_headline_is_its_own_sentence() -> None:
    text = "Russia loses 1,000 troops\nThe war goes on. More soon."
    assert [text[s.start:s.end] for s in split_sentences(text)] == [
        "Russia loses 1,000 troops", "The war goes on.", "More soon."]
    assert split_sentences(text)[0].title
