"""Text -> L2-normalised vectors with a local sentence-transformers model."""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import sys
import warnings
from typing import Protocol

import numpy as np


# A question (a handful of short texts) is encoded on one thread: on a small, shared machine the
# thread hand-offs of a 2-thread forward pass cost more than they save (2 busy cores: one
# question 140 ms with 2 threads, 25 ms with 1). Batches of passages keep every thread.
SINGLE_THREAD_MAX_TEXTS = 4
_ALL_THREADS: int | None = None


@contextlib.contextmanager
def _few_threads(single: bool):
    if not single:
        yield
        return
    import torch

    global _ALL_THREADS
    if _ALL_THREADS is None:  # restore to this, not to "before": concurrent questions must not
        _ALL_THREADS = torch.get_num_threads()  # leave the process stuck on one thread
    torch.set_num_threads(1)
    try:
        yield
    finally:
        torch.set_num_threads(_ALL_THREADS)


class ModelError(Exception):
    """The embedding model cannot be loaded; the message says what to do."""


class Embedder(Protocol):
    name: str
    dim: int

    def encode(self, texts: list[str], progress: bool = False) -> np.ndarray:
        """float32 array (len(texts), dim), rows L2-normalised."""

    def fits(self, text: str) -> bool:
        """True if text fits the model's window without silent truncation."""


class SentenceTransformerEmbedder:
    """A sentence-transformers model on the CPU, loaded from a local path (or a cached name)."""

    def __init__(self, model: str, batch_size: int = 32):
        # Imported here: torch and transformers cost seconds, and many commands never embed.
        from sentence_transformers import SentenceTransformer

        if os.path.sep in model and not os.path.isdir(model):
            raise ModelError(f"embedding model folder not found: {model} (set QA_MODEL or --model)")
        try:
            self._model = SentenceTransformer(model, device="cpu")
        except Exception as e:  # noqa: BLE001 - surface one clear line, not a hub traceback
            raise ModelError(
                f"cannot load embedding model {model!r} offline ({type(e).__name__}); "
                "point QA_MODEL at a local sentence-transformers folder"
            ) from e
        self.name = model
        self.dim = int(self._model.get_embedding_dimension())
        self.batch_size = batch_size
        self._max_tokens = int(self._model.max_seq_length)

    @property
    def identity(self) -> str:
        """What the manifest records: the model folder's name, so moving a venv keeps the index."""
        return os.path.basename(os.path.normpath(self.name)) if os.path.isdir(self.name) else self.name

    def encode(self, texts: list[str], progress: bool = False) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        show = progress and sys.stderr.isatty()
        with _few_threads(len(texts) <= SINGLE_THREAD_MAX_TEXTS):
            if len(texts) <= self.batch_size:
                return np.ascontiguousarray(self._encode_batch(texts, show), dtype=np.float32)
            # Batches by token count, longest first. sentence-transformers sorts by characters,
            # which pads 21% more tokens on SQuAD sentences+chunks (50.0k vs 41.4k; the forward pass
            # ~25% more CPU): a batch's width is its longest member in tokens, not characters.
            # The length pass is one fast-tokenizer call, ~0.3% of the forward pass.
            ids = self._model.tokenizer(
                texts, add_special_tokens=True, truncation=True, max_length=self._max_tokens,
                return_attention_mask=False, return_token_type_ids=False,
            )["input_ids"]
            order = np.argsort([len(x) for x in ids], kind="stable")[::-1]
            out = np.zeros((len(texts), self.dim), dtype=np.float32)
            starts = range(0, len(order), self.batch_size)
            if show:
                from tqdm.auto import tqdm

                starts = tqdm(starts, desc="Embedding", unit="batch")
            for s in starts:
                part = order[s : s + self.batch_size]
                out[part] = self._encode_batch([texts[i] for i in part], False)
        return out

    def _encode_batch(self, texts: list[str], show: bool) -> np.ndarray:
        return self._model.encode(
            texts,
            batch_size=self.batch_size,
            normalize_embeddings=True,
            convert_to_numpy=True,
            show_progress_bar=show,
        )

    def fits(self, text: str) -> bool:
        ids = self._model.tokenizer(text, add_special_tokens=True, truncation=False)["input_ids"]
        return len(ids) <= self._max_tokens


# ----------------------------------------------------------------------------- ONNX Runtime
BACKENDS = ("auto", "torch", "onnx", "onnx-int8")


def make_embedder(model: str, batch_size: int = 32, backend: str | None = None) -> Embedder:
    """The embedder for a backend ($QA_BACKEND if None, else "auto"):

    torch      sentence-transformers on PyTorch;
    onnx       the same model exported to ONNX and run by ONNX Runtime: the same vectors (cosine
               1.0000 to torch), 1.2-1.3x the passages/s and under half the question latency
               here, and start-up without importing torch;
    onnx-int8  dynamic int8 weights, one scale per output channel: ~2x onnx's passages/s, but
               2.5 points less answer hit@1 on the dev set (docs/benchmarks.md);
    auto       onnx when onnxruntime is installed and the model exports, else torch.
    """
    backend = (backend or os.environ.get("QA_BACKEND") or "auto").lower()
    if backend == "auto":
        if os.path.isdir(model):
            try:
                return OnnxEmbedder(model, batch_size)
            except Exception:  # noqa: BLE001 - no onnxruntime, or a model that does not export
                pass
        backend = "torch"
    if backend == "torch":
        return SentenceTransformerEmbedder(model, batch_size)
    if backend in ("onnx", "onnx-int8"):
        return OnnxEmbedder(model, batch_size, quantized=backend == "onnx-int8")
    raise ModelError(f"unknown embedding backend {backend!r}: use one of {', '.join(BACKENDS)}")


