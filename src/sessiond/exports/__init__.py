"""Exports for invoicing (CSV, JSON) and the client's receipt (PDF and text).

Core package: no Textual, pynput or APScheduler; fpdf2 is imported only to make a PDF.
Every document is issued through an event (`export-made`, `receipt-issued`) and the signed
checkpoint that covers it, and carries that checkpoint, so a copy of the log's state
leaves the machine with it (DESIGN.md, principle 5).
"""

from sessiond.exports.export import ExportResult, export_day, export_range
from sessiond.exports.receipt import ReceiptResult, issue_receipt

__all__ = ["ExportResult", "ReceiptResult", "export_day", "export_range", "issue_receipt"]
