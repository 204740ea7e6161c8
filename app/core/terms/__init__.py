"""Topic terms (what Surfer calls NLP terms), offline: a list of terms with target count
ranges — proposed by the model at outline time or given by the writer — their coverage in
an article, counted with the analysis' keyphrase matcher, and their place in the outline."""

from app.core.terms.coverage import TermCount, coverage, coverage_score
from app.core.terms.model import Term, length_cap, parse_terms, read_terms_file
from app.core.terms.placement import assign_terms

__all__ = ["Term", "TermCount", "assign_terms", "coverage", "coverage_score", "length_cap",
           "parse_terms", "read_terms_file"]
