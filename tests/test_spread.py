"""Claim spread: intervals, agreement, outliers and conflations, on hand-made frames and the gold frame."""
from __future__ import annotations

import math

import pandas as pd
import pytest

from lossclaims import spread
from lossclaims.schema import frame
from lossclaims.spread import (
    CONFLATION_COLUMNS, INTERVAL_COLUMNS, OUTLIER_COLUMNS, SPREAD_COLUMNS, check_parameters,
    claim_intervals, conflations, interval, outliers, rounding_unit, spread_table,
)

R, U, CUM = "russia", "ukraine", "cumulative"


# --- intervals ---------------------------------------------------------------------------

@pytest.mark.parametrize("value, qualifier, flags, expected", [
    (10980, "exact", "", (10980, 10980)),               # a bare precise figure is a point
    (420, "exact", "", (420, 420)),                     # not a multiple of 1,000: not read as rounded
    (35000, "exact", "", (34500, 35500)),               # rounded to the thousand: ±500
    (1_000_000, "exact", "", (950_000, 1_050_000)),     # "one million": ±half a million capped at 5 %
    (400_000, "approx", "", (380_000, 420_000)),        # "around": ±5 %
    (22_000, "at_least", "", (22_000, math.inf)),       # "over": open above
    (11_000, "at_most", "", (9_900, 11_000)),           # "nearly": down to 10 % below
    (80_000, "at_most", "headline;range_high", (0, 80_000)),  # top of a range: anything below
])
def test_interval_reads_each_qualifier(value, qualifier, flags, expected):
    assert interval(value, qualifier, flags) == pytest.approx(expected)


def test_interval_rejects_unknown_qualifier():
    with pytest.raises(ValueError, match="Unknown qualifier 'roughly'"):
        interval(5, "roughly")


def test_rounding_unit():
    assert [rounding_unit(v) for v in (1, 10, 10980, 54000, 1_000_000, 0, 2.5)] == [1, 10, 10, 1000, 1_000_000, 1, 1]


def test_claim_intervals_adds_bounds_and_labels(claims_of):
    c = claims_of(("000_aa", R, "tanks", "lost", 11000, "at_most", CUM, "ukraine_official"),
                  ("001_bb", U, "tanks", "lost", 5, "exact", CUM, "isw"))
    iv = claim_intervals(c, parties=R)
    assert list(iv.columns) == INTERVAL_COLUMNS
    assert iv[["low", "high", "figure", "label"]].values.tolist() == [[9900.0, 11000.0, "≤11,000", "000 · ukraine_official · undated"]]


def test_empty_claims_give_empty_frames_with_columns():
    empty = frame("claims", [])
    for fn, cols in [(claim_intervals, INTERVAL_COLUMNS), (spread_table, SPREAD_COLUMNS),
                     (outliers, OUTLIER_COLUMNS), (conflations, CONFLATION_COLUMNS)]:
        out = fn(empty)
        assert out.empty and list(out.columns) == cols, fn.__name__


def test_check_parameters_names_the_unknown_value(claims_of):
    with pytest.raises(ValueError, match=r"^Unknown category 'tank': expected one of personnel, "):
        check_parameters(None, ["tank"])
    with pytest.raises(ValueError, match="Unknown party 'rusia'"):
        spread_table(claims_of(("a", R, "tanks", "lost", 1, "exact", CUM, "isw")), parties="rusia")
    # a party present in the claims is known even if the vocabulary does not list it
    c = claims_of(("a", "belarus", "tanks", "lost", 1, "exact", CUM, "isw"))
    assert check_parameters("belarus", None, c) == (("belarus",), None)


# --- agreement ---------------------------------------------------------------------------

def test_tanks_nearly_11000_agree_with_10980(claims_of):
    c = claims_of(("000", R, "tanks", "lost", 11000, "at_most", CUM, "ukraine_official"),
                  ("001", R, "tanks", "lost", 10980, "exact", CUM, "ukraine_official"),
                  ("004", R, "tanks", "lost", 10980, "exact", CUM, "ukraine_official"))
    row = spread_table(c).iloc[0]
    assert (row["claims"], row["articles"], row["min"], row["median"], row["max"]) == (3, 3, 10980, 10980, 11000)
    assert row["relative_spread"] == pytest.approx(20 / 10980)
    assert row["agree"] and row["common_low"] == row["common_high"] == 10980
    assert row["outliers"] == 0 and "agree" in row["note"]


