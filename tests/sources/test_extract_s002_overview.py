"""002 headline figures of chapters 1-2 (extract/s002_overview): hand-checked values."""

from analysis.sources.datasets import load


def test_prose_figures():
    df = load("overview_prose_figures").set_index("figure_id")
    # line 180 "... 51.6 ..." allotted land in operating units; line 700 "93,138" hectares;
    # line 1221 "73 ... 11"; line 1288 "464"
    result = {k: float(df.loc[k, "value"]) for k in
              ("land_allotted_operational_share", "land_subdivision_deed_area", "parks_phone_connected_1401",
               "parks_phone_connected_1401_pct_of_plan", "parks_with_fibre")}
    expected = {"land_allotted_operational_share": 51.6, "land_subdivision_deed_area": 93138.0,
                "parks_phone_connected_1401": 11.0, "parks_phone_connected_1401_pct_of_plan": 73.0,
                "parks_with_fibre": 464.0}
    assert result == expected
    assert df.loc["parks_with_fibre", "source_line"] == 1288
