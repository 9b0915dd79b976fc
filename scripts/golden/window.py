"""Golden fixtures for window_partition / window_reverse / SwinIR check_image_size padding.

The functions here are also the PyTorch code shown on the /window-partition page: `# @step id`
marks the lines a step stands for, so what a student reads is exactly what produced the fixtures.
"""
import torch
import torch.nn.functional as F

from common import case, randn, save


def window_partition(x, window_size):
    B, H, W, C = x.shape
    x = x.view(B, H // window_size, window_size, W // window_size, window_size, C)  # @step view6
    x = x.permute(0, 1, 3, 2, 4, 5).contiguous()  # @step permute
    return x.view(-1, window_size, window_size, C)  # @step flatten


def window_reverse(windows, window_size, H, W):
    B = int(windows.shape[0] / (H * W / window_size / window_size))
    x = windows.view(B, H // window_size, W // window_size, window_size, window_size, -1)  # @step reverse
    x = x.permute(0, 1, 3, 2, 4, 5).contiguous()  # @step reverse
    return x.view(B, H, W, -1)  # @step reverse


def pad_to_window_multiple(x, window_size):
    _, _, h, w = x.size()
    mod_pad_h = (window_size - h % window_size) % window_size  # @step pad
    mod_pad_w = (window_size - w % window_size) % window_size  # @step pad
    return F.pad(x, (0, mod_pad_w, 0, mod_pad_h), "reflect")  # @step pad


if __name__ == "__main__":
    cases = []
    for i, (B, H, W, C, ws) in enumerate(
        [(1, 8, 8, 2, 4), (2, 8, 12, 3, 4), (1, 6, 9, 1, 3), (3, 4, 6, 5, 2), (1, 14, 7, 4, 7)]
    ):
        x = randn(100 + i, B, H, W, C)
        windows = window_partition(x, ws)
        cases.append(
            case(f"partition_{B}x{H}x{W}x{C}_ws{ws}", {"B": B, "H": H, "W": W, "C": C, "window_size": ws},
                 x=x, windows=windows, x_reversed=window_reverse(windows, ws, H, W))
        )
    save("window", cases)

    pad_cases = []
    for i, (B, C, H, W, ws) in enumerate([(1, 2, 10, 8, 4), (2, 3, 9, 11, 4), (1, 1, 5, 7, 3), (1, 2, 8, 8, 4), (1, 1, 13, 6, 7)]):
        x = randn(200 + i, B, C, H, W)
        pad_cases.append(
            case(f"pad_{B}x{C}x{H}x{W}_ws{ws}", {"B": B, "C": C, "H": H, "W": W, "window_size": ws},
                 x=x, x_padded=pad_to_window_multiple(x, ws))
        )
    save("pad", pad_cases)
