/** A field that could not be used as received. The record is kept; only the field is dropped. */
export interface FieldWarning {
  /** JSON path into the source object, e.g. `networkInterfaces[1].physical`. */
  path: string;
  message: string;
}
