"""The source phrase: who a reporting frame names, classified against the lexicons and the
article's memory and named in the fullest form the article gives.

`SourceParser.parse` (`parser`) tries the kinds of phrase in order, each in a part of its own:
`people` (a named person) and `roles` (a role whose holder the article names), `organizations`
(a body, or a document that speaks for its issuer), `outlets`, `anonymous` (unnamed sources),
and references back to a source named before. `span` finds where the phrase ends, `quoted` a
name in quotation marks, and `source` holds the `Source` found and the article it is read
against.
"""

from claims.attribute.sources.parser import SourceParser
from claims.attribute.sources.people import is_public_figure
from claims.attribute.sources.source import Source

__all__ = ["Source", "SourceParser", "is_public_figure"]
