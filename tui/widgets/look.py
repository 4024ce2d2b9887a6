"""How statuses, kinds and link kinds look: one place for glyphs, badges and colours."""

from __future__ import annotations

from claims.models import Kind, LinkKind, Status

STATUS_GLYPH = {Status.unreviewed: "·", Status.verified: "✔", Status.disputed: "✘"}
STATUS_STYLE = {
    Status.unreviewed: "dim",
    Status.verified: "bold green",
    Status.disputed: "bold red",
}
KIND_BADGE = {
    Kind.author.value: "AUTH",
    Kind.anonymous.value: "ANON",
    Kind.named_person.value: "PERS",
    Kind.organization.value: "ORG",
    Kind.media.value: "MEDIA",
}
# What each badge stands for, in the help screen's legend.
KIND_MEANING = {
    Kind.author.value: "the outlet's own narration",
    Kind.anonymous.value: "unnamed sources (مصادر مطلعة)",
    Kind.named_person.value: "a named person",
    Kind.organization.value: "an organisation, ministry, army or agency",
    Kind.media.value: "another outlet (بحسب مسار برس)",
}
STATUS_MEANING = {
    Status.unreviewed: "not reviewed yet",
    Status.verified: "verified by a reviewer",
    Status.disputed: "disputed by a reviewer",
}
LINK_MEANING = {
    LinkKind.corroborates: "another source says the same (independent)",
    LinkKind.contradicts: "another claim says otherwise",
    LinkKind.duplicate: "the same statement again: a repeat or a relay, never evidence",
}
LINK_STYLE = {
    LinkKind.corroborates: "green",
    LinkKind.contradicts: "bold red",
    LinkKind.duplicate: "dim",
}
LINK_LABEL = {
    LinkKind.corroborates: "✓ corroborates",
    LinkKind.contradicts: "✗ contradicts",
    LinkKind.duplicate: "= duplicate",
}
SOURCE_STYLE = "bold cyan"
CUE_STYLE = "bold yellow"
SENTENCE_STYLE = "underline"


def status_of(value) -> Status:
    return value if isinstance(value, Status) else Status(str(getattr(value, "value", value)))


def link_kind_of(value) -> LinkKind:
    return value if isinstance(value, LinkKind) else LinkKind(str(getattr(value, "value", value)))