def test_over_22000_agrees_with_22922_but_not_with_21000(claims_of):
    base = ("000", R, "armoured_vehicles", "lost", 22000, "at_least", CUM, "ukraine_official")
    assert spread_table(claims_of(base, ("001", R, "armoured_vehicles", "lost", 22922, "exact", CUM, "isw")))["agree"].item()
    assert not spread_table(claims_of(base, ("001", R, "armoured_vehicles", "lost", 21000, "exact", CUM, "isw")))["agree"].item()


def test_differing_exact_totals_disagree_and_may_be_different_dates(claims_of):
    c = claims_of(("003", R, "personnel", "casualties", 1000340, "exact", CUM, "unattributed"),
                  ("001", R, "personnel", "casualties", 1020010, "exact", CUM, "ukraine_official"))
    row = spread_table(c).iloc[0]
    assert not row["agree"] and math.isnan(row["common_low"])
    assert "may be different dates" in row["note"]
    assert row["outliers"] == 0  # two claims: neither can be blamed


def test_quantities_are_kept_apart_by_measure_and_period(claims_of):
    c = claims_of(("a", R, "tanks", "lost", 10980, "exact", CUM, "ukraine_official"),
                  ("b", R, "tanks", "lost", 1865, "approx", "window", "csis"),
                  ("c", R, "personnel", "killed", 1000340, "exact", CUM, "unattributed"),
                  ("d", R, "personnel", "casualties", 1020010, "exact", CUM, "ukraine_official"))
    t = spread_table(c)
    assert len(t) == 4 and t["agree"].all() and (t["claims"] == 1).all()


# --- outliers ----------------------------------------------------------------------------

def test_outlier_is_the_claim_no_other_interval_admits(claims_of):
    c = claims_of(("000", U, "personnel", "casualties", 400000, "approx", CUM, "independent"),
                  ("001", U, "personnel", "casualties", 400000, "at_least", CUM, "isw"),
                  ("003", U, "personnel", "casualties", 45000, "exact", CUM, "ukraine_official"))
    o = outliers(c)
    assert o[["article", "figure", "others", "low", "high"]].values.tolist() == [["003", "45,000", 2, 44500.0, 45500.0]]
    row = spread_table(c).iloc[0]
    assert not row["agree"] and row["outliers"] == 1 and "outlier: 45,000 (003)" in row["note"]
    # without the outlier the rest agree: the disagreement is not put down to dates
    assert "different dates" not in row["note"]


def test_no_outlier_among_two_claims_and_all_outliers_when_all_disjoint(claims_of):
    two = claims_of(("a", R, "ships", "lost", 28, "exact", CUM, "isw"), ("b", R, "ships", "lost", 40, "exact", CUM, "isw"))
    assert outliers(two).empty
    three = claims_of(*[(a, R, "ships", "lost", v, "exact", CUM, "isw") for a, v in [("a", 28), ("b", 40), ("c", 55)]])
    assert sorted(outliers(three)["value"]) == [28, 40, 55]
    assert "may be different dates" in spread_table(three)["note"].item()


# --- conflations -------------------------------------------------------------------------

