"""The ONNX Runtime backend: the same sentence-transformers model (BERT encoder + mean pooling),
exported once to ONNX (``qa.embed.export``); same vectors as PyTorch, faster on CPU, no torch
import at start-up."""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Sequence

import numpy as np

from qa import timing
from qa.embed.base import SINGLE_THREAD_MAX_TEXTS, ModelError, Progress, Role, wordpiece_tokenizer
from qa.embed.export import exported
from qa.embed.pooling import Span, pool_spans

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
            import tokenizers  # noqa: F401 - checked here, read by wordpiece_tokenizer
        except ImportError as e:
            raise ModelError(f"the ONNX backend needs onnxruntime: pip install onnxruntime ({e})") from None
        self.name = model
        self.batch_size = batch_size
        self.quantized = quantized
        self._max_tokens = _max_seq_length(model)
        with open(os.path.join(model, "config.json")) as f:
            self.dim = int(json.load(f)["hidden_size"])
        if not _mean_pooled(model):
            # this class implements mean pooling only; other models run on PyTorch
            raise ModelError(f"the ONNX backend supports mean-pooling models only: use QA_BACKEND=torch for {model}")
        path = exported(model, quantized)
        self._tok = wordpiece_tokenizer(model)  # shared with the answer matcher: read once

        def session(threads: int):
            opts = ort.SessionOptions()
            opts.intra_op_num_threads = threads
            opts.inter_op_num_threads = 1
            opts.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
            return ort.InferenceSession(path, opts, providers=["CPUExecutionProvider"])

        # one session for questions (one thread, see SINGLE_THREAD_MAX_TEXTS), one for batches,
        # made when the first batch comes: a session costs ~0.2 s to create, and a process that
        # answers one question (`qa ask`) never embeds a batch
        self._session = session
        self._batch_session = None
        self._single = _question_session(ort, path)
        self._inputs = {i.name for i in self._single.get_inputs()}

    @property
    def _batch(self):
        if self._batch_session is None:
            self._batch_session = self._session(0)
        return self._batch_session

    @property
    def identity(self) -> str:
        base = os.path.basename(os.path.normpath(self.name))
        # "-pc": per-channel scales; an index from the older per-tensor file is rebuilt, not mixed
        return f"{base}+onnx-int8-pc" if self.quantized else base

    def use_threads(self, threads: int) -> None:
        """Run batches on `threads` threads instead of all cores: several encoders sharing one
        machine (the Ray engine's actors) would otherwise each spin up a thread per core."""
        self._batch_session = self._session(max(1, int(threads)))

    def _ids(self, texts: list[str]):
        with timing.stage("tokenise"):
            return self._tok.encode_batch(list(texts), add_special_tokens=True)

    def encode(self, texts: list[str], role: Role = "passage", progress: Progress | None = None) -> np.ndarray:
        """The role is ignored: the model embeds questions and passages alike."""
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for part, hidden, mask, _ in self._passes(texts, progress):
            out[part] = _mean_pool(hidden, mask)
        return out

    def encode_spans(
        self, texts: list[str], spans: Sequence[Sequence[Span]], role: Role = "passage",
        progress: Progress | None = None,
    ) -> tuple[np.ndarray, list[np.ndarray]]:
        """Each text's vector and, from the same pass, a vector per character span of it
        (``qa.embed.pooling``): the build's sentence vectors without a second forward pass."""
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        pooled: list[np.ndarray] = [np.zeros((0, self.dim), dtype=np.float32)] * len(texts)
        for part, hidden, mask, encs in self._passes(texts, progress):
            out[part] = _mean_pool(hidden, mask)
            for r, i in enumerate(part):
                width = int(mask[r].sum())
                offsets = encs[i].offsets
                if len(offsets) > width:  # truncated: the last position holds [SEP]
                    offsets = offsets[: width - 1] + [(0, 0)]
                pooled[i] = pool_spans(hidden[r, :width], offsets, spans[i], self.dim)
        return out, pooled

    def _passes(self, texts: list[str], progress: Progress | None):
        """(rows, last hidden state, attention mask, encodings) per batch of at most batch_size
        texts, longest first by tokens: little padding per batch."""
        if not texts:
            return
        encs = self._ids(texts)
        lengths = [min(len(e.ids), self._max_tokens) for e in encs]
        order = np.argsort(lengths, kind="stable")[::-1]
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
            with timing.stage("encode"):
                hidden = sess.run(None, feed)[0]
            yield part, hidden, mask, encs
            if progress is not None:
                progress(min(s + self.batch_size, len(texts)))

    def fits(self, text: str) -> bool:
        return len(self._tok.encode(text, add_special_tokens=True).ids) <= self._max_tokens

    @property
    def max_tokens(self) -> int:
        return self._max_tokens

    def token_counts(self, texts: list[str]) -> list[int]:
        """Tokens of each text with [CLS] and [SEP], untruncated: chunking's window check."""
        with timing.stage("tokenise"):
            return [len(e.ids) for e in self._tok.encode_batch(list(texts), add_special_tokens=True)]


