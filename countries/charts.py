"""Small bar charts of a profile's indicators, drawn as SVG on the server (no JavaScript, no library).

One chart per indicator that has figures for two or more years in one unit: a series worth seeing.
The table beside it stays the accessible, exact version; the chart only shows the shape.
"""

from collections import defaultdict

WIDTH, HEIGHT, BAR_GAP, AXIS = 320, 140, 6, 18


def indicator_charts(indicators):
    series = defaultdict(list)
    for row in indicators:
        if row.value is not None and not row.data_gap and row.year:
            series[(row.indicator, row.unit)].append(row)
    charts = []
    for (name, unit), rows in series.items():
        rows = sorted(rows, key=lambda row: row.year)
        if len({row.year for row in rows}) < 2:
            continue
        top = max(float(row.value) for row in rows) or 1.0
        step = WIDTH / len(rows)
        bars = []
        for index, row in enumerate(rows):
            height = max(1.0, (HEIGHT - AXIS - 14) * float(row.value) / top) if row.value > 0 else 0
            bars.append(
                {
                    "x": round(index * step + BAR_GAP / 2, 1),
                    "y": round(HEIGHT - AXIS - height, 1),
                    "width": round(step - BAR_GAP, 1),
                    "height": round(height, 1),
                    "label_x": round(index * step + step / 2, 1),
                    "year": row.year,
                    "value": row.value,
                    "value_y": round(HEIGHT - AXIS - height - 3, 1),
                }
            )
        charts.append(
            {"name": name, "unit": unit, "bars": bars, "width": WIDTH, "height": HEIGHT, "axis_y": HEIGHT - 4}
        )
    return charts
