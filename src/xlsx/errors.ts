// The error of a file that cannot be a report lives with the reader, which runs in the browser too.
export { ReportFileError, type FileProblem } from "../reader/errors";
