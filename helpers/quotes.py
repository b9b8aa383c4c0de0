"""Quotations and attributions: direct, indirect and mixed quotes with their cue and source mention.

The quotation-mark layer (``QUOTE_PAIRS``, ``quoted_spans``) lives in ``helpers.quotemarks``.

>>> t = 'Officials said "talks" would resume. He didn\\'t say \\u201cwhen\\u201d.'
>>> [t[s:e] for s, e in quoted_spans(t)]
['talks', 'when']
"""

from __future__ import annotations

from .quotemarks import QUOTE_PAIRS, QuoteSpan, quoted_spans, scan_quotes

__all__ = ["QUOTE_PAIRS", "QuoteSpan", "quoted_spans", "scan_quotes"]
