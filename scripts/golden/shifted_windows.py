"""Golden fixture for the /shifted-windows page: the SW-MSA mask built step by step, the masked
window attention, and the same attention computed directly on the irregular sub-regions of the
unshifted map (the equivalence the page checks live).

Our own PyTorch code, written from the math and the layouts of microsoft/Swin-Transformer
(models/swin_transformer.py, SwinTransformerBlock) and JingyunLiang/SwinIR (models/network_swinir.py,
SwinTransformerBlock.calculate_mask); not pasted. Lines tagged `# @step id` are highlighted by the
page's code panel for that step. Writes tests/golden/shifted_windows.json.
"""
import torch

from common import case, randn, save
# The verified partition of /window-partition (same fixtures), not a second copy.
from window import window_partition, window_reverse


def shifted_window_mask(H, W, window_size, shift_size):
    img_mask = torch.zeros((1, H, W, 1))  # @step labels
    h_slices = (slice(0, -window_size), slice(-window_size, -shift_size), slice(-shift_size, None))  # @step labels
    w_slices = (slice(0, -window_size), slice(-window_size, -shift_size), slice(-shift_size, None))  # @step labels
    cnt = 0  # @step labels
    for h in h_slices:  # @step labels
        for w in w_slices:  # @step labels
            img_mask[:, h, w, :] = cnt  # @step labels
            cnt += 1  # @step labels
    mask_windows = window_partition(img_mask, window_size)  # @step partition
    mask_windows = mask_windows.view(-1, window_size * window_size)  # @step partition
    attn_mask = mask_windows.unsqueeze(1) - mask_windows.unsqueeze(2)  # @step diff
    attn_mask = attn_mask.masked_fill(attn_mask != 0, -100.0)  # @step fill
    return img_mask, mask_windows, attn_mask


def relative_bias(table, window_size):
    """table[(dy + ws − 1)·(2ws − 1) + dx + ws − 1] for every pair of tokens, as [heads, N, N]."""
    ys, xs = torch.meshgrid(torch.arange(window_size), torch.arange(window_size), indexing="ij")
    dy = ys.reshape(-1)[:, None] - ys.reshape(-1)[None, :]
    dx = xs.reshape(-1)[:, None] - xs.reshape(-1)[None, :]
    index = (dy + window_size - 1) * (2 * window_size - 1) + dx + window_size - 1
    return table[index].permute(2, 0, 1)


def masked_window_attention(x_windows, p, attn_mask):
    B_, N, C = x_windows.shape
    heads = p["num_heads"]
    qkv = (x_windows @ p["qkv_weight"].t() + p["qkv_bias"]).reshape(B_, N, 3, heads, C // heads)
    q, k, v = qkv.permute(2, 0, 3, 1, 4)
    attn = (q * (C // heads) ** -0.5) @ k.transpose(-2, -1) + relative_bias(p["table"], p["window_size"])
    nW = attn_mask.shape[0]
    attn = attn.view(B_ // nW, nW, heads, N, N) + attn_mask.unsqueeze(1).unsqueeze(0)  # @step softmax
    attn = attn.view(-1, heads, N, N).softmax(dim=-1)  # @step softmax
    out = (attn @ v).transpose(1, 2).reshape(B_, N, C)
    return out @ p["proj_weight"].t() + p["proj_bias"], attn


def sw_msa(x, p, window_size, shift_size):
    B, H, W, C = x.shape
    shifted_x = torch.roll(x, shifts=(-shift_size, -shift_size), dims=(1, 2))  # @step roll
    img_mask, mask_windows, attn_mask = shifted_window_mask(H, W, window_size, shift_size)
    x_windows = window_partition(shifted_x, window_size).view(-1, window_size * window_size, C)
    attn_windows, attn = masked_window_attention(x_windows, p, attn_mask)
    attn_windows = attn_windows.view(-1, window_size, window_size, C)  # @step rollback
    shifted_x = window_reverse(attn_windows, window_size, H, W)  # @step rollback
    x = torch.roll(shifted_x, shifts=(shift_size, shift_size), dims=(1, 2))  # @step rollback
    return x, attn, img_mask, mask_windows, attn_mask


def irregular_attention(x, p, window_size, shift_size):
    """The same attention without roll or mask: tokens attend within the irregular regions of the
    unshifted map cut at shift, shift + ws, … (Swin paper, Fig. 2), with true relative offsets."""
    B, H, W, C = x.shape
    heads = p["num_heads"]
    group = lambda i: 0 if i < shift_size else 1 + (i - shift_size) // window_size
    out = torch.zeros_like(x)
    cells = [(y, xx) for y in range(H) for xx in range(W)]
    for b in range(B):
        regions = {}
        for y, xx in cells:
            regions.setdefault((group(y), group(xx)), []).append((y, xx))
        for members in regions.values():
            t = torch.stack([x[b, y, xx] for y, xx in members])  # [n, C]
            qkv = (t @ p["qkv_weight"].t() + p["qkv_bias"]).reshape(len(members), 3, heads, C // heads)
            q, k, v = qkv.permute(1, 2, 0, 3)
            pos = torch.tensor(members)
            d = pos[:, None, :] - pos[None, :, :]
            index = (d[..., 0] + window_size - 1) * (2 * window_size - 1) + d[..., 1] + window_size - 1
            logits = (q * (C // heads) ** -0.5) @ k.transpose(-2, -1) + p["table"][index].permute(2, 0, 1)
            o = (logits.softmax(-1) @ v).transpose(0, 1).reshape(len(members), C)
            o = o @ p["proj_weight"].t() + p["proj_bias"]
            for (y, xx), row in zip(members, o):
                out[b, y, xx] = row
    return out


if __name__ == "__main__":
    cases = []
    for i, (H, W, ws, s, C, heads) in enumerate([(9, 9, 3, 1, 1, 1), (6, 9, 3, 1, 2, 1), (8, 12, 4, 2, 4, 2),
                                                 (12, 8, 4, 3, 3, 1), (4, 6, 2, 0, 2, 2)]):
        x = randn(4000 + 10 * i, 1, H, W, C)
        p = dict(num_heads=heads, window_size=ws, qkv_weight=randn(4001 + 10 * i, 3 * C, C) * C ** -0.5,
                 qkv_bias=0.1 * randn(4002 + 10 * i, 3 * C), proj_weight=randn(4003 + 10 * i, C, C) * C ** -0.5,
                 proj_bias=0.1 * randn(4004 + 10 * i, C), table=0.5 * randn(4005 + 10 * i, (2 * ws - 1) ** 2, heads))
        out, attn, img_mask, mask_windows, attn_mask = sw_msa(x, p, ws, s)
        direct = irregular_attention(x, p, ws, s)
        assert (out - direct).abs().max() < 1e-5, (out - direct).abs().max()
        cases.append(case(f"H{H}_W{W}_ws{ws}_s{s}_C{C}_h{heads}",
                          {"H": H, "W": W, "window_size": ws, "shift_size": s, "C": C, "num_heads": heads},
                          x=x, qkv_weight=p["qkv_weight"], qkv_bias=p["qkv_bias"], proj_weight=p["proj_weight"],
                          proj_bias=p["proj_bias"], table=p["table"], img_mask=img_mask,
                          mask_windows=mask_windows, attn_mask=attn_mask, attn=attn, out=out, direct=direct))
    save("shifted_windows", cases)
