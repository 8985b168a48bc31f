"""The map of participating states: Natural Earth boundaries (npm ``world-atlas``) drawn as SVG on the server.

No tiles, no JavaScript: readers behind strict firewalls or offline still get the map, and every
state is an ordinary link.  The TopoJSON is decoded here in Python the first time the map is drawn
and the projected outlines are cached for the life of the process.

Boundaries are drawn as the source draws them.  ``world-atlas`` keys countries by ISO 3166-1
numeric code; Kosovo has none there (XK is a user-assigned code), so it is matched by name.
"""

import json
import math
from functools import lru_cache
from pathlib import Path

from django.conf import settings

# ISO 3166-1 alpha-2 -> the key world-atlas uses: its numeric id, or its name where it has no id.
ATLAS_KEYS = {
    "AT": "040", "BE": "056", "BG": "100", "HR": "191", "CY": "196", "CZ": "203", "DK": "208",
    "EE": "233", "FI": "246", "FR": "250", "DE": "276", "GR": "300", "HU": "348", "IE": "372",
    "IT": "380", "LV": "428", "LT": "440", "LU": "442", "MT": "470", "NL": "528", "PL": "616",
    "PT": "620", "RO": "642", "SK": "703", "SI": "705", "ES": "724", "SE": "752", "GB": "826",
    "LI": "438", "NO": "578", "CH": "756", "AM": "051", "AZ": "031", "BY": "112", "GE": "268",
    "MD": "498", "UA": "804", "AL": "008", "BA": "070", "XK": "name:Kosovo", "ME": "499",
    "MK": "807", "RS": "688", "KZ": "398", "KG": "417", "TJ": "762", "TM": "795", "UZ": "860",
    "RU": "643", "TR": "792",
}  # fmt: skip

WIDTH = 1000
# Lambert conformal conic centred on the region: Europe keeps its shape and Russia fits whole.
CENTRE_LON, CENTRE_LAT, PARALLELS = 55.0, 52.0, (40.0, 65.0)
# Parts of a state drawn: from the Azores and the Canaries to Chukotka, Crete to the Arctic.
REGION_LON, REGION_LAT = (-35.0, 200.0), (26.0, 86.0)
# Outlines smaller than this (in px²) get a marker, so Liechtenstein or Malta stay clickable.
SMALL_AREA = 60.0
MARKER_RADIUS = 6


def atlas_path():
    return Path(
        getattr(settings, "WORLD_ATLAS_FILE", Path(settings.BASE_DIR) / "node_modules/world-atlas/countries-50m.json")
    )


class Arcs:
    """TopoJSON arcs are quantised and delta-encoded: each is decoded into (lon, lat) points when first used."""

    def __init__(self, topology):
        self.raw = topology["arcs"]
        (self.scale_x, self.scale_y), (self.move_x, self.move_y) = (
            topology["transform"]["scale"],
            topology["transform"]["translate"],
        )
        self.decoded = {}

    def __getitem__(self, index):
        if index not in self.decoded:
            x = y = 0
            points = []
            for dx, dy in self.raw[index]:
                x += dx
                y += dy
                points.append((x * self.scale_x + self.move_x, y * self.scale_y + self.move_y))
            self.decoded[index] = points
        return self.decoded[index]


def _ring(arcs, indexes):
    points = []
    for index in indexes:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points.extend(arc if not points else arc[1:])
    return points


def _in_region(polygon):
    """Overseas parts far from the region (French Guiana, Réunion ...) would shrink Europe to a speck."""
    outer = polygon[0]
    lon = sum(point[0] + (360 if point[0] < -100 else 0) for point in outer) / len(outer)
    lat = sum(point[1] for point in outer) / len(outer)
    return REGION_LAT[0] <= lat <= REGION_LAT[1] and REGION_LON[0] <= lon <= REGION_LON[1]


def _polygons(geometry, arcs):
    if geometry["type"] == "Polygon":
        polygons = [[_ring(arcs, ring) for ring in geometry["arcs"]]]
    elif geometry["type"] == "MultiPolygon":
        polygons = [[_ring(arcs, ring) for ring in polygon] for polygon in geometry["arcs"]]
    else:
        return []
    return [polygon for polygon in polygons if _in_region(polygon)]