def test_deaths_reported_as_casualties_elsewhere_are_a_conflation(claims_of):
    c = claims_of(("003", R, "personnel", "killed", 1000340, "exact", CUM, "unattributed"),
                  ("001", R, "personnel", "casualties", 1020010, "exact", CUM, "ukraine_official"),
                  ("002", R, "personnel", "casualties", 1000000, "at_least", CUM, "ukraine_official"),
                  ("009", R, "personnel", "casualties", 1200000, "exact", CUM, "isw"),      # 17 % off: not the same figure
                  ("004", R, "personnel", "casualties", 1000000, "exact", "daily", "isw"),  # another period
                  ("005", U, "personnel", "casualties", 1000000, "exact", CUM, "isw"),      # another party
                  ("006", R, "personnel", "wounded", 1000340, "exact", CUM, "isw"))        # wounded is not deaths
    conf = conflations(c)
    assert len(conf) == 1
    r = conf.iloc[0]
    assert (r["article"], r["figure"], r["casualties_claims"], r["casualties_articles"]) == ("003", "1,000,340", 2, "001, 002")
    assert r["relative_difference"] == pytest.approx(340 / 1000340)
    assert not r["same_article"] and "reported as killed in 003" in r["note"]
    t = spread_table(c).set_index(["measure", "period", "party"])
    assert t.loc[("killed", CUM, R), "conflated_with"] == "casualties"
    assert t.loc[("casualties", CUM, R), "conflated_with"] == "killed"
    assert t.loc[("wounded", CUM, R), "conflated_with"] == ""


def test_conflation_within_one_article(claims_of):
    c = claims_of(("003", U, "personnel", "casualties", 45000, "exact", CUM, "ukraine_official"),
                  ("003", U, "personnel", "killed", 45000, "at_least", CUM, "ukraine_official"))
    assert conflations(c)["same_article"].tolist() == [True]
    assert conflations(c, rtol=0.0)["same_article"].tolist() == [True]
    apart = claims_of(("003", U, "personnel", "casualties", 50000, "exact", CUM, "isw"),
                      ("003", U, "personnel", "killed", 45000, "exact", CUM, "isw"))
    assert conflations(apart).empty  # 10 % apart: two different figures
    assert len(conflations(apart, rtol=0.1)) == 1


# --- the default corpus (gold annotation) --------------------------------------------------

def test_gold_tanks_spread_agrees(gold_claims):
    t = spread_table(gold_claims, parties=R, categories="tanks").set_index("period")
    cum = t.loc[CUM]
    assert cum["figures"] == "10,980 (001, 004) · ≤11,000 (000)"
    assert cum["agree"] and cum["claims"] == 3
    # CSIS's 2024 window is its own quantity, not a fourth claim about the running total
    assert t.loc["window", "figures"] == "~1,865 (002)" and t.loc["window", "claims"] == 1


def test_gold_russian_personnel_claims_and_their_conflation(gold_claims):
    t = spread_table(gold_claims, parties=R, categories="personnel").set_index(["measure", "period"])
    cas, killed = t.loc[("casualties", CUM)], t.loc[("killed", CUM)]
    for fig in ("1,000,000 (000)", "≥1,000,000 (001, 002, 003, 004)", "1,020,010 (001, 004)"):
        assert fig in cas["figures"]
    assert "1,000,340 (003)" in killed["figures"] and "≥1,000,000 (000)" in killed["figures"]
    assert cas["conflated_with"] == "killed" and killed["conflated_with"] == "casualties"
    conf = conflations(gold_claims, parties=R).set_index("figure")
    assert set(conf.index) == {"1,000,340", "≥1,000,000"}
    assert conf.loc["1,000,340", "article"].startswith("003")
    assert "1,020,010" in conf.loc["1,000,340", "casualties_figures"]
    assert conf.loc["≥1,000,000", "article"].startswith("000") and conf.loc["≥1,000,000", "same_article"]


def test_gold_ukrainian_casualties_have_the_45000_outlier(gold_claims):
    o = outliers(gold_claims)
    assert o[["party", "measure", "figure"]].values.tolist() == [[U, "casualties", "45,000"]]
    assert set(conflations(gold_claims)["party"]) == {R, U, "north_korea"}


def test_gold_equipment_running_totals_all_agree(gold_claims):
    t = spread_table(gold_claims, parties=R)
    equip = t[(t["measure"] == "lost") & (t["period"] == CUM)]
    assert len(equip) == 11 and equip["agree"].all()
    assert pd.Series(equip["claims"]).max() == 4  # drones and vehicles: four articles each


# --- claims in time ------------------------------------------------------------------------

