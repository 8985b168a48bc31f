"""What the map of participating states shows: one link per state, coloured by region or profile status.

The outlines come from ``worldmap`` (cached); this module only pairs them with the live pages,
so drawing the map costs no query beyond the list of states the page loads anyway.
"""

from django.utils.translation import gettext_lazy as _

from .worldmap import outlines

MAP_MODES = {"region": _("Region"), "status": _("Migration profile")}

# Colour-blind-safe palette (Okabe–Ito), one per region in display order; a hatch is not needed
# because the legend and the list beside the map name every state's group in words.
REGION_COLOURS = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#D55E00", "#56B4E9", "#999933"]
STATUS_COLOURS = {"extended": "#0072B2", "light": "#56B4E9", "": "#8c99a6"}
STATUS_LABELS = {
    "extended": _("Extended Migration Profile"),
    "light": _("Migration Profile Light"),
    "": _("No profile published yet"),
}


def state_map(countries, region_groups, colour_by):
    drawn = outlines()
    if drawn is None:
        return None
    region_colour = {}
    legend = []
    for index, (region, members) in enumerate(region_groups):
        colour = REGION_COLOURS[index % len(REGION_COLOURS)]
        for country in members:
            region_colour[country.pk] = colour
        if colour_by == "region":
            legend.append({"colour": colour, "label": region.name if region else _("Other participating states")})
    if colour_by == "status":
        present = {country.profile_type or "" for country in countries}
        legend = [
            {"colour": STATUS_COLOURS[key], "label": STATUS_LABELS[key]} for key in STATUS_COLOURS if key in present
        ]
    states = []
    for country in countries:
        outline = drawn["states"].get(country.iso_code)
        if outline is None:  # a state the atlas does not draw still appears in the list beside the map
            continue
        colour = region_colour[country.pk] if colour_by == "region" else STATUS_COLOURS.get(country.profile_type or "")
        states.append({"page": country, "d": outline["d"], "marker": outline["marker"], "colour": colour})
    # Markers last, so a small state's dot is drawn above its larger neighbours.
    states.sort(key=lambda state: state["marker"] is not None)
    return {
        "states": states,
        "background": drawn["background"],
        "width": drawn["width"],
        "height": drawn["height"],
        "legend": legend,
    }
