"""Social posts from an article: per-network limits, model-written posts checked against
them, and a deterministic fallback from the article's title and meta description."""

from app.core.social.networks import NETWORKS, Network, parse_networks, weighted_length
from app.core.social.posts import SocialPost, check_post, compose, fallback_post

__all__ = ["NETWORKS", "Network", "SocialPost", "check_post", "compose", "fallback_post",
           "parse_networks", "weighted_length"]