def dated(claims: pd.DataFrame, as_of: list[str], window_start: list[str] | None = None) -> pd.DataFrame:
    """The claims placed in time as the dating step would (docs/claims-spec.md, Dates)."""
    return claims.assign(as_of=as_of, window_start=window_start or [""] * len(claims),
                         date_basis=["sentence" if d else "none" for d in as_of])


def test_running_totals_a_year_apart_are_not_disagreeing(claims_of):
    c = dated(claims_of(("a", R, "personnel", "casualties", 135_000, "exact", CUM, "ukraine_official"),
                        ("b", R, "personnel", "casualties", 380_000, "exact", CUM, "ukraine_official")),
              ["2023-02-01", "2024-02-01"])
    t = spread_table(c)
    assert t["when"].tolist() == ["2023-02-01", "2024-02-01"]
    assert t["claims"].tolist() == [1, 1]
    assert not any("disagree" in n for n in t["note"])
    assert all("1 other claim of this quantity describes other days" in n for n in t["note"])
    # the same two figures without dates are set against each other, with the caveat
    undated = spread_table(c.assign(as_of=""))
    assert len(undated) == 1 and "claims disagree" in undated["note"].item()
    assert "may be different dates" in undated["note"].item()


def test_claims_of_the_same_day_that_no_interval_reconciles_disagree(claims_of):
    c = dated(claims_of(("a", R, "tanks", "lost", 10_980, "exact", CUM, "ukraine_official"),
                        ("b", R, "tanks", "lost", 12_400, "at_least", CUM, "isw"),
                        ("c", R, "tanks", "lost", 9_000, "exact", CUM, "unattributed")),
              ["2025-06-30", "2025-06-30", "2023-01-10"])
    t = spread_table(c).set_index("when")
    same = t.loc["2025-06-30"]
    assert same["claims"] == 2 and not same["agree"]
    assert same["note"].startswith("claims disagree")
    assert "different days" not in same["note"]
    assert t.loc["2023-01-10", "note"].startswith("single claim of 2023-01-10")


def test_running_totals_within_the_tolerance_are_compared(claims_of):
    c = dated(claims_of(("a", R, "tanks", "lost", 11_000, "at_most", CUM, "ukraine_official"),
                        ("b", R, "tanks", "lost", 10_980, "exact", CUM, "ukraine_official"),
                        ("c", R, "tanks", "lost", 10_990, "exact", CUM, "ukraine_official")),
              ["2025-06-28", "2025-06-30", "2025-07-05"])
    assert spread_table(c)["when"].tolist() == ["2025-06-28 to 2025-06-30", "2025-07-05"]
    assert spread_table(c, days=0)["claims"].tolist() == [1, 1, 1]
    assert spread_table(c, days=10)["claims"].tolist() == [3]
    # 10,980 and 10,990 two days apart: the note blames the days, not the figures
    both = dated(c.iloc[1:].reset_index(drop=True), ["2025-06-30", "2025-07-01"])
    assert "different days" in spread_table(both)["note"].item()


def test_undated_claims_are_compared_only_with_undated_claims(claims_of):
    c = dated(claims_of(("a", R, "ships", "lost", 28, "exact", CUM, "isw"),
                        ("b", R, "ships", "lost", 40, "exact", CUM, "isw"),
                        ("c", R, "ships", "lost", 28, "exact", CUM, "isw"),
                        ("d", R, "ships", "lost", 55, "exact", CUM, "isw")),
              ["", "", "2024-03-01", "2024-03-01"])
    t = spread_table(c).set_index("when")
    assert t.loc["undated", "figures"] == "28 (a) · 40 (b)"
    assert "compared only with other undated claims" in t.loc["undated", "note"]
    assert t.loc["2024-03-01", "figures"] == "28 (c) · 55 (d)"
    assert outliers(c).empty  # two claims per time: neither can be blamed


