"""Index work for the task queue: removals, like modelsearch's inserts, never run in a request."""

import logging

from django_tasks import task

from django.apps import apps

from modelsearch.backends import get_search_backends_with_name

logger = logging.getLogger(__name__)


@task()
def remove_from_index_task(model_label, pk):
    """Remove one deleted object from every auto-updated backend (by model and primary key)."""
    model = apps.get_model(model_label)
    stub = model(pk=pk)
    for name, backend in get_search_backends_with_name(with_auto_update=True):
        try:
            backend.delete(stub)
        except Exception:
            logger.exception("Could not remove %s %s from the %r search backend", model_label, pk, name)
