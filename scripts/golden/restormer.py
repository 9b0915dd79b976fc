"""Golden fixtures for Restormer's block (swz30/Restormer basicsr/models/archs/restormer_arch.py),
our own rewrite from the math: channel LayerNorm (WithBias / BiasFree, eps 1e-5, biased variance),
MDTA (1x1 conv, depthwise 3x3, chunk, L2-normalise over H*W, x temperature, softmax over channels),
GDFN (1x1, depthwise 3x3, chunk, exact GELU gate, 1x1) and the block with its two residuals.

Tensor keys use the TS parameter / result names; a dot nests them ("attn.qkvWeight", "ffn.gated").
"""
import torch
import torch.nn.functional as F

from common import case, randn, save


def layer_norm_channels(x, weight, bias):
    # to_3d -> LayerNorm over C -> to_4d, written over dim 1 directly.
    mu = x.mean(1, keepdim=True)  # @step norm1 norm2
    var = x.var(1, keepdim=True, unbiased=False)  # @step norm1 norm2
    w = weight.view(1, -1, 1, 1)
    if bias is None:  # BiasFree: the variance is about the mean, but the mean is not subtracted
        return x / torch.sqrt(var + 1e-5) * w  # @step norm1 norm2
    return (x - mu) / torch.sqrt(var + 1e-5) * w + bias.view(1, -1, 1, 1)  # @step norm1 norm2


