"""Train a small SwinIR colour denoiser (σ = 25/255) on CC0 / public-domain photographs from
scikit-image's bundled data, and write its weights for the browser.

    /usr/bin/python3 scripts/train/train.py [--iters N] [--batch B] [--patch P] [--time-only K]

Writes static/models/swinir-denoise-s25{.safetensors,-init.safetensors,.json,-log.json}.
Everything is seeded: the model's initial weights (torch.manual_seed before construction), the crops,
flips, rotations and noise of every batch (one torch.Generator) and the validation noise (another),
so the same command on the same torch version gives the same weights.
"""
import argparse
import json
import math
import os
import sys
import time

import numpy as np
import torch
import torch.nn.functional as F
from skimage import io as skio

sys.path.insert(0, os.path.dirname(__file__))
from swinir import SwinIR, load_safetensors, save_safetensors  # noqa: E402

torch.set_num_threads(1)  # the machine is shared; one thread is the budget
torch.use_deterministic_algorithms(True)

ROOT = os.path.join(os.path.dirname(__file__), "..", "..")
OUT = os.path.join(ROOT, "static", "models")
NAME = "swinir-denoise-s25"
SKDATA = os.path.join(os.path.dirname(skio.__file__), "..", "data")

SIGMA = 25 / 255

# Every photograph below is a file shipped inside scikit-image (no download); the licence is quoted
# from its loader's docstring in skimage/data/_fetchers.py (scikit-image 0.19).
TRAIN = [
    {"file": "astronaut.png", "loader": "skimage.data.astronaut",
     "licence": "public domain (NASA; 'No known copyright restrictions, released into the public domain.')"},
    {"file": "coffee.png", "loader": "skimage.data.coffee",
     "licence": "CC0 ('No copyright restrictions. CC0 by the photographer (Rachel Michetti).')"},
    {"file": "hubble_deep_field.jpg", "loader": "skimage.data.hubble_deep_field",
     "licence": "public domain (NASA; 'may be freely used in the public domain')"},
    {"file": "retina.jpg", "loader": "skimage.data.retina",
     "licence": "CC0 1.0 Universal Public Domain Dedication (Mikael Häggström, Wikimedia Commons)"},
]
VALID = [
    {"file": "chelsea.png", "loader": "skimage.data.chelsea",
     "licence": "CC0 ('No copyright restrictions. CC0 by the photographer (Stefan van der Walt).')"},
    {"file": "rocket.jpg", "loader": "skimage.data.rocket",
     "licence": "public domain (SpaceX; 'released in the public domain')"},
]
VAL_CROP = 128  # centre crop of each held-out image, a multiple of window_size
ARGS = dict(img_size=48, in_chans=3, embed_dim=32, depths=[2, 2], num_heads=[4, 4], window_size=8,
            mlp_ratio=2.0, img_range=1.0, upscale=1, upsampler="", resi_connection="1conv")


def load(entry):
    a = skio.imread(os.path.join(SKDATA, entry["file"]))
    assert a.ndim == 3 and a.shape[2] == 3 and a.dtype == np.uint8, entry["file"]
    return torch.from_numpy(a.astype(np.float32) / 255.0).permute(2, 0, 1).contiguous()  # 3, H, W


def centre_crop(img, size):
    _, H, W = img.shape
    top, left = (H - size) // 2, (W - size) // 2
    return img[:, top:top + size, left:left + size]


def psnr(a, b):
    """PSNR in dB of values clipped to [0, 1], MAX = 1, over all pixels and channels."""
    mse = F.mse_loss(a.clamp(0, 1), b.clamp(0, 1)).item()
    return 10 * math.log10(1.0 / mse)


def batch(images, g, n, p):
    """n random p×p crops, each from a uniformly chosen image, with one of the 8 flips/rotations."""
    crops = []
    for _ in range(n):
        img = images[int(torch.randint(len(images), (1,), generator=g))]
        _, H, W = img.shape
        top = int(torch.randint(H - p + 1, (1,), generator=g))
        left = int(torch.randint(W - p + 1, (1,), generator=g))
        c = img[:, top:top + p, left:left + p]
        k = int(torch.randint(8, (1,), generator=g))
        if k & 4:
            c = c.flip(2)
        crops.append(torch.rot90(c, k & 3, (1, 2)))
    clean = torch.stack(crops)
    noisy = clean + SIGMA * torch.randn(clean.shape, generator=g)  # not clipped: AWGN on 0–1 images
    return noisy, clean


