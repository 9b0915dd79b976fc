"""Golden fixtures for F.unfold / F.fold, the overlap count fold(unfold(ones)), and TTSR's bis.

PyTorch's own F.unfold / F.fold are the reference here (they are what TTSR calls); bis is our
rewrite of researchmm/TTSR model/SearchTransfer.py `bis` (view + expand + gather along dim 2).
"""
import torch
import torch.nn.functional as F

from common import case, randn, save


def bis(cols, dim, index):
    # index [B, L'] -> [B, 1, L'] -> expanded to [B, K, L'], then gather along the block axis.
    views = [cols.size(0)] + [-1 if i == dim else 1 for i in range(1, cols.dim())]
    expanse = list(cols.size())
    expanse[0] = -1
    expanse[dim] = -1
    return torch.gather(cols, dim, index.view(views).expand(expanse))


cases = []
# (B, C, H, W, k, s, p): the TTSR levels (3,1,1), (6,2,2), (12,4,4); the post's (5,3,1) that
# leaves pixels uncovered; non-overlapping (4,4,0); stride > kernel (2,3,0) with gaps.
for i, (B, C, H, W, k, s, p) in enumerate(
    [
        (2, 3, 5, 7, 3, 1, 1),
        (2, 2, 8, 10, 6, 2, 2),
        (1, 2, 16, 12, 12, 4, 4),
        (2, 2, 8, 7, 5, 3, 1),
        (2, 3, 8, 12, 4, 4, 0),
        (1, 2, 7, 8, 2, 3, 0),
    ]
):
    x = randn(300 + i, B, C, H, W)
    opts = dict(kernel_size=k, stride=s, padding=p)
    cols = F.unfold(x, **opts)
    cols_random = randn(400 + i, *cols.shape)
    ones = torch.ones(1, 1, H, W)
    count = F.fold(F.unfold(ones, **opts), (H, W), **opts)[0, 0]
    cases.append(
        case(
            f"k{k}_s{s}_p{p}_{B}x{C}x{H}x{W}",
            {"B": B, "C": C, "H": H, "W": W, "kernel_size": k, "stride": s, "padding": p},
            x=x,
            cols=cols,
            folded=F.fold(cols, (H, W), **opts),
            cols_random=cols_random,
            folded_random=F.fold(cols_random, (H, W), **opts),
            count=count,
        )
    )
save("fold", cases)

bis_cases = []
for i, (B, K, L, L2) in enumerate([(2, 5, 7, 4), (1, 27, 12, 20), (3, 2, 3, 6)]):
    cols = randn(500 + i, B, K, L)
    g = torch.Generator().manual_seed(600 + i)
    index = torch.randint(0, L, (B, L2), generator=g)
    bis_cases.append(
        case(f"bis_{B}x{K}x{L}_to_{L2}", {"B": B, "K": K, "L": L, "L2": L2},
             cols=cols, index=index, out=bis(cols, 2, index))
    )
save("bis", bis_cases)
