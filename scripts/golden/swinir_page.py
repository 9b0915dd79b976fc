"""PyTorch's output for the /trained-swinir page's default view (chelsea, σ = 25, seed 0).

The page adds its seeded noise with tfjs, so the noisy image comes from the page: the browser test
records it (RECORD_SWINIR_PAGE=1 npx playwright test content/10-trained-swinir -g "shipped photo")
into tests/golden/swinir_page.json as `noisy_f32` (base64 of little-endian float32, [1, 3, 128, 128]).
This script runs our PyTorch SwinIR (scripts/train/swinir.py) with the shipped trained weights on
exactly that input and adds `denoised_f32`; the browser test then compares the page's `denoised` with it.
"""
import base64
import hashlib
import importlib.util
import json
import os

import numpy as np
import torch

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.join(HERE, "..", "..")
FIXTURE = os.path.join(ROOT, "tests", "golden", "swinir_page.json")
WEIGHTS = os.path.join(ROOT, "static", "models", "swinir-denoise-s25.safetensors")

_spec = importlib.util.spec_from_file_location("swinir_model", os.path.join(HERE, "..", "train", "swinir.py"))
swinir_model = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(swinir_model)

torch.set_num_threads(1)


def main():
    with open(FIXTURE) as f:
        fx = json.load(f)
    noisy = np.frombuffer(base64.b64decode(fx["noisy_f32"]), dtype="<f4").reshape(1, 3, 128, 128)
    state, meta = swinir_model.load_safetensors(WEIGHTS)
    model = swinir_model.SwinIR(**json.loads(meta["args"])).eval()
    model.load_state_dict(state, strict=True)
    with torch.no_grad():
        out = model(torch.from_numpy(noisy.copy())).numpy().astype("<f4")
    fx["denoised_f32"] = base64.b64encode(out.tobytes()).decode()
    fx["weights"] = os.path.basename(WEIGHTS)
    with open(WEIGHTS, "rb") as f:
        fx["weights_sha256"] = hashlib.sha256(f.read()).hexdigest()
    fx["weights_trained"] = meta.get("trained", "?")
    fx["torch"] = torch.__version__
    with open(FIXTURE, "w") as f:
        json.dump(fx, f)
    print(f"wrote {os.path.relpath(FIXTURE)}: denoised from {fx['weights']} (trained: {fx['weights_trained']})")


if __name__ == "__main__":
    main()
