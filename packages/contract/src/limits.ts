// Limits the API and its clients share, kept apart from `http.ts`: the schemas import them, and a page that builds its
// schemas lazily then wraps only this small module, not every route name.

/** Entries per page of `GET /v1/me/points/history`: 20 unless asked, at most 100. */
export const POINTS_HISTORY_DEFAULT_LIMIT = 20;
export const POINTS_HISTORY_MAX_LIMIT = 100;
