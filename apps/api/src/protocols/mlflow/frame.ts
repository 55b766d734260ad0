/**
 * Turns an MLflow scoring request (pandas `dataframe_split` / `dataframe_records`, TF-serving
 * `instances` / `inputs`, or CSV) into a row-major matrix in the model's column order. Columns are
 * matched by name; missing ones are one 422 naming them all; extra ones are ignored.
 * @module
 */
import { ApiError } from "../../errors/api-error";
import { MAX_INFER_ROWS } from "../open-inference/tensors";
import type { CsvTable } from "./csv";

/** The JSON keys MLflow's scoring server accepts, exactly one per request. */
export const MLFLOW_JSON_FORMATS = [
  "dataframe_split",
  "dataframe_records",
  "instances",
  "inputs",
] as const;

/** Feature rows in the model's column order. */
export interface FeatureMatrix {
  readonly rows: number;
  readonly matrix: Float64Array;
}

function invalid(message: string): ApiError {
  return new ApiError("VALIDATION_ERROR", message);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function toNumber(value: unknown, row: number, column: string): number {
  const n = typeof value === "string" && value.trim() !== "" ? Number(value) : value;
  if (typeof n !== "number" || !Number.isFinite(n)) {
    throw invalid(`row ${row} column ${column} is not a finite number`);
  }
  return n;
}

function missing(columns: readonly string[], has: (column: string) => boolean): void {
  const absent = columns.filter((column) => !has(column));
  if (absent.length > 0) throw invalid(`missing columns: ${absent.join(", ")}`);
}

function rowLimit(rows: number): void {
  if (rows < 1 || rows > MAX_INFER_ROWS) {
    throw invalid(`expected 1 to ${MAX_INFER_ROWS} rows, got ${rows}`);
  }
}

/** Named columns + positional rows (`dataframe_split`, CSV). */
function fromSplit(
  names: readonly unknown[],
  data: readonly unknown[],
  columns: readonly string[],
): FeatureMatrix {
  const index = new Map<string, number>();
  names.forEach((name, i) => {
    if (typeof name === "string" && !index.has(name)) index.set(name, i);
  });
  missing(columns, (column) => index.has(column));
  rowLimit(data.length);
  const k = columns.length;
  const matrix = new Float64Array(data.length * k);
  data.forEach((row, r) => {
    if (!Array.isArray(row) || row.length !== names.length) {
      throw invalid(`row ${r} must be an array of ${names.length} values, one per column`);
    }
    columns.forEach((column, j) => {
      matrix[r * k + j] = toNumber(row[index.get(column)!], r, column);
    });
  });
  return { rows: data.length, matrix };
}

/** One object per row (`dataframe_records`, `instances` / `inputs` as records). */
function fromRecords(records: readonly unknown[], columns: readonly string[]): FeatureMatrix {
  rowLimit(records.length);
  const k = columns.length;
  const matrix = new Float64Array(records.length * k);
  records.forEach((record, r) => {
    if (!isRecord(record)) throw invalid(`row ${r} must be an object of column values`);
    missing(columns, (column) => Object.hasOwn(record, column));
    columns.forEach((column, j) => {
      matrix[r * k + j] = toNumber(record[column], r, column);
    });
  });
  return { rows: records.length, matrix };
}

/** `instances` / `inputs`: records, positional rows in the model's order, or `{ column: [values] }`. */
function fromTensorInput(value: unknown, columns: readonly string[], key: string): FeatureMatrix {
  if (isRecord(value)) {
    missing(columns, (column) => Object.hasOwn(value, column));
    const lists = columns.map((column) => value[column]);
    const rows = Array.isArray(lists[0]) ? lists[0].length : 0;
    if (!lists.every((list) => Array.isArray(list) && list.length === rows)) {
      throw invalid(`${key} as columns must map every column to an array of the same length`);
    }
    return fromSplit(
      columns,
      Array.from({ length: rows }, (_, r) => lists.map((list) => (list as unknown[])[r])),
      columns,
    );
  }
  if (!Array.isArray(value))
    throw invalid(`${key} must be an array of rows or an object of columns`);
  if (value.every(Array.isArray)) return fromSplit(columns, value, columns);
  return fromRecords(value, columns);
}

/**
 * Reads a JSON scoring request.
 *
 * @example
 * ```ts
 * fromJsonRequest({ dataframe_split: { columns: ["b", "a"], data: [[2, 1]] } }, ["a", "b"]);
 * // { rows: 1, matrix: Float64Array [1, 2] }
 * ```
 */
export function fromJsonRequest(body: unknown, columns: readonly string[]): FeatureMatrix {
  const keys = isRecord(body) ? MLFLOW_JSON_FORMATS.filter((key) => Object.hasOwn(body, key)) : [];
  if (!isRecord(body) || keys.length !== 1) {
    throw invalid(
      `the body must be a JSON object with exactly one of ${MLFLOW_JSON_FORMATS.join(", ")}`,
    );
  }
  const key = keys[0]!;
  const value = body[key];
  switch (key) {
    case "dataframe_split": {
      if (!isRecord(value) || !Array.isArray(value.columns) || !Array.isArray(value.data)) {
        throw invalid("dataframe_split must be { columns: [...], data: [[...], ...] }");
      }
      return fromSplit(value.columns, value.data, columns);
    }
    case "dataframe_records": {
      if (!Array.isArray(value)) throw invalid("dataframe_records must be an array of objects");
      return fromRecords(value, columns);
    }
    case "instances":
    case "inputs":
      return fromTensorInput(value, columns, key);
    default: {
      const never: never = key;
      throw invalid(`unsupported format ${String(never)}`);
    }
  }
}

/** Reads a `text/csv` scoring request (header row of column names). */
export function fromCsv(table: CsvTable, columns: readonly string[]): FeatureMatrix {
  return fromSplit(table.columns, table.rows, columns);
}
