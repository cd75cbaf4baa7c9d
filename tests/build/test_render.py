"""Rendering helpers (analysis.build.render)."""
from analysis.build import render


def test_sync_static_copies_an_edited_stylesheet_and_leaves_the_rest(tmp_path):
    """Sphinx 7.4 keeps a static file an earlier build copied: an edited print.css would not
    reach the site (seen: the PDFs kept the old stylesheet); sync_static copies it."""
    src, out = tmp_path / "src", tmp_path / "out"
    (src / "fonts").mkdir(parents=True)
    (src / "_templates").mkdir()
    (src / "print.css").write_text("a { color: red }")
    (src / "fonts" / "V.woff2").write_bytes(b"font")
    (src / "_templates" / "t.html").write_text("<x>")
    out.mkdir()
    (out / "print.css").write_text("a { color: blue }")  # what the earlier build copied
    result = render.sync_static(src, out)
    assert result == ["fonts/V.woff2", "print.css"]
    assert (out / "print.css").read_text() == "a { color: red }"
    assert not (out / "_templates").exists()
    assert render.sync_static(src, out) == []  # nothing differs now
