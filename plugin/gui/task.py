"""Background tasks of the dock: the DTKS pipeline, and reading a table's sheets or columns."""

import dataclasses
import os
import traceback
from dataclasses import dataclass

from qgis.core import QgsFeedback, QgsProcessingFeedback, QgsTask
from qgis.PyQt.QtCore import Qt, pyqtSignal

from ..core.table_reader import TableReadError, list_sheets, read_table
from ..gis.boundaries import BoundaryError
from ..gis import review
from ..gis.pipeline import ImportOptions, PipelineError, run_pipeline
from ..i18n import tr

RESULT_GPKG_NAME = "hasil.gpkg"
# The task writes here. The dock renames the file to RESULT_GPKG_NAME after
# a successful run, so a failed or canceled run leaves the previous results.
PARTIAL_GPKG_NAME = "hasil.tmp.gpkg"
MAP_PDF_NAME = "peta.pdf"


@dataclass
class RunRequest:
    """Inputs of one run, collected from the dock on the main thread."""

    table_path: str
    # A file path, or a QgsVectorLayer that no other code uses while the task runs.
    boundaries: object
    region_text: str = ""
    output_dir: str = ""
    options: ImportOptions = dataclasses.field(default_factory=ImportOptions)

    @property
    def gpkg_path(self) -> str:
        return os.path.join(self.output_dir, RESULT_GPKG_NAME)

    @property
    def partial_gpkg_path(self) -> str:
        return os.path.join(self.output_dir, PARTIAL_GPKG_NAME)

    @property
    def pdf_path(self) -> str:
        return os.path.join(self.output_dir, MAP_PDF_NAME)


class TaskFeedback(QgsProcessingFeedback):
    """Processing feedback that also emits each step message as a Qt signal.

    The pipeline spreads its progress over its steps only when the feedback
    is a QgsProcessingFeedback, so a plain QgsFeedback would make the
    progress bar jump back at every step.
    """

    step_started = pyqtSignal(str)

    def __init__(self):
        # False: step messages go to the dock, not to the Processing log.
        super().__init__(False)

    def pushInfo(self, info):  # noqa: N802 (Qt API name)
        super().pushInfo(info)
        self.step_started.emit(info)


class PipelineTask(QgsTask):
    """Run run_pipeline() in a worker thread and report back on the main thread.

    run() touches no widget, layer of the project or GUI object. It stores
    either the PipelineResult, a message for the user or the traceback of
    an unexpected error, and finished() hands the task to ``on_finished``.
    The map PDF is not made here: print layouts are not thread safe, so the
    dock exports the map in its finished handler.
    """

    def __init__(self, request: RunRequest, on_finished=None):
        super().__init__(tr("DTKS Spasial: processing the table"), QgsTask.Flag.CanCancel)
        self.request = request
        # Called as on_finished(task, successful) on the main thread. The dock
        # sets it to None when it goes away before the task ends.
        self.on_finished = on_finished
        self.feedback = TaskFeedback()
        # Direct connection: setProgress is meant to be called from run()'s thread.
        self.feedback.progressChanged.connect(self.setProgress, Qt.ConnectionType.DirectConnection)
        self.result = None
        self.error_message = ""
        self.error_details = ""

    def run(self) -> bool:
        request = self.request
        try:
            os.makedirs(request.output_dir, exist_ok=True)
            self.result = run_pipeline(
                request.table_path, request.boundaries, region_text=request.region_text,
                output_gpkg=request.partial_gpkg_path, feedback=self.feedback,
                options=request.options, previous_gpkg=request.gpkg_path)
        except (PipelineError, TableReadError, BoundaryError) as error:
            self.error_message = str(error)
            return False
        except OSError as error:
            # Raised when the table cannot be opened or the output folder or file
            # cannot be created. Its text is a path and the reason, not a table value.
            self.error_message = tr(
                "Reading or writing a file failed: {error}. Check that the table can be read, "
                "that {folder} is writable and that no other program has {file} open."
            ).format(error=error, folder=request.output_dir, file=PARTIAL_GPKG_NAME)
            return False
        except Exception as error:  # noqa: BLE001 (a bug: the dock logs it)
            self.error_details = describe_unexpected_error(error)
            return False
        return not self.feedback.isCanceled()

    def cancel(self) -> None:
        self.feedback.cancel()
        super().cancel()

    def finished(self, successful: bool) -> None:
        if self.on_finished is not None:
            self.on_finished(self, successful)


