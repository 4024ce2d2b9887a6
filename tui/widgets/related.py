"""Claims linked to the selected one: corroborating in one colour, contradicting in another,
duplicates muted, each with why it is linked. Enter jumps to the claim; Delete rejects the
link, with a reason."""

from __future__ import annotations

from rich.text import Text
from textual.binding import Binding
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from claims.models import LinkKind
from claims.store import ClaimView, RelatedClaim
from tui.bidi import Display, clean
from tui.widgets.look import LINK_LABEL, LINK_STYLE, link_kind_of

ORDER = {LinkKind.contradicts: 0, LinkKind.corroborates: 1, LinkKind.duplicate: 2}


def where_from(item: RelatedClaim, shown: ClaimView | None) -> str:
    """Whether a related claim is of the claim's own article, its outlet, or another outlet:
    agreement inside one article or outlet is no independent corroboration."""
    if shown is None:
        return ""
    if item.claim.article_id == shown.article_id:
        return "same article"
    if item.claim.outlet and item.claim.outlet == shown.outlet:
        return "same outlet"
    return "other outlet"


def related_line(
    item: RelatedClaim, display: Display, width: int, shown: ClaimView | None = None
) -> Text:
    kind = link_kind_of(item.kind)
    style = LINK_STYLE[kind]
    line = Text(no_wrap=True)
    line.append(f"{LINK_LABEL[kind]:<15}", style)
    line.append(f"{item.score:.2f} ", "dim")
    line.append(f"{where_from(item, shown):<13}", "dim")
    line.append_text(display.cell(Text(clean(item.claim.outlet or item.claim.doc), "italic"), 14))
    line.append(" ")
    line.append_text(display.cell(Text(clean(item.claim.source or "—"), "cyan"), 16))
    line.append(" ")
    body = Text(clean(item.claim.claim), "dim" if kind is LinkKind.duplicate else style)
    line.append_text(display.cell(body, max(8, width - line.cell_len)))
    why = why_linked(item.reasons)
    if not why:
        return line
    lines = display.lines(Text(clean(f"why: {why}"), "dim"), width - 3)  # room for "…"
    for at, shown_line in enumerate(lines[:WHY_LINES], start=1):
        line.append("\n  ")
        line.append_text(shown_line)
        if at == WHY_LINES < len(lines):
            line.append("…", "dim")  # more reasons than the lines: `claims show` has them all
    return line


# Lines of a link's reasons under it: the panel shows a few links at a time.
WHY_LINES = 2


def why_linked(reasons: list[str]) -> str:
    """A link's reasons on one line, what decided first ('opposed predicates: أفرجت/اعتقلت',
    'figures agree: …'), then what the claims share; the similarity is the score shown."""
    # here, not at the top: the linker loads with the first link read (`claims.store.related`)
    from claims.link import SHARED_CONTENT, SIMILARITY

    deciding = [r for r in reasons if not r.startswith((SIMILARITY, SHARED_CONTENT))]
    shared = [r for r in reasons if r.startswith(SHARED_CONTENT)]
    return " · ".join(deciding + shared)


class RelatedPanel(OptionList):
    """Linked claims; each option's id is the claim id."""

    DEFAULT_CSS = """
    RelatedPanel { height: auto; max-height: 12; border: round $primary 50%; }
    RelatedPanel:focus { border: round $accent; }
    """

    BINDINGS = [Binding("delete", "reject", "Reject link")]

    class Jump(Message):
        def __init__(self, claim_id: int) -> None:
            super().__init__()
            self.claim_id = claim_id

    class Reject(Message):
        """The reviewer takes back the link to this related claim."""

        def __init__(self, claim_id: int) -> None:
            super().__init__()
            self.claim_id = claim_id

    def __init__(self, display: Display, **kwargs) -> None:
        super().__init__(markup=False, **kwargs)
        self.bidi = display
        self.items: list[RelatedClaim] = []
        self.border_title = "Related claims"

    def show(self, items: list[RelatedClaim], shown: ClaimView | None = None) -> None:
        """The claims linked to `shown`, each labelled with where it comes from."""
        self.items = sorted(items, key=lambda r: (ORDER[link_kind_of(r.kind)], -r.score))
        width = max(40, (self.content_region.width or self.app.size.width // 2) - 2)
        self.clear_options()
        if not self.items:
            self.add_option(Option(Text("No linked claims.", "dim"), disabled=True))
        else:
            self.add_options(
                Option(related_line(item, self.bidi, width, shown), id=str(item.claim.id))
                for item in self.items
            )
            self.highlighted = 0
        n_ok = sum(1 for r in self.items if link_kind_of(r.kind) is LinkKind.corroborates)
        n_no = sum(1 for r in self.items if link_kind_of(r.kind) is LinkKind.contradicts)
        self.border_title = f"Related claims  ✓{n_ok} ✗{n_no}"

    def action_reject(self) -> None:
        if self.highlighted is not None and self.items:
            self.post_message(self.Reject(self.items[self.highlighted].claim.id))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id is not None:
            self.post_message(self.Jump(int(event.option.id)))
