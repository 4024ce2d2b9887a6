"""Reporting frames: a reporting verb with its source before or after it, "according to"
phrases, relays (`نقلت X عن Y`), a headline's `X: …`; the hearer and the relaying outlet; and
where the claim begins.

`find_frame` (`sentence`) tries the readings in order, each in a part of its own: `verbs`
(a reporting verb and its source, with `subject` for the source phrase around the verb),
`according` (`بحسب`, `وفقاً لـ`), `relays` (`نقلت X عن Y`, the outlet a source spoke to),
`statements` (`وجاء في البيان`, `في بيان أصدرته الوزارة`), and `clauses` (a coordinated report, a
story glued on, a main clause after a concessive one, a headline). `frame` holds the `Frame`
found and what every reading shares.
"""

from claims.attribute.frames.frame import Frame
from claims.attribute.frames.sentence import find_frame

__all__ = ["Frame", "find_frame"]
