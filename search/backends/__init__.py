"""One small strategy per backend family, chosen once from the configured search backend."""

from functools import lru_cache

from modelsearch.backends import get_search_backend


@lru_cache(maxsize=1)
def get_strategy():
    backend = get_search_backend()
    if hasattr(backend, "es"):  # OpenSearch / Elasticsearch: aggregations and highlighting in the engine
        from .engine import EngineStrategy

        return EngineStrategy(backend)
    from .database import DatabaseStrategy

    return DatabaseStrategy(backend)


def get_fallback_strategy():
    """Used while the engine is unreachable: plain ORM matching on the same database."""
    from .database import FallbackStrategy

    return FallbackStrategy()
