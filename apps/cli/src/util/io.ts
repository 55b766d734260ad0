/** Where the CLI writes: process.stdout/stderr in production, a buffer in tests. */
export interface Writer {
  write(chunk: string): unknown;
  readonly isTTY?: boolean;
}

/**
 * A writer that keeps everything written to it, for tests and for capturing output.
 *
 * @example
 * const out = createBufferWriter();
 * out.write("hi");
 * out.text(); // "hi"
 */
export function createBufferWriter(options: { isTTY?: boolean } = {}): Writer & {
  text(): string;
} {
  const chunks: string[] = [];
  return {
    isTTY: options.isTTY ?? false,
    write(chunk: string) {
      chunks.push(chunk);
      return true;
    },
    text: () => chunks.join(""),
  };
}
