"""What happens when a workflow's last task is approved (WAGTAIL_FINISH_WORKFLOW_ACTION)."""


def publish_approved(workflow_state, user=None):
    """Publish the approved revision.

    Wagtail's default publishes with the approver's own publish rights, so an approver without them
    (a state's focal point endorsing its profile) would get an error.  The finished workflow is the
    authority here; the publish is still logged under the approver's name.
    """
    workflow_state.content_object.get_latest_revision().publish(user=user, skip_permission_checks=True)