def test_windows_are_compared_only_with_the_same_bounds(claims_of):
    w = "window"
    c = dated(claims_of(("a", R, "tanks", "lost", 1_865, "approx", w, "csis"),
                        ("b", R, "tanks", "lost", 1_900, "exact", w, "isw"),
                        ("c", R, "tanks", "lost", 300, "exact", w, "isw"),
                        ("d", R, "tanks", "lost", 310, "exact", w, "isw")),
              ["2024-12-31", "2024-12-31", "2024-12-31", "2024-12-31"],
              ["2024-01-01", "2024-01-01", "2024-12-01", ""])
    t = spread_table(c)
    assert t["when"].tolist() == ["2024-01-01 to 2024-12-31", "2024-12-01 to 2024-12-31",
                                  "window to 2024-12-31, start not given"]
    assert t["claims"].tolist() == [2, 1, 1]
    assert "shown, not compared" in t["note"].iloc[2]


def test_outliers_and_conflations_stay_within_one_time(claims_of):
    rows = [(a, U, "personnel", "casualties", v, "exact", CUM, "isw") for a, v in
            [("a", 400_000), ("b", 400_000), ("c", 45_000)]]
    same_day = dated(claims_of(*rows), ["2024-02-25"] * 3)
    assert outliers(same_day)["figure"].tolist() == ["45,000"]
    assert outliers(same_day)["when"].tolist() == ["2024-02-25"]
    apart = dated(claims_of(*rows), ["2024-02-25", "2024-02-25", "2022-04-01"])
    assert outliers(apart).empty
    pair = claims_of(("k", R, "personnel", "killed", 1_000_340, "exact", CUM, "unattributed"),
                     ("c", R, "personnel", "casualties", 1_000_340, "exact", CUM, "ukraine_official"))
    assert len(conflations(dated(pair, ["2025-06-30", "2025-06-29"]))) == 1
    assert conflations(dated(pair, ["2025-06-30", "2023-06-30"])).empty
    assert conflations(dated(pair, ["2025-06-30", ""])).empty


def test_claims_show_their_distance_from_the_official_figure_of_their_day(claims_of):
    from lossclaims.reconcile import example_series

    c = dated(claims_of(("a", R, "tanks", "lost", 10_980, "exact", CUM, "ukraine_official"),
                        ("b", R, "tanks", "lost", 10_976, "exact", CUM, "unattributed"),
                        ("c", R, "personnel", "killed", 1_020_010, "exact", CUM, "unattributed"),
                        ("d", U, "tanks", "lost", 4_000, "exact", CUM, "isw"),
                        ("e", R, "tanks", "lost", 11_000, "exact", CUM, "isw")),
              ["2025-06-30", "2025-06-30", "2025-06-30", "2025-06-30", ""])
    iv = claim_intervals(c, series=example_series()).set_index("article")
    assert iv.loc["a", "official"] == 10_980 and iv.loc["a", "official_gap"] == 0
    assert iv.loc["b", "official_gap"] == pytest.approx(-4 / 10_980)  # the report of the day before, copied late
    assert iv.loc["c", "official"] == 1_020_010  # deaths against the casualties the series counts
    assert math.isnan(iv.loc["d", "official"]) and math.isnan(iv.loc["e", "official"])  # Ukraine's; undated
    t = spread.official_table(claim_intervals(c, series=example_series()))
    assert dict(zip(t["article"], t["within"])) == {"a": True, "b": False, "c": True}
    row = spread_table(c, parties=R, categories="tanks", series=example_series()).iloc[0]
    assert row["official"] == "10,980 (2025-06-30)"


def test_windows_with_a_first_day_but_no_last_are_not_compared(claims_of):
    w = "window"
    c = dated(claims_of(("a", R, "tanks", "lost", 1_865, "approx", w, "csis"),
                        ("b", R, "tanks", "lost", 900, "exact", w, "isw"),
                        ("c", R, "tanks", "lost", 700, "exact", w, "isw"),
                        ("d", R, "tanks", "lost", 710, "exact", w, "isw")),
              ["", "", "", ""], ["2024-01-01", "2023-05-01", "", ""])
    t = spread_table(c)
    assert t["when"].tolist() == ["window from 2024-01-01, end not given", "window from 2023-05-01, end not given",
                                  "undated"]
    assert t["claims"].tolist() == [1, 1, 2] and not any("disagree" in n for n in t["note"][:2])
