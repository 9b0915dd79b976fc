"""Golden fixtures for NAFNet's SimpleGate, SCA and LayerNorm2d (megvii-research/NAFNet
basicsr/models/archs/NAFNet_arch.py and arch_util.py), our own rewrite from the math."""
import torch
import torch.nn.functional as F

from common import case, randn, save


def simple_gate(x):
    x1, x2 = x.chunk(2, dim=1)  # @step sca
    return x1 * x2  # @step sca


def sca(x, weight, bias):
    pooled = F.adaptive_avg_pool2d(x, 1)  # @step sca
    s = F.conv2d(pooled, weight, bias)  # @step sca
    return pooled, s, x * s  # @step sca


def layer_norm_2d(x, weight, bias, eps=1e-6):
    mu = x.mean(1, keepdim=True)
    var = (x - mu).pow(2).mean(1, keepdim=True)
    return weight.view(1, -1, 1, 1) * ((x - mu) / (var + eps).sqrt()) + bias.view(1, -1, 1, 1)


cases = []
for i, (B, C, H, W) in enumerate([(2, 6, 3, 5), (1, 2, 4, 4)]):
    x = randn(1200 + i, B, C, H, W)
    cases.append(case(f"simplegate_{B}x{C}x{H}x{W}", {"op": "simpleGate"}, x=x, out=simple_gate(x)))
for i, (B, C, H, W) in enumerate([(2, 4, 5, 3), (1, 3, 2, 6)]):
    x = randn(1300 + i, B, C, H, W)
    weight = 0.5 * randn(1310 + i, C, C, 1, 1)
    bias = 0.1 * randn(1320 + i, C)
    pooled, s, out = sca(x, weight, bias)
    cases.append(case(f"sca_{B}x{C}x{H}x{W}", {"op": "sca"}, x=x, weight=weight, bias=bias,
                      pooled=pooled, s=s, out=out))
# LayerNorm2d: per-pixel channel spread ~1e-3 (variance ~1e-6, the size of eps), so
# Restormer's eps 1e-5 in its place fails; and an ordinary-variance case.
for i, (B, C, H, W, tiny) in enumerate([(2, 4, 3, 5, True), (1, 6, 4, 2, False)]):
    if tiny:
        x = 0.5 + 0.5 * randn(1400 + i, B, 1, H, W) + 1e-3 * randn(1410 + i, B, C, H, W)
    else:
        x = randn(1420 + i, B, C, H, W)
    weight = 1 + 0.2 * randn(1430 + i, C)
    bias = 0.1 * randn(1440 + i, C)
    cases.append(case(f"layernorm2d_{B}x{C}x{H}x{W}" + ("_tinyvar" if tiny else ""),
                      {"op": "layerNorm2d", "tinyVariance": tiny},
                      x=x, weight=weight, bias=bias, out=layer_norm_2d(x, weight, bias)))
save("nafnet", cases)
