"""Exporting a sentence-transformers model folder to ONNX (and int8), once, into a local cache."""

from __future__ import annotations

import hashlib
import os
import sys
import warnings

from qa.embed.base import ModelError


def onnx_cache_dir() -> str:
    return os.environ.get("QA_ONNX_CACHE") or os.path.join(os.path.expanduser("~"), ".cache", "qa", "onnx")



def exported(model: str, quantized: bool) -> str:
    """Path of the cached ONNX export of the model folder (made on first use)."""
    weights = [f for f in ("model.safetensors", "pytorch_model.bin") if os.path.exists(os.path.join(model, f))]
    if not weights:
        raise ModelError(f"no model weights in {model}")
    st = os.stat(os.path.join(model, weights[0]))
    tag = hashlib.sha256(f"{os.path.abspath(model)}|{st.st_size}|{st.st_mtime_ns}".encode()).hexdigest()[:12]
    folder = os.path.join(onnx_cache_dir(), f"{os.path.basename(os.path.normpath(model))}-{tag}")
    fp32 = os.path.join(folder, "model.onnx")
    int8 = os.path.join(folder, "model-int8-pc.onnx")
    os.makedirs(folder, exist_ok=True)
    if not os.path.exists(fp32):
        print(f"Preparing the ONNX encoder once (about 30 s) in {folder} …", file=sys.stderr, flush=True)
        _export(model, fp32)
    if quantized and not os.path.exists(int8):
        from onnxruntime.quantization import QuantType, quantize_dynamic

        tmp = f"{int8}.tmp{os.getpid()}"
        # one scale per output channel, not per tensor: dev answer hit@1 77.5 instead of 72.5
        # for ~5 % of the speed (docs/benchmarks.md)
        quantize_dynamic(fp32, tmp, weight_type=QuantType.QInt8, per_channel=True)
        os.replace(tmp, int8)
    return int8 if quantized else fp32


def _export(model: str, target: str) -> None:
    import torch
    from transformers import AutoModel

    bert = AutoModel.from_pretrained(model, local_files_only=True, attn_implementation="eager").eval()

    class Encoder(torch.nn.Module):  # keyword arguments: forward()'s positional order varies by version
        def __init__(self):
            super().__init__()
            self.bert = bert

        def forward(self, input_ids, attention_mask, token_type_ids):
            out = self.bert(input_ids=input_ids, attention_mask=attention_mask, token_type_ids=token_type_ids)
            return out[0]

    net = Encoder().eval()
    ids = torch.ones((2, 16), dtype=torch.long)
    args = (ids, torch.ones_like(ids), torch.zeros_like(ids))
    names = ["input_ids", "attention_mask", "token_type_ids"]
    axes = {n: {0: "batch", 1: "tokens"} for n in names}
    axes["last_hidden_state"] = {0: "batch", 1: "tokens"}
    tmp = f"{target}.tmp{os.getpid()}"
    # the tracer's warnings are about shapes it cannot see; the export is checked against
    # PyTorch's vectors in tests/test_scale.py, so they only alarm the user
    with torch.no_grad(), warnings.catch_warnings():
        warnings.simplefilter("ignore")
        torch.onnx.export(
            net, args, tmp, input_names=names, output_names=["last_hidden_state"],
            dynamic_axes=axes, opset_version=17, dynamo=False,
        )
    os.replace(tmp, target)

