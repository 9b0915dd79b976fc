"""Golden fixtures for the Swin / SwinIR ops: roll, shifted-window mask, relative position index and
bias, window attention, the Swin block, PatchEmbed and PatchMerging.

Our own PyTorch code, written from the math and the layouts of microsoft/Swin-Transformer
(models/swin_transformer.py) and JingyunLiang/SwinIR (models/network_swinir.py); not pasted.
Writes tests/golden/swin_{roll,mask,relpos,attention,block,patch}.json.
"""
import torch
import torch.nn.functional as F

from common import case, randn, save
# The verified partition of /window-partition (same fixtures), not a second copy.
from window import window_partition, window_reverse


# ---------------------------------------------------------------- helpers written from the math


def region_labels(H, W, ws, shift):
    """The img_mask labels: three bands per axis, numbered row-band-major (cnt)."""
    labels = torch.zeros(H, W)
    bands = (slice(0, -ws), slice(-ws, -shift), slice(-shift, None))
    n = 0
    for hs in bands:
        for wsl in bands:
            labels[hs, wsl] = n
            n += 1
    return labels


def shifted_window_mask(H, W, ws, shift):
    labels = region_labels(H, W, ws, shift)
    img_mask = labels.reshape(1, H, W, 1)
    window_labels = window_partition(img_mask, ws).reshape(-1, ws * ws)
    # diff[w, i, j] = label of key j − label of query i
    label_diff = window_labels[:, None, :] - window_labels[:, :, None]
    attn_mask = torch.where(label_diff != 0, torch.tensor(-100.0), torch.tensor(0.0))
    return labels, img_mask, window_labels, label_diff, attn_mask


def relative_position_index(Wh, Ww):
    ys, xs = torch.meshgrid(torch.arange(Wh), torch.arange(Ww), indexing="ij")  # @step coords
    coords = torch.stack([ys, xs])  # 2, Wh, Ww  # @step coords
    flat = coords.reshape(2, -1)  # 2, N  # @step flatten
    rel = (flat[:, :, None] - flat[:, None, :]).permute(1, 2, 0)  # N, N, 2: (h_i − h_j, w_i − w_j)  # @step diff permute
    shifted = rel + torch.tensor([Wh - 1, Ww - 1])  # @step shift
    scaled = shifted * torch.tensor([2 * Ww - 1, 1])  # the row offset is the one multiplied  # @step scale
    index = scaled.sum(-1)  # @step sum
    return coords, flat, rel, shifted, scaled, index


def relative_position_bias(table, Wh, Ww):
    index = relative_position_index(Wh, Ww)[-1]
    N = Wh * Ww
    return table[index.reshape(-1)].reshape(N, N, -1).permute(2, 0, 1)  # @step gather


def linear(x, w, b=None):
    y = x @ w.t()
    return y + b if b is not None else y


