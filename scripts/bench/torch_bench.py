"""PyTorch side of `npm run bench`: the same cases as cases.ts, one thread, median of repeats.

Prints one JSON object {case name: median ms}. Our own PyTorch code, written from the math.
"""
import json
import sys
import time

import torch
import torch.nn.functional as F

from swin_ops import attn_mask, relative_position_index, window_partition, window_reverse

torch.set_num_threads(1)
repeats = int(sys.argv[1]) if len(sys.argv) > 1 else 5


def params(C, heads, ws):
    g = torch.Generator().manual_seed(0)
    r = lambda *s: torch.randn(*s, generator=g) * 0.2
    return dict(qkv_w=r(3 * C, C), qkv_b=r(3 * C), proj_w=r(C, C), proj_b=r(C),
                table=r((2 * ws - 1) ** 2, heads), fc1_w=r(4 * C, C), fc1_b=r(4 * C),
                fc2_w=r(C, 4 * C), fc2_b=r(C), index=relative_position_index(ws))


def window_attention(x, p, heads, ws, mask):
    B_, N, C = x.shape
    qkv = F.linear(x, p["qkv_w"], p["qkv_b"]).reshape(B_, N, 3, heads, C // heads).permute(2, 0, 3, 1, 4)
    q, k, v = qkv[0], qkv[1], qkv[2]
    q = q * (C // heads) ** -0.5
    attn = q @ k.transpose(-2, -1)
    bias = p["table"][p["index"].view(-1)].view(N, N, -1).permute(2, 0, 1)
    attn = attn + bias.unsqueeze(0)
    nW = mask.shape[0]
    attn = attn.view(B_ // nW, nW, heads, N, N) + mask.unsqueeze(1).unsqueeze(0)
    attn = attn.view(-1, heads, N, N).softmax(-1)
    x = (attn @ v).transpose(1, 2).reshape(B_, N, C)
    return F.linear(x, p["proj_w"], p["proj_b"])


def sw_msa(x, p, heads, ws, s, mask):
    B, H, W, C = x.shape
    shifted = torch.roll(x, shifts=(-s, -s), dims=(1, 2))
    windows = window_partition(shifted, ws).view(-1, ws * ws, C)
    out = window_attention(windows, p, heads, ws, mask).view(-1, ws, ws, C)
    return torch.roll(window_reverse(out, ws, H, W), shifts=(s, s), dims=(1, 2))


def block(x, H, W, p, heads, ws, s, mask):
    B, L, C = x.shape
    h = F.layer_norm(x, (C,)).view(B, H, W, C)
    x = x + sw_msa(h, p, heads, ws, s, mask).view(B, L, C)
    y = F.linear(F.gelu(F.linear(F.layer_norm(x, (C,)), p["fc1_w"], p["fc1_b"])), p["fc2_w"], p["fc2_b"])
    return x + y


def timed(fn):
    fn()
    ts = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        fn()
        ts.append((time.perf_counter() - t0) * 1000)
    return sorted(ts)[len(ts) // 2]


results = {}
with torch.no_grad():
    for (B, H, W, C, ws) in [(1, 8, 8, 2, 4), (1, 56, 56, 96, 7)]:
        x = torch.randn(B, H, W, C)
        results[f"partition {B}×{H}×{W}×{C} ws{ws}"] = timed(lambda: window_partition(x, ws))
    for (B, H, W, C, ws, s, h) in [(1, 9, 9, 4, 3, 1, 2), (1, 56, 56, 96, 7, 3, 3)]:
        x = torch.randn(B, H, W, C)
        p = params(C, h, ws)
        m = attn_mask(H, W, ws, s)
        results[f"sw-msa {B}×{H}×{W}×{C} ws{ws} s{s} h{h}"] = timed(lambda: sw_msa(x, p, h, ws, s, m))
    B, H, W, C, ws, s, h = 1, 56, 56, 96, 7, 3, 3
    x = torch.randn(B, H * W, C)
    p = params(C, h, ws)
    m = attn_mask(H, W, ws, s)
    results[f"swin block {B}×{H}×{W}×{C} ws{ws} s{s} h{h}"] = timed(lambda: block(x, H, W, p, h, ws, s, m))
    x = torch.randn(1, 64, 40, 40)
    results["unfold+fold 1×64×40×40 k3 s1 p1"] = timed(
        lambda: F.fold(F.unfold(x, 3, padding=1), (40, 40), 3, padding=1)
    )
print(json.dumps({"torch": torch.__version__, "threads": torch.get_num_threads(), "median_ms": results}))
