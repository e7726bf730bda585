/** The error codes Excel's RichApi.Error carries, as far as the fake raises them. */
export type FakeErrorCode =
  | "PropertyNotLoaded"
  | "InvalidArgument"
  | "InvalidReference"
  | "ItemNotFound"
  | "ItemAlreadyExists"
  | "ApiNotFound"
  | "AccessDenied"
  | "InvalidOperation"
  | "RequestPayloadSizeLimitExceeded"
  | "NotImplementedInFake";

/** Shaped like OfficeExtension.Error (name, code, message), so adapter code that inspects `code` works on both. */
export class FakeExcelError extends Error {
  constructor(
    readonly code: FakeErrorCode,
    message: string,
  ) {
    super(`${code}: ${message}`);
    this.name = "RichApi.Error";
  }
}
