"""SQLite storage: the article library with autosave/crash recovery (`Library`)."""

from app.core.store.library import ArticleSummary, Library, RecoverableDraft

__all__ = ["ArticleSummary", "Library", "RecoverableDraft"]
