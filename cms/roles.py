"""The editorial roles, as data: which group may do what, where, and which workflow reviews what.

``ensure_roles()`` makes the database match these tables and nothing else: a permission a group
holds that is not listed here is removed, so re-running it after an edit of the table is how a
change of policy is rolled out.  Wagtail's own migration creates "Editors" and "Moderators" with
rights on the whole tree (publish for moderators, edit everywhere for editors); we keep the groups
(existing users stay in them) and replace their rights.

The role × action matrix that these tables implement is written out in docs/roles.md.
"""

import csv
from dataclasses import dataclass, field

from django.apps import apps
from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.db import transaction

from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Locale,
    Page,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

EDITORS = "Editors"
MODERATORS = "Moderators"
EDITORIAL_WORKFLOW = "Editorial review"
EDITORIAL_TASK = "Moderator review"
ENDORSEMENT_WORKFLOW = "Profile endorsement"
ENDORSEMENT_TASK = "Endorsement by the state"

ADMIN_ACCESS = "wagtailadmin.access_admin"
SUBMIT_TRANSLATION = "wagtail_localize.submit_translation"


@dataclass(frozen=True)
class Role:
    """One group's rights.  Page rights are granted on the roots named by ``page_roots`` in every locale."""

    name: str
    page_roots: tuple = ()  # page model labels ("publications.PublicationIndexPage"), or "home.HomePage"
    page_permissions: tuple = ()  # Wagtail page permission codenames
    collection_permissions: tuple = ()  # "app_label.codename" on the root collection
    snippet_actions: tuple = ()  # Django actions ("add", "change", "delete", "view") on every snippet model
    extra_permissions: tuple = field(default=(ADMIN_ACCESS,))
    page_locales: tuple = ()  # language codes the page rights are confined to; empty: every locale
    translatable_snippet_actions: tuple = ()  # actions on the translatable snippet models only


DOCUMENT_MODEL = settings.WAGTAILDOCS_DOCUMENT_MODEL.split(".")[0]
MEDIA_EDITING = (
    f"{DOCUMENT_MODEL}.add_document",
    f"{DOCUMENT_MODEL}.change_document",
    f"{DOCUMENT_MODEL}.choose_document",
    "wagtailimages.add_image",
    "wagtailimages.change_image",
    "wagtailimages.choose_image",
)
MEDIA_MODERATION = MEDIA_EDITING + (f"{DOCUMENT_MODEL}.delete_document", "wagtailimages.delete_image")

# Editors write the library and the projects (both locale trees: they build the Russian tree's
# structure too) and submit for review; without "publish" Wagtail offers them no publish action.
# Moderators review, publish, unpublish and schedule everywhere, the profiles included.
ROLES = (
    Role(
        EDITORS,
        page_roots=("publications.PublicationIndexPage", "home.ProjectIndexPage"),
        page_permissions=("add_page", "change_page", "lock_page"),
        collection_permissions=MEDIA_EDITING,
        snippet_actions=("view",),
    ),
    Role(
        MODERATORS,
        page_roots=("home.HomePage",),
        page_permissions=("add_page", "change_page", "publish_page", "bulk_delete_page", "lock_page", "unlock_page"),
        collection_permissions=MEDIA_MODERATION,
        snippet_actions=("add", "change", "delete", "view"),
        # Submitting for translation and "Sync translated pages" (which can publish every
        # translation at once) are the moderators' alone.
        extra_permissions=(ADMIN_ACCESS, SUBMIT_TRANSLATION),
    ),
)


def translator_group_name(language_code):
    return f"Translators: {language_code}"


def target_languages():
    return tuple(code for code, _label in settings.WAGTAIL_CONTENT_LANGUAGES if code != settings.LANGUAGE_CODE)


