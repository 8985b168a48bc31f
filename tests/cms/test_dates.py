import datetime

import pytest

from cms.dates import DatePrecision, format_partial_date, format_partial_span, parse_partial_date

pytestmark = pytest.mark.smoke


def test_year_span_keeps_year_precision():
    start, end = datetime.date(2012, 1, 1), datetime.date(2016, 1, 1)
    assert format_partial_span(start, DatePrecision.YEAR, end, DatePrecision.YEAR, "en") == "2012–2016"


def test_month_span_in_both_languages():
    start, end = datetime.date(2011, 7, 1), datetime.date(2012, 7, 1)
    assert format_partial_span(start, "month", end, "month", "en") == "July 2011 – July 2012"
    assert format_partial_span(start, "month", end, "month", "ru") == "июль 2011 – июль 2012"


def test_day_precision_uses_the_genitive_in_russian():
    assert format_partial_date(datetime.date(2011, 11, 3), "day", "ru") == "3 ноября 2011"
    assert format_partial_date(datetime.date(2011, 11, 3), "day", "en") == "3 November 2011"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2012", (datetime.date(2012, 1, 1), "year")),
        ("2011-07", (datetime.date(2011, 7, 1), "month")),
        ("2011-11-03", (datetime.date(2011, 11, 3), "day")),
    ],
)
def test_parse_partial_date(text, expected):
    assert parse_partial_date(text) == expected


def test_parse_partial_date_names_the_bad_value():
    with pytest.raises(ValueError, match="'2011-13'"):
        parse_partial_date("2011-13")
