import type { Writer } from "../util/io";
import { describeIssues, toConfigIssues, type ZodIssueLike } from "./zod-issues";
import { isCliError } from "./cli-error";
import { ExitCode } from "./exit-codes";
import { exitCodeOf, isProjectError } from "./project-error";
import { SUGGESTIONS } from "./suggestions";

export interface HandleErrorOptions {
  readonly stderr: Writer;
  /** `--json` was given: the error goes to this stream as `{"error": {"code", "message", "hint"?}}`. */
  readonly json?: Writer;
  /** Print the stack (and causes) after the message. */
  readonly verbose?: boolean;
}

interface CommanderErrorLike extends Error {
  readonly code: string;
  readonly exitCode: number;
}

function isCommanderError(e: unknown): e is CommanderErrorLike {
  return e instanceof Error && (e.name === "CommanderError" || e.name === "InvalidArgumentError");
}

function isZodError(e: unknown): e is Error & { issues: ZodIssueLike[] } {
  return (
    e instanceof Error && e.name === "ZodError" && Array.isArray((e as { issues?: unknown }).issues)
  );
}

function oneLine(s: string): string {
  return s.replace(/\s*\n\s*/g, " ").trim();
}

function report(
  opts: HandleErrorOptions,
  error: unknown,
  code: string,
  message: string,
  exitCode: ExitCode,
): ExitCode {
  const hint = SUGGESTIONS[code];
  if (opts.json) {
    const body = { code, message: oneLine(message), ...(hint ? { hint } : {}) };
    opts.json.write(`${JSON.stringify({ error: body })}\n`);
    return exitCode;
  }
  opts.stderr.write(`error [${code}]: ${oneLine(message)}\n`);
  if (hint) opts.stderr.write(`hint: ${hint}\n`);
  if (opts.verbose && error instanceof Error) {
    let current: unknown = error;
    while (current instanceof Error) {
      opts.stderr.write(`${current.stack ?? current.message}\n`);
      current = current.cause;
      if (current !== undefined) opts.stderr.write("caused by: ");
    }
    if (current !== undefined && !(current instanceof Error))
      opts.stderr.write(`${String(current)}\n`);
  }
  return exitCode;
}

/**
 * The CLI's single error sink: narrows CLI and commander usage errors, then @mle library errors
 * (by name and code), then ZodError, then any Error; writes a one-line message and a hint to
 * stderr (the stack only when `verbose`) and returns the exit code: 2 for usage and config
 * errors, 1 for runtime failures.
 *
 * @example
 * process.exitCode = handleError(err, { stderr: process.stderr, verbose: false });
 */
export function handleError(error: unknown, opts: HandleErrorOptions): ExitCode {
  if (isCliError(error)) {
    const detail = error.issues.length > 0 ? `: ${describeIssues(error.issues)}` : "";
    return report(opts, error, error.code, `${error.message}${detail}`, ExitCode.USAGE);
  }
  if (isCommanderError(error)) {
    // commander has already printed its own message ("error: unknown option ..."), so only hint.
    if (opts.json) {
      const message = oneLine(error.message.replace(/^error: /, ""));
      opts.json.write(`${JSON.stringify({ error: { code: "USAGE_ERROR", message } })}\n`);
      return ExitCode.USAGE;
    }
    const hint = SUGGESTIONS.USAGE_ERROR;
    if (hint) opts.stderr.write(`hint: ${hint}\n`);
    return ExitCode.USAGE;
  }
  if (isProjectError(error)) {
    return report(opts, error, error.code, error.message, exitCodeOf(error));
  }
  if (isZodError(error)) {
    const issues = toConfigIssues(error.issues);
    return report(opts, error, "VALIDATION_ERROR", describeIssues(issues), ExitCode.USAGE);
  }
  if (error instanceof Error) {
    const raw = (error as { code?: unknown }).code;
    const code = typeof raw === "string" ? raw : "INTERNAL_ERROR";
    return report(opts, error, code, error.message || error.name, ExitCode.RUNTIME);
  }
  return report(opts, error, "INTERNAL_ERROR", String(error), ExitCode.RUNTIME);
}
