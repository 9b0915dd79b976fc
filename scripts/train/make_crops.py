"""Export the 128×128 photographs the /trained-swinir page denoises by default (static/images/swinir/).

Only images shipped inside scikit-image whose loader docstring in skimage/data/_fetchers.py marks them
CC0 or public domain (the same list as train.py). Two are held out from training (validation images),
so the page's default result is on photographs the model never saw; one is a training image, marked so.

    /usr/bin/python3 scripts/train/make_crops.py
"""
import json
import os

import numpy as np
from skimage import io as skio

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "..", "static", "images", "swinir")
SKDATA = os.path.join(os.path.dirname(skio.__file__), "..", "data")
SIZE = 128

CROPS = [
    {"name": "chelsea", "file": "chelsea.png", "top": 40, "left": 140, "use": "held out (validation)",
     "licence": "CC0 (Stefan van der Walt), skimage.data.chelsea"},
    {"name": "rocket", "file": "rocket.jpg", "top": 100, "left": 240, "use": "held out (validation)",
     "licence": "public domain (SpaceX), skimage.data.rocket"},
    {"name": "astronaut", "file": "astronaut.png", "top": 60, "left": 180, "use": "training image",
     "licence": "public domain (NASA), skimage.data.astronaut"},
]


def main():
    os.makedirs(OUT, exist_ok=True)
    for c in CROPS:
        a = skio.imread(os.path.join(SKDATA, c["file"]))
        assert a.ndim == 3 and a.shape[2] == 3 and a.dtype == np.uint8, c["file"]
        crop = a[c["top"]:c["top"] + SIZE, c["left"]:c["left"] + SIZE]
        assert crop.shape == (SIZE, SIZE, 3), (c["file"], crop.shape)
        skio.imsave(os.path.join(OUT, f"{c['name']}.png"), crop, check_contrast=False)
    with open(os.path.join(OUT, "crops.json"), "w") as f:
        json.dump([{k: c[k] for k in ("name", "file", "top", "left", "use", "licence")} for c in CROPS], f, indent=1)
    print(f"wrote {len(CROPS)} crops to {os.path.relpath(OUT)}")


if __name__ == "__main__":
    main()
