// What a server action answers to a form: data, or errors the form can place on its fields.
export type ActionResult<T> =
  | { ok: true; data: T }
  | {
      ok: false;
      message: string;
      fieldErrors?: Record<string, string>;
      /** Set when someone else saved first: the record as it is now. */
      conflict?: unknown;
    };