class Projection:
    def __init__(self):
        phi1, phi2 = (math.radians(p) for p in PARALLELS)
        self.n = math.log(math.cos(phi1) / math.cos(phi2)) / math.log(
            math.tan(math.pi / 4 + phi2 / 2) / math.tan(math.pi / 4 + phi1 / 2)
        )
        self.f = math.cos(phi1) * math.tan(math.pi / 4 + phi1 / 2) ** self.n / self.n
        self.rho0 = self._rho(CENTRE_LAT)

    def _rho(self, lat):
        lat = max(min(lat, 89.0), -80.0)
        return self.f / math.tan(math.pi / 4 + math.radians(lat) / 2) ** self.n

    def __call__(self, lon, lat):
        if lon < -100:  # Chukotka crosses the antimeridian: keep Russia in one piece
            lon += 360
        rho = self._rho(lat)
        theta = self.n * math.radians(lon - CENTRE_LON)
        return rho * math.sin(theta), rho * math.cos(theta) - self.rho0  # y grows downwards, as in SVG


class Fit:
    """Scales projected points so the participating states fill the width, with a margin."""

    def __init__(self, box, margin=12):
        self.scale = (WIDTH - 2 * margin) / (box[2] - box[0])
        self.left, self.top, self.margin = box[0], box[1], margin
        self.height = round((box[3] - box[1]) * self.scale + 2 * margin)

    def __call__(self, x, y):
        return (x - self.left) * self.scale + self.margin, (y - self.top) * self.scale + self.margin


def _raw_box(polygons, project):
    box = [math.inf, math.inf, -math.inf, -math.inf]
    for polygon in polygons:
        for lon, lat in polygon[0]:
            x, y = project(lon, lat)
            box = [min(box[0], x), min(box[1], y), max(box[2], x), max(box[3], y)]
    return box


def _path(polygons, project, step=1.2):
    """SVG path data, thinned to about a pixel; rings that shrink to nothing are left out."""
    parts = []
    box = [math.inf, math.inf, -math.inf, -math.inf]
    area = 0.0
    for polygon in polygons:
        for number, ring in enumerate(polygon):
            points = []
            for lon, lat in ring:
                x, y = project(lon, lat)
                point = (round(x, 1), round(y, 1))
                if not points or abs(point[0] - points[-1][0]) + abs(point[1] - points[-1][1]) >= step:
                    points.append(point)
            if len(points) < 3:
                continue
            ring_area = 0.5 * sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in zip(points, points[1:] + points[:1]))
            area += abs(ring_area) if number == 0 else -abs(ring_area)
            for x, y in points:
                box = [min(box[0], x), min(box[1], y), max(box[2], x), max(box[3], y)]
            parts.append("M" + "L".join(f"{x:g},{y:g}" for x, y in points) + "Z")
    return "".join(parts), box, area


def _visible(box, height):
    return box[2] > 0 and box[0] < WIDTH and box[3] > 0 and box[1] < height


def _load(name):
    return json.loads((atlas_path().parent / name).read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def outlines():
    """``{"states": {iso: {"d", "marker"}}, "background", "width", "height"}``, or None without world-atlas.

    The states come from the 1:50m file (small states need its detail), their neighbours for
    context from the 1:110m one, which is enough at this size and keeps the page light.
    """
    if not atlas_path().exists():
        return None
    topology = _load(atlas_path().name)
    arcs = Arcs(topology)
    project = Projection()
    wanted = {key: iso for iso, key in ATLAS_KEYS.items()}
    found = {}
    for geometry in topology["objects"]["countries"]["geometries"]:
        key = geometry.get("id") or f"name:{geometry.get('properties', {}).get('name')}"
        if key in wanted:
            found[wanted[key]] = _polygons(geometry, arcs)
    boxes = [_raw_box(polygons, project) for polygons in found.values()]
    fit = Fit([min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes), max(b[3] for b in boxes)])

    def to_svg(lon, lat):
        return fit(*project(lon, lat))

    states = {}
    for iso, polygons in found.items():
        d, box, area = _path(polygons, to_svg)
        marker = None
        if area < SMALL_AREA:
            marker = {"cx": round((box[0] + box[2]) / 2, 1), "cy": round((box[1] + box[3]) / 2, 1)}
        states[iso] = {"d": d, "marker": marker}
    context = _load("countries-110m.json")
    context_arcs = Arcs(context)
    participating = set(ATLAS_KEYS.values())
    background = []
    for geometry in context["objects"]["countries"]["geometries"]:
        key = geometry.get("id") or f"name:{geometry.get('properties', {}).get('name')}"
        if key in participating:
            continue
        d, box, _area = _path(_polygons(geometry, context_arcs), to_svg, step=2.0)
        if d and _visible(box, fit.height):
            background.append(d)
    return {"states": states, "background": "".join(background), "width": WIDTH, "height": fit.height}
