/**
 * Ends the process quietly (exit 0) when the reader of `stream` goes away (`mle models list |
 * head -1`): the output was not wanted any more, which is not an error worth a stack trace.
 * Other stream errors are rethrown as before.
 */
export function exitQuietlyOnEpipe(
  stream: NodeJS.WriteStream,
  exit: (code: number) => void = (code) => process.exit(code),
): void {
  stream.on("error", (err: NodeJS.ErrnoException) => {
    if (err.code === "EPIPE") exit(0);
    else throw err;
  });
}
