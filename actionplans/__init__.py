"""actionplans as a library: government action plans as typed pandas tables.

    import actionplans

    ds = actionplans.read("raw/")        # run the pipeline on plan files or folders
    ds = actionplans.load("output")      # or read a published output folder (its Parquet files)
    ds.activities.dtypes                 # ids as `string`, years as `Int64`, flags as lists

Errors are ActionPlansError (one line naming the file or folder and the cause).
"""
from __future__ import annotations

from extract.errors import ActionPlansError

from .dataset import Dataset
from .reading import load, read

__all__ = ["ActionPlansError", "Dataset", "load", "read"]
