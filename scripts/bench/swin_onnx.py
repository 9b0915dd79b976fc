"""ONNX exports of our PyTorch Swin code for `npm run bench` (the onnxruntime-web peer).

Usage: /usr/bin/python3 scripts/bench/swin_onnx.py OUT_DIR
Writes OUT_DIR/sw_msa.onnx (roll → partition → masked window attention → reverse → roll back,
1×56×56×96, window 7, shift 3, 3 heads) and OUT_DIR/swin_block.onnx (LN, SW-MSA, residual, LN, MLP,
residual, on 1×3136×96), and prints their names as JSON. The relative position index and the mask
are buffers, as in microsoft/Swin-Transformer `models/swin_transformer.py`; the export folds the
gathered bias into a constant. Our own PyTorch code, written from the math (same as torch_bench.py).
"""
import json
import warnings
import os
import sys

import torch
import torch.nn as nn
import torch.nn.functional as F

from swin_ops import attn_mask, relative_position_index, window_partition, window_reverse


class SwMsa(nn.Module):
    """roll(−s) → window_partition → WindowAttention (with mask) → window_reverse → roll(+s)."""

    def __init__(self, H, W, C, heads, ws, s):
        super().__init__()
        self.H, self.W, self.C, self.heads, self.ws, self.s = H, W, C, heads, ws, s
        self.scale = (C // heads) ** -0.5
        self.qkv = nn.Linear(C, 3 * C)
        self.proj = nn.Linear(C, C)
        self.relative_position_bias_table = nn.Parameter(torch.randn((2 * ws - 1) ** 2, heads) * 0.2)
        self.register_buffer("relative_position_index", relative_position_index(ws))
        self.register_buffer("attn_mask", attn_mask(H, W, ws, s))

    def forward(self, x):
        H, W, C, heads, ws, s = self.H, self.W, self.C, self.heads, self.ws, self.s
        B = x.shape[0]
        shifted = torch.roll(x, shifts=(-s, -s), dims=(1, 2))
        windows = window_partition(shifted, ws).view(-1, ws * ws, C)
        B_, N, _ = windows.shape
        qkv = self.qkv(windows).reshape(B_, N, 3, heads, C // heads).permute(2, 0, 3, 1, 4)
        q, k, v = qkv[0], qkv[1], qkv[2]
        q = q * self.scale
        attn = q @ k.transpose(-2, -1)
        bias = self.relative_position_bias_table[self.relative_position_index.view(-1)]
        attn = attn + bias.view(N, N, -1).permute(2, 0, 1).unsqueeze(0)
        nW = self.attn_mask.shape[0]
        attn = attn.view(B_ // nW, nW, heads, N, N) + self.attn_mask.unsqueeze(1).unsqueeze(0)
        attn = attn.view(-1, heads, N, N).softmax(-1)
        out = self.proj((attn @ v).transpose(1, 2).reshape(B_, N, C)).view(-1, ws, ws, C)
        return torch.roll(window_reverse(out, ws, H, W), shifts=(s, s), dims=(1, 2))


class SwinBlock(nn.Module):
    """x [B, H·W, C] → x + SW-MSA(LN(x)) → + MLP(LN(·)) (exact GELU, MLP ratio 4)."""

    def __init__(self, H, W, C, heads, ws, s):
        super().__init__()
        self.H, self.W = H, W
        self.norm1 = nn.LayerNorm(C)
        self.attn = SwMsa(H, W, C, heads, ws, s)
        self.norm2 = nn.LayerNorm(C)
        self.fc1 = nn.Linear(C, 4 * C)
        self.fc2 = nn.Linear(4 * C, C)

    def forward(self, x):
        B, L, C = x.shape
        x = x + self.attn(self.norm1(x).view(B, self.H, self.W, C)).reshape(B, L, C)
        return x + self.fc2(F.gelu(self.fc1(self.norm2(x))))


def main(out_dir):
    warnings.filterwarnings("ignore")
    torch.manual_seed(0)
    os.makedirs(out_dir, exist_ok=True)
    H, W, C, heads, ws, s = 56, 56, 96, 3, 7, 3
    made = {}
    for name, module, shape in [
        ("sw_msa", SwMsa(H, W, C, heads, ws, s), (1, H, W, C)),
        ("swin_block", SwinBlock(H, W, C, heads, ws, s), (1, H * W, C)),
    ]:
        module.eval()
        path = os.path.join(out_dir, f"{name}.onnx")
        with torch.no_grad():
            torch.onnx.export(module, torch.randn(*shape), path, input_names=["x"],
                              output_names=["out"], opset_version=17, do_constant_folding=True)
        made[name] = {"path": path, "shape": list(shape)}
    print(json.dumps({"torch": torch.__version__, "models": made}))


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "bench-results/onnx")
