"""Readers that turn a plan's source (extracted text, or the PDF itself) into raw bands of cell fragments."""
