"""SwinIR in its denoising configuration (upscale=1, upsampler=''), our own PyTorch rewrite.

Written from the paper (Liang et al., "SwinIR: Image Restoration Using Swin Transformer", ICCVW 2021,
arXiv:2108.10257) and from the tensor layouts of JingyunLiang/SwinIR `models/network_swinir.py`; not
pasted. Only the denoising path is here (no upsamplers, no absolute position embedding, no dropout or
drop-path: they are zero / identity at the settings we train with).

The module tree is laid out so that `state_dict()` has exactly the keys of the official class `SwinIR`,
and the weights load into it with strict=True (scripts/train/check_official.py proves it):

    conv_first.{weight,bias}
    patch_embed.norm.{weight,bias}
    layers.{i}.residual_group.blocks.{j}.attn_mask                   (shifted blocks only, a buffer)
    layers.{i}.residual_group.blocks.{j}.norm1.{weight,bias}
    layers.{i}.residual_group.blocks.{j}.attn.relative_position_bias_table
    layers.{i}.residual_group.blocks.{j}.attn.relative_position_index (int64 buffer)
    layers.{i}.residual_group.blocks.{j}.attn.qkv.{weight,bias}
    layers.{i}.residual_group.blocks.{j}.attn.proj.{weight,bias}
    layers.{i}.residual_group.blocks.{j}.norm2.{weight,bias}
    layers.{i}.residual_group.blocks.{j}.mlp.fc1.{weight,bias}
    layers.{i}.residual_group.blocks.{j}.mlp.fc2.{weight,bias}
    layers.{i}.conv.{weight,bias}                                    (resi_connection '1conv')
    norm.{weight,bias}
    conv_after_body.{weight,bias}
    conv_last.{weight,bias}

Two details of the official file that the layout must follow:
- SwinTransformerBlock calls `register_buffer("attn_mask", None)` for unshifted blocks: a None buffer is
  left out of state_dict, so only shifted blocks (odd j) have an `attn_mask` key. It holds the mask for
  `input_resolution` (= img_size // patch_size); at any other size the block computes the mask afresh
  (calculate_mask(x_size)), which is what lets SwinIR run on any padded image size.
- `self.mean` (the RGB mean) is a plain tensor attribute, not a buffer, so it is not in state_dict.
"""
import torch
import torch.nn as nn
import torch.nn.functional as F

RGB_MEAN = (0.4488, 0.4371, 0.4040)  # DIV2K mean used by SwinIR for 3-channel input


# ---------------------------------------------------------------- window helpers (math, not modules)