def mdta(x, p):
    B, C, H, W = x.shape
    heads = p["numHeads"]
    t = {}
    t["qkvPointwise"] = F.conv2d(x, p["qkvWeight"], p.get("qkvBias"))  # @step qkv
    t["qkv"] = F.conv2d(t["qkvPointwise"], p["qkvDwconvWeight"], p.get("qkvDwconvBias"), padding=1, groups=3 * C)  # @step dwconv
    q, k, v = (u.reshape(B, heads, C // heads, H * W) for u in t["qkv"].chunk(3, dim=1))  # @step chunk rearrange
    t.update(q=q, k=k, v=v, qNorm=F.normalize(q, dim=-1), kNorm=F.normalize(k, dim=-1))  # @step normalize
    t["attnLogits"] = (t["qNorm"] @ t["kNorm"].transpose(-2, -1)) * p["temperature"]  # @step qk
    t["attn"] = t["attnLogits"].softmax(dim=-1)  # @step softmax mdta
    t["attnOut"] = t["attn"] @ v  # @step av
    t["merged"] = t["attnOut"].reshape(B, C, H, W)  # @step merge
    t["out"] = F.conv2d(t["merged"], p["projectOutWeight"], p.get("projectOutBias"))  # @step project
    return t


def gdfn(x, p):
    t = {}
    t["projected"] = F.conv2d(x, p["projectInWeight"], p.get("projectInBias"))  # @step project-in
    two_hidden = t["projected"].shape[1]
    t["dw"] = F.conv2d(t["projected"], p["dwconvWeight"], p.get("dwconvBias"), padding=1, groups=two_hidden)  # @step ffn-dwconv
    t["x1"], t["x2"] = t["dw"].chunk(2, dim=1)  # @step ffn-chunk
    t["gated"] = F.gelu(t["x1"]) * t["x2"]  # exact (erf) GELU, nn.GELU() default  # @step gate
    t["out"] = F.conv2d(t["gated"], p["projectOutWeight"], p.get("projectOutBias"))  # @step ffn-out
    return t


def mdta_params(seed, C, heads, bias):
    p = {"numHeads": heads,
         "qkvWeight": 0.4 * randn(seed, 3 * C, C, 1, 1),
         "qkvDwconvWeight": 0.4 * randn(seed + 1, 3 * C, 1, 3, 3),
         "projectOutWeight": 0.4 * randn(seed + 2, C, C, 1, 1),
         "temperature": 0.5 + randn(seed + 3, heads, 1, 1).abs()}
    if bias:
        p.update(qkvBias=0.1 * randn(seed + 4, 3 * C), qkvDwconvBias=0.1 * randn(seed + 5, 3 * C),
                 projectOutBias=0.1 * randn(seed + 6, C))
    return p


def gdfn_params(seed, C, factor, bias):
    hidden = int(C * factor)
    p = {"projectInWeight": 0.4 * randn(seed, 2 * hidden, C, 1, 1),
         "dwconvWeight": 0.4 * randn(seed + 1, 2 * hidden, 1, 3, 3),
         "projectOutWeight": 0.4 * randn(seed + 2, C, hidden, 1, 1)}
    if bias:
        p.update(projectInBias=0.1 * randn(seed + 3, 2 * hidden), dwconvBias=0.1 * randn(seed + 4, 2 * hidden),
                 projectOutBias=0.1 * randn(seed + 5, C))
    return p


def tensors_of(prefix, d):
    return {prefix + k: v for k, v in d.items() if torch.is_tensor(v)}


# LayerNorm: per-pixel values that differ across channels by ~1e-3 (variance ~1e-6 < eps = 1e-5),
# so a wrong eps (1e-6, or NAFNet's) or a subtracted mean in BiasFree is caught.
ln_cases = []
for i, (B, C, H, W, kind) in enumerate(
    [(2, 4, 3, 5, "WithBias"), (2, 4, 3, 5, "BiasFree"), (1, 6, 4, 2, "WithBias"), (1, 6, 4, 2, "BiasFree")]
):
    base = 0.5 + 0.5 * randn(800 + i, B, 1, H, W)
    x = base + 1e-3 * randn(810 + i, B, C, H, W)
    if i >= 2:  # ordinary variance too
        x = randn(820 + i, B, C, H, W)
    weight = 1 + 0.2 * randn(830 + i, C)
    bias = 0.1 * randn(840 + i, C) if kind == "WithBias" else None
    t = {"x": x, "weight": weight, "out": layer_norm_channels(x, weight, bias)}
    if bias is not None:
        t["bias"] = bias
    ln_cases.append(case(f"layernorm_{kind}_{B}x{C}x{H}x{W}" + ("_tinyvar" if i < 2 else ""),
                         {"layerNormType": kind, "tinyVariance": i < 2}, **t))
save("restormer_layernorm", ln_cases)

mdta_cases = []
for i, (B, C, H, W, heads, bias) in enumerate(
    [(1, 8, 6, 5, 2, False), (1, 4, 5, 6, 1, False), (2, 8, 4, 3, 2, True), (2, 6, 3, 4, 1, True)]
):
    x = randn(900 + i, B, C, H, W)
    p = mdta_params(910 + 10 * i, C, heads, bias)
    mdta_cases.append(case(f"mdta_{B}x{C}x{H}x{W}_heads{heads}" + ("_bias" if bias else ""),
                           {"numHeads": heads, "bias": bias}, x=x, **tensors_of("", p), **tensors_of("", mdta(x, p))))
save("restormer_mdta", mdta_cases)

gdfn_cases = []
for i, (B, C, H, W, bias) in enumerate([(1, 4, 5, 6, False), (2, 6, 3, 4, True)]):
    x = randn(1000 + i, B, C, H, W)
    p = gdfn_params(1010 + 10 * i, C, 2.66, bias)
    gdfn_cases.append(case(f"gdfn_{B}x{C}x{H}x{W}_hidden{int(C * 2.66)}" + ("_bias" if bias else ""),
                           {"ffn_expansion_factor": 2.66, "hidden": int(C * 2.66), "bias": bias},
                           x=x, **p, **gdfn(x, p)))
save("restormer_gdfn", gdfn_cases)

block_cases = []
for i, (B, C, H, W, heads, kind, bias) in enumerate(
    [(2, 8, 4, 5, 2, "WithBias", False), (1, 6, 5, 3, 1, "BiasFree", True)]
):
    x = randn(1100 + i, B, C, H, W)
    attn_p = mdta_params(1110 + 20 * i, C, heads, bias)
    ffn_p = gdfn_params(1120 + 20 * i, C, 2.66, bias)
    norm = {"norm1Weight": 1 + 0.2 * randn(1150 + i, C), "norm2Weight": 1 + 0.2 * randn(1160 + i, C)}
    if kind == "WithBias":
        norm.update(norm1Bias=0.1 * randn(1170 + i, C), norm2Bias=0.1 * randn(1180 + i, C))
    norm1 = layer_norm_channels(x, norm["norm1Weight"], norm.get("norm1Bias"))
    a = mdta(norm1, attn_p)
    after_attn = x + a["out"]
    norm2 = layer_norm_channels(after_attn, norm["norm2Weight"], norm.get("norm2Bias"))
    f = gdfn(norm2, ffn_p)
    out = after_attn + f["out"]
    block_cases.append(case(f"block_{kind}_{B}x{C}x{H}x{W}_heads{heads}" + ("_bias" if bias else ""),
                            {"layerNormType": kind, "numHeads": heads, "bias": bias},
                            x=x, **norm, **tensors_of("attn.", attn_p), **tensors_of("ffn.", ffn_p),
                            **tensors_of("attn.", a), **tensors_of("ffn.", f),
                            norm1=norm1, afterAttn=after_attn, norm2=norm2, out=out))
save("restormer_block", block_cases)
