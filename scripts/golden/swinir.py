"""Golden fixtures for the whole denoising SwinIR with the shipped weights
(static/models/swinir-denoise-s25.safetensors, trained by scripts/train/train.py).

The model is our own rewrite, scripts/train/swinir.py (its parity with the official class is checked by
scripts/train/check_official.py). Writes tests/golden/swinir.json:
- trained_20x13: H, W not multiples of window_size 8: reflect pad to 24×16, the SW-MSA mask for 24×16
  (not the stored 48×48 one), crop back. Also the first Swin block's attention, window 0, head 0, so a
  port can be checked stage by stage.
- trained_16x16: an exact multiple of the window: no padding, still a size other than img_size.
- init_16x16: the untrained weights (swinir-denoise-s25-init.safetensors) on the same input.
"""
import importlib.util
import json
import os

import torch

from common import case, randn, save

HERE = os.path.dirname(os.path.abspath(__file__))
MODELS = os.path.join(HERE, "..", "..", "static", "models")
NAME = "swinir-denoise-s25"

# Loaded by path: this file is itself called swinir.py, so a plain `import swinir` would find it.
_spec = importlib.util.spec_from_file_location("swinir_model", os.path.join(HERE, "..", "train", "swinir.py"))
swinir_model = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(swinir_model)

with open(os.path.join(MODELS, f"{NAME}.json")) as f:
    ARGS = json.load(f)["args"]


def model(weights):
    m = swinir_model.SwinIR(**ARGS).eval()
    m.load_state_dict(swinir_model.load_safetensors(os.path.join(MODELS, weights))[0], strict=True)
    return m


def noisy_input(seed, H, W):
    """A fixed seeded input: mid-grey plus Gaussian noise of σ = 25/255 (values may leave [0, 1])."""
    return 0.5 + (25 / 255) * randn(seed, 1, 3, H, W)


trained = model(f"{NAME}.safetensors")
init = model(f"{NAME}-init.safetensors")
ws = ARGS["window_size"]

cases = []
x = noisy_input(2001, 20, 13)
keep = {}
with torch.no_grad():
    out = trained(x, keep)
cases.append(case("trained_20x13", {"weights": f"{NAME}.safetensors", "H": 20, "W": 13, "padded": [24, 16],
                                    "window_size": ws, "attn": "layers.0 block 0 (shift 0), window 0, head 0"},
                  x=x, x_padded=trained.pad(x), attn_w0_h0=keep["attn"][0, 0], out=out))

x = noisy_input(2002, 16, 16)
with torch.no_grad():
    cases.append(case("trained_16x16", {"weights": f"{NAME}.safetensors", "H": 16, "W": 16}, x=x, out=trained(x)))
    cases.append(case("init_16x16", {"weights": f"{NAME}-init.safetensors", "H": 16, "W": 16}, x=x, out=init(x)))
save("swinir", cases)
