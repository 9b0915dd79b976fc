"""Check the shipped weights against the official SwinIR class.

    /usr/bin/python3 scripts/train/check_official.py PATH/TO/network_swinir.py [MODEL_BASENAME]

PATH/TO/network_swinir.py is JingyunLiang/SwinIR's models/network_swinir.py (not part of this
repository; e.g. `git show HEAD:models/network_swinir.py` in a clone). It imports timm, which is not
needed for inference: a stub `timm.models.layers` (DropPath as identity, to_2tuple, trunc_normal_) is
written to a temporary directory and put on sys.path.

For the trained and the initial weights it
1. builds the official `SwinIR` from the sidecar's "args",
2. loads the .safetensors with strict=True (every key, shape and buffer must match, attn_mask included),
3. runs it and our rewrite (scripts/train/swinir.py) on fixed seeded inputs, one a multiple of
   window_size, one not (reflect pad + crop, mask recomputed for the padded size), one at img_size
   (the stored attn_mask is used), and prints the max abs difference. Exit status 1 if any > 1e-5.
"""
import importlib.util
import json
import os
import sys
import tempfile

import torch

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from swinir import SwinIR, load_safetensors  # noqa: E402

torch.set_num_threads(1)

TIMM_STUB = '''
import torch.nn as nn
from torch.nn.init import trunc_normal_ as _tn


class DropPath(nn.Module):
    """Stochastic depth is the identity at inference."""

    def __init__(self, drop_prob=0.0):
        super().__init__()

    def forward(self, x):
        return x


def to_2tuple(x):
    return tuple(x) if isinstance(x, (tuple, list)) else (x, x)


def trunc_normal_(tensor, mean=0.0, std=1.0, a=-2.0, b=2.0):
    return _tn(tensor, mean, std, a, b)
'''


def import_official(path):
    stub = tempfile.mkdtemp(prefix="timm-stub-")
    os.makedirs(os.path.join(stub, "timm", "models", "layers"))
    for d in ("timm", "timm/models"):
        open(os.path.join(stub, d, "__init__.py"), "w").close()
    with open(os.path.join(stub, "timm", "models", "layers", "__init__.py"), "w") as f:
        f.write(TIMM_STUB)
    sys.path.insert(0, stub)
    spec = importlib.util.spec_from_file_location("network_swinir", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    official = import_official(sys.argv[1])
    base = sys.argv[2] if len(sys.argv) > 2 else os.path.join(HERE, "..", "..", "static", "models",
                                                               "swinir-denoise-s25")
    with open(base + ".json") as f:
        args = json.load(f)["args"]
    print("args:", args)
    worst = 0.0
    for suffix in ("", "-init"):
        state, meta = load_safetensors(f"{base}{suffix}.safetensors")
        theirs = official.SwinIR(**args).eval()
        theirs.load_state_dict(state, strict=True)
        ours = SwinIR(**args).eval()
        ours.load_state_dict(state, strict=True)
        # The buffers the official class builds itself equal the ones in the file.
        built = official.SwinIR(**args).state_dict()
        for k in state:
            if k.endswith(("attn_mask", "relative_position_index")):
                assert torch.equal(built[k], state[k]) and built[k].dtype == state[k].dtype, k
        g = torch.Generator().manual_seed(7)
        for H, W in ((20, 13), (16, 16), (args["img_size"], args["img_size"]), (61, 50)):
            x = torch.rand(1, args["in_chans"], H, W, generator=g)
            with torch.no_grad():
                d = (theirs(x) - ours(x)).abs().max().item()
            worst = max(worst, d)
            print(f"{os.path.basename(base)}{suffix}.safetensors  {H}x{W}: strict load ok, max |official − ours| = {d:.3g}")
    print(f"worst max abs diff: {worst:.3g}")
    sys.exit(0 if worst <= 1e-5 else 1)


if __name__ == "__main__":
    main()
