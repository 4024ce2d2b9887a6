"""claims: a source-claim and attribution tracker for Arabic news."""

__version__ = "0.1.0"
