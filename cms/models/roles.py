"""Which group is the focal point of which state: the endorsement task finds its approvers here."""

from django.contrib.auth.models import Group
from django.db import models
from django.utils.translation import gettext_lazy as _


class FocalPointGroup(models.Model):
    # Keyed by ISO code, not by the group's name, so renaming a group in the admin breaks nothing.
    iso_code = models.CharField(_("ISO code"), max_length=2, unique=True)
    group = models.OneToOneField(Group, on_delete=models.CASCADE, related_name="focal_point", verbose_name=_("group"))

    class Meta:
        verbose_name = _("focal-point group")
        verbose_name_plural = _("focal-point groups")
        ordering = ["iso_code"]

    def __str__(self):
        return f"{self.iso_code}: {self.group.name}"
