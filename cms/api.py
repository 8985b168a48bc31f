"""Wagtail API v2: pages (with ``type``, ``locale`` and ``translation_of`` filters) and documents.

``?search=`` on these endpoints goes to the search backend; when the engine is down it answers
503 with a message instead of a 500 (``/api/search/`` falls back to the database instead).
"""

from elastic_transport import TransportError as ElasticTransportError
from elasticsearch import ApiError as ElasticApiError
from opensearchpy.exceptions import TransportError as OpenSearchError
from rest_framework import status
from rest_framework.response import Response

from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet

# Both clients are installed (pyproject.toml); which one raises depends on SEARCH_URL.
# opensearch-py's TransportError covers connection failures, timeouts and error answers;
# the elasticsearch client splits them: elastic_transport's TransportError (no answer: refused,
# timed out, TLS) and ApiError (an error answer, e.g. 503 while the cluster recovers).
ENGINE_ERRORS = (OpenSearchError, ElasticTransportError, ElasticApiError)


class EngineDownMixin:
    def handle_exception(self, exc):
        if isinstance(exc, ENGINE_ERRORS):
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
