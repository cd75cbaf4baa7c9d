"""Library behind the report book on Iranian provincial development programmes.

Every computation the book shows lives here; notebooks only call it.
"""
__version__ = "0.3.3"  # the book's semantic version: see CHANGELOG.md