def _mean_pool(hidden: np.ndarray, mask: np.ndarray) -> np.ndarray:
    m = mask[:, :, None].astype(np.float32)
    pooled = (hidden * m).sum(1) / np.maximum(m.sum(1), 1e-9)
    return pooled / np.maximum(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12)


def _question_session(ort, path: str):
    """The one-thread session for questions (added for issue 17's one-question start-up).

    It runs the graph as ONNX Runtime optimises it, saved the first time into a folder beside the
    export (``model.question-ort<version>/``: the graph, and its weights in a separate file that
    later starts map into memory instead of reading and copying): this takes ~0.2 s of CPU off
    every `qa ask` (the optimisation, and ~180 MB of page faults), and gives the same vectors to
    the bit (tests/embed/test_onnx_session.py). Keyed by the ONNX Runtime version, whose fused
    operators the saved graph holds."""
    saved = f"{path[: -len('.onnx')]}.question-ort{ort.__version__}"
    graph = os.path.join(saved, "graph.onnx")
    if os.path.exists(graph):
        try:
            return ort.InferenceSession(graph, _options(ort, optimise=False), providers=["CPUExecutionProvider"])
        except Exception:  # noqa: BLE001 - a damaged folder (a full disk): made again below
            shutil.rmtree(saved, ignore_errors=True)
    # EXTENDED: ALL adds layout changes for this machine's CPU that a saved graph must not carry
    # (none applies to this model: the outputs are the same as with ALL)
    opts = _options(ort, optimise=True)
    tmp = f"{saved}.tmp{os.getpid()}"
    keep = os.access(os.path.dirname(path), os.W_OK)
    if keep:
        os.makedirs(tmp, exist_ok=True)
        opts.optimized_model_filepath = os.path.join(tmp, "graph.onnx")
        opts.add_session_config_entry("session.optimized_model_external_initializers_file_name", "weights.data")
        opts.add_session_config_entry("session.optimized_model_external_initializers_min_size_in_bytes", "1024")
    try:
        session = ort.InferenceSession(path, opts, providers=["CPUExecutionProvider"])
    except Exception:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    if keep:
        try:
            os.rename(tmp, saved)  # atomic: another process sees the whole folder or none
        except OSError:  # another process saved it first
            shutil.rmtree(tmp, ignore_errors=True)
    return session


def _options(ort, optimise: bool):
    """One thread; the graph optimised (EXTENDED) or run as it is (a graph saved optimised)."""
    opts = ort.SessionOptions()
    opts.intra_op_num_threads = 1
    opts.inter_op_num_threads = 1
    level = ort.GraphOptimizationLevel
    opts.graph_optimization_level = level.ORT_ENABLE_EXTENDED if optimise else level.ORT_DISABLE_ALL
    return opts


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