def onnx_cache_dir() -> str:
    return os.environ.get("QA_ONNX_CACHE") or os.path.join(os.path.expanduser("~"), ".cache", "qa", "onnx")


class OnnxEmbedder:
    """The same sentence-transformers model (BERT encoder + mean pooling) run by ONNX Runtime.

    Needs only `onnxruntime` (and `onnx` for int8) at run time: no torch import when the exported
    file is cached. The export happens once, locally, from the model folder (torch.onnx), into
    ``~/.cache/qa/onnx/<model>-<fingerprint>/`` ($QA_ONNX_CACHE); nothing touches a hub.
    quantized=True uses dynamic int8 weights (onnxruntime.quantization), scaled per output
    channel: its vectors differ slightly from the float model's, so it is recorded as a different
    model identity.
    """

    def __init__(self, model: str, batch_size: int = 32, quantized: bool = False):
        if not os.path.isdir(model):
            raise ModelError(
                f"embedding model folder not found: {model} (the ONNX backend needs a local "
                "sentence-transformers folder; set QA_MODEL or --model)"
            )
        try:
            import onnxruntime as ort
            from tokenizers import Tokenizer
        except ImportError as e:
            raise ModelError(f"the ONNX backend needs onnxruntime: pip install 'qa[onnx]' ({e})") from None
        self.name = model
        self.batch_size = batch_size
        self.quantized = quantized
        self._max_tokens = _max_seq_length(model)
        with open(os.path.join(model, "config.json")) as f:
            self.dim = int(json.load(f)["hidden_size"])
        if not _mean_pooled(model):
            # this class implements mean pooling only; other models run on PyTorch
            raise ModelError(f"the ONNX backend supports mean-pooling models only: use QA_BACKEND=torch for {model}")
        path = _exported(model, quantized)
        self._tok = Tokenizer.from_file(os.path.join(model, "tokenizer.json"))
        self._tok.no_padding()
        self._tok.no_truncation()

        def session(threads: int):
            opts = ort.SessionOptions()
            opts.intra_op_num_threads = threads
            opts.inter_op_num_threads = 1
            opts.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
            return ort.InferenceSession(path, opts, providers=["CPUExecutionProvider"])

        # one session for questions (one thread, see SINGLE_THREAD_MAX_TEXTS), one for batches
        self._batch = session(0)
        self._single = session(1)
        self._inputs = {i.name for i in self._batch.get_inputs()}

    @property
    def identity(self) -> str:
        base = os.path.basename(os.path.normpath(self.name))
        # "-pc": per-channel scales; an index from the older per-tensor file is rebuilt, not mixed
        return f"{base}+onnx-int8-pc" if self.quantized else base

    def _ids(self, texts: list[str]):
        return self._tok.encode_batch(list(texts), add_special_tokens=True)

    def encode(self, texts: list[str], progress: bool = False) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        encs = self._ids(texts)
        lengths = [min(len(e.ids), self._max_tokens) for e in encs]
        order = np.argsort(lengths, kind="stable")[::-1]  # longest first: little padding per batch
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        sess = self._single if len(texts) <= SINGLE_THREAD_MAX_TEXTS else self._batch
        for s in range(0, len(order), self.batch_size):
            part = order[s : s + self.batch_size]
            width = max(lengths[i] for i in part)
            ids = np.zeros((len(part), width), dtype=np.int64)
            mask = np.zeros((len(part), width), dtype=np.int64)
            for r, i in enumerate(part):
                e = encs[i].ids
                if len(e) > self._max_tokens:  # truncate like sentence-transformers: keep [SEP]
                    e = e[: self._max_tokens - 1] + e[-1:]
                ids[r, : len(e)] = e
                mask[r, : len(e)] = 1
            feed = {"input_ids": ids, "attention_mask": mask}
            if "token_type_ids" in self._inputs:
                feed["token_type_ids"] = np.zeros_like(ids)
            hidden = sess.run(None, feed)[0]
            m = mask[:, :, None].astype(np.float32)
            pooled = (hidden * m).sum(1) / np.maximum(m.sum(1), 1e-9)
            out[part] = pooled / np.maximum(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12)
        return out

    def fits(self, text: str) -> bool:
        return len(self._tok.encode(text, add_special_tokens=True).ids) <= self._max_tokens


def _mean_pooled(model: str) -> bool:
    try:
        with open(os.path.join(model, "1_Pooling", "config.json")) as f:
            cfg = json.load(f)
    except (OSError, ValueError):
        return False
    others = ("pooling_mode_cls_token", "pooling_mode_max_tokens", "pooling_mode_mean_sqrt_len_tokens")
    return bool(cfg.get("pooling_mode_mean_tokens")) and not any(cfg.get(k) for k in others)


def _max_seq_length(model: str) -> int:
    try:
        with open(os.path.join(model, "sentence_bert_config.json")) as f:
            return int(json.load(f)["max_seq_length"])
    except (OSError, KeyError, ValueError):
        return 512


def _exported(model: str, quantized: bool) -> str:
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
