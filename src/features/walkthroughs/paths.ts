export const walkthroughPath = (id: string) => `/walkthroughs/${id}`;
export const practicePath = (id: string, step = 1) => `/walkthroughs/${id}/practice?step=${step}`;
