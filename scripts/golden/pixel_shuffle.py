"""Golden fixtures for PixelUnshuffle / PixelShuffle (Restormer's Downsample / Upsample).

Our own view/permute rewrite, written from the definition and checked here against
F.pixel_unshuffle and F.pixel_shuffle, which write the fixtures. Writes tests/golden/pixel_shuffle.json.
"""
import torch
import torch.nn.functional as F

from common import case, randn, save


def pixel_unshuffle(x, r):
    B, C, H, W = x.shape
    x = x.view(B, C, H // r, r, W // r, r)  # @step unshuffle
    x = x.permute(0, 1, 3, 5, 2, 4)  # B, C, i, j, H/r, W/r  # @step unshuffle
    return x.reshape(B, C * r * r, H // r, W // r)  # channel c*r*r + i*r + j  # @step unshuffle


def pixel_shuffle(x, r):
    B, Cr2, H, W = x.shape
    C = Cr2 // (r * r)
    x = x.view(B, C, r, r, H, W)  # @step shuffle
    x = x.permute(0, 1, 4, 2, 5, 3)  # B, C, H, i, W, j  # @step shuffle
    return x.reshape(B, C, H * r, W * r)  # @step shuffle


cases = []
for i, (B, C, H, W, r) in enumerate([(1, 3, 4, 6, 2), (2, 2, 6, 4, 2), (1, 1, 6, 9, 3), (2, 3, 8, 8, 4),
                                     (1, 5, 2, 2, 2), (1, 2, 3, 5, 1)]):
    x = randn(1200 + i, B, C, H, W)
    out = F.pixel_unshuffle(x, r)
    assert torch.equal(out, pixel_unshuffle(x, r))
    cases.append(case(f"unshuffle_{B}x{C}x{H}x{W}_r{r}", {"op": "pixelUnshuffle", "factor": r}, x=x, out=out))

for i, (B, C, H, W, r) in enumerate([(1, 12, 2, 3, 2), (2, 8, 3, 2, 2), (1, 9, 2, 3, 3), (1, 16, 1, 2, 4),
                                     (1, 3, 2, 2, 1)]):
    x = randn(1300 + i, B, C, H, W)
    out = F.pixel_shuffle(x, r)
    assert torch.equal(out, pixel_shuffle(x, r))
    assert torch.equal(F.pixel_unshuffle(out, r), x)
    cases.append(case(f"shuffle_{B}x{C}x{H}x{W}_r{r}", {"op": "pixelShuffle", "factor": r}, x=x, out=out))

save("pixel_shuffle", cases)
