"""Write a screenshot of each public page type, in English and Russian, desktop and phone, to docs/screenshots/.

    .venv/bin/python scripts/screenshots.py [--base-url http://127.0.0.1:8000]

Needs a running site (`make demo`) and Debian's Chromium.  Only the first screen is captured and the
PNGs are reduced to a 64-colour palette: they are committed, so they stay small.
"""

import argparse
import io
import sys
from pathlib import Path

from PIL import Image
from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from home.seed.sample_pages import PAGE_TYPES  # noqa: E402

OUT = ROOT / "docs" / "screenshots"
DEVICES = {"desktop": {"width": 1280, "height": 800}, "phone": {"width": 390, "height": 844}}


def save_small(png, path):
    image = Image.open(io.BytesIO(png)).convert("RGB").quantize(colors=64, method=Image.Quantize.MEDIANCUT)
    image.save(path, optimize=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base-url", default="http://127.0.0.1:8000")
    parser.add_argument("--chromium", default="/usr/bin/chromium")
    args = parser.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=args.chromium, headless=True, args=["--no-sandbox"])
        for device, viewport in DEVICES.items():
            page = browser.new_page(viewport=viewport, is_mobile=device == "phone")
            for name, pattern in PAGE_TYPES.items():
                for lang in ("en", "ru"):
                    page.goto(args.base_url + pattern.format(lang=lang))
                    path = OUT / f"{name}-{lang}-{device}.png"
                    save_small(page.screenshot(), path)
                    print(f"{path.relative_to(ROOT)}  {path.stat().st_size // 1024} KB")
            page.close()
        browser.close()


if __name__ == "__main__":
    main()