def window_attention(x, p, mask=None):
    B_, N, C = x.shape
    h = p["num_heads"]
    Wh, Ww = p["window_size"]
    d = C // h  # @step reshape
    scale = p["qk_scale"] if p.get("qk_scale") is not None else d ** -0.5  # @step scale
    qkv = linear(x, p["qkv_weight"], p["qkv_bias"]).reshape(B_, N, 3, h, d).permute(2, 0, 3, 1, 4)  # @step linear reshape permute
    q, k, v = qkv[0], qkv[1], qkv[2]  # @step split
    q_scaled = q * scale  # @step scale
    attn_qk = q_scaled @ k.transpose(-2, -1)  # @step qk
    rel_bias = relative_position_bias(p["relative_position_bias_table"], Wh, Ww)  # @step bias
    attn_biased = attn_qk + rel_bias[None]  # @step bias
    if mask is not None:
        nW = mask.shape[0]
        logits = (attn_biased.reshape(B_ // nW, nW, h, N, N) + mask[None, :, None]).reshape(B_, h, N, N)
    else:
        logits = attn_biased
    attn = logits.softmax(-1)  # @step softmax
    heads_out = attn @ v  # @step av
    merged = heads_out.transpose(1, 2).reshape(B_, N, C)  # @step merge
    out = linear(merged, p["proj_weight"], p["proj_bias"])  # @step proj
    return dict(qkv=qkv, q=q, k=k, v=v, q_scaled=q_scaled, attn_qk=attn_qk, rel_bias=rel_bias,
                attn_biased=attn_biased, attn_logits=logits, attn=attn, heads_out=heads_out,
                merged=merged, out=out)


def layer_norm(x, w, b):
    return F.layer_norm(x, (x.shape[-1],), w, b, eps=1e-5)


def swin_block(x, H, W, p):
    B, L, C = x.shape
    ws, shift = p["window_size"], p["shift_size"]
    # The official clamp, decided on the resolution the block was built for (input_resolution).
    # Swin always runs at that size; SwinIR may run at another (padded) size, and builds the mask for it.
    res = p.get("input_resolution", (H, W))
    if min(res) <= ws:
        ws, shift = min(res), 0
    x_norm1 = layer_norm(x, p["norm1_weight"], p["norm1_bias"]).reshape(B, H, W, C)
    shifted = torch.roll(x_norm1, (-shift, -shift), (1, 2)) if shift > 0 else x_norm1
    windows = window_partition(shifted, ws)
    mask = shifted_window_mask(H, W, ws, shift)[-1] if shift > 0 else None
    att = window_attention(
        windows.reshape(-1, ws * ws, C),
        dict(num_heads=p["num_heads"], window_size=(ws, ws), qkv_weight=p["qkv_weight"],
             qkv_bias=p["qkv_bias"], proj_weight=p["proj_weight"], proj_bias=p["proj_bias"],
             relative_position_bias_table=p["relative_position_bias_table"]),
        mask,
    )
    attn_windows = att["out"].reshape(-1, ws, ws, C)
    reversed_ = window_reverse(attn_windows, ws, H, W)
    unshifted = torch.roll(reversed_, (shift, shift), (1, 2)) if shift > 0 else reversed_
    x1 = x + unshifted.reshape(B, L, C)
    x_norm2 = layer_norm(x1, p["norm2_weight"], p["norm2_bias"])
    hidden = linear(x_norm2, p["fc1_weight"], p["fc1_bias"])
    hidden_act = F.gelu(hidden)  # exact erf GELU
    mlp_out = linear(hidden_act, p["fc2_weight"], p["fc2_bias"])
    out = x1 + mlp_out
    res = dict(x_norm1=x_norm1, shifted=shifted, windows=windows, attn=att["attn"],
               attn_windows=attn_windows, reversed=reversed_, unshifted=unshifted, x1=x1,
               x_norm2=x_norm2, hidden=hidden, hidden_act=hidden_act, mlp_out=mlp_out, out=out)
    if mask is not None:
        res["attn_mask"] = mask
    return res, ws, shift


def patch_embed(x, p):
    y = F.conv2d(x, p["proj_weight"], p["proj_bias"], stride=p["patch_size"])  # @step embed
    tokens = y.flatten(2).transpose(1, 2)  # @step embed
    out = layer_norm(tokens, p["norm_weight"], p["norm_bias"]) if p.get("norm_weight") is not None else tokens  # @step embed
    return dict(conv=y, tokens=tokens, out=out)


def patch_merging(x, H, W, p):
    B, L, C = x.shape
    x4 = x.reshape(B, H, W, C)  # @step view
    x0 = x4[:, 0::2, 0::2]  # @step slice
    x1 = x4[:, 1::2, 0::2]  # @step slice
    x2 = x4[:, 0::2, 1::2]  # @step slice
    x3 = x4[:, 1::2, 1::2]  # @step slice
    merged = torch.cat([x0, x1, x2, x3], -1).reshape(B, -1, 4 * C)  # @step cat
    normed = layer_norm(merged, p["norm_weight"], p["norm_bias"])  # @step reduce
    out = linear(normed, p["reduction_weight"])  # @step reduce
    return dict(x0=x0, x1=x1, x2=x2, x3=x3, merged=merged, normed=normed, out=out)


def tiny_variance(seed, *shape):
    """Per-token offsets with a spread of ~1e-3 across the last axis: variance ~1e-6 ≪ eps 1e-5.

    The offsets are kept small (~0.1): x − mean cancels almost everything, and with offsets ~1 the
    float32 rounding of x alone (ulp ~1e-7, divided by sqrt(var + eps) ~3e-3) would already reach the
    test tolerance in any implementation, PyTorch's included.
    """
    base = 0.1 * randn(seed, *shape[:-1], 1)
    return base + 1e-3 * randn(seed + 1, *shape)


# ---------------------------------------------------------------- roll

roll_cases = []
for i, (shape, shifts, dims) in enumerate([
    ((5,), (2,), (0,)),
    ((5,), (-7,), (0,)),
    ((2, 3, 4), (1, -2), (1, 2)),
    ((2, 4, 6, 3), (-1, -1), (1, 2)),
    ((2, 4, 6, 3), (3, 5), (-3, -2)),
    ((3, 4), (0, 9), (0, -1)),
    ((2, 3), (1, 1), (1, 1)),
    ((1, 9, 9, 1), (-1, -1), (1, 2)),
]):
    x = randn(300 + i, *shape)
    roll_cases.append(case(f"roll_{'x'.join(map(str, shape))}_s{shifts}_d{dims}".replace(" ", ""),
                           {"shifts": list(shifts), "dims": list(dims)}, x=x, out=torch.roll(x, shifts, dims)))
save("swin_roll", roll_cases)

# ---------------------------------------------------------------- mask

mask_cases = []
for H, W, ws, shift in [(9, 9, 3, 1), (8, 8, 4, 2), (8, 12, 4, 2), (6, 9, 3, 1), (4, 6, 2, 1),
                        (14, 7, 7, 3), (4, 8, 4, 2), (8, 8, 4, 0)]:
    labels, img_mask, window_labels, label_diff, attn_mask = shifted_window_mask(H, W, ws, shift)
    mask_cases.append(case(f"mask_{H}x{W}_ws{ws}_shift{shift}",
                           {"H": H, "W": W, "window_size": ws, "shift_size": shift},
                           labels=labels, img_mask=img_mask, window_labels=window_labels,
                           label_diff=label_diff, attn_mask=attn_mask))
save("swin_mask", mask_cases)

# ---------------------------------------------------------------- relative position

relpos_cases = []
for i, (Wh, Ww, heads) in enumerate([(2, 2, 1), (3, 3, 3), (4, 4, 2), (7, 7, 1), (2, 3, 3), (3, 2, 2),
                                     (1, 4, 1)]):
    coords, flat, rel, shifted, scaled, index = relative_position_index(Wh, Ww)
    table = randn(400 + i, (2 * Wh - 1) * (2 * Ww - 1), heads)
    relpos_cases.append(case(f"relpos_{Wh}x{Ww}_heads{heads}", {"window_size": [Wh, Ww], "heads": heads},
                             coords=coords, coords_flatten=flat, relative_coords=rel,
                             relative_coords_shifted=shifted, relative_coords_scaled=scaled,
                             relative_position_index=index, table=table,
                             relative_position_bias=relative_position_bias(table, Wh, Ww)))
save("swin_relpos", relpos_cases)

# ---------------------------------------------------------------- window attention


def attention_params(seed, C, heads, Wh, Ww, qkv_bias=True, qk_scale=None):
    return dict(
        num_heads=heads, window_size=(Wh, Ww),
        qkv_weight=randn(seed, 3 * C, C) * C ** -0.5,
        qkv_bias=randn(seed + 1, 3 * C) * 0.1 if qkv_bias else None,
        proj_weight=randn(seed + 2, C, C) * C ** -0.5,
        proj_bias=randn(seed + 3, C) * 0.1,
        relative_position_bias_table=randn(seed + 4, (2 * Wh - 1) * (2 * Ww - 1), heads),
        qk_scale=qk_scale,
    )


def param_tensors(p, keys):
    return {k: v for k, v in p.items() if k in keys and v is not None}


ATT_KEYS = ("qkv_weight", "qkv_bias", "proj_weight", "proj_bias", "relative_position_bias_table")

attention_cases = []
for i, (name, B_, C, heads, Wh, Ww, mask_kind, qkv_bias, qk_scale) in enumerate([
    ("masked_4x4_ws2_shift1_heads2", 4, 6, 2, 2, 2, (4, 4, 2, 1), True, None),
    ("nomask_ws3_heads1", 2, 4, 1, 3, 3, None, True, None),
    ("masked_B2_6x6_ws3_shift1_heads3", 8, 6, 3, 3, 3, (6, 6, 3, 1), True, None),
    ("nonsquare_2x3_heads_eq_C_randmask", 4, 4, 4, 2, 3, "random", True, None),
    ("nobias_qkscale_ws2_heads2", 3, 4, 2, 2, 2, None, False, 0.3),
    ("ws7_heads1_nomask", 1, 4, 1, 7, 7, None, True, None),
]):
    p = attention_params(500 + 10 * i, C, heads, Wh, Ww, qkv_bias, qk_scale)
    x = randn(600 + i, B_, Wh * Ww, C)
    if mask_kind is None:
        mask = None
    elif mask_kind == "random":
        g = torch.Generator().manual_seed(700 + i)
        lab = torch.randint(0, 3, (2, Wh * Ww), generator=g).float()
        mask = torch.where(lab[:, None, :] != lab[:, :, None], torch.tensor(-100.0), torch.tensor(0.0))
    else:
        mask = shifted_window_mask(*mask_kind)[-1]
    r = window_attention(x, p, mask)
    extra = {"mask": mask} if mask is not None else {}
    attention_cases.append(case(name, {"num_heads": heads, "window_size": [Wh, Ww], "qk_scale": qk_scale,
                                       "has_qkv_bias": qkv_bias, "has_mask": mask is not None},
                                x=x, **extra, **param_tensors(p, ATT_KEYS), **r))
save("swin_attention", attention_cases)

# ---------------------------------------------------------------- Swin block


def block_params(seed, C, heads, ws, shift, hidden):
    return dict(
        num_heads=heads, window_size=ws, shift_size=shift,
        norm1_weight=1 + 0.1 * randn(seed, C), norm1_bias=0.1 * randn(seed + 1, C),
        qkv_weight=randn(seed + 2, 3 * C, C) * C ** -0.5, qkv_bias=0.1 * randn(seed + 3, 3 * C),
        proj_weight=randn(seed + 4, C, C) * C ** -0.5, proj_bias=0.1 * randn(seed + 5, C),
        norm2_weight=1 + 0.1 * randn(seed + 6, C), norm2_bias=0.1 * randn(seed + 7, C),
        fc1_weight=randn(seed + 8, hidden, C) * C ** -0.5, fc1_bias=0.1 * randn(seed + 9, hidden),
        fc2_weight=randn(seed + 10, C, hidden) * hidden ** -0.5, fc2_bias=0.1 * randn(seed + 11, C),
    )


BLOCK_KEYS = ("norm1_weight", "norm1_bias", "qkv_weight", "qkv_bias", "proj_weight", "proj_bias",
              "relative_position_bias_table", "norm2_weight", "norm2_bias", "fc1_weight", "fc1_bias",
              "fc2_weight", "fc2_bias")

# SwinIR at inference: the block was built for 8x8 (no clamp for ws 4) but runs on a 4x4 map, so it
# keeps window 4 and shift 2 there, with the mask built for 4x4.
SWINIR_INPUT_RESOLUTION = {"swinir_4x4_ws4_shift2_built_for_8x8": (8, 8)}

block_cases = []
for i, (name, B, H, W, C, heads, ws, shift, hidden, tiny) in enumerate([
    ("B2_8x8_C4_ws4_shift2_heads2", 2, 8, 8, 4, 2, 4, 2, 8, False),
    ("6x9_C6_ws3_shift1_heads3", 1, 6, 9, 6, 3, 3, 1, 24, False),
    ("B2_4x6_C4_ws2_shift1_heads1_tinyvar", 2, 4, 6, 4, 1, 2, 1, 8, True),
    ("clamp_4x8_ws4_shift2", 1, 4, 8, 4, 2, 4, 2, 8, False),
    ("clamp_4x4_ws7_shift3", 1, 4, 4, 4, 4, 7, 3, 16, False),
    ("14x14_C2_ws7_shift3_heads1", 1, 14, 14, 2, 1, 7, 3, 4, False),
    ("4x4_C4_ws2_shift0_heads4_tinyvar", 1, 4, 4, 4, 4, 2, 0, 8, True),
    ("swinir_4x4_ws4_shift2_built_for_8x8", 1, 4, 4, 4, 2, 4, 2, 8, False),
]):
    p = block_params(800 + 20 * i, C, heads, ws, shift, hidden)
    res = SWINIR_INPUT_RESOLUTION.get(name, (H, W))
    if name in SWINIR_INPUT_RESOLUTION:
        p["input_resolution"] = res
    ws_eff = min(res) if min(res) <= ws else ws
    p["relative_position_bias_table"] = randn(800 + 20 * i + 12, (2 * ws_eff - 1) ** 2, heads)
    x = tiny_variance(900 + 2 * i, B, H * W, C) if tiny else randn(900 + 2 * i, B, H * W, C)
    r, ws_e, shift_e = swin_block(x, H, W, p)
    assert ws_e == ws_eff
    block_cases.append(case(name, {"H": H, "W": W, "num_heads": heads, "window_size": ws, "shift_size": shift,
                                   "effective_window_size": ws_e, "effective_shift_size": shift_e,
                                   "input_resolution": list(res)},
                            x=x, **param_tensors(p, BLOCK_KEYS), **r))
save("swin_block", block_cases)

# ---------------------------------------------------------------- PatchEmbed / PatchMerging

patch_cases = []
for i, (B, C, H, W, ps, E, norm) in enumerate([(2, 3, 8, 12, 4, 6, True), (1, 1, 4, 4, 2, 3, False),
                                               (1, 2, 6, 3, 3, 4, True)]):
    x = randn(1000 + 10 * i, B, C, H, W)
    p = dict(patch_size=ps, proj_weight=randn(1001 + 10 * i, E, C, ps, ps) * 0.3,
             proj_bias=0.1 * randn(1002 + 10 * i, E))
    if norm:
        p["norm_weight"] = 1 + 0.1 * randn(1003 + 10 * i, E)
        p["norm_bias"] = 0.1 * randn(1004 + 10 * i, E)
    r = patch_embed(x, p)
    patch_cases.append(case(f"embed_{B}x{C}x{H}x{W}_ps{ps}_E{E}{'_norm' if norm else ''}",
                            {"op": "patchEmbed", "patch_size": ps, "has_norm": norm},
                            x=x, **{k: v for k, v in p.items() if k != "patch_size"}, **r))

for i, (B, H, W, C, tiny) in enumerate([(2, 4, 6, 3, False), (1, 2, 2, 2, False), (1, 6, 4, 4, True)]):
    if tiny:  # one offset per image, so every merged 4C vector has a spread of ~1e-3
        x = randn(1100 + 10 * i, B, 1, 1) + 1e-3 * randn(1101 + 10 * i, B, H * W, C)
    else:
        x = randn(1100 + 10 * i, B, H * W, C)
    p = dict(norm_weight=1 + 0.1 * randn(1102 + 10 * i, 4 * C), norm_bias=0.1 * randn(1103 + 10 * i, 4 * C),
             reduction_weight=randn(1104 + 10 * i, 2 * C, 4 * C) * (4 * C) ** -0.5)
    r = patch_merging(x, H, W, p)
    patch_cases.append(case(f"merging_B{B}_{H}x{W}_C{C}{'_tinyvar' if tiny else ''}",
                            {"op": "patchMerging", "H": H, "W": W},
                            x=x, **p, **r))
save("swin_patch", patch_cases)
