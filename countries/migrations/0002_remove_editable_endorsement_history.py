# The typed-in endorsement history (a page orderable, carried by revisions) is replaced by a log
# the endorsement workflow writes (0003).  No install had entries: the seed never wrote any.
from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("countries", "0001_initial")]

    operations = [migrations.DeleteModel(name="EndorsementEvent")]
