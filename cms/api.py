"""Wagtail API v2: pages (with ``type``, ``locale`` and ``translation_of`` filters) and documents.

``?search=`` on these endpoints goes to the search backend; when the engine is down it answers
503 with a message instead of a 500 (``/api/search/`` falls back to the database instead).
"""

from rest_framework import status
from rest_framework.response import Response

from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet


def _engine_errors():
    errors = []
    try:
        from opensearchpy.exceptions import TransportError as OpenSearchError

        errors.append(OpenSearchError)
    except ImportError:  # pragma: no cover - opensearch-py is pinned
        pass
    try:
        from elastic_transport import TransportError as ElasticError  # only with Elasticsearch configured

        errors.append(ElasticError)
    except ImportError:
        pass
    return tuple(errors)


ENGINE_ERRORS = _engine_errors()


class EngineDownMixin:
    def handle_exception(self, exc):
        if ENGINE_ERRORS and isinstance(exc, ENGINE_ERRORS):
            return Response(
                {"message": "Search is temporarily unavailable; try again shortly, or use /api/search/."},
                status=status.HTTP_503_SERVICE_UNAVAILABLE,
                headers={"Retry-After": "30"},
            )
        return super().handle_exception(exc)


class PagesEndpoint(EngineDownMixin, PagesAPIViewSet):
    pass


class DocumentsEndpoint(EngineDownMixin, DocumentsAPIViewSet):
    pass


class ImagesEndpoint(EngineDownMixin, ImagesAPIViewSet):
    pass


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PagesEndpoint)
api_router.register_endpoint("documents", DocumentsEndpoint)
api_router.register_endpoint("images", ImagesEndpoint)
