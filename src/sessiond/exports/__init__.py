"""Documents: the client's receipt (PDF and text, carrying its signed data), the
technician's compliance report, and the exports (CSV, JSON, Kimai, livre des recettes).

Core package: no Textual, pynput or APScheduler; fpdf2 is imported only to make a PDF and
pypdf only to read one. Every document handed over is issued through an event
(`export-made`, `receipt-issued`) and the signed checkpoint that covers it, and carries
that checkpoint (an export, in its proof file beside it), so a copy of the log's state
leaves the machine with it (DESIGN.md, principle 5).
"""

from sessiond.exports.export import ExportResult, export_day, export_range
from sessiond.exports.receipt import ReceiptResult, issue_receipt

__all__ = ["ExportResult", "ReceiptResult", "export_day", "export_range", "issue_receipt"]
