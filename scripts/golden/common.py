"""Shared helpers for the golden-fixture scripts.

Each script builds deterministic inputs (torch.manual_seed per case), runs our own PyTorch code
(written from the math and the official layouts, not pasted), and writes tests/golden/<name>.json:

    {"name": ..., "torch": "1.13.1", "cases": [{"id": ..., "params": {...},
      "tensors": {"x": {"shape": [...], "dtype": "float32", "data": [...]}, ...}}]}

Run every script with `npm run golden` (uses /usr/bin/python3 with Debian's python3-torch).
"""
import json
import os

import torch

OUT_DIR = os.path.join(os.path.dirname(__file__), "..", "..", "tests", "golden")

torch.set_num_threads(1)
torch.use_deterministic_algorithms(True)


def tensor_json(t):
    t = t.detach().contiguous()
    if t.dtype in (torch.int64, torch.int32, torch.bool, torch.uint8):
        return {"shape": list(t.shape), "dtype": "int32", "data": [int(v) for v in t.reshape(-1).tolist()]}
    t = t.to(torch.float32)
    return {"shape": list(t.shape), "dtype": "float32", "data": [float(v) for v in t.reshape(-1).tolist()]}


def case(case_id, params, **tensors):
    return {"id": case_id, "params": params, "tensors": {k: tensor_json(v) for k, v in tensors.items()}}


def save(name, cases):
    os.makedirs(OUT_DIR, exist_ok=True)
    path = os.path.join(OUT_DIR, f"{name}.json")
    with open(path, "w") as f:
        json.dump({"name": name, "torch": torch.__version__, "cases": cases}, f, separators=(",", ":"))
    print(f"wrote {os.path.relpath(path)}: {len(cases)} cases")


def randn(seed, *shape):
    g = torch.Generator().manual_seed(seed)
    return torch.randn(*shape, generator=g, dtype=torch.float32)
