// A saved view's name limit without zod, so the use-case list's bundle stays small (the schema
// is in ./validation/view.ts).

export const VIEW_NAME_MAX = 80;
