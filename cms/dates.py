"""Dates that keep their precision: the seed says "2012–2016" and "July 2011–July 2012"."""

import datetime

from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

MONTHS = {
    "en": [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ],
    # Nominative for "month year" (июль 2011), genitive after a day (3 ноября 2011).
    "ru": [
        "январь",
        "февраль",
        "март",
        "апрель",
        "май",
        "июнь",
        "июль",
        "август",
        "сентябрь",
        "октябрь",
        "ноябрь",
        "декабрь",
    ],
    "ru_genitive": [
        "января",
        "февраля",
        "марта",
        "апреля",
        "мая",
        "июня",
        "июля",
        "августа",
        "сентября",
        "октября",
        "ноября",
        "декабря",
    ],
}


class DatePrecision(models.TextChoices):
    YEAR = "year", _("Year")
    MONTH = "month", _("Month")
    DAY = "day", _("Day")


def format_partial_date(value, precision, language=None):
    """Render ``value`` no more precisely than ``precision``, in ``language``."""
    if value is None:
        return ""
    language = (language or get_language() or "en")[:2]
    if precision == DatePrecision.YEAR:
        return str(value.year)
    if precision == DatePrecision.MONTH:
        month = MONTHS["ru" if language == "ru" else "en"][value.month - 1]
        return f"{month} {value.year}"
    if language == "ru":
        return f"{value.day} {MONTHS['ru_genitive'][value.month - 1]} {value.year}"
    return f"{value.day} {MONTHS['en'][value.month - 1]} {value.year}"


def format_partial_span(start, start_precision, end, end_precision, language=None):
    """Render a span such as "2012–2016" or "July 2011 – July 2012"."""
    first = format_partial_date(start, start_precision, language)
    last = format_partial_date(end, end_precision, language)
    if first and last:
        if first == last:
            return first
        joiner = "–" if start_precision == end_precision == DatePrecision.YEAR else " – "
        return f"{first}{joiner}{last}"
    return first or last


def parse_partial_date(text):
    """Parse "2012", "2011-07" or "2011-07-15" into ``(date, precision)``."""
    text = text.strip()
    parts = text.split("-")
    try:
        if len(parts) == 1:
            return datetime.date(int(parts[0]), 1, 1), DatePrecision.YEAR
        if len(parts) == 2:
            return datetime.date(int(parts[0]), int(parts[1]), 1), DatePrecision.MONTH
        if len(parts) == 3:
            return datetime.date(int(parts[0]), int(parts[1]), int(parts[2])), DatePrecision.DAY
    except ValueError as exc:
        raise ValueError(f"{text!r} is not a date (use YYYY, YYYY-MM or YYYY-MM-DD): {exc}") from exc
    raise ValueError(f"{text!r} is not a date (use YYYY, YYYY-MM or YYYY-MM-DD)")


class PartialDateSpanMixin(models.Model):
    """A start and an end, each with its own precision."""

    start_date = models.DateField(_("start"), null=True, blank=True)
    start_precision = models.CharField(
        _("start precision"), max_length=5, choices=DatePrecision.choices, default=DatePrecision.YEAR
    )
    end_date = models.DateField(_("end"), null=True, blank=True)
    end_precision = models.CharField(
        _("end precision"), max_length=5, choices=DatePrecision.choices, default=DatePrecision.YEAR
    )

    class Meta:
        abstract = True

    @property
    def duration_display(self):
        return format_partial_span(self.start_date, self.start_precision, self.end_date, self.end_precision)
