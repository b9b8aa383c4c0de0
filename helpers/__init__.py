"""presslens: who is quoted, which stance words each voice uses, and when things happened."""

from .article import Article, ArticleError, iter_articles, load, load_many
from .text import Doc, tokenize

__all__ = ["Article", "ArticleError", "Doc", "analyze", "Analysis", "iter_articles", "load", "load_many", "tokenize"]
__version__ = "0.1.0"


def __getattr__(name: str):  # analysis pulls in pandas: import it lazily
    if name in ("analyze", "Analysis"):
        from . import analysis

        return getattr(analysis, name)
    raise AttributeError(name)
