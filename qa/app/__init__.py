"""App: what a user touches — the `qa` command, the web app and the service behind both.

Owns the long-lived service (``service.QAService``: model and index loaded once, ``ask``),
the chat layer of the web page (``chat``: conversation, citations, corpus panel, re-index
thread), follow-up resolution (``followups``), escaped HTML (``render``), uploads into the
corpus (``uploads``), the password rule for public addresses (``auth``), the Gradio page
(``web``) and the command line (``cli``, whose ``serve`` is also what ``app.py`` runs).
"""
