"""Our PyTorch rewrite of what /unfold-fold computes, shown beside the tfjs code on that page.

Run it (/usr/bin/python3 content/07-unfold-fold/unfold_fold.py) to print the checks the page makes:
overlap_count 4/6/9 for kernel 3, stride 1, padding 1; x_restored == x; the uncovered row for
kernel 5, stride 3, padding 1 on H=8. The tfjs tests check the same against tests/golden/fold.json.
"""
import torch
import torch.nn.functional as F


def unfold_fold(x, kernel_size, stride, padding):
    H, W = x.shape[-2:]
    opts = dict(kernel_size=kernel_size, stride=stride, padding=padding)
    x_padded = F.pad(x, (padding, padding, padding, padding))  # @step pad
    x_unfold = F.unfold(x, **opts)  # [B, C*k*k, L], row = c*k*k + ky*k + kx  # @step unfold_cols unfold_rows
    x_fold = F.fold(x_unfold, (H, W), **opts)  # overlaps are summed  # @step fold
    ones = torch.ones(1, 1, H, W)  # @step count
    overlap_count = F.fold(F.unfold(ones, **opts), (H, W), **opts)  # @step count
    # Uncovered pixels: x_fold is 0 and the count is 0; 0/0 would be NaN. Divide by max(count, 1).
    x_restored = x_fold / overlap_count.clamp(min=1)  # @step divide
    x_div_const = x_fold / (kernel_size / stride) ** 2  # the post's "/ (3.*3.)"  # @step divide
    error_const = x_div_const - x  # @step divide
    return x_padded, x_unfold, x_fold, overlap_count, x_restored, x_div_const, error_const


if __name__ == "__main__":
    torch.manual_seed(0)
    x = torch.randn(1, 1, 8, 12)
    _, _, _, count, restored, _, _ = unfold_fold(x, 3, 1, 1)
    print(count[0, 0].int())
    print("x_restored == x:", torch.allclose(restored, x, atol=1e-6))
    x = torch.randn(1, 1, 8, 5)
    _, _, _, count, restored, _, _ = unfold_fold(x, 5, 3, 1)
    print(count[0, 0].int())
