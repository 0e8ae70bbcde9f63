const base = (classId: string) => `/orgs/${encodeURIComponent(classId)}/attendance`;

/** The class's sessions, newest first, with the way to the monthly sheet. */
export const sessionsPath = (classId: string) => base(classId);

/** Attendance for a new session (today by default). */
export const newSessionPath = (classId: string) => `${base(classId)}/new`;

/** Attendance of a session already saved, to edit. */
export const sessionPath = (classId: string, sessionId: string) =>
  `${base(classId)}/sessions/${encodeURIComponent(sessionId)}`;

/** The printable sheet of a month (`YYYY-MM`). */
export const sheetPath = (classId: string, month?: string) =>
  `${base(classId)}/sheet${month ? `?month=${month}` : ''}`;