class TableFileTask(QgsTask):
    """Read something from a table file in a worker thread for the dock's import options.

    Even the sheet names of a large workbook take seconds to read, so the
    dock reads nothing from the table on the main thread. read() stores
    its result on the task, and finished() hands the task to
    ``on_finished(task, successful)`` on the main thread.
    """

    def __init__(self, description: str, path: str, on_finished=None):
        super().__init__(description, QgsTask.Flag.CanCancel)
        self.path = path
        self.on_finished = on_finished
        self.error_message = ""
        self.error_details = ""

    def read(self) -> None:
        raise NotImplementedError

    def run(self) -> bool:
        try:
            self.read()
        except TableReadError as error:
            self.error_message = str(error)
            return False
        except OSError as error:
            self.error_message = tr(
                "The table file cannot be read: {error}. Check that the file exists and that "
                "no other program has it locked.").format(error=error)
            return False
        except Exception as error:  # noqa: BLE001 (a bug: the dock logs it)
            self.error_details = describe_unexpected_error(error)
            return False
        # NOTE: the readers cannot be interrupted, so Cancel only discards the result.
        return not self.isCanceled()

    def finished(self, successful: bool) -> None:
        if self.on_finished is not None:
            self.on_finished(self, successful)


class SheetListTask(TableFileTask):
    """List the sheet names of a spreadsheet (XLSX, XLS or ODS) into ``sheets``."""

    def __init__(self, path: str, on_finished=None):
        super().__init__(tr("DTKS Spasial: reading the sheet names"), path, on_finished)
        self.sheets = []

    def read(self) -> None:
        self.sheets = list_sheets(self.path)


class ColumnReadTask(TableFileTask):
    """Read a table with the given ImportOptions and keep its Table without the rows.

    ``table`` has the headers, the mapping with the override applied, and
    the header row, encoding, delimiter and sheet that were used.
    """

    def __init__(self, path: str, options: ImportOptions, on_finished=None):
        super().__init__(tr("DTKS Spasial: reading the columns"), path, on_finished)
        self.options = options
        self.table = None

    def read(self) -> None:
        options = self.options
        table = read_table(self.path, sheet=options.sheet, header_row=options.header_row,
                           encoding=options.encoding, delimiter=options.delimiter,
                           mapping_override=options.mapping_override,
                           max_rows=PREVIEW_ROWS)
        # The rows may be hundreds of megabytes, and the panel needs only the header.
        self.table = dataclasses.replace(table, rows=[], rejected=[])


# Rows read below the header to show the columns; the whole file is read by the run.
PREVIEW_ROWS = 200


class ReviewRowsTask(QgsTask):
    """Count the location review filters and list one filter's rows in a worker thread.

    ``source`` is a review.RowSource made on the main thread. With
    ``with_counts`` the task also counts every filter into ``counts``. The
    rows go into ``fids``. finished() hands the task to
    ``on_finished(task, successful)`` on the main thread.
    """

    def __init__(self, source, key: str, low_score: float, with_counts: bool, on_finished):
        super().__init__(tr("Listing the rows to review"), QgsTask.Flag.CanCancel)
        self.source = source
        self.key = key
        self.low_score = low_score
        self.with_counts = with_counts
        self.on_finished = on_finished
        self.feedback = QgsFeedback()
        self.counts = {}
        self.fids = None
        self.error_details = ""

    def run(self) -> bool:
        try:
            if self.with_counts:
                self.counts = review.count_filters(self.source, self.low_score, self.feedback)
            self.setProgress(50.0)
            self.fids = review.matching_ids(self.source, self.key, self.low_score, self.feedback)
        except Exception as error:  # noqa: BLE001 (a bug: the panel logs it)
            self.error_details = describe_unexpected_error(error)
            return False
        return not self.isCanceled()

    def cancel(self) -> None:
        self.feedback.cancel()
        super().cancel()

    def finished(self, successful: bool) -> None:
        self.on_finished(self, successful)


def describe_unexpected_error(error: BaseException) -> str:
    """Return the exception type and stack of an unexpected error, without its message.

    The message of an arbitrary exception may quote a cell of the table,
    such as a NIK or a name, so it is left out of the log.
    """
    stack = "".join(traceback.format_list(traceback.extract_tb(error.__traceback__)))
    return tr("{kind} (message not shown because it may contain personal data)\n"
              "Traceback (most recent call last):\n{stack}").format(
        kind=type(error).__name__, stack=stack)