# Translators edit and publish the pages of their own locale's tree and nothing else: no "add",
# "delete" or "bulk_delete" (the tree's structure is the editors' and follows the English one), and
# they publish directly in the translation editor (docs/roles.md says why).  Snippet rights are
# per model in Django, so "change" on the translatable snippets is confined to their locale by the
# hooks and the middleware in cms.translators; documents are chosen, never changed.
TRANSLATOR_PAGE_PERMISSIONS = ("change_page", "publish_page", "lock_page")
TRANSLATOR_MEDIA = (f"{DOCUMENT_MODEL}.choose_document", "wagtailimages.choose_image")
# The termbase (cms.Term) holds both languages in one row and has no locale: translators keep it.
TERMBASE_EDITING = ("cms.add_term", "cms.change_term", "cms.delete_term", "cms.view_term")


def translator_roles():
    """One group per target locale, confined to that locale (cms.translators enforces the rest)."""
    return tuple(
        Role(
            translator_group_name(code),
            page_roots=("home.HomePage",),
            page_locales=(code,),
            page_permissions=TRANSLATOR_PAGE_PERMISSIONS,
            collection_permissions=TRANSLATOR_MEDIA,
            translatable_snippet_actions=("change", "view"),
            extra_permissions=(ADMIN_ACCESS,) + TERMBASE_EDITING,
        )
        for code in target_languages()
    )


def focal_point_group_name(iso_code, name):
    return f"Focal point: {name} ({iso_code})"


def participating_states(path=None):
    """``[(iso_code, English name)]`` from the states list (the seed's participating-states.csv)."""
    with open(path or settings.PARTICIPATING_STATES_FILE, encoding="utf-8", newline="") as handle:
        return [(row["iso2"].strip().upper(), row["name_en"].strip()) for row in csv.DictReader(handle)]


def focal_point_roles(states):
    # Admin access only: a focal point sees its state's draft through the endorsement task's preview
    # and acts through the task's actions, never through the page editor.
    return tuple(Role(focal_point_group_name(iso, name)) for iso, name in states)


def _permission(label):
    app_label, codename = label.split(".")
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def _snippet_permissions(actions, translatable_only=False):
    from django.contrib.contenttypes.models import ContentType

    from wagtail.models import TranslatableMixin
    from wagtail.snippets.models import get_snippet_models

    permissions = []
    for model in get_snippet_models():
        if translatable_only and not issubclass(model, TranslatableMixin):
            continue
        content_type = ContentType.objects.get_for_model(model)
        for action in actions:
            permissions.append(
                Permission.objects.get(content_type=content_type, codename=f"{action}_{model._meta.model_name}")
            )
    return permissions


def _page_roots(labels, locales=()):
    roots = []
    for label in labels:
        model = apps.get_model(label)
        candidates = Page.objects.type(model).filter(depth__lte=3)
        if locales:
            candidates = candidates.filter(locale__language_code__in=locales)
        roots.extend(candidates.exclude(pk__in=[p.pk for p in roots]))
    # Only the topmost of nested roots: a right on a page covers its subtree.
    return [page for page in roots if not any(other.pk != page.pk and page.is_descendant_of(other) for other in roots)]