def window_partition(x, ws):
    """[B, H, W, C] → [B·nW, ws, ws, C], windows in row-major order over the (H/ws, W/ws) grid."""
    B, H, W, C = x.shape
    x = x.reshape(B, H // ws, ws, W // ws, ws, C)
    return x.permute(0, 1, 3, 2, 4, 5).reshape(-1, ws, ws, C)


def window_reverse(windows, ws, H, W):
    """[B·nW, ws, ws, C] → [B, H, W, C]: the inverse of window_partition."""
    C = windows.shape[-1]
    x = windows.reshape(-1, H // ws, W // ws, ws, ws, C)
    return x.permute(0, 1, 3, 2, 4, 5).reshape(-1, H, W, C)


def relative_position_index(ws):
    """[N, N] int64, N = ws²: index into the (2ws−1)² bias table of the offset from token j to token i.

    (dy, dx) = (y_i − y_j, x_i − x_j), each shifted by ws−1 into 0..2ws−2; row-major over (dy, dx).
    """
    ys, xs = torch.meshgrid(torch.arange(ws), torch.arange(ws), indexing="ij")
    flat = torch.stack([ys.reshape(-1), xs.reshape(-1)])  # 2, N
    rel = flat[:, :, None] - flat[:, None, :]  # 2, N, N
    return (rel[0] + ws - 1) * (2 * ws - 1) + (rel[1] + ws - 1)


def shifted_window_mask(H, W, ws, shift):
    """[nW, N, N] float32: 0 where query i and key j come from the same region of the rolled map, −100
    elsewhere. The rolled map has three bands per axis: [0, H−ws), [H−ws, H−shift), [H−shift, H)."""
    labels = torch.zeros(1, H, W, 1)
    bands = (slice(0, -ws), slice(-ws, -shift), slice(-shift, None))
    n = 0
    for hs in bands:
        for wsl in bands:
            labels[:, hs, wsl, :] = n
            n += 1
    win = window_partition(labels, ws).reshape(-1, ws * ws)  # nW, N
    diff = win[:, None, :] - win[:, :, None]  # label of key j − label of query i
    return torch.where(diff != 0, torch.tensor(-100.0), torch.tensor(0.0))


# ---------------------------------------------------------------- modules


class WindowAttention(nn.Module):
    """Multi-head self-attention inside one ws×ws window with a learned relative position bias.

    [B·nW, N, C] → [B·nW, N, C]; `mask` [nW, N, N] is added to the logits of every image's windows.
    """

    def __init__(self, dim, ws, num_heads):
        super().__init__()
        self.ws, self.num_heads = ws, num_heads
        self.scale = (dim // num_heads) ** -0.5
        self.relative_position_bias_table = nn.Parameter(torch.zeros((2 * ws - 1) ** 2, num_heads))
        self.register_buffer("relative_position_index", relative_position_index(ws))
        self.qkv = nn.Linear(dim, 3 * dim)
        self.proj = nn.Linear(dim, dim)
        nn.init.trunc_normal_(self.relative_position_bias_table, std=0.02)

    def forward(self, x, mask=None, keep=None):
        Bw, N, C = x.shape
        h = self.num_heads
        qkv = self.qkv(x).reshape(Bw, N, 3, h, C // h).permute(2, 0, 3, 1, 4)  # 3, Bw, h, N, d
        q, k, v = qkv[0] * self.scale, qkv[1], qkv[2]
        logits = q @ k.transpose(-2, -1)  # Bw, h, N, N
        bias = self.relative_position_bias_table[self.relative_position_index.reshape(-1)]
        logits = logits + bias.reshape(N, N, h).permute(2, 0, 1)[None]
        if mask is not None:
            nW = mask.shape[0]
            logits = (logits.reshape(Bw // nW, nW, h, N, N) + mask[None, :, None]).reshape(Bw, h, N, N)
        attn = logits.softmax(-1)
        if keep is not None:
            keep["attn"] = attn
        out = (attn @ v).transpose(1, 2).reshape(Bw, N, C)
        return self.proj(out)


class Mlp(nn.Module):
    def __init__(self, dim, hidden):
        super().__init__()
        self.fc1 = nn.Linear(dim, hidden)
        self.fc2 = nn.Linear(hidden, dim)

    def forward(self, x):
        return self.fc2(F.gelu(self.fc1(x)))  # exact (erf) GELU, nn.GELU's default


class SwinTransformerBlock(nn.Module):
    """x + W-MSA(LN(x)) then x + MLP(LN(x)); shifted blocks roll by −shift before partitioning."""

    def __init__(self, dim, input_resolution, num_heads, ws, shift, mlp_ratio):
        super().__init__()
        self.input_resolution = tuple(input_resolution)
        # The official clamp: a window as large as the map means one window and no shift.
        if min(self.input_resolution) <= ws:
            ws, shift = min(self.input_resolution), 0
        self.ws, self.shift = ws, shift
        self.norm1 = nn.LayerNorm(dim)
        self.attn = WindowAttention(dim, ws, num_heads)
        self.norm2 = nn.LayerNorm(dim)
        self.mlp = Mlp(dim, int(dim * mlp_ratio))
        mask = shifted_window_mask(*self.input_resolution, ws, shift) if shift > 0 else None
        self.register_buffer("attn_mask", mask)  # None for unshifted blocks: then not in state_dict

    def forward(self, x, x_size, keep=None):
        H, W = x_size
        B, L, C = x.shape
        ws, s = self.ws, self.shift
        y = self.norm1(x).reshape(B, H, W, C)
        if s > 0:
            y = torch.roll(y, (-s, -s), (1, 2))
        windows = window_partition(y, ws).reshape(-1, ws * ws, C)
        if s == 0:
            mask = None
        elif tuple(x_size) == self.input_resolution:
            mask = self.attn_mask
        else:  # another (padded) size at inference: the mask for this size, as calculate_mask does
            mask = shifted_window_mask(H, W, ws, s).to(x.device)
        att = self.attn(windows, mask, keep)
        y = window_reverse(att.reshape(-1, ws, ws, C), ws, H, W)
        if s > 0:
            y = torch.roll(y, (s, s), (1, 2))
        x = x + y.reshape(B, L, C)
        return x + self.mlp(self.norm2(x))


class BasicLayer(nn.Module):
    """The Swin blocks of one RSTB: shifts alternate 0, ws/2, 0, …"""

    def __init__(self, dim, input_resolution, depth, num_heads, ws, mlp_ratio):
        super().__init__()
        self.blocks = nn.ModuleList([
            SwinTransformerBlock(dim, input_resolution, num_heads, ws, 0 if j % 2 == 0 else ws // 2, mlp_ratio)
            for j in range(depth)
        ])

    def forward(self, x, x_size, keep=None):
        for j, blk in enumerate(self.blocks):
            x = blk(x, x_size, keep if j == 0 else None)
        return x


def to_tokens(x):
    """[B, C, H, W] → [B, H·W, C] (SwinIR's PatchEmbed with patch_size 1, before its norm)."""
    return x.flatten(2).transpose(1, 2)


def to_map(x, x_size):
    """[B, H·W, C] → [B, C, H, W] (SwinIR's PatchUnEmbed)."""
    B, L, C = x.shape
    return x.transpose(1, 2).reshape(B, C, *x_size)


class RSTB(nn.Module):
    """Residual Swin Transformer Block: Swin blocks, back to a map, a 3×3 conv, plus the input."""

    def __init__(self, dim, input_resolution, depth, num_heads, ws, mlp_ratio):
        super().__init__()
        self.residual_group = BasicLayer(dim, input_resolution, depth, num_heads, ws, mlp_ratio)
        self.conv = nn.Conv2d(dim, dim, 3, 1, 1)

    def forward(self, x, x_size, keep=None):
        return to_tokens(self.conv(to_map(self.residual_group(x, x_size, keep), x_size))) + x


class PatchEmbed(nn.Module):
    """SwinIR's top-level PatchEmbed: flatten to tokens, then LayerNorm (patch_norm=True)."""

    def __init__(self, dim):
        super().__init__()
        self.norm = nn.LayerNorm(dim)

    def forward(self, x):
        return self.norm(to_tokens(x))


class SwinIR(nn.Module):
    """Denoising SwinIR. Takes the official constructor's keyword arguments; supports only
    patch_size=1, upscale=1, upsampler='', resi_connection='1conv', ape=False, patch_norm=True."""

    def __init__(self, img_size=64, in_chans=3, embed_dim=96, depths=(6, 6, 6, 6), num_heads=(6, 6, 6, 6),
                 window_size=7, mlp_ratio=4.0, img_range=1.0, upscale=1, upsampler="",
                 resi_connection="1conv"):
        super().__init__()
        assert upscale == 1 and upsampler == "" and resi_connection == "1conv", "denoising SwinIR only"
        assert all(embed_dim % h == 0 for h in num_heads), "num_heads must divide embed_dim"
        res = (img_size, img_size) if isinstance(img_size, int) else tuple(img_size)
        self.window_size, self.img_range = window_size, img_range
        mean = RGB_MEAN if in_chans == 3 else (0.0,) * in_chans
        self.mean = torch.tensor(mean).reshape(1, in_chans, 1, 1)  # not a buffer, as in the official class
        self.conv_first = nn.Conv2d(in_chans, embed_dim, 3, 1, 1)
        self.patch_embed = PatchEmbed(embed_dim)
        self.layers = nn.ModuleList([
            RSTB(embed_dim, res, d, h, window_size, mlp_ratio) for d, h in zip(depths, num_heads)
        ])
        self.norm = nn.LayerNorm(embed_dim)
        self.conv_after_body = nn.Conv2d(embed_dim, embed_dim, 3, 1, 1)
        self.conv_last = nn.Conv2d(embed_dim, in_chans, 3, 1, 1)
        # The official init: Linear weights truncated-normal std 0.02 and zero bias, LayerNorm 1 and 0;
        # convolutions keep PyTorch's default.
        for m in self.modules():
            if isinstance(m, nn.Linear):
                nn.init.trunc_normal_(m.weight, std=0.02)
                nn.init.zeros_(m.bias)
            elif isinstance(m, nn.LayerNorm):
                nn.init.ones_(m.weight)
                nn.init.zeros_(m.bias)

    def pad(self, x):
        """Reflect-pad bottom/right to a multiple of window_size (the official check_image_size)."""
        H, W = x.shape[2:]
        ws = self.window_size
        return F.pad(x, (0, (ws - W % ws) % ws, 0, (ws - H % ws) % ws), mode="reflect")

    def forward(self, x, keep=None):
        """[B, C, H, W] → [B, C, H, W]. `keep` (a dict) receives the first block's attention."""
        H, W = x.shape[2:]
        mean = self.mean.to(x)
        x = (self.pad(x) - mean) * self.img_range
        x_size = tuple(x.shape[2:])
        first = self.conv_first(x)
        t = self.patch_embed(first)
        for i, layer in enumerate(self.layers):
            t = layer(t, x_size, keep if i == 0 else None)
        deep = self.conv_after_body(to_map(self.norm(t), x_size)) + first
        x = x + self.conv_last(deep)
        return (x / self.img_range + mean)[:, :, :H, :W]


# ---------------------------------------------------------------- safetensors, by hand

_DTYPES = {torch.float32: ("F32", 4), torch.float16: ("F16", 2), torch.int64: ("I64", 8)}
_TORCH = {"F32": torch.float32, "F16": torch.float16, "I64": torch.int64}


def save_safetensors(path, tensors, metadata=None):
    """Write a .safetensors file: u64 LE header length, JSON header, then the raw LE tensor bytes.

    The header is padded with spaces to a multiple of 8 so every tensor starts 8-byte aligned (as the
    reference writer does), which lets a browser view F32/I64 data without copying."""
    import json
    import struct

    header, blobs, offset = {}, [], 0
    for name, t in tensors.items():
        t = t.detach().cpu().contiguous()
        code, _ = _DTYPES[t.dtype]
        data = t.numpy().astype(t.numpy().dtype.newbyteorder("<")).tobytes()
        header[name] = {"dtype": code, "shape": list(t.shape), "data_offsets": [offset, offset + len(data)]}
        blobs.append(data)
        offset += len(data)
    if metadata:
        header["__metadata__"] = {k: str(v) for k, v in metadata.items()}
    h = json.dumps(header, separators=(",", ":")).encode()
    h += b" " * ((8 - len(h) % 8) % 8)
    with open(path, "wb") as f:
        f.write(struct.pack("<Q", len(h)))
        f.write(h)
        for b in blobs:
            f.write(b)


def load_safetensors(path):
    """Read a .safetensors file written by save_safetensors → (dict name → tensor, metadata)."""
    import json
    import struct

    import numpy as np

    with open(path, "rb") as f:
        raw = f.read()
    (n,) = struct.unpack("<Q", raw[:8])
    header = json.loads(raw[8:8 + n])
    meta = header.pop("__metadata__", {})
    body = raw[8 + n:]
    np_dtype = {"F32": "<f4", "F16": "<f2", "I64": "<i8"}
    out = {}
    for name, info in header.items():
        a, b = info["data_offsets"]
        arr = np.frombuffer(body[a:b], dtype=np_dtype[info["dtype"]]).reshape(info["shape"])
        out[name] = torch.from_numpy(arr.copy()).to(_TORCH[info["dtype"]])
    return out, meta
