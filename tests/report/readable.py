"""A check shared by the figure tests: a figure reads on a phone and fits one A4 page."""
from matplotlib.text import Text

from analysis.core import text as text_
from analysis.report import figures


def assert_readable(module, name: str, lang: str) -> None:
    """Issue 12: text at least 9 px on a 390 px phone (a 342 px wide image); issue 9: one A4
    page, text at least 7 pt; no label cut with "…"."""
    with text_.language_as(lang):
        fig = getattr(module, name)()
        s = figures.shown_sizes(fig)
        assert s["phone_px"] >= 9.0, s
        assert s["print_pt"] >= 7.0 and s["print_mm"][1] <= figures.PRINT_HEIGHT_MM, s
        assert s["height"] / s["width"] <= 1.15, s
        shown = [x.get_text() for x in fig.findobj(Text) if x.get_visible() and x.get_text().strip()]
        assert not any("…" in x for x in shown), [x for x in shown if "…" in x]