def _sync_group(role, page_permission_objects):
    """Make one group's rights exactly ``role``'s.  Returns (group, created, number of changes)."""
    group, created = Group.objects.get_or_create(name=role.name)
    changes = 0
    wanted = (
        {_permission(label) for label in role.extra_permissions}
        | set(_snippet_permissions(role.snippet_actions))
        | set(_snippet_permissions(role.translatable_snippet_actions, translatable_only=True))
    )
    current = set(group.permissions.all())
    if wanted != current:
        group.permissions.set(wanted)
        changes += len(wanted ^ current)

    wanted_pages = {
        (page.pk, permission.pk)
        for page in _page_roots(role.page_roots, role.page_locales)
        for permission in page_permission_objects(role)
    }
    current_pages = set(GroupPagePermission.objects.filter(group=group).values_list("page_id", "permission_id"))
    for page_id, permission_id in current_pages - wanted_pages:
        GroupPagePermission.objects.filter(group=group, page_id=page_id, permission_id=permission_id).delete()
    for page_id, permission_id in wanted_pages - current_pages:
        GroupPagePermission.objects.create(group=group, page_id=page_id, permission_id=permission_id)
    changes += len(current_pages ^ wanted_pages)

    root_collection = Collection.get_first_root_node()
    wanted_collections = {(root_collection.pk, _permission(label).pk) for label in role.collection_permissions}
    current_collections = set(
        GroupCollectionPermission.objects.filter(group=group).values_list("collection_id", "permission_id")
    )
    for collection_id, permission_id in current_collections - wanted_collections:
        GroupCollectionPermission.objects.filter(
            group=group, collection_id=collection_id, permission_id=permission_id
        ).delete()
    for collection_id, permission_id in wanted_collections - current_collections:
        GroupCollectionPermission.objects.create(group=group, collection_id=collection_id, permission_id=permission_id)
    changes += len(current_collections ^ wanted_collections)
    return group, created, changes


def _page_permission_objects(role):
    return [Permission.objects.get(content_type__app_label="wagtailcore", codename=c) for c in role.page_permissions]


def _workflow(name, task):
    workflow, _created = Workflow.objects.get_or_create(name=name, defaults={"active": True})
    if not workflow.active:
        workflow.active = True
        workflow.save(update_fields=["active"])
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    WorkflowTask.objects.filter(workflow=workflow).exclude(task=task).delete()
    return workflow


def _assign(workflow, pages):
    for page in pages:
        WorkflowPage.objects.update_or_create(page=page, defaults={"workflow": workflow})


def sync_workflows(moderators):
    """Editorial review on the whole site (both locales); the profile endorsement on the English profiles.

    The Russian tree shares the editorial review: the same moderators approve in every locale, and a
    Russian-only page (or a structural change an editor makes there) needs the same second pair of
    eyes.  Endorsement covers the English profile only: the state endorses the source text, and the
    status it earns is written to every translation of the profile (countries.endorsement).
    """
    review_task, _created = GroupApprovalTask.objects.get_or_create(name=EDITORIAL_TASK)
    review_task.groups.set([moderators])
    editorial = _workflow(EDITORIAL_WORKFLOW, review_task)
    # The root page's assignment (Wagtail's default "Moderators approval") now points here.
    _assign(editorial, Page.get_root_nodes())

    task_model = apps.get_model("countries.EndorsementTask")
    endorsement_task, _created = task_model.objects.get_or_create(name=ENDORSEMENT_TASK)
    endorsement = _workflow(ENDORSEMENT_WORKFLOW, endorsement_task)
    source = Locale.objects.filter(language_code=settings.LANGUAGE_CODE).first()
    index_model = apps.get_model("countries.CountryIndexPage")
    _assign(endorsement, Page.objects.type(index_model).filter(locale=source))
    return editorial, endorsement


@transaction.atomic
def ensure_roles(states=None, report=print):
    """Create or correct every group, its rights and the two workflows.  Idempotent."""
    focal_point_model = apps.get_model("cms.FocalPointGroup")
    states = participating_states() if states is None else states
    summary = {"created": 0, "changed": 0, "unchanged": 0}
    groups = {}
    for role in ROLES + translator_roles() + focal_point_roles(states):
        group, created, changes = _sync_group(role, _page_permission_objects)
        groups[role.name] = group
        outcome = "created" if created else ("changed" if changes else "unchanged")
        summary[outcome] += 1
        if outcome != "unchanged":
            report(f"  {outcome}: {role.name}")
    for iso, name in states:
        focal_point_model.objects.update_or_create(
            iso_code=iso, defaults={"group": groups[focal_point_group_name(iso, name)]}
        )
    sync_workflows(groups[MODERATORS])
    return summary