def charbonnier(x, y, eps=1e-3):
    """The loss SwinIR trains its denoisers with: mean sqrt((x − y)² + ε²)."""
    return torch.sqrt((x - y) ** 2 + eps * eps).mean()


def validate(model, val):
    model.eval()
    with torch.no_grad():
        out = [psnr(model(noisy[None]), clean[None]) for noisy, clean in val]
    model.train()
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--iters", type=int, default=3000)
    ap.add_argument("--batch", type=int, default=8)
    ap.add_argument("--patch", type=int, default=ARGS["img_size"])
    ap.add_argument("--lr", type=float, default=5e-4)
    ap.add_argument("--warmup", type=int, default=200)
    ap.add_argument("--val-every", type=int, default=100)
    ap.add_argument("--time-only", type=int, default=0, help="time this many steps and exit, writing nothing")
    ap.add_argument("--stop-at", type=int, default=0,
                    help="stop after this many steps of the --iters schedule (a run cut short by the clock)")
    ap.add_argument("--resume", default="", help="continue from a checkpoint written by this script")
    ap.add_argument("--resume-seconds", type=float, default=0.0,
                    help="training seconds before the checkpoint, for a checkpoint that does not record them")
    opt = ap.parse_args()
    assert opt.patch == ARGS["img_size"], "img_size is the training patch: the stored attn_mask is for it"

    torch.manual_seed(0)
    model = SwinIR(**ARGS)
    init_state = {k: v.clone() for k, v in model.state_dict().items()}
    print(f"{sum(p.numel() for p in model.parameters())} parameters", flush=True)

    train_imgs = [load(e) for e in TRAIN]
    gv = torch.Generator().manual_seed(1234)
    val = []
    for e in VALID:
        clean = centre_crop(load(e), VAL_CROP)
        val.append((clean + SIGMA * torch.randn(clean.shape, generator=gv), clean))
    val_noisy = [psnr(n, c) for n, c in val]
    print("validation, noisy PSNR:", [round(v, 3) for v in val_noisy], flush=True)

    g = torch.Generator().manual_seed(2024)
    optim = torch.optim.Adam(model.parameters(), lr=opt.lr)

    def lr_at(it):  # linear warm-up, then cosine to 1% of the peak
        if it < opt.warmup:
            return opt.lr * (it + 1) / opt.warmup
        t = (it - opt.warmup) / max(1, opt.iters - opt.warmup)
        return opt.lr * (0.01 + 0.99 * 0.5 * (1 + math.cos(math.pi * t)))

    if opt.time_only:
        t0 = time.time()
        for it in range(opt.time_only):
            noisy, clean = batch(train_imgs, g, opt.batch, opt.patch)
            loss = charbonnier(model(noisy), clean)
            optim.zero_grad()
            loss.backward()
            optim.step()
        dt = (time.time() - t0) / opt.time_only
        tv = time.time()
        validate(model, val)
        print(f"{dt:.3f} s/iter (batch {opt.batch}, patch {opt.patch}); validation {time.time() - tv:.2f} s")
        return

    os.makedirs(OUT, exist_ok=True)
    meta = {"format": "pt", "model": "SwinIR", "args": json.dumps(ARGS), "sigma": "25/255"}
    save_safetensors(os.path.join(OUT, f"{NAME}-init.safetensors"), init_state, {**meta, "trained": "false"})

    stop = min(opt.stop_at or opt.iters, opt.iters)
    start, seconds_before = 0, 0.0
    if opt.resume:  # deterministic on CPU: the same weights as a run that was never interrupted
        ck = torch.load(opt.resume)
        model.load_state_dict(ck["model"])
        optim.load_state_dict(ck["optim"])
        g.set_state(ck["gen"])
        start, log = ck["iter"], ck["log"]
        seconds_before = ck.get("seconds", opt.resume_seconds)
        print(f"resumed at iter {start}", flush=True)
    else:
        v0 = validate(model, val)
        log = [{"iter": 0, "loss": None, "val_psnr": round(sum(v0) / len(v0), 4)}]
        print(f"iter 0 val {v0}", flush=True)
    t0 = time.time() - seconds_before
    running, count = 0.0, 0
    for it in range(start, stop):
        for group in optim.param_groups:
            group["lr"] = lr_at(it)
        noisy, clean = batch(train_imgs, g, opt.batch, opt.patch)
        loss = charbonnier(model(noisy), clean)
        optim.zero_grad()
        loss.backward()
        optim.step()
        running += loss.item()
        count += 1
        if (it + 1) % opt.val_every == 0 or it + 1 == stop:
            v = validate(model, val)
            log.append({"iter": it + 1, "loss": round(running / count, 6), "val_psnr": round(sum(v) / len(v), 4)})
            running, count = 0.0, 0
            el = time.time() - t0
            print(f"iter {it + 1} loss {log[-1]['loss']:.5f} val {[round(x, 3) for x in v]} "
                  f"lr {lr_at(it):.2e} {el:.0f}s ({el / (it + 1):.3f} s/iter)", flush=True)
            with open(os.path.join(OUT, f"{NAME}-log.json"), "w") as f:
                json.dump(log, f, indent=0)
            # A fallback if the run has to be cut short (not committed; the run itself is reproducible).
            torch.save({"iter": it + 1, "model": model.state_dict(), "optim": optim.state_dict(),
                        "gen": g.get_state(), "log": log, "seconds": el}, "/tmp/swinir-denoise-s25-ckpt.pt")
    seconds = time.time() - t0

    model.eval()
    state = model.state_dict()
    path = os.path.join(OUT, f"{NAME}.safetensors")
    save_safetensors(path, state, {**meta, "trained": "true", "iterations": str(stop)})
    # Round trip: the file reads back bit-identical, and a fresh model built from it gives the same output.
    for p, ref in ((path, state), (os.path.join(OUT, f"{NAME}-init.safetensors"), init_state)):
        back, _ = load_safetensors(p)
        assert back.keys() == ref.keys() and all(torch.equal(back[k], ref[k]) for k in ref), p
    fresh = SwinIR(**ARGS).eval()
    fresh.load_state_dict(load_safetensors(path)[0], strict=True)
    final = validate(fresh, val)

    # The whole held-out photographs too (not multiples of 8: reflect pad and crop), same noise seed rule.
    gf = torch.Generator().manual_seed(4321)
    full = []
    with torch.no_grad():
        for e in VALID:
            clean = load(e)
            noisy = clean + SIGMA * torch.randn(clean.shape, generator=gf)
            full.append({"file": e["file"], "shape": list(clean.shape), "psnr_noisy": round(psnr(noisy, clean), 3),
                         "psnr_denoised": round(psnr(fresh(noisy[None])[0], clean), 3)})
    print("full images:", full, flush=True)

    sidecar = {
        "args": ARGS,
        "training": {
            "task": "colour Gaussian denoising, noise added to 0–1 images, not clipped",
            "sigma": SIGMA, "sigma_255": 25,
            "data": TRAIN,
            "validation": [{**e, "crop": f"centre {VAL_CROP}x{VAL_CROP}", "psnr_noisy": round(n, 3),
                            "psnr_denoised": round(d, 3)} for e, n, d in zip(VALID, val_noisy, final)],
            "validation_full_images": full,
            "augmentation": "random crops, horizontal flip, 90° rotations (8 dihedral)",
            "loss": "Charbonnier, eps 1e-3",
            "optimizer": f"Adam lr {opt.lr}, {opt.warmup}-iter linear warm-up, cosine to 1% of peak",
            "iterations": stop, "schedule_iterations": opt.iters,
            "stopped_early": f"after {stop} of the {opt.iters}-iteration schedule (--stop-at)" if stop < opt.iters else None,
            "batch": opt.batch, "patch": opt.patch,
            "seconds": round(seconds, 1), "threads": 1,
            "val_psnr_noisy": round(sum(val_noisy) / len(val_noisy), 3),
            "val_psnr_denoised": round(sum(final) / len(final), 3),
            "psnr": "clipped to [0,1], MAX 1, over all pixels and channels",
            "seeds": {"model": 0, "batches": 2024, "validation_noise": 1234, "full_image_noise": 4321},
            "torch": torch.__version__,
        },
    }
    with open(os.path.join(OUT, f"{NAME}.json"), "w") as f:
        json.dump(sidecar, f, indent=1, ensure_ascii=False)
    print(json.dumps(sidecar["training"]["validation"], indent=1), flush=True)
    print(f"done: {stop} iterations in {seconds:.0f} s", flush=True)


if __name__ == "__main__":
    main()
